// The edit slice: every change to the scenario made outside the YAML editor (the graph's
// toolbar, menu and keys, the inspector form, a drawn link, a drag, the mode switch) is a
// list of typed edits (engine's ScenarioEdit) that the engine applies to the text; the new
// text is compiled, becomes one undo step, and the current send runs again. Edits wait for
// each other, so two quick ones never start from the same text. Undo and redo load a text
// from the history; a reset loads the default scenario, as one more step.
import type { ScenarioEdit } from '../engine';
import type { EngineClient } from './engineClient';
import type { History } from './history';
import { engineProblem, type Loader } from './scenarioSlice';
import type { ApplyResult, EditOutcome, EditSlice, GetState, SetState } from './types';
import type { Work } from './work';

export function createEditSlice(set: SetState, get: GetState, engine: EngineClient, work: Work, history: History, load: Loader, defaultText: () => string): EditSlice {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `job` after every job queued before it. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => {});
    return run;
  };

  const failed = (error: string, extra: Partial<Extract<EditOutcome, { ok: false }>> = {}): EditOutcome => {
    set({ editStatus: { kind: 'failed', message: error } });
    return { ok: false, error, ...extra };
  };

  /** Loads `text` (a step of `recording`), keeping unapplied YAML edits in the editor, and sends again. */
  const commit = async (text: string, recording: Parameters<Loader>[1], draft: string | null): Promise<ApplyResult> => {
    const before = get();
    const hadTrace = before.trace !== null;
    const out = await load(text, recording);
    if (!out.ok) return out;
    if (draft !== null) set({ draft });
    if (hadTrace) await get().resend();
    return out;
  };

  const edit = (edits: readonly ScenarioEdit[], label: string) => serial(async (): Promise<EditOutcome> => {
    const s = get();
    if (!s.summary) return failed('there is no working scenario to edit');
    const out = await work.track('Editing the scenario', engine.edit(s.text, edits));
    if (out.status === 'superseded') return { ok: false, error: 'a newer edit replaced this one', superseded: true };
    if (out.status === 'failed') return failed(engineProblem(out.error).message);
    if (!out.value.ok) return failed(out.value.error);
    // Unapplied YAML edits stay in the editor, with this edit made in them too where it can be.
    let draft: string | null = null;
    if (s.draft !== s.text) {
      const d = await engine.edit(s.draft, edits);
      draft = d.status === 'done' && d.value.ok ? d.value.text : s.draft;
    }
    const errorsBefore = get().errors;
    const loaded = await commit(out.value.text, { step: label }, draft);
    if (!loaded.ok) {
      if (loaded.superseded) return { ok: false, error: 'a newer change replaced this edit', superseded: true };
      // The errors are about a text the learner never saw: say what went wrong, keep the editor's own errors.
      set({ errors: errorsBefore });
      const first = loaded.errors[0];
      return failed(`the edit was not made: ${first ? `${first.object ? `${first.object}: ` : ''}${first.message}` : 'the scenario did not compile'}`, { errors: loaded.errors });
    }
    const { notes, made } = out.value;
    set({ editStatus: { kind: 'done', message: notes.length > 0 ? notes.join('; ') : `Done: ${label}` } });
    return { ok: true, notes, ...(made ? { made } : {}) };
  });

  /** Moves through the history: loads the text undo (or redo) goes to, and moves only once it compiled. */
  const travel = (dir: 'undo' | 'redo') => serial(async (): Promise<ApplyResult | null> => {
    const entry = dir === 'undo' ? history.peekUndo() : history.peekRedo();
    if (!entry) return null;
    const label = dir === 'undo' ? history.view().undoLabel : history.view().redoLabel;
    const s = get();
    const out = await commit(entry.text, 'none', s.draft !== s.text ? s.draft : null);
    if (!out.ok) return out;
    history[dir]();
    set({ editStatus: { kind: 'done', message: `${dir === 'undo' ? 'Undid' : 'Redid'}: ${label ?? 'the last change'}` } });
    return out;
  });

  return {
    kindHandout: async () => {
      const out = await work.track('Writing the kind handout', engine.kindHandout(get().text));
      return out.status === 'done' ? out.value : { ok: false, error: out.status === 'failed' ? engineProblem(out.error).message : 'a newer handout replaced this one' };
    },
    importKubectl: (texts) => serial(async () => {
      const out = await work.track('Importing from kubectl', engine.importKubectl(texts));
      if (out.status !== 'done') return { ok: false, error: out.status === 'failed' ? engineProblem(out.error).message : 'a newer import replaced this one' };
      if (!out.value.ok) return { ok: false, error: out.value.error };
      const { report, text } = out.value;
      const loaded = await commit(text, { step: 'import from kubectl' }, null);
      if (!loaded.ok) {
        set({ draft: text });
        return { ok: false, error: 'the imported scenario does not compile: its problems are in the Scenario tab', report, errors: loaded.errors };
      }
      set({ editStatus: { kind: 'done', message: `Imported ${report.kept.length} objects; ${report.ignored.length} left out` } });
      return { ok: true, report };
    }),
    inspect: async (ref) => {
      const out = await engine.inspect(get().text, ref);
      return out.status === 'done' ? out.value : out.status === 'failed' ? { ok: false, error: engineProblem(out.error).message } : null;
    },
    history: history.view(),
    editStatus: null,
    edit,
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    resetToDefault: () => serial(async () => {
      const out = await commit(defaultText(), { step: 'reset to the default scenario' }, null);
      if (out.ok) set({ editStatus: { kind: 'done', message: 'The default scenario is back; Undo brings yours back' } });
      return out;
    }),
  };
}
