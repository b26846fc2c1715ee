// Netfilter and NAT facts as the inspector words them, checked against a real walk through a
// Service in iptables mode and against small hand-made steps.
import { describe, expect, it } from 'vitest';
import { sent } from '../../engine/testing/trace';
import type { Hop, PacketView } from '../../engine';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { createLoadedStore, type Step } from '../../store';
import { chainWalks, comparedText, formatCount, rewritesOf, rewriteTitle } from './hopFacts';

const pkt = (over: Partial<PacketView> = {}): PacketView => ({
  srcMac: '', dstMac: '', src: '10.244.1.2', dst: '10.96.0.10', proto: 'tcp', sport: 40000, dport: 80, ttl: 64, outer: [], flags: 'SYN', mark: 0, ...over,
});
const step = (kind: Hop['kind'], packet: PacketView, before?: PacketView): Step => ({
  exchange: 0, legIndex: 0, leg: 'SYN', dir: 'out', opening: true, index: 1, hop: { at: 'x', node: 'n', netns: 'root', nsId: 'node/n', device: 'cni0', kind, text: '', packet, ...(before ? { before } : {}) },
});

describe('counts', () => {
  it('groups thousands and says rule or rules', async () => {
    expect(formatCount(10017)).toBe('10,017');
    expect(comparedText(1)).toBe('compared with 1 rule');
    expect(comparedText(1017)).toBe('compared with 1,017 rules');
  });
});

describe('chainWalks', () => {
  it('follows a packet to a Service through KUBE-SERVICES, the Service\'s chain and the endpoint\'s', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().sendRequest({ from: 'default/web', to: 'svc:default/api', port: 80 });
    const nat = sent(store.getState().trace!).hops.find((h) => h.kind === 'nat')!;
    const [walk] = chainWalks(nat.steps!);
    expect(walk!.table).toBe('nat');
    expect(walk!.chains.slice(0, 2)).toEqual(['PREROUTING', 'KUBE-SERVICES']);
    expect(walk!.chains[2]).toMatch(/^KUBE-SVC-/);
    expect(walk!.chains.at(-1)).toMatch(/^KUBE-SEP-/);
  });

  it('starts a new walk when the table changes, and shows a return to a chain', async () => {
    const s = (table: string, chain: string) => ({ tool: 'iptables' as const, table, chain, rule: '', action: '' });
    expect(chainWalks([s('nat', 'A'), s('nat', 'B'), s('nat', 'A'), s('filter', 'FORWARD'), s('filter', 'FORWARD')])).toEqual([
      { table: 'nat', chains: ['A', 'B', 'A'] }, { table: 'filter', chains: ['FORWARD'] },
    ]);
  });
});

describe('rewritesOf and rewriteTitle', () => {
  it('reports a DNAT as destination before -> after, addresses with ports', async () => {
    const st = step('nat', pkt({ dst: '10.244.2.3', dport: 8080 }), pkt());
    expect(rewritesOf(st)).toEqual([{ field: 'destination', before: '10.96.0.10:80', after: '10.244.2.3:8080' }]);
    expect(rewriteTitle(st, rewritesOf(st))).toBe('DNAT');
  });

  it('reports a masquerade as SNAT, and both when both changed', async () => {
    const snat = step('nat', pkt({ src: '172.18.0.3', sport: 1024 }), pkt());
    expect(rewriteTitle(snat, rewritesOf(snat))).toBe('SNAT');
    const both = step('ipvs', pkt({ src: '172.18.0.3', dst: '10.244.2.3' }), pkt());
    expect(rewriteTitle(both, rewritesOf(both))).toBe('DNAT and SNAT');
  });

  it('says conntrack undoes the NAT on an answer, and leaves ports out for ICMP', async () => {
    const ct = step('conntrack', pkt({ proto: 'icmp', src: '10.96.0.10' }), pkt({ proto: 'icmp', src: '10.244.2.3' }));
    expect(rewritesOf(ct)).toEqual([{ field: 'source', before: '10.244.2.3', after: '10.96.0.10' }]);
    expect(rewriteTitle(ct, rewritesOf(ct))).toMatch(/^conntrack undoes/);
  });

  it('finds nothing when only the TTL or the MACs changed', async () => {
    const route = step('route', pkt({ ttl: 63, srcMac: 'aa' }), pkt());
    expect(rewritesOf(route)).toEqual([]);
    expect(rewriteTitle(route, [])).toBe('');
  });
});
