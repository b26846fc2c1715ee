import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, parseScenario, routingTables, exec } from '../../engine';
import { stepsOf } from '../../store/steps';
import { isReachedRow, reachedRoute } from './matched';

const parsed = parseScenario(readFileSync('src/scenarios/ingress.yaml', 'utf8'));
if (!parsed.ok) throw new Error('scenario');
const compiled = compile(parsed.scenario);
if (!compiled.ok) throw new Error('compile');
const cluster = compiled.cluster;
const tables = routingTables(cluster);

function walk(command: string) {
  const r = exec(cluster, { from: 'external:client', command });
  if (!r.ok || !r.trace) throw new Error('exec');
  return stepsOf(r.trace);
}

describe('the row a walk reaches', () => {
  it('is none before the request reaches the proxy, then the rule it matched', () => {
    const steps = walk("curl -H 'Host: shop.example.com' http://192.0.2.101/cart");
    const at = steps.findIndex((s) => s.hop.proxy?.step === 'route');
    expect(reachedRoute(steps, at - 1)).toBeUndefined();
    const reached = reachedRoute(steps, steps.length - 1)!;
    expect(reached.position).toBe(at);
    const lit = tables.flatMap((t) => t.rows.filter((r) => isReachedRow(t, r, reached)).map((r) => `${t.proxy} ${r.host} ${r.match}`));
    expect(lit).toEqual(['ingress-nginx shop.example.com Prefix /cart']);
  });

  it('is the server\'s default row when no path matches, and an HTTPRoute\'s rule through Envoy', () => {
    const steps = walk("curl -H 'Host: elsewhere.example' http://192.0.2.101/");
    const reached = reachedRoute(steps, steps.length - 1);
    expect(tables.flatMap((t) => t.rows.filter((r) => isReachedRow(t, r, reached)).map((r) => `${r.host} ${r.backend}`))).toEqual(['* default backend (404)']);
    const gw = walk("curl -H 'Host: blog.example.com' http://192.0.2.100/api");
    const g = reachedRoute(gw, gw.length - 1);
    expect(tables.flatMap((t) => t.rows.filter((r) => isReachedRow(t, r, g)).map((r) => `${t.proxy} ${r.match}`))).toEqual(['envoy PathPrefix /api']);
  });
});
