// What the page stores, versioned. The session (the working scenario, what ran, the selected
// hop, the open panel and the playback speed) is kept as a share link's fragment, so it goes
// through the same migrations and restore pass as a link; My scenarios are a list of named
// texts. A record of an unknown version or shape is left alone (never overwritten by a
// guess) and reported.
import type { Moment, SavedScenario, ScenarioLibrary, Speed } from '../../store';
import { SPEEDS } from '../../store';
import { decodeLink, encodeLink, type LinkState } from '../../share';
import type { KeyValueStore } from './keyValue';

export const SESSION_KEY = 'session';
export const LIBRARY_KEY = 'scenarios';
export const RECORD_VERSION = 1;

export interface SessionRecord {
  readonly version: 1;
  /** The moment as a link fragment ("v1.…"). */
  readonly link: string;
  readonly speed: Speed;
}

/** A moment is a link's state (the same fields); the type check keeps the two in step. */
export const linkStateOf = (m: Moment): LinkState => m;
export const momentOf = (s: LinkState): Moment => s;

export const sessionRecord = (m: Moment, speed: Speed): SessionRecord => ({ version: RECORD_VERSION, link: encodeLink(linkStateOf(m)), speed });

export type ReadSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly moment: Moment; readonly speed: Speed; readonly repairs: readonly string[] }
  | { readonly kind: 'unreadable'; readonly why: string };

export function readSession(raw: unknown): ReadSession {
  if (raw === undefined || raw === null) return { kind: 'none' };
  const r = raw as Partial<SessionRecord>;
  if (typeof raw !== 'object' || typeof r.version !== 'number') return { kind: 'unreadable', why: 'it is not a podpath session' };
  if (r.version > RECORD_VERSION) return { kind: 'unreadable', why: `it was saved by a newer podpath (version ${r.version})` };
  if (typeof r.link !== 'string') return { kind: 'unreadable', why: 'it holds no scenario' };
  const d = decodeLink(r.link);
  if (!d.ok) return { kind: 'unreadable', why: d.error };
  const speed = SPEEDS.includes(r.speed as Speed) ? (r.speed as Speed) : 1;
  return { kind: 'ok', moment: momentOf(d.state), speed, repairs: d.repairs };
}

function readItems(raw: unknown): SavedScenario[] {
  const r = raw as { version?: unknown; items?: unknown } | undefined;
  if (!r || typeof r !== 'object' || r.version !== RECORD_VERSION || !Array.isArray(r.items)) return [];
  return r.items.filter((x): x is SavedScenario => {
    const i = x as Partial<SavedScenario>;
    return typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.name === 'string' && typeof i.scenario === 'string' && typeof i.savedAt === 'string';
  });
}

/** My scenarios, kept under LIBRARY_KEY. */
export function libraryIn(kv: KeyValueStore): ScenarioLibrary {
  return {
    list: async () => readItems(await kv.get(LIBRARY_KEY)),
    save: (items) => kv.set(LIBRARY_KEY, { version: RECORD_VERSION, items }),
  };
}
