// The edit menu a right click (or Shift+F10, or the menu key) opens on a graph element: the
// element's actions and the add actions, as a menu (arrow keys move, Enter runs, Escape closes
// and gives the focus back to the element). Running one enters edit
// mode with the element selected, so the inspector shows what changed.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';
import { addActions, objectActions } from './actions';
import { useRunAction } from './useRunAction';
import { useMenuObject } from './useSelectedObject';

export function ContextMenu() {
  const menu = useAppStore((s) => s.menu);
  const close = useAppStore((s) => s.closeMenu);
  const topo = useAppStore((s) => s.topo);
  const graphEvent = useAppStore((s) => s.graphEvent);
  const clickElement = useAppStore((s) => s.clickElement);
  const mode = useAppStore((s) => s.graphMode);
  const target = useMenuObject();
  const run = useRunAction();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus(); }, [menu]);
  if (!menu) return null;
  const actions = [...objectActions(topo, target), ...addActions(topo, target)];
  const choose = async (i: number) => {
    close();
    if (mode.kind !== 'edit' && mode.kind !== 'connect') await graphEvent({ type: 'toggle-edit' });
    if (target) clickElement(target.element.id);
    run(actions[i]!);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      if (menu) document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(menu.elementId)}"] .pp-el`)?.focus();
    }
    if (e.key === 'Tab') e.preventDefault();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  return (
    <>
      <div className="pp-menu-backdrop" onClick={close} onContextMenu={(e) => { e.preventDefault(); close(); }} />
      <div ref={ref} className="pp-menu" role="menu" aria-label={target ? `Edit ${target.element.name}` : 'Edit'} style={{ left: menu.x, top: menu.y }} onKeyDown={onKeyDown}>
        {actions.map((a, i) => (
          <button key={a.id} type="button" role="menuitem" className={`pp-menu-item${a.danger ? ' is-danger' : ''}`} onClick={() => void choose(i)}>
            <span>{a.label}</span>{a.keys && <kbd>{a.keys}</kbd>}
          </button>
        ))}
      </div>
    </>
  );
}
