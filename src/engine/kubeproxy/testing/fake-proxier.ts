// Test support: the ProxyInput that kube-proxy's NewFakeProxier (proxier_test.go) plus the
// makeTestService / makeTestEndpointSlice helpers produce, so upstream unit tests can be
// replayed against our generator. Used only by tests.
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry, ProxyServicePort } from '../types';

export const TEST_NODE_NAME = 'test-node';
/** testNodeIP first, then the fake's other eth0 addresses (testNodeIPAlt, testExternalIP). */
export const TEST_NODE_IPS = ['192.168.0.2', '192.168.1.2', '192.168.99.11'] as const;

/** The kube-proxy configuration fields NewFakeProxier sets, as opposed to cluster state. */
export type FakeProxierEnv = Pick<
  ProxyInput,
  'nodeIPs' | 'masqueradeAll' | 'masqueradeBit' | 'masqueradeMark' | 'localhostNodePorts' | 'nodePortAddresses' | 'nfacct' | 'randomFully' | 'conntrackTcpBeLiberal' | 'ipvsScheduler'
>;

/**
 * NewFakeProxier (iptables, IPv4): the fake's eth0 addresses, mark "0x4000" (real kube-proxy
 * writes 0x00004000), nfacct counters present, localhost NodePorts on, no --nodeport-addresses,
 * iptables without --random-fully.
 */
export const FAKE_PROXIER_ENV: FakeProxierEnv = {
  nodeIPs: TEST_NODE_IPS,
  masqueradeAll: false,
  masqueradeBit: 14,
  masqueradeMark: '0x4000',
  localhostNodePorts: true,
  nodePortAddresses: [],
  nfacct: true,
  randomFully: false,
  conntrackTcpBeLiberal: false,
  ipvsScheduler: 'rr',
};

/** NewFakeProxier in pkg/proxy/nftables: the same, plus its --nodeport-addresses. */
export const FAKE_NFTABLES_PROXIER_ENV: FakeProxierEnv = {
  ...FAKE_PROXIER_ENV,
  nodePortAddresses: [`${TEST_NODE_IPS[0]}/32`, '2001:db8::1/128'],
};

/**
 * What a node's ProxyInput becomes under the fake proxier's kube-proxy configuration. Only
 * configuration is replaced: the node, the local detector's CIDR, the ServiceCIDRs and every
 * Service and endpoint stay as the cluster gave them.
 */
export function fakeProxierEnv(input: ProxyInput, env: FakeProxierEnv = FAKE_PROXIER_ENV, overrides: Partial<FakeProxierEnv> = {}): ProxyInput {
  return { ...input, ...env, ...overrides };
}

/** NewFakeProxier: IPv4, DetectLocalByCIDR 10.0.0.0/8, mark "0x4000", nfacct counters present. */
export function fakeProxierInput(services: readonly ProxyServiceEntry[], overrides: Partial<ProxyInput> = {}): ProxyInput {
  return {
    nodeName: TEST_NODE_NAME,
    localDetector: { mode: 'ClusterCIDR', cidr: '10.0.0.0/8' },
    ...FAKE_PROXIER_ENV,
    services,
    ...overrides,
  };
}

/** makeTestService: a ClusterIP Service port with every optional field empty. */
export function testServicePort(namespace: string, name: string, fields: Partial<ProxyServicePort> = {}): ProxyServicePort {
  return {
    namespace,
    name,
    portName: 'p80',
    protocol: 'TCP',
    type: 'ClusterIP',
    clusterIP: null,
    port: 80,
    nodePort: 0,
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    healthCheckNodePort: 0,
    stickyMaxAgeSeconds: 0,
    ...fields,
  };
}

/** An EndpointSlice endpoint with no conditions set (so ready and serving). */
export function testEndpoint(ip: string, port = 80, fields: Partial<ProxyEndpoint> = {}): ProxyEndpoint {
  return { ip, port, ready: true, serving: true, terminating: false, ...fields };
}

export function entry(port: ProxyServicePort, endpoints: readonly ProxyEndpoint[] = []): ProxyServiceEntry {
  return { port, endpoints };
}
