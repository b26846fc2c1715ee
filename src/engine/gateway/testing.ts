// Test support: a kind cluster with Envoy Gateway, GatewayClass eg, a Gateway (listeners as
// given, HTTP on 80 by default), echo backends behind Services, the given HTTPRoutes, and a
// way to ask where Envoy sends a request, in a word: the Service's name, the status it
// answers itself, or "302 http://..." for a redirect.
import { clusterFrom } from '../testing/build';
import type { Cluster } from '../cluster/types';
import { backends } from '../ingress/testing';
import { gatewayModel, type GatewayModel } from './attach';
import { decideEnvoy, type EnvoyDecision } from './route';

export const EG = `apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {addons: [envoy-gateway]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
`;

export const gatewayDoc = (listeners = '  - {name: http, protocol: HTTP, port: 80}\n', name = 'eg', ns = 'default') => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec:
  gatewayClassName: eg
  listeners:
${listeners}`;

export interface GatewayLab {
  readonly cluster: Cluster;
  readonly model: GatewayModel;
  decide(host: string, target: string, o?: { method?: string; headers?: Record<string, string>; port?: number; draw?: number }): EnvoyDecision;
  where(host: string, target: string, o?: { method?: string; headers?: Record<string, string>; port?: number; draw?: number }): string;
}

export function gatewayLab(routes: string, services: readonly string[], o: { listeners?: string; extra?: string } = {}): GatewayLab {
  const cluster = clusterFrom(`${EG}${gatewayDoc(o.listeners)}${backends(services)}${o.extra ?? ''}${routes}`);
  const model = gatewayModel(cluster, cluster.scenario.routing.gateways[0]!);
  const decide: GatewayLab['decide'] = (host, target, r = {}) => decideEnvoy(cluster, model, r.port ?? 80, {
    method: r.method ?? 'GET', target, host, tls: false, headers: [['Host', host], ...Object.entries(r.headers ?? {})],
  }, (w) => (r.draw !== undefined ? r.draw : w.findIndex((x) => x > 0) < 0 ? undefined : w.findIndex((x) => x > 0)));
  return {
    cluster, model, decide,
    where(host, target, r) {
      const d = decide(host, target, r);
      switch (d.kind) {
        case 'no-route': return '404';
        case 'redirect': return `${d.status} ${d.location}`;
        case 'error': return String(d.status);
        case 'forward': return d.backend.service.split('/')[1]!;
      }
    },
  };
}

/** An HTTPRoute on Gateway eg from YAML lines for its spec's rules (and hostnames). */
export function routeDoc(name: string, body: string, meta = ''): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}${meta}}
spec:
  parentRefs: [{name: eg}]
${body}
`;
}
