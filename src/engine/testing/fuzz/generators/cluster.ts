// Generators for the kind Cluster document and podpath's settings: one or more control
// planes, workers, every kube-proxy mode, a few pod and service subnets, the IPVS
// schedulers, masquerading and CoreDNS on or off.
import fc from 'fast-check';
import type { FuzzCluster, FuzzSettings } from '../model';
import { outsideHostsArb, routeEditsArb } from './outside';

export const clusterArb: fc.Arbitrary<FuzzCluster> = fc.record({
  controlPlanes: fc.integer({ min: 1, max: 2 }),
  workers: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom('iptables', 'ipvs', 'nftables', 'none'),
  // Pod and service subnets that fit together, from kind's defaults to the smallest a cluster takes.
  subnets: fc.constantFrom<readonly [string, string]>(
    ['10.244.0.0/16', '10.96.0.0/16'], ['10.244.0.0/16', '10.96.0.0/12'], ['10.100.0.0/16', '10.96.0.0/24'],
    ['192.168.0.0/16', '10.96.0.0/28'], ['10.244.0.0/20', '172.20.0.0/16'], ['10.244.0.0/16', '10.96.0.0/28'],
  ),
}).map(({ subnets: [podSubnet, serviceSubnet], ...rest }) => ({ ...rest, podSubnet: podSubnet!, serviceSubnet: serviceSubnet! }));

export const settingsArb: fc.Arbitrary<FuzzSettings> = fc.record({
  seed: fc.nat({ max: 2 ** 31 - 1 }),
  ipvsScheduler: fc.constantFrom('rr', 'wrr', 'lc', 'sh', 'mh'),
  egressMasquerade: fc.boolean(),
  systemPods: fc.boolean(),
  outsideHosts: outsideHostsArb,
  routes: routeEditsArb,
});
