// Envoy's decision for one request on a Gateway's port, without its side effects: the
// virtual host for the Host header, the first route in precedence order that matches, and
// what the rule makes of it: a redirect, an error of its own (500 for a rule without valid
// backends, 503 for a backend without endpoints), or the backendRef to forward to (drawn by
// weight through `draw`) with the filters that rewrite the request on the way.
import type { Cluster } from '../cluster/types';
import type { HttpRouteFilterDoc } from '../model/schemas-routing';
import type { GatewayModel } from './attach';
import { pickDomain } from './hostnames';
import { firstMatch, type GwRoute } from './match';
import { resolveBackend, type GwBackend } from './backends';
import { filtersOf, modifyHeaders, modifyPath, redirectLocation } from './filters';

type Headers = readonly (readonly [string, string])[];

export interface EnvoyRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Headers;
  /** The Host header as sent. */
  readonly host: string;
  readonly tls: boolean;
}

type Matched = { readonly route: GwRoute; readonly domain: string; readonly host: string };
export type EnvoyDecision =
  | { readonly kind: 'no-route'; readonly why: string; readonly domain?: string }
  | (Matched & { readonly kind: 'redirect'; readonly status: number; readonly location: string })
  | (Matched & { readonly kind: 'error'; readonly status: 500 | 503; readonly why: string; readonly service?: string })
  | (Matched & { readonly kind: 'forward'; readonly backend: Extract<GwBackend, { kind: 'service' }>; readonly backends: readonly GwBackend[]; readonly filters: readonly HttpRouteFilterDoc[]; readonly prefix?: string });

export function decideEnvoy(cluster: Cluster, model: GatewayModel | undefined, listenerPort: number, req: EnvoyRequest, draw: (weights: readonly number[]) => number | undefined): EnvoyDecision {
  const port = model?.ports.find((p) => p.port === listenerPort);
  const host = req.host.toLowerCase().replace(/:\d+$/, '');
  if (!model?.accepted) return { kind: 'no-route', why: `Envoy Gateway has not programmed the Gateway (${model?.why ?? 'it does not exist'})` };
  const domain = port ? pickDomain(port.virtualHosts.map((v) => v.domain), host) : undefined;
  const vh = port?.virtualHosts.find((v) => v.domain === domain);
  if (!vh) return { kind: 'no-route', why: `no virtual host serves ${host} on this port: no HTTPRoute attached to it names that host` };
  const route = firstMatch(vh.routes, req);
  if (!route) return { kind: 'no-route', why: `no route of virtual host ${vh.domain} matches ${req.method} ${req.target}`, domain: vh.domain };
  const at: Matched = { route, domain: vh.domain, host };
  const prefix = route.match.path.type === 'PathPrefix' ? route.match.path.value : undefined;
  const redirect = filtersOf(route.rule.filters, 'RequestRedirect')[0]?.requestRedirect;
  if (redirect) {
    return { ...at, kind: 'redirect', status: redirect.statusCode, location: redirectLocation(redirect, { scheme: req.tls ? 'https' : 'http', host, listenerPort, target: req.target, ...(prefix ? { prefix } : {}) }) };
  }
  const backends = route.rule.backendRefs.map((b) => resolveBackend(cluster, route.route, b));
  if (backends.length === 0) return { ...at, kind: 'error', status: 500, why: 'the rule names no backendRefs' };
  const i = draw(backends.map((b) => b.weight));
  const backend = i === undefined ? undefined : backends[i];
  if (!backend) return { ...at, kind: 'error', status: 500, why: 'every backendRef of the rule weighs 0' };
  if (backend.kind === 'invalid') {
    const share = backends.length > 1 ? ` (weight ${backend.weight} of ${backends.reduce((a, b) => a + b.weight, 0)})` : '';
    return { ...at, kind: 'error', status: 500, why: `the backendRef ${backend.ref.name} it drew${share} is invalid: ${backend.why} (${backend.reason})` };
  }
  if (backend.endpoints.length === 0) return { ...at, kind: 'error', status: 503, why: `Service ${backend.service} has no ready endpoint`, service: backend.service };
  return { ...at, kind: 'forward', backend, backends, filters: [...route.rule.filters, ...backend.ref.filters], ...(prefix ? { prefix } : {}) };
}

/** The request as the backend gets it: URLRewrite's host and path, then the header modifiers. */
export function upstreamRequest(d: Extract<EnvoyDecision, { kind: 'forward' }>, headers: Headers, target: string): { readonly headers: Headers; readonly target: string } {
  let h = headers;
  let t = target;
  const rewrite = filtersOf(d.filters, 'URLRewrite')[0]?.urlRewrite;
  if (rewrite?.hostname) h = h.map(([k, v]) => (k.toLowerCase() === 'host' ? [k, rewrite.hostname!] as const : [k, v] as const));
  if (rewrite?.path) t = modifyPath(t, rewrite.path, d.prefix);
  for (const f of filtersOf(d.filters, 'RequestHeaderModifier')) h = modifyHeaders(h, f.requestHeaderModifier!);
  return { headers: h, target: t };
}
