import { describe, expect, it } from 'vitest';
import { findChain, emptyRuleset } from '../netfilter/ruleset';
import { iptablesSave } from '../netfilter/iptables-save';
import { saveRuleLine } from '../netfilter/print-save';
import { masqueradeMarkText, writeIptablesRules } from './iptables';
import { installKubeProxyIptables, kubeProxyJumpRules } from './iptables-jumps';
import { computeProbability } from './iptables-service';
import { entry, fakeProxierInput, TEST_NODE_NAME, testEndpoint as ep, testServicePort as svc } from './testing/fake-proxier';
import { overallIPTablesRules } from './testing/golden-scenarios';
import * as scenario from './testing/scenarios';
import type { ProxyInput } from './types';

const lines = (input: ProxyInput): string[] => writeIptablesRules(input).split('\n');
const natOf = (input: ProxyInput): string[] => {
  const all = lines(input);
  return all.slice(all.indexOf('*nat'));
};
const filterOf = (input: ProxyInput): string[] => {
  const all = lines(input);
  return all.slice(0, all.indexOf('*nat'));
};

describe('kube-proxy iptables writer', () => {
  it('drops the per-endpoint comments above 1000 endpoints (large cluster mode), not at 1000', () => {
    const big = natOf(scenario.largeCluster());
    const sep = big.filter((l) => l.startsWith('-A KUBE-SEP-'));
    expect(sep).toHaveLength(2002);
    expect(sep.every((l) => !l.includes('--comment'))).toBe(true);
    expect(big.some((l) => /^-A KUBE-SVC-\S+ -m statistic --mode random --probability 0\.0009990010 -j KUBE-SEP-/.test(l))).toBe(true);
    // The cluster IP rules keep their comments.
    expect(big.some((l) => l.includes('--comment "ns1/big:p80 cluster IP"'))).toBe(true);

    const at1000 = { ...scenario.largeCluster(), services: scenario.largeCluster().services.map((s) => ({ ...s, endpoints: s.endpoints.slice(0, 1000) })) };
    expect(natOf(at1000).filter((l) => l.startsWith('-A KUBE-SEP-')).every((l) => l.includes('--comment ns1/big:p80'))).toBe(true);
  });

  it('orders endpoints by their "IP:port" string and writes %0.10f probabilities', () => {
    const input = fakeProxierInput([entry(svc('ns1', 'web', { clusterIP: '172.30.0.5' }), ['10.244.1.9', '10.244.1.10', '10.244.1.11', '10.244.1.100', '10.244.1.12', '10.244.1.13', '10.244.1.2'].map((ip) => ep(ip)))]);
    const svcRules = natOf(input).filter((l) => l.startsWith('-A KUBE-SVC-') && l.includes(' -> '));
    // Byte order: '0' (0x30) sorts before ':' (0x3a), so 10.244.1.100:80 precedes 10.244.1.10:80.
    expect(svcRules.map((l) => /-> (\S+)"/.exec(l)?.[1])).toEqual(['10.244.1.100:80', '10.244.1.10:80', '10.244.1.11:80', '10.244.1.12:80', '10.244.1.13:80', '10.244.1.2:80', '10.244.1.9:80']);
    expect(svcRules.map((l) => /--probability (\S+)/.exec(l)?.[1] ?? null)).toEqual(['0.1428571429', '0.1666666667', '0.2000000000', '0.2500000000', '0.3333333333', '0.5000000000', null]);
  });

  it('formats probabilities as Go’s %0.10f does, ties to even included', () => {
    // Python's '%0.10f' % (1.0/n), which rounds like Go's fmt.
    const expected: [number, string][] = [[2, '0.5000000000'], [3, '0.3333333333'], [6, '0.1666666667'], [7, '0.1428571429'], [1001, '0.0009990010'], [2048, '0.0004882812'], [10240, '0.0000976563']];
    for (const [n, text] of expected) expect(computeProbability(n)).toBe(text);
  });

  it('uses serving terminating endpoints only when none is ready, separately for Cluster and Local', () => {
    const nat = natOf(scenario.terminatingOnly());
    expect(nat.filter((l) => l.includes('-j DNAT')).map((l) => l.split('--to-destination ')[1])).toEqual(['10.180.0.21:80', '10.180.0.22:80']);
    expect(nat.some((l) => /^-A KUBE-SVL-\S+ .*-> 10\.180\.0\.21:80" -j KUBE-SEP-/.test(l))).toBe(true);
    expect(nat.join('\n')).not.toContain('10.180.0.23');
  });

  it('DROPs the cluster IP in filter when internalTrafficPolicy=Local has no local endpoint', () => {
    expect(filterOf(scenario.itpLocalWithoutLocalEndpoints())).toContain(
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 has no local endpoints" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j DROP',
    );
    expect(natOf(scenario.itpLocalWithoutLocalEndpoints()).some((l) => l.includes('KUBE-SVL-') || l.includes('KUBE-SEP-'))).toBe(false);
  });

  it('keeps the ETP=Local short-circuit rules but no KUBE-SVL jump when no endpoint is local', () => {
    const input = scenario.etpLocalWithoutLocalEndpoints();
    const ext = natOf(input).filter((l) => l.startsWith('-A KUBE-EXT-'));
    expect(ext).toHaveLength(3);
    expect(ext[0]).toContain('"pod traffic for ns1/lb:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-');
    expect(filterOf(input)).toEqual(
      expect.arrayContaining([
        '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/lb:p80 has no local endpoints" -m tcp -p tcp -d 9.10.11.12 --dport 80 -j DROP',
        '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/lb:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3050 -j DROP',
        '-A KUBE-NODEPORTS -m comment --comment "ns1/lb:p80 health check node port" -m tcp -p tcp --dport 30050 -j ACCEPT',
      ]),
    );
  });

  it('REJECTs every address of a Service with no endpoints at all', () => {
    const input = fakeProxierInput([
      entry(svc('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], nodePort: 3001, loadBalancerIPs: ['1.2.3.4'] })),
    ]);
    expect(filterOf(input).filter((l) => l.endsWith('-j REJECT'))).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j REJECT',
    ]);
    expect(natOf(input).filter((l) => l.includes('ns1/svc1'))).toEqual([]);
  });

  it('lets the node itself through KUBE-FW when a source range contains the node IP', () => {
    const fw = natOf(scenario.sourceRangeWithNode()).filter((l) => l.startsWith('-A KUBE-FW-'));
    expect(fw.map((l) => / -s (\S+) /.exec(l)?.[1] ?? 'none')).toEqual(['203.0.113.0/25', '192.168.0.0/24', '5.6.7.9', 'none']);
  });

  it('writes one KUBE-NODEPORTS jump per node address with --nodeport-addresses, and no localhost NodePorts without 127/8', () => {
    const input = scenario.nodePortAddresses();
    expect(natOf(input).filter((l) => l.endsWith('-j KUBE-NODEPORTS')).map((l) => / -d (\S+) /.exec(l)?.[1])).toEqual(['192.168.0.2', '192.168.1.2', '192.168.99.11']);
    expect(lines(input).join('\n')).not.toMatch(/KUBE-FIREWALL|localhost_nps_accepted_pkts/);

    const withLoopback = { ...input, nodePortAddresses: ['127.0.0.0/8', '192.168.0.2/32'] };
    expect(natOf(withLoopback).filter((l) => l.endsWith('-j KUBE-NODEPORTS')).map((l) => / -d (\S+) /.exec(l)?.[1])).toEqual(['127.0.0.1', '192.168.0.2']);
    expect(filterOf(withLoopback)).toContain(':KUBE-FIREWALL - [0:0]');
  });

  it('blocks localhost NodePorts in the tail rule when --iptables-localhost-nodeports=false', () => {
    const input = { ...overallIPTablesRules(), localhostNodePorts: false };
    expect(natOf(input)).toContain(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS',
    );
    expect(lines(input).join('\n')).not.toMatch(/KUBE-FIREWALL|localhost_nps_accepted_pkts/);
  });

  it('writes an IPv6 node without KUBE-FIREWALL and keeps ::1 out of NodePorts', () => {
    const all = lines(scenario.ipv6Node());
    expect(all).toContain('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS');
    expect(all.some((l) => l.endsWith('-j DNAT --to-destination [fd00:10:180::1]:80'))).toBe(true);
    expect(all.join('\n')).not.toContain('KUBE-FIREWALL');
  });

  it('masquerades every cluster-IP packet with --masquerade-all and none without a local detector', () => {
    expect(natOf(scenario.otherProtocolsMasqueradeAll())).toContain(
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 172.30.0.10 --dport 53 -j KUBE-MARK-MASQ',
    );
    const none = natOf({ ...overallIPTablesRules(), localDetector: { mode: 'None' } });
    expect(none.some((l) => l.includes('cluster IP') && l.endsWith('-j KUBE-MARK-MASQ'))).toBe(false);
    expect(none.some((l) => l.includes('pod traffic for'))).toBe(false);
  });

  it('prints the mark the way Go formats %#08x, unless the input fixes the text', () => {
    expect(masqueradeMarkText({ ...overallIPTablesRules(), masqueradeMark: undefined })).toBe('0x00004000');
    expect(masqueradeMarkText({ ...overallIPTablesRules(), masqueradeMark: undefined, masqueradeBit: 15 })).toBe('0x00008000');
    expect(lines(scenario.otherProtocolsMasqueradeAll())).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000');
  });

  it('leaves the INVALID drop out when nf_conntrack_tcp_be_liberal is set', () => {
    expect(filterOf(scenario.otherProtocolsMasqueradeAll()).some((l) => l.includes('INVALID'))).toBe(false);
  });

  it('allocates a health check rule only for LoadBalancer Services with ETP=Local', () => {
    const input = fakeProxierInput([entry(svc('ns1', 'np', { type: 'NodePort', clusterIP: '172.30.0.9', nodePort: 3009, externalTrafficPolicy: 'Local', healthCheckNodePort: 30009 }), [ep('10.1.1.1', 80, { nodeName: TEST_NODE_NAME })])]);
    expect(filterOf(input).some((l) => l.includes('health check'))).toBe(false);
  });

  it('skips headless Services and addresses of the other IP family', () => {
    const input = fakeProxierInput([
      entry(svc('ns1', 'headless', { clusterIP: null }), [ep('10.1.1.1')]),
      entry(svc('ns1', 'mixed', { clusterIP: '172.30.0.7', externalIPs: ['2001:db8::7', '192.168.99.7'] }), [ep('10.1.1.2'), ep('fd00::2')]),
    ]);
    const all = lines(input).join('\n');
    expect(all).not.toContain('headless');
    expect(all).not.toContain('2001:db8::7');
    expect(all).not.toContain('fd00::2');
    expect(all).toContain('-d 192.168.99.7');
  });

  it('writes the same payload whatever order the Services come in (sorted by port name, not Go map order)', () => {
    const input = overallIPTablesRules();
    expect(writeIptablesRules({ ...input, services: [...input.services].reverse() })).toBe(writeIptablesRules(input));
  });

  it('flushes and deletes Service chains left over from an earlier sync', () => {
    const stale = ['KUBE-SVC-AAAAAAAAAAAAAAAA', 'KUBE-SEP-BBBBBBBBBBBBBBBB', 'DOCKER', 'KUBE-SERVICES'];
    const nat = natOf({ ...overallIPTablesRules() }).length;
    const again = writeIptablesRules(overallIPTablesRules(), stale).split('\n');
    expect(again.slice(again.indexOf('*nat')).length).toBe(nat + 4);
    expect(again).toEqual(expect.arrayContaining([':KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]', '-X KUBE-SVC-AAAAAAAAAAAAAAAA', '-X KUBE-SEP-BBBBBBBBBBBBBBBB']));
    expect(again.join('\n')).not.toContain('-X DOCKER');
  });
});

describe('kube-proxy jump rules and a node ruleset', () => {
  it('lists the jump rules in iptablesJumpChains order, then kubelet’s KUBE-FIREWALL pair', () => {
    const jumps = kubeProxyJumpRules();
    expect(jumps).toHaveLength(14);
    expect(jumps[0]).toEqual({
      table: 'filter',
      chain: 'INPUT',
      target: 'KUBE-EXTERNAL-SERVICES',
      args: ['-m', 'conntrack', '--ctstate', 'NEW', '-m', 'comment', '--comment', 'kubernetes externally-visible service portals', '-j', 'KUBE-EXTERNAL-SERVICES'],
    });
    expect(jumps.slice(-2).map((j) => j.args)).toEqual([['-j', 'KUBE-FIREWALL'], ['-j', 'KUBE-FIREWALL']]);
  });

  it('ends up with the last-prepended jump first in each built-in chain', () => {
    const rs = installKubeProxyIptables(emptyRuleset(4), overallIPTablesRules());
    const targets = (table: string, chain: string): string[] =>
      (findChain(rs, table, chain)?.rules ?? []).map((r) => (r.target.kind === 'jump' ? r.target.chain : r.target.kind));
    expect(targets('filter', 'INPUT')).toEqual(['KUBE-FIREWALL', 'KUBE-PROXY-FIREWALL', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES']);
    expect(targets('filter', 'FORWARD')).toEqual(['KUBE-PROXY-FIREWALL', 'KUBE-FORWARD', 'KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES']);
    expect(targets('filter', 'OUTPUT')).toEqual(['KUBE-FIREWALL', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES']);
    expect(targets('nat', 'PREROUTING')).toEqual(['KUBE-SERVICES']);
    expect(targets('nat', 'OUTPUT')).toEqual(['KUBE-SERVICES']);
    expect(targets('nat', 'POSTROUTING')).toEqual(['KUBE-POSTROUTING']);
    for (const t of ['mangle', 'nat', 'filter']) expect(findChain(rs, t, 'KUBE-PROXY-CANARY')?.rules).toEqual([]);
  });

  it('gives the same ruleset whether its rules are parsed lazily or at once', () => {
    for (const make of Object.values(scenario.ALL_SCENARIOS)) {
      const input = make();
      const family = input.nodeIPs[0]?.includes(':') ? 6 : 4;
      const lazy = installKubeProxyIptables(emptyRuleset(family), input);
      const eager = installKubeProxyIptables(emptyRuleset(family), input, { lazy: false });
      expect(iptablesSave(lazy)).toBe(iptablesSave(eager));
    }
  });

  it('resyncs on its own result without doubling jumps, and drops the chains of a deleted Service', () => {
    const first = installKubeProxyIptables(emptyRuleset(4), overallIPTablesRules());
    const without = { ...overallIPTablesRules(), services: overallIPTablesRules().services.filter((s) => s.port.name !== 'svc1') };
    const second = installKubeProxyIptables(first, without);
    expect(findChain(second, 'filter', 'INPUT')?.rules).toHaveLength(4);
    expect(findChain(second, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toBeUndefined();
    expect(findChain(second, 'nat', 'KUBE-SEP-SXIVWICOYRO3J4NJ')).toBeUndefined();
    const rule = findChain(second, 'nat', 'KUBE-SERVICES')?.rules[0];
    expect(rule && saveRuleLine('KUBE-SERVICES', rule, 4)).toContain('ns2/svc2:p80 cluster IP');
  });
});
