// The controllers that turn workloads into pods, as the cluster would run them: a
// Deployment's ReplicaSet makes `replicas` pods named <replicaset>-<5 characters>; a
// DaemonSet makes one pod on every node its template fits (nodeSelector, and the
// control-plane taint unless tolerated), pinned there; a StatefulSet makes pods with
// ordinal names <set>-0, <set>-1 ..., each with hostname = its name and subdomain = the
// set's serviceName, which gives it a stable DNS name under its headless Service.
import type * as S from './schemas';
import { CONTROL_PLANE_TAINT } from './defaults';
import { podSuffix, podTemplateHash } from './replicaset';
import { selectorMatches, toleratesControlPlane } from './tolerations';
import type { ClusterSpec, ContainerSpec, PodOwner, PodSpec } from './types';

function containers(spec: S.PodSpecDoc): ContainerSpec[] {
  return spec.containers.map((c) => ({
    name: c.name,
    image: c.image,
    ports: c.ports.map((p) => ({ containerPort: p.containerPort, name: p.name, protocol: p.protocol })),
    ...(c.args ? { args: c.args } : {}),
  }));
}

export function isReady(annotations: Record<string, string> | undefined, conditions?: readonly { type: string; status: string }[]): boolean {
  if (annotations?.['podpath.dev/ready'] === 'false') return false;
  const c = conditions?.find((x) => x.type === 'Ready');
  return c === undefined || c.status === 'True';
}

interface PodBase {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly ready: boolean;
}

export function podFromSpec(base: PodBase, spec: S.PodSpecDoc, source: PodSpec['source'], owner?: PodOwner, extra: Partial<PodSpec> = {}): PodSpec {
  return {
    ...base,
    nodeName: spec.nodeName,
    nodeSelector: spec.nodeSelector ?? {},
    tolerations: (spec.tolerations ?? []).map((t) => ({ key: t.key, operator: t.operator, value: t.value, effect: t.effect })),
    hostNetwork: spec.hostNetwork ?? false,
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    ...(spec.dnsConfig ? {
      dnsConfig: {
        nameservers: spec.dnsConfig.nameservers ?? [], searches: spec.dnsConfig.searches ?? [],
        options: (spec.dnsConfig.options ?? []).map((o) => ({ name: o.name, ...(o.value !== undefined ? { value: o.value } : {}) })),
      },
    } : {}),
    ...(spec.hostname ? { hostname: spec.hostname } : {}),
    ...(spec.subdomain ? { subdomain: spec.subdomain } : {}),
    hostAliases: (spec.hostAliases ?? []).map((a) => ({ ip: a.ip, hostnames: a.hostnames })),
    containers: containers(spec),
    owner,
    source,
    ...extra,
  };
}

interface Template { readonly metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; readonly spec: S.PodSpecDoc }

function base(ns: string, name: string, t: Template, labels: Record<string, string>): PodBase {
  return { namespace: ns, name, labels, annotations: t.metadata?.annotations ?? {}, ready: isReady(t.metadata?.annotations) };
}

export function expandDeployment(d: S.DeploymentDoc, source: PodSpec['source'], taken: Set<string>): PodSpec[] {
  const ns = d.metadata.namespace ?? 'default';
  const hash = podTemplateHash(d.spec.template);
  const rs = `${d.metadata.name}-${hash}`;
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
  const out: PodSpec[] = [];
  for (let i = 0; i < d.spec.replicas; i++) {
    const name = `${rs}-${podSuffix(`${ns}/${rs}`, i, taken)}`;
    taken.add(`${ns}/${name}`);
    out.push(podFromSpec(base(ns, name, d.spec.template, labels), d.spec.template.spec, source, { kind: 'ReplicaSet', name: rs, deployment: d.metadata.name }));
  }
  return out;
}

/** The tolerations the DaemonSet controller adds to every pod it makes (node problems it must survive). */
const DAEMONSET_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/unschedulable'];

export function expandDaemonSet(d: S.DaemonSetDoc, cluster: ClusterSpec, source: PodSpec['source'], taken: Set<string>): PodSpec[] {
  const ns = d.metadata.namespace ?? 'default';
  const hash = podTemplateHash(d.spec.template);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': '1' };
  const tols = d.spec.template.spec.tolerations ?? [];
  const hasWorkers = cluster.nodes.some((n) => n.role === 'worker');
  const out: PodSpec[] = [];
  cluster.nodes.forEach((node) => {
    const nodeLabels = { ...node.labels, 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux', ...(node.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}) };
    if (!selectorMatches(d.spec.template.spec.nodeSelector ?? {}, nodeLabels)) return;
    const tainted = node.role === 'control-plane' && hasWorkers;
    if (tainted && !toleratesControlPlane(tols.map((t) => ({ key: t.key, operator: t.operator ?? 'Equal', value: t.value, effect: t.effect })))) return;
    const name = `${d.metadata.name}-${podSuffix(`${ns}/${d.metadata.name}/${node.name}`, 0, taken)}`;
    taken.add(`${ns}/${name}`);
    const pod = podFromSpec(base(ns, name, d.spec.template, labels), d.spec.template.spec, source, { kind: 'DaemonSet', name: d.metadata.name }, { nodeName: node.name });
    out.push({ ...pod, tolerations: [...pod.tolerations, ...DAEMONSET_TOLERATIONS.map((key) => ({ key, operator: 'Exists' as const, effect: 'NoExecute' }))] });
  });
  return out;
}

export function expandStatefulSet(d: S.StatefulSetDoc, source: PodSpec['source'], taken: Set<string>): PodSpec[] {
  const ns = d.metadata.namespace ?? 'default';
  const hash = podTemplateHash(d.spec.template);
  const out: PodSpec[] = [];
  for (let i = 0; i < d.spec.replicas; i++) {
    const name = `${d.metadata.name}-${i}`;
    taken.add(`${ns}/${name}`);
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'controller-revision-hash': `${d.metadata.name}-${hash}`, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) };
    out.push(podFromSpec(base(ns, name, d.spec.template, labels), d.spec.template.spec, source, { kind: 'StatefulSet', name: d.metadata.name, ordinal: i }, {
      hostname: name, ...(d.spec.serviceName ? { subdomain: d.spec.serviceName } : {}),
    }));
  }
  return out;
}

/** kind's CoreDNS Deployment (kube-system/coredns, 2 replicas, tolerating the control-plane taint), as kubeadm writes it. */
export const COREDNS: S.DeploymentDoc = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        // kubeadm creates CoreDNS before any worker joins, so in kind both replicas run on
        // the control plane; the selector stands for that timing.
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: CONTROL_PLANE_TAINT, operator: 'Exists', effect: 'NoSchedule' }],
        // CoreDNS resolves through the node's resolv.conf (its `forward . /etc/resolv.conf`).
        dnsPolicy: 'Default',
        containers: [{
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
        }],
      },
    },
  },
};
