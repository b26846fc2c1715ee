// A moment: what a share link or the autosave keeps of the page. The scenario text, its
// seed, what was run (the trace's `run`: a send, or a shell command), the selected hop by
// its place in the conversation, and the open panel. moment() reads it from the store;
// openMoment() makes it the page again: loads the scenario, runs the same send (or types the
// same command into the same machine's shell), selects the same hop and opens the same panel,
// saying what it could not restore.
import type { TraceRun } from '../engine';
import { hopRefOf, stepIndexOf } from './position';
import type { GetState, Moment, MomentSlice, OpenOutcome, SendOutcome, SetState } from './types';

export function createMomentSlice(set: SetState, get: GetState): MomentSlice {
  const pendingRun = (): TraceRun | undefined => {
    const { source, destination, proto, port } = get();
    if (!source || !destination) return undefined;
    return {
      kind: 'send', from: source.ref, to: destination.ref, proto,
      ...(source.container ? { container: source.container } : {}), ...(proto !== 'icmp' && port != null ? { port } : {}),
    };
  };

  const replay = async (run: TraceRun): Promise<SendOutcome> => {
    switch (run.kind) {
      case 'send':
        return get().sendRequest({ from: run.from, to: run.to, proto: run.proto, ...(run.port !== undefined ? { port: run.port } : {}), ...(run.container ? { container: run.container } : {}) });
      case 'command': {
        const out = await get().runShellCommand(run.command, run.from, run.container);
        if (!out.ok) return out;
        return out.trace ? { ok: true, trace: out.trace } : { ok: false, error: `"${run.command}" sent no packet this time` };
      }
    }
  };

  return {
    moment: () => {
      const s = get();
      const step = s.steps[s.position];
      const run = s.trace?.run ?? pendingRun();
      return {
        scenario: s.text,
        ...(s.summary ? { seed: s.summary.seed } : {}),
        ...(run ? { run } : {}),
        ...(s.trace && step ? { at: hopRefOf(step) } : {}),
        panel: s.panel,
      };
    },
    replay,
    openMoment: async (m: Moment, step: string): Promise<OpenOutcome> => {
      const loaded = await get().loadScenario(m.scenario, step);
      if (!loaded.ok) {
        return loaded.superseded ? { ok: false, error: 'something newer was opened first', superseded: true }
          : { ok: false, error: 'its scenario has problems, shown in the Scenario tab', errors: loaded.errors };
      }
      const notes: string[] = [];
      if (m.seed !== undefined && get().summary?.seed !== m.seed) {
        const seeded = await get().edit([{ op: 'setSeed', seed: m.seed }], `set the seed to ${m.seed}`);
        if (!seeded.ok) notes.push(`its seed ${m.seed} could not be set: ${seeded.error}`);
      }
      if (m.panel) get().setPanel(m.panel);
      if (!m.run) return { ok: true, notes };
      const sent = await replay(m.run);
      if (!sent.ok) {
        notes.push(sent.superseded ? 'its send was replaced by a newer one' : `its ${m.run.kind === 'send' ? 'send' : 'command'} could not run again: ${sent.error}`);
        return { ok: true, notes };
      }
      set({ playing: false, position: m.at ? stepIndexOf(get().steps, m.at) : 0 });
      return { ok: true, notes };
    },
  };
}
