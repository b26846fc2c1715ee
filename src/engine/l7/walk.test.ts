// An outside host's curl through the load balancer, kube-proxy and a layer-7 proxy: the
// client's connection ends at the proxy pod, the proxy's own connection goes from its pod
// address to the chosen endpoint, and the answer walks back both.
import { describe, expect, it } from 'vitest';
import { clusterFrom, KIND_3 } from '../testing/build';
import { ADDON, backends, ingressDoc } from '../ingress/testing';
import { EG, gatewayDoc, routeDoc } from '../gateway/testing';
import { runCommand } from '../shell/run';
import type { Cluster } from '../cluster/types';
import type { Exchange, Trace } from '../trace/types';

const SHOP = ingressDoc('shop', 'shop.example.com', [['/cart', 'Prefix', 'cart'], ['/', 'Prefix', 'shop']]);

function curl(c: Cluster, command: string, from = 'external:client') {
  const r = runCommand(c, { from, command });
  if (!r.ok || r.command.tool !== 'curl' || !r.trace) throw new Error(r.ok ? 'no curl' : r.error);
  return { trace: r.trace, result: r.command.result };
}

const header = (body: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(body)?.[1]?.trim();
const children = (t: Trace, ex: Exchange) => t.exchanges.filter((e) => e.parent === ex.id);
const hopsOf = (ex: Exchange) => ex.legs.flatMap((l) => l.hops);

describe('ingress-nginx as a proxy', () => {
  const c = clusterFrom(`${KIND_3}---\n${ADDON}${backends(['cart', 'shop'])}${SHOP}`);
  const lb = c.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
  const controller = c.pods.find((p) => p.spec.namespace === 'ingress-nginx')!;

  it('ends the client\'s connection at the controller and opens its own from the pod to the endpoint, bypassing the ClusterIP', () => {
    const { trace, result } = curl(c, `curl -H 'Host: shop.example.com' http://${lb}/cart`);
    const [client, ...rest] = trace.exchanges;
    expect(client!.tuple).toMatchObject({ src: '203.0.113.10', dst: lb, dport: 80 });
    expect(hopsOf(client!).find((h) => h.kind === 'deliver')!.nsId).toBe(`pod/${controller.key}`);
    expect(rest).toHaveLength(1);
    const up = rest[0]!;
    const cart = c.pods.find((p) => p.key === 'default/cart')!;
    expect(up).toMatchObject({ parent: client!.id, kind: 'http', verdict: 'delivered', tuple: { src: controller.ip, dst: cart.ip, dport: 80 } });
    expect(up.tuple.sport).toBeGreaterThanOrEqual(32768);
    // Straight to the pod: no Service address, so kube-proxy's DNAT never applies on the way.
    expect(hopsOf(up).filter((h) => h.kind === 'nat')).toEqual([]);
    expect(result.response?.status).toBe(200);
    expect(header(result.response!.body, 'Hostname')).toBe('cart');
    expect(header(result.response!.body, 'RemoteAddr')).toMatch(new RegExp(`^${controller.ip.replace(/\./g, '\\.')}:\\d+$`));
    // The answer comes back on both connections, to the address the client called.
    const lastDeliver = client!.legs.at(-1)!.hops.at(-1)!;
    expect(lastDeliver).toMatchObject({ kind: 'deliver', nsId: 'host/client' });
    expect(lastDeliver.packet).toMatchObject({ src: lb, sport: 80, dst: '203.0.113.10' });
    expect(up.legs.at(-1)!.hops.at(-1)!).toMatchObject({ kind: 'deliver', nsId: `pod/${controller.key}` });
  });

  it('names the rule it matched and the upstream it chose on its hops', () => {
    const { trace } = curl(c, `curl -H 'Host: shop.example.com' http://${lb}/cart/items`);
    const proxy = hopsOf(trace.exchanges[0]!).filter((h) => h.kind === 'proxy');
    expect(proxy.map((h) => h.proxy?.step)).toEqual(['route', 'balance']);
    expect(proxy[0]!.proxy!.route).toEqual({ kind: 'Ingress', namespace: 'default', name: 'shop', field: 'spec.rules[0].http.paths[0]' });
    expect(proxy[0]!.rule).toContain('path: /cart');
    expect(proxy[0]!.text).toContain('location "/cart/"');
    expect(proxy[1]!.proxy!.upstream).toMatchObject({ name: 'default-cart-80', service: 'default/cart', endpoint: `${c.pod('default/cart')!.ip}:80` });
  });

  it('keeps the client\'s address with externalTrafficPolicy: Local, so X-Forwarded-For and X-Real-IP name it', () => {
    const { result } = curl(c, `curl -H 'Host: shop.example.com' http://${lb}/`);
    expect(header(result.response!.body, 'X-Forwarded-For')).toBe('203.0.113.10');
    expect(header(result.response!.body, 'X-Real-Ip')).toBe('203.0.113.10');
    expect(header(result.response!.body, 'X-Forwarded-Host')).toBe('shop.example.com');
  });

  it('sees a node\'s address instead with externalTrafficPolicy: Cluster when the load balancer picks a node without the controller', () => {
    const cluster = `---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Cluster
  selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller, app.kubernetes.io/instance: ingress-nginx}
  ports: [{name: http, port: 80, targetPort: http}, {name: https, port: 443, targetPort: https}]
`;
    const cc = clusterFrom(`${KIND_3}---\n${ADDON}${backends(['cart', 'shop'])}${SHOP}${cluster}`);
    const ip = cc.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
    const seen = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const r = runCommand(cc, { from: 'external:client', command: `curl -H 'Host: shop.example.com' http://${ip}/`, seed });
      if (!r.ok || r.command.tool !== 'curl') throw new Error('curl');
      seen.add(header(r.command.result.response!.body, 'X-Forwarded-For')!);
    }
    // kube-proxy masquerades external traffic with policy Cluster: to the node's address when it
    // forwards to another node, to its bridge's (cni0, 10.244.N.1) when the controller runs on it.
    const nodes = new Set(cc.nodes.map((n) => n.ip));
    const bridges = new Set(cc.nodes.map((n) => n.ip).map((_, i) => `10.244.${i}.1`));
    expect([...seen].some((a) => nodes.has(a))).toBe(true);
    expect([...seen].every((a) => nodes.has(a) || bridges.has(a))).toBe(true);
    expect(seen.has('203.0.113.10')).toBe(false);
  });

  it('trusts the client\'s X-Forwarded-For only with use-forwarded-headers in its ConfigMap', () => {
    const sent = `curl -H 'Host: shop.example.com' -H 'X-Forwarded-For: 198.51.100.9' http://${lb}/`;
    const plain = curl(c, sent).result.response!.body;
    expect(header(plain, 'X-Forwarded-For')).toBe('203.0.113.10');
    expect(header(plain, 'X-Original-Forwarded-For')).toBe('198.51.100.9');
    const cm = `---
apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
data: {use-forwarded-headers: "true", compute-full-forwarded-for: "true"}
`;
    const cc = clusterFrom(`${KIND_3}---\n${ADDON}${backends(['cart', 'shop'])}${SHOP}${cm}`);
    const body = curl(cc, sent.replace(lb, cc.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!)).result.response!.body;
    expect(header(body, 'X-Forwarded-For')).toBe('198.51.100.9, 203.0.113.10');
    expect(header(body, 'X-Real-Ip')).toBe('198.51.100.9');
  });

  it('sends the request to the ClusterIP with service-upstream, where kube-proxy picks the pod', () => {
    const su = ingressDoc('su', 'su.example.com', [['/', 'Prefix', 'cart']], '', '    nginx.ingress.kubernetes.io/service-upstream: "true"\n');
    const cc = clusterFrom(`${KIND_3}---\n${ADDON}${backends(['cart'])}${su}`);
    const ip = cc.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
    const { trace } = curl(cc, `curl -H 'Host: su.example.com' http://${ip}/`);
    const up = children(trace, trace.exchanges[0]!)[0]!;
    expect(up.tuple.dst).toBe(cc.service('default/cart')!.clusterIP);
    expect(hopsOf(up).some((h) => h.kind === 'nat' && h.packet.dst === cc.pod('default/cart')!.ip)).toBe(true);
  });

  it('answers a host no Ingress names from its own default server over loopback: 404', () => {
    const { trace, result } = curl(c, `curl -H 'Host: nobody.example.com' http://${lb}/`);
    expect(result.response?.status).toBe(404);
    expect(result.response?.body).toContain('<center>nginx</center>');
    const up = children(trace, trace.exchanges[0]!)[0]!;
    expect(up.tuple).toMatchObject({ src: '127.0.0.1', dst: '127.0.0.1', dport: 8181 });
    expect(hopsOf(up).some((h) => h.kind === 'loopback')).toBe(true);
  });

  it('answers 503 itself for a path whose Service has no endpoint, without an upstream connection', () => {
    const cc = clusterFrom(`${KIND_3}---\n${ADDON}${ingressDoc('gone', 'gone.example.com', [['/', 'Prefix', 'missing']])}`);
    const ip = cc.service('ingress-nginx/ingress-nginx-controller')!.loadBalancerIP!;
    const { trace, result } = curl(cc, `curl -H 'Host: gone.example.com' http://${ip}/`);
    expect(result.response).toMatchObject({ status: 503, reason: 'Service Temporarily Unavailable' });
    expect(trace.exchanges).toHaveLength(1);
  });

  it('ends TLS at the controller and speaks plain HTTP to the pod', () => {
    const { trace, result } = curl(c, `curl -k -H 'Host: shop.example.com' https://${lb}/cart`);
    const client = trace.exchanges[0]!;
    expect(client.legs.map((l) => l.name)).toContain('TLS ClientHello');
    expect(hopsOf(client).find((h) => h.kind === 'proxy')!.text).toContain('TLS ended here');
    expect(children(trace, client)[0]!.tuple.dport).toBe(80);
    expect(header(result.response!.body, 'X-Forwarded-Proto')).toBe('https');
    expect(result.response!.headers.find((h) => h.name === 'Strict-Transport-Security')?.value).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('Envoy Gateway as a proxy', () => {
  const routes = routeDoc('shop', `  hostnames: [shop.example.com]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /cart}}]\n    backendRefs: [{name: cart, port: 80}]\n  - backendRefs: [{name: shop, port: 80}]`);
  const c = clusterFrom(`${KIND_3}---\n${EG}${gatewayDoc()}${backends(['cart', 'shop'])}${routes}`);
  const svc = c.services.find((s) => s.name === 'envoy-default-eg-e41e7b31')!;
  const envoy = c.pods.find((p) => p.spec.name.startsWith('envoy-default-eg-e41e7b31-'))!;

  it('ends the client\'s connection at the Envoy pod\'s listener (port 10080) and connects from the pod to the endpoint', () => {
    const { trace, result } = curl(c, `curl -H 'Host: shop.example.com' http://${svc.loadBalancerIP}/cart`);
    const client = trace.exchanges[0]!;
    expect(hopsOf(client).find((h) => h.kind === 'deliver')!.packet).toMatchObject({ dst: envoy.ip, dport: 10080 });
    const up = children(trace, client)[0]!;
    expect(up.tuple).toMatchObject({ src: envoy.ip, dst: c.pod('default/cart')!.ip, dport: 80 });
    expect(hopsOf(client).find((h) => h.proxy?.step === 'route')!.proxy!.route).toEqual({ kind: 'HTTPRoute', namespace: 'default', name: 'shop', field: 'spec.rules[0].matches[0]' });
    expect(header(result.response!.body, 'X-Forwarded-For')).toBe('203.0.113.10');
    expect(header(result.response!.body, 'X-Envoy-External-Address')).toBe('203.0.113.10');
    expect(result.response!.headers.map((h) => h.name)).toEqual(['date', 'content-length', 'content-type', 'x-envoy-upstream-service-time', 'server']);
  });

  it('appends its peer to an X-Forwarded-For the client sent', () => {
    const { result } = curl(c, `curl -H 'Host: shop.example.com' -H 'X-Forwarded-For: 198.51.100.9' http://${svc.loadBalancerIP}/`);
    expect(header(result.response!.body, 'X-Forwarded-For')).toBe('198.51.100.9,203.0.113.10');
  });
});
