// The policy slice: the policies as the engine reads them, edits (through the edit slice, one
// undo step each) that round-trip through the scenario's YAML, and the reachability matrix
// whose cells open their traces.
import { describe, expect, it } from 'vitest';
import netpolYaml from '../scenarios/netpol.yaml?raw';
import { highlightedPods } from './policySlice';
import { createLoadedStore } from './store';

describe('the policy slice', () => {
  it('reads the scenario\'s policies with the pods each selects, and highlights them when focused', async () => {
    const store = await createLoadedStore(netpolYaml);
    await store.getState().showPolicies();
    const { policies } = store.getState();
    expect(policies.status).toBe('ready');
    expect(policies.panel?.enforcement.enforced).toBe(false);
    const p = policies.panel!.policies[0]!;
    expect(p.key).toBe('x/allow-client-a-via-ns-selector');
    expect(p.selects).toEqual(['x/a']);
    expect(p.yaml).toMatch(/^apiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy\n/);
    expect(highlightedPods(store.getState()).size).toBe(0);
    store.getState().focusPolicy(p.key);
    expect([...highlightedPods(store.getState())]).toEqual(['pod:x/a']);
  });

  it('adds a default-deny policy, edits it and deletes it as undoable edits, keeping the other documents as written', async () => {
    const store = await createLoadedStore(netpolYaml);
    expect((await store.getState().addDefaultDeny('y')).ok).toBe(true);
    await store.getState().showPolicies();
    const added = store.getState().policies.panel!.policies.find((p) => p.key === 'y/default-deny-ingress')!;
    expect(added.selects).toEqual(['y/a', 'y/b', 'y/c']);
    expect(store.getState().text.startsWith(netpolYaml.trimEnd())).toBe(true);

    const renamed = added.yaml.replace('name: default-deny-ingress', 'name: deny-all');
    expect((await store.getState().savePolicy(added.key, renamed)).ok).toBe(true);
    await store.getState().showPolicies();
    expect(store.getState().policies.panel!.policies.map((p) => p.key)).toContain('y/deny-all');

    expect((await store.getState().deletePolicy('y/deny-all')).ok).toBe(true);
    expect(store.getState().text).toBe(netpolYaml);

    // Each was one step of the edit history: undo brings the renamed policy back, then the added one.
    expect(store.getState().history.undoLabel).toBe('delete NetworkPolicy y/deny-all');
    await store.getState().undo();
    expect(store.getState().text).toContain('name: deny-all');
    await store.getState().undo();
    await store.getState().undo();
    expect(store.getState().text).toBe(netpolYaml);
  });

  it('keeps the working scenario and reports a located error for a broken policy', async () => {
    const store = await createLoadedStore(netpolYaml);
    await store.getState().showPolicies();
    const p = store.getState().policies.panel!.policies[0]!;
    const out = await store.getState().savePolicy(p.key, p.yaml.replace('  policyTypes:', '      ports:\n        - {port: 80, protocol: ICMP}\n  policyTypes:'));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors?.[0]).toMatchObject({ doc: p.doc, object: 'NetworkPolicy x/allow-client-a-via-ns-selector', field: 'spec.ingress[0].ports[0].protocol', message: expect.stringContaining('Unsupported value: "ICMP"') });
    expect(store.getState().text).toBe(netpolYaml);
  });

  it('computes the matrix from sends and opens a cell\'s trace', async () => {
    const store = await createLoadedStore(netpolYaml);
    store.getState().setReachProbe('udp', 81);
    await store.getState().computeReach();
    const { reach } = store.getState();
    expect(reach.status).toBe('ready');
    expect(reach.matrix?.pods).toHaveLength(9);
    expect(reach.matrix?.cells.flat().every((c) => c.verdict === 'allowed')).toBe(true);
    expect((await store.getState().openReachCell('y/b', 'x/a')).ok).toBe(true);
    expect(store.getState().panel).toBe('trace');
    expect(store.getState().trace?.run).toMatchObject({ from: 'y/b', to: 'x/a' });
  });

  it('reports a port the matrix cannot probe', async () => {
    const store = await createLoadedStore(netpolYaml);
    store.getState().setReachProbe('tcp', 0);
    await store.getState().computeReach();
    expect(store.getState().reach).toMatchObject({ status: 'failed', error: expect.stringContaining('port 0') });
  });
});
