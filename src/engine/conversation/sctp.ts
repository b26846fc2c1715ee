// An SCTP association as the kernel starts one (RFC 9260 5.1): the client's INIT finds a
// socket bound to the port (or an ABORT, an ICMP error, or silence), and the server's INIT ACK
// comes back to the client's socket. podpath shows these first two chunks, as it shows a TCP
// connection's SYN and SYN ACK; COOKIE ECHO and COOKIE ACK are not walked.
import type { Conversation, ExchangeDraft } from './conversation';
import { senderWho, targetText } from './sender';
import { handshake, type ConnectResult, type ConnectSpec } from './tcp';

export function sctpAssociate(conv: Conversation, ex: ExchangeDraft, spec: ConnectSpec): ConnectResult {
  const opening = `${senderWho(spec.sender)} opens an SCTP association to ${targetText(spec.dstLabel, spec.dst)} port ${spec.dport}. The kernel picks the free ephemeral source port ${spec.sport} and sends the first chunk, an INIT.`;
  return handshake(conv, ex, spec, { proto: 'sctp', first: 'INIT', answer: 'INIT ACK' }, opening);
}
