// The policy map Cilium's agent computes for each endpoint and direction from the rules that
// select it (the policy repository's resolution into the per-endpoint BPF map
// cilium_policy_<id>): entries keyed by peer identity (0: any), protocol and port, each
// remembering the rule it came from. A direction no rule selects is not enforced; once one is,
// only what the map holds passes, and ingress from the local host (reserved:host) always does
// (allow-localhost). The datapath's check is a map lookup: exact identity and port first, then
// the wildcards. ipBlock peers are CIDR identities: they match addresses outside the cluster
// only, never a pod or a node (a documented Cilium limitation, cilium/cilium#9209).
import { cidrContains, ipToInt, parseCidr } from '../../lib/ip';
import type { Protocol } from '../../model/types';
import type { PolicyWorld } from '../world';
import { selectorMatches } from '../selector';
import type { Direction } from '../evaluate';
import { identities, RESERVED, type Identity, type IdentityTable, type ReservedName } from './identity';
import { ciliumRule, type CiliumPeerRule, type CiliumRule, type CiliumSelector } from './translate';
import type { Labels } from '../selector';

export interface MapEntry {
  /** Peer identity; 0 is any. */
  readonly identity: number;
  /** 'ANY' with port 0 matches every protocol and port. */
  readonly protocol: Protocol | 'ANY';
  readonly port: number;
  readonly endPort?: number;
  /** For an ipBlock (CIDR) peer: which world addresses the entry covers. */
  readonly cidr?: { readonly cidr: string; readonly except: readonly string[] };
  /** The rule it was derived from; absent for allow-localhost. */
  readonly rule?: CiliumRule;
}

export interface EndpointPolicy {
  readonly enforced: boolean;
  readonly entries: readonly MapEntry[];
}

/** EndpointSelector.Matches over source:key labels (k8s: keys match k8s: labels, reserved: only reserved ones). */
function matches(sel: CiliumSelector, labels: Labels): boolean {
  return selectorMatches({
    matchLabels: sel.matchLabels ?? {},
    matchExpressions: (sel.matchExpressions ?? []).map((e) => ({ key: e.key, operator: e.operator as 'In', values: e.values ?? [] })),
  }, labels);
}

const isWildcard = (s: CiliumSelector) => !s.matchLabels && !s.matchExpressions;

export interface CiliumPolicy {
  readonly rules: readonly CiliumRule[];
  readonly ids: IdentityTable;
  /** Every pod's endpoint policy in one direction (built once per pod and direction). */
  endpoint(podKey: string, dir: Direction): EndpointPolicy;
}

function portEntries(world: PolicyWorld, ids: IdentityTable, r: CiliumPeerRule, peers: readonly { identity: number; cidr?: MapEntry['cidr'] }[], subject: string, dir: Direction, rule: CiliumRule): MapEntry[] {
  const out: MapEntry[] = [];
  for (const peer of peers) {
    if (!r.toPorts) { out.push({ ...peer, protocol: 'ANY', port: 0, rule }); continue; }
    for (const pr of r.toPorts) {
      for (const p of pr.ports) {
        const protocol = p.protocol as Protocol;
        const n = Number(p.port);
        if (Number.isInteger(n) && /^\d+$/.test(p.port)) {
          out.push({ ...peer, protocol, port: n, ...(p.endPort ? { endPort: p.endPort } : {}), rule });
          continue;
        }
        // A named port: the destination's own ports for ingress, the selected peers' ports for egress.
        const owners = dir === 'ingress' ? [world.pod(subject)!] : world.pods.filter((x) => !x.hostNetwork && (peer.identity === 0 || ids.ofPod(x.key)?.id === peer.identity));
        const numbers = new Set(owners.flatMap((o) => o.ports.filter((cp) => cp.name === p.port && cp.protocol === protocol).map((cp) => cp.containerPort)));
        for (const num of numbers) out.push({ ...peer, protocol, port: num, rule });
      }
    }
  }
  return out;
}

export function ciliumPolicy(world: PolicyWorld): CiliumPolicy {
  const rules = world.policies.map(ciliumRule);
  const ids = identities(world);
  const cache = new Map<string, EndpointPolicy>();
  const compute = (podKey: string, dir: Direction): EndpointPolicy => {
    const id = ids.ofPod(podKey);
    if (!id) return { enforced: false, entries: [] };
    const selecting = rules.filter((r) => matches(r.endpointSelector, id.labels) && (dir === 'ingress' ? r.ingress : r.egress).length > 0);
    if (selecting.length === 0) return { enforced: false, entries: [] };
    const entries: MapEntry[] = dir === 'ingress' ? [{ identity: RESERVED.host, protocol: 'ANY', port: 0 }] : [];
    for (const rule of selecting) {
      for (const r of dir === 'ingress' ? rule.ingress : rule.egress) {
        const peers: { identity: number; cidr?: MapEntry['cidr'] }[] = [];
        for (const sel of r.endpoints ?? []) {
          if (isWildcard(sel)) peers.push({ identity: 0 });
          else for (const i of ids.all()) if (matches(sel, i.labels)) peers.push({ identity: i.id });
        }
        for (const c of r.cidrSet ?? []) peers.push({ identity: RESERVED.world, cidr: { cidr: c.cidr, except: c.except ?? [] } });
        entries.push(...portEntries(world, ids, r, peers, podKey, dir, rule));
      }
    }
    return { enforced: true, entries };
  };
  return {
    rules, ids,
    endpoint(podKey, dir) {
      const k = `${podKey}|${dir}`;
      let e = cache.get(k);
      if (!e) cache.set(k, (e = compute(podKey, dir)));
      return e;
    },
  };
}

const policies = new WeakMap<PolicyWorld, CiliumPolicy>();

export function ciliumPolicyOf(world: PolicyWorld): CiliumPolicy {
  let p = policies.get(world);
  if (!p) policies.set(world, (p = ciliumPolicy(world)));
  return p;
}

/** What the ipcache says of an address, seen from an endpoint's node. */
export function peerIdentity(world: PolicyWorld, ids: IdentityTable, ip: string, localNode: string): Identity {
  const e = world.endpoint(ip);
  if (e.pod) return ids.ofPod(e.pod.key)!;
  const reserved: ReservedName = e.node === undefined ? 'world' : e.node === localNode ? 'host' : 'remote-node';
  return ids.reserved(reserved);
}

export type CiliumVerdict =
  | { readonly allowed: true; readonly entry?: MapEntry }
  | { readonly allowed: false };

/** An endpoint policy's entries for one peer identity (its own and the wildcard's, in map order), gathered once per identity. */
const forPeer = new WeakMap<EndpointPolicy, Map<number, readonly MapEntry[]>>();

function entriesFor(p: EndpointPolicy, identity: number): readonly MapEntry[] {
  let byId = forPeer.get(p);
  if (!byId) forPeer.set(p, (byId = new Map()));
  let list = byId.get(identity);
  if (!list) byId.set(identity, (list = p.entries.filter((e) => e.identity === 0 || e.identity === identity)));
  return list;
}

/** The datapath's policy lookup for a connection's first packet. */
export function ciliumLookup(p: EndpointPolicy, peer: Identity, peerIp: string, protocol: Protocol | 'ICMP', port: number): CiliumVerdict {
  if (!p.enforced) return { allowed: true };
  const hit = entriesFor(p, peer.id).find((e) =>
    (e.protocol === 'ANY' || (e.protocol === protocol && (e.port === 0 || (e.endPort ? port >= e.port && port <= e.endPort : port === e.port))))
    && (!e.cidr || (peer.id === RESERVED.world && cidrContains(parseCidr(e.cidr.cidr), ipToInt(peerIp)) && !e.cidr.except.some((x) => cidrContains(parseCidr(x), ipToInt(peerIp))))));
  return hit ? { allowed: true, entry: hit } : { allowed: false };
}
