// Test support for the nftables and IPVS writers: the inputs of kube-proxy's
// TestOverallNFTablesRules / TestOverallIPTablesRules (NewFakeProxier's environment) as a
// ProxyInput, and a generator for large clusters (the 10k-Service benchmark).
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry, ProxyServicePort } from './types';

const basePort: ProxyServicePort = {
  namespace: '',
  name: '',
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
};

const ep = (ip: string, nodeName?: string): ProxyEndpoint => ({
  ip,
  port: 80,
  ready: true,
  serving: true,
  terminating: false,
  ...(nodeName === undefined ? {} : { nodeName }),
});

const svc = (port: Partial<ProxyServicePort>, endpoints: readonly ProxyEndpoint[]): ProxyServiceEntry => ({
  port: { ...basePort, ...port },
  endpoints,
});

/** NewFakeProxier(IPv4) + the six Services of TestOverallNFTablesRules. */
export const overallTestInput: ProxyInput = {
  nodeName: 'test-node',
  // eth0 of the fake network: testNodeIP, testNodeIPAlt, testExternalIP
  nodeIPs: ['192.168.0.2', '192.168.1.2', '192.168.99.11'],
  localDetector: { mode: 'ClusterCIDR', cidr: '10.0.0.0/8' },
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: ['192.168.0.2/32', '2001:db8::1/128'],
  nfacct: true,
  randomFully: true,
  conntrackTcpBeLiberal: false,
  ipvsScheduler: 'rr',
  serviceCIDRs: ['172.30.0.0/16'],
  services: [
    svc({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41' }, [ep('10.180.0.1')]),
    svc(
      {
        namespace: 'ns2',
        name: 'svc2',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.42',
        nodePort: 3001,
        loadBalancerIPs: ['1.2.3.4'],
        externalIPs: ['192.168.99.22'],
        healthCheckNodePort: 30000,
      },
      // no NodeName: non-local
      [ep('10.180.0.2')],
    ),
    svc({ namespace: 'ns3', name: 'svc3', type: 'NodePort', clusterIP: '172.30.0.43', nodePort: 3003 }, [
      ep('10.180.0.3'),
    ]),
    svc({ namespace: 'ns4', name: 'svc4', type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'] }, [
      ep('10.180.0.4'),
      ep('10.180.0.5', 'test-node'),
    ]),
    svc(
      {
        namespace: 'ns5',
        name: 'svc5',
        type: 'LoadBalancer',
        clusterIP: '172.30.0.45',
        nodePort: 3002,
        loadBalancerIPs: ['5.6.7.8'],
        healthCheckNodePort: 30000,
        loadBalancerSourceRanges: [' 203.0.113.0/25'],
        stickyMaxAgeSeconds: 10800,
      },
      [ep('10.180.0.3')],
    ),
    svc({ namespace: 'ns6', name: 'svc6', clusterIP: '172.30.0.46' }, []),
  ],
};

/** A cluster of `services` ClusterIP Services sharing `endpoints` endpoints round-robin. */
export function largeProxyInput(services: number, endpoints: number): ProxyInput {
  const perService = Math.max(1, Math.floor(endpoints / services));
  const entries: ProxyServiceEntry[] = [];
  let e = 0;
  for (let i = 0; i < services; i++) {
    const eps: ProxyEndpoint[] = [];
    for (let j = 0; j < perService; j++, e++) {
      eps.push({
        ip: `10.${64 + ((e >> 16) & 63)}.${(e >> 8) & 255}.${e & 255}`,
        port: 8080,
        nodeName: `node-${e % 50}`,
        ready: true,
        serving: true,
        terminating: false,
      });
    }
    const nodePort = i % 10 === 0 ? 30000 + i / 10 : 0;
    entries.push({
      port: {
        ...basePort,
        namespace: `ns${i % 100}`,
        name: `svc${i}`,
        portName: 'http',
        type: nodePort === 0 ? 'ClusterIP' : 'NodePort',
        clusterIP: `10.96.${((i + 1) >> 8) & 255}.${(i + 1) & 255}`,
        nodePort,
        stickyMaxAgeSeconds: i % 7 === 0 ? 10800 : 0,
      },
      endpoints: eps,
    });
  }
  return { ...overallTestInput, nodeName: 'node-0', nodeIPs: ['192.168.0.10'], nodePortAddresses: [], services: entries };
}
