// What the tables panel shows: the namespace (the selected hop's, unless the learner chose
// another for this hop), its tables in the state after the send with the lines the trace
// matched there, and the open table (the learner's choice, else the one holding the selected
// hop's lines, else the first with matches, else the routes).
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TableId } from '../../engine';
import { namespacesOf, useAppStore } from '../../store';
import { matchedCount, matchTable, tableOfStep, type HopAt, type MatchedTable } from './match';

export function useTablesView() {
  const s = useAppStore(useShallow((st) => ({
    topo: st.topo, printed: st.tables, showTables: st.showTables, steps: st.steps, position: st.position, pin: st.tablesPin,
  })));
  const namespaces = useMemo(() => namespacesOf(s.topo), [s.topo]);
  const hopsByNetns = useMemo(() => {
    const out = new Map<string, HopAt[]>();
    s.steps.forEach((st, index) => {
      const ns = st.hop.nsId;
      out.set(ns, [...(out.get(ns) ?? []), { index, hop: st.hop }]);
    });
    return out;
  }, [s.steps]);
  const step = s.steps[s.position];
  const pin = s.pin?.position === s.position ? s.pin : null;
  const hopNetns = step?.hop.nsId;
  const netns = pin?.netns ?? hopNetns ?? namespaces[0]?.id ?? '';
  const { printed, showTables } = s;
  // The engine prints them (in its worker) for this namespace, again after each send or scenario.
  const wanted = netns !== '' && (printed.netns !== netns || printed.status === 'idle');
  useEffect(() => { if (wanted) void showTables(netns); }, [wanted, netns, showTables]);
  const tables: readonly MatchedTable[] = useMemo(
    () => (printed.netns === netns ? printed.list : []).map((table) => ({ table, lines: matchTable(table, hopsByNetns.get(netns) ?? []) })),
    [printed, netns, hopsByNetns],
  );
  const has = (id: TableId | undefined) => id !== undefined && tables.some((t) => t.table.id === id);
  const fallback = tables.find((t) => matchedCount(t) > 0)?.table.id ?? tables[0]?.table.id;
  const ofStep = tableOfStep(tables, s.position);
  const tableId = has(pin?.table) ? pin!.table! : ofStep ?? fallback;
  return { namespaces, netns, hopNetns, tables, tableId, step, position: s.position, status: printed.netns === netns ? printed.status : 'loading', error: printed.error };
}
