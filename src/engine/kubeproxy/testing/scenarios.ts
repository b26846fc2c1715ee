// Test support: more node inputs beyond the upstream goldens, one per feature of the writer,
// and the list of every input the tests generate rules for (the checkIPTablesRuleJumps
// invariant runs over all of them). Used only by tests.
import type { ProxyEndpoint, ProxyInput } from '../types';
import { entry, fakeProxierInput, TEST_NODE_NAME, testEndpoint as ep, testServicePort as svc } from './fake-proxier';
import { externalTrafficPolicyLocal, internalTrafficPolicyE2E, masqueradeRule, overallIPTablesRules } from './golden-scenarios';

const local = { nodeName: TEST_NODE_NAME };

/** ETP=Local LoadBalancer whose only endpoint is on another node: short-circuit rules, filter DROPs. */
export function etpLocalWithoutLocalEndpoints(): ProxyInput {
  return fakeProxierInput([
    entry(
      svc('ns1', 'lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.50', nodePort: 3050, loadBalancerIPs: ['9.10.11.12'], healthCheckNodePort: 30050 }),
      [ep('10.180.3.1', 80, { nodeName: 'other' })],
    ),
  ]);
}

/** ITP=Local with no endpoint on this node: the cluster IP is DROPped in filter. */
export function itpLocalWithoutLocalEndpoints(): ProxyInput {
  return fakeProxierInput([entry(svc('ns1', 'svc1', { portName: '', clusterIP: '172.30.1.1', internalTrafficPolicy: 'Local' }), [ep('10.0.1.2', 80, { nodeName: 'host1' })])]);
}

/** ClientIP affinity over three endpoints, one of them this node's. */
export function affinityThreeEndpoints(): ProxyInput {
  return fakeProxierInput([
    entry(svc('ns1', 'sticky', { clusterIP: '172.30.0.60', stickyMaxAgeSeconds: 10800 }), [ep('10.180.0.11', 8080, local), ep('10.180.1.12', 8080), ep('10.180.2.13', 8080)]),
  ]);
}

/** Only terminating endpoints: Cluster and Local fall back to the serving ones. */
export function terminatingOnly(): ProxyInput {
  const term = (ip: string, fields: Partial<ProxyEndpoint> = {}): ProxyEndpoint => ep(ip, 80, { ready: false, serving: true, terminating: true, ...fields });
  return fakeProxierInput([
    entry(svc('ns1', 'term', { type: 'NodePort', clusterIP: '172.30.0.70', nodePort: 3070, externalTrafficPolicy: 'Local' }), [
      term('10.180.0.21', local),
      term('10.180.0.22'),
      ep('10.180.0.23', 80, { ready: false, serving: false, terminating: true }),
    ]),
  ]);
}

/** loadBalancerSourceRanges that include the node's own address (adds the LB-IP source rule). */
export function sourceRangeWithNode(): ProxyInput {
  return fakeProxierInput([
    entry(
      svc('ns1', 'fw', { type: 'LoadBalancer', clusterIP: '172.30.0.80', nodePort: 3080, loadBalancerIPs: ['5.6.7.9'], loadBalancerSourceRanges: ['203.0.113.0/25', '192.168.0.0/24'] }),
      [ep('10.180.0.31')],
    ),
  ]);
}

/** More than 1000 endpoints in total: "large cluster mode" drops the per-endpoint comments. */
export function largeCluster(): ProxyInput {
  const endpoints = Array.from({ length: 1001 }, (_, i) => ep(`10.181.${Math.floor(i / 250)}.${(i % 250) + 1}`));
  return fakeProxierInput([entry(svc('ns1', 'big', { clusterIP: '172.30.0.90' }), endpoints)]);
}

/** --nodeport-addresses without loopback: one KUBE-NODEPORTS jump per node address, no KUBE-FIREWALL. */
export function nodePortAddresses(): ProxyInput {
  return fakeProxierInput([entry(svc('ns1', 'np', { type: 'NodePort', clusterIP: '172.30.0.91', nodePort: 3091 }), [ep('10.180.0.41')])], {
    nodePortAddresses: ['192.168.0.0/16'],
  });
}

/** An IPv6 node: no KUBE-FIREWALL, `! -d ::1/128` on the NodePort jump, bracketed endpoints. */
export function ipv6Node(): ProxyInput {
  return fakeProxierInput([entry(svc('ns1', 'v6', { type: 'NodePort', clusterIP: 'fd00:172:30::41', nodePort: 3041 }), [ep('fd00:10:180::1'), ep('fd00:10:180::2')])], {
    nodeIPs: ['2001:db8::1'],
    localDetector: { mode: 'ClusterCIDR', cidr: 'fd00:10::/48' },
  });
}

/** A UDP and an SCTP port, --masquerade-all, and real kube-proxy's own mark text. */
export function otherProtocolsMasqueradeAll(): ProxyInput {
  return fakeProxierInput(
    [
      entry(svc('kube-system', 'kube-dns', { portName: 'dns', protocol: 'UDP', clusterIP: '172.30.0.10', port: 53 }), [ep('10.180.0.53', 53)]),
      entry(svc('ns1', 'sctp', { portName: 'assoc', protocol: 'SCTP', clusterIP: '172.30.0.11', port: 9999 }), [ep('10.180.0.54', 9999)]),
    ],
    { masqueradeAll: true, masqueradeMark: undefined, conntrackTcpBeLiberal: true, randomFully: true },
  );
}

export const ALL_SCENARIOS: Readonly<Record<string, () => ProxyInput>> = {
  overallIPTablesRules,
  externalTrafficPolicyLocal,
  itpCluster: () => internalTrafficPolicyE2E('Cluster'),
  itpLocal: () => internalTrafficPolicyE2E('Local'),
  masqueradeRule: () => masqueradeRule(false),
  masqueradeRuleRandomFully: () => masqueradeRule(true),
  etpLocalWithoutLocalEndpoints,
  itpLocalWithoutLocalEndpoints,
  affinityThreeEndpoints,
  terminatingOnly,
  sourceRangeWithNode,
  largeCluster,
  nodePortAddresses,
  ipv6Node,
  otherProtocolsMasqueradeAll,
};
