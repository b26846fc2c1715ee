// Adding what is inside some nodes to the topology the store holds: elements and links by id,
// each once (two answers may carry the same node).
import type { Topology } from '../engine';

export function mergeTopology(base: Topology, more: Topology): Topology {
  if (more.elements.length === 0 && more.links.length === 0) return base;
  const ids = new Set(base.elements.map((e) => e.id));
  const linkIds = new Set(base.links.map((l) => l.id));
  return {
    elements: [...base.elements, ...more.elements.filter((e) => !ids.has(e.id))],
    links: [...base.links, ...more.links.filter((l) => !linkIds.has(l.id))],
  };
}
