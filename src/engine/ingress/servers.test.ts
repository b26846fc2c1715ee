// Hosts, default backends, backends by port, several Ingresses per host, TLS and classes,
// as ingress-nginx builds them (controller.go) and as its e2e tests check them
// (test/e2e/ingress/without_host.go, multiple_rules.go; test/e2e/defaultbackend).
import { describe, expect, it } from 'vitest';
import { ingressDoc, nginxLab } from './testing';

const ING = (name: string, body: string, meta = '') => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}${meta}}
spec:
${body}
`;

describe('hosts', () => {
  it('matches a host exactly, case-insensitively and without the port; other hosts get the default backend', () => {
    const lab = nginxLab(ingressDoc('shop', 'shop.example.com', [['/', 'Prefix', 'shop']]), ['shop']);
    expect(lab.where('shop.example.com', '/')).toBe('shop');
    expect(lab.where('SHOP.example.com:8080', '/')).toBe('shop');
    expect(lab.where('other.example.com', '/')).toBe('default-backend');
    expect(lab.where('192.0.2.100', '/')).toBe('default-backend');
  });

  it('lets a wildcard cover exactly one label, as the API documents and buildServerName\'s regex does', () => {
    const lab = nginxLab(ingressDoc('wild', '*.foo.com', [['/', 'Prefix', 'wild']]), ['wild']);
    expect(lab.where('bar.foo.com', '/')).toBe('wild');
    expect(lab.where('baz.bar.foo.com', '/')).toBe('default-backend');
    expect(lab.where('foo.com', '/')).toBe('default-backend');
  });

  it('prefers an exact host to a wildcard one', () => {
    const lab = nginxLab(ingressDoc('wild', '*.foo.com', [['/', 'Prefix', 'wild']]) + ingressDoc('exact', 'bar.foo.com', [['/', 'Prefix', 'exact']]), ['wild', 'exact']);
    expect(lab.where('bar.foo.com', '/')).toBe('exact');
    expect(lab.where('qux.foo.com', '/')).toBe('wild');
  });

  it('serves a rule without a host for every Host that no server names (without_host.go)', () => {
    const lab = nginxLab(ingressDoc('default-host', undefined, [['/', 'Prefix', 'echo']]), ['echo']);
    expect(lab.where('anything.example', '/')).toBe('echo');
  });

  it('sends each host of one Ingress to its own Service (multiple_rules.go)', () => {
    const lab = nginxLab(ING('simh', `  ingressClassName: nginx
  rules:
  - host: first.host
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: first-service, port: {number: 80}}}}]}
  - host: second.host
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: second-service, port: {number: 80}}}}]}`), ['first-service', 'second-service']);
    expect(lab.where('first.host', '/exact')).toBe('first-service');
    expect(lab.where('second.host', '/exact')).toBe('second-service');
  });
});

describe('default backends', () => {
  it('answers from the controller\'s own server (127.0.0.1:8181) when nothing matches', () => {
    const lab = nginxLab(ingressDoc('shop', 'shop.example.com', [['/cart', 'Prefix', 'cart']]), ['cart']);
    const d = lab.decide('shop.example.com', '/nothing');
    expect(d.kind).toBe('proxy');
    if (d.kind !== 'proxy') return;
    expect(d.location.isDefBackend).toBe(true);
    expect(d.upstream.endpoints).toEqual([{ ip: '127.0.0.1', port: 8181, pod: expect.stringMatching(/^ingress-nginx\//) }]);
  });

  it('uses an Ingress\'s defaultBackend for its hosts, and for no other host (without_host.go, issue 8823)', () => {
    const lab = nginxLab(ING('backend', `  ingressClassName: nginx
  defaultBackend: {service: {name: echo, port: {number: 80}}}
  rules:
  - host: only-backend`), ['echo']);
    expect(lab.where('only-backend', '/')).toBe('echo');
    expect(lab.where('only-backend-doesnotexist', '/')).toBe('default-backend');
    const loc = lab.model.servers.find((s) => s.hostname === 'only-backend')!.locations[0]!;
    expect(loc.origin).toEqual({ ingress: 'default/backend', field: 'spec.defaultBackend' });
  });

  it('makes an Ingress with only a defaultBackend the catch-all', () => {
    const lab = nginxLab(ING('catch-all', `  ingressClassName: nginx
  defaultBackend: {service: {name: echo, port: {number: 80}}}`), ['echo']);
    expect(lab.where('whatever.example', '/any')).toBe('echo');
  });
});

describe('backends', () => {
  it('finds the Service port by number, by name, or by its targetPort\'s name', () => {
    const byName = (host: string, port: string) => ING(`by-${host}`, `  ingressClassName: nginx
  rules:
  - host: ${host}.example
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {${port}}}}}]}`);
    const lab = nginxLab(byName('number', 'number: 80') + byName('name', 'name: http'), ['echo']);
    for (const host of ['number.example', 'name.example']) {
      const d = lab.decide(host, '/');
      expect(d.kind === 'proxy' && d.upstream.endpoints.map((e) => e.port)).toEqual([80]);
    }
    expect([...lab.model.upstreams.keys()]).toEqual(['upstream-default-backend', 'default-echo-80', 'default-echo-http']);
  });

  it('answers 503 for a Service that does not exist, a port it lacks, or no ready endpoint', () => {
    const lab = nginxLab(ingressDoc('broken', 'lab.example', [['/missing', 'Prefix', 'missing'], ['/down', 'Prefix', 'down']]), ['up'], `---
apiVersion: v1
kind: Service
metadata: {name: down}
spec: {selector: {app: nobody}, ports: [{port: 80}]}
`);
    for (const path of ['/missing', '/down']) {
      const d = lab.decide('lab.example', path);
      expect(d).toMatchObject({ kind: 'respond', status: 503 });
    }
    expect(lab.model.upstreams.get('default-missing-80')?.problem).toBe('Service default/missing does not exist');
    expect(lab.model.upstreams.get('default-down-80')?.problem).toBe('Service default/down has no ready endpoint');
  });

  it('uses the Service\'s ClusterIP as the only endpoint with service-upstream', () => {
    const lab = nginxLab(ingressDoc('su', 'lab.example', [['/', 'Prefix', 'echo']], '', '    nginx.ingress.kubernetes.io/service-upstream: "true"\n'), ['echo']);
    const d = lab.decide('lab.example', '/');
    expect(d.kind === 'proxy' && d.upstream).toMatchObject({ viaClusterIP: true, endpoints: [{ ip: lab.cluster.service('default/echo')!.clusterIP, port: 80 }] });
  });
});

describe('several Ingresses for one host', () => {
  it('merges their paths into one server', () => {
    const lab = nginxLab(ingressDoc('cart', 'shop.example.com', [['/cart', 'Prefix', 'cart']]) + ingressDoc('pay', 'shop.example.com', [['/pay', 'Prefix', 'pay']]), ['cart', 'pay']);
    expect(lab.where('shop.example.com', '/cart/1')).toBe('cart');
    expect(lab.where('shop.example.com', '/pay')).toBe('pay');
    expect(lab.model.servers.filter((s) => s.hostname === 'shop.example.com')).toHaveLength(1);
  });

  it('keeps a path for the oldest Ingress; without creation times, for the last by namespace/name (sortIngressSlice)', () => {
    const a = ingressDoc('a', 'shop.example.com', [['/', 'Prefix', 'one']]);
    const b = ingressDoc('b', 'shop.example.com', [['/', 'Prefix', 'two']]);
    expect(nginxLab(a + b, ['one', 'two']).where('shop.example.com', '/')).toBe('two');
    const older = a.replace('name: a', 'name: a\n  creationTimestamp: "2024-01-01T00:00:00Z"');
    expect(nginxLab(older + b, ['one', 'two']).where('shop.example.com', '/')).toBe('one');
  });
});

describe('TLS', () => {
  const tls = (secret: string) => ingressDoc('tls', 'secure.example', [['/', 'Prefix', 'echo']], `  tls:\n  - hosts: [secure.example]\n    secretName: ${secret}\n`);
  it('redirects plain HTTP to https with 308 for a host with a certificate, dropping a trailing slash', () => {
    const lab = nginxLab(tls('secure-tls'), ['echo']);
    expect(lab.decide('secure.example', '/')).toMatchObject({ kind: 'respond', status: 308, redirect: 'https://secure.example' });
    expect(lab.decide('secure.example', '/a/?q=1')).toMatchObject({ status: 308, redirect: 'https://secure.example/a/?q=1' });
    expect(lab.where('secure.example', '/', 'https')).toBe('echo');
    expect(lab.model.servers.find((s) => s.hostname === 'secure.example')!.tls).toEqual({ ingress: 'default/tls', secret: 'default/secure-tls', secretFound: false });
  });
  it('notes whether the Secret exists', () => {
    const lab = nginxLab(tls('secure-tls'), ['echo'], `---
apiVersion: v1
kind: Secret
metadata: {name: secure-tls}
type: kubernetes.io/tls
`);
    expect(lab.model.servers.find((s) => s.hostname === 'secure.example')!.tls?.secretFound).toBe(true);
  });
  it('does not redirect with ssl-redirect: "false"', () => {
    const lab = nginxLab(tls('x').replace('  name: tls\n', '  name: tls\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"\n'), ['echo']);
    expect(lab.where('secure.example', '/')).toBe('echo');
  });
});

describe('IngressClass', () => {
  it('serves only the Ingresses of its class', () => {
    const other = ING('other', `  ingressClassName: traefik
  rules: [{host: t.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]`);
    const none = ING('none', `  rules: [{host: n.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]`);
    const legacy = ING('legacy', `  rules: [{host: l.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]}}]`, ', annotations: {kubernetes.io/ingress.class: nginx}');
    const lab = nginxLab(other + none + legacy, ['echo']);
    expect(lab.where('t.example', '/')).toBe('default-backend');
    expect(lab.where('n.example', '/')).toBe('default-backend');
    expect(lab.where('l.example', '/')).toBe('echo');
  });
});
