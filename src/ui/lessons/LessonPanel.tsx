// The open lesson beside the graph: its title, the steps (each a link of its own), the step's
// text, what to run, where to look in the tables, the check with the engine's feedback, and
// Back and Next. Moving to another step puts the focus on its title, so keyboard and screen
// reader users land on what changed.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeRun, type Highlight, type LessonStep } from '../../engine';
import { useAppStore } from '../../store';
import { CheckBox } from './CheckBox';
import { InlineText, RichText } from './RichText';
import { useLessonLink } from './useLessonLink';

function TableLinks({ highlight }: { highlight: Highlight | undefined }) {
  const { pin, setPanel, position } = useAppStore(useShallow((s) => ({ pin: s.pinTables, setPanel: s.setPanel, position: s.position })));
  const tables = highlight?.tables ?? [];
  if (tables.length === 0) return null;
  return (
    <p className="pp-lesson-look">
      Look at:{' '}
      {tables.map((t, i) => (
        <button key={i} type="button" className="pp-btn pp-btn-small" onClick={() => { pin({ position, netns: t.netns, table: t.table }); setPanel('tables'); }}>
          {t.table} of {t.netns.replace(/^(node|pod)\//, '')}
        </button>
      ))}
    </p>
  );
}

function RunButton({ step }: { step: LessonStep }) {
  const run = useAppStore((s) => s.runLessonStep);
  const busy = useAppStore((s) => s.busy !== null);
  if (!step.run) return step.find ? <p className="pp-lesson-find">Find the send or command yourself: use the send bar or a shell.</p> : null;
  return (
    <div className="pp-lesson-run">
      <button type="button" className="pp-btn pp-btn-primary" onClick={() => void run()} disabled={busy}>Run</button>
      <InlineText text={describeRun(step.run)} />
    </div>
  );
}

export function LessonPanel() {
  const s = useAppStore(useShallow((st) => ({
    entry: st.lesson, index: st.lessonStep, go: st.goToLessonStep, show: st.showLessons, progress: st.lessonProgress,
    error: st.lessonError, solve: st.solveLessonStep,
  })));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const [copied, setCopied] = useState(false);
  const link = useLessonLink();
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
    setCopied(false);
  }, [s.index]);
  if (!s.entry) return null;
  const { lesson } = s.entry;
  const steps = lesson.spec.steps;
  const step = steps[s.index]!;
  const passed = s.progress[s.entry.key]?.passed ?? [];
  const go = (i: number) => { moved.current = true; void s.go(i); };
  const copy = () => {
    if (!link) return;
    void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <section className="pp-lesson" aria-labelledby="pp-lesson-title">
      <div className="pp-lesson-head">
        <div className="pp-lesson-bar">
          <button type="button" className="pp-btn pp-btn-quiet pp-btn-small" onClick={() => void s.show()}>← All lessons</button>
          <button type="button" className="pp-btn pp-btn-quiet pp-btn-small" onClick={copy} disabled={!link}>{copied ? 'Link copied' : 'Copy link'}</button>
        </div>
        <h2 id="pp-lesson-title" className="pp-lesson-h">{lesson.spec.title}</h2>
        <nav aria-label="Steps">
          <ol className="pp-lesson-steps">
            {steps.map((st, i) => (
              <li key={i}>
                <button
                  type="button" className={`pp-step-dot${i === s.index ? ' is-current' : ''}${passed.includes(i) ? ' is-passed' : ''}`}
                  aria-current={i === s.index ? 'step' : undefined} aria-label={`Step ${i + 1}: ${st.title}${passed.includes(i) ? ' (passed)' : ''}`}
                  title={st.title} onClick={() => go(i)}
                >
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div className="pp-lesson-body">
        <p className="pp-lesson-count">Step {s.index + 1} of {steps.length}</p>
        <h3 className="pp-lesson-step-title" ref={heading} tabIndex={-1}>{step.title}</h3>
        <RichText text={step.text} className="pp-lesson-text" />
        {s.error && <p className="pp-lesson-error" role="alert">{s.error}</p>}
        <RunButton step={step} />
        <TableLinks highlight={step.highlight} />
        {step.check && <CheckBox check={step.check} stepKey={`${s.entry.key}-${s.index}`} />}
        {step.solution && <button type="button" className="pp-btn pp-btn-quiet pp-btn-small" onClick={() => void s.solve()}>Show me</button>}
      </div>
      <div className="pp-lesson-nav">
        <button type="button" className="pp-btn" onClick={() => go(s.index - 1)} disabled={s.index === 0}>Back</button>
        {s.index < steps.length - 1
          ? <button type="button" className="pp-btn pp-btn-primary" onClick={() => go(s.index + 1)}>Next</button>
          : <button type="button" className="pp-btn pp-btn-primary" onClick={() => void s.show()}>Finish</button>}
      </div>
    </section>
  );
}
