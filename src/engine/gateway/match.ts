// HTTPRoute matches as Envoy Gateway writes them for Envoy and orders them
// (internal/gatewayapi/sort.go XdsIRRoutes.Less, applied with a stable reverse sort):
// Exact paths before regular expressions before prefixes; then the longer path (a "/" prefix
// counts 0); then more header matches, then more exact ones (a method match is a header
// match on ":method", so the spec's "method before headers" falls to route order); then
// more query matches. Ties keep the order routes were taken in: oldest route, then
// namespace/name, then rule and match order. A prefix is path-separated ("/foo" matches
// "/foo" and "/foo/bar", not "/foobar"; a trailing slash in the value is dropped), an exact
// path is compared whole, a regular expression must match the whole path; all on the path
// without its query, with slashes merged.
import type { HttpRouteDoc } from '../model/schemas-routing';
import type { Routed } from '../model/types';

type Rule = HttpRouteDoc['spec']['rules'][number];
type Match = Rule['matches'][number];

/** One Envoy route: a match of a rule of an HTTPRoute. */
export interface GwRoute {
  readonly route: Routed<HttpRouteDoc>;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  readonly rule: Rule;
  readonly match: Match;
  /** Position in the order routes were taken in (before sorting). */
  readonly order: number;
}

export interface GwRequest {
  readonly method: string;
  /** Path and query. */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
}

const pathRank = (m: Match) => (m.path.type === 'Exact' ? 3 : m.path.type === 'RegularExpression' ? 2 : 1);
const pathCount = (m: Match) => (m.path.type === 'PathPrefix' && m.path.value === '/' ? 0 : m.path.value.length);
const headerCount = (m: Match) => m.headers.length + (m.method ? 1 : 0);
const exactHeaders = (m: Match) => m.headers.filter((h) => h.type === 'Exact').length + (m.method ? 1 : 0);

/** Whether a is matched after b (XdsIRRoutes.Less). */
function less(a: Match, b: Match): boolean {
  if (pathRank(a) !== pathRank(b)) return pathRank(a) < pathRank(b);
  if (pathCount(a) !== pathCount(b)) return pathCount(a) < pathCount(b);
  if (headerCount(a) !== headerCount(b)) return headerCount(a) < headerCount(b);
  if (exactHeaders(a) !== exactHeaders(b)) return exactHeaders(a) < exactHeaders(b);
  if (a.queryParams.length !== b.queryParams.length) return a.queryParams.length < b.queryParams.length;
  return a.queryParams.filter((q) => q.type === 'Exact').length < b.queryParams.filter((q) => q.type === 'Exact').length;
}

export function sortRoutes(routes: readonly GwRoute[]): GwRoute[] {
  return [...routes].sort((a, b) => a.order - b.order).sort((a, b) => (less(b.match, a.match) ? -1 : less(a.match, b.match) ? 1 : 0));
}

function fullMatch(re: string, s: string): boolean {
  try {
    return new RegExp(`^(?:${re})$`).test(s);
  } catch {
    return false;
  }
}

/** The path Envoy matches: without the query, slashes merged (Envoy Gateway turns on merge_slashes and normalize_path). */
export function matchPath(target: string): string {
  const q = target.search(/[?#]/);
  const p = q < 0 ? target : target.slice(0, q);
  return (p.startsWith('/') ? p : `/${p}`).replace(/\/{2,}/g, '/');
}

function pathOk(m: Match, path: string): boolean {
  const v = m.path.value;
  switch (m.path.type) {
    case 'Exact': return path === v;
    case 'RegularExpression': return fullMatch(v, path);
    case 'PathPrefix': {
      if (v === '/') return true;
      const p = v.replace(/\/$/, '');
      return path === p || path.startsWith(`${p}/`);
    }
  }
}

export function matches(m: Match, req: GwRequest): boolean {
  if (!pathOk(m, matchPath(req.target))) return false;
  if (m.method && m.method !== req.method) return false;
  for (const h of m.headers) {
    const got = req.headers.find(([k]) => k.toLowerCase() === h.name.toLowerCase())?.[1];
    if (got === undefined || (h.type === 'Exact' ? got !== h.value : !fullMatch(h.value, got))) return false;
  }
  const q = req.target.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : req.target.slice(q + 1));
  for (const p of m.queryParams) {
    const got = params.get(p.name);
    if (got === null || (p.type === 'Exact' ? got !== p.value : !fullMatch(p.value, got))) return false;
  }
  return true;
}

/** The first route of a virtual host (already in precedence order) that matches the request. */
export function firstMatch(routes: readonly GwRoute[], req: GwRequest): GwRoute | undefined {
  return routes.find((r) => matches(r.match, req));
}
