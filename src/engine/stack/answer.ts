// The kernel's own answers about a packet it will not deliver: a TCP RST for a TCP packet
// nobody takes, an SCTP ABORT for an INIT to a port nobody binds (RFC 9260 8.4), or an ICMP error (port unreachable, network or host unreachable, time
// exceeded) that quotes the packet's header, so conntrack can relate it to its connection
// and undo the NAT inside and out on the way back. Used for closed ports, REJECT rules and
// routers that cannot forward.
import type { Netns } from '../cluster/types';
import { fibLookup, isLocalAddress, selectSource } from './fib';
import { tupleOf } from './conntrack';
import type { Pkt } from './packet';

export type IcmpError = 'port-unreachable' | 'net-unreachable' | 'host-unreachable' | 'time-exceeded' | 'admin-prohibited' | 'frag-needed' | 'proto-unreachable';
export type Refusal = 'tcp-reset' | 'sctp-abort' | IcmpError;

/** What `ping` and `traceroute` print for each ICMP error (iputils' wording). */
export const ICMP_ERROR_TEXT: Readonly<Record<IcmpError, string>> = {
  'port-unreachable': 'Destination Port Unreachable',
  'net-unreachable': 'Destination Net Unreachable',
  'host-unreachable': 'Destination Host Unreachable',
  'time-exceeded': 'Time to live exceeded',
  'admin-prohibited': 'Packet filtered',
  'frag-needed': 'Frag needed and DF set',
  'proto-unreachable': 'Destination Protocol Unreachable',
};

/** ICMP errors quote the offending packet's IP header and as much of the rest as fits in 576 bytes (RFC 1812, icmp_send). */
const ICMP_ERROR_MAX = 576;

/** The kernel's answer to a packet it will not take; `mtu` is the next-hop MTU a "fragmentation needed" reports. */
export function kernelRefusal(ns: Netns, pkt: Pkt, how: Refusal, mtu?: number): Pkt {
  // Each answer written out whole: spreading a fresh object into another is slow in V8.
  if (how === 'tcp-reset' && pkt.proto === 'tcp') {
    return { srcMac: '', dstMac: '', dst: pkt.src, ttl: 64, mark: 0, src: pkt.dst, proto: 'tcp', sport: pkt.dport, dport: pkt.sport, flags: 'RST ACK', size: 40, df: true };
  }
  if (how === 'sctp-abort' && pkt.proto === 'sctp') {
    return { srcMac: '', dstMac: '', dst: pkt.src, ttl: 64, mark: 0, src: pkt.dst, proto: 'sctp', sport: pkt.dport, dport: pkt.sport, flags: 'ABORT', size: 36, df: true };
  }
  // icmp_send: the refused packet's destination when it is ours, else the address that reaches the sender.
  const r = isLocalAddress(ns, pkt.dst) ? undefined : fibLookup(ns, pkt.src);
  const src = (r && selectSource(ns, r, pkt.src)) ?? pkt.dst;
  const type: IcmpError = how === 'tcp-reset' || how === 'sctp-abort' ? 'port-unreachable' : how;
  // The ICMP control socket sends with IP_PMTUDISC_DONT: no DF.
  return {
    srcMac: '', dstMac: '', dst: pkt.src, ttl: 64, mark: 0, src, proto: 'icmp', sport: 0, dport: 0, flags: type, inner: tupleOf(pkt), size: Math.min(ICMP_ERROR_MAX, 28 + pkt.size), df: false,
    ...(type === 'frag-needed' && mtu !== undefined ? { icmpMtu: mtu } : {}),
  };
}

/** Linux never answers an ICMP error with another ICMP error (RFC 1122 3.2.2). */
export function mayAnswer(pkt: Pkt): boolean {
  return !(pkt.proto === 'icmp' && pkt.inner !== undefined);
}
