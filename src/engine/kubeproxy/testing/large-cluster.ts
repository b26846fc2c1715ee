// Test support: a generated cluster for the 10,000-Service benchmarks of every mode (and the
// tests that want many Services): ClusterIP Services, every tenth a NodePort, every seventh
// with ClientIP affinity, their endpoints spread round-robin over 50 nodes, seen from node-0.
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry } from '../types';
import { entry, fakeProxierInput, testEndpoint, testServicePort } from './fake-proxier';

/** A cluster of `services` Services sharing `endpoints` endpoints round-robin. */
export function largeProxyInput(services: number, endpoints: number): ProxyInput {
  const perService = Math.max(1, Math.floor(endpoints / services));
  const entries: ProxyServiceEntry[] = [];
  let e = 0;
  for (let i = 0; i < services; i++) {
    const eps: ProxyEndpoint[] = [];
    for (let j = 0; j < perService; j++, e++) {
      eps.push(testEndpoint(`10.${64 + ((e >> 16) & 63)}.${(e >> 8) & 255}.${e & 255}`, 8080, { nodeName: `node-${e % 50}` }));
    }
    const nodePort = i % 10 === 0 ? 30000 + i / 10 : 0;
    const port = testServicePort(`ns${i % 100}`, `svc${i}`, {
      portName: 'http',
      type: nodePort === 0 ? 'ClusterIP' : 'NodePort',
      clusterIP: `10.96.${((i + 1) >> 8) & 255}.${(i + 1) & 255}`,
      nodePort,
      stickyMaxAgeSeconds: i % 7 === 0 ? 10800 : 0,
    });
    entries.push(entry(port, eps));
  }
  // A real node's kube-proxy: it derives the mark text itself, and iptables has --random-fully.
  return fakeProxierInput(entries, {
    nodeName: 'node-0',
    nodeIPs: ['192.168.0.10'],
    masqueradeMark: undefined,
    randomFully: true,
    serviceCIDRs: ['172.30.0.0/16'],
  });
}
