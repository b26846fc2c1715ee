// Matching a trace's hops to the lines of the tables the real tools print, in every
// kube-proxy mode, on the state the send left behind.
import { describe, expect, it } from 'vitest';
import { sent } from '../../engine/testing/trace';
import { nodeNetnsId, type Hop, type TableId, type TableText } from '../../engine';
import defaultYaml from '../../scenarios/default.yaml?raw';
import { createLoadedStore } from '../../store';
import { conntrackKey, foldUnmatched, matchTable, nextHopOf, tableOfStep, type HopAt } from './match';

/** web -> Service api in `mode`; the tables of the node where the Service was resolved, matched against that node's hops. */
async function sendAndMatch(mode: 'iptables' | 'ipvs' | 'nftables') {
  const store = await createLoadedStore(defaultYaml);
  await store.getState().switchProxyMode(mode);
  await store.getState().sendRequest({ from: 'default/web', to: 'svc:default/api', port: 80 });
  const s = store.getState();
  const ns = nodeNetnsId('kind-worker');
  const hops: HopAt[] = s.steps.map((st, index) => ({ index, hop: st.hop })).filter((h) => h.hop.nsId === ns);
  await store.getState().showTables(ns);
  const tables = store.getState().tables.list;
  const table = (id: TableId) => matchTable(tables.find((t) => t.id === id)!, hops);
  const stepOf = (kind: Hop['kind']) => s.steps.findIndex((st) => st.hop.kind === kind);
  return { s, table, stepOf };
}

const matched = (lines: ReturnType<typeof matchTable>) => lines.filter((l) => l.hops.length > 0);

describe('matchTable on a real send to a Service', () => {
  it('iptables: highlights the DNAT rule of the chosen endpoint and the chain jumps before it, at the nat hop', async () => {
    const { table, stepOf } = await sendAndMatch('iptables');
    const lines = matched(table('iptables-save'));
    const nat = stepOf('nat');
    const dnat = lines.find((l) => l.text.startsWith('-A KUBE-SEP-') && l.text.includes('-j DNAT'))!;
    expect(dnat.hops).toEqual([nat]);
    expect(lines.some((l) => l.text.startsWith('-A KUBE-SERVICES ') && l.text.includes('-j KUBE-SVC-'))).toBe(true);
    expect(lines.some((l) => l.text.startsWith('-A PREROUTING ') && l.text.includes('-j KUBE-SERVICES'))).toBe(true);
    // Only one endpoint was chosen: one DNAT line of the two.
    expect(lines.filter((l) => l.text.includes('-j DNAT')).length).toBe(1);
  });

  it('iptables: matches the routes, neighbour and conntrack lines the hops decided by', async () => {
    const { table, s } = await sendAndMatch('iptables');
    // An endpoint on web's own node is reached through the bridge (br_netfilter keeps a DNATed frame for the same bridge
    // on layer 2), so kind-worker's own decisions are the neighbour entry and the FDB; one on the other node is routed.
    const local = s.steps.some((st) => st.hop.kind === 'deliver' && st.hop.node === 'kind-worker' && st.hop.netns.startsWith('default/api-'));
    expect(matched(table(local ? 'fdb' : 'routes')).length).toBeGreaterThan(0);
    expect(matched(table('neigh')).length).toBeGreaterThan(0);
    const ct = matched(table('conntrack'));
    expect(ct).toHaveLength(1);
    // Both the request's new entry and the reply's lookup point at the same connection.
    const ctSteps = s.steps.map((st, i) => (st.hop.kind === 'conntrack' && st.hop.node === 'kind-worker' ? i : -1)).filter((i) => i >= 0);
    expect(ct[0]!.hops).toEqual(ctSteps);
  });

  it('IPVS: highlights the virtual service and the real server it chose, not that server under other services', async () => {
    const { table, stepOf, s } = await sendAndMatch('ipvs');
    const lines = matched(table('ipvsadm'));
    expect(lines.map((l) => l.hops)).toEqual([[stepOf('ipvs')], [stepOf('ipvs')]]);
    expect(lines[0]!.text).toMatch(new RegExp(`^TCP  ${sent(s.trace!).send.dst}:80 `));
    const chosen = sent(s.trace!).hops.find((h) => h.kind === 'ipvs')!.packet.dst;
    expect(lines[1]!.text).toContain(`-> ${chosen}:8080`);
    expect(table('ipvsadm').filter((l) => l.text.includes(`-> ${chosen}:8080`)).length).toBeGreaterThan(1);
  });

  it('nftables: highlights the rules in the chains where they matched, not the same text in another chain', async () => {
    const { table, stepOf } = await sendAndMatch('nftables');
    const all = table('nft');
    const jumps = all.filter((l) => l.text.trim() === 'jump services');
    expect(jumps.length).toBe(2);
    expect(jumps.filter((l) => l.hops.length > 0)).toHaveLength(1);
    const dnat = matched(all).find((l) => l.text.includes('dnat to'))!;
    expect(dnat.hops).toEqual([stepOf('nat')]);
  });
});

describe('matchTable context', () => {
  const hop = (over: Partial<Hop>): Hop => ({
    at: 'x', node: 'n', netns: 'root', nsId: 'node/n', device: '', kind: 'netfilter', text: '',
    packet: { srcMac: '', dstMac: '', src: '', dst: '', proto: 'tcp', sport: 1, dport: 2, ttl: 64, outer: [], flags: '', mark: 0 }, ...over,
  });
  const t = (id: TableId, text: string): TableText => ({ id, command: id, text });

  it('keeps iptables rules of the same text apart by table', () => {
    const text = '*filter\n-A FORWARD -j ACCEPT\nCOMMIT\n*mangle\n-A FORWARD -j ACCEPT\nCOMMIT\n';
    const h = hop({ steps: [{ tool: 'iptables', table: 'mangle', chain: 'FORWARD', rule: '-A FORWARD -j ACCEPT', action: 'ACCEPT' }] });
    expect(matchTable(t('iptables-save', text), [{ index: 4, hop: h }]).map((l) => l.hops.length)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('matches a route only for a hop that decided by a route', () => {
    const lines = matchTable(t('routes', 'default via 10.244.1.1 dev eth0\n'), [
      { index: 1, hop: hop({ kind: 'route', table: 'routes', rule: 'default via 10.244.1.1 dev eth0' }) },
      { index: 2, hop: hop({ kind: 'arp', table: 'neigh', rule: 'default via 10.244.1.1 dev eth0' }) },
    ]);
    expect(lines).toEqual([{ text: 'default via 10.244.1.1 dev eth0', hops: [1] }]);
  });

  it('marks the lines that open a section: an iptables table, an nft chain', () => {
    const ipt = matchTable(t('iptables-save', '# Generated\n*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j X\nCOMMIT\n'), []);
    expect(ipt.filter((l) => l.header).map((l) => l.text)).toEqual(['*nat']);
    const nft = matchTable(t('nft', 'table ip kube-proxy {\n\tchain services {\n\t\tjump x\n\t}\n}\n'), []);
    expect(nft.filter((l) => l.header).map((l) => l.text)).toEqual(['\tchain services {']);
  });

  it('reads a conntrack entry by its original tuple', () => {
    expect(conntrackKey('tcp      6 120 SYN_SENT src=10.0.0.1 dst=10.96.0.1 sport=5 dport=80 [UNREPLIED] src=10.0.0.9 dst=10.0.0.1 sport=80 dport=5 mark=0 use=1'))
      .toBe('tcp src=10.0.0.1 dst=10.96.0.1 sport=5 dport=80');
  });
});

describe('nextHopOf', () => {
  it('goes to the line\'s next hop after the selected one, and wraps round', () => {
    const line = { text: '', hops: [3, 9] };
    expect(nextHopOf(line, 0)).toBe(3);
    expect(nextHopOf(line, 3)).toBe(9);
    expect(nextHopOf(line, 9)).toBe(3);
  });
});

describe('tableOfStep', () => {
  const t = (id: TableId, hops: number[][]) => ({ table: { id, command: id, text: '' }, lines: hops.map((h) => ({ text: '', hops: h })) });
  const tables = [t('routes', [[1], []]), t('neigh', [[2]]), t('iptables-save', [[2], [5]])];

  it('opens the first table holding a line of the step', () => {
    expect(tableOfStep(tables, 2)).toBe('neigh');
    expect(tableOfStep(tables, 5)).toBe('iptables-save');
  });

  it('keeps the table of the latest step before, for a step without lines, and has none before any', () => {
    expect(tableOfStep(tables, 3)).toBe('neigh');
    expect(tableOfStep(tables, 7)).toBe('iptables-save');
    expect(tableOfStep(tables, 0)).toBeUndefined();
  });
});

describe('foldUnmatched', () => {
  const l = (text: string, hops: number[] = [], header = false) => ({ text, hops, ...(header ? { header: true as const } : {}) });
  const lines = [l('chain a {', [], true), l('x'), l('chain b {', [], true), l('y'), l('z', [4]), l('w')];

  it('keeps everything when not folding', () => {
    expect(foldUnmatched(lines, false)).toEqual(lines);
  });

  it('keeps the matched lines with the heading of their section, and counts what it left out', () => {
    expect(foldUnmatched(lines, true)).toEqual([{ skipped: 2 }, l('chain b {', [], true), { skipped: 1 }, l('z', [4]), { skipped: 1 }]);
  });
});
