// Filters and backends, checked on the Gateway API conformance expectations
// (httproute-redirect-*.go, httproute-rewrite-path.go, httproute-request-header-modifier.go,
// httproute-invalid-*.go, httproute-omitted-backendrefs.go, httproute-weight.go).
import { describe, expect, it } from 'vitest';
import { modifyHeaders, modifyPath, redirectLocation } from './filters';
import { gatewayLab, routeDoc } from './testing';
import { upstreamRequest } from './route';

const redirect = (r: Record<string, unknown>) => ({ statusCode: 302 as const, ...r });

describe('RequestRedirect (HTTPRouteRedirectPortAndScheme, HTTPRouteRedirectPath)', () => {
  const on = (listenerPort: number, target: string, scheme: 'http' | 'https' = 'http') => ({ scheme, host: 'gw.example', listenerPort, target });
  it.each([
    [80, {}, 'http://example.org/p'], [80, { port: 80 }, 'http://example.org/p'], [80, { port: 8080 }, 'http://example.org:8080/p'],
    [80, { scheme: 'https' }, 'https://example.org/p'], [80, { scheme: 'https', port: 443 }, 'https://example.org/p'], [80, { scheme: 'https', port: 8443 }, 'https://example.org:8443/p'],
    [8080, {}, 'http://example.org:8080/p'], [8080, { port: 80 }, 'http://example.org/p'], [8080, { scheme: 'https' }, 'https://example.org/p'],
  ] as const)('on listener %i, %j → %s', (port, r, want) => {
    expect(redirectLocation(redirect({ hostname: 'example.org', ...r }), on(port, '/p'))).toBe(want);
  });
  it('replaces the full path or the matched prefix, keeping the query', () => {
    expect(redirectLocation(redirect({ path: { type: 'ReplaceFullPath', replaceFullPath: '/replacement-full' } }), on(80, '/full/path/original?x=1'))).toBe('http://gw.example/replacement-full?x=1');
    expect(redirectLocation(redirect({ path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/replacement-prefix' } }), { ...on(80, '/original-prefix/lemon'), prefix: '/original-prefix' })).toBe('http://gw.example/replacement-prefix/lemon');
  });
  it('answers with the filter\'s status and Location, and no backend is asked', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - matches: [{path: {type: PathPrefix, value: /old}}]\n    filters: [{type: RequestRedirect, requestRedirect: {hostname: new.example, statusCode: 301}}]`), []);
    expect(lab.where('h.example', '/old/a')).toBe('301 http://new.example/old/a');
  });
});

describe('URLRewrite and RequestHeaderModifier (HTTPRouteRewritePath, HTTPRouteRequestHeaderModifier)', () => {
  const prefix = (target: string, p: string, r: string) => modifyPath(target, { type: 'ReplacePrefixMatch', replacePrefixMatch: r }, p);
  it.each([
    ['/prefix/one/two', '/prefix/one', '/one', '/one/two'], ['/strip-prefix/three', '/strip-prefix', '/', '/three'], ['/strip-prefix', '/strip-prefix', '/', '/'],
    ['/prefix/rewrite-path-and-modify-headers/one', '/prefix/rewrite-path-and-modify-headers', '/prefix', '/prefix/one'], ['/a/?q=1', '/a/', '/b/', '/b/?q=1'],
  ])('%s with prefix %s replaced by %s → %s', (t, p, r, want) => expect(prefix(t, p, r)).toBe(want));
  it('replaces a full path', () => expect(modifyPath('/full/one/two', { type: 'ReplaceFullPath', replaceFullPath: '/one' }, '/full/one')).toBe('/one'));
  it('removes, then sets (overwriting), then adds (another value)', () => {
    const out = modifyHeaders([['X-Header-Set', 'some-other-value'], ['X-Header-Add', 'add-appends-values'], ['X-Header-Remove', 'gone'], ['Keep', 'k']],
      { set: [{ name: 'X-Header-Set', value: 'set-overwrites-values' }], add: [{ name: 'X-Header-Add', value: 'header-val-1' }], remove: ['x-header-remove'] });
    expect(out).toEqual([['X-Header-Add', 'add-appends-values'], ['Keep', 'k'], ['X-Header-Set', 'set-overwrites-values'], ['X-Header-Add', 'header-val-1']]);
  });
  it('applies the rule\'s rewrite and headers to the request the backend gets', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:
  - matches: [{path: {type: PathPrefix, value: /api}}]
    filters:
    - {type: URLRewrite, urlRewrite: {hostname: internal.svc, path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}
    - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Team, value: shop}]}}
    backendRefs: [{name: api, port: 80}]`), ['api']);
    const d = lab.decide('h.example', '/api/users?id=1');
    if (d.kind !== 'forward') throw new Error(d.kind);
    expect(upstreamRequest(d, [['host', 'h.example'], ['x-team', 'old']], '/api/users?id=1')).toEqual({ headers: [['host', 'internal.svc'], ['X-Team', 'shop']], target: '/users?id=1' });
  });
});

describe('backends', () => {
  it('answers 500 for a rule without backendRefs and for a Service that does not exist (HTTPRouteOmittedBackendRefs, HTTPRouteInvalidNonExistentBackendRef)', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - matches: [{path: {type: PathPrefix, value: /none}}]\n  - matches: [{path: {type: PathPrefix, value: /missing}}]\n    backendRefs: [{name: nonexistent, port: 80}]`), []);
    expect(lab.where('h.example', '/none')).toBe('500');
    expect(lab.where('h.example', '/missing')).toBe('500');
    const d = lab.decide('h.example', '/missing');
    expect(d.kind === 'error' && d.why).toMatch(/BackendNotFound/);
  });

  it('answers 500 for a backendRef of an unknown kind, and for one across namespaces without a ReferenceGrant', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:
  - matches: [{path: {type: PathPrefix, value: /kind}}]
    backendRefs: [{group: unknownkind.example.com, kind: Unknown, name: x, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /cross}}]
    backendRefs: [{name: web, namespace: other, port: 80}]`), []);
    expect(lab.where('h.example', '/kind')).toBe('500');
    expect(lab.where('h.example', '/cross')).toBe('500');
  });

  it('lets a ReferenceGrant open another namespace\'s Service', () => {
    const grant = `---
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: other, labels: {app: web}}
spec: {containers: [{name: w, image: traefik/whoami, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: other}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: other}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
  to: [{group: "", kind: Service}]
`;
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - backendRefs: [{name: web, namespace: other, port: 80}]`), [], { extra: grant });
    expect(lab.where('h.example', '/')).toBe('web');
  });

  it('answers 503 for a Service without a ready endpoint', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - backendRefs: [{name: down, port: 80}]`), [], { extra: '---\napiVersion: v1\nkind: Service\nmetadata: {name: down}\nspec: {selector: {app: nobody}, ports: [{port: 80}]}\n' });
    expect(lab.where('h.example', '/')).toBe('503');
  });

  it('draws a backendRef by weight; a weight of 0 is never drawn (HTTPRouteWeight)', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - backendRefs: [{name: a, port: 80, weight: 0}, {name: b, port: 80, weight: 3}]`), ['a', 'b']);
    expect(lab.where('h.example', '/')).toBe('b');
    expect(lab.where('h.example', '/', { draw: 0 })).toBe('a');
  });
});
