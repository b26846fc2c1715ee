// My scenarios: a dialog listing the scenarios the learner saved (open, rename, delete), a
// field to save the working one under a name, and the reset to the default scenario (which
// Undo takes back). A modal <dialog>: focus stays inside, Escape closes.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { IconSaved } from './icons';

function Item({ id, name, savedAt }: { id: string; name: string; savedAt: string }) {
  const s = useAppStore(useShallow((st) => ({ open: st.openSaved, rename: st.renameSaved, remove: st.deleteSaved })));
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <li className="pp-lib-item">
      {renaming === null ? (
        <>
          <span className="pp-lib-name">{name}</span>
          <span className="pp-muted pp-lib-date">{savedAt.slice(0, 16).replace('T', ' ')}</span>
          <button type="button" className="pp-btn" onClick={() => void s.open(id)} aria-label={`Open ${name}`}>Open</button>
          <button type="button" className="pp-btn" onClick={() => setRenaming(name)} aria-label={`Rename ${name}`}>Rename</button>
          <button type="button" className="pp-btn pp-btn-danger" onClick={() => void s.remove(id)} aria-label={`Delete ${name}`}>Delete</button>
        </>
      ) : (
        <form className="pp-lib-rename" onSubmit={(e) => { e.preventDefault(); void s.rename(id, renaming).then(() => setRenaming(null)); }}>
          <label><span className="pp-sr-only">New name for {name}</span><input className="pp-input" value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus /></label>
          <button type="submit" className="pp-btn pp-btn-primary" disabled={renaming.trim() === ''}>Save name</button>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => setRenaming(null)}>Cancel</button>
        </form>
      )}
    </li>
  );
}

export function LibraryDialog() {
  const s = useAppStore(useShallow((st) => ({ library: st.library, storage: st.storage, saveAs: st.saveAs, reset: st.resetToDefault })));
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  return (
    <>
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => dialog.current?.showModal()}><IconSaved /><span className="pp-btn-text">My scenarios</span></button>
      <dialog ref={dialog} className="pp-dialog" aria-labelledby="pp-lib-title">
        <div className="pp-dialog-head">
          <h2 id="pp-lib-title" className="pp-panel-title">My scenarios</h2>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => dialog.current?.close()}>Close</button>
        </div>
        <form className="pp-lib-save" onSubmit={(e) => { e.preventDefault(); void s.saveAs(name).then(() => setName('')); }}>
          <label className="pp-field"><span>Save the working scenario as</span><input className="pp-input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Untitled scenario" /></label>
          <button type="submit" className="pp-btn pp-btn-primary">Save</button>
        </form>
        {s.library.length === 0 ? <p className="pp-muted">Nothing saved yet.</p> : (
          <ul className="pp-lib-list" aria-label="Saved scenarios">
            {s.library.map((x) => <Item key={x.id} id={x.id} name={x.name} savedAt={x.savedAt} />)}
          </ul>
        )}
        <p className="pp-lib-status" role="status">{s.storage.message ?? ''}</p>
        <div className="pp-dialog-foot">
          <button type="button" className="pp-btn" onClick={() => { void s.reset(); dialog.current?.close(); }}>Reset to the default scenario</button>
          <span className="pp-muted">Undo brings your scenario back.</span>
        </div>
      </dialog>
    </>
  );
}
