// simulate(cluster, send): one packet and its answer, as a conversation of one exchange. It
// opens a socket at the source, walks the first packet wherever the state takes it (a TCP
// SYN, an SCTP INIT, a UDP datagram or an ICMP echo request), and walks back whatever answers
// it: the SYN ACK, the INIT ACK, the server's datagram, the echo reply, a RST, an ABORT or an
// ICMP error. Same cluster +
// same send + same seed = same trace.
import type { Cluster } from '../cluster/types';
import type { Trace } from '../trace/types';
import { resolveDestination, resolveSource } from './endpoints';
import { EMPTY_STATE, type DynState } from './state';
import { Conversation } from '../conversation/conversation';
import { ephemeralPort, senderContainer, sourceAddress } from '../conversation/sender';
import { tcpConnect, tcpSegment, type TcpConn } from '../conversation/tcp';
import { walkAnswer } from '../conversation/answers';
import type { ExchangeDraft } from '../conversation/conversation';
import { sctpAssociate } from '../conversation/sctp';
import { udpAnswer, udpSend } from '../conversation/udp';
import { echo } from '../conversation/icmp';
import { where } from './walk';

export interface SendSpec {
  readonly from: string;
  readonly container?: string;
  readonly to: string;
  readonly port?: number;
  readonly proto?: 'tcp' | 'udp' | 'sctp' | 'icmp';
  /** Overrides the scenario's seed for this send. */
  readonly seed?: number;
  /**
   * The packet's IP total length in bytes. UDP and ICMP send one packet of this size; TCP,
   * after the handshake, sends one data segment of it (never more than the connection's MSS
   * allows).
   */
  readonly size?: number;
  /** Forbid fragmentation (IP_PMTUDISC_DO, ping -M do). Without it a UDP or ICMP socket uses Linux's default: DF while the packet fits. TCP always sets DF. */
  readonly df?: boolean;
}


export type SimResult =
  | { readonly ok: true; readonly trace: Trace; readonly state: DynState }
  | { readonly ok: false; readonly error: string };

/**
 * terse: the verdict is all the caller reads (a reachability matrix). The packets walk as in
 * any send; the legs keep only the hop that stopped a packet (a drop or a refusal), none of
 * the hops it passed.
 */
export interface SimOptions {
  readonly terse?: boolean;
}

export function simulate(cluster: Cluster, send: SendSpec, state: DynState = EMPTY_STATE, opts: SimOptions = {}): SimResult {
  const proto = send.proto ?? 'tcp';
  if (send.size !== undefined && (!Number.isInteger(send.size) || send.size < 28 || send.size > 65535)) {
    return { ok: false, error: 'a packet size is an IP total length between 28 and 65535 bytes' };
  }
  if (proto !== 'icmp' && (send.port === undefined || !Number.isInteger(send.port) || send.port < 1 || send.port > 65535)) {
    return { ok: false, error: `a ${proto} send needs a destination port between 1 and 65535` };
  }
  const src = resolveSource(cluster, send.from, send.container);
  if (!src.ok) return src;
  const dst = resolveDestination(cluster, send.to, src.value);
  if (!dst.ok) return dst;
  const conv = new Conversation(cluster, send.seed ?? cluster.seed, state, opts.terse === true);
  const sender = src.value;
  const ip = dst.value.ip;
  const from = sourceAddress(sender.ns, ip);
  const container = senderContainer(sender);
  // The exchange's ends, spelled out in each open() below rather than spread from one object: spreading a
  // fresh object into another is slow in V8, and a reachability matrix opens thousands of exchanges.
  const label = sender.label;
  const to = dst.value.label;
  switch (proto) {
    case 'tcp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ from: label, container, to, kind: 'tcp', title: `TCP connection to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      const c = tcpConnect(conv, ex, { sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label });
      if (c.ok && send.size !== undefined) sendSegment(conv, ex, c.conn, send.size);
      break;
    }
    case 'sctp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ from: label, container, to, kind: 'sctp', title: `SCTP association to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      sctpAssociate(conv, ex, { sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label });
      break;
    }
    case 'udp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ from: label, container, to, kind: 'udp', title: `UDP datagram to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      const spec = {
        sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label, name: 'datagram',
        ...(send.size !== undefined ? { size: send.size } : {}), ...(send.df ? { pmtudisc: 'do' as const } : {}),
      };
      const r = udpSend(conv, ex, spec);
      if (r.ok) {
        const s = r.server;
        udpAnswer(conv, ex, spec, s, { name: 'answer', opening: `${s.owner} answers with a datagram, from ${s.addr}:${s.port} in ${where(s.ns)} back to ${s.peer.addr}:${s.peer.port}.` });
      }
      break;
    }
    case 'icmp': {
      // Linux ping sockets use the socket's local port as the echo identifier.
      const id = ephemeralPort(conv);
      const ex = conv.open({ from: label, container, to, kind: 'icmp', title: `ping ${ip}`, tuple: { src: from, dst: ip, proto, sport: 0, dport: 0, icmpId: id } });
      echo(conv, ex, { sender, src: from, dst: ip, dstLabel: dst.value.label, id, seq: 1, ...(send.size !== undefined ? { size: send.size } : {}), ...(send.df ? { pmtudisc: 'do' as const } : {}) });
      break;
    }
  }
  const trace = conv.trace({ kind: 'send', from: send.from, ...(send.container ? { container: send.container } : {}), to: send.to, proto, ...(proto !== 'icmp' ? { port: send.port! } : {}) });
  return { ok: true, trace, state: conv.snapshot() };
}

/** One data segment of `size` bytes (at most a full segment); if a router answers "fragmentation needed", TCP sends it again as big as the learned path MTU allows. */
function sendSegment(conv: Conversation, ex: ExchangeDraft, conn: TcpConn, asked: number): void {
  const full = conn.mss !== undefined ? conn.mss + 40 : undefined;
  const size = full !== undefined ? Math.min(asked, full) : asked;
  const capped = size < asked ? ` TCP never sends more than the connection's MSS allows, so the segment is ${size} bytes, not ${asked}.` : '';
  const first = tcpSegment(conv, ex, conn, 'client', {
    name: 'data', size,
    opening: `${conn.client.owner} writes data on the established connection; the kernel sends a ${size}-byte segment (IP total length) with DF set, as Linux does for TCP.${capped}`,
    reads: `The ${size}-byte segment reaches the connection ${conn.server.owner} accepted.`,
  });
  if (first.kind !== 'dropped' || !first.answer || !first.ns) return;
  walkAnswer(conv, ex, first.ns, first.answer, { ns: conn.client.ns.id, proto: 'tcp', port: conn.client.port, owner: conn.client.owner, peer: conn.clientPeer, side: 'client' }, 'ICMP error');
  const mtu = first.answer.icmpMtu;
  if (first.answer.flags !== 'frag-needed' || mtu === undefined) return;
  const again = Math.min(size, mtu);
  ex.verdict = 'delivered';
  ex.code = undefined;
  tcpSegment(conv, ex, conn, 'client', {
    name: 'retransmission', size: again,
    opening: `The kernel lowered the connection's MSS to fit the path MTU ${mtu} it just learned, and retransmits the data as a ${again}-byte segment.`,
    reads: `The retransmitted ${again}-byte segment reaches the connection ${conn.server.owner} accepted.`,
  });
}
