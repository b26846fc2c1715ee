// The scenario slice: good YAML replaces the working scenario, bad YAML leaves it alone.
import { describe, expect, it } from 'vitest';
import { apiPodOn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore } from './store';

const API = apiPodOn(createAppStore(defaultYaml).getState().cluster!, 'kind-worker2');

const WITHOUT_CACHE = /---\napiVersion: v1\nkind: Pod\nmetadata:\n {2}name: cache[\s\S]*?(?=---)/;
const broken = defaultYaml.replace('containerPort: 8080', 'containerPort: eighty');

describe('the scenario slice', () => {
  it('compiles the default scenario into a cluster and its topology', () => {
    const s = createAppStore(defaultYaml).getState();
    expect(s.cluster?.nodes.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(s.topo.elements.some((e) => e.name === 'pod default/web')).toBe(true);
    expect(s.errors).toEqual([]);
  });

  it('keeps the working scenario when an edit does not parse, and reports where', () => {
    const store = createAppStore(defaultYaml);
    const before = store.getState().cluster;
    store.getState().setDraft(broken);
    const result = store.getState().applyDraft();
    const s = store.getState();
    expect(result.ok).toBe(false);
    expect(s.cluster).toBe(before);
    expect(s.text).toBe(defaultYaml);
    expect(s.draft).toBe(broken);
    expect(s.errors[0]).toMatchObject({ field: 'spec.template.spec.containers[0].ports[0].containerPort', object: 'Deployment default/api' });
    expect(s.errors[0]!.line).toBeGreaterThan(0);
  });

  it('discards a broken draft, putting the working text back and forgetting its errors', () => {
    const store = createAppStore(defaultYaml);
    store.getState().setDraft(broken);
    store.getState().applyDraft();
    store.getState().discardDraft();
    expect(store.getState().draft).toBe(defaultYaml);
    expect(store.getState().errors).toEqual([]);
  });

  it('keeps the working scenario when an edit parses but does not compile', () => {
    const store = createAppStore(defaultYaml);
    const result = store.getState().loadScenario(defaultYaml.replace('serviceSubnet: 10.96.0.0/16', 'serviceSubnet: 10.244.0.0/16'));
    expect(result.ok).toBe(false);
    expect(store.getState().errors[0]?.field).toBe('networking.podSubnet');
    expect(store.getState().cluster?.nodes).toHaveLength(3);
  });

  it('applies a good edit, clears the old trace and errors, and keeps a selection that still exists', () => {
    const store = createAppStore(defaultYaml);
    store.getState().setDraft(broken);
    store.getState().applyDraft();
    store.getState().sendRequest({ from: 'default/web', to: API, port: 8080 });
    const smaller = defaultYaml.replace(WITHOUT_CACHE, '');
    expect(store.getState().loadScenario(smaller).ok).toBe(true);
    const s = store.getState();
    expect(s.errors).toEqual([]);
    expect(s.trace).toBeNull();
    expect(s.topo.elements.some((e) => e.name === 'pod default/cache')).toBe(false);
    expect(s.source?.name).toBe('pod default/web');
    expect(s.destination?.name).toBe(`pod ${API}`);
  });

  it('drops a selected endpoint that the new scenario no longer has', () => {
    const store = createAppStore(defaultYaml);
    store.getState().pick('pod:default/cache');
    store.getState().loadScenario(defaultYaml.replace(WITHOUT_CACHE, ''));
    expect(store.getState().source).toBeNull();
  });

  it('starts without a cluster, showing the errors, when the first scenario is broken', () => {
    const s = createAppStore('kind: Cluster\nnodes: [').getState();
    expect(s.cluster).toBeNull();
    expect(s.topo.elements).toEqual([]);
    expect(s.errors[0]?.line).toBe(2);
  });
});
