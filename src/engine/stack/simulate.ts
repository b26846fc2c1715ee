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
import { tcpConnect } from '../conversation/tcp';
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
}

export type SimResult =
  | { readonly ok: true; readonly trace: Trace; readonly state: DynState }
  | { readonly ok: false; readonly error: string };

export function simulate(cluster: Cluster, send: SendSpec, state: DynState = EMPTY_STATE): SimResult {
  const proto = send.proto ?? 'tcp';
  if (proto !== 'icmp' && (send.port === undefined || !Number.isInteger(send.port) || send.port < 1 || send.port > 65535)) {
    return { ok: false, error: `a ${proto} send needs a destination port between 1 and 65535` };
  }
  const src = resolveSource(cluster, send.from, send.container);
  if (!src.ok) return src;
  const dst = resolveDestination(cluster, send.to, src.value);
  if (!dst.ok) return dst;
  const conv = new Conversation(cluster, send.seed ?? cluster.seed, state);
  const sender = src.value;
  const ip = dst.value.ip;
  const from = sourceAddress(sender.ns, ip);
  const container = senderContainer(sender);
  const base = { from: sender.label, ...(container !== undefined ? { container } : {}), to: dst.value.label };
  switch (proto) {
    case 'tcp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ ...base, kind: 'tcp', title: `TCP connection to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      tcpConnect(conv, ex, { sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label });
      break;
    }
    case 'sctp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ ...base, kind: 'sctp', title: `SCTP association to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      sctpAssociate(conv, ex, { sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label });
      break;
    }
    case 'udp': {
      const sport = ephemeralPort(conv);
      const ex = conv.open({ ...base, kind: 'udp', title: `UDP datagram to ${ip} port ${send.port}`, tuple: { src: from, dst: ip, proto, sport, dport: send.port! } });
      const spec = { sender, src: from, sport, dst: ip, dport: send.port!, dstLabel: dst.value.label, name: 'datagram' };
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
      const ex = conv.open({ ...base, kind: 'icmp', title: `ping ${ip}`, tuple: { src: from, dst: ip, proto, sport: 0, dport: 0, icmpId: id } });
      echo(conv, ex, { sender, src: from, dst: ip, dstLabel: dst.value.label, id, seq: 1 });
      break;
    }
  }
  const trace = conv.trace({ kind: 'send', from: send.from, ...(send.container ? { container: send.container } : {}), to: send.to, proto, ...(proto !== 'icmp' ? { port: send.port! } : {}) });
  return { ok: true, trace, state: conv.snapshot() };
}
