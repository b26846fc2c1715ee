// Test support: the inputs of the upstream kube-proxy unit tests whose expected rules are in
// ../shared/reference/iptables_Test*.txt and nftables_Test*.txt, rebuilt from each golden's
// header (services, endpoint slices, node) on top of the NewFakeProxier environment. Used only
// by tests.
import type { ProxyInput, ProxyServiceEntry } from '../types';
import { entry, FAKE_NFTABLES_PROXIER_ENV, fakeProxierInput, TEST_NODE_NAME, testEndpoint as ep, testServicePort as svc } from './fake-proxier';

/** The six Services of TestOverallIPTablesRules and TestOverallNFTablesRules (the same in both). */
function overallServices(): ProxyServiceEntry[] {
  return [
    entry(svc('ns1', 'svc1', { clusterIP: '172.30.0.41' }), [ep('10.180.0.1')]),
    entry(
      svc('ns2', 'svc2', {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.42',
        nodePort: 3001,
        loadBalancerIPs: ['1.2.3.4'],
        externalIPs: ['192.168.99.22'],
        healthCheckNodePort: 30000,
      }),
      [ep('10.180.0.2')],
    ),
    entry(svc('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', nodePort: 3003 }), [ep('10.180.0.3')]),
    entry(svc('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'] }), [
      ep('10.180.0.4'),
      ep('10.180.0.5', 80, { nodeName: TEST_NODE_NAME }),
    ]),
    entry(
      svc('ns5', 'svc5', {
        type: 'LoadBalancer',
        clusterIP: '172.30.0.45',
        nodePort: 3002,
        loadBalancerIPs: ['5.6.7.8'],
        healthCheckNodePort: 30000,
        loadBalancerSourceRanges: [' 203.0.113.0/25'],
        stickyMaxAgeSeconds: 10800,
      }),
      [ep('10.180.0.3')],
    ),
    entry(svc('ns6', 'svc6', { clusterIP: '172.30.0.46' })),
  ];
}

/** TestOverallIPTablesRules (recent master: nfacct counters present). */
export function overallIPTablesRules(): ProxyInput {
  return fakeProxierInput(overallServices());
}

/** TestOverallNFTablesRules: the nftables fake's --nodeport-addresses, and its ServiceCIDR. */
export function overallNFTablesRules(): ProxyInput {
  return fakeProxierInput(overallServices(), { ...FAKE_NFTABLES_PROXIER_ENV, serviceCIDRs: ['172.30.0.0/16'] });
}

/** TestExternalTrafficPolicyLocal (~v1.27: no nfacct counters). */
export function externalTrafficPolicyLocal(): ProxyInput {
  return fakeProxierInput(
    [
      entry(
        svc('ns1', 'svc1', {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          clusterIP: '172.30.0.41',
          nodePort: 3001,
          healthCheckNodePort: 30000,
          externalIPs: ['192.168.99.11'],
          loadBalancerIPs: ['1.2.3.4'],
        }),
        [ep('10.180.0.1'), ep('10.180.2.1', 80, { nodeName: TEST_NODE_NAME })],
      ),
    ],
    { nfacct: false },
  );
}

/** TestInternalTrafficPolicyE2E (~v1.27): one unnamed port, three endpoints, one on this node. */
export function internalTrafficPolicyE2E(policy: 'Cluster' | 'Local'): ProxyInput {
  return fakeProxierInput(
    [
      entry(svc('ns1', 'svc1', { portName: '', clusterIP: '172.30.1.1', internalTrafficPolicy: policy }), [
        ep('10.0.1.1', 80, { nodeName: TEST_NODE_NAME }),
        ep('10.0.1.2', 80, { nodeName: 'host1' }),
        ep('10.0.1.3', 80, { nodeName: 'host2' }),
      ]),
    ],
    { nfacct: false },
  );
}

/** TestMasqueradeRule (~v1.27): no Services, with or without --random-fully. */
export function masqueradeRule(randomFully: boolean): ProxyInput {
  return fakeProxierInput([], { nfacct: false, randomFully });
}
