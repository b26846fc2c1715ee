// The engine client: one id per request, the cluster and send state the page uses, stale
// answers dropped, and a new engine (with the working scenario compiled again) after a crash.
import { describe, expect, it } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import type { Topology } from '../engine';
import { createEngineClient, type EngineTransport } from './engineClient';
import { createEngineHost } from './engineHost';
import type { EngineAnswer, EngineRequest, Loaded } from './engineProtocol';

const LOADED: Loaded = {
  ok: true, topo: { elements: [], links: [] } as Topology, inside: [], warnings: [], routing: [],
  summary: { nodes: ['n'], pods: 0, pending: 0, services: 0, namespaces: [], proxyMode: 'iptables', cni: 'bridge', cniTitle: 'the bridge plugin', seed: 1, positions: {} },
};

/** A transport the test answers by hand. */
function manual() {
  const posted: EngineRequest[] = [];
  const engines: { answer: (a: EngineAnswer) => void; crash: (m: string) => void }[] = [];
  const connect = (): EngineTransport => ({
    post: (r) => posted.push(r),
    listen: (answer, crash) => { engines.push({ answer, crash }); },
    close: () => {},
  });
  const last = <C extends EngineRequest['call']>(call: C) => posted.filter((r): r is Extract<EngineRequest, { call: C }> => r.call === call).at(-1)!;
  const engine = () => engines.at(-1)!;
  return { client: createEngineClient(connect), posted, last, engine, engines };
}

describe('the engine client', () => {
  it('gives every request its own id and sends later calls to the cluster the last load compiled', async () => {
    const m = manual();
    const load = m.client.load('a');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    expect(await load).toEqual({ status: 'done', value: LOADED });
    void m.client.simulate({ from: 'x', to: 'y', port: 1 });
    const sim = m.last('simulate');
    expect(sim.cluster).toBe(m.last('load').id);
    expect(sim.id).not.toBe(m.last('load').id);
    // The engine is told it may forget anything older.
    expect(m.last('retain')).toMatchObject({ cluster: m.last('load').id, state: 0 });
  });

  it('resolves a load that a newer load replaced as superseded, and ignores its late answer', async () => {
    const m = manual();
    const first = m.client.load('a');
    const firstId = m.last('load').id;
    const second = m.client.load('b');
    expect(await first).toEqual({ status: 'superseded' });
    m.engine().answer({ id: firstId, type: 'result', call: 'load', value: LOADED });
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    expect((await second).status).toBe('done');
    void m.client.tables('node/n');
    expect(m.last('tables').cluster).toBe(m.last('load').id);
  });

  it('drops the answer to a send asked of the old cluster once a new one is in', async () => {
    const m = manual();
    const boot = m.client.load('a');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    await boot;
    const reload = m.client.load('b');
    const send = m.client.simulate({ from: 'x', to: 'y', port: 1 });
    const sendId = m.last('simulate').id;
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    await reload;
    expect(await send).toEqual({ status: 'superseded' });
    m.engine().answer({ id: sendId, type: 'result', call: 'simulate', value: { ok: false, error: 'late' } });
  });

  it('keeps sending to the working cluster when a load fails', async () => {
    const m = manual();
    const boot = m.client.load('a');
    const working = m.last('load').id;
    m.engine().answer({ id: working, type: 'result', call: 'load', value: LOADED });
    await boot;
    const bad = m.client.load('b');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: { ok: false, errors: [{ doc: 1, line: 1, message: 'no' }] } });
    expect(await bad).toMatchObject({ status: 'done', value: { ok: false } });
    void m.client.simulate({ from: 'x', to: 'y', port: 1 });
    expect(m.last('simulate').cluster).toBe(working);
  });

  it('prints the tables of the last successful send, and not of one that failed', async () => {
    const m = manual();
    const boot = m.client.load('a');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    await boot;
    const ok = m.client.simulate({ from: 'x', to: 'y', port: 1 });
    const okId = m.last('simulate').id;
    m.engine().answer({ id: okId, type: 'result', call: 'simulate', value: { ok: true, trace: {} as never } });
    await ok;
    const bad = m.client.simulate({ from: 'x', to: 'z', port: 1 });
    m.engine().answer({ id: m.last('simulate').id, type: 'result', call: 'simulate', value: { ok: false, error: 'refused' } });
    await bad;
    void m.client.tables('node/n');
    expect(m.last('tables').state).toBe(okId);
  });

  it('lets details add up: a second one does not make the first stale', async () => {
    const m = manual();
    const boot = m.client.load('a');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    await boot;
    const a = m.client.details(['n1']);
    const aId = m.last('details').id;
    const b = m.client.details(['n2']);
    const empty = { elements: [], links: [] };
    m.engine().answer({ id: aId, type: 'result', call: 'details', value: empty });
    m.engine().answer({ id: m.last('details').id, type: 'result', call: 'details', value: empty });
    expect((await a).status).toBe('done');
    expect((await b).status).toBe('done');
  });

  it('passes a load\'s progress on and reports an engine exception as a failure', async () => {
    const m = manual();
    const phases: string[] = [];
    const load = m.client.load('a', (p) => phases.push(p));
    const id = m.last('load').id;
    m.engine().answer({ id, type: 'progress', phase: 'compiling' });
    m.engine().answer({ id, type: 'failed', error: 'boom' });
    expect(await load).toEqual({ status: 'failed', error: 'boom' });
    expect(phases).toEqual(['compiling']);
  });

  it('fails what is pending when the engine dies, and compiles the working scenario again in a new one', async () => {
    const m = manual();
    const boot = m.client.load('working text');
    m.engine().answer({ id: m.last('load').id, type: 'result', call: 'load', value: LOADED });
    await boot;
    const send = m.client.simulate({ from: 'x', to: 'y', port: 1 });
    m.engine().crash('out of memory');
    expect(await send).toEqual({ status: 'failed', error: 'the engine stopped: out of memory' });
    void m.client.simulate({ from: 'x', to: 'y', port: 1 });
    expect(m.engines).toHaveLength(2);
    const reload = m.last('load');
    expect(reload.text).toBe('working text');
    expect(m.last('simulate').cluster).toBe(reload.id);
  });
});

describe('the engine host', () => {
  const ask = (host: ReturnType<typeof createEngineHost>, req: EngineRequest) => host.handle(req, () => {});

  it('forgets clusters older than the one the page retains', () => {
    const host = createEngineHost();
    expect(ask(host, { id: 1, call: 'load', text: defaultYaml })).toMatchObject({ type: 'result', value: { ok: true } });
    ask(host, { id: 2, call: 'load', text: defaultYaml });
    const send = { from: 'default/web', to: 'default/cache', port: 6379 };
    expect(ask(host, { id: 3, call: 'simulate', cluster: 1, send })).toMatchObject({ value: { ok: true } });
    ask(host, { id: 0, call: 'retain', cluster: 2, state: 0 });
    expect(ask(host, { id: 4, call: 'simulate', cluster: 1, send })).toMatchObject({ type: 'failed', error: expect.stringContaining('cluster 1') });
    expect(ask(host, { id: 5, call: 'tables', cluster: 1, state: 3, netns: 'node/kind-worker' })).toMatchObject({ type: 'failed' });
    expect(ask(host, { id: 6, call: 'simulate', cluster: 2, send })).toMatchObject({ value: { ok: true } });
  });

  it('reports what a load is doing as it goes', () => {
    const phases: string[] = [];
    createEngineHost().handle({ id: 1, call: 'load', text: defaultYaml }, (p) => phases.push(p));
    expect(phases).toEqual(['parsing', 'compiling', 'drawing']);
  });

  it('turns an engine exception into a failed answer', () => {
    const host = createEngineHost();
    expect(ask(host, { id: 7, call: 'tables', cluster: 99, state: 0, netns: 'node/x' })).toEqual({ id: 7, type: 'failed', error: 'the engine no longer has cluster 99' });
  });
});
