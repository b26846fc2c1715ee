// Connection tracking as nf_conntrack keeps it: each connection has an ORIGINAL tuple (what
// the first packet looked like) and a REPLY tuple (what an answer will look like before any
// NAT is undone). DNAT shows as REPLY.src ≠ ORIGINAL.dst, SNAT as REPLY.dst ≠ ORIGINAL.src.
// Only the first packet of a connection meets the nat table; later packets in either
// direction are rewritten from the entry. `conntrack -L` prints entries in this form.

export interface CtTuple {
  readonly src: string;
  readonly dst: string;
  /** 'ipip' (IP protocol 4) is tracked by the generic protocol handler: addresses only. */
  readonly proto: 'tcp' | 'udp' | 'sctp' | 'icmp' | 'ipip';
  /** For ICMP: the echo id in both. */
  readonly sport: number;
  readonly dport: number;
}

export type TcpState = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'CLOSE';
/** nf_conntrack_proto_sctp's states for the chunks podpath shows (INIT, INIT ACK, ABORT). */
export type SctpState = 'COOKIE_WAIT' | 'ESTABLISHED' | 'CLOSED';

export interface CtEntry {
  readonly id: number;
  readonly orig: CtTuple;
  readonly reply: CtTuple;
  readonly tcpState?: TcpState;
  readonly sctpState?: SctpState;
  /** A packet has been seen in the reply direction. */
  readonly replied: boolean;
  readonly assured: boolean;
  readonly mark: number;
  /** The IPVS virtual service that scheduled the connection (ip_vs_conn, with net.ipv4.vs.conntrack=1). */
  readonly ipvs?: { readonly vaddr: string; readonly vport: number };
}

export const tupleKey = (t: CtTuple) => `${t.proto}|${t.src}|${t.sport}|${t.dst}|${t.dport}`;

export function invert(t: CtTuple): CtTuple {
  return { src: t.dst, dst: t.src, proto: t.proto, sport: t.dport, dport: t.sport };
}

/** Timeouts (seconds) as a node running kube-proxy has them: established TCP 86400 (kube-proxy's conntrack.tcpEstablishedTimeout). */
export function timeoutOf(e: CtEntry): number {
  switch (e.orig.proto) {
    case 'tcp':
      switch (e.tcpState) {
        case 'SYN_SENT': return 120;
        case 'SYN_RECV': return 60;
        case 'ESTABLISHED': return 86400;
        default: return 10;
      }
    case 'udp': return e.assured ? 120 : 30;
    // nf_conntrack_sctp_timeout_cookie_wait, _established, _closed
    case 'sctp': return e.sctpState === 'ESTABLISHED' ? 210 : e.sctpState === 'CLOSED' ? 10 : 3;
    case 'icmp': return 30;
    // nf_conntrack_generic_timeout
    case 'ipip': return 600;
  }
}

const PROTO_NUM = { tcp: 6, udp: 17, sctp: 132, icmp: 1, ipip: 4 } as const;

function tupleText(t: CtTuple, isReply: boolean, origType: number): string {
  if (t.proto === 'ipip') return `src=${t.src} dst=${t.dst}`;
  if (t.proto === 'icmp') {
    const type = isReply ? (origType === 8 ? 0 : origType) : origType;
    return `src=${t.src} dst=${t.dst} type=${type} code=0 id=${t.sport}`;
  }
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/** One line of `conntrack -L`. */
export function formatCtEntry(e: CtEntry): string {
  const proto = e.orig.proto;
  // conntrack prints a protocol it has no handler for as "unknown".
  const head = `${(proto === 'ipip' ? 'unknown' : proto).padEnd(8)} ${PROTO_NUM[proto]} ${timeoutOf(e)}`;
  const s = proto === 'tcp' ? e.tcpState : proto === 'sctp' ? e.sctpState : undefined;
  const state = s ? ` ${s}` : '';
  const unreplied = e.replied ? '' : ' [UNREPLIED]';
  const assured = e.assured ? ' [ASSURED]' : '';
  return `${head}${state} ${tupleText(e.orig, false, 8)}${unreplied} ${tupleText(e.reply, true, 8)}${assured} mark=${e.mark} use=1`;
}

/** What a packet's tuple is, in the form conntrack keys it. */
export function tupleOf(p: { src: string; dst: string; proto: CtTuple['proto']; sport: number; dport: number }): CtTuple {
  return p.proto === 'ipip' ? { src: p.src, dst: p.dst, proto: 'ipip', sport: 0, dport: 0 } : { src: p.src, dst: p.dst, proto: p.proto, sport: p.sport, dport: p.dport };
}
