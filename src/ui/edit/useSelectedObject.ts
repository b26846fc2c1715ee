// The object the inspector and the actions are about: the element selected in edit mode (or
// the one the edit menu was opened on), as a scenario object.
import { useMemo } from 'react';
import { objectOf, useAppStore, type ElementObject } from '../../store';

export function useSelectedObject(): ElementObject | null {
  const topo = useAppStore((s) => s.topo);
  const mode = useAppStore((s) => s.graphMode);
  const id = mode.kind === 'edit' ? mode.selected : mode.kind === 'connect' ? mode.service : null;
  return useMemo(() => (id ? objectOf(topo, id) : null), [topo, id]);
}

export function useMenuObject(): ElementObject | null {
  const topo = useAppStore((s) => s.topo);
  const menu = useAppStore((s) => s.menu);
  return useMemo(() => (menu ? objectOf(topo, menu.elementId) : null), [topo, menu]);
}
