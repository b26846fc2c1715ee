// Cilium's security identities: every pod's security-relevant labels (its own, its namespace
// and the namespace's labels, its service account, the cluster) name one numeric identity,
// shared by every pod with the same labels; the ipcache maps each address to one. Reserved
// identities stand for the local host (1), anything outside the cluster (world, 2) and the
// other nodes (remote-node, 6). Cluster identities are allocated in 256..65535; podpath hashes
// the label set into that range (a real cluster allocates the next free one), so a scenario
// always shows the same numbers. Endpoint ids (per node) are hashed likewise.
import { sha256Hex } from '../../lib/hash';
import type { PolicyWorld, PolicyPod } from '../world';
import type { Labels } from '../selector';
import { NAMESPACE_LABELS_PREFIX, POD_NAMESPACE_LABEL } from './translate';

export const RESERVED = { host: 1, world: 2, 'remote-node': 6 } as const;
export type ReservedName = keyof typeof RESERVED;

export interface Identity {
  readonly id: number;
  /** source:key=value labels; reserved identities have one reserved: label. */
  readonly labels: Labels;
}

/** The labels Cilium derives for a pod's identity, as source:key. */
export function podIdentityLabels(world: PolicyWorld, pod: PolicyPod): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.labels)) out[`k8s:${k}`] = v;
  out[`k8s:${POD_NAMESPACE_LABEL}`] = pod.namespace;
  for (const [k, v] of Object.entries(world.namespaceLabels(pod.namespace))) out[`k8s:${NAMESPACE_LABELS_PREFIX}${k}`] = v;
  out['k8s:io.cilium.k8s.policy.serviceaccount'] = 'default';
  out['k8s:io.cilium.k8s.policy.cluster'] = 'default';
  return out;
}

const labelsKey = (l: Labels) => Object.keys(l).sort().map((k) => `${k}=${l[k]}`).join(';');

export interface IdentityTable {
  ofPod(key: string): Identity | undefined;
  reserved(name: ReservedName): Identity;
  all(): readonly Identity[];
}

export function identities(world: PolicyWorld): IdentityTable {
  const byLabels = new Map<string, Identity>();
  const used = new Set<number>(Object.values(RESERVED));
  const byPod = new Map<string, Identity>();
  const pods = world.pods.filter((p) => !p.hostNetwork);
  // Allocate in a fixed order (by label set), so an identity does not depend on pod order.
  // Pods of a Deployment share their labels: the label set is worked out once per namespace
  // and pod labels as written (a cheap key; the same set written in another order is only a miss).
  const sets = new Map<string, Labels>();
  const keyOf = new Map<string, string>();
  const podKeys = pods.map((p) => {
    const cheap = `${p.namespace}\u0000${Object.entries(p.labels).join('\u0000')}`;
    let key = keyOf.get(cheap);
    if (key === undefined) {
      const l = podIdentityLabels(world, p);
      key = labelsKey(l);
      sets.set(key, l);
      keyOf.set(cheap, key);
    }
    return key;
  });
  for (const key of [...sets.keys()].sort()) {
    let id = 256 + (parseInt(sha256Hex(`identity:${key}`).slice(0, 8), 16) % (65536 - 256));
    while (used.has(id)) id = id === 65535 ? 256 : id + 1;
    used.add(id);
    byLabels.set(key, { id, labels: sets.get(key)! });
  }
  pods.forEach((p, i) => byPod.set(p.key, byLabels.get(podKeys[i]!)!));
  const reserved = (name: ReservedName): Identity => ({ id: RESERVED[name], labels: { [`reserved:${name}`]: '' } });
  return { ofPod: (k) => byPod.get(k), reserved, all: () => [...byLabels.values()] };
}

const endpointIds = new Map<string, number>();

/** A pod's endpoint id on its node (1..4095); a hash, so worked out once per pod (bounded). */
export function endpointId(podKey: string): number {
  let id = endpointIds.get(podKey);
  if (id === undefined) {
    id = 1 + (parseInt(sha256Hex(`endpoint:${podKey}`).slice(0, 8), 16) % 4095);
    if (endpointIds.size >= 10_000) endpointIds.clear();
    endpointIds.set(podKey, id);
  }
  return id;
}
