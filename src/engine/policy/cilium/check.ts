// Cilium's policy check as its eBPF programs make it for a connection's first packet: the
// source endpoint's egress map in from-container (bpf_lxc, on the pod's host-side veth), the
// destination endpoint's ingress map before delivery to it (to-container / the tail call for
// a local endpoint). The hop's words come from the policy catalogue; where Cilium decides
// otherwise than the API reads (an ipBlock naming pod addresses), the words say why.
import type { Protocol } from '../../model/types';
import type { PolicyWorld } from '../world';
import { decideDirection, type Direction } from '../evaluate';
import { deniedText, directionText, endpointText, portText } from '../reasons';
import { ciliumLookup, ciliumPolicyOf, peerIdentity } from './policymap';
import { endpointId } from './identity';
import { formatDropLine } from './format';

export interface PacketFacts {
  readonly src: string;
  readonly dst: string;
  readonly proto: 'tcp' | 'udp' | 'sctp' | 'icmp';
  readonly sport: number;
  readonly dport: number;
  readonly flags: string;
}

export interface CiliumCheck {
  readonly allowed: boolean;
  readonly text: string;
  /** The policy map entry that decided, or the monitor's drop line. */
  readonly rule: string;
  readonly code?: 'policy-ingress' | 'policy-egress';
}

const PROTOCOL = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP', icmp: 'ICMP' } as const;

/** The datapath's lookup in the endpoint's policy map; undefined when no policy selects the endpoint in `dir`. */
function lookup(world: PolicyWorld, podKey: string, dir: Direction, pkt: PacketFacts) {
  const cp = ciliumPolicyOf(world);
  const ep = cp.endpoint(podKey, dir);
  if (!ep.enforced) return undefined;
  const me = world.pod(podKey)!;
  const peerIp = dir === 'ingress' ? pkt.src : pkt.dst;
  const peer = peerIdentity(world, cp.ids, peerIp, me.node);
  const protocol: Protocol | 'ICMP' = PROTOCOL[pkt.proto];
  const port = pkt.proto === 'icmp' ? 0 : pkt.dport;
  return { cp, peer, protocol, port, v: ciliumLookup(ep, peer, peerIp, protocol, port) };
}

/** ciliumCheck's verdict alone, without its words (for a walk that records no hop it lets through). */
export function ciliumAllows(world: PolicyWorld, podKey: string, dir: Direction, pkt: PacketFacts): boolean | undefined {
  return lookup(world, podKey, dir, pkt)?.v.allowed;
}

/**
 * The check for `dir` at the endpoint `podKey` (the source for egress, the destination for
 * ingress), on the node that endpoint runs on. undefined when no policy selects the endpoint
 * in that direction (nothing to say: Cilium does not enforce it).
 */
export function ciliumCheck(world: PolicyWorld, podKey: string, dir: Direction, pkt: PacketFacts): CiliumCheck | undefined {
  const l = lookup(world, podKey, dir, pkt);
  if (!l) return undefined;
  const { cp, peer, protocol, port, v } = l;
  const self = cp.ids.ofPod(podKey)!;
  const c = { src: world.endpoint(pkt.src), dst: world.endpoint(pkt.dst), protocol, port };
  const api = decideDirection(world, c, dir);
  const id = endpointId(podKey);
  const who = `endpoint ${id} (${podKey}, identity ${self.id})`;
  const towards = `${dir === 'ingress' ? 'from' : 'to'} identity ${peer.id} (${endpointText(dir === 'ingress' ? c.src : c.dst)})`;
  if (v.allowed) {
    const why = v.entry?.rule ? directionText(api, c) : `ingress from the local host is always allowed (allow-localhost)`;
    return {
      allowed: true,
      text: `Cilium looks the packet up in the policy map of ${who}: ${dir} ${towards} on ${portText(protocol, port)} has an entry, so the packet goes on. ${why[0]!.toUpperCase()}${why.slice(1)}.`,
      rule: `Allow ${dir === 'ingress' ? 'Ingress' : 'Egress'} identity ${v.entry?.identity ?? peer.id} ${v.entry && v.entry.protocol !== 'ANY' ? `${v.entry.port}/${v.entry.protocol}` : 'ANY'}`,
    };
  }
  const reason = api.verdict.kind === 'denied'
    ? deniedText(api, c)
    : `${directionText(api, c)}; but Cilium matches an ipBlock only against addresses outside the cluster, never a pod's or a node's (cilium/cilium#9209), so its map holds no entry for identity ${peer.id}`;
  return {
    allowed: false,
    text: `Cilium looks the packet up in the policy map of ${who}: no entry allows ${dir} ${towards} on ${portText(protocol, port)}, so the program drops it ("Policy denied"): ${reason}.`,
    rule: formatDropLine(dir === 'ingress' ? id : 0, dir === 'ingress' ? peer.id : self.id, dir === 'ingress' ? self.id : peer.id, pkt),
    code: dir === 'ingress' ? 'policy-ingress' : 'policy-egress',
  };
}
