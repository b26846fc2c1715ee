// HTTPRoute filters, as the Gateway API defines them and Envoy applies them:
// RequestHeaderModifier and ResponseHeaderModifier (remove, then set to overwrite, then add
// to append another value), RequestRedirect (the Location built from scheme, hostname, port
// and path, 302 unless statusCode says otherwise; the port left out when it is the scheme's
// own) and URLRewrite (the Host header and the path the backend sees). A path modifier
// replaces the full path, or the prefix the rule's one PathPrefix match matched.
import type { HttpRouteFilterDoc } from '../model/schemas-routing';

type Headers = readonly (readonly [string, string])[];
type Modifier = NonNullable<HttpRouteFilterDoc['requestHeaderModifier']>;
type PathModifier = NonNullable<NonNullable<HttpRouteFilterDoc['urlRewrite']>['path']>;

export function modifyHeaders(headers: Headers, m: Modifier): (readonly [string, string])[] {
  const lower = (s: string) => s.toLowerCase();
  const removed = new Set([...m.remove, ...m.set.map((h) => h.name)].map(lower));
  const out: (readonly [string, string])[] = headers.filter(([k]) => !removed.has(lower(k)));
  for (const h of m.set) out.push([h.name, h.value]);
  for (const h of m.add) out.push([h.name, h.value]);
  return out;
}

/** The path after a modifier; `prefix` is the value of the PathPrefix match that matched. */
export function modifyPath(target: string, mod: PathModifier, prefix: string | undefined): string {
  const q = target.search(/[?#]/);
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q);
  if (mod.type === 'ReplaceFullPath') return `${mod.replaceFullPath ?? '/'}${query}`;
  const p = (prefix ?? '/').replace(/\/$/, '');
  const rest = path.slice(p.length);
  const joined = `${(mod.replacePrefixMatch ?? '/').replace(/\/$/, '')}${rest}`;
  return `${joined || '/'}${query}`;
}

export interface RedirectInput {
  readonly scheme: 'http' | 'https';
  /** The Host header, without its port. */
  readonly host: string;
  readonly listenerPort: number;
  readonly target: string;
  readonly prefix?: string;
}

/** The Location header of a RequestRedirect. */
export function redirectLocation(r: NonNullable<HttpRouteFilterDoc['requestRedirect']>, req: RedirectInput): string {
  const scheme = r.scheme ?? req.scheme;
  const port = r.port ?? (r.scheme ? (r.scheme === 'https' ? 443 : 80) : req.listenerPort);
  const showPort = !((scheme === 'http' && port === 80) || (scheme === 'https' && port === 443));
  const path = r.path ? modifyPath(req.target, r.path, req.prefix) : req.target;
  return `${scheme}://${r.hostname ?? req.host}${showPort ? `:${port}` : ''}${path}`;
}

/** The filters of a rule and of the backendRef chosen, in order, of one type. */
export function filtersOf<T extends HttpRouteFilterDoc['type']>(filters: readonly HttpRouteFilterDoc[], type: T): HttpRouteFilterDoc[] {
  return filters.filter((f) => f.type === type);
}
