// The scenario panel: the YAML in a plain textarea, Apply, and the located problems of a bad
// edit. Applying never loses the working scenario: it changes only if the edit compiles.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { ErrorList } from './ErrorList';
import { offsetOfLine } from './lines';
import './editor.css';

export function ScenarioEditor() {
  const s = useAppStore(useShallow((st) => ({
    draft: st.draft, text: st.text, errors: st.errors, setDraft: st.setDraft, applyDraft: st.applyDraft, discardDraft: st.discardDraft,
  })));
  const area = useRef<HTMLTextAreaElement>(null);
  const [applied, setApplied] = useState(false);
  const dirty = s.draft !== s.text;

  const jump = (line: number) => {
    const el = area.current;
    if (!el) return;
    const start = offsetOfLine(el.value, line);
    const end = el.value.indexOf('\n', start);
    el.focus();
    el.setSelectionRange(start, end < 0 ? el.value.length : end);
    // Bring the line into view: about one line height per line.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  return (
    <section className="pp-editor" aria-labelledby="pp-editor-title">
      <div className="pp-editor-head">
        <h2 id="pp-editor-title" className="pp-panel-title">Scenario</h2>
        <span className="pp-muted" aria-live="polite">
          {dirty ? 'Edited, not applied' : applied ? 'Applied' : 'Working scenario'}
        </span>
      </div>
      <label htmlFor="pp-yaml" className="pp-editor-label">Scenario YAML (kind cluster config and Kubernetes manifests)</label>
      <textarea
        id="pp-yaml" ref={area} className="pp-yaml" spellCheck={false} autoCapitalize="off" autoComplete="off" wrap="off"
        value={s.draft} onChange={(e) => { s.setDraft(e.target.value); setApplied(false); }}
      />
      <div className="pp-editor-actions">
        <button type="button" className="pp-btn pp-btn-primary" onClick={() => void s.applyDraft().then((r) => setApplied(r.ok))} disabled={!dirty && s.errors.length === 0}>Apply</button>
        <button type="button" className="pp-btn pp-btn-quiet" onClick={s.discardDraft} disabled={!dirty && s.errors.length === 0}>Discard edits</button>
      </div>
      <ErrorList errors={s.errors} onJump={jump} />
    </section>
  );
}
