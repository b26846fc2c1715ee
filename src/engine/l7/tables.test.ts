import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clusterFrom } from '../testing/build';
import { routingTables } from './tables';
import { runCommand } from '../shell/run';

const c = clusterFrom(readFileSync('src/scenarios/ingress.yaml', 'utf8'));

describe('the routing tables', () => {
  const tables = routingTables(c);

  it('list each proxy with the Service it is reached through', () => {
    expect(tables.map((t) => [t.proxy, t.entry])).toEqual([
      ['ingress-nginx', 'Service ingress-nginx/ingress-nginx-controller, load balancer 192.0.2.101'],
      ['envoy', 'Service envoy-gateway-system/envoy-default-eg-e41e7b31, load balancer 192.0.2.100'],
    ]);
  });

  it('show ingress-nginx\'s servers and locations, a Prefix path\'s two locations in one row', () => {
    const nginx = tables[0]!;
    expect(nginx.rows.map((r) => `${r.host} | ${r.match} | ${r.detail} | ${r.backend}`)).toEqual([
      '* | no path matches | location "/" | default backend (404)',
      'blog.example.com | Prefix /api | location "/api/" and location = "/api" | default/api:8080',
      'blog.example.com | Prefix / | location "/" | default/blog:80',
      'shop.example.com | Prefix /cart | location "/cart/" and location = "/cart" | default/cart:80',
      'shop.example.com | Prefix / | location "/" | default/shop:http',
    ]);
    expect(nginx.rows[3]!.endpoints).toHaveLength(2);
    expect(nginx.rows[3]!.route).toEqual({ kind: 'Ingress', namespace: 'default', name: 'shop', field: 'spec.rules[0].http.paths[0]' });
  });

  it('show the Gateway\'s routes per virtual host, in the order Envoy tries them', () => {
    const gw = tables[1]!;
    expect(gw.rows.map((r) => `${r.host} | ${r.match} | ${r.backend}`)).toEqual([
      'blog.example.com | PathPrefix /api | default/api:8080',
      'blog.example.com | PathPrefix / | default/blog:80',
      'shop.example.com | PathPrefix /cart | default/cart:80',
      'shop.example.com | PathPrefix / | default/shop:80',
    ]);
  });

  it('name the same rule the proxy hop names', () => {
    const r = runCommand(c, { from: 'external:client', command: "curl -H 'Host: blog.example.com' http://192.0.2.101/api/x" });
    if (!r.ok || !r.trace) throw new Error('curl');
    const hop = r.trace.exchanges[0]!.legs.flatMap((l) => l.hops).find((h) => h.proxy?.step === 'route')!;
    expect(tables[0]!.rows.filter((row) => JSON.stringify(row.route) === JSON.stringify(hop.proxy!.route)).map((row) => row.host)).toEqual(['blog.example.com']);
    expect(hop.proxy!.instance).toBe(tables[0]!.instance);
  });
});
