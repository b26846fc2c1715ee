// What ingress-nginx makes of the Ingresses it serves (internal/ingress/controller:
// controller.go createUpstreams, createServers, getBackendServers; location.go
// updateServerLocations): one nginx `server` per host (and the catch-all `_`), each with a
// root location for the default backend and one location per path, and one upstream per
// Service and port. Ingresses are taken oldest first (by creationTimestamp; on a tie by
// "namespace/name", last first, as sortIngressSlice does), and the first Ingress to define
// a host and path keeps it. A Prefix path /cart becomes the prefix location "/cart/" and the
// exact location "/cart"; an Exact path stays exact; ImplementationSpecific is a plain nginx
// prefix (so /cart also matches /cartoon).
import type { IngressBackendDoc, IngressDoc } from '../model/schemas-routing';
import type { Routed } from '../model/types';
import type { LocationLike } from './locations';
import { upstreamFor, defaultUpstream, type BackendWorld, type Upstream } from './upstreams';
import type { NginxController } from './controller';

export const DEFAULT_SERVER = '_';
export const DEFAULT_UPSTREAM = 'upstream-default-backend';
const ANN = 'nginx.ingress.kubernetes.io/';

/** Where a location came from: an Ingress path, or an Ingress's defaultBackend. */
export interface LocationOrigin {
  /** NAMESPACE/NAME of the Ingress. */
  readonly ingress: string;
  /** spec.rules[0].http.paths[1] or spec.defaultBackend. */
  readonly field: string;
}

export interface NginxLocation extends LocationLike {
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  /** The path as the Ingress wrote it. */
  readonly ingressPath: string;
  readonly upstream: string;
  /** The server's root location, serving the default backend. */
  readonly isDefBackend: boolean;
  readonly origin?: LocationOrigin;
  readonly sslRedirect: boolean;
  readonly forceSslRedirect: boolean;
  readonly preserveTrailingSlash: boolean;
}

export interface NginxServer {
  /** The host, `*.example.com`, or `_` for the catch-all. */
  readonly hostname: string;
  readonly locations: readonly NginxLocation[];
  /** Whether a certificate is configured for the host (it is listed in a tls section), and which. */
  readonly tls?: { readonly ingress: string; readonly secret?: string; readonly secretFound: boolean };
}

export interface NginxModel {
  /** Sorted by hostname, as the controller sorts them; `_` is among them. */
  readonly servers: readonly NginxServer[];
  readonly upstreams: ReadonlyMap<string, Upstream>;
}

type MutableLocation = { -readonly [K in keyof NginxLocation]: NginxLocation[K] };
interface MutableServer { hostname: string; locations: MutableLocation[]; tls?: NginxServer['tls'] }

const key = (r: Routed<unknown>) => `${r.namespace}/${r.name}`;

/** sortIngressSlice: oldest first; without a creationTimestamp an object counts as created when the scenario was applied. */
export function ingressOrder(list: readonly Routed<IngressDoc>[]): Routed<IngressDoc>[] {
  return [...list].sort((a, b) => {
    const ta = a.created ?? Infinity, tb = b.created ?? Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0;
  });
}

export function upstreamName(namespace: string, b: IngressBackendDoc | undefined): string | undefined {
  const s = b?.service;
  if (!s) return undefined;
  return s.port.number !== undefined ? `${namespace}-${s.name}-${s.port.number}` : `${namespace}-${s.name}-${s.port.name}`;
}

function annotation(ing: Routed<IngressDoc>, name: string): string | undefined {
  return ing.doc.metadata.annotations?.[`${ANN}${name}`];
}

function locationOf(ctl: NginxController, ing: Routed<IngressDoc> | undefined, path: string, pathType: NginxLocation['pathType'], upstream: string, isDef: boolean, origin?: LocationOrigin): MutableLocation {
  const a = (n: string) => (ing ? annotation(ing, n) : undefined);
  const useRegex = a('use-regex') === 'true';
  return {
    path, modifier: useRegex ? 'regex' : pathType === 'Exact' ? 'exact' : 'prefix', pathType, ingressPath: path, upstream, isDefBackend: isDef,
    ...(origin ? { origin } : {}),
    sslRedirect: a('ssl-redirect') === undefined ? ctl.settings.sslRedirect : a('ssl-redirect') === 'true',
    forceSslRedirect: a('force-ssl-redirect') === 'true',
    preserveTrailingSlash: a('preserve-trailing-slash') === 'true',
  };
}

/** updateServerLocations: a Prefix path ends in "/" and gets an exact twin, unless an Exact path of that path exists. */
function withExactTwins(locations: readonly MutableLocation[]): MutableLocation[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: MutableLocation[] = [];
  for (const l of locations) {
    if (l.path === '/' || l.pathType !== 'Prefix' || l.modifier === 'regex') { out.push(l); continue; }
    const normal = l.path.endsWith('/') ? l.path : `${l.path}/`;
    out.push({ ...l, path: normal });
    if (!exact.has(l.path)) out.push({ ...l, modifier: 'exact' });
  }
  return out;
}

/** A server where any location uses regular expressions writes all of them as regexes (enforceRegexModifier). */
function enforceRegex(locations: MutableLocation[]): MutableLocation[] {
  return locations.some((l) => l.modifier === 'regex') ? locations.map((l) => ({ ...l, modifier: 'regex' as const })) : locations;
}

export function buildNginxModel(ctl: NginxController, ingresses: readonly Routed<IngressDoc>[], world: BackendWorld): NginxModel {
  const ings = ingressOrder(ingresses);
  const upstreams = new Map<string, Upstream>([[DEFAULT_UPSTREAM, defaultUpstream(ctl, world)]]);
  for (const ing of ings) {
    const serviceUpstream = (annotation(ing, 'service-upstream') ?? String(ctl.settings.serviceUpstream)) === 'true';
    const lb = annotation(ing, 'load-balance') ?? ctl.settings.loadBalance;
    const def = upstreamName(ing.namespace, ing.doc.spec.defaultBackend);
    if (def) upstreams.set(def, upstreamFor(def, ing.namespace, ing.doc.spec.defaultBackend!, serviceUpstream, lb, world));
    for (const rule of ing.doc.spec.rules) {
      for (const p of rule.http?.paths ?? []) {
        const name = upstreamName(ing.namespace, p.backend);
        if (name && !upstreams.has(name)) upstreams.set(name, upstreamFor(name, ing.namespace, p.backend, serviceUpstream, lb, world));
      }
    }
  }

  // createServers: the catch-all, then one server per host, its root location on the default backend.
  const servers = new Map<string, MutableServer>();
  servers.set(DEFAULT_SERVER, { hostname: DEFAULT_SERVER, locations: [locationOf(ctl, undefined, '/', 'Prefix', DEFAULT_UPSTREAM, true)] });
  for (const ing of ings) {
    const def = upstreamName(ing.namespace, ing.doc.spec.defaultBackend);
    const un = def && upstreams.has(def) ? def : DEFAULT_UPSTREAM;
    const origin = def ? { ingress: key(ing), field: 'spec.defaultBackend' } : undefined;
    const catchAll = servers.get(DEFAULT_SERVER)!.locations[0]!;
    if (def && catchAll.isDefBackend && ing.doc.spec.rules.length === 0) {
      Object.assign(catchAll, { isDefBackend: false, upstream: def, origin });
    }
    for (const rule of ing.doc.spec.rules) {
      const host = rule.host || DEFAULT_SERVER;
      if (servers.has(host)) continue;
      servers.set(host, { hostname: host, locations: [locationOf(ctl, ing, '/', 'Prefix', un, true, un === def ? origin : undefined)] });
    }
  }
  for (const ing of ings) {
    for (const rule of ing.doc.spec.rules) {
      const host = rule.host || DEFAULT_SERVER;
      const server = servers.get(host)!;
      if (server.tls || ing.doc.spec.tls.length === 0) continue;
      const entry = ing.doc.spec.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === host.toLowerCase()));
      if (!entry) continue;
      server.tls = { ingress: key(ing), ...(entry.secretName ? { secret: `${ing.namespace}/${entry.secretName}` } : {}), secretFound: entry.secretName !== undefined && world.secretExists(ing.namespace, entry.secretName) };
    }
  }

  // getBackendServers: a location per path; the first Ingress to define a path and type keeps it.
  for (const ing of ings) {
    ing.doc.spec.rules.forEach((rule, ri) => {
      const server = servers.get(rule.host || DEFAULT_SERVER) ?? servers.get(DEFAULT_SERVER)!;
      (rule.http?.paths ?? []).forEach((p, pi) => {
        const name = upstreamName(ing.namespace, p.backend);
        if (!name) return; // a resource backend: the default backend serves the path
        const path = p.path || '/';
        const origin = { ingress: key(ing), field: `spec.rules[${ri}].http.paths[${pi}]` };
        // Same path and type: the location exists (an nginx config with it twice would be refused, and the old one kept).
        const same = server.locations.find((l) => l.ingressPath === path && l.pathType === p.pathType);
        if (same) {
          if (same.isDefBackend) Object.assign(same, locationOf(ctl, ing, path, p.pathType, name, false, origin));
          return;
        }
        server.locations.push(locationOf(ctl, ing, path, p.pathType, name, false, origin));
      });
    });
  }
  const sorted = [...servers.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0)).map((s): NginxServer => {
    const byPath = [...s.locations].sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0)).sort((a, b) => b.path.length - a.path.length);
    return { hostname: s.hostname, locations: enforceRegex(withExactTwins(byPath)), ...(s.tls ? { tls: s.tls } : {}) };
  });
  return { servers: sorted, upstreams };
}
