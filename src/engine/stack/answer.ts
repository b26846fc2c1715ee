// The kernel's own refusals: a TCP RST for a TCP packet nobody takes, or an ICMP
// "port unreachable" that quotes the refused packet's header (so conntrack can relate it to
// its connection and undo the NAT inside and out). Used for closed ports and REJECT rules.
import type { Netns } from '../cluster/types';
import { fibLookup, isLocalAddress, selectSource } from './fib';
import { tupleOf } from './conntrack';
import type { Pkt } from './packet';

export type Refusal = 'tcp-reset' | 'port-unreachable';

export function kernelRefusal(ns: Netns, pkt: Pkt, how: Refusal): Pkt {
  const base = { srcMac: '', dstMac: '', dst: pkt.src, ttl: 64, mark: 0, outer: [] };
  if (how === 'tcp-reset' && pkt.proto === 'tcp') {
    return { ...base, src: pkt.dst, proto: 'tcp', sport: pkt.dport, dport: pkt.sport, flags: 'RST ACK' };
  }
  // icmp_send: the refused packet's destination when it is ours, else the address that reaches the sender.
  const r = isLocalAddress(ns, pkt.dst) ? undefined : fibLookup(ns, pkt.src);
  const src = (r && selectSource(ns, r, pkt.src)) ?? pkt.dst;
  return { ...base, src, proto: 'icmp', sport: 0, dport: 0, flags: 'port-unreachable', inner: tupleOf(pkt) };
}
