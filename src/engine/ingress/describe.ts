// ingress-nginx's decisions in the words and syntax a learner meets them in: the Ingress
// rule as YAML, the nginx location it became, the upstream's endpoints.
import { stringify } from 'yaml';
import type { Cluster } from '../cluster/types';
import type { IngressDoc } from '../model/schemas-routing';
import type { RouteRef } from '../trace/types';
import type { LocationOrigin, NginxLocation } from './servers';
import type { Upstream } from './upstreams';

function ingressOf(cluster: Cluster, key: string): IngressDoc | undefined {
  return cluster.scenario.routing.ingresses.find((i) => `${i.namespace}/${i.name}` === key)?.doc;
}

/** The matched part of the Ingress, as YAML with a comment naming the object and field. */
export function originYaml(cluster: Cluster, origin: LocationOrigin): string {
  const ing = ingressOf(cluster, origin.ingress);
  const head = `# Ingress ${origin.ingress}, ${origin.field}\n`;
  if (!ing) return head;
  if (origin.field === 'spec.defaultBackend') return head + stringify({ defaultBackend: ing.spec.defaultBackend });
  const m = /^spec\.rules\[(\d+)\]\.http\.paths\[(\d+)\]$/.exec(origin.field);
  const rule = m ? ing.spec.rules[Number(m[1])] : undefined;
  const path = rule?.http?.paths[Number(m![2])];
  if (!rule || !path) return head;
  return head + stringify({ ...(rule.host ? { host: rule.host } : {}), http: { paths: [{ path: path.path, pathType: path.pathType, backend: path.backend }] } });
}

export function routeRef(origin: LocationOrigin): RouteRef {
  const [namespace, name] = origin.ingress.split('/') as [string, string];
  return { kind: 'Ingress', namespace, name, field: origin.field };
}

/** The location directive as nginx.tmpl's buildLocation writes it. */
export function locationDirective(l: NginxLocation): string {
  switch (l.modifier) {
    case 'exact': return `location = "${l.path}"`;
    case 'prefix': return `location "${l.path}"`;
    case 'regex': return `location ~* "^${l.path}"`;
  }
}

export function serverLine(hostname: string): string {
  return hostname === '_' ? 'server_name _ (the catch-all server, for hosts no Ingress names)' : `server_name ${hostname}`;
}

/** The upstream as the Lua balancer holds it. */
export function upstreamText(u: Upstream): string {
  const eps = u.endpoints.map((e) => `${e.ip}:${e.port}`).join(', ');
  return `upstream ${u.name}: ${u.viaClusterIP ? `the Service's ClusterIP ${eps} (service-upstream)` : `endpoints ${eps || 'none'}`}, load-balance ${u.loadBalance}`;
}
