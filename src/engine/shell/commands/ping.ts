// ping: look the target up, then one ICMP echo per second, each an exchange of its own (the
// request with the socket's identifier and a sequence number; the reply, or a router's ICMP
// error, or nothing). Given a name, ping prints the replier's name from a reverse lookup.
import type { Conversation } from '../../conversation/conversation';
import { echo } from '../../conversation/icmp';
import { ephemeralPort, senderContainer, sourceAddress, type Sender } from '../../conversation/sender';
import { getaddrinfo } from '../../dns/glibc';
import { ICMP_ERROR_TEXT, type IcmpError } from '../../stack/answer';
import { isIPv4 } from '../../lib/ip';
import type { PmtuDisc } from '../../stack/packet';
import type { PingReply, PingResult } from '../results';
import { reverseName } from './reverse';

export interface PingOptions {
  readonly target: string;
  readonly count?: number;
  readonly ttl?: number;
  readonly numeric: boolean;
  readonly ipv4: boolean;
  /** -s: ICMP data bytes (the IP packet is 28 bytes more). */
  readonly dataLen?: number;
  /** -M: IP_MTU_DISCOVER (unset: the socket's default, want). */
  readonly pmtudisc?: PmtuDisc;
}

/** How many echoes podpath sends when no -c is given, before it stops ping as Ctrl-C would. */
export const PING_DEFAULT_COUNT = 4;

export function runPing(conv: Conversation, sender: Sender, o: PingOptions): PingResult {
  const start = conv.now;
  const lookup = getaddrinfo(conv, { sender, name: o.target, family: o.ipv4 ? 'inet' : 'any', program: 'ping' });
  const count = o.count ?? PING_DEFAULT_COUNT;
  const base = { target: o.target, lookup: lookup.outcome, count, interrupted: o.count === undefined, numeric: o.numeric, ...(o.dataLen !== undefined ? { dataLen: o.dataLen } : {}) };
  if (lookup.outcome.kind !== 'found') return { ...base, replies: [], totalMs: conv.now - start };
  const ip = lookup.outcome.addresses[0]!;
  // A Linux ping socket's identifier is its local port.
  const id = ephemeralPort(conv);
  const src = sourceAddress(sender.ns, ip);
  const container = senderContainer(sender);
  const names = new Map<string, string | undefined>();
  const replies: PingReply[] = [];
  const localErrors: { seq: number; mtu: number }[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const sent = conv.now;
    const ex = conv.open({
      kind: 'icmp', title: `ping ${ip} (icmp_seq=${seq})`, from: sender.label, ...(container !== undefined ? { container } : {}),
      to: o.target, tuple: { src, dst: ip, proto: 'icmp', sport: 0, dport: 0, icmpId: id },
    });
    const r = echo(conv, ex, {
      sender, src, dst: ip, dstLabel: o.target, id, seq, ...(o.ttl !== undefined ? { ttl: o.ttl } : {}),
      ...(o.dataLen !== undefined ? { size: o.dataLen + 28 } : {}), ...(o.pmtudisc !== undefined ? { pmtudisc: o.pmtudisc } : {}),
    });
    const ms = conv.now - sent;
    if (!r.ok && r.failure === 'local') {
      localErrors.push({ seq, mtu: r.mtu });
      ex.result = `not sent: message too long, mtu=${r.mtu}`;
    } else if (r.ok || r.failure === 'unreachable') {
      const from = r.ok ? r.from : r.from!;
      // iputils resolves the replier's name when the target was a name (and -n was not given).
      if (!o.numeric && !isIPv4(o.target) && !names.has(from)) names.set(from, reverseName(conv, sender, from, 'ping'));
      const fromName = names.get(from);
      replies.push(r.ok
        ? { seq, from, ...(fromName ? { fromName } : {}), ttl: r.ttl, ms }
        : { seq, from, ...(fromName ? { fromName } : {}), ttl: 0, ms, error: errorText(r.icmp, r.mtu) });
      ex.result = r.ok ? `reply, ttl=${r.ttl}` : errorText(r.icmp, r.mtu);
    } else {
      ex.result = 'no reply';
    }
    // The next echo leaves a second after this one did.
    if (seq < count) conv.wait(Math.max(0, 1000 - (conv.now - sent)));
  }
  return { ...base, ip, replies, ...(localErrors.length ? { localErrors } : {}), totalMs: conv.now - start };
}

/** pr_icmph's words for an ICMP error; "fragmentation needed" with the MTU it carries. */
function errorText(icmp: string | undefined, mtu: number | undefined): string {
  const text = ICMP_ERROR_TEXT[icmp as IcmpError] ?? icmp ?? 'error';
  return icmp === 'frag-needed' && mtu !== undefined ? `${text} (mtu = ${mtu})` : text;
}
