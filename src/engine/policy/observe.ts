// Where a plugin that does not implement NetworkPolicy meets one: the policy is drawn, the
// packet passes, and a hop says what the policy would have decided and that this plugin does
// not enforce it. Checked for a connection's first packet only (answers and later packets
// belong to a connection the policy already let through, as conntrack relates them): where
// it arrives in a pod (both the sender's egress and the receiver's ingress, after any Service
// DNAT), and where it leaves a pod for something that is not a pod or a Service.
import type { Netns } from '../cluster/types';
import { cidrContains, ipToInt } from '../lib/ip';
import type { Pkt } from '../stack/packet';
import { record, recording, type Walk } from '../stack/walk';
import { decide, decideDirection, passes, type Connection, type DirectionDecision } from './evaluate';
import { deniedText, directionText } from './reasons';
import { capitalised, ENFORCING_PLUGINS, policyEnforcement } from './support';
import { policyWorld } from './world';

export type PolicyPoint = 'ingress' | 'egress';

const PROTOCOL = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP', icmp: 'ICMP' } as const;

/** A packet NetworkPolicy is about: an inner packet (an IP-in-IP outer header is the underlay's). */
export type PolicyPkt = Pkt & { readonly proto: keyof typeof PROTOCOL };

/** The connection a packet opens, as policy sees it at this point of the walk. */
export function connectionOf(w: Pick<Walk, 'cluster'>, pkt: Pick<PolicyPkt, 'src' | 'dst' | 'proto' | 'dport'>): Connection {
  const world = policyWorld(w.cluster);
  return { src: world.endpoint(pkt.src), dst: world.endpoint(pkt.dst), protocol: PROTOCOL[pkt.proto], port: pkt.proto === 'icmp' ? 0 : pkt.dport };
}

/** A connection's first packet: not an answer, not an ICMP error about another packet. */
export const opensConnection = (w: Walk, pkt: Pkt): pkt is PolicyPkt => w.expect === undefined && pkt.inner === undefined && pkt.proto !== 'ipip';

const selected = (d: DirectionDecision) => d.policies.length > 0;

function words(ds: readonly DirectionDecision[], c: Connection): string {
  const denied = ds.find((d) => !passes(d));
  if (denied) return `NetworkPolicy would deny this: ${deniedText(denied, c)}.`;
  return `NetworkPolicy allows this: ${ds.filter(selected).map((d) => directionText(d, c)).join('; ')}.`;
}

/**
 * Records what NetworkPolicy would decide where the plugin does not enforce it. Returns nothing:
 * the packet goes on either way. Under a plugin that enforces policy it does nothing (the
 * plugin's own stages decide).
 */
export function observePolicy(w: Walk, ns: Netns, dev: string, pkt: Pkt, point: PolicyPoint): void {
  // Only a hop comes of it: a walk that records none (a reachability matrix) has nothing to ask.
  if (!recording(w) || ns.kind !== 'pod' || !opensConnection(w, pkt) || w.cluster.scenario.networkPolicies.length === 0) return;
  const e = policyEnforcement(w.cluster);
  if (e.policy.enforces) return;
  const c = connectionOf(w, pkt);
  let ds: DirectionDecision[];
  if (point === 'ingress') {
    const d = decide(policyWorld(w.cluster), c);
    ds = [d.egress, d.ingress];
  } else {
    // A pod or a Service address is checked where the packet arrives; here only what leaves for elsewhere.
    if (c.dst.pod || cidrContains(w.cluster.serviceSubnet, ipToInt(pkt.dst))) return;
    ds = [decideDirection(policyWorld(w.cluster), c, 'egress')];
  }
  if (!ds.some(selected)) return;
  const verdict = ds.every(passes) ? 'allow' : 'drop';
  record(w, ns, dev, 'policy',
    `${words(ds, c)} ${capitalised(e.plugin)} does not implement NetworkPolicy, so nothing on this path enforces it and the packet passes. A plugin that does (${ENFORCING_PLUGINS}) would ${verdict} it.`,
    pkt, { table: 'networkpolicy' });
}
