import { describe, expect, it } from 'vitest';
import { sent } from '../testing/trace';
import fc from 'fast-check';
import { simulate } from './simulate';
import { clusterFrom, pod } from '../testing/build';

// Random clusters of 1-4 workers with 2-10 pods, random sends between pods to a port the
// destination listens on. Whatever the shape, without Services nothing rewrites addresses,
// every forward lowers the TTL by one, and the answer comes back to the sender.
const clusterArb = fc.record({
  workers: fc.integer({ min: 1, max: 4 }),
  pods: fc.array(fc.record({ node: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), port: fc.integer({ min: 1, max: 65535 }) }), { minLength: 2, maxLength: 10 }),
});

function scenario(workers: number, pods: readonly { node?: number; port: number }[]): string {
  const nodes = ['{role: control-plane}', ...Array.from({ length: workers }, () => '{role: worker}')].join(', ');
  const name = (i: number) => `kind-worker${i === 0 ? '' : i + 1}`;
  return `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${nodes}]\n` +
    pods.map((p, i) => pod(`p${i}`, p.node === undefined ? undefined : name(p.node % workers), [['c', p.port]])).join('');
}

describe('paths without NAT (property)', () => {
  it('delivers every pod-to-pod send with the sender\'s addresses and a TTL lowered once per router', () => {
    fc.assert(fc.property(clusterArb, fc.nat(), fc.nat(), ({ workers, pods }, a, b) => {
      const c = clusterFrom(scenario(workers, pods));
      const i = a % pods.length;
      let j = b % pods.length;
      if (j === i) j = (j + 1) % pods.length;
      const send = { from: `p${i}`, to: `p${j}`, port: pods[j]!.port };
      const r = simulate(c, send);
      if (!r.ok) throw new Error(r.error);
      const t = sent(r.trace);
      expect(t.verdict).toBe('delivered');
      expect(t.reply?.verdict).toBe('delivered');
      const src = c.pod(`default/p${i}`)!;
      const dst = c.pod(`default/p${j}`)!;
      const delivered = t.hops[t.hops.length - 1]!.packet;
      expect([delivered.src, delivered.dst, delivered.dport]).toEqual([src.ip, dst.ip, pods[j]!.port]);
      const forwards = t.hops.filter((h) => h.kind === 'route' && h.before !== undefined).length;
      expect(forwards).toBe(src.node === dst.node ? 0 : 2);
      expect(delivered.ttl).toBe(64 - forwards);
      const again = simulate(clusterFrom(scenario(workers, pods)), send);
      expect(again.ok && JSON.stringify(again.trace)).toBe(JSON.stringify(r.trace));
    }), { seed: 20261122, numRuns: 60 });
  });
});
