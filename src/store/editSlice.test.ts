// The edit slice: an edit recompiles the scenario, runs the current send again and is one
// undo step; undo and redo give back the exact texts; a refused edit changes nothing; a
// reset to the default scenario can itself be undone.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';

const withoutCache = defaultYaml.replace(/---\napiVersion: v1\nkind: Pod\nmetadata:\n {2}name: cache[\s\S]*?(?=---)/, '');

describe('editing the scenario', () => {
  it('applies an edit, recompiles, and sends the current send again', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().sendRequest({ from: 'default/web', to: 'svc:default/api', port: 80 });
    const out = await store.getState().edit([{ op: 'setServiceType', target: { kind: 'Service', name: 'api' }, type: 'NodePort' }], 'make api a NodePort');
    expect(out.ok).toBe(true);
    const s = store.getState();
    expect(s.text).toContain('type: NodePort');
    expect(s.draft).toBe(s.text);
    expect(s.topo.elements.find((e) => e.id === 'svc:default/api')?.serviceType).toBe('NodePort');
    // The send ran again on the new cluster.
    expect(s.trace?.run).toMatchObject({ from: 'default/web', to: 'svc:default/api' });
    expect(s.history).toMatchObject({ canUndo: true, undoLabel: 'make api a NodePort', canRedo: false });
  });

  it('undoes and redoes an edit, giving back the exact texts', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().edit([{ op: 'remove', target: { kind: 'Pod', name: 'cache' } }], 'remove Pod default/cache');
    const edited = store.getState().text;
    expect(await store.getState().undo()).toMatchObject({ ok: true });
    expect(store.getState().text).toBe(defaultYaml);
    expect(store.getState().topo.elements.some((e) => e.name === 'pod default/cache')).toBe(true);
    expect(store.getState().history).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'remove Pod default/cache' });
    await store.getState().redo();
    expect(store.getState().text).toBe(edited);
    expect(store.getState().editStatus?.message).toBe('Redid: remove Pod default/cache');
    expect(await store.getState().redo()).toBeNull();
  });

  it('records the YAML applied in the editor and the mode switch as steps too', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().setDraft(withoutCache);
    await store.getState().applyDraft();
    await store.getState().switchProxyMode('ipvs');
    expect(store.getState().history.undoLabel).toBe('switch kube-proxy to ipvs');
    await store.getState().undo();
    expect(store.getState().text).toBe(withoutCache);
    expect(store.getState().proxyMode).toBe('iptables');
    await store.getState().undo();
    expect(store.getState().text).toBe(defaultYaml);
  });

  it('changes nothing when the engine refuses an edit, and says why', async () => {
    const store = await createLoadedStore(defaultYaml);
    const out = await store.getState().edit([{ op: 'remove', target: { kind: 'Node', name: 'kind-control-plane' } }], 'remove the control plane');
    expect(out).toMatchObject({ ok: false, error: expect.stringContaining('control-plane') });
    expect(store.getState().text).toBe(defaultYaml);
    expect(store.getState().editStatus).toMatchObject({ kind: 'failed' });
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('changes nothing when the edited scenario does not compile, keeping the editor\'s own errors out of it', async () => {
    const store = await createLoadedStore(defaultYaml);
    const out = await store.getState().edit([{ op: 'setNodeName', target: { kind: 'Pod', name: 'web' }, node: 'nowhere' }], 'pin web');
    expect(out).toMatchObject({ ok: false, error: expect.stringMatching(/^the edit was not made: Pod default\/web: node "nowhere" does not exist/) });
    expect(store.getState().text).toBe(defaultYaml);
    expect(store.getState().errors).toEqual([]);
  });

  it('keeps unapplied YAML edits in the editor, with the edit made in them too', async () => {
    const store = await createLoadedStore(defaultYaml);
    const draft = defaultYaml.replace('image: redis:7', 'image: redis:8');
    store.getState().setDraft(draft);
    await store.getState().edit([{ op: 'setReplicas', target: { kind: 'Deployment', name: 'api' }, replicas: 3 }], 'scale api');
    expect(store.getState().text).toContain('replicas: 3');
    expect(store.getState().text).toContain('image: redis:7');
    expect(store.getState().draft).toContain('image: redis:8');
    expect(store.getState().draft).toContain('replicas: 3');
  });

  it('makes edits asked at once one after the other, each on the text the last one left', async () => {
    const store = await createLoadedStore(defaultYaml);
    const a = store.getState().edit([{ op: 'add', object: { kind: 'Pod' } }], 'add a pod');
    const b = store.getState().edit([{ op: 'add', object: { kind: 'Pod' } }], 'add another pod');
    expect((await a).ok && (await b).ok).toBe(true);
    expect(store.getState().topo.elements.filter((e) => e.name === 'pod default/pod' || e.name === 'pod default/pod-2')).toHaveLength(2);
    await store.getState().undo();
    expect(store.getState().topo.elements.some((e) => e.name === 'pod default/pod-2')).toBe(false);
  });

  it('resets to the default scenario, and undo brings the learner\'s back', async () => {
    const store = await createLoadedStore(withoutCache, { defaultScenario: defaultYaml });
    await store.getState().edit([{ op: 'add', object: { kind: 'Pod', name: 'mine' } }], 'add Pod default/mine');
    const mine = store.getState().text;
    await store.getState().resetToDefault();
    expect(store.getState().text).toBe(defaultYaml);
    await store.getState().undo();
    expect(store.getState().text).toBe(mine);
  });
});

describe('importing kubectl output', () => {
  it('makes the pasted cluster the working scenario, as one undo step, with the report', async () => {
    const { readFileSync } = await import('node:fs');
    const dump = readFileSync('src/engine/model/import/fixtures/kind-dump.yaml', 'utf8');
    const nodes = readFileSync('src/engine/model/import/fixtures/kind-nodes.yaml', 'utf8');
    const store = await createLoadedStore(defaultYaml);
    const out = await store.getState().importKubectl([dump, nodes]);
    expect(out.ok && out.report.kept).toContain('Pod default/web on kind-worker, 10.244.2.3');
    expect(store.getState().topo.elements.find((e) => e.id === 'pod:default/web')?.addresses).toEqual(['10.244.2.3']);
    expect(store.getState().history.undoLabel).toBe('import from kubectl');
    await store.getState().undo();
    expect(store.getState().text).toBe(defaultYaml);
  });

  it('says why what was pasted cannot be imported, and changes nothing', async () => {
    const store = await createLoadedStore(defaultYaml);
    expect(await store.getState().importKubectl(['not: [yaml'])).toMatchObject({ ok: false, error: expect.stringContaining('not YAML') });
    expect(store.getState().text).toBe(defaultYaml);
  });
});
