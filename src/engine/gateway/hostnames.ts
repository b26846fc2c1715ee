// Gateway API hostnames (apis/v1 HTTPRouteSpec.Hostnames, Listener.Hostname): a wildcard
// `*.example.com` is a suffix match over one or more labels (unlike an Ingress host, which
// covers one); a route attaches to a listener where their hostnames intersect, and keeps only
// the intersecting names. Envoy then serves each name as a virtual host and picks one per
// request: the exact name first, then the longest matching wildcard, then "*".

/** Whether a hostname pattern (exact or `*.` wildcard) covers a concrete host. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * The names a route serves on a listener (Envoy Gateway's computeHosts): with neither set,
 * everything ("*"); with one set, that one's; with both, each route name the listener covers,
 * and the listener's name where a route wildcard covers it. Empty: the route does not attach.
 */
export function intersect(listener: string | undefined, routeHosts: readonly string[]): string[] {
  if (routeHosts.length === 0) return [listener ?? '*'];
  if (listener === undefined) return [...routeHosts];
  const out: string[] = [];
  for (const r of routeHosts) {
    let name: string | undefined;
    if (r === listener) name = r;
    else if (listener.startsWith('*.') && (hostMatches(listener, r) || (r.startsWith('*.') && hostMatches(listener, r.slice(2))))) name = r;
    else if (r.startsWith('*.') && hostMatches(r, listener.startsWith('*.') ? listener.slice(2) : listener)) name = listener;
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Envoy's virtual host selection: the exact domain, then the longest suffix wildcard, then "*". */
export function pickDomain(domains: readonly string[], host: string): string | undefined {
  if (domains.includes(host)) return host;
  let best: string | undefined;
  for (const d of domains) {
    if (!d.startsWith('*.') || !hostMatches(d, host)) continue;
    if (!best || d.length > best.length) best = d;
  }
  return best ?? (domains.includes('*') ? '*' : undefined);
}
