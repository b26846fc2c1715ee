// traceroute (the classic UDP method): probes to ports 33434 and up, three per TTL, the TTL
// one more each round. Each router that drops a probe whose TTL ran out answers ICMP "time
// exceeded" from its own address, which names the hop; the destination answers "port
// unreachable" (nothing listens there), which ends the trace; a probe nobody answers is a *.
import type { Conversation } from '../../conversation/conversation';
import { ephemeralPort, senderContainer, sourceAddress, type Sender } from '../../conversation/sender';
import { udpSend } from '../../conversation/udp';
import { getaddrinfo } from '../../dns/glibc';
import type { TracerouteHop, TracerouteProbe, TracerouteResult } from '../results';
import { reverseName } from './reverse';

export interface TracerouteOptions {
  readonly target: string;
  readonly maxHops: number;
  readonly queries: number;
  readonly numeric: boolean;
  /** Seconds to wait for a probe's answer (traceroute's -w, 5 by default). */
  readonly waitSeconds: number;
}

const FIRST_PORT = 33434;

export function runTraceroute(conv: Conversation, sender: Sender, o: TracerouteOptions): TracerouteResult {
  const lookup = getaddrinfo(conv, { sender, name: o.target, family: 'inet', program: 'traceroute' });
  const base = { target: o.target, lookup: lookup.outcome, maxHops: o.maxHops, packetLen: 60, numeric: o.numeric };
  if (lookup.outcome.kind !== 'found') return { ...base, hops: [] };
  const ip = lookup.outcome.addresses[0]!;
  const src = sourceAddress(sender.ns, ip);
  const sport = ephemeralPort(conv);
  const container = senderContainer(sender);
  const names = new Map<string, string | undefined>();
  const hops: TracerouteHop[] = [];
  let port = FIRST_PORT;
  for (let ttl = 1; ttl <= o.maxHops; ttl++) {
    const probes: TracerouteProbe[] = [];
    let reached = false;
    for (let q = 0; q < o.queries; q++, port++) {
      const sent = conv.now;
      const ex = conv.open({
        kind: 'udp', title: `traceroute probe, TTL ${ttl}, to ${ip}:${port}`, from: sender.label, ...(container !== undefined ? { container } : {}),
        to: o.target, tuple: { src, dst: ip, proto: 'udp', sport, dport: port },
      });
      const r = udpSend(conv, ex, {
        sender, src, sport, dst: ip, dport: port, dstLabel: o.target, name: `probe (TTL ${ttl})`, ttl,
        opening: `traceroute sends a UDP probe to ${ip} port ${port} with TTL ${ttl}: the ${ttl === 1 ? 'first router' : `router ${ttl} hops away`} will drop it and say so.`,
      });
      if (r.ok) {
        // Something listens on the probe's port: no ICMP comes back.
        ex.result = 'taken by a listening socket: no answer';
        probes.push({});
        conv.wait(o.waitSeconds * 1000);
        continue;
      }
      if (!r.from) {
        ex.result = 'no answer';
        probes.push({});
        conv.wait(Math.max(0, o.waitSeconds * 1000 - (conv.now - sent)));
        continue;
      }
      const rtt = conv.now - sent;
      if (!o.numeric && !names.has(r.from)) names.set(r.from, reverseName(conv, sender, r.from, 'traceroute'));
      const name = names.get(r.from);
      const note = r.icmp === 'time-exceeded' || r.icmp === 'port-unreachable' ? undefined
        : r.icmp === 'net-unreachable' ? '!N' : r.icmp === 'host-unreachable' ? '!H' : r.icmp === 'admin-prohibited' ? '!X' : undefined;
      probes.push({ from: r.from, ...(name ? { fromName: name } : {}), ms: rtt, ...(note ? { note } : {}) });
      ex.result = `${r.icmp} from ${r.from}`;
      if (r.icmp !== 'time-exceeded') reached = true;
    }
    hops.push({ ttl, probes });
    if (reached) break;
  }
  return { ...base, ip, hops };
}
