// What the open lesson step points at, resolved against what the page shows: graph elements
// named by topology id or accessible name, and the lines of a namespace's table that match.
import type { Highlight, TableId, Topology } from '../engine';
import type { AppState } from './types';

/** The open step's highlight, while the lesson is shown. */
export const lessonHighlight = (s: AppState): Highlight | undefined =>
  (s.lessonView === 'lesson' ? s.lesson?.lesson.spec.steps[s.lessonStep]?.highlight : undefined);

const NONE: ReadonlySet<string> = new Set();

/** The ids of the graph elements a step's highlight names (unknown names are left out). */
export function lessonElements(topo: Topology, highlight: Highlight | undefined): ReadonlySet<string> {
  const wanted = highlight?.elements;
  if (!wanted || wanted.length === 0) return NONE;
  const ids = new Set<string>();
  for (const w of wanted) {
    const el = topo.elements.find((e) => e.id === w) ?? topo.elements.find((e) => e.name === w);
    if (el) ids.add(el.id);
  }
  return ids;
}

/** Whether a line of a namespace's table is one the step points at. */
export function lessonLineTest(highlight: Highlight | undefined, netns: string, table: TableId | undefined): ((line: string) => boolean) | undefined {
  const marks = (highlight?.tables ?? []).filter((t) => t.netns === netns && t.table === table);
  if (marks.length === 0) return undefined;
  const res = marks.map((m) => new RegExp(m.match));
  return (line) => res.some((re) => re.test(line));
}
