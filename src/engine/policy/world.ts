// What NetworkPolicy evaluation reads of a cluster: the policies, each namespace's labels
// (with the immutable kubernetes.io/metadata.name), the pods with their labels, addresses
// and named ports, and which node an address belongs to. Built once per compiled cluster;
// the policies that select a pod are looked up once per pod and direction.
import type { Cluster, ClusterPod } from '../cluster/types';
import type { NetworkPolicySpec, PolicyType } from '../model/netpol-types';
import type { Protocol } from '../model/types';
import { selectorMatches, type Labels } from './selector';

export interface PolicyPod {
  /** NAMESPACE/NAME */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ip: string;
  readonly node: string;
  readonly hostNetwork: boolean;
  readonly ports: readonly { readonly name?: string; readonly containerPort: number; readonly protocol: Protocol }[];
}

/** One end of a connection as policy sees it: an address, and the pod or node that holds it. */
export interface PolicyEndpoint {
  readonly ip: string;
  /** A pod with its own network (host-network pods are their node, as most plugins treat them). */
  readonly pod?: PolicyPod;
  /** The node the address belongs to (its node IP, or a device address such as the bridge's). */
  readonly node?: string;
}

export interface PolicyWorld {
  readonly policies: readonly NetworkPolicySpec[];
  /** Every scheduled pod, host-network ones too. */
  readonly pods: readonly PolicyPod[];
  namespaceLabels(ns: string): Labels;
  pod(key: string): PolicyPod | undefined;
  endpoint(ip: string): PolicyEndpoint;
  /** The policies of the pod's namespace whose podSelector selects it and whose policyTypes name this type, in document order. */
  selecting(pod: PolicyPod, type: PolicyType): readonly NetworkPolicySpec[];
}

export interface WorldInput {
  readonly policies: readonly NetworkPolicySpec[];
  readonly namespaces: ReadonlyMap<string, Labels>;
  readonly pods: readonly PolicyPod[];
  /** The node an address belongs to, if any. */
  readonly nodeOf: (ip: string) => string | undefined;
}

export function makeWorld(input: WorldInput): PolicyWorld {
  const byKey = new Map(input.pods.map((p) => [p.key, p]));
  const byIp = new Map<string, PolicyPod>();
  for (const p of input.pods) if (!p.hostNetwork) byIp.set(p.ip, p);
  const cache = new Map<string, readonly NetworkPolicySpec[]>();
  const byNamespace = new Map<string, NetworkPolicySpec[]>();
  for (const p of input.policies) byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
  // Namespaces the scenario does not declare still exist (podpath creates them), with the label the API server sets.
  const nsLabels = (ns: string): Labels => input.namespaces.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  return {
    policies: input.policies,
    pods: input.pods,
    namespaceLabels: nsLabels,
    pod: (key) => byKey.get(key),
    endpoint(ip) {
      const pod = byIp.get(ip);
      if (pod) return { ip, pod };
      const node = input.nodeOf(ip);
      return node === undefined ? { ip } : { ip, node };
    },
    selecting(pod, type) {
      if (pod.hostNetwork) return [];
      const k = `${pod.key}|${type}`;
      let hit = cache.get(k);
      if (!hit) {
        hit = (byNamespace.get(pod.namespace) ?? []).filter((p) => p.policyTypes.includes(type) && selectorMatches(p.podSelector, pod.labels));
        cache.set(k, hit);
      }
      return hit;
    },
  };
}

const worlds = new WeakMap<Cluster, PolicyWorld>();

/** The policy view of some of a compiled cluster's pods (all of them for policyWorld). */
export function worldOf(cluster: Cluster, pods: readonly ClusterPod[]): PolicyWorld {
  const s = cluster.scenario;
  return makeWorld({
    policies: s.networkPolicies,
    namespaces: new Map(s.namespaces.map((n) => [n.name, n.labels])),
    pods: pods.map((p) => ({
      key: p.key, namespace: p.spec.namespace, name: p.spec.name, labels: p.spec.labels, ip: p.ip, node: p.node,
      hostNetwork: p.spec.hostNetwork, ports: p.spec.containers.flatMap((c) => c.ports),
    })),
    nodeOf: (ip) => {
      const owner = cluster.ownerOf(ip);
      return owner?.netns.startsWith('node/') ? owner.netns.slice(5) : undefined;
    },
  });
}

/** The policy view of a compiled cluster (built once per cluster). */
export function policyWorld(cluster: Cluster): PolicyWorld {
  let w = worlds.get(cluster);
  if (!w) {
    w = worldOf(cluster, cluster.pods);
    worlds.set(cluster, w);
  }
  return w;
}
