// Where hops happened, as network namespaces, and the namespaces the tables panel offers.
import { describe, expect, it } from 'vitest';
import { sent } from '../engine/testing/trace';
import defaultYaml from '../scenarios/default.yaml?raw';
import { namespacesOf } from './netns';
import { createLoadedStore } from './store';

describe('the namespace of a hop', () => {
  it('places the hops of an outside-to-load-balancer send in the host, the gateway, a node and a pod', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().sendRequest({ from: 'external:203.0.113.10', to: 'svc:default/api-public', port: 80 });
    const s = store.getState();
    const seen = new Set(sent(s.trace!).hops.map((h) => h.nsId));
    expect(seen).toContain('host/client');
    expect(seen).toContain('router/gateway');
    expect([...seen].some((id) => id.startsWith('node/kind-worker'))).toBe(true);
    expect([...seen].some((id) => id.startsWith('pod/default/api-'))).toBe(true);
    // Every namespace a hop names is one the tables panel offers.
    const offered = new Set(namespacesOf(s.topo).map((n) => n.id));
    for (const id of seen) expect(offered).toContain(id);
  });
});

describe('namespacesOf', () => {
  it('lists nodes first, then pods, then the routers and the outside hosts, named as the graph names them', async () => {
    const list = namespacesOf((await createLoadedStore(defaultYaml)).getState().topo);
    expect(list.slice(0, 3).map((n) => n.name)).toEqual(['node kind-control-plane', 'node kind-worker', 'node kind-worker2']);
    expect(list.find((n) => n.id === 'pod/default/web')).toMatchObject({ name: 'pod default/web', group: 'Pods' });
    expect(list.slice(-4).map((n) => `${n.name} ${n.id}`)).toEqual([
      'gateway router/gateway', 'internet router router/internet', 'outside host client host/client', 'outside host example-web host/example-web',
    ]);
  });
});
