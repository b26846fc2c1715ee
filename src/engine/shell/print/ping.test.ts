import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PingResult } from '../results';
import { icmpErrorText, printPing } from './ping';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const trimEnd = (s: string) => s.replace(/\n+$/, '\n');

const to = (target: string, ip: string, over: Partial<PingResult> = {}): PingResult => ({
  target, lookup: { kind: 'found', addresses: [ip] }, ip, count: 3, replies: [], totalMs: 2000, ...over,
});

describe('printPing (iputils 20240117)', () => {
  it('names reply sources by reverse lookup when the target is a name, as the captured run shows', () => {
    const f = fixture('ping-name-with-ptr.txt');
    const from = { from: '172.18.0.3', fromName: 'container2.lab_network', ttl: 64 };
    const r = to('container2', '172.18.0.3', {
      lookup: { kind: 'found', addresses: ['172.18.0.3'], canonical: 'container2' }, totalMs: 2053,
      replies: [{ seq: 1, ms: 0.032, ...from }, { seq: 2, ms: 0.130, ...from }, { seq: 3, ms: 0.082, ...from }],
    });
    expect(asFixture(printPing(r), f)).toEqual(body(f));
  });

  it('prints addresses only for a numeric target, even when a PTR exists', () => {
    const r = to('10.96.12.7', '10.96.12.7', { count: 1, totalMs: 0, replies: [{ seq: 1, from: '10.96.12.7', fromName: 'api.shop.svc.cluster.local', ttl: 64, ms: 0.05 }] });
    expect(printPing(r).stdout).toContain('64 bytes from 10.96.12.7: icmp_seq=1 ttl=64 time=0.050 ms\n');
  });

  it('shows the canonical name the lookup found in the PING line', () => {
    const r = to('api', '10.96.12.7', { lookup: { kind: 'found', addresses: ['10.96.12.7'], canonical: 'api.shop.svc.cluster.local' }, count: 1, totalMs: 0,
      replies: [{ seq: 1, from: '10.96.12.7', fromName: 'api.shop.svc.cluster.local', ttl: 64, ms: 0.087 }] });
    const out = printPing(r).stdout;
    expect(out.split('\n')[0]).toBe('PING api.shop.svc.cluster.local (10.96.12.7) 56(84) bytes of data.');
    expect(out).toContain('64 bytes from api.shop.svc.cluster.local (10.96.12.7): icmp_seq=1 ttl=64 time=0.087 ms\n');
    expect(out).toContain('--- api.shop.svc.cluster.local ping statistics ---\n');
  });

  it('prints -s sizes, a router\'s "fragmentation needed" with its mtu, and a local EMSGSIZE on stderr counted among the errors', () => {
    const r = to('10.244.2.2', '10.244.2.2', {
      count: 3, totalMs: 2000, dataLen: 1450,
      replies: [{ seq: 1, from: '10.244.1.1', ttl: 0, ms: 0.09, error: 'Frag needed and DF set (mtu = 1450)' }, { seq: 3, from: '10.244.2.2', ttl: 62, ms: 0.14 }],
      localErrors: [{ seq: 2, mtu: 1450 }],
    });
    const out = printPing(r);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      'PING 10.244.2.2 (10.244.2.2) 1450(1478) bytes of data.',
      'From 10.244.1.1 icmp_seq=1 Frag needed and DF set (mtu = 1450)',
      '1458 bytes from 10.244.2.2: icmp_seq=3 ttl=62 time=0.140 ms',
    ]);
    expect(out.stderr).toBe('ping: local error: message too long, mtu=1450\n');
    expect(out.stdout).toContain('3 packets transmitted, 1 received, +2 errors, 66.6667% packet loss, time 2000ms\n');
    expect(out.exitCode).toBe(0);
  });

  it('prints 100% packet loss and an empty last line, exit 1, when nothing comes back', () => {
    const f = fixture('ping-all-lost.txt');
    const out = printPing(to('10.0.0.4', '10.0.0.4', { totalMs: 2041 }));
    expect(asFixture(out, f, trimEnd)).toEqual(body(f));
    expect(out.stdout.endsWith('time 2041ms\n\n')).toBe(true);
  });

  it('counts an ICMP error as +1 errors, as the captured run shows', () => {
    const f = fixture('ping-host-unreachable.txt');
    const r = to('10.0.0.3', '10.0.0.3', { count: 1, totalMs: 0,
      replies: [{ seq: 1, from: '10.0.0.1', ttl: 64, ms: 3003, error: icmpErrorText(3, 1) }] });
    expect(asFixture(printPing(r), f, trimEnd)).toEqual(body(f));
  });

  it('prints whole milliseconds from 100 ms on, as the captured run shows', () => {
    const f = fixture('ping-slow-reply.txt');
    const r = to('10.0.0.2', '10.0.0.2', { count: 1, totalMs: 0, replies: [{ seq: 1, from: '10.0.0.2', ttl: 64, ms: 2046.137 }] });
    expect(asFixture(printPing(r), f)).toEqual(body(f));
  });

  it('exits 2 with gai_strerror text for an unknown name', () => {
    const f = fixture('ping-unknown-host.txt');
    expect(asFixture(printPing(to('nosuch', '', { lookup: { kind: 'not-found' } })), f)).toEqual(body(f));
  });

  it('says "Temporary failure in name resolution" when the nameserver does not answer', () => {
    expect(printPing(to('api', '', { lookup: { kind: 'timeout', server: '10.96.0.10' } })).stderr)
      .toBe('ping: api: Temporary failure in name resolution\n');
  });

  it('rounds the time with the precision steps of gather_statistics', () => {
    const times = [0.0875, 1.234, 12.345, 99.94, 99.95];
    const r = to('10.0.0.9', '10.0.0.9', { count: 5, replies: times.map((ms, i) => ({ seq: i + 1, from: '10.0.0.9', ttl: 63, ms })) });
    const got = [...printPing(r).stdout.matchAll(/time=(\S+) ms/g)].map((m) => m[1]);
    expect(got).toEqual(['0.088', '1.23', '12.3', '99.9', '100']);
  });

  it('prints a fractional loss with %g and "pipe N" when errors arrive after later echoes left', () => {
    const r = to('10.244.9.9', '10.244.9.9', { count: 3, totalMs: 2031,
      replies: [{ seq: 1, from: '10.244.1.3', ttl: 64, ms: 3050, error: 'Destination Host Unreachable' },
        { seq: 3, from: '10.244.9.9', ttl: 64, ms: 0.1 }] });
    const out = printPing(r).stdout;
    expect(out).toContain('3 packets transmitted, 1 received, +1 errors, 66.6667% packet loss, time 2031ms\n');
    expect(out).toContain('rtt min/avg/max/mdev = 0.100/0.100/0.100/0.000 ms, pipe 3\n');
  });

  it('shows the terminal\'s ^C before the statistics when ping ran without -c', () => {
    const r = to('10.0.0.2', '10.0.0.2', { count: 2, totalMs: 1001, interrupted: true,
      replies: [{ seq: 1, from: '10.0.0.2', ttl: 64, ms: 0.05 }, { seq: 2, from: '10.0.0.2', ttl: 64, ms: 0.05 }] });
    expect(printPing(r).stdout).toContain('icmp_seq=2 ttl=64 time=0.050 ms\n^C\n--- 10.0.0.2 ping statistics ---\n');
  });

  it('fails with "connect: Network is unreachable" when the client has no route', () => {
    expect(printPing(to('10.9.9.9', '10.9.9.9', { localError: 'net-unreachable' }))).toMatchObject({
      stdout: '', stderr: 'ping: connect: Network is unreachable\n', exitCode: 2 });
  });
});
