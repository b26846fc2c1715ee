// Elements of a topology by id, built once per topology (a topology is never changed, so the
// index is kept beside it and forgotten with it).
import type { Topology, TopoElement } from '../engine';

const byId = new WeakMap<Topology, ReadonlyMap<string, TopoElement>>();

export function elementById(topo: Topology): ReadonlyMap<string, TopoElement> {
  let index = byId.get(topo);
  if (!index) {
    index = new Map(topo.elements.map((e) => [e.id, e]));
    byId.set(topo, index);
  }
  return index;
}
