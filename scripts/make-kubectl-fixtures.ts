// Writes the kubectl fixtures of src/engine/model/import/fixtures/: what `kubectl get ... -o
// yaml` (and -o json) prints for a kind cluster (v1.31, one control plane, two workers,
// kindnet, the default scenario's apps), modelled field by field on real kubectl output:
// keys sorted (sigs.k8s.io/yaml), sequences not indented, server fields (uid,
// resourceVersion, creationTimestamp, managedFields, generateName), ownerReferences, status
// with conditions and addresses. Addresses are as docker and the node IPAM controller hand
// them out, not in node order, so the importer must take them from status. Run once:
// `npx tsx scripts/make-kubectl-fixtures.ts`; the files are kept.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

const DIR = 'src/engine/model/import/fixtures';
const T0 = '2024-11-04T09:12:31Z';
let uidN = 0;
const uid = () => { uidN += 1; const h = (uidN * 2654435761 >>> 0).toString(16).padStart(8, '0'); return `${h}-4c1e-4f2a-9d3b-${(uidN * 40503).toString(16).padStart(12, '0')}`; };
let rv = 400;
const meta = (name: string, ns: string | undefined, extra: Record<string, unknown> = {}, manager = 'kubectl-client-side-apply') => ({
  ...extra, creationTimestamp: T0, name, ...(ns ? { namespace: ns } : {}), resourceVersion: String((rv += 37)), uid: uid(),
  managedFields: [{ apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {} } } }, manager, operation: 'Update', time: T0 }],
});

interface PodIn { ns: string; name: string; node: string; ip: string | 'host'; labels: Record<string, string>; owner?: { kind: string; name: string }; containers: { name: string; image: string; ports?: { containerPort: number; name?: string; protocol?: string }[] }[]; generateName?: string; hostNetwork?: boolean; tolerateAll?: boolean }
const NODES = { 'kind-control-plane': '172.18.0.3', 'kind-worker': '172.18.0.2', 'kind-worker2': '172.18.0.4' } as const;

function pod(p: PodIn) {
  const hostIP = NODES[p.node as keyof typeof NODES];
  const ip = p.ip === 'host' ? hostIP : p.ip;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: meta(p.name, p.ns, {
      ...(p.generateName ? { generateName: p.generateName } : {}), labels: p.labels,
      ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.kind === 'Node' ? 'v1' : 'apps/v1', ...(p.owner.kind === 'Node' ? {} : { blockOwnerDeletion: true }), controller: true, kind: p.owner.kind, name: p.owner.name, uid: uid() }] } : {}),
    }, p.owner?.kind === 'Node' ? 'kubelet' : p.owner ? 'kube-controller-manager' : 'kubectl-client-side-apply'),
    spec: {
      containers: p.containers.map((c) => ({
        image: c.image, imagePullPolicy: 'IfNotPresent', name: c.name,
        ...(c.ports ? { ports: c.ports.map((x) => ({ ...x, protocol: x.protocol ?? 'TCP' })) } : {}),
        resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
        volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: `kube-api-access-${p.name.slice(-5)}`, readOnly: true }],
      })),
      dnsPolicy: p.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst', enableServiceLinks: true,
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
      nodeName: p.node, preemptionPolicy: 'PreemptLowerPriority', priority: p.ns === 'kube-system' ? 2000001000 : 0,
      ...(p.ns === 'kube-system' ? { priorityClassName: 'system-node-critical' } : {}),
      restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'default', serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
      tolerations: p.tolerateAll ? [{ operator: 'Exists' }] : [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [{ name: `kube-api-access-${p.name.slice(-5)}`, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } }],
    },
    status: {
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ lastProbeTime: null, lastTransitionTime: T0, status: 'True', type })),
      containerStatuses: p.containers.map((c, i) => ({
        containerID: `containerd://${(uidN * 7919 + i).toString(16).padStart(64, '0')}`, image: c.image, imageID: `${c.image.split(':')[0]}@sha256:${'ab'.repeat(32)}`,
        lastState: {}, name: c.name, ready: true, restartCount: 0, started: true, state: { running: { startedAt: T0 } },
      })),
      hostIP, hostIPs: [{ ip: hostIP }], phase: 'Running', podIP: ip, podIPs: [{ ip }], qosClass: 'BestEffort', startTime: T0,
    },
  };
}

const deployment = (ns: string, name: string, replicas: number, labels: Record<string, string>, containers: PodIn['containers']) => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: meta(name, ns, { annotations: { 'deployment.kubernetes.io/revision': '1' }, generation: 1, labels }),
  spec: {
    progressDeadlineSeconds: 600, replicas, revisionHistoryLimit: 10, selector: { matchLabels: labels },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
    template: { metadata: { creationTimestamp: null, labels }, spec: { containers: containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...(c.ports ? { ports: c.ports.map((x) => ({ ...x, protocol: 'TCP' })) } : {}) })), dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 } },
  },
  status: { availableReplicas: replicas, conditions: [{ lastTransitionTime: T0, lastUpdateTime: T0, message: `Deployment has minimum availability.`, reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' }], observedGeneration: 1, readyReplicas: replicas, replicas, updatedReplicas: replicas },
});

const daemonSet = (name: string, labels: Record<string, string>, container: PodIn['containers'][number]) => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet',
  metadata: meta(name, 'kube-system', { annotations: { 'deprecated.daemonset.template.generation': '1' }, generation: 1, labels }),
  spec: {
    revisionHistoryLimit: 10, selector: { matchLabels: labels },
    template: { metadata: { creationTimestamp: null, labels }, spec: { containers: [{ ...container, imagePullPolicy: 'IfNotPresent', resources: {} }], hostNetwork: true, dnsPolicy: 'ClusterFirst', priorityClassName: 'system-node-critical', restartPolicy: 'Always', tolerations: [{ operator: 'Exists' }] } },
    updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
  },
  status: { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3 },
});

const service = (ns: string, name: string, spec: Record<string, unknown>, labels?: Record<string, string>, lb = false) => ({
  apiVersion: 'v1', kind: 'Service', metadata: meta(name, ns, labels ? { labels } : {}),
  spec: { ...spec, clusterIPs: [spec.clusterIP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', ...(lb ? { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' } : {}) },
  status: { loadBalancer: {} },
});

const slice = (ns: string, svc: string, suffix: string, port: { name: string; port: number; protocol: string }[], eps: { ip: string; node: string; pod: string }[]) => ({
  addressType: 'IPv4', apiVersion: 'discovery.k8s.io/v1',
  endpoints: eps.map((e) => ({ addresses: [e.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: e.node, targetRef: { kind: 'Pod', name: e.pod, namespace: ns, uid: uid() } })),
  kind: 'EndpointSlice',
  metadata: meta(`${svc}-${suffix}`, ns, {
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': T0 }, generateName: `${svc}-`, generation: 1,
    labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc },
    ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: svc, uid: uid() }],
  }, 'kube-controller-manager'),
  ports: port,
});

const API = [{ name: 'api', image: 'ghcr.io/example/api:1.0', ports: [{ containerPort: 8080, name: 'http' }] }];
const COREDNS_C = [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }] }];
const items = [
  pod({ ns: 'default', name: 'web', node: 'kind-worker', ip: '10.244.2.3', labels: { app: 'web' }, containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }, { name: 'metrics', image: 'prom/statsd-exporter:v0.26.1', ports: [{ containerPort: 9102, name: 'metrics' }] }] }),
  pod({ ns: 'default', name: 'cache', node: 'kind-worker2', ip: '10.244.1.3', labels: { app: 'cache' }, containers: [{ name: 'redis', image: 'redis:7', ports: [{ containerPort: 6379, name: 'redis' }] }] }),
  pod({ ns: 'default', name: 'api-6c7d9f8b54-8x7kq', generateName: 'api-6c7d9f8b54-', node: 'kind-worker', ip: '10.244.2.2', labels: { app: 'api', 'pod-template-hash': '6c7d9f8b54' }, owner: { kind: 'ReplicaSet', name: 'api-6c7d9f8b54' }, containers: API }),
  pod({ ns: 'default', name: 'api-6c7d9f8b54-zr4lp', generateName: 'api-6c7d9f8b54-', node: 'kind-worker2', ip: '10.244.1.2', labels: { app: 'api', 'pod-template-hash': '6c7d9f8b54' }, owner: { kind: 'ReplicaSet', name: 'api-6c7d9f8b54' }, containers: API }),
  pod({ ns: 'default', name: 'db-0', generateName: 'db-', node: 'kind-worker2', ip: '10.244.1.4', labels: { app: 'db', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': 'db-7b9c5d6f8', 'statefulset.kubernetes.io/pod-name': 'db-0' }, owner: { kind: 'StatefulSet', name: 'db' }, containers: [{ name: 'postgres', image: 'postgres:16', ports: [{ containerPort: 5432, name: 'postgres' }] }] }),
  pod({ ns: 'kube-system', name: 'coredns-7c65d6cfc9-4lz8r', generateName: 'coredns-7c65d6cfc9-', node: 'kind-control-plane', ip: '10.244.0.2', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7c65d6cfc9' }, owner: { kind: 'ReplicaSet', name: 'coredns-7c65d6cfc9' }, containers: COREDNS_C }),
  pod({ ns: 'kube-system', name: 'coredns-7c65d6cfc9-qn9tw', generateName: 'coredns-7c65d6cfc9-', node: 'kind-control-plane', ip: '10.244.0.3', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7c65d6cfc9' }, owner: { kind: 'ReplicaSet', name: 'coredns-7c65d6cfc9' }, containers: COREDNS_C }),
  ...['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => pod({ ns: 'kube-system', name: `${c}-kind-control-plane`, node: 'kind-control-plane', ip: 'host', hostNetwork: true, labels: { component: c, tier: 'control-plane' }, owner: { kind: 'Node', name: 'kind-control-plane' }, tolerateAll: true, containers: [{ name: c, image: `registry.k8s.io/${c}:${c === 'etcd' ? '3.5.15-0' : 'v1.31.0'}` }] })),
  ...Object.keys(NODES).flatMap((node, i) => [
    pod({ ns: 'kube-system', name: `kindnet-${['5qk2t', 'hm9fd', 'x7wpl'][i]}`, generateName: 'kindnet-', node, ip: 'host', hostNetwork: true, labels: { app: 'kindnet', 'controller-revision-hash': '7c8fb5b6c6', 'k8s-app': 'kindnet', 'pod-template-generation': '1', tier: 'node' }, owner: { kind: 'DaemonSet', name: 'kindnet' }, tolerateAll: true, containers: [{ name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20240813-c6f155d6' }] }),
    pod({ ns: 'kube-system', name: `kube-proxy-${['b8h4j', 'rt2ms', 'z6kcv'][i]}`, generateName: 'kube-proxy-', node, ip: 'host', hostNetwork: true, labels: { 'controller-revision-hash': '77987969cc', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' }, owner: { kind: 'DaemonSet', name: 'kube-proxy' }, tolerateAll: true, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.0' }] }),
  ]),
  pod({ ns: 'local-path-storage', name: 'local-path-provisioner-57c5987fd4-mxqtc', generateName: 'local-path-provisioner-57c5987fd4-', node: 'kind-control-plane', ip: '10.244.0.4', labels: { app: 'local-path-provisioner', 'pod-template-hash': '57c5987fd4' }, owner: { kind: 'ReplicaSet', name: 'local-path-provisioner-57c5987fd4' }, tolerateAll: true, containers: [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20240813-c6f155d6' }] }),
  service('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' }, { component: 'apiserver', provider: 'kubernetes' }),
  service('default', 'api', { clusterIP: '10.96.147.9', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }], selector: { app: 'api' }, type: 'ClusterIP' }),
  service('default', 'api-public', { clusterIP: '10.96.32.44', ports: [{ name: 'http', nodePort: 31380, port: 80, protocol: 'TCP', targetPort: 'http' }], selector: { app: 'api' }, type: 'LoadBalancer' }, undefined, true),
  service('default', 'db', { clusterIP: 'None', ports: [{ name: 'postgres', port: 5432, protocol: 'TCP', targetPort: 5432 }], selector: { app: 'db' }, type: 'ClusterIP' }),
  service('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }], selector: { 'k8s-app': 'kube-dns' }, type: 'ClusterIP' }, { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }),
  deployment('default', 'api', 2, { app: 'api' }, API),
  deployment('kube-system', 'coredns', 2, { 'k8s-app': 'kube-dns' }, COREDNS_C),
  deployment('local-path-storage', 'local-path-provisioner', 1, { app: 'local-path-provisioner' }, [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20240813-c6f155d6' }]),
  daemonSet('kindnet', { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, { name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20240813-c6f155d6' }),
  daemonSet('kube-proxy', { 'k8s-app': 'kube-proxy' }, { name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.0' }),
  {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db', 'default', { generation: 1 }),
    spec: {
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, podManagementPolicy: 'OrderedReady', replicas: 1, revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'db' } }, serviceName: 'db',
      template: { metadata: { creationTimestamp: null, labels: { app: 'db' } }, spec: { containers: [{ image: 'postgres:16', imagePullPolicy: 'IfNotPresent', name: 'postgres', ports: [{ containerPort: 5432, name: 'postgres', protocol: 'TCP' }], resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' } },
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    },
    status: { availableReplicas: 1, collisionCount: 0, currentReplicas: 1, currentRevision: 'db-7b9c5d6f8', observedGeneration: 1, readyReplicas: 1, replicas: 1, updateRevision: 'db-7b9c5d6f8', updatedReplicas: 1 },
  },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('api', 'default', { generation: 1 }),
    spec: { ingressClassName: 'nginx', rules: [{ host: 'api.example.com', http: { paths: [{ backend: { service: { name: 'api', port: { number: 80 } } }, path: '/', pathType: 'Prefix' }] } }] },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('api-from-web', 'default', { generation: 1 }),
    spec: { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }], podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'] },
  },
  slice('default', 'api', 'x2j9v', [{ name: 'http', port: 8080, protocol: 'TCP' }], [{ ip: '10.244.2.2', node: 'kind-worker', pod: 'api-6c7d9f8b54-8x7kq' }, { ip: '10.244.1.2', node: 'kind-worker2', pod: 'api-6c7d9f8b54-zr4lp' }]),
  slice('default', 'api-public', 'k4w7m', [{ name: 'http', port: 8080, protocol: 'TCP' }], [{ ip: '10.244.2.2', node: 'kind-worker', pod: 'api-6c7d9f8b54-8x7kq' }, { ip: '10.244.1.2', node: 'kind-worker2', pod: 'api-6c7d9f8b54-zr4lp' }]),
  slice('kube-system', 'kube-dns', 'hk2xn', [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }], [{ ip: '10.244.0.2', node: 'kind-control-plane', pod: 'coredns-7c65d6cfc9-4lz8r' }, { ip: '10.244.0.3', node: 'kind-control-plane', pod: 'coredns-7c65d6cfc9-qn9tw' }]),
  { addressType: 'IPv4', apiVersion: 'discovery.k8s.io/v1', endpoints: [{ addresses: ['172.18.0.3'], conditions: { ready: true, serving: true, terminating: false } }], kind: 'EndpointSlice', metadata: meta('kubernetes', 'default', { generation: 1, labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'kubernetes' } }, 'kube-apiserver'), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
];

const node = (name: string, cidr: string, cp: boolean) => ({
  apiVersion: 'v1', kind: 'Node',
  metadata: meta(name, undefined, {
    annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(cp ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}) },
  }, 'kubelet'),
  spec: { podCIDR: cidr, podCIDRs: [cidr], providerID: `kind://docker/kind/${name}`, ...(cp ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}) },
  status: {
    addresses: [{ address: NODES[name as keyof typeof NODES], type: 'InternalIP' }, { address: name, type: 'Hostname' }],
    allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32617100Ki', pods: '110' },
    capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32617100Ki', pods: '110' },
    conditions: [
      { lastHeartbeatTime: T0, lastTransitionTime: T0, message: 'kubelet has sufficient memory available', reason: 'KubeletHasSufficientMemory', status: 'False', type: 'MemoryPressure' },
      { lastHeartbeatTime: T0, lastTransitionTime: T0, message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: [{ names: ['registry.k8s.io/kube-proxy:v1.31.0'], sizeBytes: 95949719 }],
    nodeInfo: { architecture: 'amd64', bootID: uid(), containerRuntimeVersion: 'containerd://1.7.18', kernelVersion: '6.8.0-45-generic', kubeProxyVersion: '', kubeletVersion: 'v1.31.0', machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)', systemUUID: uid() },
  },
});

const list = (xs: unknown[]) => ({ apiVersion: 'v1', items: xs, kind: 'List', metadata: { resourceVersion: '' } });
// kubectl quotes what YAML would read as a timestamp.
const yaml = (v: unknown) => stringify(v, { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).replace(/: (\d{4}-\d\d-\d\dT[\d:]+Z)$/gm, ': "$1"');
writeFileSync(`${DIR}/kind-dump.yaml`, yaml(list(items)));
writeFileSync(`${DIR}/kind-nodes.yaml`, yaml(list([node('kind-control-plane', '10.244.0.0/24', true), node('kind-worker', '10.244.2.0/24', false), node('kind-worker2', '10.244.1.0/24', false)])));
// One namespace of another cluster (kubeadm node names, its own pod range), as -o json.
const shop = [
  { ...pod({ ns: 'shop', name: 'cart-5d9f7c6b8d-2kq9x', generateName: 'cart-5d9f7c6b8d-', node: 'kind-worker', ip: '192.168.1.17', labels: { app: 'cart', 'pod-template-hash': '5d9f7c6b8d' }, owner: { kind: 'ReplicaSet', name: 'cart-5d9f7c6b8d' }, containers: [{ name: 'cart', image: 'ghcr.io/example/cart:2.3', ports: [{ containerPort: 7070 }] }] }) },
  { ...pod({ ns: 'shop', name: 'checkout', node: 'kind-worker2', ip: '192.168.2.9', labels: { app: 'checkout' }, containers: [{ name: 'checkout', image: 'ghcr.io/example/checkout:1.8', ports: [{ containerPort: 5050, name: 'grpc' }] }] }) },
  service('shop', 'cart', { clusterIP: '10.43.18.201', ports: [{ port: 7070, protocol: 'TCP', targetPort: 7070 }], selector: { app: 'cart' }, type: 'ClusterIP' }),
].map((o) => JSON.parse(JSON.stringify(o).replaceAll('kind-worker2', 'worker-2').replaceAll('kind-worker', 'worker-1').replaceAll('172.18.0.2', '10.0.0.11').replaceAll('172.18.0.4', '10.0.0.12')));
writeFileSync(`${DIR}/shop-namespace.json`, `${JSON.stringify(list(shop), null, 4)}\n`);
// `kubectl get pod web -o yaml`: one object, not a List.
writeFileSync(`${DIR}/one-pod.yaml`, yaml(items[0]));
console.log('wrote the kubectl fixtures');
