// The selection slice: clicks choose source then destination, with the destination's port.
import { describe, expect, it } from 'vitest';
import { apiPodIn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';

const fresh = () => createLoadedStore(defaultYaml);
const API = apiPodIn((await fresh()).getState().topo, 'kind-worker2');

describe('the selection slice', () => {
  it('makes the first click the source and the second the destination, with its first container port', async () => {
    const store = await fresh();
    store.getState().pick('pod:default/web');
    expect(store.getState().source).toMatchObject({ ref: 'default/web', name: 'pod default/web' });
    expect(store.getState().destination).toBeNull();
    store.getState().pick(`pod:${API}`);
    expect(store.getState().destination).toMatchObject({ ref: API, name: `pod ${API}` });
    expect(store.getState().port).toBe(8080);
    expect(store.getState().proto).toBe('tcp');
  });

  it('starts over with a new source on a third click', async () => {
    const store = await fresh();
    for (const id of ['pod:default/web', `pod:${API}`, 'pod:default/cache']) store.getState().pick(id);
    expect(store.getState().source?.name).toBe('pod default/cache');
    expect(store.getState().destination).toBeNull();
  });

  it('takes a clicked container as the sending container of its pod', async () => {
    const store = await fresh();
    store.getState().pick('ctr:default/web/metrics');
    expect(store.getState().source).toMatchObject({ ref: 'default/web', elementId: 'pod:default/web', container: 'metrics' });
  });

  it('suggests the clicked container\'s port when a container is the destination', async () => {
    const store = await fresh();
    store.getState().pick('ctr:default/web/nginx');
    store.getState().pick('ctr:default/web/metrics');
    expect(store.getState().destination).toMatchObject({ ref: 'default/web', container: undefined });
    expect(store.getState().port).toBe(9102);
  });

  it('takes a host-network container, which sits in its node, as its pod and container', async () => {
    const agent = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  namespace: kube-system\nspec:\n  nodeName: kind-worker\n  hostNetwork: true\n  containers:\n    - name: agent\n      image: example/agent:1\n';
    const store = await createLoadedStore(`${defaultYaml.trimEnd()}\n---\n${agent}`);
    store.getState().pick('ctr:kube-system/agent/agent');
    expect(store.getState().source).toMatchObject({ ref: 'kube-system/agent', name: 'pod kube-system/agent', container: 'agent' });
  });

  it('accepts nodes and outside hosts through their send references', async () => {
    const store = await fresh();
    store.getState().pick('node:kind-worker');
    store.getState().pick('host:example-web');
    expect(store.getState().source?.ref).toBe('node:kind-worker');
    expect(store.getState().destination?.ref).toBe('external:198.51.100.7');
    expect(store.getState().port).toBe(80);
  });

  it('suggests the first port a node listens on when a node is the destination', async () => {
    const store = await fresh();
    store.getState().pick('pod:default/web');
    store.getState().pick('node:kind-worker2');
    expect(store.getState().port).toBe(10250);
  });

  it('ignores clicks on elements that cannot send, such as devices, the gateway and segments', async () => {
    const store = await fresh();
    for (const id of ['dev:node/kind-worker:cni0', 'router:gateway', 'seg:kind', 'no-such-element']) store.getState().pick(id);
    expect(store.getState().source).toBeNull();
  });

  it('swaps source and destination and suggests the new destination\'s port', async () => {
    const store = await fresh();
    store.getState().pick('ctr:default/web/metrics');
    store.getState().pick(`pod:${API}`);
    store.getState().swap();
    const s = store.getState();
    expect(s.source).toMatchObject({ ref: API, container: undefined });
    expect(s.destination).toMatchObject({ ref: 'default/web' });
    expect(s.port).toBe(80);
  });

  it('clears both ends', async () => {
    const store = await fresh();
    store.getState().pick('pod:default/web');
    store.getState().pick(`pod:${API}`);
    store.getState().clearSelection();
    expect(store.getState().source).toBeNull();
    expect(store.getState().destination).toBeNull();
  });
});
