import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSs, type SsSocket } from './ss';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const trimLastLine = (s: string) => {
  const lines = s.split('\n');
  lines[lines.length - 2] = lines[lines.length - 2]!.trimEnd();
  return lines.join('\n');
};

/** A listening socket; the peer is the wildcard of the same family. */
const listen = (netid: 'tcp' | 'udp', sendQ: number, addr: string, port: number, over: Partial<SsSocket> = {}): SsSocket => ({
  netid, state: netid === 'tcp' ? 'LISTEN' : 'UNCONN', recvQ: 0, sendQ, local: { addr, port },
  peer: { addr: addr.includes(':') ? '::' : '0.0.0.0', port: 0 }, v6only: true, ...over,
});

describe('printSs (iproute2 6.15.0)', () => {
  it('spreads the columns over a terminal\'s width as the captured run shows', () => {
    const f = fixture('ss-terminal-spread.txt');
    const sockets = [
      listen('tcp', 128, '0.0.0.0', 22), listen('tcp', 128, '0.0.0.0', 25672), listen('tcp', 1024, '0.0.0.0', 11211),
      listen('tcp', 128, '::', 22), listen('tcp', 4096, '::', 4369, { v6only: false }), listen('tcp', 128, '::', 5672, { v6only: false }),
      listen('tcp', 1024, '::1', 11211), listen('udp', 0, '127.0.0.1', 323), listen('udp', 0, '::1', 323),
    ];
    const out = printSs(sockets, { tcp: true, udp: true, listening: true, numeric: true, processes: true, screenWidth: 100 });
    expect(asFixture(out, f, trimLastLine)).toEqual({ ...body(f), stdout: trimLastLine(f.stdout!) });
    expect(out.stdout.split('\n').every((line) => line === '' || line.length === 100)).toBe(true);
  });

  it('prints the compact layout without a terminal width, the empty Process field padded', () => {
    const f = fixture('ss-compact-tnlup.txt');
    const sockets = [listen('tcp', 4096, '127.0.0.1', 8000), listen('tcp', 511, '::', 80, { v6only: false }), listen('udp', 0, '0.0.0.0', 68)];
    const out = printSs(sockets, { tcp: true, udp: true, listening: true, numeric: true, processes: true });
    expect(asFixture(out, f, trimLastLine)).toEqual(body(f));
    expect(out.stdout.split('\n')[1]).toBe('udp   UNCONN 0      0            0.0.0.0:68        0.0.0.0:*          ');
  });

  it('prints users:((...)) with -p as captured', () => {
    const f = fixture('ss-compact-users.txt');
    const nginx = (fd: number) => [{ name: 'nginx', pid: 3294, fd }];
    const sockets = [listen('tcp', 511, '0.0.0.0', 80, { users: nginx(5) }), listen('tcp', 511, '::', 80, { users: nginx(6) })];
    const out = printSs(sockets, { tcp: true, udp: true, listening: true, numeric: true, processes: true });
    expect(asFixture(out, f, (s) => s.replace(/ +$/gm, ''))).toEqual(body(f));
    expect(out.stdout.split('\n')[0]).toBe(`Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess${' '.repeat(25)}`);
  });

  it('has no Process column without -p and no Netid column for one protocol', () => {
    const out = printSs([listen('tcp', 511, '0.0.0.0', 80)], { tcp: true, listening: true, numeric: true });
    expect(out.stdout).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0      511          0.0.0.0:80        0.0.0.0:*   \n');
  });

  it('keeps connected sockets out of -l and listeners out of the default, shows both with -a', () => {
    const estab: SsSocket = { netid: 'tcp', state: 'ESTAB', recvQ: 0, sendQ: 0, local: { addr: '10.244.1.3', port: 41234 }, peer: { addr: '10.96.12.7', port: 80 } };
    const sockets = [listen('tcp', 511, '0.0.0.0', 80), estab];
    const rows = (o: Parameters<typeof printSs>[1]) => printSs(sockets, { tcp: true, numeric: true, ...o }).stdout.split('\n').length - 2;
    expect([rows({ listening: true }), rows({}), rows({ all: true })]).toEqual([1, 1, 2]);
  });

  it('names well-known ports without -n but never ephemeral ones, and shows a scoped address', () => {
    const out = printSs([listen('udp', 0, '127.0.0.53', 53, { local: { addr: '127.0.0.53', port: 53, iface: 'lo' } }),
      listen('tcp', 4096, '0.0.0.0', 33000)], { tcp: true, udp: true, listening: true });
    expect(out.stdout).toContain('127.0.0.53%lo:domain');
    expect(out.stdout).toContain('0.0.0.0:33000');
  });
});
