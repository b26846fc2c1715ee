// Two runs side by side: the hops of a pinned trace and of the current one, lined up leg by
// leg (exchange and leg index) by the longest common run of hops that happened at the same
// place and were of the same kind; a lined-up pair whose text, rule or packet differs is
// marked, and so is a hop only one run has. Pure.
import type { Hop } from '../engine';
import type { Step } from './steps';

export type RowMark = 'same' | 'differs' | 'only-pinned' | 'only-current';

export interface CompareRow {
  readonly mark: RowMark;
  readonly pinned?: Step;
  readonly current?: Step;
}

export interface LegCompare {
  /** "Exchange 1 · SYN". */
  readonly title: string;
  readonly rows: readonly CompareRow[];
}

const place = (h: Hop) => `${h.kind}@${h.at}`;
const sameHop = (a: Hop, b: Hop) => a.text === b.text && a.rule === b.rule && JSON.stringify(a.packet) === JSON.stringify(b.packet);

function align(a: readonly Step[], b: readonly Step[]): CompareRow[] {
  // Longest common subsequence of places.
  const n = a.length, m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    len[i]![j] = place(a[i]!.hop) === place(b[j]!.hop) ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  }
  const rows: CompareRow[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && place(a[i]!.hop) === place(b[j]!.hop)) {
      rows.push({ mark: sameHop(a[i]!.hop, b[j]!.hop) ? 'same' : 'differs', pinned: a[i], current: b[j] });
      i++; j++;
    } else if (j >= m || (i < n && len[i + 1]![j]! >= len[i]![j + 1]!)) {
      rows.push({ mark: 'only-pinned', pinned: a[i++] });
    } else {
      rows.push({ mark: 'only-current', current: b[j++] });
    }
  }
  return rows;
}

export function compareRuns(pinned: readonly Step[], current: readonly Step[]): LegCompare[] {
  const key = (s: Step) => `${s.exchange}/${s.legIndex}`;
  const keys: string[] = [];
  for (const s of [...pinned, ...current]) if (!keys.includes(key(s))) keys.push(key(s));
  return keys.map((k) => {
    const a = pinned.filter((s) => key(s) === k);
    const b = current.filter((s) => key(s) === k);
    const any = a[0] ?? b[0]!;
    return { title: `Exchange ${any.exchange + 1} · ${any.leg}`, rows: align(a, b) };
  });
}

/** How many rows differ or are in one run only. */
export const differences = (legs: readonly LegCompare[]): number => legs.reduce((n, l) => n + l.rows.filter((r) => r.mark !== 'same').length, 0);
