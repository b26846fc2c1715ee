// HTTPRoute matching and precedence, checked on the Gateway API conformance tests' routes
// and expectations (conformance/tests/httproute-*.yaml and .go), through Envoy Gateway's
// ordering (internal/gatewayapi/sort.go).
import { describe, expect, it } from 'vitest';
import { gatewayLab, routeDoc } from './testing';

const V = ['infra-backend-v1', 'infra-backend-v2', 'infra-backend-v3'];
const to = (i: number) => `backendRefs: [{name: infra-backend-v${i}, port: 80}]`;

describe('conformance: HTTPRoutePathMatchOrder', () => {
  const lab = gatewayLab(routeDoc('path-matching-order', `  rules:
  - {matches: [{path: {type: Exact, value: /match}}], ${to(1)}}
  - {matches: [{path: {type: Exact, value: /match/exact}}], ${to(2)}}
  - {matches: [{path: {type: Exact, value: /match/exact/one}}], ${to(3)}}
  - {matches: [{path: {type: PathPrefix, value: /match/}}], ${to(3)}}
  - {matches: [{path: {type: PathPrefix, value: /match/prefix/}}], ${to(1)}}
  - {matches: [{path: {type: PathPrefix, value: /match/prefix/one}}], ${to(2)}}`), V);
  it.each([
    ['/match/exact/one', 3], ['/match/exact', 2], ['/match', 1], ['/match/prefix/one/any', 2], ['/match/prefix/any', 1], ['/match/any', 3],
  ])('%s goes to v%i', (path, v) => expect(lab.where('any.example', path)).toBe(`infra-backend-v${v}`));
});

describe('conformance: HTTPRouteMatching', () => {
  const lab = gatewayLab(routeDoc('matching', `  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    ${to(1)}
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    ${to(2)}`), V);
  it.each([
    ['/', {}, 1], ['/example', {}, 1], ['/', { Version: 'one' }, 1], ['/v2', {}, 2], ['/v2/example', {}, 2],
    ['/', { Version: 'two' }, 2], ['/v2/', {}, 2], ['/v2example', {}, 1], ['/foo/v2/example', {}, 1],
  ] as const)('%s %j goes to v%i', (path, headers, v) => expect(lab.where('any.example', path, { headers })).toBe(`infra-backend-v${v}`));
});

describe('conformance: HTTPRouteHeaderMatching', () => {
  const lab = gatewayLab(routeDoc('header-matching', `  rules:
  - {matches: [{headers: [{name: version, value: one}]}], ${to(1)}}
  - {matches: [{headers: [{name: version, value: two}]}], ${to(2)}}
  - {matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}], ${to(1)}}
  - {matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}], ${to(1)}}
  - {matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}], ${to(2)}}`), V);
  it.each([
    [{ Version: 'one' }, 'infra-backend-v1'], [{ Version: 'two' }, 'infra-backend-v2'], [{ Version: 'two', Color: 'orange' }, 'infra-backend-v1'],
    [{ Version: 'two', Color: 'blue' }, 'infra-backend-v2'], [{ Color: 'orange' }, '404'], [{ 'Some-Other-Header': 'one' }, '404'],
    [{ Color: 'blue' }, 'infra-backend-v1'], [{ Color: 'green' }, 'infra-backend-v1'], [{ Color: 'red' }, 'infra-backend-v2'],
    [{ Color: 'yellow' }, 'infra-backend-v2'], [{ Color: 'purple' }, '404'],
  ] as const)('%j → %s', (headers, want) => expect(lab.where('any.example', '/', { headers })).toBe(want));
});

describe('conformance: HTTPRouteMethodMatching', () => {
  const lab = gatewayLab(routeDoc('method-matching', `  rules:
  - {matches: [{method: POST}], ${to(1)}}
  - {matches: [{method: GET}], ${to(2)}}
  - {matches: [{path: {type: PathPrefix, value: /path1}, method: GET}], ${to(1)}}
  - {matches: [{headers: [{name: version, value: one}], method: PUT}], ${to(2)}}
  - {matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}], method: POST}], ${to(3)}}
  - matches:
    - {path: {type: PathPrefix, value: /path3}, method: PATCH}
    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}], method: DELETE}
    ${to(1)}
  - {matches: [{path: {type: PathPrefix, value: /path5}}], ${to(1)}}
  - {matches: [{method: PATCH}], ${to(2)}}
  - {matches: [{headers: [{name: version, value: four}]}], ${to(3)}}`), V);
  it.each([
    ['POST', '/', {}, 'infra-backend-v1'], ['GET', '/', {}, 'infra-backend-v2'], ['HEAD', '/', {}, '404'],
    ['GET', '/path1', {}, 'infra-backend-v1'], ['PUT', '/', { version: 'one' }, 'infra-backend-v2'], ['POST', '/path2', { version: 'two' }, 'infra-backend-v3'],
    ['PATCH', '/path3', {}, 'infra-backend-v1'], ['DELETE', '/path4', { version: 'three' }, 'infra-backend-v1'], ['PUT', '/', {}, '404'],
    ['DELETE', '/path4', {}, '404'], ['PATCH', '/path5', {}, 'infra-backend-v1'], ['PATCH', '/', { version: 'four' }, 'infra-backend-v2'],
  ] as const)('%s %s %j → %s', (method, path, headers, want) => expect(lab.where('any.example', path, { method, headers })).toBe(want));
});

describe('conformance: HTTPRouteQueryParamMatching', () => {
  const lab = gatewayLab(routeDoc('query-param-matching', `  rules:
  - {matches: [{queryParams: [{name: animal, value: whale}]}], ${to(1)}}
  - {matches: [{queryParams: [{name: animal, value: dolphin}]}], ${to(2)}}
  - {matches: [{queryParams: [{name: animal, value: dolphin}, {name: color, value: blue}]}, {queryParams: [{name: ANIMAL, value: Whale}]}], ${to(3)}}`), V);
  it.each([
    ['/?animal=whale', 'infra-backend-v1'], ['/?animal=dolphin', 'infra-backend-v2'], ['/?animal=dolphin&color=blue', 'infra-backend-v3'],
    ['/?ANIMAL=Whale', 'infra-backend-v3'], ['/?animal=whale&otherparam=irrelevant', 'infra-backend-v1'], ['/?animal=dolphin&color=yellow', 'infra-backend-v2'],
    ['/?color=blue', '404'], ['/?animal=dog', '404'], ['/?animal=whaledolphin', '404'], ['/', '404'],
  ])('%s → %s', (target, want) => expect(lab.where('any.example', target)).toBe(want));
});

describe('precedence across routes (HTTPRouteMatchingAcrossRoutes, and the tie rules)', () => {
  it('takes the longer prefix whichever route holds it, and the oldest route on a tie', () => {
    const older = routeDoc('b-route', `  rules:\n  - {matches: [{path: {type: PathPrefix, value: /x}}], ${to(1)}}`, ', creationTimestamp: "2024-01-01T00:00:00Z"');
    const newer = routeDoc('a-route', `  rules:\n  - {matches: [{path: {type: PathPrefix, value: /x}}], ${to(2)}}\n  - {matches: [{path: {type: PathPrefix, value: /x/y}}], ${to(3)}}`);
    const lab = gatewayLab(older + newer, V);
    expect(lab.where('h.example', '/x/z')).toBe('infra-backend-v1');
    expect(lab.where('h.example', '/x/y/z')).toBe('infra-backend-v3');
  });

  it('breaks a tie without creation times by namespace/name, a-route before b-route', () => {
    const lab = gatewayLab(routeDoc('b-route', `  rules:\n  - {${to(1)}}`) + routeDoc('a-route', `  rules:\n  - {${to(2)}}`), V);
    expect(lab.where('h.example', '/')).toBe('infra-backend-v2');
  });

  it('counts a method match as a header match, as Envoy Gateway does (the spec ranks method first; rule order decides here)', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - {matches: [{headers: [{name: x, value: "1"}]}], ${to(1)}}\n  - {matches: [{method: GET}], ${to(2)}}`), V);
    expect(lab.where('h.example', '/', { headers: { x: '1' } })).toBe('infra-backend-v1');
  });
});

describe('trailing slashes (where ingress-nginx redirects instead)', () => {
  it('does not match /foo with an Exact /foo/, and matches it with a PathPrefix /foo/', () => {
    const lab = gatewayLab(routeDoc('r', `  rules:\n  - {matches: [{path: {type: Exact, value: /e/}}], ${to(1)}}\n  - {matches: [{path: {type: PathPrefix, value: /p/}}], ${to(2)}}`), V);
    expect(lab.where('h.example', '/e')).toBe('404');
    expect(lab.where('h.example', '/e/')).toBe('infra-backend-v1');
    expect(lab.where('h.example', '/p')).toBe('infra-backend-v2');
    expect(lab.where('h.example', '/p/x')).toBe('infra-backend-v2');
  });
});

describe('hostnames', () => {
  it('serves an exact name before a wildcard, and a wildcard over several labels (HTTPRouteListenerHostnameMatching)', () => {
    const lab = gatewayLab(routeDoc('wild', `  hostnames: ["*.example.com"]\n  rules: [{${to(1)}}]`) + routeDoc('exact', `  hostnames: [foo.example.com]\n  rules: [{${to(2)}}]`), V);
    expect(lab.where('foo.example.com', '/')).toBe('infra-backend-v2');
    expect(lab.where('bar.example.com', '/')).toBe('infra-backend-v1');
    expect(lab.where('a.b.example.com', '/')).toBe('infra-backend-v1');
    expect(lab.where('example.com', '/')).toBe('404');
  });

  it('keeps only the names that intersect the listener\'s (HTTPRouteHostnameIntersection)', () => {
    const lab = gatewayLab(routeDoc('r', `  hostnames: [very.specific.com, "*.wildcard.io", non.matching.com]\n  rules: [{${to(1)}}]`), V, {
      listeners: '  - {name: l1, protocol: HTTP, port: 80, hostname: "*.wildcard.io"}\n  - {name: l2, protocol: HTTP, port: 80, hostname: very.specific.com}\n',
    });
    const domains = lab.model.ports[0]!.virtualHosts.map((v) => v.domain).sort();
    expect(domains).toEqual(['*.wildcard.io', 'very.specific.com']);
    expect(lab.where('non.matching.com', '/')).toBe('404');
    expect(lab.where('x.wildcard.io', '/')).toBe('infra-backend-v1');
  });

  it('does not attach a route whose names miss the listener\'s, and says why', () => {
    const lab = gatewayLab(routeDoc('r', `  hostnames: [other.com]\n  rules: [{${to(1)}}]`), V, { listeners: '  - {name: l1, protocol: HTTP, port: 80, hostname: site.com}\n' });
    expect(lab.model.routeStatus).toEqual([{ route: 'default/r', parentRef: 0, accepted: false, reason: 'NoMatchingListenerHostname' }]);
  });
});

describe('attachment', () => {
  it('admits only routes of the Gateway\'s namespace by default, and all with allowedRoutes from: All', () => {
    const r = `---
apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: elsewhere, namespace: team}
spec:
  parentRefs: [{name: eg, namespace: default}]
  rules: [{backendRefs: [{name: infra-backend-v1, namespace: default, port: 80}]}]
`;
    expect(gatewayLab(r, V).model.routeStatus[0]).toMatchObject({ accepted: false, reason: 'NotAllowedByListeners' });
    const open = gatewayLab(r, V, { listeners: '  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}\n' });
    expect(open.model.routeStatus[0]).toMatchObject({ accepted: true });
    // Attached, but the Service lives in another namespace and no ReferenceGrant allows it.
    expect(open.where('h.example', '/')).toBe('500');
  });

  it('follows sectionName and port in a parentRef', () => {
    const lab = gatewayLab(`---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: eg, sectionName: alt}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 80}]}]
`, V, { listeners: '  - {name: http, protocol: HTTP, port: 80}\n  - {name: alt, protocol: HTTP, port: 8080}\n' });
    expect(lab.where('h.example', '/', { port: 80 })).toBe('404');
    expect(lab.where('h.example', '/', { port: 8080 })).toBe('infra-backend-v1');
  });
});
