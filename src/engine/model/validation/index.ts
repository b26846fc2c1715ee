// The checks that span fields or documents, in one list. Each concept has its file here
// (names, labels, addresses, the cluster, outside hosts, pods, workloads, Services,
// EndpointSlices, unique names, sizes); a new kind or field adds its file and a line below.
import { parseCidr } from '../../lib/ip';
import type { ParsedDocs } from '../normalise';
import type { Scenario, ScenarioError } from '../types';
import { checkControlPlane, checkSubnets, checkSubnetSizes } from './cluster';
import { checkContext } from './context';
import { checkEndpointSlices } from './endpoint-slices';
import { checkOutsideHosts } from './outside';
import { checkPods } from './pods';
import { checkServiceAddresses } from './services';
import { checkNodePortRange, checkUpstreamDns } from './settings';
import { checkUniqueNames } from './uniqueness';
import { checkDeployments } from './workloads';

export { checkSizes } from './sizes';

export function checkScenario(s: Scenario, parsed: ParsedDocs): { errors: ScenarioError[]; warnings: ScenarioError[] } {
  const ctx = checkContext(s, parsed);
  checkNodePortRange(ctx);
  checkControlPlane(ctx);
  const { pod, service } = checkSubnets(ctx);
  checkSubnetSizes(ctx, pod, service);
  const ranges = [
    ...(pod ? [{ cidr: pod, what: `the pod subnet ${s.cluster.podSubnet}` }] : []),
    ...(service ? [{ cidr: service, what: `the service subnet ${s.cluster.serviceSubnet}` }] : []),
    { cidr: parseCidr(s.cluster.nodeSubnet), what: `the node network ${s.cluster.nodeSubnet}` },
  ];
  checkOutsideHosts(ctx, ranges.map((r) => r.cidr));
  checkUpstreamDns(ctx);
  checkUniqueNames(ctx);
  checkDeployments(ctx);
  checkPods(ctx);
  checkServiceAddresses(ctx, ranges);
  checkEndpointSlices(ctx);
  return { errors: ctx.out.errors, warnings: ctx.out.warnings };
}
