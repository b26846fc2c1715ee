// The path matching table of the Ingress API documentation
// (kubernetes.io/docs/concepts/services-networking/ingress/#examples), run through what
// ingress-nginx makes of the paths, and the path cases of ingress-nginx's own e2e tests
// (test/e2e/ingress/pathtype_*.go).
import { describe, expect, it } from 'vitest';
import { ingressDoc, nginxLab } from './testing';
import { findLocation, normalizedUri } from './locations';

type Kind = 'Prefix' | 'Exact';
/** [kind of each path, paths, request, the path that serves it (or 'default-backend'), the doc's words]. */
const TABLE: readonly (readonly [readonly Kind[], readonly string[], string, string, string])[] = [
  [['Prefix'], ['/'], '/anything/at/all', '/', 'Yes'],
  [['Exact'], ['/foo'], '/foo', '/foo', 'Yes'],
  [['Exact'], ['/foo'], '/bar', 'default-backend', 'No'],
  [['Exact'], ['/foo'], '/foo/', 'default-backend', 'No'],
  [['Exact'], ['/foo/'], '/foo', 'redirect', 'No (nginx redirects /foo to /foo/)'],
  [['Prefix'], ['/foo'], '/foo', '/foo', 'Yes'],
  [['Prefix'], ['/foo'], '/foo/', '/foo', 'Yes'],
  [['Prefix'], ['/foo/'], '/foo/', '/foo/', 'Yes'],
  [['Prefix'], ['/foo/'], '/foo', 'redirect', 'Yes (ingress-nginx: after a 301 to /foo/)'],
  [['Prefix'], ['/aaa/bb'], '/aaa/bbb', 'default-backend', 'No'],
  [['Prefix'], ['/aaa/bbb'], '/aaa/bbb', '/aaa/bbb', 'Yes'],
  [['Prefix'], ['/aaa/bbb/'], '/aaa/bbb', 'redirect', 'Yes, ignores trailing slash (ingress-nginx: after a 301)'],
  [['Prefix'], ['/aaa/bbb'], '/aaa/bbb/', '/aaa/bbb', 'Yes, matches trailing slash'],
  [['Prefix'], ['/aaa/bbb'], '/aaa/bbb/ccc', '/aaa/bbb', 'Yes, matches subpath'],
  [['Prefix'], ['/aaa/bbb'], '/aaa/bbbxyz', 'default-backend', 'No, does not match string prefix'],
  [['Prefix', 'Prefix'], ['/', '/aaa'], '/aaa/ccc', '/aaa', 'Yes, matches /aaa prefix'],
  [['Prefix', 'Prefix', 'Prefix'], ['/', '/aaa', '/aaa/bbb'], '/aaa/bbb', '/aaa/bbb', 'Yes, matches /aaa/bbb prefix'],
  [['Prefix', 'Prefix', 'Prefix'], ['/', '/aaa', '/aaa/bbb'], '/ccc', '/', 'Yes, matches / prefix'],
  [['Prefix'], ['/aaa'], '/ccc', 'default-backend', 'No, uses default backend'],
];

describe('the Ingress API documentation\'s path matching table, through ingress-nginx', () => {
  it.each(TABLE.map((r, i) => [i, ...r] as const))('row %i: %j %j, request %s → %s (%s)', (i, kinds, paths, request, expected) => {
    const services = paths.map((_, j) => `p${j}`);
    const lab = nginxLab(ingressDoc(`row${i}`, 'lab.example.com', paths.map((p, j) => [p, kinds[j]!, services[j]!])), services);
    const got = lab.where('lab.example.com', request);
    if (expected === 'default-backend') expect(got).toBe('default-backend');
    else if (expected === 'redirect') expect(got).toBe(`301 ${request}/`);
    else expect(got).toBe(services[paths.indexOf(expected)]);
  });

  it('prefers Exact over Prefix for the same path (the table\'s Mixed row)', () => {
    const lab = nginxLab(ingressDoc('mixed', 'lab.example.com', [['/foo', 'Prefix', 'prefix'], ['/foo', 'Exact', 'exact']]), ['prefix', 'exact']);
    expect(lab.where('lab.example.com', '/foo')).toBe('exact');
    expect(lab.where('lab.example.com', '/foo/bar')).toBe('prefix');
    // An Exact /foo takes the place of the exact twin the Prefix path would get.
    const server = lab.model.servers.find((s) => s.hostname === 'lab.example.com')!;
    expect(server.locations.map((l) => `${l.modifier === 'exact' ? '= ' : ''}${l.path}`)).toEqual(['/foo/', '= /foo', '/']);
  });

  it('follows the longest match first, whatever the order of the paths in the YAML', () => {
    const lab = nginxLab(ingressDoc('order', 'lab.example.com', [['/', 'Prefix', 'root'], ['/api/v1', 'Prefix', 'v1'], ['/api', 'Prefix', 'api']]), ['root', 'api', 'v1']);
    expect(lab.where('lab.example.com', '/api/v1/users')).toBe('v1');
    expect(lab.where('lab.example.com', '/api/v2')).toBe('api');
    expect(lab.where('lab.example.com', '/apiary')).toBe('root');
  });

  it('matches paths case-sensitively, and on the path without its query string', () => {
    const lab = nginxLab(ingressDoc('case', 'lab.example.com', [['/foo', 'Exact', 'foo']]), ['foo']);
    expect(lab.where('lab.example.com', '/FOO')).toBe('default-backend');
    expect(lab.where('lab.example.com', '/foo?x=1')).toBe('foo');
    expect(lab.where('lab.example.com', '//foo')).toBe('foo');
  });
});

describe('ingress-nginx\'s e2e path cases', () => {
  it('pathtype_prefix: /aaa does not match /aaaccc, but /aaa, /aaa/ and /aaa/cccc', () => {
    const lab = nginxLab(ingressDoc('exact', 'prefix.path', [['/aaa', 'Prefix', 'echo']]), ['echo']);
    expect(lab.where('prefix.path', '/aaa')).toBe('echo');
    expect(lab.where('prefix.path', '/aaacccc')).toBe('default-backend');
    expect(lab.where('prefix.path', '/aaa/cccc')).toBe('echo');
    expect(lab.where('prefix.path', '/aaa/')).toBe('echo');
    const server = lab.model.servers.find((s) => s.hostname === 'prefix.path')!;
    expect(server.locations.map((l) => l.path)).toContain('/aaa/');
  });

  it('pathtype_exact: the exact location serves /exact, the prefix one /exact/suffix, and a later duplicate is ignored', () => {
    const lab = nginxLab([
      ingressDoc('exact', 'exact.path', [['/exact', 'Exact', 'exact']]).replace('name: exact', 'name: exact\n  creationTimestamp: "2024-01-01T00:00:00Z"'),
      ingressDoc('exact-suffix', 'exact.path', [['/exact', 'Prefix', 'prefix']]).replace('name: exact-suffix', 'name: exact-suffix\n  creationTimestamp: "2024-01-01T00:00:01Z"'),
      ingressDoc('duplicated-prefix', 'exact.path', [['/exact', 'Prefix', 'duplicated']]).replace('name: duplicated-prefix', 'name: duplicated-prefix\n  creationTimestamp: "2024-01-01T00:00:02Z"'),
    ].join(''), ['exact', 'prefix', 'duplicated']);
    expect(lab.where('exact.path', '/exact')).toBe('exact');
    expect(lab.where('exact.path', '/exact/suffix')).toBe('prefix');
  });

  it('pathtype_mixed: Exact and Prefix on / and /foo', () => {
    const lab = nginxLab([
      ingressDoc('exact-root', 'mixed.path', [['/', 'Exact', 'exact-root']]),
      ingressDoc('prefix-root', 'mixed.path', [['/', 'Prefix', 'prefix-root']]),
      ingressDoc('exact-foo', 'mixed.path', [['/foo', 'Exact', 'exact-foo']]),
      ingressDoc('prefix-foo', 'mixed.path', [['/foo', 'Prefix', 'prefix-foo']]),
    ].join(''), ['exact-root', 'prefix-root', 'exact-foo', 'prefix-foo']);
    expect(lab.where('mixed.path', '/')).toBe('exact-root');
    expect(lab.where('mixed.path', '/bar')).toBe('prefix-root');
    expect(lab.where('mixed.path', '/foo')).toBe('exact-foo');
    expect(lab.where('mixed.path', '/foo/bar')).toBe('prefix-foo');
    expect(lab.where('mixed.path', '/foobar')).toBe('prefix-root');
  });

  it('ImplementationSpecific is a plain nginx prefix: /foo also serves /foobar', () => {
    const lab = nginxLab(ingressDoc('impl', 'lab.example.com', [['/foo', 'ImplementationSpecific', 'impl']]), ['impl']);
    expect(lab.where('lab.example.com', '/foobar')).toBe('impl');
    expect(lab.where('lab.example.com', '/fo')).toBe('default-backend');
  });

  it('use-regex turns every location of the server into a case-insensitive regex, tried in order', () => {
    const ann = '    nginx.ingress.kubernetes.io/use-regex: "true"\n';
    const lab = nginxLab(ingressDoc('re', 'echo.regex.br', [['/id/[0-9]+$', 'ImplementationSpecific', 'digits']], '', ann), ['digits']);
    expect(lab.where('echo.regex.br', '/id/1')).toBe('digits');
    expect(lab.where('echo.regex.br', '/id/aaa')).toBe('default-backend');
    expect(lab.where('echo.regex.br', '/id/123a')).toBe('default-backend');
    const open = nginxLab(ingressDoc('re', 'echo.com.br', [['/id/[0-9]+', 'ImplementationSpecific', 'digits']], '', ann), ['digits']);
    expect(open.where('echo.com.br', '/id/123a')).toBe('digits');
  });
});

describe('nginx\'s location search', () => {
  const locs = [
    { path: '/a/', modifier: 'prefix' as const }, { path: '/a', modifier: 'exact' as const },
    { path: '/b/', modifier: 'prefix' as const }, { path: '/', modifier: 'prefix' as const },
  ];
  it('takes an exact match first, then the slash redirect, then the longest prefix', () => {
    expect(findLocation(locs, '/a')).toEqual({ kind: 'location', location: locs[1] });
    expect(findLocation(locs, '/b')).toEqual({ kind: 'slash-redirect', location: locs[2], to: '/b/' });
    expect(findLocation(locs, '/a/x')).toEqual({ kind: 'location', location: locs[0] });
    expect(findLocation(locs, '/c')).toEqual({ kind: 'location', location: locs[3] });
  });
  it('reads the URI without its query and with slashes merged', () => {
    expect(normalizedUri('/a//b?x=//')).toBe('/a/b');
    expect(normalizedUri('/caf%C3%A9')).toBe('/café');
  });
});
