import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DnsAnswer, DnsToolResult } from '../results';
import { printDig } from './dig';
import { questionLine, recordLine } from './dns-text';
import { asFixture, body, expandTabs, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const trimBlank = (s: string) => s.replace(/^\n+/, '').replace(/\n+$/, '\n');

const rr = (name: string, ttl: number, type: string, data: string) => ({ name, ttl, type, data });

function answer(over: Partial<DnsAnswer>): DnsAnswer {
  return {
    server: '10.96.0.10', port: 53, question: { name: 'kubernetes.default.svc.cluster.local.', type: 'A' }, id: 4242,
    rcode: 'NOERROR', flags: ['qr', 'aa', 'rd'], answers: [], authority: [], additional: [], ms: 0, size: 100,
    proto: 'UDP', edns: { version: 0, udpSize: 1232, cookie: '0123456789abcdef (echoed)' }, ...over,
  };
}
function run(over: Partial<DnsToolResult>, a?: DnsAnswer): DnsToolResult {
  const q = a?.question ?? { name: 'kubernetes.default.svc.cluster.local.', type: 'A' };
  return { name: q.name, type: q.type, server: '10.96.0.10', queries: [{ ...q, ...(a ? { answer: a } : {}) }], short: false,
    when: 'Mon Jan 05 10:00:00 UTC 2026', ...over };
}

describe('printDig (dig 9.18)', () => {
  it('prints the full default output as the captured 9.20 run shows it', () => {
    const f = fixture('dig-full-9.20-cookie.txt');
    const a = answer({ server: '127.0.0.1', port: 8000, question: { name: 'www.uchile.cl.', type: 'A' }, id: 2868,
      answers: [rr('www.uchile.cl.', 300, 'A', '200.89.76.36')], ms: 200, size: 86,
      edns: { version: 0, udpSize: 512, cookie: '2e9bfae89af7cc710100000069e1b2d73c772ff8d6b7be7d (good)' } });
    const r = run({ server: '127.0.0.1', serverArg: '127.0.0.1', args: ['-p8000', '@127.0.0.1', 'www.uchile.cl'], when: 'Fri Apr 17 00:11:03 -04 2026' }, a);
    const out = printDig(r, { version: '9.20.21-1~deb13u1-Debian' });
    expect(asFixture(out, f, (s) => trimBlank(expandTabs(s)))).toEqual(body(f));
    expect(out.stdout.startsWith('\n; <<>> DiG')).toBe(true);
    expect(out.stdout.endsWith(';; MSG SIZE  rcvd: 86\n\n')).toBe(true);
  });

  it('prints NXDOMAIN from CoreDNS with the SOA in AUTHORITY and the .local warning, as captured', () => {
    const f = fixture('dig-nxdomain-coredns-message.txt');
    const name = 'http://_http-port._tcp.sample-clusterip.default.svc.cluster.local.';
    const a = answer({ question: { name, type: 'A' }, id: 27520, rcode: 'NXDOMAIN', edns: { version: 0, udpSize: 4096, cookie: 'cdca670ff1809c81 (echoed)' },
      authority: [rr('cluster.local.', 30, 'SOA', 'ns.dns.cluster.local. hostmaster.cluster.local. 1642582035 7200 1800 86400 30')] });
    const out = printDig(run({ args: [name.slice(0, -1)] }, a));
    const message = out.stdout.slice(out.stdout.indexOf(';; Got answer:'), out.stdout.indexOf(';; Query time:'));
    expect(expandTabs(message)).toBe(f.stdout);
    expect(out.exitCode).toBe(0);
  });

  it.each([
    ['dig-answer-service.txt', rr('kubernetes.default.svc.cluster.local.', 30, 'A', '10.96.0.1')],
    ['dig-answer-ptr.txt', rr('170.0.244.10.in-addr.arpa.', 30, 'PTR', 'web-stateful-0.web-service-headless.s11-services.svc.cluster.local.')],
    ['dig-answer-pod-a.txt', rr('10-244-0-170.s11-services.pod.cluster.local.', 30, 'A', '10.244.0.170')],
  ])('lays out a record in masterdump columns as captured (%s)', (file, record) => {
    const f = fixture(file);
    const out = printDig(run({}, answer({ question: { name: record.name, type: record.type }, answers: [record] })), { noall: true, answer: true });
    expect(asFixture(out, f)).toEqual(body(f));
  });

  it('prints every record of a headless Service SRV answer on its own line, as captured', () => {
    const f = fixture('dig-answer-srv-headless.txt');
    const owner = '_web._tcp.web-service-headless.s11-services.svc.cluster.local.';
    const answers = [0, 1, 2].map((i) => rr(owner, 30, 'SRV', `0 33 80 web-stateful-${i}.web-service-headless.s11-services.svc.cluster.local.`));
    const out = printDig(run({}, answer({ question: { name: owner, type: 'SRV' }, answers })), { noall: true, answer: true });
    expect(asFixture(out, f)).toEqual(body(f));
  });

  it('warns for each timed-out try, then prints the banner and "no servers could be reached", exit 9', () => {
    const f = fixture('dig-timeout.txt');
    const q = { name: 'api.default.svc.cluster.local.', type: 'A', timeout: true };
    const r = run({ name: q.name, args: ['api.default.svc.cluster.local'], queries: [q, q, q] });
    expect(asFixture(printDig(r, { version: '9.18.39' }), f)).toEqual(body(f));
  });

  it('prints only the rdata with +short, and nothing for NXDOMAIN', () => {
    const a = answer({ question: { name: 'foo.default.svc.cluster.local.', type: 'A' },
      answers: [rr('foo.default.svc.cluster.local.', 5, 'CNAME', 'www.example.com.'), rr('www.example.com.', 28715, 'A', '192.0.2.53')] });
    expect(printDig(run({ short: true }, a))).toMatchObject({ stdout: 'www.example.com.\n192.0.2.53\n', exitCode: 0 });
    expect(printDig(run({ short: true }, answer({ rcode: 'NXDOMAIN' })))).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('prints the question line with the ";" outside the columns', () => {
    expect(questionLine('example.com.', 'A')).toBe(';example.com.\t\t\tIN\tA\n');
    expect(questionLine('example.com.svc.cluster.local.', 'A')).toBe(';example.com.svc.cluster.local.\tIN\tA\n');
    expect(questionLine('example.com.s11-services.svc.cluster.local.', 'A')).toBe(';example.com.s11-services.svc.cluster.local. IN A\n');
    expect(recordLine(rr('example.com.', 30, 'A', '172.66.147.243'))).toBe('example.com.\t\t30\tIN\tA\t172.66.147.243\n');
  });

  it('drops the recursion warning when ra is set and the mDNS warning for names outside local.', () => {
    const a = answer({ question: { name: 'example.com.', type: 'A' }, flags: ['qr', 'rd', 'ra'], answers: [rr('example.com.', 30, 'A', '93.184.215.14')] });
    const out = printDig(run({ args: ['example.com'] }, a)).stdout;
    expect(out).not.toContain('WARNING');
    expect(out).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n\n;; OPT PSEUDOSECTION:\n');
    expect(out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Mon Jan 05 10:00:00 UTC 2026\n');
  });
});
