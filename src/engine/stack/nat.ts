// What nf_conntrack and nf_nat do around the rules: attach a packet to its connection (or
// start a new one), rewrite packets of known connections from the entry (DNAT in the
// original direction, undoing it on replies, and the same for SNAT), record the NAT a rule
// asked for in the entry, and confirm new connections into the table.
import type { Netns } from '../cluster/types';
import type { CtState, NatRequest } from '../netfilter/eval-types';
import { device } from './fib';
import { formatCtEntry, invert, tupleOf, type CtEntry, type CtTuple } from './conntrack';
import { viewOf, type Pkt, type PktCt } from './packet';
import { record, type Walk } from './walk';

const dnatted = (e: CtEntry) => e.reply.src !== e.orig.dst || e.reply.sport !== e.orig.dport;
const snatted = (e: CtEntry) => e.reply.dst !== e.orig.src || e.reply.dport !== e.orig.sport;

const UNTRACKED: readonly CtState[] = ['UNTRACKED'];
const FIRST: readonly CtState[] = ['NEW', 'ESTABLISHED', 'RELATED'];

/** Every state list there is (first state, then DNAT, then SNAT), made once: they are read-only. */
const STATES: readonly (readonly CtState[])[] = FIRST.flatMap((first) => [false, true].flatMap((dnat) => [false, true].map((snat) => [
  first, ...(dnat ? ['DNAT' as const] : []), ...(snat ? ['SNAT' as const] : []),
])));

/** The states `-m conntrack --ctstate` and `ct state` see. */
export function ctStateOf(pkt: Pkt): readonly CtState[] {
  const ct = pkt.ct;
  if (!ct) return UNTRACKED;
  const first = pkt.inner ? 2 : ct.dir === 'reply' || ct.entry.replied ? 1 : 0;
  return STATES[first * 4 + (dnatted(ct.entry) ? 2 : 0) + (snatted(ct.entry) ? 1 : 0)]!;
}

function tcpStateAfter(e: CtEntry, dir: 'orig' | 'reply', flags: string): CtEntry['tcpState'] {
  if (flags.startsWith('RST')) return 'CLOSE';
  if (dir === 'orig' && flags === 'SYN') return e.tcpState ?? 'SYN_SENT';
  if (dir === 'reply' && flags === 'SYN ACK') return 'SYN_RECV';
  if (flags === 'ACK') return 'ESTABLISHED';
  return e.tcpState;
}

/** nf_conntrack_in: find the packet's connection or start one (not yet in the table). */
export function ctIn(w: Walk, ns: Netns, pkt: Pkt): PktCt {
  if (pkt.ct) return pkt.ct;
  // An ICMP error belongs to the connection of the packet it quotes (looked up inverted).
  const key: CtTuple = pkt.inner ? invert(pkt.inner) : tupleOf(pkt);
  const hit = w.st.ctLookup(ns.id, key);
  if (hit) {
    let entry = hit.entry;
    if (!pkt.inner) {
      const replied = entry.replied || hit.dir === 'reply';
      entry = { ...entry, replied, tcpState: entry.orig.proto === 'tcp' ? tcpStateAfter(entry, hit.dir, pkt.flags) : undefined,
        ...(entry.orig.proto === 'sctp' ? { sctpState: pkt.flags === 'ABORT' ? 'CLOSED' as const : entry.sctpState } : {}) };
      w.st.ctPut(ns.id, entry);
    }
    pkt.ct = { entry, dir: hit.dir, confirmed: true, dstNatDone: true, srcNatDone: true };
    return pkt.ct;
  }
  const t = tupleOf(pkt);
  const entry: CtEntry = {
    id: w.st.newCtId(), orig: t, reply: invert(t), replied: false, assured: false, mark: 0,
    ...(t.proto === 'tcp' ? { tcpState: 'SYN_SENT' as const } : {}),
    ...(t.proto === 'sctp' ? { sctpState: 'COOKIE_WAIT' as const } : {}),
  };
  pkt.ct = { entry, dir: 'orig', confirmed: false, dstNatDone: false, srcNatDone: false };
  return pkt.ct;
}

/** Rewrites a packet of a known connection from its entry: 'dst' at PREROUTING/OUTPUT, 'src' at POSTROUTING/INPUT. */
export function applyKnownNat(w: Walk, ns: Netns, dev: string, pkt: Pkt, manip: 'dst' | 'src'): void {
  const ct = pkt.ct;
  if (!ct || !ct.confirmed) return;
  const e = ct.entry;
  // Most connections are not NATed at all: nothing to rewrite, and no hop.
  if (!dnatted(e) && !snatted(e)) return;
  const before = viewOf(pkt);
  let what = '';
  if (manip === 'dst') {
    if (ct.dir === 'orig' && dnatted(e)) { pkt.dst = e.reply.src; pkt.dport = e.reply.sport; what = `sends it on to ${e.reply.src}:${e.reply.sport}, the destination chosen for this connection's first packet (DNAT)`; }
    if (ct.dir === 'reply' && snatted(e)) { pkt.dst = e.orig.src; pkt.dport = e.orig.sport; what = `gives back the original destination ${e.orig.src}:${e.orig.sport}, undoing the source NAT of the first packet`; }
  } else {
    if (ct.dir === 'orig' && snatted(e)) { pkt.src = e.reply.dst; pkt.sport = e.reply.dport; what = `rewrites the source to ${e.reply.dst}:${e.reply.dport}, as for this connection's first packet (SNAT)`; }
    if (ct.dir === 'reply' && dnatted(e)) { pkt.src = e.orig.dst; pkt.sport = e.orig.dport; what = `puts back ${e.orig.dst}:${e.orig.dport} as the source, undoing the DNAT of the first packet, so the client sees the address it asked for`; }
  }
  if (pkt.inner && what && ct.dir === 'reply') {
    // The header quoted inside an ICMP error is translated too, the other way round.
    pkt.inner = manip === 'dst' ? { ...pkt.inner, src: e.orig.src, sport: e.orig.sport } : { ...pkt.inner, dst: e.orig.dst, dport: e.orig.dport };
  }
  if (!what) return;
  const direction = ct.dir === 'reply' ? 'an answer in a connection conntrack knows' : 'another packet of a connection conntrack knows';
  record(w, ns, dev, 'conntrack', `This is ${direction}. No rule is consulted: conntrack ${what}.`, pkt,
    { rule: formatCtEntry(e), table: 'conntrack', before });
}

/** Records the NAT a rule asked for, rewrites the packet, and returns a sentence for the hop. */
export function applyNatRequest(w: Walk, ns: Netns, pkt: Pkt, nat: NatRequest, outDev?: string): string {
  const ct = pkt.ct!;
  const e = ct.entry;
  if (nat.kind === 'DNAT') {
    const port = nat.toPort ?? pkt.dport;
    pkt.dst = nat.toAddr;
    pkt.dport = port;
    ct.entry = { ...e, reply: { ...e.reply, src: nat.toAddr, sport: port } };
    ct.dstNatDone = true;
    return `destination rewritten to ${nat.toAddr}:${port}`;
  }
  let addr: string;
  let how: string;
  if (nat.kind === 'SNAT') {
    addr = nat.toAddr;
    how = 'SNAT';
  } else {
    // nf_nat_masquerade_ipv4 takes inet_select_addr(out): the out device's address, or, when it
    // has none (a Calico cali* veth, a Cilium lxc), the first global address of the namespace's
    // devices in ifindex order.
    const own = device(ns, outDev)?.addrs.find((a) => a.scope === 'global')?.ip;
    const other = own ? undefined : ns.devices.find((d) => d.addrs.some((a) => a.scope === 'global'));
    addr = own ?? other?.addrs.find((a) => a.scope === 'global')!.ip ?? pkt.src;
    how = own || !other ? `MASQUERADE (the address of ${outDev})` : `MASQUERADE (${outDev} has no address of its own, so the kernel takes the first one in the namespace, ${other.name}'s)`;
  }
  let port = 'toPort' in nat && nat.toPort !== undefined ? nat.toPort : pkt.sport;
  const random = nat.randomFully;
  if (pkt.proto !== 'icmp' && (random || w.st.ctTupleTaken(ns.id, { ...e.reply, dst: addr, dport: port }))) {
    // --random-fully: the kernel draws the source port at random (prandom) for every new connection.
    port = w.rng.int(1024, 65535);
  }
  pkt.src = addr;
  pkt.sport = port;
  ct.entry = { ...e, reply: { ...e.reply, dst: addr, dport: port } };
  ct.srcNatDone = true;
  return `source rewritten to ${addr}:${port} by ${how}${random ? ', with a random source port (--random-fully)' : ''}`;
}

/** __nf_conntrack_confirm: a new connection enters the table once it leaves or is delivered. */
export function ctConfirm(w: Walk, ns: Netns, dev: string, pkt: Pkt): void {
  const ct = pkt.ct;
  if (!ct || ct.confirmed) return;
  ct.confirmed = true;
  w.st.ctPut(ns.id, ct.entry);
  if (dnatted(ct.entry) || snatted(ct.entry)) {
    record(w, ns, dev, 'conntrack',
      'conntrack stores the new connection with both tuples: what the client sent (original) and what an answer will look like (reply). Answers and later packets are translated from this entry, without the rules.',
      pkt, { rule: formatCtEntry(ct.entry), table: 'conntrack' });
  }
}
