// A step's check as the learner answers it: select a hop in the hop list, pick an option,
// type a number, or ask the engine to check a task. The question and the options come from
// the engine (computed from the trace on screen); the feedback is the engine's judgement,
// announced politely to screen readers.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Check, LessonAnswer, PreparedCheck } from '../../engine';
import { useAppStore } from '../../store';
import { whereOf } from '../inspector/HopItem';
import { InlineText } from './RichText';

type Ready = Extract<PreparedCheck, { ok: true }>;

function HopAnswer({ onAnswer, busy }: { onAnswer: (a: LessonAnswer) => void; busy: boolean }) {
  const step = useAppStore((s) => s.steps[s.position]);
  const number = useAppStore((s) => s.position + 1);
  return (
    <div className="pp-check-hop">
      <p className="pp-check-selected" aria-live="polite">
        {step ? <>Selected: hop {number} <span className={`pp-kind-badge pp-kind-${step.hop.kind}`}>{step.hop.kind}</span> <span className="pp-muted">{whereOf(step.hop)}</span></> : 'No hop selected yet.'}
      </p>
      <button type="button" className="pp-btn pp-btn-primary" disabled={!step || busy}
        onClick={() => step && onAnswer({ kind: 'hop', exchange: step.exchange, leg: step.legIndex, hop: step.index })}>
        Check the selected hop
      </button>
    </div>
  );
}

function ChoiceAnswer({ prepared, onAnswer, busy, id }: { prepared: Ready; onAnswer: (a: LessonAnswer) => void; busy: boolean; id: string }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <form className="pp-check-choice" onSubmit={(e) => { e.preventDefault(); if (value !== null) onAnswer({ kind: 'choice', value }); }}>
      <fieldset>
        <legend className="pp-sr-only">{prepared.question}</legend>
        {(prepared.options ?? []).map((o) => (
          <label key={o.value} className="pp-check-option">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => setValue(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="pp-btn pp-btn-primary" disabled={value === null || busy}>Check</button>
    </form>
  );
}

function NumberAnswer({ onAnswer, busy, question }: { onAnswer: (a: LessonAnswer) => void; busy: boolean; question: string }) {
  const [text, setText] = useState('');
  const value = Number(text.trim().replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(value);
  return (
    <form className="pp-check-number" onSubmit={(e) => { e.preventDefault(); if (valid) onAnswer({ kind: 'number', value }); }}>
      <label className="pp-control">
        <span className="pp-sr-only">{question}</span>
        <input type="text" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} aria-label="Your answer" autoComplete="off" />
      </label>
      <button type="submit" className="pp-btn pp-btn-primary" disabled={!valid || busy}>Check</button>
    </form>
  );
}

function TaskAnswer({ onAnswer, busy }: { onAnswer: (a: LessonAnswer) => void; busy: boolean }) {
  return (
    <div className="pp-check-task">
      <button type="button" className="pp-btn pp-btn-primary" disabled={busy} onClick={() => onAnswer({ kind: 'task' })}>Check my work</button>
      <p className="pp-muted">The engine runs the check on your applied scenario.</p>
    </div>
  );
}

export function CheckBox({ check, stepKey }: { check: Check; stepKey: string }) {
  const { state, answer } = useAppStore(useShallow((s) => ({ state: s.lessonCheck, answer: s.answerLessonCheck })));
  const busy = state.status === 'judging' || state.status === 'asking';
  const onAnswer = (a: LessonAnswer) => void answer(a);
  const prepared = state.prepared;
  const question = check.kind === 'task' ? check.goal : check.question;
  const j = state.judgement;
  return (
    <section className="pp-lesson-check" aria-labelledby={`pp-check-q-${stepKey}`}>
      <h4 id={`pp-check-q-${stepKey}`} className="pp-check-q">{check.kind === 'task' ? 'Task: ' : ''}<InlineText text={question} /></h4>
      {state.status === 'asking' && !prepared && <p className="pp-muted" role="status">Reading the trace…</p>}
      {prepared && !prepared.ok && <p className="pp-check-wait" role="status"><InlineText text={prepared.message} /></p>}
      {prepared?.ok && prepared.kind === 'hop' && <HopAnswer onAnswer={onAnswer} busy={busy} />}
      {prepared?.ok && prepared.kind === 'choice' && <ChoiceAnswer key={stepKey} id={`pp-choice-${stepKey}`} prepared={prepared} onAnswer={onAnswer} busy={busy} />}
      {prepared?.ok && prepared.kind === 'number' && <NumberAnswer key={stepKey} question={prepared.question} onAnswer={onAnswer} busy={busy} />}
      {prepared?.ok && prepared.kind === 'task' && <TaskAnswer onAnswer={onAnswer} busy={busy} />}
      <div className="pp-check-feedback" role="status" aria-live="polite" aria-label="Feedback">
        {j && (j.ok
          ? <p className={j.correct ? 'pp-feedback-right' : 'pp-feedback-wrong'}><strong>{j.correct ? 'Correct. ' : 'Not quite. '}</strong><InlineText text={j.feedback} /></p>
          : <p className="pp-feedback-wrong"><InlineText text={j.message} /></p>)}
      </div>
    </section>
  );
}
