// kube-proxy's upstream goldens (../shared/reference), each rebuilt as a scenario
// (golden-scenarios/<Test>.yaml): the YAML is parsed and compiled like any scenario, kube-proxy
// on the node that plays the fake's "test-node" (kind-control-plane) gets its ProxyInput, the
// test puts it under NewFakeProxier's kube-proxy configuration (fakeProxierEnv: node addresses,
// mark text, nfacct, --random-fully, --nodeport-addresses, nothing else), the scenario's proxy
// mode writes its rules, and the upstream test's own sort must give the golden byte for byte.
// Everything the goldens list as input (Services, node ports, IPs, policies, affinity, source
// ranges, endpoints with their node and readiness, the local detector's CIDR, the ServiceCIDR)
// comes from the YAML. Nothing in any golden had to be left out or patched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster/types';
import { sortIPTablesRules } from '../netfilter/sort';
import { clusterFrom } from '../testing/build';
import { writeIptablesRules } from './iptables';
import { printNftablesTransaction, sortNFTablesTransaction } from './nftables-transaction';
import { writeNftablesRules } from './nftables-writer';
import { FAKE_NFTABLES_PROXIER_ENV, FAKE_PROXIER_ENV, fakeProxierEnv, type FakeProxierEnv } from './testing/fake-proxier';
import { externalTrafficPolicyLocal, internalTrafficPolicyE2E, masqueradeRule, overallIPTablesRules, overallNFTablesRules } from './testing/golden-scenarios';
import { iptablesGoldenRules, referenceUrl, withRandomFully } from './testing/goldens';
import type { ProxyInput, ProxyServiceEntry } from './types';

/** The kind node that plays NewFakeProxier's test-node in every scenario. */
const TEST_NODE = 'kind-control-plane';

const compiled = (test: string): Cluster => clusterFrom(readFileSync(new URL(`./golden-scenarios/${test}.yaml`, import.meta.url), 'utf8'));
const golden = (file: string): string => readFileSync(referenceUrl(file), 'utf8');

/** kube-proxy on the test node, under the fake proxier's configuration. */
function testNodeInput(cluster: Cluster, env: FakeProxierEnv, overrides: Partial<FakeProxierEnv> = {}): ProxyInput {
  return fakeProxierEnv(cluster.proxyInput(TEST_NODE), env, overrides);
}

/** The scenario's iptables payload in the upstream tests' sorted form. */
function iptablesRules(test: string, overrides: Partial<FakeProxierEnv> = {}): string {
  const cluster = compiled(test);
  expect(cluster.scenario.cluster.kubeProxyMode).toBe('iptables');
  return sortIPTablesRules(writeIptablesRules(testNodeInput(cluster, FAKE_PROXIER_ENV, overrides)));
}

/** The ~v1.27 goldens predate the nfacct counters: the one allowance the ProxyInput-level tests make too. */
const V1_27 = { nfacct: false } as const;

const IPTABLES_GOLDENS: readonly (readonly [string, Partial<FakeProxierEnv>])[] = [
  ['TestOverallIPTablesRules', {}],
  ['TestExternalTrafficPolicyLocal', V1_27],
  ['TestInternalTrafficPolicyE2E_cluster_3eps', V1_27],
  ['TestInternalTrafficPolicyE2E_local_with_local_ep', V1_27],
  ['TestMasqueradeRule_empty', V1_27],
];

describe('kube-proxy goldens rebuilt as scenarios', () => {
  it.each(IPTABLES_GOLDENS)('the %s scenario makes kube-proxy write the golden iptables rules byte for byte', (test, overrides) => {
    expect(iptablesRules(test, overrides)).toBe(iptablesGoldenRules(golden(`iptables_${test}.txt`)));
  });

  it('the TestMasqueradeRule scenario gives the golden\'s --random-fully variant when iptables supports it', () => {
    const expected = withRandomFully(iptablesGoldenRules(golden('iptables_TestMasqueradeRule_empty.txt')));
    expect(expected).toContain('-j MASQUERADE --random-fully\n');
    expect(iptablesRules('TestMasqueradeRule_empty', { ...V1_27, randomFully: true })).toBe(expected);
  });

  it('the TestOverallNFTablesRules scenario makes kube-proxy write the golden nftables transaction byte for byte once both are sorted', () => {
    const cluster = compiled('TestOverallNFTablesRules');
    expect(cluster.scenario.cluster.kubeProxyMode).toBe('nftables');
    const input = testNodeInput(cluster, FAKE_NFTABLES_PROXIER_ENV);
    const dump = printNftablesTransaction(writeNftablesRules(input, { masqueradeMarkText: input.masqueradeMark }));
    expect(sortNFTablesTransaction(dump)).toBe(sortNFTablesTransaction(golden('nftables_TestOverallNFTablesRules.txt')));
  });
});

/** The fake's node names, as the scenarios name those nodes. */
const NODES: Readonly<Record<string, string>> = { 'test-node': TEST_NODE, host1: 'kind-worker', host2: 'kind-worker2' };

/** A hand-built golden input with the fake's node names replaced by the scenario's. */
function onKindNodes(entries: readonly ProxyServiceEntry[]): ProxyServiceEntry[] {
  return entries.map((e) => ({
    port: e.port,
    endpoints: e.endpoints.map((ep) => (ep.nodeName === undefined ? ep : { ...ep, nodeName: NODES[ep.nodeName] ?? ep.nodeName })),
  }));
}

/**
 * What the API stores for the overall test's Services where the fake's objects are not ones a
 * real API server holds (see the YAML header): svc4 is a ClusterIP Service with externalIPs
 * instead of a NodePort Service without a node port, svc5 has no health check node port, and
 * the space-padded source range is stored trimmed.
 */
function asTheApiStoresThem(entries: readonly ProxyServiceEntry[]): ProxyServiceEntry[] {
  return entries.map(({ port, endpoints }) => ({
    endpoints,
    port: {
      ...port,
      loadBalancerSourceRanges: port.loadBalancerSourceRanges.map((r) => r.trim()),
      ...(port.name === 'svc4' ? { type: 'ClusterIP' as const } : {}),
      ...(port.name === 'svc5' ? { healthCheckNodePort: 0 } : {}),
    },
  }));
}

const HAND_BUILT: readonly (readonly [string, () => ProxyInput, (e: readonly ProxyServiceEntry[]) => readonly ProxyServiceEntry[]])[] = [
  ['TestOverallIPTablesRules', overallIPTablesRules, asTheApiStoresThem],
  ['TestOverallNFTablesRules', overallNFTablesRules, asTheApiStoresThem],
  ['TestExternalTrafficPolicyLocal', externalTrafficPolicyLocal, (e) => e],
  ['TestInternalTrafficPolicyE2E_cluster_3eps', () => internalTrafficPolicyE2E('Cluster'), (e) => e],
  ['TestInternalTrafficPolicyE2E_local_with_local_ep', () => internalTrafficPolicyE2E('Local'), (e) => e],
  ['TestMasqueradeRule_empty', () => masqueradeRule(false), (e) => e],
];

describe('what the golden scenarios give kube-proxy', () => {
  it.each(HAND_BUILT)('the %s scenario gives the hand-built golden input\'s Services and endpoints, but for what a real API cannot store', (test, handBuilt, stored) => {
    const cluster = compiled(test);
    expect(cluster.proxyInput(TEST_NODE).services).toEqual(stored(onKindNodes(handBuilt().services)));
  });

  it('takes the local detector\'s CIDR and the ServiceCIDR from the scenario, not from the fake proxier\'s environment', () => {
    const input = testNodeInput(compiled('TestOverallNFTablesRules'), FAKE_NFTABLES_PROXIER_ENV);
    expect(input.nodeName).toBe(TEST_NODE);
    expect(input.localDetector).toEqual({ mode: 'ClusterCIDR', cidr: '10.0.0.0/8' });
    expect(input.serviceCIDRs).toEqual(['172.30.0.0/16']);
  });

  it('hides default/kubernetes from kube-proxy only through its service-proxy-name label', () => {
    const cluster = compiled('TestMasqueradeRule_empty');
    expect(cluster.service('default/kubernetes')?.labels).toMatchObject({ 'service.kubernetes.io/service-proxy-name': 'none', component: 'apiserver' });
    expect(cluster.services.map((s) => s.key)).toEqual(['default/kubernetes']);
    expect(cluster.proxyInput(TEST_NODE).services).toEqual([]);
  });
});
