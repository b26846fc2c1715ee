import { describe, expect, it } from 'vitest';
import { sent } from '../testing/trace';
import { simulate } from './simulate';
import { clusterFrom } from '../testing/build';
import { servicesScenario } from '../testing/services-scenario';
import type { DynState } from './state';

function endpoints(scheduler: string, sends: number): string[] {
  const c = clusterFrom(servicesScenario('ipvs').replace('spec: {seed: 3}', `spec: {seed: 3, ipvsScheduler: ${scheduler}}`));
  const out: string[] = [];
  let state: DynState | undefined;
  for (let i = 0; i < sends; i++) {
    const r = simulate(c, { from: 'client', to: 'svc:default/web', port: 80 }, state);
    if (!r.ok) throw new Error(r.error);
    const t = sent(r.trace);
    out.push(t.hops[t.hops.length - 1]!.packet.dst);
    expect(t.hops.find((h) => h.kind === 'ipvs')!.rule).toMatch(new RegExp(`^TCP {2}10\\.96\\.\\d+\\.\\d+:80 ${scheduler}\\n`));
    state = r.state;
  }
  return out;
}

describe('IPVS schedulers', () => {
  it('round-robins over the real servers by default (rr)', () => {
    const seen = endpoints('rr', 4);
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[0]).toBe(seen[2]);
  });

  it('keeps one client on one real server with source hashing (sh)', () => {
    expect(new Set(endpoints('sh', 4)).size).toBe(1);
  });
});
