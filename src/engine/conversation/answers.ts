// The kernel's answers about a packet it would not deliver, walked back to the sender: a
// TCP RST, or an ICMP error (port, network or host unreachable, time exceeded) from the
// host or router that gave up on it. conntrack relates an ICMP error to its connection, so
// it is un-NATed on the way like any answer.
import type { Netns } from '../cluster/types';
import { ICMP_ERROR_TEXT, type IcmpError } from '../stack/answer';
import type { Pkt } from '../stack/packet';
import { where, Where, type ConnectedSocket, type Outcome } from '../stack/walk';
import type { Conversation, ExchangeDraft } from './conversation';
import { walkLeg } from './leg';

export function answerLegName(answer: Pkt): string {
  return answer.proto === 'tcp' ? 'RST' : answer.proto === 'sctp' ? 'ABORT' : 'ICMP error';
}

function openingOf(ns: Netns, answer: Pkt): string {
  if (answer.proto === 'tcp' || answer.proto === 'sctp') return `The kernel of ${where(ns)} sends the ${answerLegName(answer)}, from ${answer.src}:${answer.sport} back to ${answer.dst}:${answer.dport}.`;
  const what = ICMP_ERROR_TEXT[answer.flags as IcmpError] ?? answer.flags;
  return `${Where(ns)} sends an ICMP error ("${what}") from ${answer.src} back to ${answer.dst}, quoting the header of the packet it could not deliver.`;
}

/** Walks a refusal or ICMP error from `ns` back to the socket that sent the original packet. */
export function walkAnswer(conv: Conversation, ex: ExchangeDraft, ns: Netns, answer: Pkt, expect: ConnectedSocket, name: string): Outcome {
  return walkLeg(conv, ex, { name, dir: 'back', ns, pkt: answer, expect, opening: openingOf(ns, answer) });
}
