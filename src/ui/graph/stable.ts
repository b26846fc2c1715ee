// Keeping React Flow's node and edge objects when nothing about them changed, so moving the
// packet one hop re-renders the few elements whose marks changed, not every element drawn.
import type { LinkEdge, ElementNode } from './build';

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

function sameNode(a: ElementNode, b: ElementNode): boolean {
  return a.type === b.type && a.parentId === b.parentId && a.width === b.width && a.height === b.height
    && a.position.x === b.position.x && a.position.y === b.position.y && sameData(a.data, b.data);
}

function sameEdge(a: LinkEdge, b: LinkEdge): boolean {
  return a.source === b.source && a.target === b.target && a.zIndex === b.zIndex && a.ariaLabel === b.ariaLabel
    && a.data !== undefined && b.data !== undefined && sameData(a.data, b.data);
}

/** `next`, with each element replaced by the previous one of the same id when they are equal. */
function reuse<T extends { id: string }>(prev: readonly T[], next: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const before = new Map(prev.map((x) => [x.id, x]));
  return next.map((x) => {
    const old = before.get(x.id);
    return old && same(old, x) ? old : x;
  });
}

export const reuseNodes = (prev: readonly ElementNode[], next: readonly ElementNode[]) => reuse(prev, next, sameNode);
export const reuseEdges = (prev: readonly LinkEdge[], next: readonly LinkEdge[]) => reuse(prev, next, sameEdge);
