// An ICMP echo (ping): the request goes out with the socket's identifier and a sequence
// number; the destination's kernel answers itself, with no application involved; a router
// that cannot deliver it sends an ICMP error instead.
import { newPacket } from '../stack/ip';
import type { PmtuDisc, Pkt } from '../stack/packet';
import { where, type ConnectedSocket } from '../stack/walk';
import { fail, type Conversation, type ExchangeDraft } from './conversation';
import { walkLeg } from './leg';
import { senderOpts, senderWho, targetText, type Sender } from './sender';
import { answerLegName, walkAnswer } from './answers';

export interface EchoSpec {
  readonly sender: Sender;
  readonly src: string;
  readonly dst: string;
  readonly dstLabel: string;
  readonly id: number;
  readonly seq: number;
  readonly ttl?: number;
  /** The IP total length (ping -s N sends N + 28), and whether DF is forced (ping -M do). */
  readonly size?: number;
  readonly pmtudisc?: PmtuDisc;
}

export type EchoResult =
  | { readonly ok: true; readonly ttl: number; readonly from: string; readonly rtt: number }
  | { readonly ok: false; readonly failure: 'unreachable' | 'timeout'; readonly icmp?: string; readonly from?: string; /** A "fragmentation needed" error's next-hop MTU. */ readonly mtu?: number }
  /** The kernel refused to send it (EMSGSIZE: bigger than `mtu` with fragmentation forbidden). */
  | { readonly ok: false; readonly failure: 'local'; readonly mtu: number };

export function echo(conv: Conversation, ex: ExchangeDraft, spec: EchoSpec): EchoResult {
  const start = conv.now;
  const req = newPacket(spec.src, spec.dst, 'icmp', spec.id, spec.id, 'echo-request');
  req.icmpSeq = spec.seq;
  if (spec.ttl !== undefined) req.ttl = spec.ttl;
  if (spec.size !== undefined) req.size = spec.size;
  if (spec.pmtudisc !== undefined) req.pmtudisc = spec.pmtudisc;
  const socket: ConnectedSocket = { ns: spec.sender.ns.id, proto: 'icmp', port: spec.id, owner: spec.sender.owner, peer: { addr: spec.dst, port: 0 }, side: 'client' };
  const out = walkLeg(conv, ex, {
    name: 'echo request', dir: 'out', ns: spec.sender.ns, pkt: req, openingOpts: senderOpts(spec.sender),
    opening: `${senderWho(spec.sender)} pings ${targetText(spec.dstLabel, spec.dst)}: an ICMP echo request with identifier ${spec.id} and sequence number ${spec.seq}.`,
  });
  switch (out.kind) {
    case 'delivered': {
      const at = out.pkt;
      const rep: Pkt = newPacket(at.dst, at.src, 'icmp', at.dport, at.sport, 'echo-reply');
      rep.icmpSeq = spec.seq;
      // The reply carries the request's data back: the same size.
      rep.size = at.size;
      const back = walkLeg(conv, ex, { name: 'echo reply', dir: 'back', ns: out.ns, pkt: rep, expect: socket, opening: `The kernel of ${where(out.ns)} answers with an ICMP echo reply, from ${at.dst} back to ${at.src}.` });
      if (back.kind !== 'delivered') {
        fail(ex, back.kind === 'refused' ? 'refused' : 'dropped', back.code);
        return { ok: false, failure: 'timeout' };
      }
      return { ok: true, ttl: back.pkt.ttl, from: back.pkt.src, rtt: conv.now - start };
    }
    case 'refused':
    case 'dropped': {
      fail(ex, out.kind, out.code);
      if (out.kind === 'dropped' && out.mtu !== undefined) return { ok: false, failure: 'local', mtu: out.mtu };
      const ns = out.ns;
      if (!out.answer || !ns) return { ok: false, failure: 'timeout' };
      walkAnswer(conv, ex, ns, out.answer, socket, answerLegName(out.answer));
      return { ok: false, failure: 'unreachable', icmp: out.answer.flags, from: out.answer.src, ...(out.answer.icmpMtu !== undefined ? { mtu: out.answer.icmpMtu } : {}) };
    }
  }
}
