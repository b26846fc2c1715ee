// The packet as the interpreter carries it: L2 addresses, the IPv4 header fields that
// matter here, the L4 ports (for an ICMP echo, its identifier, which is what conntrack keys
// it by), TCP flags or the ICMP message, the skb mark, a stack of encapsulation headers and
// what an application put in it. Hops record an immutable view of it.
import type { OuterHeader, PacketView, Payload } from '../trace/types';
import type { CtEntry, CtTuple } from './conntrack';
import type { CtDir } from './state';

/** The conntrack entry attached to a packet while it is inside one network namespace (skb->nfct). */
export interface PktCt {
  entry: CtEntry;
  readonly dir: CtDir;
  /** Whether the entry is in the table yet (confirmed at POSTROUTING or INPUT). */
  confirmed: boolean;
  /** nf_nat_initialized(): the destination / source NAT decision has been taken. */
  dstNatDone: boolean;
  srcNatDone: boolean;
}

export type L4 = 'tcp' | 'udp' | 'sctp' | 'icmp';

export interface Pkt {
  srcMac: string;
  dstMac: string;
  src: string;
  dst: string;
  proto: L4;
  sport: number;
  dport: number;
  ttl: number;
  /** 'SYN', 'SYN ACK', 'RST ACK' for TCP; 'INIT', 'INIT ACK', 'ABORT' for SCTP; 'echo-request', 'port-unreachable' ... for ICMP; '' for UDP. */
  flags: string;
  mark: number;
  outer: OuterHeader[];
  /** Connection tracking state while in a namespace with netfilter. */
  ct?: PktCt;
  /** The namespace `ct` and `mark` belong to; both are cleared when the packet changes namespace. */
  nfns?: string;
  /** For ICMP errors: the header of the packet the error is about. */
  inner?: CtTuple;
  /** For an ICMP echo: its sequence number (the identifier is in sport and dport). */
  icmpSeq?: number;
  payload?: Payload;
}

export function viewOf(p: Pkt): PacketView {
  const icmp = p.proto === 'icmp';
  const echo = icmp && (p.flags === 'echo-request' || p.flags === 'echo-reply');
  return {
    srcMac: p.srcMac, dstMac: p.dstMac, src: p.src, dst: p.dst, proto: p.proto,
    sport: icmp ? 0 : p.sport, dport: icmp ? 0 : p.dport, ttl: p.ttl, outer: [...p.outer], flags: p.flags, mark: p.mark,
    ...(icmp ? { icmp: echo ? { type: p.flags, id: p.sport, ...(p.icmpSeq !== undefined ? { seq: p.icmpSeq } : {}) } : { type: p.flags } } : {}),
    ...(p.payload ? { payload: p.payload } : {}),
  };
}

export const DEFAULT_TTL = 64;

