// The shell slice: whose shell is open (a pod's container, a node, a host outside), what it
// printed, the command history, and running a command through the engine. A command that
// makes a conversation becomes the trace the graph and the hop list show, as a send does.
import type { CommandOutput, ExecSpec, Trace } from '../engine';
import type { EngineClient } from './engineClient';
import { endpointOfRef } from './endpoints';
import { stepsOf } from './steps';
import { NO_TABLES } from './tablesSlice';
import type { GetState, SetState } from './types';
import type { Work } from './work';

export interface TermLine {
  readonly kind: 'command' | 'stdout' | 'stderr' | 'info';
  readonly text: string;
  /** The prompt shown before a command. */
  readonly prompt?: string;
}

export interface ShellTarget {
  /** What exec() gets as `from`. */
  readonly from: string;
  readonly container?: string;
  /** "pod default/web, container nginx". */
  readonly name: string;
  readonly prompt: string;
}

export type ExecOutcome =
  | { readonly ok: true; readonly output: CommandOutput; readonly trace: Trace | null }
  | { readonly ok: false; readonly error: string; readonly superseded?: true };

export interface TerminalSlice {
  readonly shell: ShellTarget | null;
  readonly shellLines: readonly TermLine[];
  readonly shellHistory: readonly string[];
  readonly shellBusy: boolean;
  /** Opens the shell of a pod (or one of its containers), a node or an outside host, by its reference. */
  openShell(from: string, container?: string): void;
  closeShell(): void;
  clearShell(): void;
  /** Runs a command line in the open shell (opening `from`'s first when given). */
  runShellCommand(line: string, from?: string, container?: string): Promise<ExecOutcome>;
}

/** The prompt a shell shows: root in a container or on a kind node, a user on a host outside. */
export function promptOf(from: string): string {
  const host = from.startsWith('external:') ? from.slice(9) : from.startsWith('node:') ? from.slice(5) : (from.split('/').pop() ?? from);
  return from.startsWith('external:') ? `user@${host}:~$ ` : `root@${host}:/# `;
}

const MAX_LINES = 2000;

/** What a command printed, in the order it wrote its two streams (curl -v interleaves them), as terminal lines. */
export function outputLines(output: CommandOutput): TermLine[] {
  const chunks = output.chunks ?? [...(output.stdout ? [{ fd: 1 as const, text: output.stdout }] : []), ...(output.stderr ? [{ fd: 2 as const, text: output.stderr }] : [])];
  return chunks.filter((c) => c.text !== '').map((c) => ({ kind: c.fd === 1 ? 'stdout' as const : 'stderr' as const, text: c.text.replace(/\n$/, '') }));
}

/** The output as a terminal shows it: both streams, interleaved as written. */
export function terminalText(output: CommandOutput): string {
  return (output.chunks ?? [{ text: output.stdout }, { text: output.stderr }]).map((c) => c.text).join('');
}

export function createTerminalSlice(set: SetState, get: GetState, engine: EngineClient, work: Work): TerminalSlice {
  const targetFor = (from: string, container?: string): ShellTarget => {
    const ep = endpointOfRef(get().topo, from, container);
    const name = `${ep.name}${container ? `, container ${container}` : ''}`;
    return { from, ...(container ? { container } : {}), name, prompt: promptOf(from) };
  };
  const append = (lines: readonly TermLine[]) => set({ shellLines: [...get().shellLines, ...lines].slice(-MAX_LINES) });
  return {
    shell: null,
    shellLines: [],
    shellHistory: [],
    shellBusy: false,
    openShell: (from, container) => {
      const cur = get().shell;
      if (cur && cur.from === from && cur.container === container) return;
      const t = targetFor(from, container);
      set({ shell: t, shellLines: [{ kind: 'info', text: `A shell in ${t.name}. Type help for the commands; Tab completes names.` }] });
    },
    closeShell: () => set({ shell: null }),
    clearShell: () => set({ shellLines: [] }),
    runShellCommand: async (line, from, container) => {
      if (from !== undefined) get().openShell(from, container);
      const t = get().shell;
      if (!t) return { ok: false, error: 'no shell is open: choose a pod, a node or an outside host first' };
      const command = line.trim();
      append([{ kind: 'command', text: line, prompt: t.prompt }]);
      if (command === '') return { ok: true, output: { stdout: '', stderr: '', exitCode: 0 }, trace: null };
      set({ shellHistory: [...get().shellHistory.filter((h) => h !== command), command].slice(-200) });
      if (command === 'clear') { set({ shellLines: [] }); return { ok: true, output: { stdout: '', stderr: '', exitCode: 0 }, trace: null }; }
      if (command === 'exit') { set({ shell: null }); return { ok: true, output: { stdout: '', stderr: '', exitCode: 0 }, trace: null }; }
      const spec: ExecSpec = { from: t.from, ...(t.container ? { container: t.container } : {}), command };
      set({ shellBusy: true });
      const out = await work.track(`Running ${command.split(' ')[0]}`, engine.exec(spec));
      set({ shellBusy: false });
      if (out.status === 'superseded') return { ok: false, error: 'a newer command replaced this one', superseded: true };
      if (out.status === 'failed') { append([{ kind: 'stderr', text: `podpath: the engine failed: ${out.error}` }]); return { ok: false, error: out.error }; }
      if (!out.value.ok) { append([{ kind: 'stderr', text: `podpath: ${out.value.error}` }]); return { ok: false, error: out.value.error }; }
      const { output, trace } = out.value;
      append(outputLines(output));
      if (trace) {
        const steps = stepsOf(trace);
        // In a big cluster, the nodes the conversation crosses are drawn first, so each hop has its element.
        await get().revealNodes(steps.map((st) => st.hop.node));
        set({ trace, steps, position: 0, sendError: null, playing: true, tables: NO_TABLES, panel: 'trace' });
      }
      return { ok: true, output, trace };
    },
  };
}
