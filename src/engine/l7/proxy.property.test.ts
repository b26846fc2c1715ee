// Properties of the layer-7 walk, over generated routing rules (fast-check, pinned seeds):
// 1. A request from outside is answered by the backend the rules pick, through both
//    connections (client → controller, controller → that backend's pod), and the answer
//    reaches the client from the address it called.
// 2. The same routes written as Ingresses (served by ingress-nginx) and as HTTPRoutes
//    (served by Envoy Gateway) send every request to the same Service, or both to none.
//    The generated rules avoid where the two differ by design (see the unit tests):
//    trailing slashes in paths (nginx redirects), wildcard hosts (one label against many),
//    ImplementationSpecific paths, and equal creation times (opposite tie-breaks).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterFrom, KIND_3 } from '../testing/build';
import { ADDON, backends, nginxLab } from '../ingress/testing';
import { gatewayLab } from '../gateway/testing';
import { runCommand } from '../shell/run';

const HOSTS = ['shop.example.com', 'blog.example.com', ''] as const;
const PATHS = ['/', '/a', '/a/b', '/b', '/ab', '/a/b/c'] as const;
const SERVICES = ['s0', 's1', 's2', 's3'] as const;

interface PathRule { readonly path: string; readonly type: 'Exact' | 'Prefix'; readonly service: string }
interface HostRule { readonly host: string; readonly paths: readonly PathRule[] }
type Objects = readonly (readonly HostRule[])[];

const pathRule = fc.record({ path: fc.constantFrom(...PATHS), type: fc.constantFrom('Exact' as const, 'Prefix' as const), service: fc.constantFrom(...SERVICES) });
const hostRule = fc.record({ host: fc.constantFrom(...HOSTS), paths: fc.array(pathRule, { minLength: 1, maxLength: 4 }) });
const objects = fc.array(fc.array(hostRule, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 });
const request = fc.record({ host: fc.constantFrom('shop.example.com', 'blog.example.com', 'other.example'), path: fc.constantFrom('/', '/a', '/a/', '/a/b', '/a/b/c/d', '/ab', '/b/x', '/c', '/a?x=1') });

const stamp = (i: number) => `2024-01-01T00:00:0${i}Z`;

function ingresses(objs: Objects): string {
  return objs.map((rules, i) => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing${i}, creationTimestamp: "${stamp(i)}"}
spec:
  ingressClassName: nginx
  rules:
${rules.map((r) => `  - ${r.host ? `host: ${r.host}\n    ` : ''}http:
      paths:
${r.paths.map((p) => `      - {path: "${p.path}", pathType: ${p.type}, backend: {service: {name: ${p.service}, port: {number: 80}}}}`).join('\n')}`).join('\n')}
`).join('');
}

/** Each Ingress rule as an HTTPRoute of its own (its host as the one hostname), each path a rule with one match. */
function httpRoutes(objs: Objects): string {
  return objs.flatMap((rules, i) => rules.map((r, j) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ing${i}-r${j}, creationTimestamp: "${stamp(i)}"}
spec:
  parentRefs: [{name: eg}]
${r.host ? `  hostnames: [${r.host}]\n` : ''}  rules:
${r.paths.map((p) => `  - matches: [{path: {type: ${p.type === 'Exact' ? 'Exact' : 'PathPrefix'}, value: "${p.path}"}}]\n    backendRefs: [{name: ${p.service}, port: 80}]`).join('\n')}
`)).join('');
}

describe('the layer-7 walk', () => {
  it('answers from the backend the rules pick, over both connections, from the address the client called', () => {
    fc.assert(fc.property(objects, fc.array(request, { minLength: 1, maxLength: 3 }), (objs, reqs) => {
      const lab = nginxLab(ingresses(objs), SERVICES);
      const c = clusterFrom(`${KIND_3}---\n${ADDON}${backends(SERVICES)}${ingresses(objs)}`);
      const lb = c.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
      const controller = c.pods.find((p) => p.spec.namespace === 'ingress-nginx')!;
      for (const r of reqs) {
        const want = lab.where(r.host, r.path);
        const out = runCommand(c, { from: 'external:client', command: `curl -H 'Host: ${r.host}' 'http://${lb}${r.path}'` });
        if (!out.ok || out.command.tool !== 'curl' || !out.trace) throw new Error('curl did not run');
        const res = out.command.result.response!;
        const [client, upstream] = out.trace.exchanges;
        const back = client!.legs.at(-1)!.hops.at(-1)!;
        expect(back.packet).toMatchObject({ src: lb, sport: 80, dst: '203.0.113.10' });
        if (want === 'default-backend') {
          expect(res.status).toBe(404);
          expect(upstream!.tuple.dst).toBe('127.0.0.1');
        } else {
          expect(res.status).toBe(200);
          expect(/^Hostname: (.*)$/m.exec(res.body)?.[1]).toBe(want);
          expect(upstream!.tuple).toMatchObject({ src: controller.ip, dst: c.pod(`default/${want}`)!.ip, dport: 80 });
          expect(upstream!.verdict).toBe('delivered');
        }
      }
    }), { seed: 20261201, numRuns: 20 });
  });

  it('makes the same choices for the same routes as Ingress and as HTTPRoute', () => {
    fc.assert(fc.property(objects, fc.array(request, { minLength: 4, maxLength: 8 }), (objs, reqs) => {
      const nginx = nginxLab(ingresses(objs), SERVICES);
      const envoy = gatewayLab(httpRoutes(objs), SERVICES);
      for (const r of reqs) {
        const a = nginx.where(r.host, r.path);
        const b = envoy.where(r.host, r.path);
        expect({ request: r, choice: b }).toEqual({ request: r, choice: a === 'default-backend' ? '404' : a });
      }
    }), { seed: 7, numRuns: 60 });
  });
});
