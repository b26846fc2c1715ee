import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { errorsOf, ok } from './testing';
import { envoyProxyName } from './gateway-infra';
import { EG, gatewayDoc } from '../gateway/testing';

const ING = (spec: string, meta = 'name: shop') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {${meta}}
spec:
${spec}`;

describe('Ingress and IngressClass documents', () => {
  it('are real kinds now: validated, defaulted and kept with their source, without a "not modelled" warning', () => {
    const s = ok(parseScenario(ING(`  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /cart, pathType: Prefix, backend: {service: {name: cart, port: {number: 80}}}}`)));
    expect(s.warnings).toEqual([]);
    expect(s.routing.ingresses).toHaveLength(1);
    expect(s.routing.ingresses[0]).toMatchObject({ namespace: 'default', name: 'shop', source: { doc: 1, line: 1 } });
    expect(s.routing.ingresses[0]!.doc.spec.tls).toEqual([]);
  });

  it('refuses what the API server refuses, with the field and line', () => {
    const e = errorsOf(parseScenario(ING(`  rules:
  - host: 10.0.0.1
    http:
      paths:
      - {path: foo, pathType: Prefix, backend: {service: {name: cart, port: {number: 80, name: http}}}}
      - {path: /a//b, pathType: Exact, backend: {service: {name: cart, port: {number: 80}}}}
      - {path: /c, backend: {service: {name: cart, port: {number: 80}}}}`)));
    const byField = Object.fromEntries(e.map((x) => [x.field, x]));
    expect(byField['spec.rules[0].host']?.message).toBe('must be a DNS name, not an IP address');
    expect(byField['spec.rules[0].http.paths[0].path']?.message).toMatch(/must be an absolute path/);
    expect(byField['spec.rules[0].http.paths[0].backend.service.port']?.message).toBe('exactly one of port.number and port.name must be set');
    expect(byField['spec.rules[0].http.paths[1].path']?.message).toBe("must not contain '//'");
    expect(byField['spec.rules[0].http.paths[2].pathType']?.message).toMatch(/pathType must be/);
    expect(e.every((x) => x.line > 0 && x.object === 'Ingress default/shop')).toBe(true);
  });

  it('needs a default backend or rules', () => {
    const e = errorsOf(parseScenario(ING('  tls: []')));
    expect(e[0]).toMatchObject({ field: 'spec', message: 'either `defaultBackend` or `rules` must be specified' });
  });

  it('gives an Ingress without a class the default IngressClass, as the DefaultIngressClass admission plugin does', () => {
    const s = ok(parseScenario(`apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec: {controller: k8s.io/ingress-nginx}
---
${ING('  defaultBackend: {service: {name: web, port: {number: 80}}}')}`));
    expect(s.routing.ingresses[0]!.doc.spec.ingressClassName).toBe('nginx');
    expect(s.routing.ingressClasses[0]!.namespace).toBe('');
  });

  it('reads metadata.creationTimestamp, which ingress-nginx and Gateway API order by', () => {
    const s = ok(parseScenario(ING('  defaultBackend: {service: {name: web, port: {number: 80}}}', 'name: a, creationTimestamp: "2024-05-01T10:00:00Z"')));
    expect(s.routing.ingresses[0]!.created).toBe(Date.UTC(2024, 4, 1, 10) / 1000);
  });

  it('refuses two Ingresses of one name in a namespace', () => {
    const one = ING('  defaultBackend: {service: {name: web, port: {number: 80}}}');
    const e = errorsOf(parseScenario(`${one}\n---\n${one}`));
    expect(e[0]).toMatchObject({ doc: 2, message: 'an Ingress named default/shop already exists' });
  });
});

describe('Gateway API documents', () => {
  it('fill in the CRDs\' defaults: a rule matches PathPrefix / and a backendRef weighs 1', () => {
    const s = ok(parseScenario(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: backend}
spec:
  parentRefs: [{name: eg}]
  rules:
  - backendRefs: [{name: backend, port: 3000}]`));
    const r = s.routing.httpRoutes[0]!.doc.spec;
    expect(r.parentRefs[0]).toMatchObject({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'eg' });
    expect(r.rules[0]!.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }]);
    expect(r.rules[0]!.backendRefs[0]).toMatchObject({ group: '', kind: 'Service', weight: 1 });
  });

  it('apply the CRDs\' CEL rules', () => {
    const e = errorsOf(parseScenario(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bad}
spec:
  rules:
  - matches: [{path: {type: PathPrefix, value: "foo"}}]
    filters: [{type: RequestRedirect, requestRedirect: {statusCode: 301}}]
    backendRefs: [{name: x, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: http, port: 8080, protocol: HTTP}
  - {name: web, port: 80, protocol: HTTP}`));
    expect(e.map((x) => x.message)).toEqual(expect.arrayContaining([
      "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
      'RequestRedirect filter must not be used together with backendRefs',
      'Listener name must be unique within the Gateway ("http" appears twice)',
      'Combination of port, protocol and hostname must be unique for each listener',
    ]));
  });
});

describe('spec.addons', () => {
  it('installs ingress-nginx as its cloud manifest names it', () => {
    const s = ok(parseScenario(`apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {addons: [ingress-nginx]}`));
    expect(s.namespaces.map((n) => n.name)).toContain('ingress-nginx');
    const svc = s.services.find((x) => x.namespace === 'ingress-nginx' && x.name === 'ingress-nginx-controller');
    expect(svc?.body).toMatchObject({ spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' } });
    const pod = s.pods.find((p) => p.namespace === 'ingress-nginx');
    expect(pod?.name).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(pod?.containers[0]).toMatchObject({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.15.1' });
    expect(s.routing.ingressClasses.map((c) => [c.name, c.doc.spec.controller])).toEqual([['nginx', 'k8s.io/ingress-nginx']]);
    expect(s.other.find((o) => o.kind === 'ConfigMap')?.name).toBe('ingress-nginx-controller');
  });

  it('lets the scenario\'s own objects win over the addon\'s', () => {
    const s = ok(parseScenario(`apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {addons: [ingress-nginx]}
---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: NodePort
  selector: {app.kubernetes.io/name: ingress-nginx}
  ports: [{name: http, port: 80, targetPort: http}]`));
    const svcs = s.services.filter((x) => x.name === 'ingress-nginx-controller');
    expect(svcs).toHaveLength(1);
    expect(svcs[0]!.body).toMatchObject({ spec: { type: 'NodePort' } });
  });

  it('runs Envoy Gateway\'s proxy for each of its Gateways, named and ported as its infrastructure manager does', () => {
    expect(envoyProxyName('default', 'eg')).toBe('envoy-default-eg-e41e7b31');
    expect(envoyProxyName('a'.repeat(30), 'b'.repeat(30))).toMatch(/^envoy-a{30}-b{17}-[0-9a-f]{8}$/);
    const s = ok(parseScenario(`${EG}${gatewayDoc('  - {name: http, protocol: HTTP, port: 80}\n')}`));
    const svc = s.services.find((x) => x.name === 'envoy-default-eg-e41e7b31');
    expect(svc).toMatchObject({ namespace: 'envoy-gateway-system', source: { doc: 3 } });
    expect(svc?.body).toMatchObject({ spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ name: 'http-80', port: 80, targetPort: 10080 }] } });
    const proxy = s.pods.find((p) => p.name.startsWith('envoy-default-eg-e41e7b31-'));
    expect(proxy?.labels).toMatchObject({ 'gateway.envoyproxy.io/owning-gateway-name': 'eg', 'gateway.envoyproxy.io/owning-gateway-namespace': 'default' });
    expect(s.pods.some((p) => p.name.startsWith('envoy-gateway-'))).toBe(true);
  });

  it('makes no proxy for a Gateway whose controller is not installed', () => {
    const s = ok(parseScenario(`${EG.replace(/^[^]*?---\n/, '')}${gatewayDoc()}`));
    expect(s.services.some((x) => x.name.startsWith('envoy-'))).toBe(false);
  });
});
