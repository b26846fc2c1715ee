// Where nodes and pods get their addresses. kind's way for a new cluster: node i takes
// .(i+2) of the docker network and the i-th /24 of the pod subnet; host-local IPAM hands a
// node's pods .2, .3 ... of its /24. An observed cluster keeps what it reported (a node's
// InternalIP and spec.podCIDR, a pod's status.podIP); only what was not reported is
// allocated, from what is left free. Reported values that cannot be (outside their range,
// taken twice) are located errors.
import { cidrContains, cidrText, ipToInt, isIPv4, isValidCidr, nthAddress, nthSubnet, parseCidr, type Cidr } from '../lib/ip';
import type { ClusterNodeSpec, PodSpec, ScenarioError } from '../model/types';

type Located = Pick<ScenarioError, 'doc' | 'line' | 'object' | 'field'>;

export interface NodeAddresses {
  readonly ip: string;
  readonly podCidr: Cidr;
}

/** Each node's address and pod range, as reported or allocated. */
export function nodeAddresses(nodes: readonly ClusterNodeSpec[], nodeSubnet: Cidr, podSubnet: Cidr, errors: ScenarioError[]): NodeAddresses[] {
  const where = (n: ClusterNodeSpec, field: string): Located => ({ doc: n.observed?.source.doc ?? 0, line: n.observed?.source.line ?? 0, object: `Node ${n.name}`, field });
  const usedIps = new Set<number>([ipToInt(nthAddress(nodeSubnet, 1))]);
  const usedCidrs = new Set<number>();
  const ips: (string | undefined)[] = nodes.map((n) => {
    const ip = n.observed?.ip;
    if (ip === undefined) return undefined;
    const v = isIPv4(ip) ? ipToInt(ip) : NaN;
    if (Number.isNaN(v) || !cidrContains(nodeSubnet, v)) { errors.push({ ...where(n, 'status.addresses'), message: `InternalIP ${ip} is not on the node network ${cidrText(nodeSubnet)}: podpath puts every node on one network` }); return undefined; }
    if (usedIps.has(v)) { errors.push({ ...where(n, 'status.addresses'), message: `InternalIP ${ip} is taken twice` }); return undefined; }
    usedIps.add(v);
    return ip;
  });
  const cidrs: (Cidr | undefined)[] = nodes.map((n) => {
    const text = n.observed?.podCidr;
    if (text === undefined) return undefined;
    if (!isValidCidr(text) || parseCidr(text).prefix !== 24) { errors.push({ ...where(n, 'spec.podCIDR'), message: `spec.podCIDR "${text}" must be a /24: podpath gives each node a /24 podCIDR, as kube-controller-manager does by default` }); return undefined; }
    const c = parseCidr(text);
    if (!cidrContains(podSubnet, c.net)) { errors.push({ ...where(n, 'spec.podCIDR'), message: `spec.podCIDR ${text} is not in the pod subnet ${cidrText(podSubnet)}` }); return undefined; }
    if (usedCidrs.has(c.net)) { errors.push({ ...where(n, 'spec.podCIDR'), message: `spec.podCIDR ${text} is taken twice` }); return undefined; }
    usedCidrs.add(c.net);
    return c;
  });
  let nextIp = 2;
  let nextCidr = 0;
  return nodes.map((_, i) => {
    let ip = ips[i];
    while (ip === undefined) {
      const candidate = nthAddress(nodeSubnet, nextIp++);
      if (!usedIps.has(ipToInt(candidate))) { usedIps.add(ipToInt(candidate)); ip = candidate; }
    }
    let podCidr = cidrs[i];
    while (podCidr === undefined) {
      const candidate = nthSubnet(podSubnet, 24, nextCidr++);
      if (!usedCidrs.has(candidate.net)) { usedCidrs.add(candidate.net); podCidr = candidate; }
    }
    return { ip, podCidr };
  });
}

/** host-local IPAM for one node's /24: .1 is the bridge's; reported addresses are kept, others take the next free one. */
export class HostLocal {
  private readonly used = new Set<number>();
  private next = 2;
  constructor(private readonly cidr: Cidr) {}

  /** Keeps a reported address, or says why it cannot be kept. */
  reserve(ip: string, nodeName: string): string | null {
    if (!isIPv4(ip)) return `status.podIP "${ip}" is not an IPv4 address`;
    const v = ipToInt(ip);
    if (!cidrContains(this.cidr, v) || v === this.cidr.net || v === this.cidr.net + 1 || v === this.cidr.net + 255) {
      return `status.podIP ${ip} is not a pod address of node ${nodeName}'s range ${cidrText(this.cidr)}`;
    }
    if (this.used.has(v)) return `status.podIP ${ip} is taken twice on node ${nodeName}`;
    this.used.add(v);
    return null;
  }

  /** The next free address, or null when the /24 is full. */
  allocate(): string | null {
    while (this.next <= 254) {
      const v = this.cidr.net + this.next++;
      if (!this.used.has(v)) { this.used.add(v); return nthAddress(this.cidr, v - this.cidr.net); }
    }
    return null;
  }
}

/** Whether a pod keeps a reported address (pods with their own network namespace only). */
export const reportedIP = (pod: PodSpec): string | undefined => (pod.hostNetwork ? undefined : pod.observedIP);
