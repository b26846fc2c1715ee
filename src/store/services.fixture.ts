// For tests: the conntrack entries of every namespace in a state, as text.
import { formatConntrack, type DynState } from '../engine';

export function ctEntriesText(state: DynState): string {
  return [...state.conntrack.keys()].map((ns) => formatConntrack(state, ns)).join('');
}
