// The tables of one network namespace as the real tools print them, in the state the last
// send left behind (ARP caches, learned MACs, conntrack entries). The engine prints them.
import { tablesOf, type TableText } from '../engine';
import type { AppState } from './types';

export function tablesFor(s: Pick<AppState, 'cluster' | 'netState'>, netnsId: string): readonly TableText[] {
  // A namespace that is not there (any more) has no tables; nor does one the engine failed to print.
  if (!s.cluster) return [];
  const r = tablesOf(s.cluster, s.netState, netnsId);
  return r.ok ? r.tables : [];
}
