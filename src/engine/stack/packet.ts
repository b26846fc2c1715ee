// The packet as the interpreter carries it: L2 addresses, the IPv4 header fields that
// matter here (total length, DF, TTL), the L4 ports (for an ICMP echo, its identifier, which
// is what conntrack keys it by), TCP flags or the ICMP message, the skb mark, and what an
// application put in it. An encapsulated packet is an outer packet (VXLAN over UDP, or
// IP-in-IP) that carries the inner one: the walk routes and filters the outer headers, as
// the kernel does, and a hop's view shows the inner packet with the outer header stack.
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

/** IP protocols the walk carries; 'ipip' (protocol 4) is only ever an outer header. */
export type L4 = 'tcp' | 'udp' | 'sctp' | 'icmp' | 'ipip';

/** A socket's IP_MTU_DISCOVER: 'want' (Linux's default: DF while the packet fits, else fragment locally), 'do' (always DF; too big is an error), 'dont' (never DF). */
export type PmtuDisc = 'want' | 'do' | 'dont';

export type EncapKind = 'vxlan' | 'ipip' | 'geneve';

/** Bytes an encapsulation adds to the IP packet it carries: VXLAN is outer IP 20 + UDP 8 + VXLAN 8 + the inner Ethernet header 14. */
export const ENCAP_OVERHEAD: Readonly<Record<EncapKind, number>> = { vxlan: 50, geneve: 50, ipip: 20 };

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
  /** IP total length in bytes (of the whole datagram, when it travels in fragments). */
  size: number;
  /** Don't Fragment. */
  df: boolean;
  /** The sending socket's path MTU discovery mode; decides DF at output. */
  pmtudisc?: PmtuDisc;
  /** When the datagram travels in fragments: how many, and the size of the largest. */
  frag?: { count: number; size: number };
  /** A SYN's or SYN ACK's MSS option. */
  mss?: number;
  /** An ICMP "fragmentation needed": the next-hop MTU it reports. */
  icmpMtu?: number;
  /** This packet is an outer header that carries another one. */
  encap?: { readonly kind: EncapKind; readonly vni?: number; readonly inner: Pkt };
  /** Set by an eBPF program for a collect-metadata tunnel device (Cilium's cilium_vxlan): where and with which VNI to encapsulate. */
  tunnelKey?: { readonly remote: string; readonly vni: number };
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

/** The size a packet has on the wire: its largest fragment, or the whole datagram. */
export const wireSize = (p: Pkt) => p.frag?.size ?? p.size;

function outerOf(p: Pkt): OuterHeader {
  const e = p.encap!;
  return {
    kind: e.kind, srcMac: p.srcMac, dstMac: p.dstMac, src: p.src, dst: p.dst, proto: p.proto === 'ipip' ? 'ipip' : 'udp',
    ...(p.proto === 'udp' ? { sport: p.sport, dport: p.dport } : {}), ...(e.vni !== undefined ? { vni: e.vni } : {}),
    ttl: p.ttl, bytes: ENCAP_OVERHEAD[e.kind], size: p.size, df: p.df,
  };
}

export function viewOf(p: Pkt): PacketView {
  if (p.encap) {
    // The inner view is this call's own: its outer stack is extended in place (not spread into a copy, which is slow).
    const inner: { -readonly [K in keyof PacketView]: PacketView[K] } = viewOf(p.encap.inner);
    inner.outer = [outerOf(p), ...inner.outer];
    return inner;
  }
  const icmp = p.proto === 'icmp';
  const echo = icmp && (p.flags === 'echo-request' || p.flags === 'echo-reply');
  const proto = p.proto === 'ipip' ? 'icmp' : p.proto;
  return {
    srcMac: p.srcMac, dstMac: p.dstMac, src: p.src, dst: p.dst, proto,
    sport: icmp ? 0 : p.sport, dport: icmp ? 0 : p.dport, ttl: p.ttl, outer: [], flags: p.flags, mark: p.mark,
    size: p.size, df: p.df, ...(p.frag ? { frag: { ...p.frag } } : {}), ...(p.mss !== undefined ? { mss: p.mss } : {}),
    ...(icmp ? { icmp: echo ? { type: p.flags, id: p.sport, ...(p.icmpSeq !== undefined ? { seq: p.icmpSeq } : {}) } : { type: p.flags, ...(p.icmpMtu !== undefined ? { mtu: p.icmpMtu } : {}) } } : {}),
    ...(p.payload ? { payload: p.payload } : {}),
  };
}

export const DEFAULT_TTL = 64;

