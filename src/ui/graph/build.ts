// Turns what is drawn and the layout into React Flow nodes and edges (closed nodes are tiles,
// drawn beside React Flow by the overview layer; closed pods are chips), marking what
// the learner needs to see: the chosen source and destination, where the packet is, the
// elements and links the trace passes, and the endpoint a Service chose. Virtual links (a
// Service's endpoints, a load balancer's Service) follow the layout's routes and are drawn
// above the boxes they pass. Pure, so it is unit-tested without a browser.
import type { Edge, Node } from '@xyflow/react';
import type { Topology, TopoElement, TopoLink } from '../../engine';
import type { Placed, Point } from './geometry';
import type { Layout } from './layout';
import { linkRoute } from './routes';

export type Role = 'source' | 'destination' | 'both';

export interface ElementData extends Record<string, unknown> {
  readonly el: TopoElement;
  readonly shape: Placed['shape'];
  /** Bars are upright (a bridge, the internet) or lying (the node network). */
  readonly upright: boolean;
  /** Too small for more than a name (a pod's own interfaces). */
  readonly compact: boolean;
  readonly role?: Role;
  /** The container chosen to send. */
  readonly sending: boolean;
  /** The packet is here at the selected hop. */
  readonly current: boolean;
  /** The trace passes here (for a Service or load balancer: it chose where the packet goes). */
  readonly visited: boolean;
  /** Source and destination can be chosen here. */
  readonly pickable: boolean;
  /** A node or pod drawn open (its inside shown), as opposed to a pod drawn as a chip. */
  readonly open: boolean;
  /** For an open node: how many of its pods the filters hide. */
  readonly hidden: number;
  /** The open lesson step points at this element. */
  readonly lesson?: boolean;
  /** Edit mode: selected in the inspector; a link can be drawn from it (a Service) or to it (a pod). */
  readonly selected?: boolean;
  readonly linkFrom?: boolean;
  readonly linkTo?: boolean;
}

/** What the view decided beyond the topology: closed nodes (drawn elsewhere, as tiles), closed pods, hidden pods. */
export interface DrawContext {
  readonly tiles: ReadonlySet<string>;
  readonly chips: ReadonlySet<string>;
  readonly hiddenPods: ReadonlyMap<string, number>;
}

export const DRAW_ALL: DrawContext = { tiles: new Set(), chips: new Set(), hiddenPods: new Map() };

export interface LinkData extends Record<string, unknown> {
  readonly link: TopoLink;
  readonly points: readonly Point[];
  readonly onPath: boolean;
  readonly active: boolean;
  /** A Service's endpoint (or a load balancer's Service) that the trace chose. */
  readonly chosen: boolean;
  /** A link of one of the cluster's own Services, drawn quieter. */
  readonly quiet: boolean;
}

export interface GraphMarks {
  readonly sourceId?: string;
  readonly sendingId?: string;
  readonly destinationId?: string;
  readonly currentId?: string;
  readonly visited: ReadonlySet<string>;
  readonly pathLinks: ReadonlySet<string>;
  readonly activeLinks: ReadonlySet<string>;
  readonly chosenLinks: ReadonlySet<string>;
  /** Elements the open lesson step points at. */
  readonly lesson?: ReadonlySet<string>;
  /** Edit mode: boxes can be dragged, links drawn; the element the inspector shows. */
  readonly editing?: boolean;
  readonly selectedId?: string;
}

/** What can be dragged in edit mode (its place is kept in the Podpath document). */
const DRAGGABLE = new Set<TopoElement['kind']>(['node', 'pod', 'service', 'loadbalancer', 'outside', 'gateway']);

export const NO_MARKS: GraphMarks = { visited: new Set(), pathLinks: new Set(), activeLinks: new Set(), chosenLinks: new Set() };

export type ElementNode = Node<ElementData>;
export type LinkEdge = Edge<LinkData>;

const PICKABLE = new Set<TopoElement['kind']>(['node', 'pod', 'container', 'outside', 'service', 'loadbalancer']);
const VIRTUAL = new Set<TopoLink['kind']>(['endpoint', 'lb']);

/** Links a packet can travel along; a Service's links are decisions, not cables. */
export const isPhysical = (l: TopoLink) => !VIRTUAL.has(l.kind);

export function nodeTypeOf(el: TopoElement, shape: Placed['shape']): string {
  if (shape === 'bar') return 'bar';
  switch (el.kind) {
    case 'node': case 'gateway': case 'outside': return 'machine';
    case 'pod': return 'pod';
    case 'container': return 'container';
    case 'device': case 'segment': return 'device';
    case 'service': case 'loadbalancer': return 'service';
  }
}

function roleOf(id: string, m: GraphMarks): Role | undefined {
  const src = id === m.sourceId;
  const dst = id === m.destinationId;
  return src && dst ? 'both' : src ? 'source' : dst ? 'destination' : undefined;
}

function depth(el: TopoElement, byId: ReadonlyMap<string, TopoElement>): number {
  let d = 0;
  for (let p = el.parent; p !== undefined && d < 10; p = byId.get(p)?.parent) d++;
  return d;
}

export function buildNodes(topo: Topology, layout: Layout, marks: GraphMarks, ctx: DrawContext = DRAW_ALL): ElementNode[] {
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const ordered = [...topo.elements].sort((a, b) => depth(a, byId) - depth(b, byId));
  const nodes: ElementNode[] = [];
  for (const el of ordered) {
    const box = layout.boxes.get(el.id);
    if (!box || ctx.tiles.has(el.id)) continue;
    const chip = ctx.chips.has(el.id);
    const parentBox = el.parent !== undefined ? layout.boxes.get(el.parent) : undefined;
    const inParent = parentBox?.shape === 'group';
    const draggable = marks.editing === true && DRAGGABLE.has(el.kind);
    // A dragged box stays inside its parent; a box drawn across its parent's edge (an outside
    // host's eth0) is not held in, or React Flow would pull it over the parent's title.
    const within = inParent && box.x >= parentBox.x && box.y >= parentBox.y && box.x + box.w <= parentBox.x + parentBox.w && box.y + box.h <= parentBox.y + parentBox.h;
    nodes.push({
      id: el.id,
      type: chip ? 'podchip' : nodeTypeOf(el, box.shape),
      position: inParent ? { x: box.x - parentBox.x, y: box.y - parentBox.y } : { x: box.x, y: box.y },
      ...(inParent ? { parentId: el.parent } : {}),
      width: box.w,
      height: box.h,
      draggable,
      selectable: false,
      focusable: false,
      connectable: false,
      ...(draggable && within ? { extent: 'parent' as const } : {}),
      data: {
        el, shape: box.shape, upright: box.h > box.w, compact: box.h < 32,
        role: roleOf(el.id, marks),
        sending: el.id === marks.sendingId,
        current: el.id === marks.currentId,
        visited: marks.visited.has(el.id),
        pickable: el.sendRef !== undefined && PICKABLE.has(el.kind),
        open: !chip, hidden: ctx.hiddenPods.get(el.id) ?? 0,
        ...(marks.lesson?.has(el.id) ? { lesson: true } : {}),
        ...(marks.editing ? { selected: el.id === marks.selectedId, linkFrom: el.kind === 'service' && !el.builtIn, linkTo: el.kind === 'pod' } : {}),
      },
    });
  }
  return nodes;
}

const LINK_WORD: Record<TopoLink['kind'], string> = { veth: 'veth pair', port: 'bridge port', wire: 'wire', tunnel: 'tunnel', endpoint: 'Service endpoint', lb: 'load balancer' };

export function buildEdges(topo: Topology, layout: Layout, marks: GraphMarks): LinkEdge[] {
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const edges: LinkEdge[] = [];
  for (const link of topo.links) {
    const a = layout.boxes.get(link.source);
    const b = layout.boxes.get(link.target);
    if (!a || !b) continue;
    const virtual = VIRTUAL.has(link.kind);
    edges.push({
      id: link.id,
      source: link.source,
      target: link.target,
      type: 'link',
      selectable: false,
      focusable: false,
      ...(virtual ? { zIndex: 1 } : {}),
      ariaLabel: `${LINK_WORD[link.kind]} between ${byId.get(link.source)?.name} and ${byId.get(link.target)?.name}`,
      data: {
        link, points: layout.routes.get(link.id) ?? linkRoute(a, b),
        onPath: marks.pathLinks.has(link.id), active: marks.activeLinks.has(link.id), chosen: marks.chosenLinks.has(link.id),
        quiet: virtual && Boolean(byId.get(link.source)?.builtIn),
      },
    });
  }
  return edges;
}
