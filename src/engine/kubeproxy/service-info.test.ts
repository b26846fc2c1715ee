import { describe, expect, it } from 'vitest';
import { writeIptablesRules } from './iptables';
import { writeIpvsState } from './ipvs-writer';
import { printNftablesTransaction } from './nftables-transaction';
import { writeNftablesRules } from './nftables-writer';
import { serviceInfo } from './service-info';
import { entry, fakeProxierInput, testEndpoint as ep, testServicePort as svc } from './testing/fake-proxier';
import type { ProxyServicePort } from './types';

const lb = (fields: Partial<ProxyServicePort> = {}): ProxyServicePort =>
  svc('ns1', 'lb', { type: 'LoadBalancer', clusterIP: '172.30.0.80', nodePort: 3080, loadBalancerIPs: ['5.6.7.9'], ...fields });

describe('serviceInfo (newBaseServiceInfo)', () => {
  it('skips headless ports and ClusterIPs of the other family', () => {
    expect(serviceInfo(svc('ns1', 'headless'), 4)).toBeNull();
    expect(serviceInfo(svc('ns1', 'v6', { clusterIP: 'fd00:172:30::41' }), 4)).toBeNull();
    expect(serviceInfo(svc('ns1', 'v6', { clusterIP: 'fd00:172:30::41' }), 6)?.clusterIP).toBe('fd00:172:30::41');
  });

  it('keeps the valid addresses of its family, printed as net.IP.String() does (leading zeros read as decimal)', () => {
    const info = serviceInfo(lb({ clusterIP: '172.030.0.80', externalIPs: ['010.1.1.1', '999.1.1.1', 'fd00::0001'], loadBalancerIPs: ['005.6.7.9'] }), 4)!;
    expect([info.clusterIP, info.externalIPs, info.loadBalancerVIPs]).toEqual(['172.30.0.80', ['10.1.1.1'], ['5.6.7.9']]);
    expect(serviceInfo(lb({ clusterIP: 'fd00::80', externalIPs: ['010.1.1.1', 'fd00::0001'] }), 6)!.externalIPs).toEqual(['fd00::1']);
  });

  it('reads source ranges as ParseCIDRSloppy does: trimmed, host bits cleared, leading zeros decimal', () => {
    const ranges = [' 203.0.113.0/25', '010.1.2.3/8 ', '2001:db8::/32'];
    expect(serviceInfo(lb({ loadBalancerSourceRanges: ranges }), 4)!.loadBalancerSourceRanges).toEqual(['203.0.113.0/25', '10.0.0.0/8']);
  });

  it('ignores a source range that is a bare address, has a dotted mask or a hex octet, which ParseCIDRSloppy refuses', () => {
    const ranges = ['1.2.3.4', '10.0.0.0/255.0.0.0', '0x0a.0.0.0/8', '10.0.0.0/33', ''];
    expect(serviceInfo(lb({ loadBalancerSourceRanges: ranges }), 4)!.loadBalancerSourceRanges).toEqual([]);
  });

  it('uses Cluster endpoints under internalTrafficPolicy=Local once the port is reachable from outside', () => {
    const itpLocal = { internalTrafficPolicy: 'Local' } as const;
    expect(serviceInfo(svc('ns1', 'in', { clusterIP: '172.30.0.1', ...itpLocal }), 4)).toMatchObject({ usesClusterEndpoints: false, usesLocalEndpoints: true });
    expect(serviceInfo(svc('ns1', 'np', { type: 'NodePort', clusterIP: '172.30.0.2', nodePort: 3002, ...itpLocal }), 4)).toMatchObject({
      externallyAccessible: true,
      usesClusterEndpoints: true,
      usesLocalEndpoints: true,
    });
  });

  it('uses Local endpoints for externalTrafficPolicy=Local only on an externally accessible port', () => {
    const etpLocal = { externalTrafficPolicy: 'Local' } as const;
    expect(serviceInfo(lb(etpLocal), 4)).toMatchObject({ externalPolicyLocal: true, usesClusterEndpoints: true, usesLocalEndpoints: true });
    // An IPv6-only external IP leaves the IPv4 port reachable only through its ClusterIP.
    const v6Only = serviceInfo(svc('ns1', 'ext', { clusterIP: '172.30.0.3', externalIPs: ['fd00::1'], ...etpLocal }), 4);
    expect(v6Only).toMatchObject({ externalPolicyLocal: true, externallyAccessible: false, usesLocalEndpoints: false });
  });

  it('gives a health check node port only to LoadBalancer Services with externalTrafficPolicy=Local', () => {
    expect(serviceInfo(lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 30000 }), 4)!.healthCheckNodePort).toBe(30000);
    expect(serviceInfo(lb({ healthCheckNodePort: 30000 }), 4)!.healthCheckNodePort).toBe(0);
    expect(serviceInfo(svc('ns1', 'np', { type: 'NodePort', clusterIP: '172.30.0.2', nodePort: 3002, externalTrafficPolicy: 'Local', healthCheckNodePort: 30000 }), 4)!.healthCheckNodePort).toBe(0);
  });
});

describe('the Service port every mode reads', () => {
  const input = fakeProxierInput([
    entry(lb({ externalIPs: ['010.1.1.1'], loadBalancerSourceRanges: ['010.0.0.0/8', '1.2.3.4', '10.0.0.0/255.0.0.0', '0x0a.0.0.0/8'] }), [ep('10.180.0.31')]),
  ]);

  it('firewalls the same source ranges in iptables, nftables and IPVS mode', () => {
    const iptables = writeIptablesRules(input).split('\n').filter((l) => l.startsWith('-A KUBE-FW-') && l.includes(' -s '));
    expect(iptables.map((l) => /-s (\S+)/.exec(l)?.[1])).toEqual(['10.0.0.0/8']);
    expect(printNftablesTransaction(writeNftablesRules(input))).toContain(' ip saddr != { 10.0.0.0/8 } drop\n');
    expect([...writeIpvsState(input).ipsets.get('KUBE-LOAD-BALANCER-SOURCE-CIDR')!.entries]).toEqual(['5.6.7.9,tcp:80,10.0.0.0/8']);
  });

  it('captures the same external IP in iptables, nftables and IPVS mode', () => {
    expect(writeIptablesRules(input)).toContain(' -d 10.1.1.1 --dport 80 -j KUBE-EXT-');
    expect(printNftablesTransaction(writeNftablesRules(input))).toContain('add element ip kube-proxy service-ips { 10.1.1.1 . tcp . 80 : goto external-');
    expect([...writeIpvsState(input).ipsets.get('KUBE-EXTERNAL-IP')!.entries]).toEqual(['10.1.1.1,tcp:80']);
  });
});
