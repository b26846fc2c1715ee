// The inspector (the side panel's Edit tab): the form of the object selected in edit mode, read from the scenario's
// document (the engine's inspect), applied as edits. It follows the working scenario: after
// an edit, undo or a YAML apply, the form shows the document again.
import { useEffect, useState } from 'react';
import { refText, type Inspected, type ScenarioEdit } from '../../engine';
import { useAppStore } from '../../store';
import { NodeFormView, PodFormView, ServiceFormView } from './forms';
import './edit.css';
import { useSelectedObject } from './useSelectedObject';

export function Inspector() {
  const selected = useSelectedObject();
  const text = useAppStore((s) => s.text);
  const inspect = useAppStore((s) => s.inspect);
  const editAndSelect = useAppStore((s) => s.editAndSelect);
  const [view, setView] = useState<{ key: string; out: Inspected } | null>(null);
  const ref = selected?.ref;
  const key = ref ? `${refText(ref)}\n${text}` : null;
  useEffect(() => {
    if (!ref || key === null) return;
    let live = true;
    void inspect(ref).then((out) => { if (live && out) setView({ key, out }); });
    return () => { live = false; };
    // The form reads the document again whenever the object or the scenario changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, inspect]);
  if (!selected || !ref) {
    return (
      <section className="pp-inspector" aria-label="Object inspector">
        <h2 className="pp-panel-title">Edit the cluster</h2>
        <p className="pp-muted">Switch <strong>Edit</strong> on above the graph, then click a pod, a node or a Service to edit it here: labels, ports, selector, type, replicas, traffic policies. Every change is one step Undo takes back.</p>
      </section>
    );
  }
  const title = selected.container ? `container ${selected.container} of ${refText(ref)}` : refText(ref);
  const apply = (edits: readonly ScenarioEdit[]) => void editAndSelect(edits, `edit ${refText(ref)}`);
  const current = view?.key === key ? view.out : null;
  return (
    <section className="pp-inspector" aria-label="Object inspector">
      <h2 className="pp-panel-title">{title}</h2>
      {selected.builtIn && <p className="pp-form-note">This is the cluster's own; podpath shows it and does not edit it.</p>}
      {!current && !selected.builtIn && <p className="pp-muted">Reading…</p>}
      {current && !current.ok && !selected.builtIn && <p className="pp-form-note">{current.error}</p>}
      {current?.ok && current.view.kind === 'Pod' && <PodFormView key={key} view={current.view} onApply={apply} />}
      {current?.ok && current.view.kind === 'Service' && <ServiceFormView key={key} view={current.view} onApply={apply} />}
      {current?.ok && current.view.kind === 'Node' && <NodeFormView key={key} view={current.view} onApply={apply} />}
    </section>
  );
}
