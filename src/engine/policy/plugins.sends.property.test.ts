// For random namespaces, pods and NetworkPolicies, the reachability matrix from real sends
// under each enforcing plugin (every cell a send through the engine) equals a direct reading
// of the API's rules; under Cilium, except that an ipBlock never matches a pod's address, so
// there it may deny what the API allows, never the other way round.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterFrom } from '../testing/build';
import type { Cluster } from '../cluster/types';
import { decide } from './evaluate';
import { reachMatrix } from './reach';
import { worldArb, worldYaml, PORTS, type WorldGen } from './testing/arbitrary';
import { policyWorld } from './world';

function build(g: WorldGen, settings: string): Cluster {
  const plain = clusterFrom(worldYaml({ ...g, policies: [] }, () => undefined, settings));
  const keys = g.pods.map((p, i) => `${p.ns}/p${i}`);
  return clusterFrom(worldYaml(g, (i) => plain.pod(keys[i]!)?.ip, settings));
}

const PROTOCOL = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;
const PLUGINS = [
  { name: 'Calico', settings: ', cni: calico', exact: true },
  { name: 'kindnet', settings: ', cni: kindnet', exact: true },
  { name: 'Cilium', settings: ', cni: cilium', exact: false },
] as const;

describe('the matrix from sends equals a direct reading of the API (property)', () => {
  for (const plugin of PLUGINS) {
    it(`under ${plugin.name}`, () => {
      fc.assert(fc.property(worldArb, fc.constantFrom(...PORTS), fc.constantFrom('tcp', 'udp', 'sctp'), (g, port, proto) => {
        const c = build(g, plugin.settings);
        const w = policyWorld(c);
        const m = reachMatrix(c, { port, proto });
        m.pods.forEach((from, r) => m.pods.forEach((to, col) => {
          if (r === col) return;
          const cell = m.cells[r]![col]!;
          const api = decide(w, { src: w.endpoint(c.pod(from)!.ip), dst: w.endpoint(c.pod(to)!.ip), protocol: PROTOCOL[proto], port }).allowed;
          const what = `${plugin.name} ${proto}/${port} ${from} -> ${to}: ${cell.verdict}`;
          expect(['allowed', 'denied'], what).toContain(cell.verdict);
          if (plugin.exact) expect(cell.verdict === 'allowed', what).toBe(api);
          else if (cell.verdict === 'allowed') expect(api, what).toBe(true);
        }));
      }), { seed: 20261201, numRuns: 25 });
    });
  }
});
