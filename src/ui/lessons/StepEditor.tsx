// One step of the lesson a teacher is writing: its title and text, what it runs (recorded from
// the trace on screen), its check (one of the ready questions, with the teacher's wording and
// feedback) and, for a task, the scenario that solves it (recorded from the scenario on screen).
import { useShallow } from 'zustand/react/shallow';
import { describeRun, type Check } from '../../engine';
import { CHECK_PRESETS, runOfTrace, type DraftStep, type SelectedHop } from '../../lessons/author';
import { useAppStore } from '../../store';

interface Props {
  readonly index: number;
  readonly step: DraftStep;
  readonly count: number;
  readonly onChange: (step: DraftStep) => void;
  readonly onMove: (delta: number) => void;
  readonly onRemove: () => void;
}

const questionOf = (c: Check | undefined) => (c ? (c.kind === 'task' ? c.goal : c.question) : '');

function useSelectedHop(): SelectedHop | undefined {
  const { trace, step } = useAppStore(useShallow((s) => ({ trace: s.trace, step: s.steps[s.position] })));
  if (!trace || !step) return undefined;
  const own = trace.exchanges.filter((e) => e.parent === undefined);
  const e = trace.exchanges[step.exchange]!;
  return { hop: step.hop, legIndex: step.legIndex, exchangeTitle: e.title, main: own[own.length - 1]?.id === e.id };
}

export function StepEditor({ index, step, count, onChange, onMove, onRemove }: Props) {
  const { trace, text } = useAppStore(useShallow((s) => ({ trace: s.trace, text: s.text })));
  const selected = useSelectedHop();
  const n = index + 1;
  const presetId = step.check ? step.preset : undefined;
  const setCheck = (id: string) => {
    const preset = CHECK_PRESETS.find((p) => p.id === id);
    if (!preset) { onChange({ ...step, check: undefined, preset: undefined }); return; }
    const made = preset.make(questionOf(step.check) || preset.label, selected);
    onChange({ ...step, preset: preset.id, check: { ...made, ...(step.check?.right ? { right: step.check.right } : {}), ...(step.check?.wrong ? { wrong: step.check.wrong } : {}) } });
  };
  const setWords = (field: 'question' | 'right' | 'wrong', value: string) => {
    if (!step.check) return;
    const c = step.check;
    if (field === 'question') onChange({ ...step, check: c.kind === 'task' ? { ...c, goal: value } : { ...c, question: value } });
    else onChange({ ...step, check: { ...c, [field]: value || undefined } as Check });
  };
  return (
    <li className="pp-author-step">
      <fieldset>
        <legend>Step {n}</legend>
        <label className="pp-author-field"><span>Title</span>
          <input type="text" value={step.title} onChange={(e) => onChange({ ...step, title: e.target.value })} aria-label={`Step ${n} title`} />
        </label>
        <label className="pp-author-field"><span>Text</span>
          <textarea rows={4} value={step.text} onChange={(e) => onChange({ ...step, text: e.target.value })} aria-label={`Step ${n} text`} />
        </label>
        <p className="pp-author-run">
          Runs: {step.run ? describeRun(step.run) : 'nothing'}{' '}
          <button type="button" className="pp-btn pp-btn-small" disabled={!trace} onClick={() => trace && onChange({ ...step, run: runOfTrace(trace.run) })}>
            Record the trace on screen
          </button>
        </p>
        <label className="pp-author-field"><span>Check</span>
          <select value={presetId ?? (step.check ? 'custom' : '')} onChange={(e) => setCheck(e.target.value)} aria-label={`Step ${n} check`}>
            <option value="">No check (read and look)</option>
            {step.check && !presetId && <option value="custom">Written in YAML ({step.check.kind})</option>}
            {CHECK_PRESETS.map((p) => <option key={p.id} value={p.id} disabled={p.needsHop && !selected}>{p.label}</option>)}
          </select>
        </label>
        {step.check && (
          <>
            <label className="pp-author-field"><span>{step.check.kind === 'task' ? 'Goal' : 'Question'}</span>
              <input type="text" value={questionOf(step.check)} onChange={(e) => setWords('question', e.target.value)} aria-label={`Step ${n} question`} />
            </label>
            <label className="pp-author-field"><span>When right</span>
              <input type="text" value={step.check.right ?? ''} onChange={(e) => setWords('right', e.target.value)} aria-label={`Step ${n} feedback when right`} />
            </label>
            <label className="pp-author-field"><span>When wrong</span>
              <input type="text" value={step.check.wrong ?? ''} onChange={(e) => setWords('wrong', e.target.value)} aria-label={`Step ${n} feedback when wrong`}
                placeholder={step.check.kind === 'task' ? 'Not yet: {failed}.' : '{answer} is not it: …'} />
            </label>
            {step.check.kind === 'task' && (
              <p className="pp-author-run">
                Solution: {step.solution ? 'the scenario recorded' : 'none'}{' '}
                <button type="button" className="pp-btn pp-btn-small" onClick={() => onChange({ ...step, solution: { scenario: { yaml: text } } })}>Record the scenario on screen as the solution</button>
              </p>
            )}
          </>
        )}
        <div className="pp-author-step-actions">
          <button type="button" className="pp-btn pp-btn-small" disabled={index === 0} onClick={() => onMove(-1)}>Move up</button>
          <button type="button" className="pp-btn pp-btn-small" disabled={index === count - 1} onClick={() => onMove(1)}>Move down</button>
          <button type="button" className="pp-btn pp-btn-small" onClick={onRemove}>Remove step {n}</button>
        </div>
      </fieldset>
    </li>
  );
}
