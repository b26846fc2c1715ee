// The scenario panel: the YAML in a plain textarea, Apply, the located problems of a bad
// edit and the warnings of the working scenario. Applying never loses the working scenario:
// it changes only if the edit compiles, and an empty editor asks first.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isBlankScenario } from '../../engine';
import { useAppStore } from '../../store';
import { ConfirmBlank } from './ConfirmBlank';
import { ErrorList } from './ErrorList';
import { WarningList } from './Problems';
import { offsetOfLine } from './lines';
import './editor.css';

export function ScenarioEditor() {
  const s = useAppStore(useShallow((st) => ({
    draft: st.draft, text: st.text, errors: st.errors, setDraft: st.setDraft, applyDraft: st.applyDraft, discardDraft: st.discardDraft,
    warnings: st.warnings,
  })));
  const area = useRef<HTMLTextAreaElement>(null);
  const [applied, setApplied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const dirty = s.draft !== s.text;
  // Documents the engine keeps as given without modelling them, named where "Applied" is said.
  const notModelled = s.warnings.filter((w) => /kept as given but not modelled/.test(w.message)).map((w) => w.object ?? `document ${w.doc}`);
  const apply = () => {
    setConfirming(false);
    void s.applyDraft().then((r) => setApplied(r.ok));
  };
  const requestApply = () => (isBlankScenario(s.draft) && !isBlankScenario(s.text) ? setConfirming(true) : apply());

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
          {!dirty && notModelled.length > 0 && ` · kept but not modelled yet: ${notModelled.join(', ')}`}
        </span>
      </div>
      <label htmlFor="pp-yaml" className="pp-editor-label">Scenario YAML (kind cluster config and Kubernetes manifests)</label>
      <textarea
        id="pp-yaml" ref={area} className="pp-yaml" spellCheck={false} autoCapitalize="off" autoComplete="off" wrap="off"
        value={s.draft} onChange={(e) => { s.setDraft(e.target.value); setApplied(false); setConfirming(false); }}
      />
      <div className="pp-editor-actions">
        <button type="button" className="pp-btn pp-btn-primary" onClick={requestApply} disabled={(!dirty && s.errors.length === 0) || confirming}>Apply</button>
        <button type="button" className="pp-btn pp-btn-quiet" onClick={() => { setConfirming(false); s.discardDraft(); }} disabled={!dirty && s.errors.length === 0}>Discard edits</button>
      </div>
      {confirming && <ConfirmBlank onApply={apply} onCancel={() => { setConfirming(false); area.current?.focus(); }} />}
      <ErrorList errors={s.errors} onJump={jump} />
      {s.errors.length === 0 && <WarningList warnings={s.warnings} onJump={jump} />}
    </section>
  );
}
