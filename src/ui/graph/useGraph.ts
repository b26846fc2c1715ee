// Reads the store and derives what the graph draws: the layout (once per topology), the
// packet's journey along the physical links and the Services' decisions (once per trace),
// and the nodes and edges with the current marks.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { containerElementId, lessonElements, lessonHighlight, useAppStore } from '../../store';
import { buildEdges, buildNodes, isPhysical, type GraphMarks } from './build';
import { layoutTopology } from './layout';
import { decisionsAt, serviceDecisions } from './serviceMarks';
import { journeyOf } from './traceGeometry';

export function useGraph() {
  const { topo, steps, position, source, destination, highlight } = useAppStore(useShallow((s) => ({
    topo: s.topo, steps: s.steps, position: s.position, source: s.source, destination: s.destination,
    highlight: lessonHighlight(s),
  })));
  const lesson = useMemo(() => lessonElements(topo, highlight), [topo, highlight]);
  const layout = useMemo(() => layoutTopology(topo), [topo]);
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
      lesson,
    };
  }, [source, destination, step, journey, position, decisions, lesson]);
  const nodes = useMemo(() => buildNodes(topo, layout, marks), [topo, layout, marks]);
  const edges = useMemo(() => buildEdges(topo, layout, marks), [topo, layout, marks]);
  return { topo, layout, journey, nodes, edges, step, position };
}
