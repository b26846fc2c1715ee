import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DnsAnswer, DnsToolResult } from '../results';
import { printNslookup } from './nslookup';
import { asFixture, body, expandTabs, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const COREDNS = ['qr', 'aa', 'rd'];
const rr = (name: string, type: string, data: string, ttl = 30) => ({ name, ttl, type, data });
function reply(name: string, type: string, over: Partial<DnsAnswer> = {}): DnsAnswer {
  return { server: '10.96.0.10', port: 53, question: { name, type }, id: 1, rcode: 'NOERROR', flags: COREDNS,
    answers: [], authority: [], additional: [], ms: 0, size: 100, proto: 'UDP', ...over };
}
const q = (name: string, type: string, answer?: DnsAnswer) => ({ name, type, ...(answer ? { answer } : { timeout: true }) });
const nxdomain = (name: string, flags = COREDNS) => q(name, 'A', reply(name, 'A', { rcode: 'NXDOMAIN', flags,
  authority: [rr('cluster.local.', 'SOA', 'ns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 30')] }));
const run = (name: string, queries: DnsToolResult['queries'], over: Partial<DnsToolResult> = {}): DnsToolResult => ({
  name, type: 'A', server: '10.96.0.10', queries, short: false, when: 'Mon Jan 05 10:00:00 UTC 2026', ...over,
});

describe('printNslookup (BIND 9.18.39)', () => {
  it('prints a ClusterIP Service found through the search list, with both check_ra comments', () => {
    const f = fixture('nslookup-clusterip.txt');
    const full = 'web-service-clusterip.s11-services.svc.cluster.local.';
    const r = run('web-service-clusterip', [
      q(full, 'A', reply(full, 'A', { answers: [rr(full, 'A', '10.101.89.137')] })),
      q(full, 'AAAA', reply(full, 'AAAA')),
    ]);
    expect(asFixture(printNslookup(r), f)).toEqual(body(f));
  });

  it('prints the last reply of the search walk and the SERVFAIL comment, exit 1, as captured', () => {
    const f = fixture('nslookup-servfail.txt');
    const n = 'app-python-1.app-python';
    const r = run(n, [
      nxdomain(`${n}.default.svc.cluster.local.`), nxdomain(`${n}.svc.cluster.local.`), nxdomain(`${n}.cluster.local.`),
      q(`${n}.`, 'A', reply(`${n}.`, 'A', { rcode: 'SERVFAIL', flags: ['qr', 'rd', 'ra'] })),
    ]);
    expect(asFixture(printNslookup(r), f, expandTabs)).toEqual(body(f));
  });

  it('says "Non-authoritative answer:" without aa and no comment when ra is set', () => {
    const f = fixture('nslookup-docker-nonauth.txt');
    const r = run('container2', [
      q('container2.', 'A', reply('container2.', 'A', { server: '127.0.0.11', flags: ['qr', 'rd', 'ra'], answers: [rr('container2.', 'A', '172.18.0.3', 600)] })),
      q('container2.', 'AAAA', reply('container2.', 'AAAA', { server: '127.0.0.11', flags: ['qr', 'rd', 'ra'] })),
    ], { server: '127.0.0.11' });
    expect(asFixture(printNslookup(r), f, (s) => s.replace(/\n+$/, '\n'))).toEqual(body(f));
  });

  it('prints an ExternalName CNAME and its target as the captured (pre-9.18.26) run does', () => {
    const f = fixture('nslookup-externalname.txt');
    const full = 'external-api.s11-services.svc.cluster.local.';
    const r = run('external-api', [
      q(full, 'A', reply(full, 'A', { answers: [rr(full, 'CNAME', 'api.github.com.'), rr('api.github.com.', 'A', '20.207.73.85')] })),
      q('api.github.com.', 'AAAA', reply('api.github.com.', 'AAAA')),
    ]);
    const withoutComments = (s: string) => s.replace(/^;; Got recursion not available from .*\n/gm, '');
    expect(asFixture(printNslookup(r), f, withoutComments)).toEqual(body(f));
  });

  it('prints NXDOMAIN for the name as typed after the whole search walk', () => {
    const f = fixture('nslookup-nxdomain.txt');
    const r = run('nosuch', [nxdomain('nosuch.default.svc.cluster.local.'), nxdomain('nosuch.svc.cluster.local.'),
      nxdomain('nosuch.cluster.local.'), nxdomain('nosuch.', ['qr', 'rd', 'ra'])]);
    expect(asFixture(printNslookup(r), f)).toEqual(body(f));
  });

  it('warns for each timed-out try and gives up, exit 1', () => {
    const f = fixture('nslookup-timeout.txt');
    const n = 'api.default.svc.cluster.local.';
    expect(asFixture(printNslookup(run('api', [q(n, 'A'), q(n, 'A'), q(n, 'A')])), f)).toEqual(body(f));
  });

  it('prints a reverse lookup as the PTR line alone, without the Server lines', () => {
    const n = '1.0.96.10.in-addr.arpa.';
    const r = run('10.96.0.1', [q(n, 'PTR', reply(n, 'PTR', { answers: [rr(n, 'PTR', 'kubernetes.default.svc.cluster.local.')] }))]);
    expect(printNslookup(r).stdout).toBe(';; Got recursion not available from 10.96.0.10\n1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local.\n\n');
  });

  it('prints no check_ra comment when the server is named on the command line', () => {
    const n = 'kubernetes.default.svc.cluster.local.';
    const r = run('kubernetes.default', [q(n, 'A', reply(n, 'A', { answers: [rr(n, 'A', '10.96.0.1')] })), q(n, 'AAAA', reply(n, 'AAAA'))], { serverArg: '10.96.0.10' });
    expect(printNslookup(r).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
  });

  it('says "No answer" when neither A nor AAAA has an address', () => {
    const n = 'txt-only.example.';
    const flags = ['qr', 'rd', 'ra'];
    const r = run('txt-only.example.', [q(n, 'A', reply(n, 'A', { flags })), q(n, 'AAAA', reply(n, 'AAAA', { flags }))]);
    expect(printNslookup(r).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nNon-authoritative answer:\n*** Can\'t find txt-only.example: No answer\n\n');
  });
});
