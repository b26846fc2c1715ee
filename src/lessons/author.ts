// What the lesson editor builds: a draft lesson (loose while a teacher types), steps recorded
// from what is on screen (the scenario and the send or command of the current trace), checks
// made from a list of ready questions (each one a check of the lesson language, so the engine
// computes its answer), and the draft as a Lesson document's YAML.
import { stringify } from 'yaml';
import type { Check, Hop, Lesson, RunSpec, ScenarioRef, TraceRun } from '../engine';
import type { LessonDraft } from './draft';

export { EMPTY_DRAFT, type DraftStep, type LessonDraft } from './draft';

/** What the trace ran, as a step's run. */
export function runOfTrace(run: TraceRun): RunSpec {
  const container = run.container !== undefined ? { container: run.container } : {};
  if (run.kind === 'command') return { shell: { from: run.from, ...container, command: run.command } };
  return { send: { from: run.from, to: run.to, ...container, ...(run.port !== undefined ? { port: run.port } : {}), ...(run.proto !== 'tcp' ? { proto: run.proto } : {}) } };
}

/** A scenario by name when it is one of podpath's own, word for word; else the text itself. */
export function scenarioRefOf(text: string, builtins: Readonly<Record<string, string>>): ScenarioRef {
  const name = Object.keys(builtins).find((k) => builtins[k] === text);
  return name !== undefined ? { builtin: name } : { yaml: text };
}

/** The hop a teacher selected, as a query that finds it again: its leg, kind and place. */
export interface SelectedHop {
  readonly hop: Hop;
  readonly legIndex: number;
  readonly exchangeTitle: string;
  /** Whether the hop's exchange is the conversation's own last one (a query's default). */
  readonly main: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CheckPreset {
  readonly id: string;
  readonly kind: Check['kind'];
  /** What the question asks, for the editor's list. */
  readonly label: string;
  readonly needsHop?: boolean;
  readonly make: (question: string, selected?: SelectedHop) => Check;
}

export const CHECK_PRESETS: readonly CheckPreset[] = [
  { id: 'hop-dnat', kind: 'hop', label: 'Select the first hop that rewrote the destination', make: (question) => ({ kind: 'hop', question, hop: { rewrote: 'dst' } }) },
  { id: 'hop-snat', kind: 'hop', label: 'Select the first hop that rewrote the source', make: (question) => ({ kind: 'hop', question, hop: { rewrote: 'src' } }) },
  { id: 'hop-end', kind: 'hop', label: 'Select the hop where the packet was dropped or refused', make: (question) => ({ kind: 'hop', question, hop: { kind: ['drop', 'refuse'] } }) },
  { id: 'hop-deliver', kind: 'hop', label: 'Select the hop that delivered it to a socket', make: (question) => ({ kind: 'hop', question, hop: { kind: 'deliver' } }) },
  {
    id: 'hop-selected', kind: 'hop', label: 'Select the hop I have selected now (same leg, kind and place)', needsHop: true,
    make: (question, sel) => ({
      kind: 'hop', question,
      hop: {
        ...(sel && !sel.main ? { exchange: { title: `^${escape(sel.exchangeTitle)}$` } } : {}),
        leg: sel?.legIndex ?? 0, ...(sel ? { kind: sel.hop.kind, node: sel.hop.node, netns: sel.hop.netns, ...(sel.hop.device ? { device: sel.hop.device } : {}) } : {}),
      },
    }),
  },
  { id: 'choice-seen-source', kind: 'choice', label: 'Which source address did the receiving socket see?', make: (question) => ({ kind: 'choice', question, answer: { of: 'hop', hop: { kind: 'deliver' }, field: 'src' }, options: { from: 'addresses' } }) },
  { id: 'choice-new-destination', kind: 'choice', label: 'Which destination did the first rewrite choose?', make: (question) => ({ kind: 'choice', question, answer: { of: 'hop', hop: { rewrote: 'dst' }, field: 'dst' }, options: { from: 'addresses' } }) },
  { id: 'choice-rewrite-machine', kind: 'choice', label: 'On which machine was the destination rewritten?', make: (question) => ({ kind: 'choice', question, answer: { of: 'hop', hop: { rewrote: 'dst' }, field: 'node' }, options: { from: 'machines' } }) },
  { id: 'choice-verdict', kind: 'choice', label: 'How did it end (delivered, dropped, refused)?', make: (question) => ({ kind: 'choice', question, answer: { of: 'trace', field: 'verdict' }, options: { from: 'verdicts' } }) },
  { id: 'choice-drop', kind: 'choice', label: 'Why did it not arrive (the drop reason)?', make: (question) => ({ kind: 'choice', question, answer: { of: 'trace', field: 'code' }, options: { from: 'drops' } }) },
  { id: 'number-dns', kind: 'number', label: 'How many DNS queries did the program send?', make: (question) => ({ kind: 'number', question, answer: { of: 'exchanges', where: { kind: 'dns', parent: 'none' } } }) },
  { id: 'number-exchanges', kind: 'number', label: 'How many exchanges did the conversation have?', make: (question) => ({ kind: 'number', question, answer: { of: 'trace', field: 'exchanges' } }) },
  { id: 'number-hops', kind: 'number', label: 'How many hops did the first packet take?', make: (question) => ({ kind: 'number', question, answer: { of: 'hops' } }) },
  { id: 'number-rules', kind: 'number', label: 'How many netfilter rules did the exchange meet?', make: (question) => ({ kind: 'number', question, answer: { of: 'exchange', field: 'rulesEvaluated' } }) },
  {
    id: 'task-delivered', kind: 'task', label: 'Task: make the step\'s send or command arrive',
    make: (goal) => ({ kind: 'task', goal, expect: [{ that: { of: 'trace', field: 'verdict' }, is: 'delivered', says: 'the step\'s run is delivered' }] }),
  },
  {
    id: 'task-blocked', kind: 'task', label: 'Task: make the step\'s send or command fail',
    make: (goal) => ({ kind: 'task', goal, expect: [{ that: { of: 'trace', field: 'verdict' }, isNot: 'delivered', says: 'the step\'s run does not arrive' }] }),
  },
];

/** The draft as a Lesson document (what preview, download and links use). */
export function draftToLessonObject(d: LessonDraft) {
  return {
    apiVersion: 'podpath.dev/v1alpha1', kind: 'Lesson', metadata: { name: d.name },
    spec: {
      title: d.title, topic: d.topic, ...(d.summary.trim() ? { summary: d.summary.trim() } : {}),
      scenario: d.scenario ?? { builtin: 'default' },
      steps: d.steps.map((s) => ({
        title: s.title, text: s.text,
        ...(s.scenario ? { scenario: s.scenario } : {}), ...(s.run ? { run: s.run } : {}),
        ...(s.check ? { check: s.check } : {}), ...(s.solution ? { solution: s.solution } : {}),
      })),
    },
  };
}

export function draftToYaml(d: LessonDraft): string {
  return stringify(draftToLessonObject(d), { lineWidth: 0, blockQuote: 'literal' });
}

/** A lesson read back into the editor. */
export function draftFromLesson(l: Lesson): LessonDraft {
  return {
    name: l.metadata.name, title: l.spec.title, topic: l.spec.topic, summary: l.spec.summary ?? '', scenario: l.spec.scenario,
    steps: l.spec.steps.map((s) => ({
      title: s.title, text: s.text, ...(s.scenario ? { scenario: s.scenario } : {}), ...(s.run ? { run: s.run } : {}),
      ...(s.check ? { check: s.check } : {}), ...(s.solution ? { solution: s.solution } : {}),
    })),
  };
}
