import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeIpvsState } from './ipvs-writer';
import { overallNFTablesRules } from './testing/golden-scenarios';
import type { ProxyInput, ProxyServiceEntry } from './types';

const overall = overallNFTablesRules();

const reference = readFileSync(new URL('../../../../shared/reference/ipvs_mode_reference.txt', import.meta.url), 'utf8');

/** The non-comment lines after the line starting with `from`, up to the next line starting with `until`. */
function section(from: string, until: string): string[] {
  const lines = reference.split('\n');
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(until));
  return lines.slice(start + 1, end).filter((l) => l !== '' && !l.startsWith('#'));
}

const state = writeIpvsState(overall);
const vs = (key: string) => state.virtualServers.get(key);

describe('writeIpvsState on the TestOverall inputs', () => {
  it('creates a virtual server per ClusterIP, externalIP, LoadBalancer IP and NodePort node IP', () => {
    expect([...state.virtualServers.keys()]).toEqual([
      'TCP/172.30.0.41:80',
      'TCP/172.30.0.42:80',
      'TCP/192.168.99.22:80',
      'TCP/1.2.3.4:80',
      'TCP/192.168.0.2:3001',
      'TCP/172.30.0.43:80',
      'TCP/192.168.0.2:3003',
      'TCP/172.30.0.44:80',
      'TCP/192.168.99.33:80',
      'TCP/172.30.0.45:80',
      'TCP/5.6.7.8:80',
      'TCP/192.168.0.2:3002',
      'TCP/172.30.0.46:80',
    ]);
  });

  it('uses weight 1 Masq real servers and the configured scheduler', () => {
    expect(vs('TCP/172.30.0.44:80')).toMatchObject({
      scheduler: 'rr',
      persistentTimeout: 0,
      realServers: [
        { address: '10.180.0.4', port: 80, weight: 1, forward: 'Masq' },
        { address: '10.180.0.5', port: 80, weight: 1, forward: 'Masq' },
      ],
    });
  });

  it('makes ClientIP affinity a persistent virtual server on every address of the Service', () => {
    for (const key of ['TCP/172.30.0.45:80', 'TCP/5.6.7.8:80', 'TCP/192.168.0.2:3002']) {
      expect(vs(key)?.persistentTimeout).toBe(10800);
    }
  });

  it('falls back to all endpoints for ETP=Local when the node has no local endpoint', () => {
    expect(vs('TCP/1.2.3.4:80')?.realServers.map((r) => r.address)).toEqual(['10.180.0.2']);
  });

  it('uses only the local endpoint for ETP=Local when there is one', () => {
    const base = overall.services[3]!;
    const local: ProxyServiceEntry = {
      ...base,
      port: { ...base.port, type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIPs: ['9.10.11.12'] },
    };
    const s = writeIpvsState({ ...overall, services: [local] });
    expect(s.virtualServers.get('TCP/9.10.11.12:80')?.realServers.map((r) => r.address)).toEqual(['10.180.0.5']);
    expect(s.virtualServers.get('TCP/172.30.0.44:80')?.realServers).toHaveLength(2);
  });

  it('keeps a virtual server without real servers for a Service without endpoints', () => {
    expect(vs('TCP/172.30.0.46:80')?.realServers).toEqual([]);
  });

  it('binds ClusterIPs, externalIPs and LoadBalancer IPs to kube-ipvs0, but not node IPs', () => {
    expect(state.dummyAddresses).toEqual([
      '172.30.0.41',
      '172.30.0.42',
      '192.168.99.22',
      '1.2.3.4',
      '172.30.0.43',
      '172.30.0.44',
      '192.168.99.33',
      '172.30.0.45',
      '5.6.7.8',
      '172.30.0.46',
    ]);
    const onNode = writeIpvsState({
      ...overall,
      services: [{ ...overall.services[3]!, port: { ...overall.services[3]!.port, externalIPs: ['192.168.99.11'] } }],
    });
    expect(onNode.dummyAddresses).toEqual(['172.30.0.44']);
  });

  it('fills the ipsets kube-proxy uses', () => {
    const entries = (name: string) => [...state.ipsets.get(name)!.entries];
    expect(entries('KUBE-LOOP-BACK')).toEqual(['10.180.0.5,tcp:80,10.180.0.5']);
    expect(entries('KUBE-CLUSTER-IP')).toHaveLength(6);
    expect(entries('KUBE-EXTERNAL-IP')).toEqual(['192.168.99.33,tcp:80']);
    expect(entries('KUBE-EXTERNAL-IP-LOCAL')).toEqual(['192.168.99.22,tcp:80']);
    expect(entries('KUBE-LOAD-BALANCER')).toEqual(['1.2.3.4,tcp:80', '5.6.7.8,tcp:80']);
    expect(entries('KUBE-LOAD-BALANCER-LOCAL')).toEqual(['1.2.3.4,tcp:80']);
    expect(entries('KUBE-LOAD-BALANCER-FW')).toEqual(['5.6.7.8,tcp:80']);
    expect(entries('KUBE-LOAD-BALANCER-SOURCE-CIDR')).toEqual(['5.6.7.8,tcp:80,203.0.113.0/25']);
    expect(entries('KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual([]);
    expect(entries('KUBE-NODE-PORT-TCP')).toEqual(['3001', '3002', '3003']);
    expect(entries('KUBE-NODE-PORT-LOCAL-TCP')).toEqual(['3001']);
    expect(entries('KUBE-HEALTH-CHECK-NODE-PORT')).toEqual(['30000']);
    expect(entries('KUBE-IPVS-IPS')).toHaveLength(10);
  });

  it('blocks the node from a LoadBalancer IP whose source ranges leave the node out', () => {
    expect(state.iptablesRestore).toContain(
      '-A KUBE-IPVS-OUT-FILTER -s 5.6.7.8 -m ipvs --vaddr 5.6.7.8 --vproto tcp --vport 80 -j DROP\n',
    );
  });
});

describe('the iptables rules IPVS mode writes', () => {
  // The reference's derived example: ClusterIP Services only, pod CIDR 10.244.0.0/16, one local
  // endpoint, iptables with --random-fully.
  const clusterOnly: ProxyInput = {
    ...overall,
    localDetector: { mode: 'ClusterCIDR', cidr: '10.244.0.0/16' },
    nodePortAddresses: [],
    randomFully: true,
    services: [
      {
        port: { ...overall.services[0]!.port, namespace: 'default', name: 'web', clusterIP: '10.96.0.20' },
        endpoints: [{ ip: '10.244.0.5', port: 80, nodeName: 'test-node', ready: true, serving: true, terminating: false }],
      },
    ],
  };
  const restore = writeIpvsState(clusterOnly, { masqueradeMarkText: '0x4000' }).iptablesRestore;
  const rules = (table: 'nat' | 'filter') =>
    restore
      .split(/^\*/m)
      .find((t) => t.startsWith(table))!
      .split('\n')
      .filter((l) => l.startsWith('-A '));

  it('writes the nat rules of the reference, in order', () => {
    expect(rules('nat')).toEqual(section('#   nat:', '#   filter:'));
  });

  it('writes the filter rules of the reference, in order', () => {
    expect(rules('filter')).toEqual(section('#   filter:', '# With NodePort'));
  });

  it('puts *nat before *filter, declares every chain and commits both', () => {
    expect(restore.split('\n').filter((l) => !l.startsWith('-A '))).toEqual([
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-POSTROUTING - [0:0]',
      ':KUBE-NODE-PORT - [0:0]',
      ':KUBE-LOAD-BALANCER - [0:0]',
      ':KUBE-MARK-MASQ - [0:0]',
      'COMMIT',
      '*filter',
      ':KUBE-FORWARD - [0:0]',
      ':KUBE-NODE-PORT - [0:0]',
      ':KUBE-PROXY-FIREWALL - [0:0]',
      ':KUBE-SOURCE-RANGES-FIREWALL - [0:0]',
      ':KUBE-IPVS-FILTER - [0:0]',
      ':KUBE-IPVS-OUT-FILTER - [0:0]',
      'COMMIT',
      '',
    ]);
  });

  it('checks the ETP=Local NodePort set before the masquerade set', () => {
    const lines = writeIpvsState(overall).iptablesRestore.split('\n');
    const want = section('# With NodePort', '#');
    const at = lines.indexOf(want[0]!);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + want.length)).toEqual(want);
  });

  it('spells the mark the Go way by default', () => {
    expect(writeIpvsState(clusterOnly).iptablesRestore).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000\n');
  });

  it('masquerades by source when there is no local detector', () => {
    const none = writeIpvsState({ ...clusterOnly, localDetector: { mode: 'None' } }).iptablesRestore;
    expect(none).toContain('--match-set KUBE-CLUSTER-IP src,dst -j KUBE-MARK-MASQ\n');
  });

  it('lists the jump rules of each built-in chain, last prepended first', () => {
    const input = writeIpvsState(clusterOnly).iptablesJumps.filter((j) => j.table === 'filter' && j.chain === 'INPUT');
    expect(input.map((j) => j.rule)).toEqual([
      '-m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      '-m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
    ]);
  });
});
