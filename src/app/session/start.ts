// How the page opens: a link in the URL wins; a broken one says why and opens the saved work
// (or the default scenario) instead, writing nothing; without a link, the saved session comes
// back as it was (also under a lesson's link, #lesson/…, which the lessons open after this). A valid link over saved work keeps that work in My scenarios first, so
// opening a student's link never loses the student's own scenario.
import type { AppStore, Moment, Notice } from '../../store';
import { decodeLink } from '../../share';
import { isLessonFragment } from '../../lessons/link';
import type { KeyValueStore } from './keyValue';
import { momentOf, readSession, SESSION_KEY } from './records';

export interface Started {
  /** What opened. */
  readonly opened: 'link' | 'saved' | 'default';
  readonly notice: Notice | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function readSaved(kv: KeyValueStore): Promise<{ moment: Moment | null; speed?: number; problem?: string; repairs: readonly string[] }> {
  try {
    const r = readSession(await kv.get(SESSION_KEY));
    if (r.kind === 'ok') return { moment: r.moment, speed: r.speed, repairs: r.repairs };
    if (r.kind === 'unreadable') return { moment: null, problem: `Your saved work could not be read (${r.why}); it is left as it was`, repairs: [] };
    return { moment: null, repairs: [] };
  } catch (err) {
    return { moment: null, problem: `The saved work could not be read (${message(err)})`, repairs: [] };
  }
}

export async function startSession(store: AppStore, kv: KeyValueStore, fragment: string, defaultScenario: string): Promise<Started> {
  const s = () => store.getState();
  await s().loadLibrary();
  const saved = await readSaved(kv);
  if (saved.speed !== undefined) s().setSpeed(saved.speed as 1);
  const savedNote = saved.problem ? [saved.problem] : [];

  const openFallback = async (): Promise<'saved' | 'default'> => {
    if (saved.moment) {
      const out = await s().openMoment(saved.moment, 'open your saved work');
      if (out.ok) return 'saved';
    }
    await s().loadScenario(defaultScenario, 'open the default scenario');
    return 'default';
  };

  if (fragment !== '' && fragment !== '#' && !isLessonFragment(fragment)) {
    const link = decodeLink(fragment);
    if (!link.ok) {
      const opened = await openFallback();
      return {
        opened, notice: {
          tone: 'warning', title: 'This link could not be opened',
          details: [`${link.error[0]!.toUpperCase()}${link.error.slice(1)}.`, opened === 'saved' ? 'Your saved work is open instead; nothing was overwritten.' : 'The default scenario is open instead.', ...savedNote],
        },
      };
    }
    const state = momentOf(link.state);
    if (saved.moment && saved.moment.scenario !== state.scenario && !s().library.some((x) => x.scenario === saved.moment!.scenario)) {
      // Keep the learner's own work before the link replaces it on the page.
      await s().saveAs('Autosaved before opening a link', saved.moment.scenario);
    }
    const out = await s().openMoment(state, 'open a shared link');
    if (!out.ok) {
      const errors = out.errors ?? [];
      const opened = await openFallback();
      // The link's scenario waits in the editor, with its problems, for the learner to mend.
      store.setState({ draft: state.scenario, errors });
      return {
        opened, notice: {
          tone: 'warning', title: 'This link\'s scenario does not compile',
          details: [`It is in the Scenario tab with ${errors.length} problem${errors.length === 1 ? '' : 's'} to mend; ${opened === 'saved' ? 'your saved work' : 'the default scenario'} runs meanwhile.`, ...savedNote],
        },
      };
    }
    const notes = [...link.repairs, ...out.notes];
    return {
      opened: 'link',
      notice: notes.length > 0 || savedNote.length > 0
        ? { tone: 'warning', title: 'The link was opened, with repairs', details: [...notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`), ...savedNote] }
        : null,
    };
  }
  const opened = await openFallback();
  const repairs = opened === 'saved' ? [...saved.repairs] : [];
  return { opened, notice: savedNote.length > 0 || repairs.length > 0 ? { tone: 'warning', title: 'Your saved work was opened, with repairs', details: [...repairs, ...savedNote] } : null };
}
