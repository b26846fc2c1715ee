// One node, open: its host-network containers on top, then its open pods stacked (containers
// inside, interfaces on the pod's lower border, each veth end under its pod), then its closed
// pods as chips in a few columns, grouped by namespace under a label; the bridge as a bar on
// the right beside the veth ends; the node's own interfaces in the bottom row, eth0 rightmost.
// A closed node is a tile of fixed size. Pure.
import type { TopoElement } from '../../engine';
import type { Placed } from './geometry';
import { M } from './metrics';

export type Put = (id: string, x: number, y: number, w: number, h: number, shape: Placed['shape']) => void;

/** A namespace's name over its chips in an open node. */
export interface GroupLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface NodeIndex {
  readonly children: ReadonlyMap<string, readonly TopoElement[]>;
  /** node-side veth end -> the pod whose eth0 it pairs with */
  readonly vethOwner: ReadonlyMap<string, string>;
  /** device -> the segment its wire goes to */
  readonly wireTo: ReadonlyMap<string, string>;
  /** Pods drawn closed, as chips. */
  readonly chips: ReadonlySet<string>;
}

export const podW = M.nodeW - 2 * M.pad - M.barW - 16;

/** Lays out one open pod at (x, y); returns its bottom including the interfaces below its border. */
export function placePod(pod: TopoElement, x: number, y: number, ix: NodeIndex, put: Put): { bottom: number; eth0X: number } {
  const kids = ix.children.get(pod.id) ?? [];
  const containers = kids.filter((k) => k.kind === 'container');
  const rows = Math.max(1, Math.ceil(containers.length / 2));
  const h = M.podHeader + rows * (M.chipH + M.chipGap) - M.chipGap + M.podPadBottom;
  put(pod.id, x, y, podW, h, 'group');
  containers.forEach((c, i) => put(c.id, x + 10 + (i % 2) * (M.chipW + M.chipGap), y + M.podHeader + Math.floor(i / 2) * (M.chipH + M.chipGap), M.chipW, M.chipH, 'chip'));
  // Interfaces sit on the lower border: the veth end (eth0) on the right, above its peer; others from the left.
  const eth0X = x + podW - M.vethW / 2;
  let left = x + 10;
  for (const d of kids.filter((k) => k.kind === 'device')) {
    const devY = y + h - M.podDevH / 2;
    if (d.deviceKind === 'veth') put(d.id, eth0X - M.podDevW / 2, devY, M.podDevW, M.podDevH, 'chip');
    else { put(d.id, left, devY, 44, M.podDevH, 'chip'); left += 52; }
  }
  return { bottom: y + h + M.podDevH / 2, eth0X };
}

/** How many columns of chips an open node uses for `n` closed pods. */
export function chipColumns(n: number): number {
  if (n <= 8) return 2;
  return Math.min(6, Math.ceil(Math.sqrt(n / 2.5)));
}

/** An open node's width: wide enough for its chip columns, never narrower than a classic column. */
export function nodeWidth(chips: number): number {
  if (chips === 0) return M.nodeW;
  const cols = chipColumns(chips);
  return Math.max(M.nodeW, 2 * M.pad + cols * (M.podChipW + M.podChipGap) - M.podChipGap + 16 + M.barW);
}

const nsOf = (pod: TopoElement) => pod.sendRef?.split('/')[0] ?? '';

/** Closed pods in chip columns, one group per namespace; returns the bottom. */
function placeChips(chips: readonly TopoElement[], x: number, y: number, cols: number, put: Put, labels: GroupLabel[] | null): number {
  const groups = new Map<string, TopoElement[]>();
  for (const c of chips) groups.set(nsOf(c), [...(groups.get(nsOf(c)) ?? []), c]);
  let top = y;
  for (const [ns, pods] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    labels?.push({ x, y: top, text: `${ns} · ${pods.length} pod${pods.length > 1 ? 's' : ''}` });
    top += M.nsLabelH;
    pods.forEach((p, i) => put(p.id, x + (i % cols) * (M.podChipW + M.podChipGap), top + Math.floor(i / cols) * (M.podChipH + M.podChipGap), M.podChipW, M.podChipH, 'chip'));
    top += Math.ceil(pods.length / cols) * (M.podChipH + M.podChipGap) + 4;
  }
  return top;
}

/**
 * Lays out an open node with its top-left at (x, y0); returns its width and the height it
 * needs. With `height`, the node's box takes that height (so a row's bottoms line up).
 */
export function placeNode(
  node: TopoElement, x: number, y0: number, ix: NodeIndex, put: Put, height?: number, labels: GroupLabel[] | null = null,
): { w: number; h: number } {
  const kids = ix.children.get(node.id) ?? [];
  const pods = kids.filter((k) => k.kind === 'pod');
  const chips = pods.filter((p) => ix.chips.has(p.id));
  // Wide enough for the bottom row of interfaces too (a VPC node's ENIs, Cilium's devices).
  const rootRow = kids.filter((k) => k.kind === 'device' && k.deviceKind !== 'bridge' && !ix.vethOwner.has(k.id)).length;
  const w = Math.max(nodeWidth(chips.length), 2 * M.pad + rootRow * (M.rootDevW + 8) - 8);
  let y: number = y0 + M.header;
  const hostNet = kids.filter((k) => k.kind === 'container');
  hostNet.forEach((c, i) => put(c.id, x + M.pad + (i % 2) * (M.chipW + M.chipGap), y + Math.floor(i / 2) * (M.chipH + M.chipGap), M.chipW, M.chipH, 'chip'));
  if (hostNet.length) y += Math.ceil(hostNet.length / 2) * (M.chipH + M.chipGap) + 8;
  const podsTop = y;
  const placed = new Set<string>();
  for (const pod of pods.filter((p) => !ix.chips.has(p.id))) {
    const { bottom, eth0X } = placePod(pod, x + M.pad, y, ix, put);
    y = bottom;
    const veth = kids.find((k) => ix.vethOwner.get(k.id) === pod.id);
    if (veth) {
      put(veth.id, eth0X - M.vethW / 2, y + M.vethGap, M.vethW, M.vethH, 'chip');
      placed.add(veth.id);
      y += M.vethGap + M.vethH;
    }
    y += M.podGap;
  }
  const bridgeEnd = y - M.podGap;
  if (chips.length > 0) y = placeChips(chips, x + M.pad, y, chipColumns(chips.length), put, labels) + M.podGap;
  const devices = kids.filter((k) => k.kind === 'device' && !placed.has(k.id));
  const bridge = devices.find((d) => d.deviceKind === 'bridge');
  if (bridge) put(bridge.id, x + w - M.pad - M.barW, podsTop, M.barW, Math.max((chips.length ? y - M.podGap : bridgeEnd) - podsTop, 60), 'bar');
  const needed = Math.max(y, podsTop + 60) + 24 + M.rootDevH + M.pad - y0;
  const h = height ?? needed;
  put(node.id, x, y0, w, h, 'group');
  // The node's other interfaces share the bottom row, eth0 (its wire) rightmost, under the bridge.
  const rest = devices.filter((d) => d !== bridge).sort((a, b) => Number(ix.wireTo.has(a.id)) - Number(ix.wireTo.has(b.id)));
  let right = x + w - M.pad;
  for (const d of rest.reverse()) {
    put(d.id, right - M.rootDevW, y0 + h - M.pad - M.rootDevH, M.rootDevW, M.rootDevH, 'chip');
    right -= M.rootDevW + 8;
  }
  return { w, h: needed };
}
