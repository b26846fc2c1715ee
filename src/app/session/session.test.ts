// Opening the page and keeping the work: the autosave writes the session after a change (and
// only then), a reload brings back the scenario, the send, the hop, the panel and the speed;
// a failing store says so and loses nothing; a broken link opens the saved work and never
// writes over it; a valid link keeps the saved work in My scenarios before replacing it.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeLink } from '../../share';
import { createAppStore, type AppStore } from '../../store';
import { startAutosave } from './autosave';
import { failingStore, memoryStore, type KeyValueStore } from './keyValue';
import { libraryIn, SESSION_KEY } from './records';
import { startSession } from './start';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const MINE = DEFAULT.replace('replicas: 2', 'replicas: 3');

async function page(kv: KeyValueStore, fragment = '') {
  const store = createAppStore(DEFAULT, { autoLoad: false, library: libraryIn(kv) });
  const started = await startSession(store, kv, fragment, DEFAULT);
  const fragments: (string | null)[] = [];
  const autosave = startAutosave(store, kv, { delay: 0, writeFragment: (f) => fragments.push(f) });
  return { store, started, autosave, fragments, s: store.getState };
}

async function work(store: AppStore) {
  const s = store.getState;
  await s().loadScenario(MINE, 'apply the YAML');
  await s().sendRequest({ from: 'default/web', to: 'svc:default/api', port: 80 });
  s().selectStep(5);
  s().setPanel('tables');
  s().setSpeed(2);
}

describe('the autosave', () => {
  it('writes nothing until the learner changes something, then the whole moment', async () => {
    const kv = memoryStore();
    const p = await page(kv);
    expect(p.started.opened).toBe('default');
    await p.autosave.flush();
    expect(kv.data.has(SESSION_KEY)).toBe(false);
    await work(p.store);
    await p.autosave.flush();
    expect(kv.data.get(SESSION_KEY)).toMatchObject({ version: 1, link: expect.stringMatching(/^v1\./), speed: 2 });
    expect(p.fragments.at(-1)).toMatch(/^v1\./);
  });

  it('brings the scenario, the send, the hop, the panel and the speed back after a reload', async () => {
    const kv = memoryStore();
    const first = await page(kv);
    await work(first.store);
    await first.autosave.flush();
    const before = first.s();
    const again = await page(kv);
    expect(again.started).toEqual({ opened: 'saved', notice: null });
    const s = again.s();
    expect(s.text).toBe(MINE);
    expect(s.trace?.run).toEqual(before.trace?.run);
    expect(s.position).toBe(5);
    expect(s.steps[5]?.hop).toEqual(before.steps[5]?.hop);
    expect([s.panel, s.speed]).toEqual(['tables', 2]);
    // The reload starts the undo history afresh.
    expect(s.history.canUndo).toBe(false);
  });

  it('says when the store fails, keeps the work in the page, and saves again once it can', async () => {
    let broken = true;
    const good = memoryStore();
    const kv: KeyValueStore = { get: good.get, set: (k, v) => (broken ? failingStore().set(k, v) : good.set(k, v)) };
    const p = await page(kv);
    await work(p.store);
    await p.autosave.flush();
    expect(p.s().storage).toMatchObject({ status: 'failed', message: expect.stringContaining('QuotaExceededError') });
    expect(p.s().text).toBe(MINE);
    broken = false;
    p.s().setSpeed(4);
    await p.autosave.flush();
    expect(p.s().storage).toEqual({ status: 'ok', message: 'Your work is saved again' });
    expect(good.data.get(SESSION_KEY)).toMatchObject({ speed: 4 });
  });

  it('opens the default scenario, and says so, when the saved session cannot be read', async () => {
    const kv = memoryStore({ [SESSION_KEY]: { version: 7, link: 'v7.x' } });
    const p = await page(kv);
    expect(p.started.opened).toBe('default');
    expect(p.started.notice?.details.join(' ')).toMatch(/newer podpath/);
    await p.autosave.flush();
    expect(kv.data.get(SESSION_KEY)).toEqual({ version: 7, link: 'v7.x' });
  });
});

describe('opening a link', () => {
  it('never writes over the saved work when the link is broken, whatever it holds', async () => {
    const kv = memoryStore();
    const first = await page(kv);
    await work(first.store);
    await first.autosave.flush();
    const saved = structuredClone(kv.data.get(SESSION_KEY));
    const good = `#${encodeLink({ scenario: DEFAULT })}`;
    const broken = fc.oneof(
      fc.string({ maxLength: 60 }).map((t) => `#${t}`),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.constantFrom('A', '_', '-', '')).map(([i, c]) => `${good.slice(0, Math.max(5, i))}${c}${good.slice(i + 1)}`),
    ).filter((f) => f !== good && f !== '#');
    await fc.assert(fc.asyncProperty(broken, async (fragment) => {
      const p = await page(kv, fragment);
      await p.autosave.flush();
      expect(kv.data.get(SESSION_KEY)).toEqual(saved);
      if (p.started.opened === 'link') return; // a mutation that still decodes to a readable link
      expect(p.s().text).toBe(MINE);
      expect(p.started.notice?.title).toMatch(/could not be opened|does not compile/);
    }), { seed: 4455, numRuns: 12 });
  });

  it('keeps the saved work in My scenarios before a link replaces it', async () => {
    const kv = memoryStore();
    const first = await page(kv);
    await work(first.store);
    await first.autosave.flush();
    const p = await page(kv, `#${encodeLink({ scenario: DEFAULT, run: { kind: 'send', from: 'default/web', to: 'default/cache', proto: 'icmp' } })}`);
    expect(p.started).toEqual({ opened: 'link', notice: null });
    expect(p.s().trace?.run).toMatchObject({ to: 'default/cache', proto: 'icmp' });
    expect(p.s().library).toEqual([expect.objectContaining({ name: 'Autosaved before opening a link', scenario: MINE })]);
    expect(await libraryIn(kv).list()).toHaveLength(1);
  });

  it('types a link\'s shell command into the same machine\'s shell again, and selects the same hop', async () => {
    const first = await page(memoryStore());
    await first.s().runShellCommand('curl -s http://api/', 'default/web');
    expect(first.s().trace?.run.kind).toBe('command');
    first.s().selectStep(3);
    const moment = first.s().moment();
    const p = await page(memoryStore(), `#${encodeLink(moment)}`);
    expect(p.started).toEqual({ opened: 'link', notice: null });
    expect(p.s().trace?.run).toEqual({ kind: 'command', from: 'default/web', command: 'curl -s http://api/' });
    expect(p.s().steps[p.s().position]?.hop).toEqual(first.s().steps[3]?.hop);
  });

  it('opens what it can of a repaired link and names what it left out', async () => {
    const p = await page(memoryStore(), `#${encodeLink({ scenario: DEFAULT, run: { kind: 'send', from: 'default/nothing', to: 'default/web', proto: 'tcp', port: 80 } })}`);
    expect(p.started.opened).toBe('link');
    expect(p.started.notice).toMatchObject({ title: 'The link was opened, with repairs', details: [expect.stringMatching(/^Its send could not run again: .*default\/nothing/)] });
  });

  it('puts a link\'s scenario that does not compile in the editor, and runs the saved work meanwhile', async () => {
    const kv = memoryStore();
    const first = await page(kv);
    await work(first.store);
    await first.autosave.flush();
    const bad = DEFAULT.replace('containerPort: 8080', 'containerPort: eighty');
    const p = await page(kv, `#${encodeLink({ scenario: bad })}`);
    expect(p.started.opened).toBe('saved');
    expect(p.started.notice?.title).toBe('This link\'s scenario does not compile');
    expect(p.s().text).toBe(MINE);
    expect(p.s().draft).toBe(bad);
    expect(p.s().errors[0]?.field).toContain('containerPort');
  });
});

describe('My scenarios', () => {
  it('saves, renames, opens and deletes named scenarios, kept across a reload', async () => {
    const kv = memoryStore();
    const p = await page(kv);
    await p.s().loadScenario(MINE, 'apply the YAML');
    const item = await p.s().saveAs('  three replicas ');
    expect(item.name).toBe('three replicas');
    await p.s().renameSaved(item.id, 'Three api replicas');
    await p.s().resetToDefault();
    expect(p.s().text).toBe(DEFAULT);
    expect((await p.s().openSaved(item.id)).ok).toBe(true);
    expect(p.s().text).toBe(MINE);
    const again = await page(kv);
    expect(again.s().library.map((x) => x.name)).toEqual(['Three api replicas']);
    await again.s().deleteSaved(item.id);
    expect(await libraryIn(kv).list()).toEqual([]);
  });

  it('keeps a saved scenario in the page and says so when the store cannot write', async () => {
    const p = await page(failingStore('the database is blocked'));
    await p.s().saveAs('mine');
    expect(p.s().library).toHaveLength(1);
    expect(p.s().storage).toMatchObject({ status: 'failed', message: expect.stringContaining('the database is blocked') });
  });
});
