import { describe, expect, it } from 'vitest';
import type { NfEnv, NfPacket } from '../netfilter/eval-types';
import { nftablesEvaluate } from '../netfilter/nft/eval';
import { printNftablesTransaction } from './nftables-transaction';
import { writeNftablesRules } from './nftables-writer';
import { overallNFTablesRules } from './testing/golden-scenarios';
import type { ProxyEndpoint, ProxyInput, ProxyServicePort } from './types';

const overall = overallNFTablesRules();

const svc4 = overall.services[3]!; // 10.180.0.4 remote, 10.180.0.5 on test-node

function only(port: Partial<ProxyServicePort>, endpoints: readonly ProxyEndpoint[] = svc4.endpoints, patch: Partial<ProxyInput> = {}) {
  const input: ProxyInput = { ...overall, ...patch, services: [{ port: { ...svc4.port, ...port }, endpoints }] };
  const lines = printNftablesTransaction(writeNftablesRules(input, { masqueradeMarkText: '0x4000' })).split('\n');
  return { input, lines, rules: (chain: string) => lines.filter((l) => l.startsWith(`add rule ip kube-proxy ${chain} `)) };
}

const S = 'LAUZTJTB-ns4/svc4/tcp/p80';
const EP4 = 'endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80';
const EP5 = 'endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80';

describe('writeNftablesRules, per Service', () => {
  it('sends external traffic of an ETP=Local Service with a local endpoint to a local- chain', () => {
    const { rules, lines } = only({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIPs: ['9.10.11.12'] });
    expect(rules(`external-${S}`)).toEqual([
      `add rule ip kube-proxy external-${S} ip saddr 10.0.0.0/8 goto service-${S} comment "short-circuit pod traffic"`,
      `add rule ip kube-proxy external-${S} fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"`,
      `add rule ip kube-proxy external-${S} fib saddr type local goto service-${S} comment "short-circuit local traffic"`,
      `add rule ip kube-proxy external-${S} goto local-${S}`,
    ]);
    expect(rules(`local-${S}`)).toEqual([`add rule ip kube-proxy local-${S} numgen random mod 1 vmap { 0 : goto ${EP5} }`]);
    expect(lines.some((l) => l.startsWith('add element ip kube-proxy no-endpoint'))).toBe(false);
  });

  it('keeps the source IP of outside clients of an ETP=Local Service and reaches only the local endpoint', () => {
    const { input } = only({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIPs: ['9.10.11.12'] });
    const env: NfEnv = { addrType: () => 'UNICAST', random31: () => 0, nowSeconds: 0, recent: new Map() };
    const pkt: NfPacket = { src: '203.0.113.2', dst: '9.10.11.12', proto: 'tcp', sport: 1, dport: 80, mark: 0, ctstate: ['NEW'] };
    const r = nftablesEvaluate(writeNftablesRules(input), 'PREROUTING', pkt, env);
    expect(r.nat).toMatchObject({ kind: 'DNAT', toAddr: '10.180.0.5' });
    expect(r.mark).toBe(0);
  });

  it('drops ClusterIP traffic of an ITP=Local Service without a local endpoint', () => {
    const { lines, rules } = only({ internalTrafficPolicy: 'Local', externalIPs: [] }, [svc4.endpoints[0]!]);
    expect(lines).toContain('add element ip kube-proxy no-endpoint-services { 172.30.0.44 . tcp . 80 comment "ns4/svc4:p80" : drop }');
    expect(lines.filter((l) => l.startsWith('add chain ip kube-proxy endpoint-'))).toEqual([]);
    expect(rules(`service-${S}`)).toEqual([]);
  });

  it('serves ClusterIP traffic of an ITP=Local Service from the local- chain', () => {
    const { lines, rules } = only({ internalTrafficPolicy: 'Local', externalIPs: [] });
    expect(lines).toContain(`add element ip kube-proxy service-ips { 172.30.0.44 . tcp . 80 : goto local-${S} }`);
    expect(rules(`local-${S}`)[0]).toBe(
      `add rule ip kube-proxy local-${S} ip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade`,
    );
  });

  it('masquerades all ClusterIP traffic with --masquerade-all', () => {
    const { rules } = only({ externalIPs: [] }, svc4.endpoints, { masqueradeAll: true });
    expect(rules(`service-${S}`)[0]).toBe(`add rule ip kube-proxy service-${S} ip daddr 172.30.0.44 jump mark-for-masquerade`);
  });

  it('writes no ClusterIP masquerade rule and no pod short-circuit without a local detector', () => {
    const { rules } = only(
      { type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIPs: ['9.10.11.12'] },
      svc4.endpoints,
      { localDetector: { mode: 'None' } },
    );
    expect(rules(`service-${S}`)).toEqual([
      `add rule ip kube-proxy service-${S} numgen random mod 2 vmap { 0 : goto ${EP4} , 1 : goto ${EP5} }`,
    ]);
    expect(rules(`external-${S}`)[0]).toContain('fib saddr type local jump mark-for-masquerade');
  });

  it('uses serving, terminating endpoints when none is ready', () => {
    const terminating = svc4.endpoints.map((ep) => ({ ...ep, ready: false, serving: true, terminating: true }));
    const { rules } = only({ externalIPs: [] }, terminating);
    expect(rules(`service-${S}`)[1]).toContain('numgen random mod 2');
  });

  it('matches NodePorts on every local address when --nodeport-addresses is empty', () => {
    const { lines, rules } = only({ nodePort: 30080 }, svc4.endpoints, { nodePortAddresses: [] });
    expect(lines.some((l) => l.startsWith('add set ip kube-proxy nodeport-ips'))).toBe(false);
    expect(rules('services')).toContain(
      'add rule ip kube-proxy services fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports',
    );
    expect(rules('nodeport-endpoints-check')).toEqual([
      'add rule ip kube-proxy nodeport-endpoints-check ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports',
    ]);
  });

  it('lets the node reach its own LoadBalancer IP when a source range covers the node', () => {
    const { rules } = only({ type: 'LoadBalancer', loadBalancerIPs: ['9.10.11.12'], loadBalancerSourceRanges: ['192.168.0.0/16', '203.0.113.0/25'] });
    expect(rules(`firewall-${S}`)).toEqual([
      `add rule ip kube-proxy firewall-${S} ip saddr != { 192.168.0.0/16 , 203.0.113.0/25 , 9.10.11.12 } drop`,
    ]);
  });

  it('skips headless Services and IPv6 addresses', () => {
    const { lines } = only({ clusterIP: null });
    expect(lines.some((l) => l.includes('ns4/svc4'))).toBe(false);
    const v6 = only({ externalIPs: ['2001:db8::5', '192.168.99.33'] });
    expect(v6.lines.some((l) => l.includes('2001:db8'))).toBe(false);
  });
});
