// The trace slice: sends go to the engine; the hop position moves within the trace.
import { describe, expect, it } from 'vitest';
import { sent } from '../engine/testing/trace';
import { apiPodIn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';

/** The api replica on the other worker than web's. */
const API = apiPodIn((await createLoadedStore(defaultYaml)).getState().topo, 'kind-worker2');

async function sentWebToApi() {
  const store = await createLoadedStore(defaultYaml);
  store.getState().pick('pod:default/web');
  store.getState().pick(`pod:${API}`);
  await store.getState().send();
  return store;
}

describe('the trace slice', () => {
  it('sends the selection and flattens the exchange\'s SYN and SYN ACK into steps', async () => {
    const s = (await sentWebToApi()).getState();
    expect(s.trace?.verdict).toBe('delivered');
    expect(s.steps.length).toBe(sent(s.trace!).hops.length + sent(s.trace!).reply!.hops.length);
    expect(s.steps[0]).toMatchObject({ exchange: 0, leg: 'SYN', dir: 'out', opening: true, index: 0 });
    expect(s.steps.at(-1)).toMatchObject({ exchange: 0, leg: 'SYN ACK', dir: 'back', opening: false });
    expect(s.position).toBe(0);
    expect(s.playing).toBe(true);
  });

  it('explains why it cannot send without a source or a destination', async () => {
    const store = await createLoadedStore(defaultYaml);
    expect(await store.getState().send()).toMatchObject({ ok: false, error: expect.stringContaining('source') });
    store.getState().pick('pod:default/web');
    expect(await store.getState().send()).toMatchObject({ ok: false, error: expect.stringContaining('destination') });
  });

  it('shows the engine\'s message when simulate refuses, and keeps the previous trace', async () => {
    const store = await sentWebToApi();
    const before = store.getState().trace;
    store.getState().setPort(0);
    const out = await store.getState().send();
    expect(out.ok).toBe(false);
    expect(store.getState().sendError).toMatch(/port/);
    expect(store.getState().trace).toBe(before);
  });

  it('sends the chosen container and needs no port for ICMP', async () => {
    const store = await createLoadedStore(defaultYaml);
    store.getState().pick('ctr:default/web/metrics');
    store.getState().pick(`pod:${API}`);
    store.getState().setProto('icmp');
    store.getState().setPort(null);
    await store.getState().send();
    const first = sent(store.getState().trace!).hops[0]!;
    expect(first.container).toBe('metrics');
    expect(first.packet.proto).toBe('icmp');
  });

  it('makes an explicit request the selection', async () => {
    const store = await createLoadedStore(defaultYaml);
    const out = await store.getState().sendRequest({ from: 'default/web', to: API, port: 8080, proto: 'tcp' });
    expect(out.ok).toBe(true);
    expect(store.getState().source).toMatchObject({ elementId: 'pod:default/web' });
    expect(store.getState().destination).toMatchObject({ elementId: `pod:${API}` });
  });

  it('steps forward and back within the trace, pausing playback', async () => {
    const store = await sentWebToApi();
    const last = store.getState().steps.length - 1;
    store.getState().stepBack();
    expect(store.getState().position).toBe(0);
    store.getState().stepForward();
    store.getState().stepForward();
    expect(store.getState().position).toBe(2);
    expect(store.getState().playing).toBe(false);
    store.getState().selectStep(999);
    expect(store.getState().position).toBe(last);
    store.getState().stepForward();
    expect(store.getState().position).toBe(last);
  });

  it('plays to the end and stops there, and plays again from the start', async () => {
    const store = await sentWebToApi();
    const n = store.getState().steps.length;
    for (let i = 0; i < n + 3; i++) store.getState().tick();
    expect(store.getState().position).toBe(n - 1);
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    expect(store.getState().position).toBe(0);
    expect(store.getState().playing).toBe(true);
  });
});

describe('sends one after the other', () => {
  it('shows the last of two sends asked before the first was answered', async () => {
    const store = await createLoadedStore(defaultYaml);
    const first = store.getState().sendRequest({ from: 'default/web', to: API, port: 8080 });
    const second = store.getState().sendRequest({ from: 'default/web', to: 'default/cache', port: 6379 });
    expect(await first).toMatchObject({ ok: false, superseded: true });
    expect((await second).ok).toBe(true);
    expect(store.getState().destination?.name).toBe('pod default/cache');
    expect(store.getState().sendError).toBeNull();
  });
});
