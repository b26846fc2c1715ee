// Local delivery: the packet is for this namespace. A connection's first packet meets a
// listening socket (or, for ICMP echo, the kernel answers itself); with no socket the
// kernel refuses (TCP RST, or ICMP port unreachable for UDP), unless a firewall on the host
// drops it without a word. Every later packet must reach the connected socket it belongs
// to: the client's, waiting for an answer, or the one the server accepted.
import type { Device, Listener, Netns } from '../cluster/types';
import type { Pkt } from './packet';
import { drop, record, recording, where, Where, type ConnectedSocket, type Outcome, type Walk } from './walk';
import { containerId } from '../topology/ids';
import { ICMP_ERROR_TEXT, kernelRefusal, type IcmpError } from './answer';

export function findListener(ns: Netns, proto: Listener['proto'], dst: string, port: number): Listener | undefined {
  return ns.listeners.find((l) => l.proto === proto && l.port === port && (l.addr === '0.0.0.0' || l.addr === dst));
}

function ownerText(ns: Netns, owner: string): string {
  return ns.kind === 'pod' ? `container ${owner}` : owner;
}

/** A container's socket: in its pod, or (host network) in the node, owner NAMESPACE/POD/CONTAINER. */
function containerAt(ns: Netns, owner: string): { container?: string; at?: string } {
  if (ns.kind === 'pod') return { container: owner };
  const parts = owner.split('/');
  return parts.length === 3 ? { container: parts[2]!, at: containerId(`${parts[0]}/${parts[1]}`, parts[2]!) } : {};
}

/** A socket as `ss -tuan` prints it: Netid, State, Recv-Q, Send-Q (a listener's backlog), local and peer address. */
export function ssLine(proto: Listener['proto'], state: string, local: string, peer: string): string {
  return `${proto} ${state} 0 ${state === 'LISTEN' ? 4096 : 0} ${local} ${peer}`;
}

/** The catalogue code of a kernel's refusal of a connection's first packet. */
function refusalCode(proto: Pkt['proto']): 'tcp-reset' | 'sctp-abort' | 'port-unreachable' {
  return proto === 'tcp' ? 'tcp-reset' : proto === 'sctp' ? 'sctp-abort' : 'port-unreachable';
}

function refuse(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  const tcp = pkt.proto === 'tcp';
  if (ns.closedPorts === 'drop') {
    return drop(w, ns, dev.name, 'filtered',
      `${Where(ns)} serves nothing on ${pkt.proto.toUpperCase()} port ${pkt.dport}, and like most hosts on the internet it is behind a firewall that drops such packets without an answer. The client hears nothing and waits until it gives up (a timeout, not "connection refused").`,
      pkt, { table: 'sockets' });
  }
  const sctp = pkt.proto === 'sctp';
  const answer = kernelRefusal(ns, pkt, tcp ? 'tcp-reset' : sctp ? 'sctp-abort' : 'port-unreachable');
  const text = tcp
    ? `Nothing in ${where(ns)} listens on TCP port ${pkt.dport}, so the kernel answers the SYN with a TCP RST: "connection refused".`
    : sctp ? `Nothing in ${where(ns)} listens on SCTP port ${pkt.dport}, so the kernel answers the INIT with an ABORT: "connection refused".`
      : `Nothing in ${where(ns)} listens on UDP port ${pkt.dport}, so the kernel answers with ICMP "port unreachable".`;
  record(w, ns, dev.name, 'refuse', text, pkt, { table: 'sockets' });
  return { kind: 'refused', code: refusalCode(pkt.proto), detail: text, ns, answer };
}

function natText(w: Walk, pkt: Pkt): string {
  const o = w.origin;
  if (o.src === pkt.src && o.sport === pkt.sport && o.dst === pkt.dst && o.dport === pkt.dport) {
    return 'Source and destination are exactly what the sender wrote: no NAT on the way.';
  }
  const parts: string[] = [];
  if (o.src !== pkt.src || o.sport !== pkt.sport) parts.push(`the source was rewritten from ${o.src}:${o.sport} to ${pkt.src}:${pkt.sport}`);
  if (o.dst !== pkt.dst || o.dport !== pkt.dport) parts.push(`the destination was rewritten from ${o.dst}:${o.dport} to ${pkt.dst}:${pkt.dport}`);
  return `On the way ${parts.join(' and ')} (NAT).`;
}

const isEcho = (pkt: Pkt) => pkt.proto === 'icmp' && !pkt.inner;
const endText = (addr: string, port: number, icmp: boolean) => (icmp ? addr : `${addr}:${port}`);

/** What the kernel makes of an ICMP error for a socket, as the program sees it. */
function icmpErrorEffect(pkt: Pkt, peer: string): string {
  const type = pkt.flags as IcmpError;
  switch (pkt.inner!.proto) {
    case 'icmp': return `ping prints "From ${pkt.src} icmp_seq=… ${ICMP_ERROR_TEXT[type] ?? pkt.flags}${type === 'frag-needed' ? ` (mtu = ${pkt.icmpMtu})` : ''}"`;
    case 'udp': return type === 'port-unreachable'
      ? `the next receive on the socket fails with "Connection refused" (ECONNREFUSED)`
      : type === 'frag-needed' ? `the next send bigger than mtu ${pkt.icmpMtu} fails with "Message too long" (EMSGSIZE), or is fragmented, as the socket asks`
      : `the socket gets the error "${type === 'time-exceeded' ? 'time exceeded' : ICMP_ERROR_TEXT[type] ?? pkt.flags}"`;
    case 'ipip': return 'the tunnel endpoint is told';
    // tcp_v4_err: in SYN-SENT every unreachable or time exceeded ends the connect() with its errno (sctp_v4_err alike).
    case 'sctp':
    case 'tcp': return type === 'frag-needed' ? `the kernel lowers the connection's MSS to fit mtu ${pkt.icmpMtu} and retransmits the segment smaller` : type === 'port-unreachable' ? `connecting to ${peer} fails at once with "Connection refused" (ECONNREFUSED)`
      : type === 'net-unreachable' ? `connecting to ${peer} fails with "Network is unreachable" (ENETUNREACH)`
        : `connecting to ${peer} fails with "No route to host" (EHOSTUNREACH)`;
  }
}

function deliverToSocket(w: Walk, ns: Netns, dev: Device, pkt: Pkt, ex: ConnectedSocket): Outcome {
  const icmp = ex.proto === 'icmp';
  const here = ex.ns === ns.id && (pkt.inner ? pkt.inner.proto === ex.proto && (icmp || pkt.inner.sport === ex.port)
    : ex.proto === pkt.proto && (icmp ? pkt.dport === ex.port : pkt.dport === ex.port));
  const fromPeer = pkt.inner ? pkt.inner.dst === ex.peer.addr && (icmp || pkt.inner.dport === ex.peer.port)
    : pkt.src === ex.peer.addr && (icmp || pkt.sport === ex.peer.port);
  const local = endText(pkt.inner ? pkt.inner.src : pkt.dst, ex.port, icmp);
  const peer = endText(ex.peer.addr, ex.peer.port, icmp);
  const tcpUdp = ex.proto === 'icmp' ? undefined : ex.proto;
  if (here && !fromPeer) {
    const from = endText(pkt.src, pkt.sport, pkt.proto === 'icmp');
    const code = refusalCode(pkt.proto);
    return drop(w, ns, dev.name, code,
      `The packet reaches ${where(ns)}, but it comes from ${from} while the socket is talking to ${peer}. The kernel does not match it to the connection${pkt.proto === 'tcp' ? ' (and answers it with a RST)' : ''}, so it is lost. This happens when the answer takes a different way back than the request, past the NAT that would have translated it.`,
      pkt, { table: 'sockets' });
  }
  if (!here) {
    const code = refusalCode(pkt.proto);
    return drop(w, ns, dev.name, code, `The packet reached ${where(ns)}, but no socket there expects it (port ${pkt.dport}); it is lost.`, pkt, { table: 'sockets' });
  }
  const at = ns.kind === 'pod' ? { container: ex.owner.split('/').pop()! } : containerAt(ns, ex.owner);
  const who = ownerText(ns, ex.owner);
  if (pkt.inner) {
    record(w, ns, dev.name, 'deliver', `The ICMP "${pkt.flags}" from ${pkt.src} quotes the socket's own packet, so the kernel hands the error to the socket of ${who}: ${icmpErrorEffect(pkt, peer)}.`, pkt,
      { table: 'sockets', ...(tcpUdp ? { rule: ssLine(tcpUdp, tcpUdp === 'tcp' ? 'SYN-SENT' : tcpUdp === 'sctp' ? 'COOKIE_WAIT' : 'UNCONN', local, peer) } : {}), ...at });
    return { kind: 'delivered', ns, owner: ex.owner, pkt };
  }
  if (pkt.proto === 'tcp' && pkt.flags.startsWith('RST')) {
    record(w, ns, dev.name, 'deliver', `The RST reaches the socket of ${who}: ${peer} refused the connection. connect() fails with ECONNREFUSED ("Connection refused") and the socket is closed; it never became ESTAB.`, pkt,
      { table: 'sockets', rule: ssLine('tcp', 'SYN-SENT', local, peer), ...at });
    return { kind: 'delivered', ns, owner: ex.owner, pkt };
  }
  if (pkt.proto === 'sctp' && pkt.flags === 'ABORT') {
    record(w, ns, dev.name, 'deliver', `The ABORT reaches the socket of ${who}: ${peer} refused the association. connect() fails with ECONNREFUSED ("Connection refused").`, pkt,
      { table: 'sockets', rule: ssLine('sctp', 'COOKIE_WAIT', local, peer), ...at });
    return { kind: 'delivered', ns, owner: ex.owner, pkt };
  }
  if (recording(w)) {
    const what = ex.reads ?? (icmp ? `The ICMP ${pkt.flags} reaches the socket of ${who} that sent the echo request, from ${peer}.`
      : ex.side === 'client' ? `The answer reaches the socket of ${who} that opened the connection, from ${peer}: the very address it sent to.`
        : `The segment reaches the connection ${who} accepted from ${peer}.`);
    record(w, ns, dev.name, 'deliver', what, pkt, { table: 'sockets', ...(tcpUdp ? { rule: ssLine(tcpUdp, 'ESTAB', local, peer) } : {}), ...at });
  }
  return { kind: 'delivered', ns, owner: ex.owner, pkt };
}

export function deliverLocal(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  if (pkt.proto === 'ipip') return drop(w, ns, dev.name, 'port-unreachable', `An IP-in-IP packet reaches ${where(ns)}, which has no tunnel device to take it.`, pkt);
  if (w.expect) return deliverToSocket(w, ns, dev, pkt, w.expect);
  if (isEcho(pkt)) {
    record(w, ns, dev.name, 'deliver', `The kernel of ${where(ns)} receives the ICMP echo request and answers it itself; no application is involved.`, pkt, { table: 'sockets' });
    return { kind: 'delivered', ns, owner: 'kernel', pkt };
  }
  if (pkt.proto === 'icmp') {
    return drop(w, ns, dev.name, 'port-unreachable', `An ICMP "${pkt.flags}" reaches ${where(ns)}, but no socket here sent the packet it quotes; the kernel drops it.`, pkt, { table: 'sockets' });
  }
  const l = findListener(ns, pkt.proto, pkt.dst, pkt.dport);
  if (!l) return refuse(w, ns, dev, pkt);
  if (recording(w)) {
    const bind = `${l.addr}:${l.port}`;
    record(w, ns, dev.name, 'deliver',
      `Delivered: ${ownerText(ns, l.owner)} listens on ${pkt.proto.toUpperCase()} ${bind} in ${where(ns)} and receives the packet from ${pkt.src}:${pkt.sport}. ${natText(w, pkt)}`,
      pkt, { table: 'sockets', rule: ssLine(pkt.proto, pkt.proto === 'udp' ? 'UNCONN' : 'LISTEN', bind, '0.0.0.0:*'), ...containerAt(ns, l.owner) });
  }
  return { kind: 'delivered', ns, owner: l.owner, pkt };
}
