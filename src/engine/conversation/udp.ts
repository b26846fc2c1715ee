// A UDP datagram and its answer. The first datagram finds a socket bound to the port (or
// ICMP port unreachable, or silence); what the server sends back is up to its application,
// and the answer must reach the client's socket from the address the client sent to.
import type { Netns } from '../cluster/types';
import type { HopKind, Payload } from '../trace/types';
import { newPacket } from '../stack/ip';
import type { PmtuDisc } from '../stack/packet';
import { type ConnectedSocket } from '../stack/walk';
import { fail, type Conversation, type ExchangeDraft } from './conversation';
import { walkLeg } from './leg';
import { senderOpts, senderWho, targetText, type FlowSpec } from './sender';
import { answerLegName, walkAnswer } from './answers';
import { connectTranslate } from '../stack/socket-lb';

export interface UdpSpec extends FlowSpec {
  readonly name: string;
  readonly payload?: Payload;
  /** The opening hop's words; a plain datagram's by default. */
  readonly opening?: string;
  /** An IP TTL other than 64 (traceroute's probes). */
  readonly ttl?: number;
  /** The datagram's IP total length, and the socket's path MTU discovery mode. */
  readonly size?: number;
  readonly pmtudisc?: PmtuDisc;
  /** The application's first hop: its kind and the message as its tool prints it. */
  readonly app?: { readonly kind: HopKind; readonly rule: string; readonly table: string };
}

/** Where the datagram arrived: the server's namespace and socket owner, and the datagram as it arrived. */
export interface UdpServer {
  readonly ns: Netns;
  readonly owner: string;
  readonly addr: string;
  readonly port: number;
  readonly peer: { readonly addr: string; readonly port: number };
  /** Where the client's socket sent the datagram (after any socket-level translation): its answer must come from there. */
  readonly sentTo?: { readonly dst: string; readonly dport: number };
}

export type UdpResult =
  | { readonly ok: true; readonly server: UdpServer }
  | { readonly ok: false; readonly failure: 'refused' | 'unreachable' | 'timeout'; readonly icmp?: string; readonly from?: string; readonly ttl?: number };

export function clientUdpSocket(spec: UdpSpec, reads?: string): ConnectedSocket {
  return {
    ns: spec.sender.ns.id, proto: 'udp', port: spec.sport, owner: spec.sender.owner,
    peer: { addr: spec.dst, port: spec.dport }, side: 'client', ...(reads ? { reads } : {}),
  };
}

export function udpSend(conv: Conversation, ex: ExchangeDraft, asked: UdpSpec): UdpResult {
  // A cgroup program may send the datagram to another address than the one asked for (Cilium's socket LB).
  const t = connectTranslate(conv, asked.sender.ns, asked.dst, asked.dport, 'udp');
  const spec: UdpSpec = t ? { ...asked, dst: t.dst, dport: t.dport } : asked;
  const pkt = newPacket(spec.src, spec.dst, 'udp', spec.sport, spec.dport, '');
  if (spec.ttl !== undefined) pkt.ttl = spec.ttl;
  if (spec.size !== undefined) pkt.size = spec.size;
  if (spec.pmtudisc !== undefined) pkt.pmtudisc = spec.pmtudisc;
  if (spec.payload) pkt.payload = spec.payload;
  const opening = spec.opening ?? `${senderWho(spec.sender)} sends a UDP datagram to ${targetText(asked.dstLabel, asked.dst)} port ${asked.dport}, from the ephemeral source port ${spec.sport}.`;
  const out = walkLeg(conv, ex, {
    name: spec.name, dir: 'out', ns: spec.sender.ns, pkt, opening,
    openingOpts: { ...senderOpts(spec.sender), ...(spec.app ? { rule: spec.app.rule, table: spec.app.table } : {}) }, ...(spec.app ? { openingKind: spec.app.kind } : {}),
    ...(t ? { connect: t, connectedTo: { dst: asked.dst, dport: asked.dport } } : {}),
  });
  switch (out.kind) {
    case 'delivered':
      return { ok: true, server: { ns: out.ns, owner: out.owner, addr: out.pkt.dst, port: out.pkt.dport, peer: { addr: out.pkt.src, port: out.pkt.sport }, ...(t ? { sentTo: { dst: spec.dst, dport: spec.dport } } : {}) } };
    case 'refused': {
      fail(ex, 'refused', out.code);
      const back = walkAnswer(conv, ex, out.ns, out.answer, clientUdpSocket(spec), answerLegName(out.answer));
      return { ok: false, failure: 'refused', icmp: out.answer.flags, from: out.answer.src, ...(back.kind === 'delivered' ? { ttl: back.pkt.ttl } : {}) };
    }
    case 'dropped': {
      fail(ex, 'dropped', out.code);
      if (!out.answer || !out.ns) return { ok: false, failure: 'timeout' };
      const back = walkAnswer(conv, ex, out.ns, out.answer, clientUdpSocket(spec), answerLegName(out.answer));
      return { ok: false, failure: 'unreachable', icmp: out.answer.flags, from: out.answer.src, ...(back.kind === 'delivered' ? { ttl: back.pkt.ttl } : {}) };
    }
  }
}

/** The server's answer to a datagram, back to the client's socket. */
export function udpAnswer(conv: Conversation, ex: ExchangeDraft, spec: UdpSpec, server: UdpServer, answer: { name: string; payload?: Payload; opening: string; reads?: string; app?: UdpSpec['app'] }) {
  const pkt = newPacket(server.addr, server.peer.addr, 'udp', server.port, server.peer.port, '');
  if (answer.payload) pkt.payload = answer.payload;
  const out = walkLeg(conv, ex, {
    name: answer.name, dir: 'back', ns: server.ns, pkt, expect: clientUdpSocket(server.sentTo ? { ...spec, ...server.sentTo } : spec, answer.reads), opening: answer.opening,
    openingOpts: { ...(server.ns.kind === 'pod' ? { container: server.owner } : {}), ...(answer.app ? { rule: answer.app.rule, table: answer.app.table } : {}) },
    ...(answer.app ? { openingKind: answer.app.kind } : {}),
  });
  if (out.kind !== 'delivered') fail(ex, out.kind === 'refused' ? 'refused' : 'dropped', out.code);
  return out;
}
