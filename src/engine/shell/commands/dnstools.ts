// nslookup and dig ask the DNS themselves instead of going through glibc's getaddrinfo. dig
// asks exactly the name given (no search list unless +search), once per try, with EDNS;
// nslookup (bind's) applies the search list for names with fewer dots than ndots and asks
// A and then AAAA for the name that exists.
import type { Conversation } from '../../conversation/conversation';
import { ephemeralPort, type Sender } from '../../conversation/sender';
import { candidates } from '../../dns/glibc';
import { fqdn, messageBytes } from '../../dns/message';
import { resolvConfOf, resolverOptions } from '../../dns/resolvconf';
import { askDns, type DnsReply } from '../../dns/server';
import { ctimeUtc, simSeconds } from '../../lib/clock';
import type { DnsType } from '../../trace/types';
import type { DnsAnswer, DnsToolResult } from '../results';

export interface DnsToolOptions {
  readonly name: string;
  readonly type: DnsType;
  /** @server / nslookup's second argument; the first nameserver of resolv.conf otherwise. */
  readonly server?: string;
  readonly search: boolean;
  readonly short: boolean;
  /** dig's +tries (3) / nslookup's retries. */
  readonly tries: number;
  readonly edns: boolean;
  /** The arguments as typed, for dig's banner. */
  readonly args?: readonly string[];
}

function toAnswer(r: Extract<DnsReply, { ok: true }>, server: string, cookie: string | undefined): DnsAnswer {
  const resp = r.response.response!;
  const flags = ['qr', ...(resp.aa ? ['aa'] : []), 'rd', ...(resp.ra ? ['ra'] : [])];
  return {
    server, port: 53, question: r.response.question, id: r.response.id, rcode: resp.rcode, flags,
    answers: resp.answers, authority: resp.authority, additional: resp.additional, ms: Math.floor(r.ms), size: messageBytes(r.response, cookie !== undefined, cookie !== undefined), proto: 'UDP',
    // dig 9.18 asks with EDNS (UDP size 1232) and a client cookie; CoreDNS answers with version 0, the same size, and echoes the cookie.
    ...(cookie !== undefined ? { edns: { version: 0, udpSize: 1232, cookie: `${cookie} (echoed)` } } : {}),
  };
}

export function runDnsTool(conv: Conversation, sender: Sender, o: DnsToolOptions, program: 'dig' | 'nslookup'): DnsToolResult {
  const rc = resolvConfOf(conv.cluster, sender.ns, sender.podKey);
  const server = o.server ?? rc.nameservers[0] ?? '127.0.0.1';
  const names = o.search ? candidates(o.name, rc.search, resolverOptions(rc).ndots) : [o.name];
  const sport = ephemeralPort(conv);
  const cookie = o.edns ? Array.from({ length: 4 }, () => conv.rng.int(0, 65535).toString(16).padStart(4, '0')).join('') : undefined;
  const queries: DnsToolResult['queries'][number][] = [];
  const asker = program === 'dig' ? `dig in ${sender.label}` : `nslookup in ${sender.label}`;
  const ask = (name: string, type: DnsType) => {
    for (let t = 0; t < o.tries; t++) {
      const r = askDns(conv, { sender, server, sport, name, type, asker });
      if (r.ok) { queries.push({ name: fqdn(name), type, answer: toAnswer(r, server, cookie) }); return r; }
      queries.push({ name: fqdn(name), type, timeout: true });
      if (r.failure !== 'timeout') return r;
      conv.wait(5000);
    }
    return undefined;
  };
  for (const name of names) {
    const r = ask(name, o.type);
    if (!r || !r.ok) break;
    const rcode = r.response.response?.rcode;
    if (rcode === 'NOERROR' && program === 'nslookup' && o.type === 'A') ask(name, 'AAAA');
    if (rcode === 'NOERROR' || rcode === 'SERVFAIL' || rcode === 'REFUSED') break;
  }
  return {
    name: o.name, type: o.type, server, queries, short: o.short, when: ctimeUtc(simSeconds(conv.now)),
    ...(o.args ? { args: o.args } : {}), ...(o.server !== undefined ? { serverArg: o.server } : {}),
  };
}
