// Service addresses that would make two things answer for one address: a load balancer IP
// (spec.loadBalancerIP or status.loadBalancer.ingress[].ip) on the gateway, inside the
// cluster's ranges, on an outside host or on another Service's load balancer; external IPs
// that ValidateEndpointIP refuses (pkg/apis/core/validation applies it to externalIPs too).
// The API-server checks of ports, types and policies are in services/allocate.ts.
import { cidrContains, ipToInt, nthAddress, parseCidr, type Cidr } from '../../lib/ip';
import type { ServiceDoc } from '../schemas';
import { endpointIpErrors, parseStrictIPv4 } from './addresses';
import { invalid } from './field-errors';
import type { CheckContext } from './context';

export function checkServiceAddresses(ctx: CheckContext, ranges: readonly { readonly cidr: Cidr; readonly what: string }[]): void {
  const s = ctx.scenario;
  const gateways = new Map([[nthAddress(parseCidr(s.cluster.nodeSubnet), 1), 'the gateway on the node network'], ['192.0.2.1', 'the gateway on the internet side']]);
  const hosts = new Map(s.settings.outsideHosts.map((h) => [h.ip, h.name]));
  const lbOwners = new Map<string, string>();
  for (const m of s.services) {
    const doc = m.body as unknown as ServiceDoc;
    const w = { doc: m.source.doc, line: m.source.line, fields: m.source.fields, object: `Service ${m.namespace}/${m.name}` };
    const lbIps: { ip: string; field: string }[] = [
      ...(doc.spec.loadBalancerIP ? [{ ip: doc.spec.loadBalancerIP, field: 'spec.loadBalancerIP' }] : []),
      ...(doc.status?.loadBalancer?.ingress ?? []).flatMap((g, i) => (g.ip ? [{ ip: g.ip, field: `status.loadBalancer.ingress[${i}].ip` }] : [])),
    ];
    const seenHere = new Set<string>();
    for (const { ip, field } of lbIps) {
      if (parseStrictIPv4(ip) === undefined) continue; // the schema said why
      const n = ipToInt(ip);
      const clash = gateways.get(ip) ?? (hosts.has(ip) ? `outside host ${hosts.get(ip)}` : undefined)
        ?? ranges.find((r) => cidrContains(r.cidr, n))?.what
        ?? (lbOwners.has(ip) && lbOwners.get(ip) !== m.name ? `the load balancer of Service ${lbOwners.get(ip)}` : undefined);
      if (clash) ctx.out.error(w, field, invalid(ip, `a load balancer address must be its own: this one is ${clash.startsWith('the ') || clash.startsWith('outside') ? '' : 'in '}${clash}`));
      if (!seenHere.has(ip)) lbOwners.set(ip, `${m.namespace}/${m.name}`);
      seenHere.add(ip);
    }
    doc.spec.externalIPs.forEach((ip, i) => {
      if (parseStrictIPv4(ip) === undefined) return;
      for (const msg of endpointIpErrors(ip)) ctx.out.error(w, `spec.externalIPs[${i}]`, invalid(ip, msg));
    });
  }
}
