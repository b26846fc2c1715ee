// The kind Cluster document as kind, kubeadm and the kernel would take it: at least one
// control-plane node (kind's Cluster.Validate), subnets Go's net.ParseCIDR reads (no leading
// zeros: kind's validateSubnets), written as network addresses, outside the kernel's special
// ranges, not overlapping each other, the node network or the cloud network beyond the
// gateway; a pod subnet with a /24 for every node (--node-cidr-mask-size=24); a service
// subnet no larger than /12 (kubeadm's ValidateServiceSubnetSize, MaximumBitsForServiceSubnet
// 20) and holding the tenth address kubeadm gives kube-dns (constants.GetDNSIP).
import { cidrsOverlap, parseCidr, type Cidr } from '../../lib/ip';
import { cidrErrors, SPECIAL_RANGES } from './addresses';
import { invalid } from './field-errors';
import type { CheckContext } from './context';

/** The gateway's internet side and the cloud load balancer pool (192.0.2.100 onwards). */
export const CLOUD_NETWORK: Cidr = parseCidr('192.0.2.0/24');

export function checkControlPlane(ctx: CheckContext): void {
  const nodes = ctx.scenario.cluster.nodes;
  if (!nodes.some((n) => n.role === 'control-plane')) {
    ctx.out.error(ctx.cluster, 'nodes', 'must have at least one control-plane node (kind needs one to run kubeadm init)');
  }
}

/** The cluster's own ranges, each checked; the ones that parse. */
export function checkSubnets(ctx: CheckContext): { pod?: Cidr; service?: Cidr } {
  const s = ctx.scenario;
  const found: { pod?: Cidr; service?: Cidr } = {};
  const named = [
    { key: 'pod' as const, field: 'networking.podSubnet', text: s.cluster.podSubnet, kindName: 'pod subnet', what: 'podSubnet' },
    { key: 'service' as const, field: 'networking.serviceSubnet', text: s.cluster.serviceSubnet, kindName: 'service subnet', what: 'serviceSubnet' },
  ];
  const good: { field: string; what: string; cidr: Cidr }[] = [];
  for (const n of named) {
    const errs = cidrErrors(n.text);
    if (errs[0]?.startsWith('must be a valid CIDR') || errs[0]?.startsWith('must not have leading')) {
      // kind's own words: net.ParseCIDR refuses what is not four decimal octets and a length.
      ctx.out.error(ctx.cluster, n.field, `invalid ${n.kindName} failed to parse cidr value:${JSON.stringify(n.text)} with error: invalid CIDR address: ${n.text}`);
      continue;
    }
    if (errs.length > 0) { ctx.out.error(ctx.cluster, n.field, invalid(n.text, errs[0]!)); continue; }
    const cidr = parseCidr(n.text);
    const special = SPECIAL_RANGES.find((r) => cidrsOverlap(cidr, { net: r.net, prefix: r.prefix }));
    if (special) { ctx.out.error(ctx.cluster, n.field, invalid(n.text, `overlaps ${special.what}, which the kernel does not route like other addresses`)); continue; }
    found[n.key] = cidr;
    good.push({ field: n.field, what: n.what, cidr });
  }
  good.push({ field: '', what: `the node network ${s.cluster.nodeSubnet}`, cidr: parseCidr(s.cluster.nodeSubnet) });
  good.push({ field: '', what: 'the cloud network 192.0.2.0/24 beyond the gateway (the gateway 192.0.2.1 and the load balancer pool 192.0.2.100-254)', cidr: CLOUD_NETWORK });
  for (let i = 0; i < good.length; i++) {
    for (let j = i + 1; j < good.length; j++) {
      const a = good[i]!, b = good[j]!;
      if ((a.field || b.field) && cidrsOverlap(a.cidr, b.cidr)) {
        ctx.out.error(ctx.cluster, a.field || b.field, `${a.what} overlaps ${b.what}: every address must belong to one network`);
      }
    }
  }
  return found;
}

export function checkSubnetSizes(ctx: CheckContext, pod: Cidr | undefined, service: Cidr | undefined): void {
  const s = ctx.scenario;
  if (pod) {
    if (pod.prefix > 24) {
      ctx.out.error(ctx.cluster, 'networking.podSubnet', 'podSubnet must be /24 or larger: each node takes a /24 from it');
    } else if (2 ** (24 - pod.prefix) < s.cluster.nodes.length) {
      ctx.out.error(ctx.cluster, 'networking.podSubnet', `podSubnet ${s.cluster.podSubnet} holds ${2 ** (24 - pod.prefix)} node /24s, but the cluster has ${s.cluster.nodes.length} nodes`);
    }
  }
  if (service) {
    if (service.prefix < 12) {
      ctx.out.error(ctx.cluster, 'networking.serviceSubnet', invalid(s.cluster.serviceSubnet, 'specified service subnet is too large; for 32-bit addresses, the mask must be >= 12'));
    } else if (service.prefix > 28) {
      ctx.out.error(ctx.cluster, 'networking.serviceSubnet',
        `unable to get internal Kubernetes Service IP from the given service CIDR: can't generate IP with index 10 from subnet. subnet too small. subnet: ${JSON.stringify(s.cluster.serviceSubnet)} (kubeadm gives kube-dns the tenth address: use /28 or larger)`);
    }
  }
}
