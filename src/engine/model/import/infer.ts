// What kubectl's output does not say and a scenario needs: the pod and service subnets (the
// API server does not print --service-cluster-ip-range, nor kube-controller-manager its
// --cluster-cidr), and the nodes when only pods were pasted (their names from spec.nodeName,
// their addresses from status.hostIP, their pod ranges from the pods' addresses). kind's and
// kubeadm's defaults are taken when they hold everything seen; otherwise the smallest range
// that does (simplified: podpath cannot know the real flag).
import { cidrContains, intToIp, ipToInt, isIPv4, parseCidr } from '../../lib/ip';

function smallestHolding(ips: readonly number[], start: number, prefixes: readonly number[]): string | undefined {
  for (const prefix of prefixes) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    const net = (start & mask) >>> 0;
    if (ips.every((ip) => ((ip & mask) >>> 0) === net)) return `${intToIp(net)}/${prefix}`;
  }
  return undefined;
}

const ints = (ips: readonly string[]) => ips.filter(isIPv4).map(ipToInt);

/** The service subnet: kind's 10.96.0.0/16, kubeadm's 10.96.0.0/12, else what holds the ClusterIPs (from default/kubernetes's .1 when known). */
export function serviceSubnetOf(clusterIPs: readonly string[], kubernetesIP: string | undefined): { cidr: string; why: string } {
  const ips = ints(clusterIPs);
  for (const d of ['10.96.0.0/16', '10.96.0.0/12']) {
    const c = parseCidr(d);
    if (ips.every((ip) => cidrContains(c, ip)) && (!kubernetesIP || ipToInt(kubernetesIP) === c.net + 1)) {
      return { cidr: d, why: ips.length > 0 ? `serviceSubnet ${d} (${d.endsWith('/16') ? 'kind' : 'kubeadm'}'s default), which holds every ClusterIP` : `serviceSubnet ${d}, kind's default` };
    }
  }
  const start = kubernetesIP && isIPv4(kubernetesIP) ? ipToInt(kubernetesIP) - 1 : ips[0]!;
  const cidr = smallestHolding(ips, start, [24, 20, 16, 12, 8]) ?? '10.96.0.0/12';
  return { cidr, why: `serviceSubnet ${cidr}: the smallest range that holds every ClusterIP${kubernetesIP ? ` and starts below default/kubernetes's ${kubernetesIP}` : ''} (the API server does not print --service-cluster-ip-range)` };
}

/** The pod subnet: kind's 10.244.0.0/16 when it holds every pod range and address, else the /16 (or wider) that does. */
export function podSubnetOf(addresses: readonly string[]): { cidr: string; why: string } {
  const ips = ints(addresses);
  const kind = parseCidr('10.244.0.0/16');
  if (ips.every((ip) => cidrContains(kind, ip))) return { cidr: '10.244.0.0/16', why: 'podSubnet 10.244.0.0/16 (kind\'s default), which holds every pod address' };
  const cidr = smallestHolding(ips, ips[0]!, [16, 12, 8]) ?? '10.0.0.0/8';
  return { cidr, why: `podSubnet ${cidr}: the /16 (or wider) that holds every pod address and pod range (kube-controller-manager's --cluster-cidr is not printed)` };
}

/** A node's /24 as its pods' addresses show it, when the nodes were not pasted. */
export const podRangeOf = (podIP: string): string => `${podIP.split('.').slice(0, 3).join('.')}.0/24`;

/** kind's node names: <cluster>-control-plane[N], <cluster>-worker[N]. */
export function kindNames(names: readonly string[]): { cluster: string; roles: ('control-plane' | 'worker')[] } | null {
  const m = names.map((n) => /^(.+)-(control-plane|worker)(\d*)$/.exec(n));
  if (m.some((x) => x === null)) return null;
  const cluster = m[0]![1]!;
  if (m.some((x) => x![1] !== cluster)) return null;
  const count = (role: string) => m.filter((x) => x![2] === role).length;
  // kind numbers each role from 1 (no number) up: every name in between must be there.
  for (const role of ['control-plane', 'worker'] as const) {
    const nums = m.filter((x) => x![2] === role).map((x) => (x![3] === '' ? 1 : Number(x![3]))).sort((a, b) => a - b);
    if (nums.some((n, i) => n !== i + 1)) return null;
  }
  return { cluster, roles: [...Array<'control-plane'>(count('control-plane')).fill('control-plane'), ...Array<'worker'>(count('worker')).fill('worker')] };
}
