// Services in the store: picking a Service or a load balancer, sending to it, and switching
// kube-proxy's mode, which re-sends so the learner can compare the two walks.
import { describe, expect, it } from 'vitest';
import { sent } from '../engine/testing/trace';
import { nodeNetnsId } from '../engine';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore, type AppStore } from './store';

const fresh = () => createLoadedStore(defaultYaml);

async function webToService(mode?: 'ipvs' | 'nftables') {
  const store = await fresh();
  if (mode) await store.getState().switchProxyMode(mode);
  store.getState().pick('pod:default/web');
  store.getState().pick('svc:default/api');
  await store.getState().send();
  return store;
}

/** web's node's connections, as conntrack -L prints them, in the state the store's trace left. */
async function conntrackOfWebsNode(store: AppStore): Promise<string> {
  await store.getState().showTables(nodeNetnsId('kind-worker'));
  const { tables } = store.getState();
  expect(tables.status).toBe('ready');
  return tables.list.find((t) => t.id === 'conntrack')?.text ?? '';
}

describe('picking a Service or a load balancer', () => {
  it('makes a Service the destination with its first port, and keeps the source', async () => {
    const store = await fresh();
    store.getState().pick('pod:default/web');
    store.getState().pick('svc:default/api');
    expect(store.getState().source?.name).toBe('pod default/web');
    expect(store.getState().destination).toMatchObject({ ref: 'svc:default/api', name: 'service default/api', receiveOnly: true });
    expect(store.getState().port).toBe(80);
  });

  it('takes a Service clicked first as the destination, and the next click as the source', async () => {
    const store = await fresh();
    store.getState().pick('svc:default/api');
    expect(store.getState().source).toBeNull();
    store.getState().pick('host:client');
    expect(store.getState().source?.ref).toBe('external:203.0.113.10');
    expect(store.getState().destination?.ref).toBe('svc:default/api');
  });

  it('refuses to swap a Service into the source, saying why', async () => {
    const store = await fresh();
    store.getState().pick('pod:default/web');
    store.getState().pick('svc:default/api');
    store.getState().swap();
    expect(store.getState().source?.name).toBe('pod default/web');
    expect(store.getState().sendError).toMatch(/cannot be the source/);
  });

  it('sends from outside to the load balancer, and from a pod to the load balancer\'s own address', async () => {
    const store = await fresh();
    store.getState().pick('host:client');
    store.getState().pick('lb:default/api-public');
    expect((await store.getState().send()).ok).toBe(true);
    const lbIp = sent(store.getState().trace!).send.dst;
    expect(store.getState().topo.elements.find((e) => e.id === 'lb:default/api-public')?.addresses).toEqual([lbIp]);
    store.getState().pick('pod:default/web');
    store.getState().pick('lb:default/api-public');
    await store.getState().send();
    expect(sent(store.getState().trace!).send.dst).toBe(lbIp);
  });
});

describe('sending to a Service', () => {
  it('is delivered to a pod after a DNAT, and keeps the tables the send left behind', async () => {
    const store = await webToService();
    const s = store.getState();
    const nat = sent(s.trace!).hops.find((h) => h.kind === 'nat')!;
    expect(nat.before!.dst).toBe(sent(s.trace!).send.dst);
    expect(sent(s.trace!).hops.at(-1)!.packet.dst).toBe(nat.packet.dst);
    expect(await conntrackOfWebsNode(store)).toContain(`dst=${sent(s.trace!).send.dst}`);
  });

  it('forgets those tables when the scenario changes', async () => {
    const store = await webToService();
    await store.getState().loadScenario(defaultYaml);
    expect(store.getState().tables.status).toBe('idle');
    expect(await conntrackOfWebsNode(store)).toBe('');
  });
});

describe('switching kube-proxy\'s mode', () => {
  it('rewrites the scenario text, keeps its comments, and reports the new mode', async () => {
    const store = await fresh();
    expect(store.getState().proxyMode).toBe('iptables');
    expect((await store.getState().switchProxyMode('ipvs')).ok).toBe(true);
    expect(store.getState().proxyMode).toBe('ipvs');
    expect(store.getState().text).toContain('kubeProxyMode: ipvs');
    expect(store.getState().text).toContain('# podpath\'s default scenario');
  });

  it('sends the same selection again, paused at the hop where the Service was resolved', async () => {
    const store = await webToService();
    await store.getState().switchProxyMode('ipvs');
    const s = store.getState();
    expect(s.source?.name).toBe('pod default/web');
    expect(s.destination?.name).toBe('service default/api');
    expect(sent(s.trace!).hops.some((h) => h.kind === 'ipvs')).toBe(true);
    expect(s.playing).toBe(false);
    expect(s.steps[s.position]!.hop.kind).toBe('ipvs');
  });

  it('keeps unapplied edits in the editor, with the new mode written into them', async () => {
    const store = await fresh();
    store.getState().setDraft(`${defaultYaml}\n# my note\n`);
    await store.getState().switchProxyMode('nftables');
    expect(store.getState().draft).toContain('# my note');
    expect(store.getState().draft).toContain('kubeProxyMode: nftables');
    expect(store.getState().text).not.toContain('# my note');
  });

  it('does not send when nothing was sent before', async () => {
    const store = await fresh();
    await store.getState().switchProxyMode('nftables');
    expect(store.getState().trace).toBeNull();
  });
});
