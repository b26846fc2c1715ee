// Comparing two runs: hops line up by place and kind; the ones that changed or exist in one
// run only are marked. Checked on the same send in iptables and IPVS mode.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { compareRuns, differences } from './compare';
import { createLoadedStore } from './store';

async function stepsIn(text: string) {
  const store = await createLoadedStore(text);
  await store.getState().sendRequest({ from: 'default/web', to: 'svc:default/api', port: 80 });
  return store.getState().steps;
}

describe('comparing two runs', () => {
  it('finds nothing to mark between a run and itself', async () => {
    const steps = await stepsIn(defaultYaml);
    const legs = compareRuns(steps, steps);
    expect(legs.map((l) => l.title)).toEqual(['Exchange 1 · SYN', 'Exchange 1 · SYN ACK']);
    expect(differences(legs)).toBe(0);
    expect(legs[0]!.rows.every((r) => r.mark === 'same' && r.pinned === r.current)).toBe(true);
  });

  it('marks the hops IPVS mode adds and the netfilter hops whose rules changed', async () => {
    const iptables = await stepsIn(defaultYaml);
    const ipvs = await stepsIn(defaultYaml.replace('kubeProxyMode: iptables', 'kubeProxyMode: ipvs'));
    const legs = compareRuns(iptables, ipvs);
    const rows = legs[0]!.rows;
    expect(rows.some((r) => r.mark === 'only-current' && r.current?.hop.kind === 'ipvs')).toBe(true);
    expect(rows.some((r) => r.mark !== 'same' && (r.pinned ?? r.current)!.hop.kind === 'nat')).toBe(true);
    // Every hop of both runs appears once, in its run's order.
    const left = rows.filter((r) => r.pinned).map((r) => r.pinned);
    expect(left).toEqual(iptables.filter((s) => s.legIndex === 0));
    expect(rows.filter((r) => r.current).map((r) => r.current)).toEqual(ipvs.filter((s) => s.legIndex === 0));
    expect(differences(legs)).toBeGreaterThan(0);
  });
});
