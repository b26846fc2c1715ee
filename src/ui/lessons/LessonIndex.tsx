// The lesson index: every lesson by topic, in the course's order, with how many of its checks
// the learner has passed; lessons written elsewhere load from a file, by dropping one here, or
// by pasting their YAML. A lesson that does not load says where it is wrong.
import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatScenarioError, TOPIC_TITLES, TOPICS, type ScenarioError } from '../../engine';
import { useAppStore, type LessonEntry } from '../../store';

function LessonRow({ entry }: { entry: LessonEntry }) {
  const open = useAppStore((s) => s.openLesson);
  const mark = useAppStore((s) => s.lessonProgress[entry.key]);
  const { lesson } = entry;
  const checks = lesson.spec.steps.map((s, i) => (s.check ? i : -1)).filter((i) => i >= 0);
  const passed = checks.filter((i) => mark?.passed.includes(i)).length;
  const state = !mark ? 'not started' : passed === checks.length ? 'done' : `${passed} of ${checks.length} checks passed`;
  return (
    <li className={`pp-lesson-row${passed === checks.length && mark ? ' is-done' : ''}`}>
      <button type="button" className="pp-lesson-open" onClick={() => void open(entry.key, mark?.step ?? 0)}>
        <span className="pp-lesson-title">{lesson.spec.title}</span>
        <span className="pp-lesson-meta">{lesson.spec.steps.length} steps · {state}{entry.origin !== 'builtin' ? ' · not built in' : ''}</span>
      </button>
      {lesson.spec.summary && <p className="pp-lesson-summary">{lesson.spec.summary}</p>}
    </li>
  );
}

function LoadLesson() {
  const add = useAppStore((s) => s.addLesson);
  const open = useAppStore((s) => s.openLesson);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<readonly ScenarioError[]>([]);
  const load = async (yaml: string) => {
    const out = await add(yaml, 'file');
    if (!out.ok) { setErrors(out.errors); return; }
    setErrors([]);
    setText('');
    void open(out.key, 0);
  };
  const readFile = (file: File | undefined) => { if (file) void file.text().then(load); };
  return (
    <details className="pp-lesson-load">
      <summary>Load a lesson (file, drop or paste)</summary>
      <label className="pp-control pp-lesson-file">
        <span>Lesson file</span>
        <input type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => readFile(e.target.files?.[0])} />
      </label>
      <label className="pp-lesson-paste">
        <span>Or paste a lesson's YAML</span>
        <textarea value={text} rows={6} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" className="pp-btn" disabled={text.trim() === ''} onClick={() => { void load(text); }}>Load pasted lesson</button>
      {errors.length > 0 && (
        <ul className="pp-lesson-errors" role="alert" aria-label="Lesson problems">
          {errors.map((e, i) => <li key={i}>{formatScenarioError(e)}</li>)}
        </ul>
      )}
    </details>
  );
}

export function LessonIndex() {
  const { lessons, problems, error, author } = useAppStore(useShallow((s) => ({
    lessons: s.lessons, problems: s.lessonProblems, error: s.lessonError, author: s.showAuthoring,
  })));
  const add = useAppStore((s) => s.addLesson);
  const open = useAppStore((s) => s.openLesson);
  const [dropError, setDropError] = useState<string | null>(null);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    void file.text().then(async (yaml) => {
      const out = await add(yaml, 'file');
      if (out.ok) { setDropError(null); void open(out.key, 0); } else setDropError(out.errors.map(formatScenarioError).join('; '));
    });
  };
  return (
    <section className="pp-lesson-index" aria-labelledby="pp-lesson-index-title" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div className="pp-lesson-bar">
        <h2 id="pp-lesson-index-title" className="pp-lesson-h">Lessons</h2>
        <button type="button" className="pp-btn" onClick={author}>Write a lesson</button>
      </div>
      {error && <p className="pp-lesson-error" role="alert">{error}</p>}
      {dropError && <p className="pp-lesson-error" role="alert">{dropError}</p>}
      {lessons.length === 0 && <p className="pp-muted" role="status">Loading the lessons…</p>}
      {TOPICS.map((topic) => {
        const here = lessons.filter((e) => e.lesson.spec.topic === topic);
        if (here.length === 0) return null;
        return (
          <section key={topic} className="pp-lesson-topic" aria-labelledby={`pp-topic-${topic}`}>
            <h3 id={`pp-topic-${topic}`}>{TOPIC_TITLES[topic]}</h3>
            <ul>{here.map((e) => <LessonRow key={e.key} entry={e} />)}</ul>
          </section>
        );
      })}
      {problems.length > 0 && (
        <p className="pp-lesson-error" role="alert">
          {problems.length} built-in lesson{problems.length > 1 ? 's do' : ' does'} not load (a podpath bug): {problems.map((p) => `${p.file}: ${p.errors.map(formatScenarioError).join('; ')}`).join(' · ')}
        </p>
      )}
      <LoadLesson />
    </section>
  );
}
