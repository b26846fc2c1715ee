// The tables slice: one network namespace's tables as the real tools print them (ip route,
// iptables-save, conntrack -L ...), asked of the engine in the state the current trace's send
// left behind (ARP caches, learned MACs, conntrack entries), or before any send.
import type { EngineClient } from './engineClient';
import type { GetState, SetState, TablesSlice, TablesView } from './types';
import type { Work } from './work';

export const NO_TABLES: TablesView = { netns: null, status: 'idle', list: [], error: null };

export function createTablesSlice(set: SetState, get: GetState, engine: EngineClient, work: Work): TablesSlice {
  return {
    tables: NO_TABLES,
    showTables: async (netns) => {
      const before = get().tables;
      set({ tables: { netns, status: 'loading', list: before.netns === netns ? before.list : [], error: null } });
      const out = await work.track('Printing the tables', engine.tables(netns));
      if (out.status === 'superseded') return;
      if (out.status === 'failed') set({ tables: { netns, status: 'failed', list: [], error: out.error } });
      else set({ tables: { netns, status: 'ready', list: out.value, error: null } });
    },
  };
}
