// Header rows: values as a learner reads them, changes marked against the right baseline.
import { describe, expect, it } from 'vitest';
import type { Hop, PacketView } from '../../engine';
import type { Step } from '../../store';
import { headerRows } from './headerRows';

const pkt = (over: Partial<PacketView> = {}): PacketView => ({
  srcMac: '', dstMac: '', src: '10.244.1.2', dst: '10.244.2.2', proto: 'tcp', sport: 40000, dport: 8080, ttl: 64, outer: [], flags: 'SYN', mark: 0, ...over,
});
const hop = (packet: PacketView, before?: PacketView): Hop => ({ at: 'x', node: 'n', netns: 'root', nsId: 'node/n', device: 'eth0', kind: 'route', text: '', packet, ...(before ? { before } : {}) });
const step = (h: Hop, prev?: Hop): Step => ({ exchange: 0, legIndex: 0, leg: 'SYN', dir: 'out', opening: true, index: prev ? 1 : 0, hop: h, ...(prev ? { prev } : {}) });
const row = (rows: ReturnType<typeof headerRows>, field: string) => rows.find((r) => r.field === field)!;

describe('headerRows', () => {
  it('shows every header of a TCP packet and marks nothing on a leg\'s first hop', () => {
    const rows = headerRows(step(hop(pkt())));
    expect(rows.map((r) => `${r.layer} ${r.field}: ${r.value}`)).toEqual([
      'Ethernet Source MAC: not set yet', 'Ethernet Destination MAC: not set yet',
      'IP Source: 10.244.1.2', 'IP Destination: 10.244.2.2', 'IP TTL: 64', 'IP Protocol: TCP',
      'TCP Source port: 40000', 'TCP Destination port: 8080', 'TCP Flags: SYN', 'Mark fwmark: 0x0', 'Outer Encapsulation: none',
    ]);
    expect(rows.some((r) => r.changed)).toBe(false);
  });

  it('puts sources, destinations and the rest in their own columns', () => {
    const rows = headerRows(step(hop(pkt())));
    expect(rows.filter((r) => r.column === 'src').map((r) => r.field)).toEqual(['Source MAC', 'Source', 'Source port']);
    expect(rows.filter((r) => r.column === 'dst').map((r) => r.field)).toEqual(['Destination MAC', 'Destination', 'Destination port']);
  });

  it('marks fields that differ from the previous hop, without a before value', () => {
    const rows = headerRows(step(hop(pkt({ srcMac: 'aa', dstMac: 'bb' })), hop(pkt())));
    expect(row(rows, 'Source MAC')).toEqual({ layer: 'Ethernet', field: 'Source MAC', column: 'src', value: 'aa', changed: true });
    expect(row(rows, 'TTL').changed).toBe(false);
  });

  it('shows before and after when the hop itself rewrote the packet', () => {
    const rows = headerRows(step(hop(pkt({ ttl: 63, dst: '10.244.2.9' }), pkt()), hop(pkt({ ttl: 1 }))));
    expect(row(rows, 'TTL')).toMatchObject({ value: '63', before: '64', changed: true });
    expect(row(rows, 'Destination')).toMatchObject({ value: '10.244.2.9', before: '10.244.2.2', changed: true });
    expect(row(rows, 'Source').changed).toBe(false);
  });

  it('shows the ICMP message instead of ports for a ping', () => {
    const rows = headerRows(step(hop(pkt({ proto: 'icmp', flags: 'echo-request', sport: 0, dport: 0 }))));
    expect(rows.map((r) => r.field)).toContain('Message');
    expect(rows.map((r) => r.field)).not.toContain('Source port');
  });

  it('shows an outer header\'s layers first, each field marked when the hop added it, and the inner packet as Inner', () => {
    const outer = { kind: 'vxlan', src: '172.18.0.3', dst: '172.18.0.4', proto: 'udp', sport: 5000, dport: 8472, vni: 1, ttl: 64, bytes: 50, size: 1450, df: false } as const;
    const rows = headerRows(step(hop(pkt({ outer: [outer], size: 1400, df: true })), hop(pkt({ size: 1400, df: true }))));
    expect(rows.map((r) => `${r.layer} ${r.field}: ${r.value}`)).toEqual([
      'Outer IP Source: 172.18.0.3', 'Outer IP Destination: 172.18.0.4', 'Outer IP TTL: 64', 'Outer IP Protocol: UDP', 'Outer IP Size: 1450 bytes', 'Outer IP DF: not set',
      'Outer UDP Source port: 5000', 'Outer UDP Destination port: 8472', 'VXLAN VNI: 1', 'VXLAN Overhead: adds 50 bytes',
      'Inner Ethernet Source MAC: not set yet', 'Inner Ethernet Destination MAC: not set yet',
      'Inner IP Source: 10.244.1.2', 'Inner IP Destination: 10.244.2.2', 'Inner IP TTL: 64', 'Inner IP Protocol: TCP', 'Inner IP Size: 1400 bytes', 'Inner IP DF: set',
      'TCP Source port: 40000', 'TCP Destination port: 8080', 'TCP Flags: SYN', 'Mark fwmark: 0x0',
    ]);
    expect(rows.filter((r) => r.layer.startsWith('Outer') || r.layer === 'VXLAN').every((r) => r.changed)).toBe(true);
    expect(rows.filter((r) => r.layer.startsWith('Inner')).some((r) => r.changed)).toBe(false);
  });

  it('shows IP-in-IP as an outer IP header with protocol 4, and says when a hop took it off', () => {
    const outer = { kind: 'ipip', src: '172.18.0.3', dst: '172.18.0.4', proto: 'ipip', ttl: 64, bytes: 20 } as const;
    const rows = headerRows(step(hop(pkt({ outer: [outer] }))));
    expect(row(rows, 'Protocol').value).toBe('IP-in-IP (4)');
    expect(row(rows, 'Overhead')).toMatchObject({ layer: 'Outer IP', value: 'adds 20 bytes' });
    const after = headerRows(step(hop(pkt()), hop(pkt({ outer: [outer] }))));
    expect(row(after, 'Encapsulation')).toMatchObject({ value: 'removed (ipip: 172.18.0.3 → 172.18.0.4 IPIP TTL 64)', changed: true });
  });

  it('shows a SYN\'s MSS and the next-hop MTU of "fragmentation needed"', () => {
    expect(row(headerRows(step(hop(pkt({ mss: 1410 })))), 'MSS').value).toBe('1410');
    const fn = pkt({ proto: 'icmp', sport: 0, dport: 0, flags: 'frag-needed', icmp: { type: 'frag-needed', mtu: 1450 } });
    expect(row(headerRows(step(hop(fn))), 'Next-hop MTU').value).toBe('1450');
  });
});

describe('headerRows for ICMP and application data', () => {
  it('shows an echo\'s identifier and sequence number instead of ports', () => {
    const echo = pkt({ proto: 'icmp', sport: 0, dport: 0, flags: 'echo-request', icmp: { type: 'echo-request', id: 41234, seq: 3 } });
    const rows = headerRows(step(hop(echo)));
    expect(rows.find((r) => r.field === 'Source port')).toBeUndefined();
    expect(row(rows, 'Identifier').value).toBe('41234');
    expect(row(rows, 'Sequence').value).toBe('3');
  });

  it('shows the DNS question and answer, and the HTTP request line, a packet carries', () => {
    const q = pkt({ proto: 'udp', dport: 53, payload: { kind: 'dns', id: 7, question: { name: 'api.default.svc.cluster.local.', type: 'A' } } });
    expect(row(headerRows(step(hop(q))), 'DNS query').value).toBe('api.default.svc.cluster.local. A (id 7)');
    const a = pkt({ proto: 'udp', sport: 53, payload: { kind: 'dns', id: 7, question: { name: 'x.', type: 'A' }, response: { rcode: 'NOERROR', aa: true, ra: false, answers: [{ name: 'x.', ttl: 30, type: 'A', data: '10.96.0.1' }], authority: [], additional: [] } } });
    expect(row(headerRows(step(hop(a))), 'DNS answer').value).toBe('x. A (id 7): NOERROR A 10.96.0.1');
    const h = pkt({ payload: { kind: 'http', tls: false, request: { method: 'GET', host: 'api', path: '/cart', headers: [] } } });
    expect(row(headerRows(step(hop(h))), 'HTTP request').value).toBe('GET /cart HTTP/1.1, Host: api');
  });
});
