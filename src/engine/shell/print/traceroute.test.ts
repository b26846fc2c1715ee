import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TracerouteHop, TracerouteProbe, TracerouteResult } from '../results';
import { printTraceroute, tracerouteMark } from './traceroute';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** Hop lines as data: [ttl, [from, name|undefined, ms, note?] per probe or null for '*']. */
type P = [string, string | undefined, number, string?] | null;
const hop = (ttl: number, ...ps: P[]): TracerouteHop => ({
  ttl,
  probes: ps.map((p): TracerouteProbe => p === null ? {} : { from: p[0], ...(p[1] ? { fromName: p[1] } : {}), ms: p[2], ...(p[3] ? { note: p[3] } : {}) }),
});
const run = (target: string, ip: string, hops: TracerouteHop[], over: Partial<TracerouteResult> = {}): TracerouteResult => ({
  target, lookup: { kind: 'found', addresses: [ip] }, ip, maxHops: 30, packetLen: 60, hops, ...over,
});

describe('printTraceroute (traceroute 2.1)', () => {
  it('prints the kind capture: the node twice, then !H after each probe', () => {
    const f = fixture('traceroute-kind-host-unreachable.txt');
    const n = '172.19.0.4';
    const r = run('172.19.255.1', '172.19.255.1', [
      hop(1, [n, undefined, 0.071], [n, undefined, 0.027], [n, undefined, 0.024]),
      hop(2, [n, undefined, 3076.646, '!H'], [n, undefined, 3076.573, '!H'], [n, undefined, 3076.541, '!H']),
    ]);
    expect(asFixture(printTraceroute(r), f)).toEqual(body(f));
  });

  it('prints PTR names where they exist and !X for admin prohibited', () => {
    const f = fixture('traceroute-names-admin-prohibited.txt');
    const three = (a: string, name: string | undefined, t: number[], note?: string) => t.map((ms): P => [a, name, ms, note]);
    const r = run('server1', '10.6.202.10', [
      hop(1, ...three('10.6.201.254', 'gateway', [4.2, 4.267, 4.132])),
      hop(2, ...three('10.6.101.1', undefined, [16.507, 16.392, 16.273])),
      hop(3, ...three('10.6.100.9', undefined, [30.21, 31.302, 31.45])),
      hop(4, ...three('10.6.100.1', undefined, [53.192, 53.033, 52.992])),
      hop(5, ...three('10.6.202.10', 'server1', [65.502, 66.025, 65.944], tracerouteMark(13))),
    ]);
    expect(asFixture(printTraceroute(r), f)).toEqual(body(f));
  });

  it('prints an address again only where it changes within a hop', () => {
    const f = fixture('traceroute-address-changes.txt');
    const g = (a: string, ms: number, name?: string): P => [a, name, ms];
    const r = run('www.google.es', '216.58.209.67', [
      hop(1, g('192.168.1.1', 0.982, '_gateway'), g('192.168.1.1', 4.359, '_gateway'), g('192.168.1.1', 4.472, '_gateway')),
      hop(2, g('10.0.0.1', 4.611), g('10.0.0.1', 4.721), g('10.0.0.1', 4.838)),
      hop(3, g('172.16.8.33', 6.649), g('172.16.8.33', 6.637), g('172.16.8.33', 6.626)),
      hop(4, g('10.220.115.238', 15.599), g('10.220.115.238', 15.589), g('10.220.101.202', 10.751)),
      hop(5, g('81.196.118.208', 10.91), g('10.220.107.40', 21.41), g('10.220.107.40', 21.4)),
      hop(6, g('81.196.118.208', 21.801), g('91.232.81.211', 8.217), g('74.125.119.226', 8.331)),
      hop(7, g('74.125.242.177', 9.465), g('74.125.242.177', 10.43), g('74.125.242.177', 10.422)),
      hop(8, g('74.125.242.177', 21.222), g('74.125.242.177', 21.618), g('74.125.242.177', 21.61)),
      hop(9, g('142.250.46.167', 20.662), g('142.250.46.167', 20.654), g('216.58.209.67', 9.7, 'waw02s06-in-f67.1e100.net')),
    ]);
    expect(asFixture(printTraceroute(r), f)).toEqual(body(f));
  });

  it('prints "* * *" for a silent hop and the address after an unanswered probe', () => {
    const r = run('10.0.1.4', '10.0.1.4', [hop(1, null, null, null), hop(2, null, ['10.0.1.4', undefined, 3.76], null), hop(10, null, null, null)]);
    expect(printTraceroute(r).stdout).toBe(
      'traceroute to 10.0.1.4 (10.0.1.4), 30 hops max, 60 byte packets\n 1  * * *\n 2  * 10.0.1.4 (10.0.1.4)  3.760 ms *\n10  * * *\n');
  });

  it('prints addresses only with -n', () => {
    const r = run('api', '10.96.12.7', [hop(1, ['10.244.1.1', 'x', 0.05], ['10.244.1.1', 'x', 0.04], ['10.244.1.1', 'x', 0.04])], { numeric: true });
    expect(printTraceroute(r).stdout.split('\n')[1]).toBe(' 1  10.244.1.1  0.050 ms  0.040 ms  0.040 ms');
  });

  it('rejects an unknown host as the command-line parser does, exit 2', () => {
    const f = fixture('traceroute-unknown-host.txt');
    expect(asFixture(printTraceroute(run('nosuch', '', [], { lookup: { kind: 'not-found' } })), f)).toEqual(body(f));
  });

  it('marks each ICMP unreachable code as parse_icmp_res does', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 10, 13, 14, 15, 99].map((c) => tracerouteMark(c, 1400)))
      .toEqual(['!N', '!H', '!P', '', '!F-1400', '!S', '!X', '!X', '!X', '!V', '!C', '!<99>']);
  });
});
