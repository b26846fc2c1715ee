// Runs an edit action: its edits as one undo step (selecting what they made), or its event.
import { useCallback } from 'react';
import { useAppStore } from '../../store';
import type { EditAction } from './actions';

export function useRunAction(): (a: EditAction) => void {
  const editAndSelect = useAppStore((s) => s.editAndSelect);
  const graphEvent = useAppStore((s) => s.graphEvent);
  return useCallback((a: EditAction) => {
    if (a.run.kind === 'edit') void editAndSelect(a.run.edits, a.run.label);
    else void graphEvent(a.run.event);
  }, [editAndSelect, graphEvent]);
}
