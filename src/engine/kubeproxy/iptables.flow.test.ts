// Packets through a node's kube-proxy rules, with the flows the upstream tests expect
// (runPacketFlowTests in the goldens' headers) and the mechanisms behind them: statistic
// draws, ETP=Local short-circuits via addrtype, hairpin masquerade, ClientIP affinity.
import { describe, expect, it } from 'vitest';
import { evaluateHook } from '../netfilter/evaluate';
import { findChain, emptyRuleset } from '../netfilter/ruleset';
import { installKubeProxyIptables } from './iptables-jumps';
import { natDecision, nodeEnv, packet, reachableEndpoints } from './testing/flow';
import { externalTrafficPolicyLocal, internalTrafficPolicyE2E, overallIPTablesRules } from './testing/golden-scenarios';
import { affinityThreeEndpoints } from './testing/scenarios';
import type { ProxyInput } from './types';

const node = (input: ProxyInput) => installKubeProxyIptables(emptyRuleset(4), input);

describe('TestExternalTrafficPolicyLocal packet flows', () => {
  const rs = node(externalTrafficPolicyLocal());
  it.each([
    ['pod to cluster IP', 'PREROUTING', packet('10.0.0.2', '172.30.0.41', 80), ['10.180.0.1:80', '10.180.2.1:80'], [false]],
    ['external to external IP', 'PREROUTING', packet('203.0.113.2', '192.168.99.11', 80), ['10.180.2.1:80'], [false]],
    ['external to LB IP', 'PREROUTING', packet('203.0.113.2', '1.2.3.4', 80), ['10.180.2.1:80'], [false]],
    ['external to NodePort', 'PREROUTING', packet('203.0.113.2', '192.168.0.2', 3001), ['10.180.2.1:80'], [false]],
    // The short-circuit rules: pods and the node itself get Cluster semantics.
    ['pod to NodePort', 'PREROUTING', packet('10.0.0.2', '192.168.0.2', 3001), ['10.180.0.1:80', '10.180.2.1:80'], [false]],
    ['node to LB IP', 'OUTPUT', packet('192.168.0.2', '1.2.3.4', 80), ['10.180.0.1:80', '10.180.2.1:80'], [true]],
  ] as const)('%s', (_name, hook, p, endpoints, masq) => {
    expect(reachableEndpoints(rs, hook, p)).toEqual({ endpoints, masq });
  });

  it('sends LOCAL-sourced traffic through the addrtype short-circuit rules', () => {
    const { result } = natDecision(rs, 'OUTPUT', packet('192.168.0.2', '1.2.3.4', 80), nodeEnv([0]));
    expect(result.steps.map((s) => s.text).filter((t) => t.includes('LOCAL traffic'))).toEqual([
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "masquerade LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "route LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-XPGD46QRK7WJZT7O',
    ]);
  });
});

describe('TestInternalTrafficPolicyE2E packet flows', () => {
  it('picks the endpoint the seeded draws select: 1/3, then 1/2 of the rest, then the last', () => {
    const rs = node(internalTrafficPolicyE2E('Cluster'));
    const pick = (draws: number[]): string | null => natDecision(rs, 'PREROUTING', packet('10.0.0.2', '172.30.1.1', 80), nodeEnv(draws)).endpoint;
    // round(0.3333333333 * 2^31) = 715827883 and round(0.5 * 2^31) = 2^30.
    expect(pick([715827882])).toBe('10.0.1.1:80');
    expect(pick([715827883, 0x3fffffff])).toBe('10.0.1.2:80');
    expect(pick([715827883, 0x40000000])).toBe('10.0.1.3:80');
    expect(natDecision(rs, 'PREROUTING', packet('10.0.0.2', '172.30.1.1', 80), nodeEnv([0])).masq).toBe(false);
  });

  it('reaches only the local endpoint with internalTrafficPolicy=Local', () => {
    expect(reachableEndpoints(node(internalTrafficPolicyE2E('Local')), 'PREROUTING', packet('10.0.0.2', '172.30.1.1', 80))).toEqual({ endpoints: ['10.0.1.1:80'], masq: [false] });
  });

  it('masquerades a cluster IP connection from outside the cluster CIDR', () => {
    expect(natDecision(node(internalTrafficPolicyE2E('Cluster')), 'PREROUTING', packet('192.168.0.7', '172.30.1.1', 80), nodeEnv([0])).masq).toBe(true);
  });
});

describe('TestOverallIPTablesRules packet flows', () => {
  const rs = node(overallIPTablesRules());

  it('REJECTs a Service without endpoints in filter, after nat lets it through', () => {
    const p = packet('10.0.0.2', '172.30.0.46', 80);
    expect(natDecision(rs, 'PREROUTING', p, nodeEnv()).endpoint).toBeNull();
    const filter = evaluateHook(rs, 'filter', 'FORWARD', { ...p, inIface: 'cni0', outIface: 'eth0' }, nodeEnv());
    expect(filter.verdict).toEqual({ kind: 'REJECT', with: 'icmp-port-unreachable' });
    expect(filter.steps.at(-1)?.text).toBe(
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('marks a hairpin connection in KUBE-SEP and masquerades it in POSTROUTING', () => {
    const p = packet('10.180.0.1', '172.30.0.41', 80);
    const pre = natDecision(rs, 'PREROUTING', p, nodeEnv());
    expect(pre.endpoint).toBe('10.180.0.1:80');
    expect(pre.masq).toBe(true);
    const post = evaluateHook(rs, 'nat', 'POSTROUTING', { ...p, dst: '10.180.0.1', mark: pre.result.mark, outIface: 'cni0' }, nodeEnv());
    expect(post.nat).toEqual({ kind: 'MASQUERADE', randomFully: false });
    expect(post.mark & 0x4000).toBe(0);
  });

  it('lets loadBalancerSourceRanges through KUBE-FW and leaves the rest to KUBE-PROXY-FIREWALL', () => {
    expect(natDecision(rs, 'PREROUTING', packet('203.0.113.2', '5.6.7.8', 80), nodeEnv()).endpoint).toBe('10.180.0.3:80');
    const blocked = natDecision(rs, 'PREROUTING', packet('203.0.113.130', '5.6.7.8', 80), nodeEnv());
    expect(blocked.endpoint).toBeNull();
    expect(blocked.result.steps.at(-2)?.action).toBe('continue');
    const filter = evaluateHook(rs, 'filter', 'FORWARD', packet('203.0.113.130', '5.6.7.8', 80), nodeEnv());
    expect(filter.verdict.kind).toBe('DROP');
    expect(filter.steps.at(-1)?.chain).toBe('KUBE-PROXY-FIREWALL');
  });

  it('masquerades external NodePort traffic with externalTrafficPolicy=Cluster', () => {
    expect(reachableEndpoints(rs, 'PREROUTING', packet('203.0.113.2', '192.168.0.2', 3003))).toEqual({ endpoints: ['10.180.0.3:80'], masq: [true] });
  });

  it('counts every rule the kernel compares on the way', () => {
    const { result } = natDecision(rs, 'PREROUTING', packet('10.0.0.2', '172.30.0.43', 80), nodeEnv());
    const position = (chain: string, needle: string): number => (findChain(rs, 'nat', chain)?.rules ?? []).findIndex((_r, i) => result.steps.some((s) => s.chain === chain && s.ruleNumber === i + 1 && s.text.includes(needle))) + 1;
    const svcRule = position('KUBE-SERVICES', 'ns3/svc3:p80 cluster IP');
    expect(svcRule).toBeGreaterThan(0);
    // PREROUTING's one jump, KUBE-SERVICES up to svc3's rule, both KUBE-SVC rules, both KUBE-SEP rules.
    expect(result.rulesEvaluated).toBe(1 + svcRule + 2 + 2);
  });
});

describe('ClientIP session affinity', () => {
  const rs = node(affinityThreeEndpoints());
  const p = packet('10.0.0.7', '172.30.0.60', 80);

  it('sends later connections to the endpoint the first one got, whatever the draws, until the timeout', () => {
    const recent = new Map();
    const at = (nowSeconds: number, draws: number[]) => natDecision(rs, 'PREROUTING', p, nodeEnv(draws, { recent, nowSeconds })).endpoint;
    expect(at(1000, [0x7fffffff, 0x7fffffff])).toBe('10.180.2.13:8080');
    expect(at(1500, [0])).toBe('10.180.2.13:8080');
    expect(at(1500 + 10800, [0])).toBe('10.180.2.13:8080');
    expect(at(1500 + 10800 + 10801, [0])).toBe('10.180.0.11:8080');
  });

  it('shows the recent --rcheck rule that matched', () => {
    const recent = new Map([['KUBE-SEP-WFVZ35EJQONHMV7Y', new Map([['10.0.0.7', 1000]])]]);
    const { result } = natDecision(rs, 'PREROUTING', p, nodeEnv([0], { recent, nowSeconds: 1001 }));
    expect(result.steps.map((s) => s.text)).toContain(
      '-A KUBE-SVC-F7REZHQFGEE5SPJR -m comment --comment "ns1/sticky:p80 -> 10.180.2.13:8080" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-WFVZ35EJQONHMV7Y --mask 255.255.255.255 --rsource -j KUBE-SEP-WFVZ35EJQONHMV7Y',
    );
  });
});
