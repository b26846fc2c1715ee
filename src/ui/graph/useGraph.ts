// Reads the store and derives what the graph draws: the layout (once per topology), the
// packet's journey along the physical links and the Services' decisions (once per trace),
// and the nodes and edges with the current marks.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { containerElementId, useAppStore } from '../../store';
import { buildEdges, buildNodes, isPhysical, type GraphMarks } from './build';
import { withPositions, type Positions } from './editLayout';
import { layoutTopology } from './layout';
import { decisionsAt, serviceDecisions } from './serviceMarks';
import { journeyOf } from './traceGeometry';

const NO_POSITIONS: Positions = {};

export function useGraph() {
  const { topo, steps, position, source, destination, positions, mode } = useAppStore(useShallow((s) => ({
    topo: s.topo, steps: s.steps, position: s.position, source: s.source, destination: s.destination,
    positions: s.summary?.positions ?? NO_POSITIONS, mode: s.graphMode,
  })));
  const layout = useMemo(() => withPositions(layoutTopology(topo), topo, positions), [topo, positions]);
  const cables = useMemo(() => topo.links.filter(isPhysical), [topo]);
  const journey = useMemo(() => journeyOf({ boxes: layout.boxes, links: cables }, steps), [layout, cables, steps]);
  const decisions = useMemo(() => serviceDecisions(topo, steps), [topo, steps]);
  const step = steps[position];
  const marks: GraphMarks = useMemo(() => {
    const chosen = decisionsAt(decisions, position);
    return {
      sourceId: source?.elementId,
      sendingId: containerElementId(source),
      destinationId: destination?.elementId,
      currentId: step?.hop.at,
      visited: new Set([...journey.visited, ...chosen.resolved]),
      pathLinks: journey.pathLinks,
      activeLinks: new Set([...(journey.moves[position]?.links ?? []), ...chosen.activeLinks]),
      chosenLinks: chosen.chosenLinks,
      editing: mode.kind === 'edit' || mode.kind === 'connect',
      selectedId: mode.kind === 'edit' ? mode.selected ?? undefined : mode.kind === 'connect' ? mode.service : undefined,
    };
  }, [source, destination, step, journey, position, decisions, mode]);
  const nodes = useMemo(() => buildNodes(topo, layout, marks), [topo, layout, marks]);
  const edges = useMemo(() => buildEdges(topo, layout, marks), [topo, layout, marks]);
  return { topo, layout, journey, nodes, edges, step, position, editing: marks.editing === true };
}
