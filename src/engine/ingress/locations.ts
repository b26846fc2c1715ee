// How nginx picks the location block for a request URI (ngx_http_core_find_location and its
// static location tree), for the locations ingress-nginx writes:
// - an exact location (`location = "/cart"`) equal to the URI wins at once;
// - a prefix location equal to the URI is taken next;
// - a location written with a trailing slash ("/cart/") that equals the URI plus "/" makes
//   nginx answer 301 with the slash appended, because every ingress-nginx location proxies
//   (proxy_pass sets auto_redirect);
// - otherwise the longest prefix location the URI starts with (character by character);
// - in a server where any location uses regular expressions (use-regex), every location is
//   written `~* "^path"` and the first one in the server's order that matches wins.
// Prefix comparison is case-sensitive, as on Linux.

export type LocationModifier = 'exact' | 'prefix' | 'regex';

export interface LocationLike {
  /** The path as nginx's location directive holds it: "/cart/" for Prefix /cart, "/cart" for its exact twin. */
  readonly path: string;
  readonly modifier: LocationModifier;
}

export type LocationPick<L> =
  | { readonly kind: 'location'; readonly location: L }
  /** nginx's auto-redirect: 301 to the URI with a slash appended. */
  | { readonly kind: 'slash-redirect'; readonly location: L; readonly to: string }
  | { readonly kind: 'none' };

/** `location ~* "^path"`: the path is a PCRE, anchored at the start, case-insensitive. JS regexes read the common subset alike. */
function regexMatches(path: string, uri: string): boolean {
  try {
    return new RegExp(`^${path}`, 'i').test(uri);
  } catch {
    return false;
  }
}

export function findLocation<L extends LocationLike>(locations: readonly L[], uri: string): LocationPick<L> {
  if (locations.some((l) => l.modifier === 'regex')) {
    const hit = locations.find((l) => regexMatches(l.path, uri));
    return hit ? { kind: 'location', location: hit } : { kind: 'none' };
  }
  const exact = locations.find((l) => l.modifier === 'exact' && l.path === uri);
  if (exact) return { kind: 'location', location: exact };
  const same = locations.find((l) => l.modifier === 'prefix' && l.path === uri);
  if (same) return { kind: 'location', location: same };
  const slash = locations.find((l) => l.path.endsWith('/') && l.path === `${uri}/`);
  if (slash) return { kind: 'slash-redirect', location: slash, to: `${uri}/` };
  let best: L | undefined;
  for (const l of locations) {
    if (l.modifier !== 'prefix' || !uri.startsWith(l.path)) continue;
    if (!best || l.path.length > best.path.length) best = l;
  }
  return best ? { kind: 'location', location: best } : { kind: 'none' };
}

/** The URI nginx matches locations against: the path without the query, %XX decoded, runs of slashes merged (merge_slashes on). */
export function normalizedUri(target: string): string {
  const q = target.search(/[?#]/);
  let path = q < 0 ? target : target.slice(0, q);
  try {
    path = decodeURIComponent(path);
  } catch {
    // nginx answers 400 to a bad escape; podpath matches the text as written
  }
  return (path.startsWith('/') ? path : `/${path}`).replace(/\/{2,}/g, '/');
}
