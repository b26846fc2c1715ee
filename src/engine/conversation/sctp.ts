// An SCTP association as the kernel starts one (RFC 9260 5.1): the client's INIT finds a
// socket bound to the port (or an ABORT, an ICMP error, or silence), and the server's INIT ACK
// comes back to the client's socket. podpath shows these first two chunks, as it shows a TCP
// connection's SYN and SYN ACK; COOKIE ECHO and COOKIE ACK are not walked.
import { newPacket } from '../stack/ip';
import { where, type ConnectedSocket } from '../stack/walk';
import { fail, type Conversation, type ExchangeDraft } from './conversation';
import { walkLeg } from './leg';
import { senderOpts, senderWho, targetText } from './sender';
import { answerLegName, walkAnswer } from './answers';
import type { ConnectSpec } from './tcp';

export type AssociateResult = { readonly ok: true } | { readonly ok: false; readonly failure: 'refused' | 'unreachable' | 'timeout' };

function clientSocket(spec: ConnectSpec): ConnectedSocket {
  return { ns: spec.sender.ns.id, proto: 'sctp', port: spec.sport, owner: spec.sender.owner, peer: { addr: spec.dst, port: spec.dport }, side: 'client' };
}

export function sctpAssociate(conv: Conversation, ex: ExchangeDraft, spec: ConnectSpec): AssociateResult {
  const init = newPacket(spec.src, spec.dst, 'sctp', spec.sport, spec.dport, 'INIT');
  const opening = `${senderWho(spec.sender)} opens an SCTP association to ${targetText(spec.dstLabel, spec.dst)} port ${spec.dport}. The kernel picks the free ephemeral source port ${spec.sport} and sends the first chunk, an INIT.`;
  const out = walkLeg(conv, ex, { name: 'INIT', dir: 'out', ns: spec.sender.ns, pkt: init, opening, openingOpts: senderOpts(spec.sender) });
  switch (out.kind) {
    case 'delivered': {
      const at = out.pkt;
      const back = walkLeg(conv, ex, {
        name: 'INIT ACK', dir: 'back', ns: out.ns, pkt: newPacket(at.dst, at.src, 'sctp', at.dport, at.sport, 'INIT ACK'), expect: clientSocket(spec),
        opening: `${out.owner} accepts: the kernel answers with INIT ACK, from ${at.dst}:${at.dport} in ${where(out.ns)} back to ${at.src}:${at.sport}.`,
        openingOpts: out.ns.kind === 'pod' ? { container: out.owner } : {},
      });
      if (back.kind === 'delivered') return { ok: true };
      fail(ex, back.kind === 'refused' ? 'refused' : 'dropped', back.code);
      return { ok: false, failure: 'timeout' };
    }
    case 'refused':
      fail(ex, 'refused', out.code);
      walkAnswer(conv, ex, out.ns, out.answer, clientSocket(spec), answerLegName(out.answer));
      return { ok: false, failure: 'refused' };
    case 'dropped':
      fail(ex, 'dropped', out.code);
      if (!out.answer || !out.ns) return { ok: false, failure: 'timeout' };
      walkAnswer(conv, ex, out.ns, out.answer, clientSocket(spec), answerLegName(out.answer));
      return { ok: false, failure: 'unreachable' };
  }
}
