// A TCP connection as the kernel makes one: the SYN finds a listening socket (or a RST, an
// ICMP error, or silence), the SYN ACK comes back to the client's socket, and then data
// flows both ways on the connection, every segment walked. Only the first packet meets
// the nat table; the rest are rewritten by conntrack, as on a real node. The handshake's
// last ACK travels with the first data segment here (one leg, flags PSH ACK).
import type { Netns } from '../cluster/types';
import type { HopKind, Payload } from '../trace/types';
import { newPacket } from '../stack/ip';
import type { Pkt } from '../stack/packet';
import { where, type ConnectedSocket, type Outcome } from '../stack/walk';
import { fail, type Conversation, type ExchangeDraft } from './conversation';
import { walkLeg } from './leg';
import { senderOpts, senderWho, targetText, type FlowSpec } from './sender';
import { answerLegName, walkAnswer } from './answers';
import { connectTranslate } from '../stack/socket-lb';

export interface TcpEnd {
  readonly ns: Netns;
  readonly owner: string;
  readonly addr: string;
  readonly port: number;
}

/** An established connection: each end as it sees itself and its peer (NAT makes them differ). */
export interface TcpConn {
  readonly client: TcpEnd;
  /** Where the client believes it is connected to (a Service address, say). */
  readonly clientPeer: { readonly addr: string; readonly port: number };
  readonly server: TcpEnd;
  /** Who the server sees at the other end. */
  readonly serverPeer: { readonly addr: string; readonly port: number };
  /** The smaller MSS option of the handshake (SYN and SYN ACK), when either carried one: the largest segment both ends take. */
  readonly mss?: number;
}

export type ConnectResult =
  | { readonly ok: true; readonly conn: TcpConn }
  /** refused: RST or ICMP port unreachable; unreachable: an ICMP error from a router; timeout: no answer at all. */
  /** `immediate`: the client's own kernel refused (no route, an unreachable route): connect() failed and no packet left. */
  | { readonly ok: false; readonly failure: 'refused' | 'unreachable' | 'timeout'; readonly icmp?: string; readonly immediate?: boolean };

export type ConnectSpec = FlowSpec;

/** A connection's opening: TCP's SYN and SYN ACK, or SCTP's INIT and INIT ACK. */
export interface Handshake {
  readonly proto: 'tcp' | 'sctp';
  readonly first: string;
  readonly answer: string;
}

const TCP: Handshake = { proto: 'tcp', first: 'SYN', answer: 'SYN ACK' };

function clientSocket(spec: ConnectSpec, proto: Handshake['proto'], reads?: string): ConnectedSocket {
  return {
    ns: spec.sender.ns.id, proto, port: spec.sport, owner: spec.sender.owner,
    peer: { addr: spec.dst, port: spec.dport }, side: 'client', ...(reads ? { reads } : {}),
  };
}

/** Sends the SYN and walks what comes back; on success the connection is ESTABLISHED at both ends. */
export function tcpConnect(conv: Conversation, ex: ExchangeDraft, spec: ConnectSpec): ConnectResult {
  const { sender } = spec;
  const opening = `${senderWho(sender)} opens a TCP connection to ${targetText(spec.dstLabel, spec.dst)} port ${spec.dport}. The kernel picks the free ephemeral source port ${spec.sport} and sends the first segment, a SYN.`;
  return handshake(conv, ex, spec, TCP, opening);
}

/** Sends the handshake's first packet and walks what comes back (for TCP and SCTP alike). */
export function handshake(conv: Conversation, ex: ExchangeDraft, spec: ConnectSpec, hs: Handshake, opening: string): ConnectResult {
  // A cgroup program may connect the socket to another address than the one asked for (Cilium's socket LB, TCP and UDP only).
  const t = hs.proto === 'tcp' ? connectTranslate(conv, spec.sender.ns, spec.dst, spec.dport, 'tcp') : undefined;
  const target: ConnectSpec = t ? { ...spec, dst: t.dst, dport: t.dport } : spec;
  const first = newPacket(spec.src, target.dst, hs.proto, spec.sport, target.dport, hs.first);
  const out = walkLeg(conv, ex, {
    name: hs.first, dir: 'out', ns: spec.sender.ns, pkt: first, opening, openingOpts: senderOpts(spec.sender),
    ...(t ? { connect: t, connectedTo: { dst: spec.dst, dport: spec.dport } } : {}),
  });
  return afterFirst(conv, ex, target, hs, out);
}

function afterFirst(conv: Conversation, ex: ExchangeDraft, spec: ConnectSpec, hs: Handshake, out: Outcome): ConnectResult {
  switch (out.kind) {
    case 'delivered': {
      const at = out.pkt;
      const answer: Pkt = newPacket(at.dst, at.src, hs.proto, at.dport, at.sport, hs.answer);
      const back = walkLeg(conv, ex, {
        name: hs.answer, dir: 'back', ns: out.ns, pkt: answer, expect: clientSocket(spec, hs.proto),
        opening: `${out.owner} accepts: the kernel answers with ${hs.answer}, from ${at.dst}:${at.dport} in ${where(out.ns)} back to ${at.src}:${at.sport}.`,
        openingOpts: out.ns.kind === 'pod' ? { container: out.owner } : {},
      });
      if (back.kind !== 'delivered') {
        fail(ex, back.kind === 'refused' ? 'refused' : 'dropped', back.code);
        return { ok: false, failure: 'timeout' };
      }
      const mss = [at.mss, back.pkt.mss].filter((m): m is number => m !== undefined);
      return {
        ok: true,
        conn: {
          client: { ns: spec.sender.ns, owner: spec.sender.owner, addr: spec.src, port: spec.sport },
          clientPeer: { addr: spec.dst, port: spec.dport },
          server: { ns: out.ns, owner: out.owner, addr: at.dst, port: at.dport },
          serverPeer: { addr: at.src, port: at.sport },
          ...(mss.length ? { mss: Math.min(...mss) } : {}),
        },
      };
    }
    case 'refused':
      fail(ex, 'refused', out.code);
      walkAnswer(conv, ex, out.ns, out.answer, clientSocket(spec, hs.proto), answerLegName(out.answer));
      return { ok: false, failure: 'refused' };
    case 'dropped':
      fail(ex, 'dropped', out.code);
      if (!out.answer && (out.code === 'no-route' || out.code === 'unreachable-route' || out.code === 'neigh-failed') && ex.legs.at(-1)?.hops.at(-1)?.nsId === spec.sender.ns.id) {
        return { ok: false, failure: 'unreachable', icmp: out.code === 'no-route' ? 'net-unreachable' : 'host-unreachable', immediate: out.code !== 'neigh-failed' };
      }
      if (out.answer && out.ns) {
        walkAnswer(conv, ex, out.ns, out.answer, clientSocket(spec, hs.proto), answerLegName(out.answer));
        return { ok: false, failure: out.answer.flags === 'port-unreachable' ? 'refused' : 'unreachable', icmp: out.answer.flags };
      }
      return { ok: false, failure: 'timeout' };
  }
}

export interface SegmentSpec {
  readonly name: string;
  readonly payload?: Payload;
  /** The sending side's first hop, in words. */
  readonly opening: string;
  /** What the receiving side does with it, in words (the deliver hop). */
  readonly reads: string;
  /** The segment's IP total length (a full-size segment is the connection's MSS + 40). */
  readonly size?: number;
  /** The application's first hop: its kind and the message as its tool prints it. */
  readonly app?: { readonly kind: HopKind; readonly rule: string; readonly table: string };
}

/** One data segment on an established connection, from the client or from the server. */
export function tcpSegment(conv: Conversation, ex: ExchangeDraft, conn: TcpConn, from: 'client' | 'server', seg: SegmentSpec): Outcome {
  const a = from === 'client' ? conn.client : conn.server;
  const peer = from === 'client' ? conn.clientPeer : conn.serverPeer;
  const b = from === 'client' ? conn.server : conn.client;
  const bPeer = from === 'client' ? conn.serverPeer : conn.clientPeer;
  const pkt = newPacket(a.addr, peer.addr, 'tcp', a.port, peer.port, 'PSH ACK');
  if (seg.payload) pkt.payload = seg.payload;
  if (seg.size !== undefined) pkt.size = seg.size;
  const expect: ConnectedSocket = { ns: b.ns.id, proto: 'tcp', port: b.port, owner: b.owner, peer: bPeer, side: from === 'client' ? 'server' : 'client', reads: seg.reads };
  const out = walkLeg(conv, ex, {
    name: seg.name, dir: from === 'client' ? 'out' : 'back', ns: a.ns, pkt, expect, opening: seg.opening,
    openingOpts: { ...(a.ns.kind === 'pod' ? { container: a.owner } : {}), ...(seg.app ? { rule: seg.app.rule, table: seg.app.table } : {}) },
    ...(seg.app ? { openingKind: seg.app.kind } : {}),
  });
  if (out.kind !== 'delivered') fail(ex, out.kind === 'refused' ? 'refused' : 'dropped', out.code);
  return out;
}
