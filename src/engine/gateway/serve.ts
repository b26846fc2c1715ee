// Envoy handling one request on a Gateway's proxy pod, as Envoy Gateway configures it: the
// listener of the port, the virtual host for the Host header, the first route in precedence
// order that matches (attach.ts, match.ts), the rule's filters, a backendRef by weight and an
// endpoint by least request (balancer.ts), then a connection of its own from the pod's
// address to the endpoint. Envoy (use_remote_address: true) appends the peer to
// x-forwarded-for, sets x-forwarded-proto, x-request-id, x-envoy-expected-rq-timeout-ms and
// x-envoy-external-address (or x-envoy-internal for a private peer). Its own answers: 404
// without a route, 500 for a rule without valid backends, 503 "no healthy upstream", a
// redirect with the Location the filter builds; answers are sent with server: envoy.
import { stringify } from 'yaml';
import type { Cluster } from '../cluster/types';
import type { ProxyApp } from '../apps/proxy-app';
import type { ProxyAnswer, ProxyServeCtx, HttpResponse } from '../l7/types';
import { addProxyHop } from '../l7/proxy-hop';
import { callUpstream, headerValue, uuid4 } from '../l7/upstream';
import { leastRequest, weighted } from '../l7/balancer';
import { httpDate, simSeconds } from '../lib/clock';
import type { ProxyView, RouteRef } from '../trace/types';
import type { HttpHeader } from '../shell/results';
import { gatewayModel, type GatewayModel } from './attach';
import type { GwRoute } from './match';
import { filtersOf, modifyHeaders } from './filters';
import { decideEnvoy, upstreamRequest } from './route';

type EnvoyApp = Extract<ProxyApp, { proxy: 'envoy' }>;
type Headers = readonly (readonly [string, string])[];

const REASONS: Readonly<Record<number, string>> = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

const models = new WeakMap<Cluster, Map<string, GatewayModel | undefined>>();

/** Envoy Gateway's configuration for a Gateway, built once per cluster. */
export function gatewayModelOf(cluster: Cluster, namespace: string, name: string): GatewayModel | undefined {
  let byGw = models.get(cluster);
  if (!byGw) { byGw = new Map(); models.set(cluster, byGw); }
  const k = `${namespace}/${name}`;
  if (!byGw.has(k)) {
    const gw = cluster.scenario.routing.gateways.find((g) => g.namespace === namespace && g.name === name);
    byGw.set(k, gw ? gatewayModel(cluster, gw) : undefined);
  }
  return byGw.get(k);
}

function envoyReply(now: number, status: number, head: boolean, body = '', extra: Headers = []): HttpResponse {
  const headers: (readonly [string, string])[] = [...extra];
  if (body) headers.push(['content-length', String(body.length)], ['content-type', 'text/plain']);
  headers.push(['date', httpDate(simSeconds(now))], ['server', 'envoy']);
  if (!body) headers.push(['content-length', '0']);
  return { status, reason: REASONS[status] ?? '', headers, body: head ? '' : body };
}

export function routeRefOf(r: GwRoute): RouteRef {
  return { kind: 'HTTPRoute', namespace: r.route.namespace, name: r.route.name, field: `spec.rules[${r.ruleIndex}].matches[${r.matchIndex}]` };
}

function ruleYaml(r: GwRoute): string {
  const hostnames = r.route.doc.spec.hostnames;
  const head = `# HTTPRoute ${r.route.namespace}/${r.route.name}, spec.rules[${r.ruleIndex}].matches[${r.matchIndex}]\n`;
  const m = r.match;
  const match = { path: m.path, ...(m.method ? { method: m.method } : {}), ...(m.headers.length ? { headers: m.headers } : {}), ...(m.queryParams.length ? { queryParams: m.queryParams } : {}) };
  return head + stringify({ ...(hostnames.length ? { hostnames } : {}), rules: [{ matches: [match], ...(r.rule.filters.length ? { filters: r.rule.filters } : {}), backendRefs: r.rule.backendRefs }] });
}

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./];

/** The headers Envoy sends upstream: the client's (lower-cased by its HTTP/1 codec) plus its own. */
function envoyHeaders(conv: ProxyServeCtx['conv'], req: Headers, peer: string, tls: boolean): (readonly [string, string])[] {
  const xff = headerValue(req, 'x-forwarded-for');
  const own = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-request-id', 'x-envoy-internal', 'x-envoy-external-address', 'x-envoy-expected-rq-timeout-ms', 'connection', 'proxy']);
  const internal = PRIVATE.some((re) => re.test(peer));
  return [
    ...req.filter(([k]) => !own.has(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), v] as const),
    ['x-forwarded-for', xff ? `${xff},${peer}` : peer], ['x-forwarded-proto', tls ? 'https' : 'http'],
    internal ? ['x-envoy-internal', 'true'] : ['x-envoy-external-address', peer],
    ['x-request-id', uuid4(conv)], ['x-envoy-expected-rq-timeout-ms', '15000'],
  ];
}

export function serveEnvoy(ctx: ProxyServeCtx, app: EnvoyApp, container: string): ProxyAnswer {
  const { conv, ex, conn, req, tls } = ctx;
  const ns = conn.server.ns;
  const head = req.method === 'HEAD';
  const instance = `${app.gateway.namespace}/${app.gateway.name}`;
  const view = (step: ProxyView['step'], extra: Partial<ProxyView> = {}): ProxyView => ({ proxy: 'envoy', instance, step, ...extra });
  const model = gatewayModelOf(conv.cluster, app.gateway.namespace, app.gateway.name);
  const d = decideEnvoy(conv.cluster, model, app.listenerPort, { method: req.method, target: req.path, headers: req.headers, host: headerValue(req.headers, 'host') ?? req.host, tls }, (w) => weighted(conv, w));
  const listenerText = `Envoy's listener on ${conn.server.port} (Gateway ${instance}, port ${app.listenerPort})`;
  const say = (status: number, why: string, response: HttpResponse, extra: Partial<ProxyView> = {}): ProxyAnswer => {
    addProxyHop(ex, { ns, container, table: 'envoy', text: `Envoy answers ${status} itself: ${why}.`, proxy: view('respond', { status, ...extra }) });
    return { response, says: `Envoy answers ${status} ${REASONS[status] ?? ''} itself` };
  };
  if (d.kind === 'no-route') {
    addProxyHop(ex, { ns, container, table: 'httproute', text: `${listenerText}: ${d.why}.`, proxy: view('route', d.domain ? { host: d.domain } : {}) });
    return say(404, 'no route', envoyReply(conv.now, 404, head));
  }
  const route = d.route;
  const ref = routeRefOf(route);
  addProxyHop(ex, {
    ns, container, table: 'httproute', rule: ruleYaml(route), proxy: view('route', { route: ref, host: d.domain }),
    text: `${listenerText} picks virtual host ${d.domain} for Host ${d.host}, and its first route in precedence order that matches ${req.method} ${req.path}: HTTPRoute ${ref.namespace}/${ref.name}, rule ${route.ruleIndex}, match ${route.matchIndex}.${tls ? ' TLS ended here: Envoy decrypted the request.' : ''}`,
  });
  switch (d.kind) {
    case 'redirect': return say(d.status, `the rule's RequestRedirect filter sends the client to ${d.location}`, envoyReply(conv.now, d.status, head, '', [['location', d.location]]), { route: ref });
    case 'error': return say(d.status, d.why, envoyReply(conv.now, d.status, head, d.status === 503 ? 'no healthy upstream' : ''), { route: ref, ...(d.service ? { upstream: { name: d.service, service: d.service } } : {}) });
    case 'forward': break;
  }
  const { backend, backends } = d;
  const pick = leastRequest(conv, backend.endpoints.length);
  const ep = backend.endpoints[pick.index]!;
  const epText = `${ep.ip}:${ep.port}`;
  const weights = backends.length > 1 ? `The weighted backendRefs (${backends.map((b) => `${b.ref.name} ${b.weight}`).join(', ')}) drew ${backend.ref.name}. ` : '';
  const lb = backend.endpoints.length === 1 ? `Envoy takes the one endpoint Envoy Gateway sent it (EDS), ${epText}` : `Envoy's least-request balancer draws two of the ${backend.endpoints.length} endpoints Envoy Gateway sent it (EDS) and takes ${epText}, which has no request in flight`;
  addProxyHop(ex, {
    ns, container, table: 'envoy', rule: `cluster ${backend.service}:${backend.port}: endpoints ${backend.endpoints.map((e) => `${e.ip}:${e.port}`).join(', ')}, lb_policy LEAST_REQUEST`,
    text: `${weights}${lb}${ep.pod ? ` (pod ${ep.pod})` : ''}. Envoy connects to the pod directly, not through the Service's ClusterIP.`,
    proxy: view('balance', { route: ref, upstream: { name: `${backend.service}:${backend.port}`, service: backend.service, endpoint: epText } }),
  });
  const up = upstreamRequest(d, envoyHeaders(conv, req.headers, conn.serverPeer.addr, tls), req.path);
  const start = conv.now;
  const r = callUpstream(conv, ctx.fetch, {
    ns, container, ip: ep.ip, port: ep.port, label: `${ep.pod ? `pod ${ep.pod}, ` : ''}an endpoint of Service ${backend.service}`,
    method: head ? 'HEAD' : 'GET', path: up.target, headers: up.headers.map(([name, value]): HttpHeader => ({ name, value })), parent: ex.id, client: 'Envoy',
  });
  const out = r.outcome;
  if (out?.kind !== 'response') return say(503, `the upstream ${epText} failed (${r.connect.kind === 'connected' ? out?.kind ?? 'no answer' : r.connect.kind})`, envoyReply(conv.now, 503, head, 'upstream connect error or disconnect/reset before headers. reset reason: connection failure'), { route: ref });
  let rh: Headers = out.response.headers.filter(([k]) => k.toLowerCase() !== 'server').map(([k, v]) => [k.toLowerCase(), v] as const);
  for (const f of filtersOf(d.filters, 'ResponseHeaderModifier')) rh = modifyHeaders(rh, f.responseHeaderModifier!);
  const response: HttpResponse = { ...out.response, headers: [...rh, ['x-envoy-upstream-service-time', String(Math.round(conv.now - start))], ['server', 'envoy']] };
  return { response, says: `Envoy relays the answer of ${epText} (${out.response.status} ${out.response.reason}) on the client's connection` };
}

/** The certificate an HTTPS listener presents for a server name: its first certificateRef. */
export function envoyCertificate(cluster: Cluster, app: ProxyApp, sni: string): string {
  if (app.proxy !== 'envoy') return '';
  const gw = cluster.scenario.routing.gateways.find((g) => g.namespace === app.gateway.namespace && g.name === app.gateway.name);
  const l = gw?.doc.spec.listeners.find((x) => x.port === app.listenerPort && x.protocol === 'HTTPS' && (!x.hostname || x.hostname === sni || (x.hostname.startsWith('*.') && sni.endsWith(x.hostname.slice(1)))));
  const cert = l?.tls?.certificateRefs[0];
  if (!cert) return `Envoy ends TLS here, but no HTTPS listener of Gateway ${app.gateway.namespace}/${app.gateway.name} names a certificate for ${sni}`;
  const ns = cert.namespace ?? app.gateway.namespace;
  const found = cluster.scenario.other.some((o) => o.kind === 'Secret' && o.namespace === ns && o.name === cert.name);
  return `Envoy ends TLS here with the certificate of Secret ${ns}/${cert.name}${found ? '' : ' (which does not exist: podpath lets the handshake go on)'}, named by listener ${l!.name}, chosen by SNI ${sni}`;
}
