// Cilium's own connection tracking and NAT (the cilium_ct4 and cilium_snat_v4 BPF maps),
// kept apart from netfilter's conntrack: a NAT the datapath does (a NodePort's DNAT and SNAT,
// BPF masquerading) is stored with the tuple the packet had and the tuple an answer will
// have, and an answer is translated back from it, without any rule. A Service translated per
// packet in bpf_lxc is kept apart (its reverse NAT is the lb4_reverse_nat map, undone when the
// answer is delivered to the client endpoint), so a NodePort's answer and a ClusterIP's never
// meet the other's entry.
import type { Netns } from '../../cluster/types';
import { invert, tupleOf, type CtEntry, type CtTuple } from '../../stack/conntrack';
import type { Pkt } from '../../stack/packet';
import type { Walk } from '../../stack/walk';

/** The datapath's NAT maps: `snat` (NodePort DNAT/SNAT, masquerading) and `lb` (bpf_lxc's per-packet Service translation). */
export type BpfNatMap = 'snat' | 'lb';
const table = (ns: Netns, map: BpfNatMap) => (map === 'snat' ? `${ns.id}#cilium` : `${ns.id}#cilium-lb`);

/** Stores a translation: the packet looked like `orig` and now looks like `now`; answers come as the inverse of `now`. */
export function bpfNatStore(w: Walk, ns: Netns, orig: CtTuple, now: CtTuple, map: BpfNatMap = 'snat'): void {
  const entry: CtEntry = { id: w.st.newCtId(), orig, reply: invert(now), replied: false, assured: false, mark: 0 };
  w.st.ctPut(table(ns, map), entry);
}

/** An answer to a translated connection: rewrites it back (source to what the client sent to, destination to the client). */
export function bpfRevNat(w: Walk, ns: Netns, pkt: Pkt, map: BpfNatMap = 'snat'): CtEntry | undefined {
  if (pkt.proto === 'ipip') return undefined;
  const hit = w.st.ctLookup(table(ns, map), tupleOf(pkt));
  if (!hit || hit.dir !== 'reply') return undefined;
  const e = hit.entry;
  pkt.src = e.orig.dst;
  pkt.sport = e.orig.dport;
  pkt.dst = e.orig.src;
  pkt.dport = e.orig.sport;
  return e;
}

/** A later packet of a translated connection in the original direction: rewritten as the first one was. */
export function bpfFwdNat(w: Walk, ns: Netns, pkt: Pkt, map: BpfNatMap = 'snat'): CtEntry | undefined {
  if (pkt.proto === 'ipip') return undefined;
  const hit = w.st.ctLookup(table(ns, map), tupleOf(pkt));
  if (!hit || hit.dir !== 'orig') return undefined;
  const now = invert(hit.entry.reply);
  pkt.src = now.src;
  pkt.sport = now.sport;
  pkt.dst = now.dst;
  pkt.dport = now.dport;
  return hit.entry;
}

export function tupleText(t: CtTuple): string {
  return `${t.proto.toUpperCase()} OUT ${t.src}:${t.sport} -> ${t.dst}:${t.dport}`;
}
