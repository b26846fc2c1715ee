// ingress-nginx handling one request on its pod: the server and location its configuration
// picks (route.ts), then either an answer of nginx's own (a redirect, 503) or the Lua
// balancer's pick of an endpoint and a new connection to it from the pod's own address,
// carrying the headers nginx.tmpl sets (X-Real-IP, X-Forwarded-For, X-Forwarded-Host/Port/
// Proto/Scheme, X-Scheme, X-Request-ID, X-Original-Forwarded-For). Its answer is relayed
// with nginx's Date and Connection, without the upstream's Server (more_clear_headers
// Server), and over https with Strict-Transport-Security.
import type { Cluster, ClusterPod } from '../cluster/types';
import type { Conversation } from '../conversation/conversation';
import { httpDate, simSeconds } from '../lib/clock';
import { nginxErrorPage } from '../apps/pages';
import type { HttpPayload, ProxyView } from '../trace/types';
import type { HttpHeader } from '../shell/results';
import { addProxyHop } from '../l7/proxy-hop';
import { callUpstream, headerValue, requestId } from '../l7/upstream';
import type { ProxyAnswer, ProxyServeCtx } from '../l7/types';
import { roundRobin } from '../l7/balancer';
import { nginxController, servesIngress, type NginxController } from './controller';
import { buildNginxModel, DEFAULT_SERVER, type NginxModel } from './servers';
import { routeNginx, type NginxDecision } from './route';
import { worldOf, type Upstream, type UpstreamEndpoint } from './upstreams';
import { locationDirective, originYaml, routeRef, serverLine, upstreamText } from './describe';

type Request = NonNullable<HttpPayload['request']>;
type Response = NonNullable<HttpPayload['response']>;


/** nginx's reason phrases (ngx_http_status_lines). */
const NGINX_REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 301: 'Moved Permanently', 302: 'Moved Temporarily', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
};

const models = new WeakMap<Cluster, Map<string, { ctl: NginxController; model: NginxModel }>>();

/** The controller's configuration for the Ingresses it serves, built once per cluster and pod. */
export function nginxModelOf(cluster: Cluster, pod: ClusterPod): { readonly ctl: NginxController; readonly model: NginxModel } | undefined {
  let byPod = models.get(cluster);
  if (!byPod) { byPod = new Map(); models.set(cluster, byPod); }
  const hit = byPod.get(pod.key);
  if (hit) return hit;
  const ctl = nginxController(cluster, pod);
  if (!ctl) return undefined;
  const served = cluster.scenario.routing.ingresses.filter((i) => servesIngress(cluster, ctl, i).serves);
  const made = { ctl, model: buildNginxModel(ctl, served, worldOf(cluster)) };
  byPod.set(pod.key, made);
  return made;
}

/** A page nginx serves itself: Date, Content-Type, Content-Length, Location, Connection (no Server: more_clear_headers). */
export function nginxPage(now: number, status: number, head: boolean, location?: string, extra: readonly (readonly [string, string])[] = []): Response {
  const reason = NGINX_REASONS[status] ?? '';
  const body = nginxErrorPage(status, reason, undefined);
  const headers: (readonly [string, string])[] = [['Date', httpDate(simSeconds(now))], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)]];
  if (location) headers.push(['Location', location]);
  headers.push(['Connection', 'keep-alive'], ...extra);
  return { status, reason, headers, body: head ? '' : body };
}

function hsts(ctl: NginxController, tls: boolean): (readonly [string, string])[] {
  // lua_ingress.header() tests the function certificate_configured_for_current_request without calling it: every https answer gets the header.
  if (!tls || !ctl.settings.hsts) return [];
  return [['Strict-Transport-Security', `max-age=${ctl.settings.hstsMaxAge}${ctl.settings.hstsIncludeSubdomains ? '; includeSubDomains' : ''}`]];
}

/** $remote_addr: the TCP peer, or with use-forwarded-headers the first address of X-Forwarded-For (real_ip_recursive, every source trusted). */
function remoteAddr(ctl: NginxController, req: Request, peer: string): string {
  const xff = headerValue(req.headers, ctl.settings.forwardedForHeader);
  if (!ctl.settings.useForwardedHeaders || !xff) return peer;
  return xff.split(',')[0]!.trim() || peer;
}

/** What nginx sends upstream: its proxy_set_header lines in nginx.tmpl's order, then the client's other headers. */
function upstreamHeaders(conv: Conversation, ctl: NginxController, req: Request, tls: boolean, peer: string): HttpHeader[] {
  const remote = remoteAddr(ctl, req, peer);
  const xff = headerValue(req.headers, 'X-Forwarded-For');
  const scheme = tls ? 'https' : 'http';
  const host = headerValue(req.headers, 'Host') ?? req.host;
  const forwardedFor = ctl.settings.useForwardedHeaders && ctl.settings.computeFullForwardedFor ? (xff ? `${xff}, ${peer}` : peer) : remote;
  const set: HttpHeader[] = [
    { name: 'Host', value: host }, { name: 'X-Request-ID', value: headerValue(req.headers, 'X-Request-ID') ?? requestId(conv) },
    { name: 'X-Real-IP', value: remote }, { name: 'X-Forwarded-For', value: forwardedFor }, { name: 'X-Forwarded-Host', value: host },
    { name: 'X-Forwarded-Port', value: tls ? '443' : '80' }, { name: 'X-Forwarded-Proto', value: scheme }, { name: 'X-Forwarded-Scheme', value: scheme },
    { name: 'X-Scheme', value: scheme }, ...(xff ? [{ name: 'X-Original-Forwarded-For', value: xff }] : []),
  ];
  const taken = new Set([...set.map((h) => h.name.toLowerCase()), 'connection', 'upgrade', 'proxy', 'x-original-forwarded-host']);
  return [...set, ...req.headers.filter(([k]) => !taken.has(k.toLowerCase())).map(([name, value]) => ({ name, value }))];
}

/** The upstream's answer as nginx passes it on. */
function relayed(now: number, r: Response, extra: readonly (readonly [string, string])[]): Response {
  const drop = new Set(['date', 'server', 'connection', 'keep-alive', 'transfer-encoding', 'content-type', 'content-length']);
  const get = (n: string) => r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
  const headers: (readonly [string, string])[] = [['Date', httpDate(simSeconds(now))]];
  const ct = get('content-type');
  if (ct) headers.push(['Content-Type', ct]);
  headers.push(['Content-Length', get('content-length') ?? String(new TextEncoder().encode(r.body).length)], ['Connection', 'keep-alive']);
  headers.push(...r.headers.filter(([k]) => !drop.has(k.toLowerCase())), ...extra);
  return { status: r.status, reason: r.reason, headers, body: r.body };
}

/** The Lua balancer's pick: round_robin (the default) keeps its place per upstream; other algorithms are drawn at random here. */
function pick(conv: Conversation, ctl: NginxController, u: Upstream): number {
  if (u.endpoints.length === 1) return 0;
  if (u.loadBalance !== 'round_robin') return conv.rng.int(0, u.endpoints.length - 1);
  return roundRobin(conv, `${ctl.pod}|${u.name}|${u.endpoints.map((e) => `${e.ip}:${e.port}`).join(',')}`, u.endpoints.length);
}

function view(ctl: NginxController, d: NginxDecision, step: ProxyView['step'], extra: Partial<ProxyView> = {}): ProxyView {
  const origin = d.location.origin;
  const host = d.server.hostname === DEFAULT_SERVER ? '*' : d.server.hostname;
  return { proxy: 'ingress-nginx', instance: ctl.pod, step, host, ...(origin ? { route: routeRef(origin) } : {}), ...extra };
}

function routeText(d: NginxDecision, req: Request): string {
  const s = d.server, l = d.location;
  const where = `nginx picks ${serverLine(s.hostname)} for Host ${req.host}, and ${locationDirective(l)} for ${req.path}`;
  if (l.origin) return `${where}: ${l.origin.field === 'spec.defaultBackend' ? 'the default backend' : `path ${l.ingressPath} (${l.pathType}${l.pathType === 'Prefix' && l.modifier === 'exact' ? ', whose exact twin matches the path itself' : ''})`} of Ingress ${l.origin.ingress}.`;
  return `${where}: no Ingress path matches, so the server's root location sends it to the default backend.`;
}

export function serveIngressNginx(ctx: ProxyServeCtx, role: 'http' | 'default-server', container: string): ProxyAnswer {
  const { conv, ex, conn, req, tls } = ctx;
  const ns = conn.server.ns;
  const head = req.method === 'HEAD';
  const pod = conv.cluster.pod(ns.name);
  const built = pod && nginxModelOf(conv.cluster, pod);
  if (role === 'default-server' || !built) {
    addProxyHop(ex, { ns, container, table: 'nginx', rule: 'server {\n    listen 8181 default_server;\n    location / {\n        return 404;\n    }\n}', text: 'nginx\'s default server (port 8181, for when no default backend Service is set) answers every request with 404.', proxy: { proxy: 'ingress-nginx', instance: ns.name, step: 'respond', status: 404 } });
    return { response: nginxPage(conv.now, 404, head), says: 'nginx\'s default server answers 404 Not Found' };
  }
  const { ctl, model } = built;
  const d = routeNginx(model, ctl.settings, { host: req.host, target: req.path, scheme: tls ? 'https' : 'http' });
  const rule = d.location.origin ? originYaml(conv.cluster, d.location.origin) : `# ${serverLine(d.server.hostname)}\n${locationDirective(d.location)} { # default backend\n}`;
  addProxyHop(ex, { ns, container, table: 'ingress', rule, text: routeText(d, req) + (tls ? ' TLS ended here: nginx decrypted the request with the certificate for the host.' : ''), proxy: view(ctl, d, 'route', d.kind === 'proxy' ? { upstream: { name: d.upstream.name, ...(d.upstream.service ? { service: d.upstream.service } : {}) } } : {}) });
  if (d.kind === 'respond') {
    addProxyHop(ex, { ns, container, table: 'nginx', text: `nginx answers ${d.status} itself: ${d.why}.${d.redirect ? ` Location: ${d.redirect}` : ''}`, proxy: view(ctl, d, 'respond', { status: d.status }) });
    return { response: nginxPage(conv.now, d.status, head, d.redirect, hsts(ctl, tls)), says: `ingress-nginx answers ${d.status} ${NGINX_REASONS[d.status] ?? ''} itself` };
  }
  const u = d.upstream;
  const ep: UpstreamEndpoint = u.endpoints[pick(conv, ctl, u)]!;
  const epText = `${ep.ip}:${ep.port}`;
  const how = u.viaClusterIP
    ? `service-upstream is on: the upstream is the Service's ClusterIP ${epText}, so kube-proxy's rules on the node pick the pod.`
    : ep.ip.startsWith('127.') ? `The default backend is nginx's own server on ${epText}: the request goes round over loopback.`
      : `The Lua balancer (${u.loadBalance}) picks endpoint ${epText}${ep.pod ? ` (pod ${ep.pod})` : ''} of ${u.endpoints.length}. nginx connects to the pod directly: the Service's ClusterIP and kube-proxy are not on this path.`;
  addProxyHop(ex, { ns, container, table: 'nginx', rule: upstreamText(u), text: how, proxy: view(ctl, d, 'balance', { upstream: { name: u.name, ...(u.service ? { service: u.service } : {}), endpoint: epText } }) });
  const label = ep.ip.startsWith('127.') ? 'nginx\'s default server' : u.viaClusterIP ? `Service ${u.service}` : `${ep.pod ? `pod ${ep.pod}, ` : ''}an endpoint of Service ${u.service}`;
  const r = callUpstream(conv, ctx.fetch, {
    ns, container, ip: ep.ip, port: ep.port, label, method: head ? 'HEAD' : 'GET', path: req.path,
    headers: upstreamHeaders(conv, ctl, req, tls, conn.serverPeer.addr), parent: ex.id, client: 'nginx',
  });
  const out = r.outcome;
  if (out?.kind === 'response') {
    return { response: relayed(conv.now, out.response, hsts(ctl, tls)), says: `ingress-nginx relays the answer of ${epText} (${out.response.status} ${out.response.reason}) on the client's connection` };
  }
  // proxy_next_upstream "error timeout" would try another endpoint; podpath makes one try.
  const status = r.connect.kind === 'timeout' || out?.kind === 'no-response' ? 504 : 502;
  addProxyHop(ex, { ns, container, table: 'nginx', text: `The upstream ${epText} did not answer (${r.connect.kind === 'connected' ? out?.kind ?? 'no answer' : r.connect.kind}): nginx answers ${status}.`, proxy: view(ctl, d, 'respond', { status }) });
  return { response: nginxPage(conv.now, status, head, undefined, hsts(ctl, tls)), says: `ingress-nginx answers ${status} ${NGINX_REASONS[status]}: its upstream failed` };
}
