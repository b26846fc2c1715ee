// The keyboard of the graph: Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes, E
// switches edit mode, Escape leaves the current step of it; in edit mode Delete removes the
// selection, Ctrl/Cmd+D duplicates it, N adds a pod on the selected node, C connects the
// selected Service. Shift+F10 or the menu key opens the edit menu of the focused graph element,
// as a right click does. Keys typed into a field are the field's own.
import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { actionForKey, addActions, objectActions } from './actions';
import { useRunAction } from './useRunAction';
import { useSelectedObject } from './useSelectedObject';

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function useEditKeys() {
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const graphEvent = useAppStore((s) => s.graphEvent);
  const openMenu = useAppStore((s) => s.openMenu);
  const mode = useAppStore((s) => s.graphMode);
  const topo = useAppStore((s) => s.topo);
  const selected = useSelectedObject();
  const run = useRunAction();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (mod && key === 'z') { e.preventDefault(); void (e.shiftKey ? redo() : undo()); return; }
      if (mod && key === 'y') { e.preventDefault(); void redo(); return; }
      if (e.key === 'Escape') { void graphEvent({ type: 'escape' }); return; }
      if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
        const node = e.target instanceof Element ? e.target.closest<HTMLElement>('.react-flow__node[data-id]') : null;
        if (!node) return;
        e.preventDefault();
        const box = node.getBoundingClientRect();
        openMenu(node.dataset.id!, box.left + 8, box.top + Math.min(box.height, 28));
        return;
      }
      if (!mod && key === 'e') { void graphEvent({ type: 'toggle-edit' }); return; }
      if (mode.kind !== 'edit') return;
      const action = actionForKey(e.key, mod, [...objectActions(topo, selected), ...addActions(topo, selected)]);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, graphEvent, openMenu, mode, topo, selected, run]);
}
