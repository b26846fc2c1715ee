// Namespaces as the graph shows them: a colour each (stable: from the name), and how many of a
// node's pods the filters let through. Pure.
import type { PodCount } from '../../engine';
import { SYSTEM_NAMESPACE } from './view';

/** Colours with enough contrast against white and against each other; kube-system is grey. */
const PALETTE = ['#2563eb', '#0f766e', '#b45309', '#7c3aed', '#be185d', '#15803d', '#0369a1', '#a16207', '#4d7c0f', '#c2410c'] as const;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function namespaceColor(ns: string): string {
  return ns === SYSTEM_NAMESPACE ? '#64748b' : PALETTE[hash(ns) % PALETTE.length]!;
}

export interface NamespaceFilter {
  readonly namespaces: ReadonlySet<string> | null;
  readonly hideSystem: boolean;
}

export const passes = (ns: string, f: NamespaceFilter) => !(f.hideSystem && ns === SYSTEM_NAMESPACE) && (f.namespaces === null || f.namespaces.has(ns));

/** A node's pods by namespace, the ones the filters let through, largest first. */
export function shownCounts(count: PodCount | undefined, f: NamespaceFilter): { shown: number; total: number; parts: readonly [string, number][] } {
  const parts = Object.entries(count?.byNamespace ?? {}).filter(([ns]) => passes(ns, f)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { shown: parts.reduce((n, [, c]) => n + c, 0), total: count?.total ?? 0, parts };
}
