import { describe, expect, it } from 'vitest';
import type { AddrType, NfEnv, NfPacket } from '../eval-types';
import { ipsetTest } from '../ipset/match';
import { createIpvsSchedState, ipvsFindVirtualServer, ipvsSchedule } from './schedule';
import { writeIpvsState } from '../../kubeproxy/ipvs-writer';
import { testEndpoint } from '../../kubeproxy/testing/fake-proxier';
import { overallNFTablesRules } from '../../kubeproxy/testing/golden-scenarios';
import type { ProxyEndpoint, ProxyInput } from '../../kubeproxy/types';

const overall = overallNFTablesRules();

const env = (nowSeconds: number): NfEnv => ({
  addrType: (): AddrType => 'UNICAST',
  random31: () => 0,
  nowSeconds,
  recent: new Map(),
});

const pkt = (src: string, dst: string, dport: number, proto: NfPacket['proto'] = 'tcp'): NfPacket => ({
  src,
  dst,
  proto,
  sport: 40000,
  dport,
  mark: 0,
  ctstate: ['NEW'],
});

const ep = (ip: string): ProxyEndpoint => testEndpoint(ip, 8080);
const base = overall.services[0]!;
const threeEndpoints = (patch: Partial<ProxyInput> = {}, sticky = 0): ProxyInput => ({
  ...overall,
  ...patch,
  services: [
    {
      port: { ...base.port, stickyMaxAgeSeconds: sticky },
      endpoints: [ep('10.180.0.1'), ep('10.180.0.2'), ep('10.180.0.3')],
    },
  ],
});

function picks(input: ProxyInput, clients: readonly string[], times: readonly number[] = clients.map(() => 0)): string[] {
  const s = writeIpvsState(input);
  const state = createIpvsSchedState();
  return clients.map((c, i) => {
    const p = pkt(c, '172.30.0.41', 80);
    const r = ipvsSchedule(ipvsFindVirtualServer(s, p)!, p, env(times[i]!), state);
    return r.kind === 'realServer' ? r.realServer.address : r.kind;
  });
}

describe('ipvsSchedule', () => {
  it('finds the virtual server of a packet by protocol, address and port', () => {
    const s = writeIpvsState(overall);
    expect(ipvsFindVirtualServer(s, pkt('10.0.1.5', '172.30.0.41', 80))?.servicePortName).toBe('ns1/svc1:p80');
    expect(ipvsFindVirtualServer(s, pkt('10.0.1.5', '172.30.0.41', 80, 'udp'))).toBeUndefined();
    expect(ipvsFindVirtualServer(s, pkt('10.0.1.5', '192.168.0.2', 3001))?.kind).toBe('NodePort');
  });

  it('round-robins through every real server in kernel list order (newest first) and starts over', () => {
    const all = picks(threeEndpoints(), ['c', 'c', 'c', 'c'].map((_, i) => `10.0.1.${i}`));
    expect(all).toEqual(['10.180.0.3', '10.180.0.2', '10.180.0.1', '10.180.0.3']);
  });

  it('keeps a client on its real server while the persistence template lives', () => {
    const clients = ['10.0.1.5', '10.0.1.6', '10.0.1.5', '10.0.1.5', '10.0.1.5'];
    const times = [0, 1, 100, 10_000, 30_001];
    expect(picks(threeEndpoints({}, 10_000), clients, times)).toEqual([
      '10.180.0.3',
      '10.180.0.2',
      '10.180.0.3', // template
      '10.180.0.3', // template, refreshed at 100 → lives until 10100
      '10.180.0.1', // expired: scheduled again
    ]);
  });

  it('says whether the template or the scheduler decided', () => {
    const s = writeIpvsState(threeEndpoints({}, 60));
    const state = createIpvsSchedState();
    const p = pkt('10.0.1.5', '172.30.0.41', 80);
    const vs = ipvsFindVirtualServer(s, p)!;
    expect(ipvsSchedule(vs, p, env(0), state)).toMatchObject({ kind: 'realServer', by: 'scheduler' });
    expect(ipvsSchedule(vs, p, env(5), state)).toMatchObject({ kind: 'realServer', by: 'template' });
  });

  it('hashes the client address with sh, so a client always lands on the same server', () => {
    const clients = ['10.0.1.5', '10.0.1.6', '10.0.1.5', '10.0.7.1', '10.0.1.6'];
    const got = picks(threeEndpoints({ ipvsScheduler: 'sh' }), clients);
    expect(got[0]).toBe(got[2]);
    expect(got[1]).toBe(got[4]);
    // hash_32(0x0a000105, 8) = 0x77 → bucket 119 → 119 % 3 = 2 → third in kernel order (oldest)
    expect(got[0]).toBe('10.180.0.1');
  });

  it('gives lc connections to the server with the fewest', () => {
    expect(picks(threeEndpoints({ ipvsScheduler: 'lc' }), ['a', 'b', 'c', 'd'].map((_, i) => `10.0.2.${i}`))).toEqual([
      '10.180.0.3',
      '10.180.0.2',
      '10.180.0.1',
      '10.180.0.3',
    ]);
  });

  it('has nowhere to send a packet for a Service without endpoints', () => {
    const s = writeIpvsState(overall);
    const p = pkt('10.0.1.5', '172.30.0.46', 80);
    expect(ipvsSchedule(ipvsFindVirtualServer(s, p)!, p, env(0), createIpvsSchedState()).kind).toBe('noRealServer');
  });
});

describe('ipsetTest', () => {
  const sets = writeIpvsState(overall).ipsets;

  it('matches hash:ip,port on destination address, protocol and port', () => {
    expect(ipsetTest(sets, 'KUBE-CLUSTER-IP', ['dst', 'dst'], pkt('10.0.1.5', '172.30.0.41', 80))).toBe(true);
    expect(ipsetTest(sets, 'KUBE-CLUSTER-IP', ['dst', 'dst'], pkt('10.0.1.5', '172.30.0.41', 80, 'udp'))).toBe(false);
    expect(ipsetTest(sets, 'KUBE-CLUSTER-IP', ['dst', 'dst'], pkt('10.0.1.5', '172.30.0.41', 81))).toBe(false);
    expect(ipsetTest(sets, 'KUBE-CLUSTER-IP', ['src', 'dst'], pkt('172.30.0.41', '10.9.9.9', 80))).toBe(true);
  });

  it('matches the hairpin set when a local endpoint talks to itself through its Service', () => {
    expect(ipsetTest(sets, 'KUBE-LOOP-BACK', ['dst', 'dst', 'src'], pkt('10.180.0.5', '10.180.0.5', 80))).toBe(true);
    expect(ipsetTest(sets, 'KUBE-LOOP-BACK', ['dst', 'dst', 'src'], pkt('10.180.0.4', '10.180.0.5', 80))).toBe(false);
  });

  it('matches bitmap:port on the port alone, for port protocols only', () => {
    expect(ipsetTest(sets, 'KUBE-NODE-PORT-TCP', ['dst'], pkt('1.1.1.1', '192.168.0.2', 3001))).toBe(true);
    expect(ipsetTest(sets, 'KUBE-NODE-PORT-TCP', ['dst'], pkt('1.1.1.1', '192.168.0.2', 3001, 'icmp'))).toBe(false);
  });

  it('matches hash:ip,port,net when the source is inside a source range', () => {
    const flags = ['dst', 'dst', 'src'];
    expect(ipsetTest(sets, 'KUBE-LOAD-BALANCER-SOURCE-CIDR', flags, pkt('203.0.113.2', '5.6.7.8', 80))).toBe(true);
    expect(ipsetTest(sets, 'KUBE-LOAD-BALANCER-SOURCE-CIDR', flags, pkt('203.0.113.130', '5.6.7.8', 80))).toBe(false);
  });

  it('matches hash:ip on the address and knows no unknown set', () => {
    expect(ipsetTest(sets, 'KUBE-IPVS-IPS', ['dst'], pkt('1.1.1.1', '172.30.0.46', 22))).toBe(true);
    expect(ipsetTest(sets, 'KUBE-NOPE', ['dst'], pkt('1.1.1.1', '172.30.0.46', 22))).toBe(false);
  });
});
