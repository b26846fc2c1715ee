// The lesson editor: a teacher records steps from what is on screen (the scenario and the send
// or command of the trace), writes the text, picks a check, then previews the lesson, downloads
// it as YAML or copies a link that carries it whole. The YAML can be edited directly too; it is
// read as any lesson is, with located errors.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatScenarioError, parseLesson, TOPIC_TITLES, TOPICS, type ScenarioError, type Topic } from '../../engine';
import { SCENARIOS } from '../../lessons';
import { draftFromLesson, draftToYaml, runOfTrace, scenarioRefOf, type DraftStep } from '../../lessons/author';
import { lessonFragment } from '../../lessons/link';
import { useAppStore } from '../../store';
import { linkTo } from '../../share/location';
import { StepEditor } from './StepEditor';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.yaml`;
  a.click();
  URL.revokeObjectURL(url);
}

export function LessonAuthor() {
  const s = useAppStore(useShallow((st) => ({
    draft: st.lessonDraft, setDraft: st.setLessonDraft, trace: st.trace, text: st.text, add: st.addLesson, open: st.openLesson, show: st.showLessons,
  })));
  const { draft, setDraft } = s;
  const [errors, setErrors] = useState<readonly ScenarioError[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [yaml, setYaml] = useState<string | null>(null);
  const setSteps = (steps: readonly DraftStep[]) => setDraft({ ...draft, steps });

  const addStep = () => {
    const ref = scenarioRefOf(s.text, SCENARIOS);
    const lessonRef = draft.scenario ?? ref;
    const lastRef = [...draft.steps].reverse().find((st) => st.scenario)?.scenario ?? lessonRef;
    const differs = JSON.stringify(lastRef) !== JSON.stringify(ref);
    const step: DraftStep = {
      title: `Step ${draft.steps.length + 1}`, text: 'Say what to look at.',
      ...(differs ? { scenario: ref } : {}), ...(s.trace ? { run: runOfTrace(s.trace.run) } : {}),
    };
    setDraft({ ...draft, scenario: lessonRef, steps: [...draft.steps, step] });
  };
  /** The draft as a lesson, or its located problems. */
  const checked = () => {
    const text = draftToYaml(draft);
    const parsed = parseLesson(text);
    setErrors(parsed.ok ? [] : parsed.errors);
    return parsed.ok ? text : null;
  };
  const preview = () => {
    const text = checked();
    if (!text) return;
    void s.add(text, 'authored').then((added) => { if (added.ok) void s.open(added.key, 0); });
  };
  const copyLink = () => {
    const text = checked();
    if (!text) return;
    const url = linkTo(lessonFragment({ kind: 'doc', yaml: text, step: 0 }));
    setLink(url);
    void navigator.clipboard?.writeText(url).then(() => setNote('Link copied: it carries the whole lesson.'), () => setNote('Copy the link below: it carries the whole lesson.'));
  };
  const applyYaml = () => {
    if (yaml === null) return;
    const parsed = parseLesson(yaml);
    if (!parsed.ok) { setErrors(parsed.errors); return; }
    setErrors([]);
    setDraft(draftFromLesson(parsed.lesson));
    setYaml(null);
  };

  return (
    <section className="pp-author" aria-labelledby="pp-author-title">
      <div className="pp-lesson-bar">
        <button type="button" className="pp-btn pp-btn-quiet pp-btn-small" onClick={() => void s.show()}>← All lessons</button>
      </div>
      <h2 id="pp-author-title" className="pp-lesson-h">Write a lesson</h2>
      <p className="pp-muted">Set up the scenario and run a send or a command, then add it as a step. Each step can ask a question the engine answers from the trace.</p>
      <fieldset className="pp-author-meta">
        <legend>The lesson</legend>
        <label className="pp-author-field"><span>Name (in links)</span>
          <input type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="pp-author-field"><span>Title</span>
          <input type="text" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        </label>
        <label className="pp-author-field"><span>Topic</span>
          <select value={draft.topic} onChange={(e) => setDraft({ ...draft, topic: e.target.value as Topic })}>
            {TOPICS.map((t) => <option key={t} value={t}>{TOPIC_TITLES[t]}</option>)}
          </select>
        </label>
        <label className="pp-author-field"><span>Summary</span>
          <input type="text" value={draft.summary} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} />
        </label>
      </fieldset>
      <ol className="pp-author-steps" aria-label="Steps of the lesson">
        {draft.steps.map((st, i) => (
          <StepEditor
            key={i} index={i} step={st} count={draft.steps.length}
            onChange={(next) => setSteps(draft.steps.map((x, j) => (j === i ? next : x)))}
            onMove={(d) => { const a = [...draft.steps]; const [m] = a.splice(i, 1); a.splice(i + d, 0, m!); setSteps(a); }}
            onRemove={() => setSteps(draft.steps.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button type="button" className="pp-btn" onClick={addStep}>Add a step from what is on screen</button>
      {errors.length > 0 && (
        <ul className="pp-lesson-errors" role="alert" aria-label="Lesson problems">
          {errors.map((e, i) => <li key={i}>{formatScenarioError(e)}</li>)}
        </ul>
      )}
      <div className="pp-author-actions">
        <button type="button" className="pp-btn pp-btn-primary" disabled={draft.steps.length === 0} onClick={preview}>Preview</button>
        <button type="button" className="pp-btn" disabled={draft.steps.length === 0} onClick={() => { const t = checked(); if (t) download(draft.name || 'lesson', t); }}>Download YAML</button>
        <button type="button" className="pp-btn" disabled={draft.steps.length === 0} onClick={copyLink}>Copy link</button>
      </div>
      {note && <p className="pp-muted" role="status">{note}</p>}
      {link && (
        <label className="pp-author-field"><span>Lesson link</span>
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
      <details className="pp-author-yaml" onToggle={(e) => setYaml((e.target as HTMLDetailsElement).open ? draftToYaml(draft) : null)}>
        <summary>Edit as YAML</summary>
        {yaml !== null && (
          <>
            <textarea rows={14} spellCheck={false} value={yaml} onChange={(e) => setYaml(e.target.value)} aria-label="The lesson as YAML" />
            <button type="button" className="pp-btn" onClick={applyYaml}>Apply YAML</button>
          </>
        )}
      </details>
    </section>
  );
}
