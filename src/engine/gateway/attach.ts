// What Envoy Gateway programs for one Gateway (internal/gatewayapi: listener.go, route.go,
// sort.go): the GatewayClass must be its own; each HTTP or HTTPS listener takes the
// HTTPRoutes whose parentRefs name the Gateway (and its sectionName or port, if given), that
// its allowedRoutes let in (namespaces Same, All or Selector; kinds) and whose hostnames
// intersect its own. Routes are taken oldest first, then by namespace/name; each
// (route, rule, match) becomes an Envoy route in the virtual host of each name it serves,
// and each virtual host's routes are sorted by Envoy Gateway's precedence (match.ts).
import type { Cluster } from '../cluster/types';
import type { GatewayDoc, HttpRouteDoc } from '../model/schemas-routing';
import type { Routed } from '../model/types';
import { ENVOY_GATEWAY_CONTROLLER, envoyContainerPort } from '../model/gateway-infra';
import { intersect } from './hostnames';
import { sortRoutes, type GwRoute } from './match';

type Listener = GatewayDoc['spec']['listeners'][number];

export interface GwVirtualHost {
  /** The name Envoy matches the Host header against: exact, `*.` wildcard, or "*". */
  readonly domain: string;
  readonly routes: readonly GwRoute[];
}

export interface GwPort {
  readonly port: number;
  readonly containerPort: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly listeners: readonly Listener[];
  readonly virtualHosts: readonly GwVirtualHost[];
}

export interface GwRouteStatus {
  readonly route: string;
  readonly parentRef: number;
  readonly accepted: boolean;
  readonly reason: string;
}

export interface GatewayModel {
  readonly gateway: Routed<GatewayDoc>;
  readonly accepted: boolean;
  readonly why: string;
  readonly ports: readonly GwPort[];
  readonly routeStatus: readonly GwRouteStatus[];
}

const key = (r: Routed<unknown>) => `${r.namespace}/${r.name}`;

/** Resources.Sort(): oldest first, then namespace, then name. */
export function routeOrder(routes: readonly Routed<HttpRouteDoc>[]): Routed<HttpRouteDoc>[] {
  return [...routes].sort((a, b) => {
    const ta = a.created ?? Infinity, tb = b.created ?? Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

function allowed(cluster: Cluster, gw: Routed<GatewayDoc>, l: Listener, route: Routed<HttpRouteDoc>): boolean {
  const kinds = l.allowedRoutes.kinds;
  if (kinds && !kinds.some((k) => k.kind === 'HTTPRoute' && (k.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io')) return false;
  const from = l.allowedRoutes.namespaces;
  switch (from.from) {
    case 'All': return true;
    case 'Same': return route.namespace === gw.namespace;
    case 'None': return false;
    case 'Selector': {
      const labels = cluster.scenario.namespaces.find((n) => n.name === route.namespace)?.labels ?? {};
      const want = from.selector?.matchLabels ?? {};
      return Object.entries(want).every(([k, v]) => labels[k] === v);
    }
  }
}

export function gatewayModel(cluster: Cluster, gw: Routed<GatewayDoc>): GatewayModel {
  const cls = cluster.scenario.routing.gatewayClasses.find((c) => c.name === gw.doc.spec.gatewayClassName);
  const none = (why: string): GatewayModel => ({ gateway: gw, accepted: false, why, ports: [], routeStatus: [] });
  if (!cls) return none(`GatewayClass ${gw.doc.spec.gatewayClassName} does not exist`);
  if (cls.doc.spec.controllerName !== ENVOY_GATEWAY_CONTROLLER) return none(`GatewayClass ${cls.name} belongs to ${cls.doc.spec.controllerName}, not Envoy Gateway`);
  const listeners = gw.doc.spec.listeners.filter((l) => l.protocol === 'HTTP' || l.protocol === 'HTTPS');
  const routeStatus: GwRouteStatus[] = [];
  // Envoy routes per listener, in route order, before sorting.
  const perListener = new Map<string, { domain: string; route: GwRoute }[]>();
  let order = 0;
  for (const route of routeOrder(cluster.scenario.routing.httpRoutes)) {
    route.doc.spec.parentRefs.forEach((p, pi) => {
      if (p.group !== 'gateway.networking.k8s.io' || p.kind !== 'Gateway' || p.name !== gw.name || (p.namespace ?? route.namespace) !== gw.namespace) return;
      const candidates = listeners.filter((l) => (p.sectionName === undefined || l.name === p.sectionName) && (p.port === undefined || l.port === p.port));
      if (candidates.length === 0) { routeStatus.push({ route: key(route), parentRef: pi, accepted: false, reason: 'NoMatchingParent' }); return; }
      const admitted = candidates.filter((l) => allowed(cluster, gw, l, route));
      if (admitted.length === 0) { routeStatus.push({ route: key(route), parentRef: pi, accepted: false, reason: 'NotAllowedByListeners' }); return; }
      let attached = false;
      for (const l of admitted) {
        const names = intersect(l.hostname, route.doc.spec.hostnames);
        if (names.length === 0) continue;
        attached = true;
        const list = perListener.get(l.name) ?? [];
        route.doc.spec.rules.forEach((rule, ri) => rule.matches.forEach((match, mi) => {
          const o = order++;
          for (const domain of names) list.push({ domain, route: { route, ruleIndex: ri, matchIndex: mi, rule, match, order: o } });
        }));
        perListener.set(l.name, list);
      }
      routeStatus.push({ route: key(route), parentRef: pi, accepted: attached, reason: attached ? 'Accepted' : 'NoMatchingListenerHostname' });
    });
  }
  const ports = new Map<number, { protocol: 'HTTP' | 'HTTPS'; listeners: Listener[]; vhs: Map<string, GwRoute[]> }>();
  for (const l of listeners) {
    const p = ports.get(l.port) ?? { protocol: l.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP', listeners: [], vhs: new Map<string, GwRoute[]>() };
    ports.set(l.port, p);
    p.listeners.push(l);
    for (const { domain, route } of perListener.get(l.name) ?? []) p.vhs.set(domain, [...(p.vhs.get(domain) ?? []), route]);
  }
  const sorted: GwPort[] = [...ports].map(([port, p]) => ({
    port, containerPort: envoyContainerPort(port), protocol: p.protocol, listeners: p.listeners,
    virtualHosts: [...p.vhs].map(([domain, routes]) => ({ domain, routes: sortRoutes(routes) })),
  }));
  return { gateway: gw, accepted: true, why: `GatewayClass ${cls.name} (${ENVOY_GATEWAY_CONTROLLER})`, ports: sorted, routeStatus };
}
