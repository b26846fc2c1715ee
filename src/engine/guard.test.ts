// The engine's doors never throw: a bad argument from a script or a bug deep in the walk is
// an answer with a located message, and the input is kept.
import { describe, expect, it } from 'vitest';
import { compile, parseScenario, simulate, tablesOf, topology } from './guard';
import { clusterFrom, KIND_3 } from './testing/build';
import type { Cluster } from './cluster/types';
import type { Scenario } from './model/types';
import { EMPTY_STATE } from './stack/state';

/** A cluster whose namespaces cannot be built, as a bug would leave it. */
function broken(): Cluster {
  const c = clusterFrom(KIND_3);
  const boom = () => { throw new Error('boom'); };
  return { ...c, netns: boom, shape: boom };
}

describe('the guarded entry points', () => {
  it('answer a non-text scenario with an error', () => {
    const r = parseScenario(42 as unknown as string);
    expect(r).toEqual({ ok: false, errors: [{ doc: 0, line: 0, message: 'a scenario is YAML text' }] });
  });

  it('report a throw while compiling as podpath\'s bug', () => {
    const r = compile(null as unknown as Scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^podpath failed in building the cluster: .*This is a bug in podpath, not in the scenario; nothing was changed\.$/);
  });

  it('refuse a send with a seed out of range, or names that are not text', () => {
    const c = clusterFrom(KIND_3);
    expect(simulate(c, { from: 'node:kind-worker', to: 'node:kind-worker2', port: 1, seed: 2 ** 31 })).toEqual({ ok: false, error: 'the seed must be a whole number from 0 to 2147483647 (2^31-1), not 2147483648' });
    expect(simulate(c, { from: 'node:kind-worker', to: 'node:kind-worker2', port: 1, seed: -1 }).ok).toBe(false);
    expect(simulate(c, { from: 7, to: 'x' } as never)).toEqual({ ok: false, error: 'a send needs "from" and "to" as text, e.g. "default/web"' });
  });

  it('turn a throw inside the walk, the drawing or the tables into an answer', () => {
    const c = broken();
    const s = simulate(c, { from: 'node:kind-worker', to: 'node:kind-worker2', port: 1 });
    expect(s).toEqual({ ok: false, error: 'podpath failed in walking the packet: boom. This is a bug in podpath, not in the scenario; nothing was changed.' });
    const t = topology(c);
    expect(t.elements).toEqual([]);
    expect(t.error?.message).toMatch(/^podpath failed in drawing the cluster: boom/);
    expect(tablesOf(c, EMPTY_STATE, 'node/kind-worker')).toMatchObject({ ok: false, error: expect.stringMatching(/^podpath failed in printing the tables of node\/kind-worker: boom/) });
  });

  it('give no tables, without an error, for a namespace the cluster does not have', () => {
    const c = clusterFrom(KIND_3);
    expect(tablesOf(c, EMPTY_STATE, 'node/kind-worker9')).toEqual({ ok: true, tables: [] });
    expect(tablesOf(c, EMPTY_STATE, 'pod/default/nope')).toEqual({ ok: true, tables: [] });
  });
});
