// Reads the store and derives what the graph draws: the view (what is drawn, at which level
// of detail), its layout (from the layout worker, the last one kept until the next arrives),
// the packet's journey along the drawn links and the Services' decisions (once per trace and
// layout), the React Flow nodes and edges with the current marks, and the closed nodes' tiles.
// Asks the engine for the insides of nodes the view wants open but the store does not hold.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { containerElementId, lessonElements, lessonHighlight, useAppStore } from '../../store';
import { buildEdges, buildNodes, isPhysical, type DrawContext, type GraphMarks } from './build';
import { withPositions, type Positions } from './editLayout';
import type { Layout } from './layout';
import { createLayoutClient } from './layoutClient';
import type { NamespaceFilter } from './namespaces';
import { decisionsAt, serviceDecisions } from './serviceMarks';
import { reuseEdges, reuseNodes } from './stable';
import { journeyOf } from './traceGeometry';
import { graphView } from './view';

const layouts = createLayoutClient();
const NO_POSITIONS: Positions = {};

export function useGraph() {
  const s = useAppStore(useShallow((st) => ({
    topo: st.topo, steps: st.steps, position: st.position, source: st.source, destination: st.destination,
    inside: st.inside, opened: st.opened, namespaces: st.namespaces, hideSystem: st.hideSystem, pathOnly: st.pathOnly, follow: st.follow,
    revealNodes: st.revealNodes, positions: st.summary?.positions ?? NO_POSITIONS, mode: st.graphMode,
    highlight: lessonHighlight(st),
  })));
  const { topo, steps, position, source, destination } = s;
  const lesson = useMemo(() => lessonElements(topo, s.highlight), [topo, s.highlight]);
  const path = useMemo(() => steps.map((st) => st.hop), [steps]);
  const view = useMemo(() => graphView(topo, {
    inside: s.inside, opened: s.opened, namespaces: s.namespaces, hideSystem: s.hideSystem, pathOnly: s.pathOnly, follow: s.follow,
    path, keep: [source?.elementId, destination?.elementId],
  }), [topo, s.inside, s.opened, s.namespaces, s.hideSystem, s.pathOnly, s.follow, path, source?.elementId, destination?.elementId]);

  const { revealNodes } = s;
  useEffect(() => { if (view.wantInside.length > 0) void revealNodes(view.wantInside); }, [view.wantInside, revealNodes]);

  const [layout, setLayout] = useState<{ layout: Layout; for: typeof view } | null>(null);
  useEffect(() => {
    let live = true;
    void layouts.layout({ topo: view.topo, tiles: view.tiles, chips: view.chips, moreServices: view.moreServices }).then((l) => {
      if (live && l) setLayout({ layout: l, for: view });
    });
    return () => { live = false; };
  }, [view]);

  // Until the new layout arrives, the last one is drawn with the view it was made for.
  const shown = layout?.for ?? view;
  // Positions the learner dragged lie over the computed layout.
  const { positions, mode } = s;
  const drawn = useMemo(() => (layout ? withPositions(layout.layout, shown.topo, positions) : null), [layout, shown, positions]);
  const cables = useMemo(() => shown.topo.links.filter(isPhysical), [shown]);
  const journey = useMemo(
    () => journeyOf({ boxes: drawn?.boxes ?? new Map(), links: cables, routes: drawn?.routes ?? new Map() }, steps, shown.anchorOf),
    [drawn, cables, steps, shown],
  );
  const decisions = useMemo(() => serviceDecisions(topo, steps), [topo, steps]);
  const step = steps[position];
  const marks: GraphMarks = useMemo(() => {
    const chosen = decisionsAt(decisions, position);
    const place = (id: string | undefined) => (id === undefined ? undefined : shown.anchorOf(id));
    return {
      sourceId: source?.elementId,
      sendingId: containerElementId(source),
      destinationId: destination?.elementId,
      currentId: place(step?.hop.at),
      visited: new Set([...journey.visited, ...chosen.resolved]),
      pathLinks: journey.pathLinks,
      activeLinks: new Set([...(journey.moves[position]?.links ?? []), ...chosen.activeLinks]),
      chosenLinks: chosen.chosenLinks,
      editing: mode.kind === 'edit' || mode.kind === 'connect',
      selectedId: mode.kind === 'edit' ? mode.selected ?? undefined : mode.kind === 'connect' ? mode.service : undefined,
      lesson: new Set([...lesson].flatMap((id) => shown.anchorOf(id) ?? [])),
    };
  }, [source, destination, step, journey, position, decisions, shown, mode, lesson]);
  const ctx: DrawContext = useMemo(() => ({ tiles: shown.tiles, chips: shown.chips, hiddenPods: shown.hiddenPods }), [shown]);
  // Unchanged elements keep their objects, so React Flow re-renders only what a hop changed.
  const last = useRef<{ nodes: ReturnType<typeof buildNodes>; edges: ReturnType<typeof buildEdges> }>({ nodes: [], edges: [] });
  const nodes = useMemo(() => (last.current.nodes = reuseNodes(last.current.nodes, drawn ? buildNodes(shown.topo, drawn, marks, ctx) : [])), [shown, drawn, marks, ctx]);
  const edges = useMemo(() => (last.current.edges = reuseEdges(last.current.edges, drawn ? buildEdges(shown.topo, drawn, marks) : [])), [shown, drawn, marks]);
  const tiles = useMemo(() => shown.topo.elements.filter((e) => shown.tiles.has(e.id)), [shown]);
  const filter: NamespaceFilter = useMemo(() => ({ namespaces: s.namespaces, hideSystem: s.hideSystem }), [s.namespaces, s.hideSystem]);
  /** The layout drawn is the one of the current view (not the last, while a new one is computed). */
  const fresh = layout !== null && layout.for === view;
  return { topo, view: shown, layout: drawn, fresh, journey, nodes, edges, tiles, marks, filter, step, position, editing: marks.editing === true };
}
