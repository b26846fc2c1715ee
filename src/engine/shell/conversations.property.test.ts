// A property of every conversation: each exchange ends delivered, refused or dropped with a
// reason from the catalogue, its legs are in time order, and the same command and seed
// give the same trace. Random commands from random machines over the default scenario.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../cluster/compile';
import { parseScenario } from '../model/parse';
import { DROPS } from '../trace/drops';
import { runCommand } from './run';

const p = parseScenario(readFileSync(resolve(process.cwd(), 'src/scenarios/default.yaml'), 'utf8'));
if (!p.ok) throw new Error('default scenario');
const c = compile(p.scenario);
if (!c.ok) throw new Error('default scenario');
const cluster = c.cluster;

const FROM = ['default/web', 'default/cache', 'node:kind-worker', 'node:kind-control-plane', 'external:client', 'external:203.0.113.99'];
const HOSTS = ['api', 'api.default', 'kubernetes', 'api-public', 'nosuch', 'example.com', 'kind-worker', '93.184.216.34', '10.99.0.5', cluster.pod('default/cache')!.ip, cluster.service('default/api')!.clusterIP!];
const COMMANDS = [
  (h: string, port: number) => `curl -m 3 http://${h}:${port}/`, (h: string) => `curl -s https://${h}/`, (h: string) => `ping -c 2 ${h}`,
  (h: string) => `nslookup ${h}`, (h: string) => `dig ${h}`, (h: string, port: number) => `nc -zv -w 2 ${h} ${port}`, (h: string) => `traceroute -n -m 6 ${h}`,
];

describe('every conversation', () => {
  it('ends each exchange delivered, refused or dropped with a catalogued reason, legs in time order, the same every time', () => {
    fc.assert(fc.property(
      fc.constantFrom(...FROM), fc.constantFrom(...HOSTS), fc.integer({ min: 0, max: COMMANDS.length - 1 }), fc.constantFrom(80, 443, 6379, 8080, 53, 81), fc.integer({ min: 1, max: 1000 }),
      (from, host, k, port, seed) => {
        const command = COMMANDS[k]!(host, port);
        const r = runCommand(cluster, { from, command, seed });
        if (!r.ok) throw new Error(r.error);
        for (const e of r.trace?.exchanges ?? []) {
          expect(['delivered', 'refused', 'dropped']).toContain(e.verdict);
          if (e.verdict !== 'delivered') expect(Object.keys(DROPS)).toContain(e.code);
          expect(e.legs.length).toBeGreaterThan(0);
          for (const l of e.legs) {
            expect(l.hops.length).toBeGreaterThan(0);
            if (l.verdict !== 'delivered') expect(Object.keys(DROPS)).toContain(l.code);
            expect(l.end).toBeGreaterThanOrEqual(l.start);
          }
        }
        const seqs = (r.trace?.exchanges ?? []).flatMap((e) => e.legs.map((l) => l.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(seqs.map((_, i) => i));
        const again = runCommand(cluster, { from, command, seed });
        expect(again.ok && JSON.stringify(again.trace)).toBe(JSON.stringify(r.trace));
      },
    ), { seed: 20261201, numRuns: 60 });
  });
});
