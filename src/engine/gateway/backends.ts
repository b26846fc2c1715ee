// An HTTPRoute's backendRefs as Envoy Gateway resolves them (internal/gatewayapi
// route.go processDestination, validate.go): a Service in the route's namespace or, with a
// ReferenceGrant that allows it, another; its port is required; the endpoints are the ready
// addresses of the EndpointSlices on that port (EDS). An invalid ref keeps its weight and
// answers 500 for its share; a valid one without endpoints answers 503.
import type { Cluster } from '../cluster/types';
import type { HttpRouteDoc } from '../model/schemas-routing';
import type { Routed } from '../model/types';
import type { UpstreamEndpoint } from '../ingress/upstreams';

type BackendRefDoc = HttpRouteDoc['spec']['rules'][number]['backendRefs'][number];

export type GwBackend =
  | { readonly kind: 'service'; readonly ref: BackendRefDoc; readonly service: string; readonly port: number; readonly weight: number; readonly endpoints: readonly UpstreamEndpoint[] }
  | { readonly kind: 'invalid'; readonly ref: BackendRefDoc; readonly weight: number; readonly reason: string; readonly why: string };

interface GrantDoc { spec?: { from?: { group?: string; kind?: string; namespace?: string }[]; to?: { group?: string; kind?: string; name?: string }[] } }

/** A ReferenceGrant in the Service's namespace that lets HTTPRoutes of the route's namespace name it. */
function granted(cluster: Cluster, fromNs: string, toNs: string, name: string): boolean {
  return cluster.scenario.other.some((o) => {
    if (o.kind !== 'ReferenceGrant' || o.namespace !== toNs) return false;
    const spec = (o.body as GrantDoc).spec;
    const from = spec?.from?.some((f) => f.group === 'gateway.networking.k8s.io' && f.kind === 'HTTPRoute' && f.namespace === fromNs);
    const to = spec?.to?.some((t) => (t.group ?? '') === '' && t.kind === 'Service' && (t.name === undefined || t.name === name));
    return Boolean(from && to);
  });
}

export function resolveBackend(cluster: Cluster, route: Routed<HttpRouteDoc>, ref: BackendRefDoc): GwBackend {
  const ns = ref.namespace ?? route.namespace;
  const invalid = (reason: string, why: string): GwBackend => ({ kind: 'invalid', ref, weight: ref.weight, reason, why });
  if (ref.group !== '' || ref.kind !== 'Service') return invalid('InvalidKind', `backendRef kind ${ref.group ? `${ref.group}/` : ''}${ref.kind} is not a Service`);
  if (ns !== route.namespace && !granted(cluster, route.namespace, ns, ref.name)) return invalid('RefNotPermitted', `no ReferenceGrant in namespace ${ns} lets HTTPRoutes of ${route.namespace} refer to Service ${ref.name}`);
  if (ref.port === undefined) return invalid('UnsupportedValue', 'a backendRef to a Service must name its port');
  const key = `${ns}/${ref.name}`;
  const svc = cluster.service(key);
  if (!svc) return invalid('BackendNotFound', `Service ${key} does not exist`);
  const port = svc.ports.find((p) => p.port === ref.port && p.protocol === 'TCP');
  if (!port) return invalid('BackendNotFound', `Service ${key} has no port ${ref.port}`);
  const seen = new Set<string>();
  const endpoints: UpstreamEndpoint[] = [];
  for (const e of cluster.endpoints.get(key)?.endpoints ?? []) {
    const p = e.ports.get(port.name);
    if (!e.ready || p === undefined || seen.has(`${e.ip}:${p}`)) continue;
    seen.add(`${e.ip}:${p}`);
    endpoints.push({ ip: e.ip, port: p, ...(e.podKey ? { pod: e.podKey } : {}) });
  }
  return { kind: 'service', ref, service: key, port: ref.port, weight: ref.weight, endpoints };
}
