// The layer-7 proxies' routing tables, as plain data for the app: for each ingress-nginx
// controller, its servers and locations (the Ingress paths they came from, the upstream and
// its endpoints); for each Gateway Envoy Gateway programs, its ports, virtual hosts and routes
// in the order Envoy tries them. A row names the rule it shows (RouteRef), so the app can
// light the one a proxy hop followed without reading any text.
import type { Cluster } from '../cluster/types';
import type { RouteRef } from '../trace/types';
import { nginxModelOf } from '../ingress/serve';
import { servesIngress, nginxController } from '../ingress/controller';
import { locationDirective, routeRef } from '../ingress/describe';
import { DEFAULT_SERVER } from '../ingress/servers';
import { gatewayModelOf, routeRefOf } from '../gateway/serve';
import { resolveBackend } from '../gateway/backends';
import { envoyProxyName } from '../model/gateway-infra';
import { ENVOY_GATEWAY_NS } from '../model/addons';

export interface RoutingRow {
  /** The rule the row shows; absent for a server's own default (the controller's 404). */
  readonly route?: RouteRef;
  /** The host it serves: a name, `*.example.com`, or "*" for any. */
  readonly host: string;
  /** The match as the object writes it: `Prefix /cart`, `PathPrefix /cart, method GET`, `default backend`. */
  readonly match: string;
  /** The same in the proxy's own configuration: `location "/cart/"`, `listener :80`. */
  readonly detail: string;
  /** Where it sends a request: a Service and port, or what the proxy answers itself. */
  readonly backend: string;
  readonly endpoints: readonly string[];
}

export interface RoutingTable {
  readonly proxy: 'ingress-nginx' | 'envoy';
  /** The controller pod (NAMESPACE/POD) or the Gateway (NAMESPACE/NAME): what ProxyView.instance names. */
  readonly instance: string;
  readonly title: string;
  /** The Service the proxy is reached through, with its load balancer's address. */
  readonly entry?: string;
  readonly rows: readonly RoutingRow[];
  /** Objects the proxy leaves alone, and why. */
  readonly notes: readonly string[];
}

function nginxTables(cluster: Cluster): RoutingTable[] {
  const out: RoutingTable[] = [];
  for (const pod of cluster.pods) {
    const ctl = nginxController(cluster, pod);
    const built = ctl && nginxModelOf(cluster, pod);
    if (!ctl || !built) continue;
    const rows: { -readonly [K in keyof RoutingRow]: RoutingRow[K] }[] = [];
    for (const server of built.model.servers) {
      const host = server.hostname === DEFAULT_SERVER ? '*' : server.hostname;
      for (const l of server.locations) {
        const u = built.model.upstreams.get(l.upstream)!;
        // A Prefix path's two locations (the prefix and its exact twin) are one row.
        const twin = l.origin && rows.find((r) => r.host === host && r.route && r.route.field === l.origin!.field && `${r.route.namespace}/${r.route.name}` === l.origin!.ingress);
        if (twin) { twin.detail = `${twin.detail} and ${locationDirective(l)}`; continue; }
        rows.push({
          ...(l.origin ? { route: routeRef(l.origin) } : {}), host,
          match: l.origin && l.origin.field !== 'spec.defaultBackend' ? `${l.pathType} ${l.ingressPath}` : l.origin ? 'defaultBackend' : 'no path matches',
          detail: locationDirective(l),
          backend: u.name === 'upstream-default-backend' ? 'default backend (404)' : u.endpoints.length === 0 ? `${u.service}:${u.servicePort} → 503 (${u.problem})` : `${u.service}:${u.servicePort}${u.viaClusterIP ? ' (service-upstream)' : ''}`,
          endpoints: u.endpoints.map((e) => `${e.ip}:${e.port}`),
        });
      }
    }
    const svc = cluster.services.find((s) => s.selector && Object.entries(s.selector).every(([k, v]) => pod.spec.labels[k] === v) && s.namespace === pod.spec.namespace && s.loadBalancerIP);
    const notes = cluster.scenario.routing.ingresses.map((i) => ({ i, s: servesIngress(cluster, ctl, i) })).filter((x) => !x.s.serves).map((x) => `Ingress ${x.i.namespace}/${x.i.name} is not served: ${x.s.why}.`);
    out.push({
      proxy: 'ingress-nginx', instance: pod.key, title: `ingress-nginx in pod ${pod.key} (IngressClass controller ${ctl.controllerClass})`,
      ...(svc ? { entry: `Service ${svc.key}, load balancer ${svc.loadBalancerIP}` } : {}), rows, notes,
    });
  }
  return out;
}

function envoyTables(cluster: Cluster): RoutingTable[] {
  const out: RoutingTable[] = [];
  for (const gw of cluster.scenario.routing.gateways) {
    const model = gatewayModelOf(cluster, gw.namespace, gw.name);
    if (!model?.accepted) continue;
    const rows: RoutingRow[] = [];
    for (const port of model.ports) {
      for (const vh of port.virtualHosts) {
        for (const r of vh.routes) {
          const m = r.match;
          const parts = [`${m.path.type} ${m.path.value}`, ...(m.method ? [`method ${m.method}`] : []), ...m.headers.map((h) => `header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`), ...m.queryParams.map((q) => `query ${q.name}=${q.value}`)];
          const redirect = r.rule.filters.find((f) => f.type === 'RequestRedirect');
          const backends = r.rule.backendRefs.map((b) => resolveBackend(cluster, r.route, b));
          rows.push({
            route: routeRefOf(r), host: vh.domain, match: parts.join(', '), detail: `listener :${port.port} (pod :${port.containerPort}), rule ${r.ruleIndex} match ${r.matchIndex}`,
            backend: redirect ? `redirect ${redirect.requestRedirect?.statusCode ?? 302}` : backends.length === 0 ? '500 (no backendRefs)'
              : backends.map((b) => (b.kind === 'invalid' ? `${b.ref.name} → 500 (${b.reason})` : `${b.service}:${b.port}${backends.length > 1 ? ` weight ${b.weight}` : ''}${b.endpoints.length === 0 ? ' → 503' : ''}`)).join(', '),
            endpoints: backends.flatMap((b) => (b.kind === 'service' ? b.endpoints.map((e) => `${e.ip}:${e.port}`) : [])),
          });
        }
      }
    }
    const svc = cluster.service(`${ENVOY_GATEWAY_NS}/${envoyProxyName(gw.namespace, gw.name)}`);
    const notes = model.routeStatus.filter((s) => !s.accepted).map((s) => `HTTPRoute ${s.route} (parentRefs[${s.parentRef}]) is not attached: ${s.reason}.`);
    out.push({
      proxy: 'envoy', instance: `${gw.namespace}/${gw.name}`, title: `Gateway ${gw.namespace}/${gw.name} (Envoy Gateway, class ${gw.doc.spec.gatewayClassName})`,
      ...(svc?.loadBalancerIP ? { entry: `Service ${svc.key}, load balancer ${svc.loadBalancerIP}` } : {}), rows, notes,
    });
  }
  return out;
}

export function routingTables(cluster: Cluster): readonly RoutingTable[] {
  return [...nginxTables(cluster), ...envoyTables(cluster)];
}
