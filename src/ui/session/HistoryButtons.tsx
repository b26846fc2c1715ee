// Undo and Redo, named by the step they take back or make again.
import { useAppStore } from '../../store';
import { IconRedo, IconUndo } from './icons';

export function HistoryButtons() {
  const history = useAppStore((s) => s.history);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <div className="pp-session-group" role="group" aria-label="History">
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => void undo()} disabled={!history.canUndo} title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}><IconUndo /><span className="pp-btn-text">Undo</span></button>
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => void redo()} disabled={!history.canRedo} title={history.redoLabel ? `Redo ${history.redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}><IconRedo /><span className="pp-btn-text">Redo</span></button>
    </div>
  );
}
