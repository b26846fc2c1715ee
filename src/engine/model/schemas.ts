// zod schemas for the documents a scenario may hold: kind's Cluster config, Namespace,
// Pod, Deployment, Service, EndpointSlice and podpath's own settings (kind Podpath). Fields
// podpath does not model are kept here (a real manifest has many); validation/fields.ts
// refuses the ones Kubernetes does not know, as strict decoding does. Names, labels and
// addresses are checked with the API server's rules and messages (validation/*.ts).
import { z } from 'zod';
import { cniSpec } from './cni-config';
import { ipErrors } from './validation/addresses';
import { labelKey, labelValue } from './validation/labels';
import { dns1035Label, dns1123Label, dns1123Subdomain, portName } from './validation/names';
import { checked } from './validation/zod';

export const labelName = checked(dns1123Label);
export const subdomainName = checked(dns1123Subdomain);
const serviceName = checked(dns1035Label);
const ianaSvcName = checked(portName);
export const portNumber = z.number().int().min(1).max(65535);
export const protocol = z.enum(['TCP', 'UDP', 'SCTP']);
const labels = z.record(checked(labelKey), checked(labelValue));
const annotations = z.record(checked(labelKey), z.string());

/** metadata.ownerReferences: the controller that made an object (a pod's ReplicaSet, DaemonSet or StatefulSet). */
const ownerReferences = z.array(z.looseObject({ kind: z.string(), name: z.string(), controller: z.boolean().optional() })).optional();

export const metadata = z.looseObject({
  name: subdomainName,
  namespace: labelName.optional(),
  labels: labels.optional(),
  annotations: annotations.optional(),
  ownerReferences,
});

export const kindCluster = z.looseObject({
  apiVersion: z.literal('kind.x-k8s.io/v1alpha4'),
  kind: z.literal('Cluster'),
  name: labelName.optional(),
  nodes: z.array(z.looseObject({
    role: z.enum(['control-plane', 'worker']).default('control-plane'),
    labels: labels.optional(),
  })).min(1).optional(),
  networking: z.looseObject({
    ipFamily: z.literal('ipv4', { message: 'podpath models IPv4 only' }).optional(),
    podSubnet: z.string().optional(),
    serviceSubnet: z.string().optional(),
    kubeProxyMode: z.enum(['iptables', 'ipvs', 'nftables', 'none']).optional(),
    disableDefaultCNI: z.boolean().optional(),
  }).optional(),
});

const containerPort = z.looseObject({
  containerPort: portNumber,
  name: ianaSvcName.optional(),
  protocol: protocol.default('TCP'),
  hostPort: portNumber.optional(),
});

export const container = z.looseObject({
  name: labelName,
  image: z.string().default(''),
  ports: z.array(containerPort).default([]),
  args: z.array(z.string()).optional(),
});

const toleration = z.looseObject({
  key: z.string().optional(),
  operator: z.enum(['Exists', 'Equal']).default('Equal'),
  value: z.string().optional(),
  effect: z.string().optional(),
});

/** The pod's DNS settings the kubelet reads (core/v1 PodDNSConfig). */
const dnsConfig = z.looseObject({
  nameservers: z.array(z.string()).max(3, 'at most 3 nameservers (the kubelet\'s limit)').optional(),
  searches: z.array(z.string()).max(32, 'at most 32 search domains (the kubelet\'s limit)').optional(),
  options: z.array(z.looseObject({ name: z.string(), value: z.string().optional() })).optional(),
});

export const podSpec = z.looseObject({
  nodeName: subdomainName.optional(),
  nodeSelector: labels.optional(),
  tolerations: z.array(toleration).optional(),
  hostNetwork: z.boolean().optional(),
  dnsPolicy: z.enum(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']).optional(),
  dnsConfig: dnsConfig.optional(),
  hostname: labelName.optional(),
  subdomain: labelName.optional(),
  hostAliases: z.array(z.looseObject({ ip: z.string(), hostnames: z.array(z.string()).default([]) })).optional(),
  containers: z.array(container).min(1, 'a pod needs at least one container'),
});

export const pod = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Pod'),
  metadata,
  spec: podSpec,
  status: z.looseObject({
    conditions: z.array(z.looseObject({ type: z.string(), status: z.string() })).optional(),
    /** The address a real cluster gave the pod (kubectl get pods -o yaml); checked in compile. */
    podIP: z.string().optional(),
  }).optional(),
});

export const deployment = z.looseObject({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('Deployment'),
  metadata,
  spec: z.looseObject({
    replicas: z.number().int().min(0).max(5000).default(1),
    selector: z.looseObject({ matchLabels: labels.optional() }).optional(),
    template: z.looseObject({
      metadata: z.looseObject({ labels: labels.optional(), annotations: annotations.optional() }).optional(),
      spec: podSpec,
    }),
  }),
});

export const daemonSet = z.looseObject({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('DaemonSet'),
  metadata,
  spec: z.looseObject({
    selector: z.looseObject({ matchLabels: labels.optional() }).optional(),
    template: z.looseObject({
      metadata: z.looseObject({ labels: labels.optional(), annotations: labels.optional() }).optional(),
      spec: podSpec,
    }),
  }),
});

export const statefulSet = z.looseObject({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('StatefulSet'),
  metadata,
  spec: z.looseObject({
    replicas: z.number().int().min(0).max(5000).default(1),
    /** The headless Service that gives each pod its stable DNS name. */
    serviceName: z.string().optional(),
    selector: z.looseObject({ matchLabels: labels.optional() }).optional(),
    template: z.looseObject({
      metadata: z.looseObject({ labels: labels.optional(), annotations: labels.optional() }).optional(),
      spec: podSpec,
    }),
  }),
});

export const namespace = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Namespace'),
  metadata: z.looseObject({ name: labelName, labels: labels.optional() }),
});

const servicePort = z.looseObject({
  name: labelName.optional(),
  protocol: protocol.default('TCP'),
  port: portNumber,
  targetPort: z.union([portNumber, ianaSvcName]).optional(),
  nodePort: portNumber.optional(),
});

const ipText = checked(ipErrors);

/** A v1 Service, with the fields kube-proxy and the cloud load balancer act on. */
export const service = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Service'),
  metadata: z.looseObject({ name: serviceName, namespace: labelName.optional(), labels: labels.optional(), annotations: annotations.optional() }),
  spec: z.looseObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).default('ClusterIP'),
    clusterIP: z.union([ipText, z.literal('None'), z.literal('')]).optional(),
    selector: labels.optional(),
    ports: z.array(servicePort).default([]),
    externalIPs: z.array(ipText).default([]),
    sessionAffinity: z.enum(['None', 'ClientIP']).default('None'),
    sessionAffinityConfig: z.looseObject({
      clientIP: z.looseObject({ timeoutSeconds: z.number().int().min(1).max(86400).optional() }).optional(),
    }).optional(),
    externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
    internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
    healthCheckNodePort: portNumber.optional(),
    loadBalancerIP: ipText.optional(),
    loadBalancerSourceRanges: z.array(z.string()).default([]),
    externalName: z.string().optional(),
  }).default({ type: 'ClusterIP', ports: [], externalIPs: [], sessionAffinity: 'None', loadBalancerSourceRanges: [] }),
  status: z.looseObject({
    loadBalancer: z.looseObject({ ingress: z.array(z.looseObject({ ip: ipText.optional(), hostname: z.string().optional() })).optional() }).optional(),
  }).optional(),
});

/** A discovery.k8s.io/v1 EndpointSlice given by hand (for a Service without a selector). */
export const endpointSlice = z.looseObject({
  apiVersion: z.literal('discovery.k8s.io/v1'),
  kind: z.literal('EndpointSlice'),
  metadata,
  addressType: z.literal('IPv4', { message: 'podpath models IPv4 only' }).default('IPv4'),
  ports: z.array(z.looseObject({ name: z.union([z.literal(''), labelName]).optional(), port: portNumber, protocol: protocol.default('TCP') })).default([]),
  endpoints: z.array(z.looseObject({
    addresses: z.array(ipText).min(1),
    conditions: z.looseObject({ ready: z.boolean().optional(), serving: z.boolean().optional(), terminating: z.boolean().optional() }).optional(),
    nodeName: subdomainName.optional(),
  })).default([]),
});

const outsideHost = z.strictObject({
  name: labelName,
  ip: ipText,
  ports: z.array(z.strictObject({ port: portNumber, protocol: protocol.default('TCP') })).default([]),
  /** DNS names the internet's resolvers answer with this host's address. */
  names: z.array(subdomainName).default([]),
});

const routeEdit = z.strictObject({
  node: z.string(),
  pod: z.string().optional(),
  op: z.enum(['add', 'del']),
  route: z.string(),
});

export const settings = z.strictObject({
  apiVersion: z.literal('podpath.dev/v1alpha1'),
  kind: z.literal('Podpath'),
  metadata: z.strictObject({ name: subdomainName.optional() }).optional(),
  spec: z.strictObject({
    ...cniSpec,
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    outsideHosts: z.array(outsideHost).optional(),
    routes: z.array(routeEdit).default([]),
    layout: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).default({}),
    systemPods: z.boolean().default(true),
    /** The resolver on the internet that the node network's DNS forwards to (checked in checks.ts). */
    upstreamDNS: z.string().optional(),
    egressMasquerade: z.boolean().default(true),
    ipvsScheduler: z.enum(['rr', 'wrr', 'lc', 'sh', 'mh']).default('rr'),
    /** kube-apiserver --service-node-port-range, e.g. "30000-32767" (checked in checks.ts). */
    serviceNodePortRange: z.string().optional(),
    /** Components to install with the cluster, as their own manifests install them (model/addons.ts). */
    addons: z.array(z.enum(['ingress-nginx', 'envoy-gateway'], { message: 'addons podpath can install: ingress-nginx, envoy-gateway' })).default([]),
  }).default({ cni: 'bridge', seed: 1, routes: [], layout: {}, systemPods: true, egressMasquerade: true, ipvsScheduler: 'rr', addons: [] }),
});

/**
 * A v1 Node as `kubectl get nodes -o yaml` prints it: its name and labels (the role label says
 * control plane or worker), spec.podCIDR and status.addresses. With Node documents, they are
 * the cluster's nodes (an observed cluster) instead of the kind config's list.
 */
export const node = z.looseObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Node'),
  metadata: z.looseObject({ name: subdomainName, labels: labels.optional() }),
  spec: z.looseObject({
    podCIDR: z.string().optional(),
    podCIDRs: z.array(z.string()).optional(),
    taints: z.array(z.looseObject({ key: z.string(), effect: z.string(), value: z.string().optional() })).optional(),
  }).optional(),
  status: z.looseObject({
    addresses: z.array(z.looseObject({ type: z.string(), address: z.string() })).optional(),
  }).optional(),
});

export type NodeDoc = z.infer<typeof node>;
export type KindClusterDoc = z.infer<typeof kindCluster>;
export type PodDoc = z.infer<typeof pod>;
export type DeploymentDoc = z.infer<typeof deployment>;
export type DaemonSetDoc = z.infer<typeof daemonSet>;
export type StatefulSetDoc = z.infer<typeof statefulSet>;
export type PodSpecDoc = z.infer<typeof podSpec>;
export type SettingsDoc = z.infer<typeof settings>;
export type ServiceDoc = z.infer<typeof service>;
export type EndpointSliceDoc = z.infer<typeof endpointSlice>;
