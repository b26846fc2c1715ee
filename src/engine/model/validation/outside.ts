// Outside hosts (podpath's spec.outsideHosts): real IPv4 addresses on the internet side,
// not inside the cluster's ranges, not the gateway's or the cloud network's, each name and
// address once.
import { cidrContains, ipToInt, type Cidr } from '../../lib/ip';
import type { CheckContext } from './context';
import { CLOUD_NETWORK } from './cluster';
import { parseStrictIPv4 } from './addresses';

export function checkOutsideHosts(ctx: CheckContext, cluster: readonly Cidr[]): void {
  const seen = new Map<string, string>();
  ctx.scenario.settings.outsideHosts.forEach((h, i) => {
    const field = `spec.outsideHosts[${i}].ip`;
    if (parseStrictIPv4(h.ip) === undefined) return; // the schema reported it
    const n = ipToInt(h.ip);
    if (cluster.some((c) => cidrContains(c, n))) ctx.out.error(ctx.settings, field, `outside host ${h.name} (${h.ip}) sits inside the cluster's own address ranges`);
    else if (cidrContains(CLOUD_NETWORK, n)) ctx.out.error(ctx.settings, field, `outside host ${h.name} (${h.ip}) is in 192.0.2.0/24, the cloud network of the gateway (192.0.2.1) and the load balancer pool (192.0.2.100-254)`);
    const clash = seen.get(h.ip) ?? seen.get(`name:${h.name}`);
    if (clash) ctx.out.error(ctx.settings, field, `outside host ${h.name} repeats the name or address of ${clash}`);
    seen.set(h.ip, h.name).set(`name:${h.name}`, h.name);
  });
}
