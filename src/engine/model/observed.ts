// A cluster as a real one reported it. Node documents (`kubectl get nodes -o yaml`) give the
// nodes: their names, roles (the node-role label), labels, InternalIP, spec.podCIDR and the
// control plane's taint; the node network is the /16 that holds the first node's address
// (docker's network for kind; simplified: podpath puts every node on that one network).
// Pods a controller made (metadata.ownerReferences to a ReplicaSet, DaemonSet or StatefulSet
// of the scenario) are adopted by it, as the controllers adopt pods that match: the
// Deployment makes only the replicas it is short of, the DaemonSet skips the nodes that run
// one, the StatefulSet the ordinals that exist.
import { CONTROL_PLANE_TAINT } from './defaults';
import type { Located } from './parse';
import type * as S from './schemas';
import type { ClusterNodeSpec, PodOwner } from './types';

const ROLE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export function observedNodes(nodes: readonly Located<S.NodeDoc>[]): { nodes: ClusterNodeSpec[]; nodeSubnet: string | undefined } {
  const out = nodes.map((n): ClusterNodeSpec => {
    const labels = n.value.metadata.labels ?? {};
    const ip = n.value.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const podCidr = n.value.spec?.podCIDR ?? n.value.spec?.podCIDRs?.[0];
    const tainted = (n.value.spec?.taints ?? []).some((t) => t.key === CONTROL_PLANE_TAINT && t.effect === 'NoSchedule');
    return {
      name: n.value.metadata.name, role: ROLE_LABELS.some((k) => k in labels) ? 'control-plane' : 'worker', labels,
      observed: { ...(ip ? { ip } : {}), ...(podCidr ? { podCidr } : {}), tainted, source: { doc: n.doc, line: n.line([]), fields: n.fields } },
    };
  });
  const first = out.find((n) => n.observed?.ip)?.observed?.ip;
  const m = first ? /^(\d+)\.(\d+)\./.exec(first) : null;
  return { nodes: out, nodeSubnet: m ? `${m[1]}.${m[2]}.0.0/16` : undefined };
}

interface Owned { readonly kind: string; readonly name: string; readonly controller?: boolean }

/** What each workload adopts of the scenario's pods, and the owner each adopted pod gets. */
export interface Adoption {
  /** By pod document index. */
  readonly owners: ReadonlyMap<number, PodOwner>;
  /** Adopted pods per Deployment ("ns/name"). */
  readonly replicas: ReadonlyMap<string, number>;
  /** Nodes where a DaemonSet ("ns/name") already runs a pod. */
  readonly daemonNodes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Pod keys ("ns/name") a StatefulSet already has. */
  readonly ordinals: ReadonlySet<string>;
}

export function adopt(parsed: { pods: readonly Located<S.PodDoc>[]; deployments: readonly Located<S.DeploymentDoc>[]; daemonSets: readonly Located<S.DaemonSetDoc>[]; statefulSets: readonly Located<S.StatefulSetDoc>[] }): Adoption {
  const key = (ns: string | undefined, name: string) => `${ns ?? 'default'}/${name}`;
  const deployments = new Set(parsed.deployments.map((d) => key(d.value.metadata.namespace, d.value.metadata.name)));
  const daemonSets = new Set(parsed.daemonSets.map((d) => key(d.value.metadata.namespace, d.value.metadata.name)));
  const statefulSets = new Set(parsed.statefulSets.map((d) => key(d.value.metadata.namespace, d.value.metadata.name)));
  const owners = new Map<number, PodOwner>();
  const replicas = new Map<string, number>();
  const daemonNodes = new Map<string, Set<string>>();
  const ordinals = new Set<string>();
  parsed.pods.forEach((p, i) => {
    const m = p.value.metadata;
    const ref = (m.ownerReferences as readonly Owned[] | undefined)?.find((o) => o.controller === true);
    if (!ref) return;
    if (ref.kind === 'ReplicaSet') {
      // The ReplicaSet is <deployment>-<pod-template-hash>.
      const deployment = ref.name.replace(/-[^-]+$/, '');
      const k = key(m.namespace, deployment);
      if (deployment === ref.name || !deployments.has(k)) return;
      owners.set(i, { kind: 'ReplicaSet', name: ref.name, deployment });
      replicas.set(k, (replicas.get(k) ?? 0) + 1);
    } else if (ref.kind === 'DaemonSet' && daemonSets.has(key(m.namespace, ref.name))) {
      owners.set(i, { kind: 'DaemonSet', name: ref.name });
      const nodes = daemonNodes.get(key(m.namespace, ref.name)) ?? new Set<string>();
      if (p.value.spec.nodeName) nodes.add(p.value.spec.nodeName);
      daemonNodes.set(key(m.namespace, ref.name), nodes);
    } else if (ref.kind === 'StatefulSet' && statefulSets.has(key(m.namespace, ref.name))) {
      const ordinal = Number(/-(\d+)$/.exec(m.name)?.[1] ?? 0);
      owners.set(i, { kind: 'StatefulSet', name: ref.name, ordinal });
      ordinals.add(key(m.namespace, m.name));
    }
  });
  return { owners, replicas, daemonNodes, ordinals };
}
