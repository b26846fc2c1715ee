// What the graph draws, at which level of detail: a closed node is a tile with its pods
// counted, an open node shows its pods (closed pods as chips, open pods with their containers
// and interfaces). A small cluster opens fully; a big one starts as an overview. The learner
// opens and closes nodes and pods; while following a trace the nodes and pods it crosses open;
// filters hide namespaces, the cluster's own objects, or everything off the path. What matters
// (the source, the destination, the path) is never hidden. Reads hops only by `at` and `node`.
// Pure, so it is unit-tested without a browser.
import type { Topology, TopoElement, TopoLink } from '../../engine';
import type { ViewSlice } from '../../store';

/** Where a hop happened, as far as the view cares. */
export interface HopPlace {
  readonly at: string;
  readonly node: string;
}

/** What the store says about the view (what it holds, the learner's choices, the filters), and the path and what to keep. */
export type ViewOptions = Pick<ViewSlice, 'inside' | 'opened' | 'namespaces' | 'hideSystem' | 'pathOnly' | 'follow'> & {
  readonly path: readonly HopPlace[];
  /** Elements always drawn (the chosen source and destination). */
  readonly keep: readonly (string | undefined)[];
};

export interface GraphView {
  /** The elements and links drawn. */
  readonly topo: Topology;
  /** Closed nodes, drawn as tiles. */
  readonly tiles: ReadonlySet<string>;
  /** Closed pods, drawn as chips. */
  readonly chips: ReadonlySet<string>;
  /** Per open node, how many of its pods the filters hide. */
  readonly hiddenPods: ReadonlyMap<string, number>;
  /** Services not drawn, to keep the band readable (they can be found by search). */
  readonly moreServices: number;
  /** Nodes that should be open but whose insides have not arrived yet. */
  readonly wantInside: readonly string[];
  /** The drawn element a hop at `id` shows on (itself, its pod, or its node). */
  anchorOf(id: string): string | undefined;
}

/** A cluster this small is drawn whole from the start. */
export const SMALL = { nodes: 8, pods: 40 } as const;
/** At most this many Services in the band; the rest are counted (pinned and traced ones always show). */
export const SERVICE_LIMIT = 40;
export const SYSTEM_NAMESPACE = 'kube-system';

const namespaceOf = (el: TopoElement): string | undefined => {
  if (el.kind !== 'pod' && el.kind !== 'container' && el.kind !== 'service') return undefined;
  const ref = el.kind === 'service' ? el.id.slice(4) : el.sendRef;
  return ref?.split('/')[0];
};

interface Index {
  readonly byId: ReadonlyMap<string, TopoElement>;
  readonly children: ReadonlyMap<string, readonly TopoElement[]>;
  /** A node's veth end -> the pod whose eth0 it pairs with. */
  readonly vethPod: ReadonlyMap<string, string>;
}

function indexOf(topo: Topology): Index {
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const children = new Map<string, TopoElement[]>();
  for (const e of topo.elements) {
    if (e.parent === undefined) continue;
    const list = children.get(e.parent);
    if (list) list.push(e);
    else children.set(e.parent, [e]);
  }
  const vethPod = new Map<string, string>();
  for (const l of topo.links) {
    if (l.kind !== 'veth') continue;
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    const podEnd = [a, b].find((d) => d?.parent !== undefined && byId.get(d.parent)?.kind === 'pod');
    const nodeEnd = podEnd === a ? b : a;
    if (podEnd?.parent && nodeEnd) vethPod.set(nodeEnd.id, podEnd.parent);
  }
  return { byId, children, vethPod };
}

/** The element and its ancestors, innermost first. */
function lineage(id: string, ix: Index): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id; at !== undefined && out.length < 8; at = ix.byId.get(at)?.parent) out.push(at);
  return out;
}

export function graphView(topo: Topology, o: ViewOptions): GraphView {
  const ix = indexOf(topo);
  const nodes = topo.elements.filter((e) => e.kind === 'node');
  const podTotal = nodes.reduce((n, e) => n + (e.podCount?.total ?? 0), 0);
  const small = nodes.length <= SMALL.nodes && podTotal <= SMALL.pods && nodes.every((n) => o.inside.has(n.label));

  // What the path touches: each hop's element, its pod (a node's veth end counts as its pod's) and its node.
  const onPath = new Set<string>();
  for (const h of o.path) {
    for (const id of lineage(h.at, ix)) onPath.add(id);
    const pod = ix.vethPod.get(h.at);
    if (pod) onPath.add(pod);
  }
  const kept = new Set<string>();
  for (const k of o.keep) if (k !== undefined) for (const id of lineage(k, ix)) kept.add(id);
  const matters = (id: string) => onPath.has(id) || kept.has(id);
  const traced = o.path.length > 0;
  const pathOnly = o.pathOnly && traced;

  const shown = (el: TopoElement): boolean => {
    if (matters(el.id)) return true;
    if (pathOnly) return false;
    const ns = namespaceOf(el);
    if (ns === undefined) return true;
    if (o.hideSystem && (ns === SYSTEM_NAMESPACE || el.builtIn)) return false;
    return o.namespaces === null || o.namespaces.has(ns);
  };
  const isOpen = (id: string, byDefault: boolean) => o.opened[id] === 'open' || (o.opened[id] !== 'closed' && byDefault);

  const drawn = new Set<string>();
  const tiles = new Set<string>();
  const chips = new Set<string>();
  const hiddenPods = new Map<string, number>();
  const wantInside: string[] = [];

  for (const node of nodes) {
    if (pathOnly && !matters(node.id)) continue;
    drawn.add(node.id);
    const wantOpen = isOpen(node.id, small || (o.follow && onPath.has(node.id)));
    if (!wantOpen) { tiles.add(node.id); continue; }
    if (!o.inside.has(node.label)) { wantInside.push(node.label); tiles.add(node.id); continue; }
    let hidden = 0;
    for (const child of ix.children.get(node.id) ?? []) {
      if (child.kind === 'device') {
        // A node's veth end belongs with its pod: drawn when that pod is open.
        if (!ix.vethPod.has(child.id) && (!pathOnly || matters(child.id))) drawn.add(child.id);
        continue;
      }
      if (!shown(child)) { if (child.kind === 'pod') hidden++; continue; }
      drawn.add(child.id);
      if (child.kind !== 'pod') continue;
      if (!isOpen(child.id, small || (o.follow && onPath.has(child.id)))) { chips.add(child.id); continue; }
      for (const inner of ix.children.get(child.id) ?? []) if (!pathOnly || matters(inner.id)) drawn.add(inner.id);
    }
    for (const [veth, pod] of ix.vethPod) {
      if (ix.byId.get(veth)?.parent === node.id && drawn.has(pod) && !chips.has(pod) && (!pathOnly || matters(veth))) drawn.add(veth);
    }
    if (hidden > 0) hiddenPods.set(node.id, hidden);
  }

  let services = 0;
  let moreServices = 0;
  for (const el of topo.elements) {
    if (el.kind === 'node' || el.parent !== undefined && ix.byId.get(el.parent)?.kind !== 'gateway' && ix.byId.get(el.parent)?.kind !== 'outside') continue;
    if (el.kind === 'service') {
      if (!shown(el)) continue;
      const pinned = matters(el.id) || o.opened[el.id] === 'open';
      if (!pinned && services >= SERVICE_LIMIT) { moreServices++; continue; }
      services++;
      drawn.add(el.id);
      continue;
    }
    if (pathOnly && !matters(el.id) && !(el.kind === 'loadbalancer' && onPath.has(el.id))) continue;
    drawn.add(el.id);
  }

  const elements = topo.elements.filter((e) => drawn.has(e.id));
  // A Service's links to closed pods would cross every chip: only open pods (and the path's) get theirs.
  const links = topo.links.filter((l: TopoLink) => drawn.has(l.source) && drawn.has(l.target) && !(l.kind === 'endpoint' && chips.has(l.target)));
  const anchorOf = (id: string): string | undefined => {
    if (drawn.has(id)) return id;
    const pod = ix.vethPod.get(id);
    if (pod !== undefined && drawn.has(pod)) return pod;
    return lineage(id, ix).find((a) => drawn.has(a));
  };
  return { topo: { elements, links }, tiles, chips, hiddenPods, moreServices, wantInside, anchorOf };
}
