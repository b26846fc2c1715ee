// The page API: it drives the store, checks what it is given, answers with Promises (the
// engine runs in a worker), and hands out copies.
import { describe, expect, it } from 'vitest';
import { sent } from '../engine/testing/trace';
import { apiPodIn } from '../scenarios/default.fixture';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore, createLoadedStore } from '../store';
import { decodeLink } from '../share';
import { createPodpathApi, installPodpathApi } from './podpathApi';

const API = apiPodIn((await createLoadedStore(defaultYaml)).getState().topo, 'kind-worker2');

describe('the podpath page API', () => {
  it('sends like the UI does and returns the trace, which trace() repeats', async () => {
    const store = await createLoadedStore(defaultYaml);
    const api = createPodpathApi(store);
    const out = await api.send({ from: 'default/web', to: API, port: 8080, proto: 'tcp' });
    expect(out.ok && out.trace.verdict).toBe('delivered');
    expect(await api.trace()).toEqual(store.getState().trace);
    expect(store.getState().destination?.name).toBe(`pod ${API}`);
  });

  it('waits for the scenario the page is still loading before it sends', async () => {
    const api = createPodpathApi(createAppStore(defaultYaml));
    const out = await api.send({ from: 'default/web', to: API, port: 8080 });
    expect(out.ok).toBe(true);
  });

  it('sends to a Service by its reference and shows the Service as the destination', async () => {
    const store = await createLoadedStore(defaultYaml);
    const out = await createPodpathApi(store).send({ from: 'default/web', to: 'svc:default/api', port: 80 });
    expect(out.ok && sent(out.trace).hops.some((h) => h.kind === 'nat')).toBe(true);
    expect(store.getState().destination).toMatchObject({ elementId: 'svc:default/api', name: 'service default/api', receiveOnly: true });
  });

  it('hands out a copy, so a caller cannot change what the page shows', async () => {
    const store = await createLoadedStore(defaultYaml);
    const api = createPodpathApi(store);
    await api.send({ from: 'default/web', to: API, port: 8080 });
    const t = (await api.trace())!;
    (t.exchanges as unknown[]).length = 0;
    expect(store.getState().trace!.exchanges.length).toBeGreaterThan(0);
  });

  it('rejects malformed requests with a message instead of throwing', async () => {
    const api = createPodpathApi(await createLoadedStore(defaultYaml));
    expect(await api.send(null as never)).toMatchObject({ ok: false, error: expect.stringContaining('object') });
    expect(await api.send({ from: 1, to: 'x' } as never)).toMatchObject({ ok: false, error: expect.stringContaining('from') });
    expect(await api.send({ from: 'default/web', to: 'default/api', proto: 'quic' } as never)).toMatchObject({ ok: false, error: expect.stringContaining('proto') });
    expect((await api.loadScenario(42 as never)).ok).toBe(false);
  });

  it('passes the engine\'s refusal through', async () => {
    const api = createPodpathApi(await createLoadedStore(defaultYaml));
    expect(await api.send({ from: 'default/web', to: 'nope/nothing', port: 80 })).toMatchObject({ ok: false, error: expect.stringContaining('nope/nothing') });
  });

  it('loads a scenario and reports located errors for a broken one', async () => {
    const store = await createLoadedStore(defaultYaml);
    const api = createPodpathApi(store);
    const out = await api.loadScenario('kind: Cluster\nnodes: [');
    expect(out).toMatchObject({ ok: false, errors: [{ doc: 1, line: 2 }] });
    expect(store.getState().summary?.nodes).toHaveLength(3);
  });

  it('gives the link of the page as it is, which opens the same send at the same hop', async () => {
    const store = await createLoadedStore(defaultYaml);
    const api = createPodpathApi(store, (f) => `https://podpath.test/#${f}`);
    await api.send({ from: 'default/web', to: 'svc:default/api', port: 80 });
    store.getState().selectStep(4);
    const link = await api.link();
    expect(link).toMatch(/^https:\/\/podpath\.test\/#v1\./);
    const d = decodeLink(link.slice(link.indexOf('#')));
    expect(d.ok && d.state).toMatchObject({ scenario: defaultYaml, seed: 7, run: { kind: 'send', from: 'default/web', to: 'svc:default/api', port: 80 }, at: { exchange: 0, leg: 0, hop: 4 }, panel: 'trace' });
  });

  it('installs itself on a window and removes itself again', () => {
    const win = {} as Window;
    const remove = installPodpathApi(win, createAppStore(defaultYaml));
    expect(win.podpath?.version).toBe(2);
    remove();
    expect(win.podpath).toBeUndefined();
  });
});
