// The internet's DNS, as the public resolver podpath puts on the internet answers it. It
// does not walk the root, TLD and authoritative servers a real recursive resolver asks; it
// knows the answers. A name the scenario maps (spec.outsideHosts[].names) answers with that
// host's address. Any other name under a common top-level domain resolves to an address in
// the documentation ranges (TEST-NET-2 and -3, RFC 5737), the same one every time, so no
// example names a real host. Single labels, reserved names (RFC 6761: .test, .example,
// .invalid, .localhost; .local, .internal) and unknown top-level domains are NXDOMAIN.
import type { Cluster } from '../cluster/types';
import type { DnsRecord, DnsRcode, DnsType } from '../trace/types';
import { fnv32a } from '../lib/hash';
import { fqdn } from './message';

const TTL = 300;
const TLDS = new Set([
  'com', 'org', 'net', 'io', 'dev', 'app', 'edu', 'gov', 'info', 'biz', 'co', 'ai', 'cloud', 'tech', 'xyz', 'site', 'online', 'me', 'tv',
  'uk', 'de', 'fr', 'nl', 'eu', 'es', 'it', 'ch', 'se', 'no', 'fi', 'dk', 'pl', 'cz', 'at', 'be', 'ie', 'pt', 'jp', 'cn', 'kr', 'in', 'au', 'nz',
  'ca', 'us', 'br', 'mx', 'ar', 'za', 'ru', 'sh', 'gg', 'so', 'to', 'ly', 'fm', 'cc', 'ws', 'pro', 'page', 'run',
]);

export interface InternetAnswer {
  readonly rcode: DnsRcode;
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
}

/** The root zone's SOA, which a resolver returns with an NXDOMAIN for a name under no delegated TLD. */
const ROOT_SOA: DnsRecord = { name: '.', ttl: 86400, type: 'SOA', data: 'a.root-servers.net. nstld.verisign-grs.com. 2026120100 1800 900 604800 86400' };

function zoneSoa(domain: string): DnsRecord {
  return { name: domain, ttl: TTL, type: 'SOA', data: `ns1.${domain} hostmaster.${domain} 2026120101 7200 3600 1209600 ${TTL}` };
}

/** The registrable domain of a name: its last two labels. */
function registered(name: string): string {
  return `${name.split('.').filter((l) => l !== '').slice(-2).join('.')}.`;
}

/** The documentation address a name resolves to: a hash into 198.51.100.0/24 and 203.0.113.0/24, avoiding taken addresses. */
export function documentationAddress(cluster: Cluster, name: string): string {
  const taken = new Set([...cluster.outside.map((h) => h.ip), ...cluster.services.flatMap((s) => (s.loadBalancerIP ? [s.loadBalancerIP] : []))]);
  for (let attempt = 0; ; attempt++) {
    const h = fnv32a(`${name.toLowerCase()}#${attempt}`);
    const ip = `${h & 1 ? '198.51.100' : '203.0.113'}.${1 + ((h >>> 1) % 254)}`;
    if (!taken.has(ip) || attempt > 600) return ip;
  }
}

function mapped(cluster: Cluster, name: string): string | undefined {
  const n = name.toLowerCase();
  return cluster.outside.find((h) => h.names.some((x) => fqdn(x).toLowerCase() === n))?.ip;
}

export function knownOnInternet(name: string): boolean {
  const labels = name.toLowerCase().split('.').filter((l) => l !== '');
  return labels.length >= 2 && TLDS.has(labels[labels.length - 1]!);
}

export function internetAnswer(cluster: Cluster, qname: string, type: DnsType): InternetAnswer {
  const name = fqdn(qname).toLowerCase();
  const ptr = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.$/.exec(name);
  if (ptr) {
    const ip = `${ptr[4]}.${ptr[3]}.${ptr[2]}.${ptr[1]}`;
    const host = cluster.outside.find((h) => h.ip === ip && h.names.length > 0);
    if (!host || (type !== 'PTR' && type !== 'ANY')) return { rcode: 'NXDOMAIN', answers: [], authority: [ROOT_SOA] };
    return { rcode: 'NOERROR', answers: [{ name, ttl: TTL, type: 'PTR', data: fqdn(host.names[0]!) }], authority: [] };
  }
  const ip = mapped(cluster, name) ?? (knownOnInternet(name) ? documentationAddress(cluster, name) : undefined);
  if (ip === undefined) return { rcode: 'NXDOMAIN', answers: [], authority: [ROOT_SOA] };
  if (type === 'A' || type === 'ANY') return { rcode: 'NOERROR', answers: [{ name, ttl: TTL, type: 'A', data: ip }], authority: [] };
  // podpath's internet has no IPv6: every name is NODATA for AAAA and the other types.
  return { rcode: 'NOERROR', answers: [], authority: [zoneSoa(registered(name))] };
}
