// nc -z: does anything accept connections on that port? For TCP a connect (SYN, SYN ACK or a
// refusal); for UDP one datagram, which only an ICMP "port unreachable" can refute.
import type { Conversation } from '../../conversation/conversation';
import { KERNEL_CONNECT_TIMEOUT_MS } from '../../conversation/http-client';
import { ephemeralPort, senderContainer, sourceAddress, type Sender } from '../../conversation/sender';
import { tcpConnect } from '../../conversation/tcp';
import { udpSend } from '../../conversation/udp';
import { getaddrinfo } from '../../dns/glibc';
import type { NcResult } from '../results';

export interface NcOptions { readonly host: string; readonly port: number; readonly udp: boolean; readonly waitSeconds?: number }

export function runNc(conv: Conversation, sender: Sender, o: NcOptions): NcResult {
  const lookup = getaddrinfo(conv, { sender, name: o.host, family: 'any', program: 'nc' });
  const base = { host: o.host, port: o.port, udp: o.udp, lookup: lookup.outcome };
  if (lookup.outcome.kind !== 'found') return base;
  const ip = lookup.outcome.addresses[0]!;
  const src = sourceAddress(sender.ns, ip);
  const sport = ephemeralPort(conv);
  const container = senderContainer(sender);
  const start = conv.now;
  const ex = conv.open({
    kind: o.udp ? 'udp' : 'tcp', title: `${o.udp ? 'UDP datagram' : 'TCP connection'} to ${ip} port ${o.port} (nc -z)`, from: sender.label,
    ...(container !== undefined ? { container } : {}), to: o.host, tuple: { src, dst: ip, proto: o.udp ? 'udp' : 'tcp', sport, dport: o.port },
  });
  if (o.udp) {
    const r = udpSend(conv, ex, { sender, src, sport, dst: ip, dport: o.port, dstLabel: o.host, name: 'datagram' });
    ex.result = r.ok ? 'delivered; UDP gives no answer to say so' : r.failure;
    return { ...base, ip, udpRefused: !r.ok && r.failure === 'refused' };
  }
  const r = tcpConnect(conv, ex, { sender, src, sport, dst: ip, dport: o.port, dstLabel: o.host });
  const ms = Math.floor(conv.now - start);
  const limit = o.waitSeconds !== undefined ? o.waitSeconds * 1000 : KERNEL_CONNECT_TIMEOUT_MS;
  const connect = r.ok ? { kind: 'connected' as const, ms } : r.failure === 'refused' ? { kind: 'refused' as const, ms }
    : r.failure === 'unreachable' ? { kind: r.icmp === 'net-unreachable' ? 'net-unreachable' as const : 'host-unreachable' as const, ms }
      : { kind: 'timeout' as const, ms: limit };
  ex.result = connect.kind;
  return { ...base, ip, connect };
}
