// The trace slice: sends go to the engine; the hop position moves within the trace.
import { describe, expect, it } from 'vitest';
import { sent } from '../engine/testing/trace';
import { apiPodOn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore } from './store';

/** The api replica on the other worker than web's. */
const API = apiPodOn(createAppStore(defaultYaml).getState().cluster!, 'kind-worker2');

function sentWebToApi() {
  const store = createAppStore(defaultYaml);
  store.getState().pick('pod:default/web');
  store.getState().pick(`pod:${API}`);
  store.getState().send();
  return store;
}

describe('the trace slice', () => {
  it('sends the selection and flattens the exchange\'s SYN and SYN ACK into steps', () => {
    const s = sentWebToApi().getState();
    expect(s.trace?.verdict).toBe('delivered');
    expect(s.steps.length).toBe(sent(s.trace!).hops.length + sent(s.trace!).reply!.hops.length);
    expect(s.steps[0]).toMatchObject({ exchange: 0, leg: 'SYN', dir: 'out', opening: true, index: 0 });
    expect(s.steps.at(-1)).toMatchObject({ exchange: 0, leg: 'SYN ACK', dir: 'back', opening: false });
    expect(s.position).toBe(0);
    expect(s.playing).toBe(true);
  });

  it('explains why it cannot send without a source or a destination', () => {
    const store = createAppStore(defaultYaml);
    expect(store.getState().send()).toMatchObject({ ok: false, error: expect.stringContaining('source') });
    store.getState().pick('pod:default/web');
    expect(store.getState().send()).toMatchObject({ ok: false, error: expect.stringContaining('destination') });
  });

  it('shows the engine\'s message when simulate refuses, and keeps the previous trace', () => {
    const store = sentWebToApi();
    const before = store.getState().trace;
    store.getState().setPort(0);
    const out = store.getState().send();
    expect(out.ok).toBe(false);
    expect(store.getState().sendError).toMatch(/port/);
    expect(store.getState().trace).toBe(before);
  });

  it('sends the chosen container and needs no port for ICMP', () => {
    const store = createAppStore(defaultYaml);
    store.getState().pick('ctr:default/web/metrics');
    store.getState().pick(`pod:${API}`);
    store.getState().setProto('icmp');
    store.getState().setPort(null);
    store.getState().send();
    const first = sent(store.getState().trace!).hops[0]!;
    expect(first.container).toBe('metrics');
    expect(first.packet.proto).toBe('icmp');
  });

  it('makes an explicit request the selection', () => {
    const store = createAppStore(defaultYaml);
    const out = store.getState().sendRequest({ from: 'default/web', to: API, port: 8080, proto: 'tcp' });
    expect(out.ok).toBe(true);
    expect(store.getState().source).toMatchObject({ elementId: 'pod:default/web' });
    expect(store.getState().destination).toMatchObject({ elementId: `pod:${API}` });
  });

  it('steps forward and back within the trace, pausing playback', () => {
    const store = sentWebToApi();
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

  it('plays to the end and stops there, and plays again from the start', () => {
    const store = sentWebToApi();
    const n = store.getState().steps.length;
    for (let i = 0; i < n + 3; i++) store.getState().tick();
    expect(store.getState().position).toBe(n - 1);
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    expect(store.getState().position).toBe(0);
    expect(store.getState().playing).toBe(true);
  });
});
