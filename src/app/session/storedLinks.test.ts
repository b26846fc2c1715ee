// Every stored link of every version (src/share/fixtures/links-v*.json, real links made by
// the app when that version was current) still opens: the same send runs again, and the same
// hop and panel are selected.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../share';
import { createAppStore, type HopRef, type Panel } from '../../store';
import type { TraceRun } from '../../engine';
import { memoryStore } from './keyValue';
import { startSession } from './start';

interface Stored { name: string; version: number; link: string; opens: { run: TraceRun | null; at: HopRef | null; panel: Panel; hopKind: string | null; hopAt: string | null } }

const DIR = 'src/share/fixtures';
const stored: Stored[] = readdirSync(DIR).filter((f) => /^links-v\d+\.json$/.test(f)).flatMap((f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Stored[]);
const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');

describe('stored links', () => {
  it('are kept for every version up to the current one', () => {
    expect(stored.length).toBeGreaterThanOrEqual(4);
    expect(new Set(stored.map((s) => s.version))).toContain(1);
  });

  it.each(stored.map((s) => [`v${s.version}: ${s.name}`, s] as const))('%s opens at the same moment', async (_, s) => {
    expect(decodeLink(s.link)).toMatchObject({ ok: true, repairs: [] });
    const store = createAppStore(DEFAULT, { autoLoad: false });
    const started = await startSession(store, memoryStore(), s.link, DEFAULT);
    expect(started).toEqual({ opened: 'link', notice: null });
    const st = store.getState();
    expect(st.panel).toBe(s.opens.panel);
    if (!s.opens.run) { expect(st.trace).toBeNull(); return; }
    expect(st.trace?.run).toEqual(s.opens.run);
    const step = st.steps[st.position]!;
    expect({ exchange: step.exchange, leg: step.legIndex }).toEqual({ exchange: s.opens.at!.exchange, leg: s.opens.at!.leg });
    expect({ kind: step.hop.kind, at: step.hop.at }).toEqual({ kind: s.opens.hopKind, at: s.opens.hopAt });
  });
});
