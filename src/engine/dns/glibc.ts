// Name lookup as glibc's getaddrinfo does it (nss "files dns"; resolv/res_query.c
// __res_context_search): /etc/hosts first, then DNS. A name with fewer dots than ndots tries
// every search domain before the name itself; one with at least ndots tries itself first; a
// trailing dot tries only itself. For each name it asks A and, unless the program wants
// IPv4 only, AAAA, on one socket (the same source port for the whole lookup, as glibc keeps
// its UDP socket open). NXDOMAIN and NODATA move on to the next name; a timeout ends the
// search (TRY_AGAIN) after `attempts` tries of `timeout` seconds; a refused query moves to
// the next nameserver. So `curl example.com` from a pod with ndots:5 costs eight queries.
// Simplified: glibc sends A and AAAA in parallel; podpath walks them one after the other.
import type { Conversation } from '../conversation/conversation';
import { ephemeralPort, type Sender } from '../conversation/sender';
import type { LookupOutcome } from '../shell/results';
import { isIPv4 } from '../lib/ip';
import { hostsLookup, hostsOf } from './hosts';
import { fqdn } from './message';
import { resolvConfOf, resolverOptions, type ResolvConf } from './resolvconf';
import { askDns } from './server';

export interface LookupSpec {
  readonly sender: Sender;
  readonly name: string;
  /** 'any' for AF_UNSPEC (A and AAAA), 'inet' for AF_INET (A only). */
  readonly family: 'any' | 'inet';
  /** The file to use instead of the sender's own. */
  readonly resolvConf?: ResolvConf;
  /** Who looks the name up, for the hops. */
  readonly program: string;
}

export interface LookupResult {
  readonly outcome: LookupOutcome;
  /** The names asked for, in order. */
  readonly tried: readonly string[];
  /** How many DNS queries went out. */
  readonly queries: number;
  /** Where the answer came from. */
  readonly source: 'literal' | 'hosts' | 'dns' | 'none';
}

/** The names glibc asks for, in order. */
export function candidates(name: string, search: readonly string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = search.map((d) => `${name}.${d}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

export function getaddrinfo(conv: Conversation, spec: LookupSpec): LookupResult {
  const { sender } = spec;
  if (isIPv4(spec.name)) return { outcome: { kind: 'found', addresses: [spec.name] }, tried: [], queries: 0, source: 'literal' };
  const fromHosts = hostsLookup(hostsOf(conv.cluster, sender.ns, sender.podKey), spec.name);
  if (fromHosts) return { outcome: { kind: 'found', addresses: [fromHosts] }, tried: [], queries: 0, source: 'hosts' };
  const rc = spec.resolvConf ?? resolvConfOf(conv.cluster, sender.ns, sender.podKey);
  const opts = resolverOptions(rc);
  if (rc.nameservers.length === 0) return { outcome: { kind: 'unreachable', server: '' }, tried: [], queries: 0, source: 'none' };
  const sport = ephemeralPort(conv);
  const types = spec.family === 'any' ? (['A', 'AAAA'] as const) : (['A'] as const);
  const tried: string[] = [];
  let queries = 0;
  const asker = `${spec.program}'s resolver (glibc) in ${sender.label}`;
  for (const name of candidates(spec.name, rc.search, opts.ndots)) {
    tried.push(fqdn(name));
    let servers = [...rc.nameservers];
    let answered = false;
    for (let attempt = 0; attempt < opts.attempts && !answered && servers.length > 0; attempt++) {
      const next: string[] = [];
      for (const server of servers) {
        let refused = false;
        let timedOut = false;
        const addresses: string[] = [];
        let canonical: string | undefined;
        for (const type of types) {
          queries += 1;
          const r = askDns(conv, { sender, server, sport, name, type, asker });
          if (!r.ok) {
            if (r.failure === 'refused' || r.failure === 'unreachable') refused = true;
            else timedOut = true;
            continue;
          }
          const resp = r.response.response!;
          for (const a of resp.answers) {
            if (a.type === 'A') addresses.push(a.data);
            if (a.type === 'CNAME') canonical = a.data;
          }
        }
        // AI_CANONNAME: the name that answered (a CNAME's target, else the name with its search domain).
        if (addresses.length > 0) return { outcome: { kind: 'found', addresses, canonical: (canonical ?? fqdn(name)).replace(/\.$/, '') }, tried, queries, source: 'dns' };
        if (!refused && !timedOut) { answered = true; break; } // NXDOMAIN or NODATA: the next name
        if (timedOut) next.push(server);
      }
      servers = next;
      if (!answered && servers.length > 0 && attempt + 1 < opts.attempts) conv.wait(opts.timeout * 1000);
    }
    if (!answered) {
      // Every nameserver timed out or refused: TRY_AGAIN ends the search.
      if (servers.length > 0) conv.wait(opts.timeout * 1000);
      return { outcome: servers.length > 0 ? { kind: 'timeout', server: rc.nameservers[0]! } : { kind: 'unreachable', server: rc.nameservers[0]! }, tried, queries, source: 'dns' };
    }
  }
  return { outcome: { kind: 'not-found' }, tried, queries, source: 'dns' };
}
