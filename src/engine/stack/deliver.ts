// Local delivery: the packet is for this namespace. A listening socket takes it; for ICMP
// echo the kernel itself answers; with no socket the kernel refuses (TCP RST, or ICMP port
// unreachable for UDP). On the reply leg the answer must reach the client's own socket.
import type { Device, Listener, Netns } from '../cluster/types';
import type { Pkt } from './packet';
import { drop, record, where, type Outcome, type Walk } from './walk';
import { containerId } from '../topology/ids';
import { kernelRefusal } from './answer';

export function findListener(ns: Netns, proto: 'tcp' | 'udp', dst: string, port: number): Listener | undefined {
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

function refuse(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  const tcp = pkt.proto === 'tcp';
  const answer = kernelRefusal(ns, pkt, tcp ? 'tcp-reset' : 'port-unreachable');
  const text = tcp
    ? `Nothing in ${where(ns)} listens on TCP port ${pkt.dport}, so the kernel answers the SYN with a TCP RST: "connection refused".`
    : `Nothing in ${where(ns)} listens on UDP port ${pkt.dport}, so the kernel answers with ICMP "port unreachable".`;
  record(w, ns, dev.name, 'refuse', text, pkt, { table: 'sockets' });
  return { kind: 'refused', code: tcp ? 'tcp-reset' : 'port-unreachable', detail: text, ns, answer };
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

export function deliverLocal(w: Walk, ns: Netns, dev: Device, pkt: Pkt): Outcome {
  const ex = w.expect;
  if (ex) {
    const here = ex.ns === ns.id && ex.proto === pkt.proto && (pkt.proto === 'icmp' || pkt.dport === ex.port);
    const fromPeer = pkt.proto !== 'icmp' ? pkt.src === ex.peer.addr && pkt.sport === ex.peer.port
      : pkt.inner ? pkt.inner.dst === ex.peer.addr && (pkt.inner.proto === 'icmp' || pkt.inner.dport === ex.peer.port)
        : pkt.src === ex.peer.addr;
    if (here && !fromPeer) {
      const from = pkt.proto === 'icmp' ? pkt.src : `${pkt.src}:${pkt.sport}`;
      const code = pkt.proto === 'tcp' ? 'tcp-reset' : 'port-unreachable';
      return drop(w, ns, dev.name, code,
        `The answer reaches ${where(ns)}, but it comes from ${from} while the client's socket is talking to ${ex.peer.addr}${pkt.proto === 'icmp' ? '' : `:${ex.peer.port}`}. The kernel does not match it to the connection${pkt.proto === 'tcp' ? ' (and answers it with a RST)' : ''}, so the client never hears back. This happens when the answer takes a different way back than the request, past the NAT that would have translated it.`,
        pkt, { table: 'sockets' });
    }
    if (here) {
      const at = ns.kind === 'pod' ? { container: ex.owner } : {};
      const local = `${ex.proto === 'icmp' ? pkt.dst : `${pkt.dst}:${ex.port}`}`;
      const peer = `${ex.peer.addr}${ex.proto === 'icmp' || pkt.inner?.proto === 'icmp' ? '' : `:${ex.peer.port}`}`;
      if (pkt.inner) {
        const ping = pkt.inner.proto === 'icmp';
        const result = ping ? `ping prints "Destination Port Unreachable" for ${peer}` : `connecting to ${peer} fails at once with "Connection refused"`;
        record(w, ns, dev.name, 'deliver', `The ICMP "${pkt.flags}" from ${pkt.src} quotes the client's own packet, so the kernel hands it to the socket of ${ownerText(ns, ex.owner)}: ${result}.`, pkt,
          { table: 'sockets', rule: `${pkt.inner.proto} ${local} ${peer} ${ping ? 'From ' + pkt.src + ' Destination Port Unreachable' : 'ECONNREFUSED'}`, ...at });
      } else {
        const what = pkt.proto === 'icmp' ? `The ICMP ${pkt.flags}` : 'The answer';
        record(w, ns, dev.name, 'deliver', `${what} reaches the socket of ${ownerText(ns, ex.owner)} that opened the connection, from ${peer}: the very address it sent to.`, pkt,
          { table: 'sockets', rule: `${pkt.proto} ESTAB ${local} ${peer}`, ...at });
      }
      return { kind: 'delivered', ns, owner: ex.owner, pkt };
    }
    const code = pkt.proto === 'tcp' ? 'tcp-reset' : 'port-unreachable';
    return drop(w, ns, dev.name, code, `The answer reached ${where(ns)}, but no socket there expects it (port ${pkt.dport}); the client never hears back.`, pkt, { table: 'sockets' });
  }
  if (pkt.proto === 'icmp') {
    record(w, ns, dev.name, 'deliver', `The kernel of ${where(ns)} receives the ICMP echo request and answers it itself; no application is involved.`, pkt, { table: 'sockets' });
    return { kind: 'delivered', ns, owner: 'kernel', pkt };
  }
  const l = findListener(ns, pkt.proto, pkt.dst, pkt.dport);
  if (!l) return refuse(w, ns, dev, pkt);
  const bind = `${l.addr === '0.0.0.0' ? '0.0.0.0' : l.addr}:${l.port}`;
  record(w, ns, dev.name, 'deliver',
    `Delivered: ${ownerText(ns, l.owner)} listens on ${pkt.proto.toUpperCase()} ${bind} in ${where(ns)} and receives the packet from ${pkt.src}:${pkt.sport}. ${natText(w, pkt)}`,
    pkt, { table: 'sockets', rule: `${pkt.proto} LISTEN ${bind} users:(("${l.owner}"))`, ...containerAt(ns, l.owner) });
  return { kind: 'delivered', ns, owner: l.owner, pkt };
}
