// The graph's editing gestures, as handlers GraphView hands to React Flow: a drag moves boxes
// while it lasts and becomes one setPositions edit when it ends (one undo step, however many
// boxes moved); a link drawn from a Service's handle to a pod is the connect event of the
// graph's state machine; a right click opens the edit menu for the element.
import type { Connection, Node, NodeChange, OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useAppStore } from '../../store';
import type { ElementNode } from './build';
import { absolutePosition } from './editLayout';
import type { Layout } from './layout';

type Point = { x: number; y: number };

export function useEditGestures(nodes: readonly ElementNode[], layout: Layout | null) {
  const edit = useAppStore((s) => s.edit);
  const graphEvent = useAppStore((s) => s.graphEvent);
  const clickElement = useAppStore((s) => s.clickElement);
  const openMenu = useAppStore((s) => s.openMenu);
  const [moving, setMoving] = useState<Readonly<Record<string, Point>>>({});
  // A new layout (the edit was made, or the scenario changed) replaces what the drag showed.
  useEffect(() => setMoving({}), [layout]);

  const shown = useMemo(
    () => (Object.keys(moving).length === 0 ? nodes as ElementNode[] : nodes.map((n) => (moving[n.id] ? { ...n, position: moving[n.id]! } : n))),
    [nodes, moving],
  );

  const onNodesChange = useCallback((changes: NodeChange<ElementNode>[]) => {
    const next: Record<string, Point> = {};
    for (const c of changes) if (c.type === 'position' && c.position) next[c.id] = c.position;
    if (Object.keys(next).length > 0) setMoving((m) => ({ ...m, ...next }));
  }, []);

  const onNodeDragStop: OnNodeDrag<ElementNode> = useCallback((_e, _node, dragged) => {
    if (!layout) return;
    const positions = Object.fromEntries(dragged.map((n) => [n.id, absolutePosition(layout, n.parentId, n.position)]));
    const what = dragged.length === 1 ? dragged[0]!.data.el.name : `${dragged.length} elements`;
    void edit([{ op: 'setPositions', positions }], `move ${what}`).then((out) => { if (!out.ok) setMoving({}); });
  }, [edit, layout]);

  const onConnect = useCallback((c: Connection) => {
    void graphEvent({ type: 'connect', service: c.source }).then(() => clickElement(c.target));
  }, [graphEvent, clickElement]);

  const onNodeContextMenu = useCallback((e: MouseEvent, node: Node) => {
    e.preventDefault();
    openMenu(node.id, e.clientX, e.clientY);
  }, [openMenu]);

  return { nodes: shown, onNodesChange, onNodeDragStop, onConnect, onNodeContextMenu };
}
