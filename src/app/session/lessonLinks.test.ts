// A lesson's link and the session: the page opens the saved work under it (no "this link could
// not be opened"), writes nothing until the learner changes something, and leaves the lesson
// to the lessons' route. The lesson link's payload is the share codec's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFragment, readLessonFragment } from '../../lessons/link';
import { unpackText } from '../../share';
import { createAppStore } from '../../store';
import { memoryStore } from './keyValue';
import { libraryIn, SESSION_KEY } from './records';
import { startAutosave } from './autosave';
import { startSession } from './start';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const MINE = DEFAULT.replace('replicas: 2', 'replicas: 3');

describe('a lesson link when the page opens', () => {
  it('opens the saved work without a notice and overwrites nothing', async () => {
    const kv = memoryStore();
    const first = createAppStore(DEFAULT, { autoLoad: false, library: libraryIn(kv) });
    await startSession(first, kv, '', DEFAULT);
    const autosave = startAutosave(first, kv, { delay: 0 });
    await first.getState().loadScenario(MINE, 'apply the YAML');
    await autosave.flush();
    const saved = kv.data.get(SESSION_KEY);

    const page = createAppStore(DEFAULT, { autoLoad: false, library: libraryIn(kv) });
    const started = await startSession(page, kv, '#lesson/service-iptables/2', DEFAULT);
    expect(started).toEqual({ opened: 'saved', notice: null });
    expect(page.getState().text).toBe(MINE);
    expect(kv.data.get(SESSION_KEY)).toEqual(saved);
  });

  it('opens the default scenario on a fresh page, and a damaged lesson link is no share link either', async () => {
    const page = createAppStore(DEFAULT, { autoLoad: false });
    expect(await startSession(page, memoryStore(), '#lesson/~!!!/1', DEFAULT)).toEqual({ opened: 'default', notice: null });
  });
});

describe('a lesson travelling whole in its link', () => {
  it('is packed by the share codec', () => {
    const yaml = 'apiVersion: podpath.dev/v1alpha1\nkind: Lesson\n';
    const fragment = lessonFragment({ kind: 'doc', yaml, step: 0 });
    const payload = /^lesson\/~([^/]+)\/1$/.exec(fragment)![1]!;
    expect(unpackText(payload)).toEqual({ ok: true, text: yaml });
    expect(readLessonFragment(`#lesson/~${payload}/1`)).toEqual({ ok: true, link: { kind: 'doc', yaml, step: 0 } });
  });
});
