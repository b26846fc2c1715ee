// The graph slice: clicks pick a send's ends or select what to edit, a link drawn from a
// Service to a pod is an edit that says which label it added, and an edit that made an
// object selects it.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';

describe('the graph slice', () => {
  it('picks the source and then the destination in the pick modes', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().clickElement('pod:default/web');
    expect(store.getState().graphMode).toEqual({ kind: 'pick-destination' });
    store.getState().clickElement('pod:default/cache');
    expect(store.getState()).toMatchObject({ graphMode: { kind: 'pick-source' }, source: { ref: 'default/web' }, destination: { ref: 'default/cache' } });
  });

  it('selects in edit mode instead of picking', async () => {
    const store = await createLoadedStore(defaultYaml);
    await store.getState().graphEvent({ type: 'toggle-edit' });
    store.getState().clickElement('svc:default/api');
    expect(store.getState().graphMode).toEqual({ kind: 'edit', selected: 'svc:default/api' });
    expect(store.getState().source).toBeNull();
  });

  it('makes a Service select the pod a link is drawn to, and says which label it added', async () => {
    const store = await createLoadedStore(defaultYaml);
    const s = store.getState;
    await s().graphEvent({ type: 'toggle-edit' });
    await s().graphEvent({ type: 'connect', service: 'svc:default/api' });
    const out = await s().graphEvent({ type: 'click', element: { id: 'pod:default/cache', kind: 'pod', endpoint: true, receiveOnly: false } });
    expect(out).toMatchObject({ ok: true, notes: ['added label app=api to Pod default/cache, so Service default/api selects them'] });
    expect(s().editStatus?.message).toContain('added label app=api');
    expect(s().topo.links.some((l) => l.kind === 'endpoint' && l.source === 'svc:default/api' && l.target === 'pod:default/cache')).toBe(true);
    expect(s().graphMode).toEqual({ kind: 'edit', selected: 'svc:default/api' });
  });

  it('selects the object an edit made, and forgets a selection the edit removed', async () => {
    const store = await createLoadedStore(defaultYaml);
    const s = store.getState;
    await s().editAndSelect([{ op: 'add', object: { kind: 'Pod', node: 'kind-worker' } }], 'add a pod');
    expect(s().graphMode).toEqual({ kind: 'edit', selected: 'pod:default/pod' });
    await s().editAndSelect([{ op: 'remove', target: { kind: 'Pod', name: 'pod' } }], 'remove it');
    expect(s().graphMode).toEqual({ kind: 'edit', selected: null });
  });
});
