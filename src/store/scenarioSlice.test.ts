// The scenario slice: good YAML replaces the working scenario, bad YAML leaves it alone.
import { describe, expect, it } from 'vitest';
import { apiPodIn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore, createLoadedStore } from './store';

const API = apiPodIn((await createLoadedStore(defaultYaml)).getState().topo, 'kind-worker2');

const WITHOUT_CACHE = /---\napiVersion: v1\nkind: Pod\nmetadata:\n {2}name: cache[\s\S]*?(?=---)/;
const broken = defaultYaml.replace('containerPort: 8080', 'containerPort: eighty');

describe('the scenario slice', () => {
  it('compiles the default scenario and keeps its summary and topology, not the cluster', async () => {
    const s = (await createLoadedStore(defaultYaml)).getState();
    expect(s.summary?.nodes).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(s.summary?.proxyMode).toBe('iptables');
    expect(s.topo.elements.some((e) => e.name === 'pod default/web')).toBe(true);
    expect(s.errors).toEqual([]);
    expect('cluster' in s).toBe(false);
    // Everything the store holds survives a structured clone: nothing of the engine's lives here.
    expect(structuredClone(s.topo)).toEqual(s.topo);
  });

  it('keeps the working scenario when an edit does not parse, and reports where', async () => {
    const store = await createLoadedStore(defaultYaml);
    const before = store.getState().topo;
    store.getState().setDraft(broken);
    const result = await store.getState().applyDraft();
    const s = store.getState();
    expect(result.ok).toBe(false);
    expect(s.topo).toBe(before);
    expect(s.text).toBe(defaultYaml);
    expect(s.draft).toBe(broken);
    expect(s.errors[0]).toMatchObject({ field: 'spec.template.spec.containers[0].ports[0].containerPort', object: 'Deployment default/api' });
    expect(s.errors[0]!.line).toBeGreaterThan(0);
  });

  it('discards a broken draft, putting the working text back and forgetting its errors', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().setDraft(broken);
    await store.getState().applyDraft();
    store.getState().discardDraft();
    expect(store.getState().draft).toBe(defaultYaml);
    expect(store.getState().errors).toEqual([]);
  });

  it('keeps the working scenario when an edit parses but does not compile', async () => {
    const store = await createLoadedStore(defaultYaml);
    const result = await store.getState().loadScenario(defaultYaml.replace('serviceSubnet: 10.96.0.0/16', 'serviceSubnet: 10.244.0.0/16'));
    expect(result.ok).toBe(false);
    expect(store.getState().errors[0]?.field).toBe('networking.podSubnet');
    expect(store.getState().summary?.nodes).toHaveLength(3);
  });

  it('applies a good edit, clears the old trace and errors, and keeps a selection that still exists', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().setDraft(broken);
    await store.getState().applyDraft();
    await store.getState().sendRequest({ from: 'default/web', to: API, port: 8080 });
    const smaller = defaultYaml.replace(WITHOUT_CACHE, '');
    expect((await store.getState().loadScenario(smaller)).ok).toBe(true);
    const s = store.getState();
    expect(s.errors).toEqual([]);
    expect(s.trace).toBeNull();
    expect(s.topo.elements.some((e) => e.name === 'pod default/cache')).toBe(false);
    expect(s.source?.name).toBe('pod default/web');
    expect(s.destination?.name).toBe(`pod ${API}`);
  });

  it('drops a selected endpoint that the new scenario no longer has', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().pick('pod:default/cache');
    await store.getState().loadScenario(defaultYaml.replace(WITHOUT_CACHE, ''));
    expect(store.getState().source).toBeNull();
  });

  it('starts without a scenario, showing the errors, when the first scenario is broken', async () => {
    const s = (await createLoadedStore('kind: Cluster\nnodes: [')).getState();
    expect(s.summary).toBeNull();
    expect(s.topo.elements).toEqual([]);
    expect(s.errors[0]?.line).toBe(2);
  });

  it('shows the last of two loads asked one after the other, and drops the first one\'s answer', async () => {
    const store = await createLoadedStore(defaultYaml);
    const first = store.getState().loadScenario(defaultYaml.replace(WITHOUT_CACHE, ''));
    const second = store.getState().loadScenario(defaultYaml);
    expect(await first).toMatchObject({ ok: false, superseded: true });
    expect(await second).toEqual({ ok: true });
    expect(store.getState().topo.elements.some((e) => e.name === 'pod default/cache')).toBe(true);
    expect(store.getState().errors).toEqual([]);
  });

  it('says what the engine is doing while it works, and nothing once it is done', async () => {
    const store = createAppStore(defaultYaml);
    expect(store.getState().busy).toMatch(/scenario|cluster/);
    await store.getState().idle();
    expect(store.getState().busy).toBeNull();
  });

  it('keeps the warnings of the working scenario', async () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n';
    const s = (await createLoadedStore(`${defaultYaml.trimEnd()}\n---\n${account}`)).getState();
    expect(s.warnings.some((w) => /ServiceAccount/.test(w.message) || w.object?.includes('ServiceAccount'))).toBe(true);
  });
});
