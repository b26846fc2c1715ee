// One request through ingress-nginx's configuration, as nginx and its Lua handle it:
// the server by Host (an exact name first, then the `*.` hosts, which ingress-nginx writes as
// regexes matching exactly one label; the catch-all `_` otherwise), the location (see
// locations.ts), then the rewrite phase (lua_ingress.rewrite: the redirect to https when the
// host has a certificate; balancer.rewrite: 503 when the upstream has no endpoint), then the
// balancer's pick.
import { findLocation, normalizedUri } from './locations';
import { DEFAULT_SERVER, type NginxLocation, type NginxModel, type NginxServer } from './servers';
import type { NginxSettings } from './controller';
import type { Upstream } from './upstreams';

export interface NginxRequest {
  /** The Host header as sent (it may carry a port). */
  readonly host: string;
  /** The request target: path and query. */
  readonly target: string;
  readonly scheme: 'http' | 'https';
}

export type NginxDecision =
  | { readonly kind: 'proxy'; readonly server: NginxServer; readonly location: NginxLocation; readonly upstream: Upstream }
  /** nginx answers itself: a redirect (the trailing-slash 301, the https 308) or 503 for an upstream without endpoints. */
  | { readonly kind: 'respond'; readonly server: NginxServer; readonly location: NginxLocation; readonly status: number; readonly redirect?: string; readonly why: string };

/** `*.example.com` as buildServerName writes it: ~^(?<subdomain>[\w-]+)\.example\.com$ */
export function wildcardRegex(hostname: string): RegExp {
  const rest = hostname.replace(/^\*\./, '').split('.').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?<subdomain>[\\w-]+)\\.${rest.join('\\.')}$`);
}

/** The server for a Host header: nginx lower-cases the name and drops the port. */
export function selectServer(model: NginxModel, hostHeader: string): NginxServer {
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const exact = model.servers.find((s) => !s.hostname.startsWith('*') && s.hostname === host);
  if (exact) return exact;
  const wild = model.servers.find((s) => s.hostname.startsWith('*.') && wildcardRegex(s.hostname).test(host));
  return wild ?? model.servers.find((s) => s.hostname === DEFAULT_SERVER)!;
}

/** lua_ingress.rewrite's redirect_to_https: trailing slash dropped unless preserve-trailing-slash, the port left out. */
function httpsRedirect(req: NginxRequest, loc: NginxLocation): string {
  let uri = req.target;
  if (!loc.preserveTrailingSlash && uri.endsWith('/')) uri = uri.slice(0, -1);
  return `https://${req.host.replace(/:\d+$/, '')}${uri}`;
}

export function routeNginx(model: NginxModel, settings: NginxSettings, req: NginxRequest): NginxDecision {
  const server = selectServer(model, req.host);
  const pick = findLocation(server.locations, normalizedUri(req.target));
  // The root location always exists, so "none" only happens in a regex server; nginx then serves the request itself (404).
  if (pick.kind === 'none') return { kind: 'respond', server, location: server.locations[0]!, status: 404, why: 'no location of the server matches the path' };
  const location = pick.location;
  if (pick.kind === 'slash-redirect') {
    const q = req.target.indexOf('?');
    return { kind: 'respond', server, location, status: 301, redirect: `${req.scheme}://${req.host.replace(/:\d+$/, '')}${pick.to}${q < 0 ? '' : req.target.slice(q)}`, why: `the location "${location.path}" ends with a slash and the request lacks it: nginx redirects to the path with the slash` };
  }
  if (req.scheme === 'http' && (location.forceSslRedirect || (location.sslRedirect && server.tls))) {
    return { kind: 'respond', server, location, status: settings.httpRedirectCode, redirect: httpsRedirect(req, location), why: location.forceSslRedirect ? 'force-ssl-redirect is set' : `a certificate is configured for ${server.hostname} (the Ingress's tls section), and ssl-redirect is on by default` };
  }
  const upstream = model.upstreams.get(location.upstream)!;
  if (upstream.endpoints.length === 0) {
    return { kind: 'respond', server, location, status: 503, why: `upstream ${upstream.name} has no endpoint (${upstream.problem ?? 'none is ready'}): the Lua balancer has nothing to pick` };
  }
  return { kind: 'proxy', server, location, upstream };
}
