// The graph's edit toolbar: the Edit switch (edit mode: clicks select, boxes drag, links are
// drawn from a Service to a pod), and in edit mode a row above the graph with the add buttons,
// the selected object's actions, a line that says what the next click does, and a live region
// that says what the last edit did.
import { useAppStore } from '../../store';
import { addActions, objectActions } from './actions';
import { useRunAction } from './useRunAction';
import { useSelectedObject } from './useSelectedObject';

const HINT = {
  'pick-source': '',
  'pick-destination': '',
  edit: 'Click a pod, node or Service to edit it; drag to move; drag from a Service\'s handle to a pod to connect them.',
  connect: 'Click the pod the Service should select (Escape to stop).',
} as const;

export function EditToolbar() {
  const mode = useAppStore((s) => s.graphMode);
  const topo = useAppStore((s) => s.topo);
  const status = useAppStore((s) => s.editStatus);
  const graphEvent = useAppStore((s) => s.graphEvent);
  const selected = useSelectedObject();
  const run = useRunAction();
  const editing = mode.kind === 'edit' || mode.kind === 'connect';
  const toggle = (
    <button type="button" className={`pp-btn${editing ? ' pp-btn-on' : ''}`} aria-pressed={editing} onClick={() => void graphEvent({ type: 'toggle-edit' })} title="Edit mode (E)">
      Edit
    </button>
  );
  // Out of edit mode, the switch alone sits in the graph's corner, so the graph keeps all its room.
  if (!editing) {
    return (
      <div className="pp-edit-corner">
        <div className="pp-edit-tools" role="toolbar" aria-label="Edit the cluster">{toggle}</div>
        <p className="pp-sr-only" role="status" aria-live="polite">{status?.message ?? ''}</p>
      </div>
    );
  }
  return (
    <div className="pp-edit-bar">
      <div className="pp-edit-tools" role="toolbar" aria-label="Edit the cluster">
        {toggle}
        {editing && addActions(topo, selected).map((a) => (
          <button key={a.id} type="button" className="pp-btn" onClick={() => run(a)} title={a.keys ? `${a.label} (${a.keys})` : a.label}>{a.label}</button>
        ))}
        {editing && objectActions(topo, selected).map((a) => (
          <button key={a.id} type="button" className={`pp-btn${a.danger ? ' pp-btn-danger' : ''}`} onClick={() => run(a)} title={a.keys ? `${a.label} (${a.keys})` : a.label}>{a.label}</button>
        ))}
      </div>
      <p className="pp-edit-hint">{HINT[mode.kind]}</p>
      <p className={`pp-edit-status${status?.kind === 'failed' ? ' is-failed' : ''}`} role="status" aria-live="polite">
        {status?.message ?? ''}
      </p>
    </div>
  );
}
