// How the web servers podpath knows answer an HTTP request: nginx and Apache httpd with
// their default pages and 404s (headers in the order they send them), an echo server in
// the style of traefik/whoami that answers with what it saw (the pod's hostname and
// addresses, the client address it got the connection from, the request itself), a web
// server on the internet, and a Kubernetes API that refuses anonymous requests. Plain HTTP
// sent to a TLS port, and TLS to a plain port, fail as they do for real.
import type { Cluster, Netns } from '../cluster/types';
import type { HttpPayload } from '../trace/types';
import { httpDate, simSeconds } from '../lib/clock';
import { sha256Bytes } from '../lib/hash';
import type { App } from './app';
import { HTTPD_NOT_FOUND, HTTPD_WELCOME, NGINX_WELCOME_NEW, NGINX_WELCOME_OLD, nginxErrorPage } from './pages';

export type HttpApp = Extract<App, { kind: 'http' }>;
type Header = readonly [string, string];
type Response = NonNullable<HttpPayload['response']>;
type Request = NonNullable<HttpPayload['request']>;

export interface HttpServerContext {
  readonly cluster: Cluster;
  readonly ns: Netns;
  readonly app: HttpApp;
  /** The address and port the server sees the connection come from. */
  readonly remote: { readonly addr: string; readonly port: number };
  /** Simulated milliseconds since the conversation began. */
  readonly now: number;
}

const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

function respond(status: number, headers: readonly Header[], body: string, head: boolean): Response {
  return { status, reason: REASONS[status] ?? '', headers, body: head ? '' : body };
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** nginx's version from an image tag like 1.27.3; a tag without a patch level names none. */
function nginxVersion(tag: string | undefined): string | undefined {
  return tag && /^\d+\.\d+\.\d+$/.test(tag.split('-')[0]!) ? tag.split('-')[0] : undefined;
}

/** Whether nginx's release ships the welcome page of 1.29.6 and later. */
function newWelcome(tag: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag ?? 'latest');
  if (!m) return true; // latest, mainline, alpine...: the current page
  const [maj, min, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return maj > 1 || min > 29 || (min === 29 && patch >= 6);
}

/** podpath's fixed file time for the images' pages (the real one is the image's build time). */
const PAGE_MTIME = 1732636500;

function nginx(ctx: HttpServerContext, req: Request, head: boolean): Response {
  const version = nginxVersion(ctx.app.version);
  const server: Header = ['Server', version ? `nginx/${version}` : 'nginx'];
  const date: Header = ['Date', httpDate(simSeconds(ctx.now))];
  if (req.path === '/' || req.path === '/index.html') {
    const page = newWelcome(ctx.app.version) ? NGINX_WELCOME_NEW : NGINX_WELCOME_OLD;
    const len = bytes(page);
    return respond(200, [server, date, ['Content-Type', 'text/html'], ['Content-Length', String(len)], ['Last-Modified', httpDate(PAGE_MTIME)],
      ['Connection', 'keep-alive'], ['ETag', `"${PAGE_MTIME.toString(16)}-${len.toString(16)}"`], ['Accept-Ranges', 'bytes']], page, head);
  }
  const page = nginxErrorPage(404, 'Not Found', version);
  return respond(404, [server, date, ['Content-Type', 'text/html'], ['Content-Length', String(bytes(page))], ['Connection', 'keep-alive']], page, head);
}

function httpd(ctx: HttpServerContext, req: Request, head: boolean): Response {
  const date: Header = ['Date', httpDate(simSeconds(ctx.now))];
  const server: Header = ['Server', `Apache/${ctx.app.version && /^\d+\.\d+\.\d+$/.test(ctx.app.version) ? ctx.app.version : '2.4'} (Unix)`];
  if (req.path === '/' || req.path === '/index.html') {
    const len = bytes(HTTPD_WELCOME);
    return respond(200, [date, server, ['Last-Modified', httpDate(PAGE_MTIME)], ['ETag', `"${len.toString(16)}-${(PAGE_MTIME * 1e6).toString(16)}"`],
      ['Accept-Ranges', 'bytes'], ['Content-Length', String(len)], ['Content-Type', 'text/html']], HTTPD_WELCOME, head);
  }
  return respond(404, [date, server, ['Content-Length', String(bytes(HTTPD_NOT_FOUND))], ['Content-Type', 'text/html; charset=iso-8859-1']], HTTPD_NOT_FOUND, head);
}

/** The hostname a pod's processes see: spec.hostname, else the pod's name; a node's name for the host network. */
function hostnameOf(cluster: Cluster, ns: Netns): string {
  if (ns.kind !== 'pod') return ns.machine;
  const pod = cluster.pod(ns.name);
  return pod?.spec.hostname ?? pod?.spec.name ?? ns.name;
}

/** textproto.CanonicalMIMEHeaderKey: each dash-separated word capitalised ("x-forwarded-for" → "X-Forwarded-For"). */
export function canonicalHeaderKey(k: string): string {
  return /^[A-Za-z0-9-]+$/.test(k) ? k.toLowerCase().replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase()) : k;
}

/** traefik/whoami: Hostname, every IP, RemoteAddr, then the request as Go's Request.Write prints it. */
function echo(ctx: HttpServerContext, req: Request, head: boolean): Response {
  const ips = ctx.ns.devices.flatMap((d) => d.addrs.map((a) => a.ip));
  const host = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? req.host;
  const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? 'Go-http-client/1.1';
  // Go's server stores header names in canonical form (textproto.CanonicalMIMEHeaderKey); Header.Write sorts them.
  const rest = req.headers.filter(([k]) => !['host', 'user-agent'].includes(k.toLowerCase())).map(([k, v]) => [canonicalHeaderKey(k), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [`Hostname: ${hostnameOf(ctx.cluster, ctx.ns)}`, ...ips.map((ip) => `IP: ${ip}`), `RemoteAddr: ${ctx.remote.addr}:${ctx.remote.port}`];
  const request = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${host}`, `User-Agent: ${ua}`, ...rest.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  const body = `${lines.join('\n')}\n${request}\r\n\r\n`;
  return respond(200, [['Date', httpDate(simSeconds(ctx.now))], ['Content-Length', String(bytes(body))], ['Content-Type', 'text/plain; charset=utf-8']], body, head);
}

function internet(ctx: HttpServerContext, req: Request, head: boolean): Response {
  const host = req.host || ctx.ns.machine;
  const body = `<!doctype html>\n<html><head><title>${host}</title></head>\n<body><p>A web server on the internet, at ${ctx.ns.machine}. You asked for ${req.path}.</p></body></html>\n`;
  return respond(200, [['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(simSeconds(ctx.now))], ['Content-Length', String(bytes(body))]], body, head);
}

function kubeApi(ctx: HttpServerContext, req: Request, head: boolean): Response {
  const date: Header = ['Date', httpDate(simSeconds(ctx.now))];
  if (ctx.app.name === 'kubelet') return respond(401, [['Content-Type', 'text/plain; charset=utf-8'], date, ['Content-Length', '12']], 'Unauthorized', head);
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${req.path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`;
  return respond(403, [['Audit-Id', auditId(ctx)], ['Cache-Control', 'no-cache, private'], ['Content-Type', 'application/json'],
    ['X-Content-Type-Options', 'nosniff'], date, ['Content-Length', String(bytes(body))]], body, head);
}

/** The API server's per-request UUID, derived from the request so it repeats with the input. */
function auditId(ctx: HttpServerContext): string {
  const h = [...sha256Bytes(`${ctx.remote.addr}:${ctx.remote.port}@${ctx.now}`).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A plain HTTP request to a TLS port: Go's servers answer 400 in the clear. */
const HTTP_TO_HTTPS = 'Client sent an HTTP request to an HTTPS server.\n';

export function httpRespond(ctx: HttpServerContext, req: Request, tls: boolean): Response {
  const head = req.method === 'HEAD';
  if (ctx.app.tls && !tls) return respond(400, [['Content-Type', 'text/plain; charset=utf-8'], ['Connection', 'close']], HTTP_TO_HTTPS, head);
  switch (ctx.app.flavour) {
    case 'nginx': return nginx(ctx, req, head);
    case 'httpd': return httpd(ctx, req, head);
    case 'echo': return echo(ctx, req, head);
    case 'internet': return internet(ctx, req, head);
    case 'kube-api': return kubeApi(ctx, req, head);
  }
}
