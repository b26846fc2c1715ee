import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NcResult } from '../results';
import { printNc } from './nc';
import { serviceName } from './services';
import { asFixture, body, parseFixture } from './testing/fixture';

const fixture = (name: string) => parseFixture(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const to = (host: string, ip: string, port: number, over: Partial<NcResult> = {}): NcResult => ({
  host, port, udp: false, lookup: { kind: 'found', addresses: [ip] }, ip, connect: { kind: 'connected', ms: 1 }, ...over,
});

describe('printNc (netcat-openbsd)', () => {
  it.each([
    ['nc-succeeded-name.txt', to('localhost', '127.0.0.1', 22)],
    ['nc-succeeded-postgresql.txt', to('db', '172.22.0.2', 5432)],
    ['nc-refused.txt', to('localhost', '127.0.0.1', 9999, { connect: { kind: 'refused', ms: 0 } })],
    ['nc-lookup-again.txt', to('nginx', '', 80, { lookup: { kind: 'timeout', server: '127.0.0.11' } })],
  ])('prints %s as the capture shows', (file, r) => {
    const f = fixture(file);
    expect(asFixture(printNc(r), f)).toEqual(body(f));
  });

  it('says "timed out: Operation now in progress" when -w expires, as captured', () => {
    const f = fixture('nc-timed-out-w.txt');
    const r = to('google.com', '142.250.185.78', 443, { connect: { kind: 'timeout', ms: 5000 } });
    expect(asFixture(printNc(r, { waitSeconds: 5 }), f)).toEqual(body(f));
  });

  it('gives the kernel\'s "Connection timed out" when there is no -w', () => {
    const r = to('api', '10.96.12.7', 8080, { connect: { kind: 'timeout', ms: 130000 } });
    expect(printNc(r).stderr).toBe('nc: connect to api (10.96.12.7) port 8080 (tcp) failed: Connection timed out\n');
  });

  it('leaves the address out for a numeric host and says "*" for a port with no service name', () => {
    expect(printNc(to('10.96.12.7', '10.96.12.7', 9153)).stderr).toBe('Connection to 10.96.12.7 9153 port [tcp/*] succeeded!\n');
    expect(printNc(to('10.96.12.7', '10.96.12.7', 23, { connect: { kind: 'refused', ms: 0 } })).stderr)
      .toBe('nc: connect to 10.96.12.7 port 23 (tcp) failed: Connection refused\n');
  });

  it('reports a UDP port as open unless an ICMP port unreachable came back, and then says nothing', () => {
    const udp = to('kube-dns.kube-system', '10.96.0.10', 53, { udp: true, connect: undefined });
    expect(printNc(udp)).toMatchObject({ stderr: 'Connection to kube-dns.kube-system (10.96.0.10) 53 port [udp/domain] succeeded!\n', exitCode: 0 });
    expect(printNc({ ...udp, udpRefused: true })).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('prints nothing without -v but still exits 1 on a refused connect', () => {
    expect(printNc(to('api', '10.96.12.7', 81, { connect: { kind: 'refused', ms: 0 } }), { verbose: false }))
      .toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('reads service names from Debian\'s /etc/services, the first entry of a port winning', () => {
    expect([serviceName(80, 'tcp'), serviceName(443, 'tcp'), serviceName(53, 'udp'), serviceName(6379, 'tcp'),
      serviceName(8080, 'tcp'), serviceName(3306, 'tcp'), serviceName(9153, 'tcp')])
      .toEqual(['http', 'https', 'domain', 'redis', 'http-alt', 'mysql', undefined]);
  });

  it('says "No address associated with hostname" for a name without addresses', () => {
    expect(printNc(to('db', '', 5432, { lookup: { kind: 'not-found', nodata: true } })).stderr)
      .toBe('nc: getaddrinfo for host "db" port 5432: No address associated with hostname\n');
  });
});
