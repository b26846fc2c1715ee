// What a step asks to run and which questions read a trace: plain functions of the lesson's
// data, kept apart from the checks (which walk the engine) so the page can use them without
// loading the engine.
import type { TraceRun } from '../trace/types';
import type { Check, OptionsSpec, RunSpec, ValueExpr } from './types';

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Whether a trace is of the run a step asks for (a container, when the step names none, may be any). */
export function isRunOf(run: RunSpec, traced: TraceRun): boolean {
  if ('send' in run) {
    const s = run.send;
    return traced.kind === 'send' && traced.from === s.from && traced.to === s.to && traced.proto === (s.proto ?? 'tcp')
      && (traced.proto === 'icmp' || traced.port === s.port) && (s.container === undefined || traced.container === s.container);
  }
  const c = run.shell;
  return traced.kind === 'command' && traced.from === c.from && squash(traced.command) === squash(c.command)
    && (c.container === undefined || traced.container === c.container);
}

/** "the send from default/web to svc:default/api (TCP port 80)", "`curl http://api/` in default/web". */
export function describeRun(run: RunSpec): string {
  if ('shell' in run) return `\`${run.shell.command}\` in ${run.shell.from}`;
  const s = run.send;
  const proto = (s.proto ?? 'tcp').toUpperCase();
  const size = s.size !== undefined ? `, ${s.size} bytes${s.df ? ' with DF' : ''}` : '';
  return `the send from ${s.from} to ${s.to} (${proto === 'ICMP' ? 'ICMP echo' : `${proto} port ${s.port ?? '?'}`}${size})`;
}

const TRACE_VALUES = new Set<ValueExpr['of']>(['hop', 'exchange', 'exchanges', 'hops', 'trace', 'rules']);
// 'study' builds its own clusters: it reads neither the trace nor the learner's scenario.
const TRACE_OPTIONS = new Set<OptionsSpec['from']>(['addresses', 'machines', 'devices', 'netns', 'kinds', 'chains']);

/** Whether a question reads the trace (or only the scenario: a Service's address, what podpath refuses in the editor). */
export function needsTrace(check: Exclude<Check, { kind: 'task' }>): boolean {
  if (check.kind === 'hop') return true;
  if (TRACE_VALUES.has(check.answer.of)) return true;
  return check.kind === 'choice' && (TRACE_OPTIONS.has(check.options.from)
    || (check.options.from === 'values' && check.options.values.some((v) => TRACE_VALUES.has(v.of))));
}
