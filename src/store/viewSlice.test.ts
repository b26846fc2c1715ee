// How much of a big cluster the store holds: the overview first, a node's inside when it is
// opened, found or crossed by a send; the learner's choices and filters; search and fly-to.
import { describe, expect, it } from 'vitest';
import { bigCluster } from '../scenarios/bigCluster.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';

// 60 nodes: more than the engine sends whole, so the store starts with the overview.
const BIG = bigCluster({ nodes: 60, pods: 240, namespaces: 2 });
const podsIn = (elements: readonly { kind: string; parent?: string }[], node: string) => elements.filter((e) => e.kind === 'pod' && e.parent === `node:${node}`);

describe('the view slice', () => {
  it('holds a small cluster whole, every node\'s inside included', async () => {
    const s = (await createLoadedStore(defaultYaml)).getState();
    expect([...s.inside].sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
  });

  it('starts a big cluster with its overview: nodes with their pods counted, no pods', async () => {
    const s = (await createLoadedStore(BIG)).getState();
    expect(s.inside.size).toBe(0);
    expect(s.topo.elements.some((e) => e.kind === 'pod')).toBe(false);
    const worker = s.topo.elements.find((e) => e.id === 'node:kind-worker')!;
    expect(worker.podCount?.total).toBeGreaterThan(0);
    expect(s.summary?.namespaces.map((n) => n.name)).toEqual(['default', 'kube-system', 'team-a', 'team-b']);
  });

  it('fetches a node\'s inside when it is opened, once, and keeps the overview', async () => {
    const store = await createLoadedStore(BIG);
    await store.getState().setOpen('node:kind-worker7', true);
    const s = store.getState();
    expect(s.opened['node:kind-worker7']).toBe('open');
    expect(s.inside.has('kind-worker7')).toBe(true);
    const pods = podsIn(s.topo.elements, 'kind-worker7');
    expect(pods.length).toBe(s.topo.elements.find((e) => e.id === 'node:kind-worker7')!.podCount!.total);
    await store.getState().revealNodes(['kind-worker7', 'no-such-node']);
    expect(podsIn(store.getState().topo.elements, 'kind-worker7')).toHaveLength(pods.length);
    expect(store.getState().topo.elements.filter((e) => e.kind === 'node')).toHaveLength(60);
  });

  it('draws every node a send crosses before showing its trace, so each hop has its element', async () => {
    const store = await createLoadedStore(BIG);
    const found = await store.getState().find('team-a/web-');
    const [a, b] = [found!.hits[0]!, found!.hits.find((h) => h.node !== found!.hits[0]!.node)!];
    const out = await store.getState().sendRequest({ from: a.id.slice(4), to: b.id.slice(4), port: 8080 });
    expect(out.ok).toBe(true);
    const s = store.getState();
    const ids = new Set(s.topo.elements.map((e) => e.id));
    for (const st of s.steps) expect(ids.has(st.hop.at)).toBe(true);
    expect(s.inside.has(a.node!) && s.inside.has(b.node!)).toBe(true);
    expect(s.destination?.name).toBe(b.name);
  });

  it('finds a pod by name and flies to it: its node opens, the pod opens, the graph is asked to focus it', async () => {
    const store = await createLoadedStore(BIG);
    const found = await store.getState().find('team-b/api-');
    expect(found!.total).toBeGreaterThan(found!.hits.length);
    const hit = found!.hits[0]!;
    await store.getState().flyTo(hit);
    const s = store.getState();
    expect(s.inside.has(hit.node!)).toBe(true);
    expect(s.opened[`node:${hit.node}`]).toBe('open');
    expect(s.opened[hit.id]).toBe('open');
    expect(s.focus).toEqual({ id: hit.id, seq: 1 });
    await store.getState().flyTo(hit);
    expect(store.getState().focus?.seq).toBe(2);
  });

  it('forgets the old cluster\'s insides when a new scenario loads, but keeps the learner\'s filters', async () => {
    const store = await createLoadedStore(BIG);
    await store.getState().setOpen('node:kind-worker3', true);
    store.getState().setNamespaces(new Set(['team-a']));
    store.getState().setHideSystem(true);
    await store.getState().loadScenario(BIG.replace('team-b', 'team-z'));
    const s = store.getState();
    expect(s.inside.size).toBe(0);
    expect(s.namespaces).toEqual(new Set(['team-a']));
    expect(s.hideSystem).toBe(true);
  });
});
