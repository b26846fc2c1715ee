import { describe, expect, it } from 'vitest';
import type { AddrType, CtState, NfEnv, NfPacket } from '../eval-types';
import { nftablesBaseChains, nftablesEvaluate } from './eval';
import { writeNftablesRules } from '../../kubeproxy/nftables-writer';
import { overallNFTablesRules } from '../../kubeproxy/testing/golden-scenarios';
import { largeProxyInput } from '../../kubeproxy/testing/large-cluster';
import type { ProxyInput } from '../../kubeproxy/types';

const overall = overallNFTablesRules();

const table = writeNftablesRules(overall);
const LOCAL = new Set(['192.168.0.2', '192.168.1.2', '192.168.99.11', '127.0.0.1']);

function env(draws: number[] = [], nowSeconds = 1000, recent: NfEnv['recent'] = new Map()): NfEnv {
  let i = 0;
  return {
    addrType: (ip: string): AddrType => (LOCAL.has(ip) ? 'LOCAL' : 'UNICAST'),
    random31: () => draws[i++ % Math.max(1, draws.length)] ?? 0,
    nowSeconds,
    recent,
  };
}

function pkt(src: string, dst: string, dport: number, ctstate: readonly CtState[] = ['NEW'], mark = 0): NfPacket {
  return { src, dst, proto: 'tcp', sport: 40000, dport, mark, ctstate };
}

describe('nftablesEvaluate', () => {
  it('runs the base chains of a hook in priority order', () => {
    expect(nftablesBaseChains(table, 'OUTPUT').map((c) => c.name)).toEqual([
      'filter-output-pre-dnat',
      'nat-output',
      'filter-output',
    ]);
  });

  it('sends a pod packet for a ClusterIP through the service-ips map to an endpoint chain that DNATs', () => {
    const r = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '172.30.0.41', 80), env());
    expect(r.verdict).toEqual({ kind: 'ACCEPT' });
    expect(r.nat).toEqual({ kind: 'DNAT', toAddr: '10.180.0.1', toPort: 80 });
    expect(r.mark).toBe(0);
    expect(r.steps.map((s) => `${s.chain}: ${s.action}`)).toEqual([
      'filter-prerouting-pre-dnat: jump firewall-check',
      'filter-prerouting-pre-dnat: policy accept',
      'nat-prerouting: jump services',
      'services: goto service-ULMVA6XW-ns1/svc1/tcp/p80',
      'service-ULMVA6XW-ns1/svc1/tcp/p80: numgen 0 → goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
      'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80: dnat to 10.180.0.1:80',
    ]);
    expect(r.steps[3]!.text).toBe('ip daddr . meta l4proto . th dport vmap @service-ips');
    expect(r.steps[3]!.table).toBe('nat');
    // ct state new, vmap @firewall-ips (miss), jump services, vmap @service-ips, masq test, numgen, hairpin test, dnat
    expect(r.rulesEvaluated).toBe(8);
  });

  it('counts a verdict-map lookup as one rule however many Services there are', () => {
    const big = writeNftablesRules(largeProxyInput(2000, 2000));
    const r = nftablesEvaluate(big, 'PREROUTING', pkt('10.0.1.5', '10.96.7.208', 80), env());
    expect(r.nat?.kind).toBe('DNAT');
    expect(r.rulesEvaluated).toBe(8);
  });

  it('rejects a new connection to a Service without endpoints in the filter chains', () => {
    const pre = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '172.30.0.46', 80), env());
    expect(pre.nat).toBeUndefined();
    const fwd = nftablesEvaluate(table, 'FORWARD', pkt('10.0.1.5', '172.30.0.46', 80), env());
    expect(fwd.verdict).toEqual({ kind: 'REJECT', with: 'icmp-port-unreachable' });
    expect(fwd.steps.map((s) => s.chain)).toEqual(['filter-forward', 'service-endpoints-check', 'reject-chain']);
    expect(fwd.steps.at(-1)!.text).toBe('reject');
  });

  it('rejects unknown ports of a ClusterIP and drops unallocated ClusterIPs', () => {
    const port = nftablesEvaluate(table, 'FORWARD', pkt('10.0.1.5', '172.30.0.41', 81), env());
    expect(port.verdict.kind).toBe('REJECT');
    expect(port.steps.at(-1)!.text).toBe('ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"');
    const unallocated = nftablesEvaluate(table, 'FORWARD', pkt('10.0.1.5', '172.30.0.99', 80), env());
    expect(unallocated.verdict).toEqual({ kind: 'DROP' });
  });

  it('picks the endpoint the seeded numgen draw says', () => {
    const first = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '172.30.0.44', 80), env([0]));
    const second = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '172.30.0.44', 80), env([2 ** 30]));
    expect(first.nat).toMatchObject({ toAddr: '10.180.0.4' });
    expect(second.nat).toMatchObject({ toAddr: '10.180.0.5' });
  });

  it('marks external NodePort traffic and masquerades it in postrouting', () => {
    const pre = nftablesEvaluate(table, 'PREROUTING', pkt('203.0.113.2', '192.168.0.2', 3003), env());
    expect(pre.nat).toMatchObject({ kind: 'DNAT', toAddr: '10.180.0.3' });
    expect(pre.mark).toBe(0x4000);
    const post = nftablesEvaluate(table, 'POSTROUTING', { ...pkt('203.0.113.2', '10.180.0.3', 80), mark: pre.mark }, env());
    expect(post.nat).toEqual({ kind: 'MASQUERADE', randomFully: true });
    expect(post.mark).toBe(0);
    expect(post.steps.map((s) => s.text)).toEqual([
      'jump masquerading',
      'meta mark set meta mark ^ 0x00004000',
      'masquerade fully-random',
    ]);
  });

  it('lets an unmarked packet through postrouting untouched', () => {
    const post = nftablesEvaluate(table, 'POSTROUTING', pkt('10.0.1.5', '10.180.0.1', 80), env());
    expect(post.nat).toBeUndefined();
    expect(post.steps.map((s) => s.action)).toEqual(['jump masquerading', 'return', 'policy accept']);
  });

  it('drops external traffic to an ETP=Local LoadBalancer IP without local endpoints, but short-circuits pods', () => {
    const ext = nftablesEvaluate(table, 'PREROUTING', pkt('203.0.113.2', '1.2.3.4', 80), env());
    expect(ext.nat).toBeUndefined();
    expect(nftablesEvaluate(table, 'FORWARD', pkt('203.0.113.2', '1.2.3.4', 80), env()).verdict).toEqual({ kind: 'DROP' });
    const pod = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '1.2.3.4', 80), env());
    expect(pod.nat).toMatchObject({ toAddr: '10.180.0.2' });
    expect(pod.steps.find((s) => s.text.includes('short-circuit pod traffic'))).toBeDefined();
  });

  it('drops LoadBalancer traffic from outside loadBalancerSourceRanges before DNAT', () => {
    const blocked = nftablesEvaluate(table, 'PREROUTING', pkt('203.0.113.130', '5.6.7.8', 80), env());
    expect(blocked.verdict).toEqual({ kind: 'DROP' });
    expect(blocked.steps.at(-1)!.text).toBe('ip saddr != 203.0.113.0/25 drop');
    const allowed = nftablesEvaluate(table, 'PREROUTING', pkt('203.0.113.2', '5.6.7.8', 80), env());
    expect(allowed.nat).toMatchObject({ toAddr: '10.180.0.3' });
  });

  it('does not run nat chains for packets of established connections', () => {
    const r = nftablesEvaluate(table, 'PREROUTING', pkt('10.0.1.5', '172.30.0.41', 80, ['ESTABLISHED']), env());
    expect(r.nat).toBeUndefined();
    expect(r.steps.map((s) => s.chain)).toEqual(['filter-prerouting-pre-dnat']);
  });

  it('keeps a client on the endpoint it first reached while its affinity entry lives', () => {
    const base = overall.services[3]!;
    const input: ProxyInput = {
      ...overall,
      services: [{ ...base, port: { ...base.port, stickyMaxAgeSeconds: 60 } }],
    };
    const t = writeNftablesRules(input);
    const recent: NfEnv['recent'] = new Map();
    const first = nftablesEvaluate(t, 'PREROUTING', pkt('10.0.1.5', '172.30.0.44', 80), env([2 ** 30], 1000, recent));
    expect(first.nat).toMatchObject({ toAddr: '10.180.0.5' });
    expect([...recent.values()].map((m) => [...m.entries()])).toEqual([[['10.0.1.5', 1000]]]);
    const again = nftablesEvaluate(t, 'PREROUTING', pkt('10.0.1.5', '172.30.0.44', 80), env([0], 1030, recent));
    expect(again.nat).toMatchObject({ toAddr: '10.180.0.5' });
    expect(again.steps.some((s) => s.text.startsWith('ip saddr @affinity-'))).toBe(true);
    const other = nftablesEvaluate(t, 'PREROUTING', pkt('10.0.9.9', '172.30.0.44', 80), env([0], 1030, recent));
    expect(other.nat).toMatchObject({ toAddr: '10.180.0.4' });
    const expired = nftablesEvaluate(t, 'PREROUTING', pkt('10.0.1.5', '172.30.0.44', 80), env([0], 1091, recent));
    expect(expired.nat).toMatchObject({ toAddr: '10.180.0.4' });
  });
});
