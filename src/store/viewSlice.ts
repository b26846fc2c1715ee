// The view slice: how much of the cluster the graph shows. A big cluster arrives as an
// overview; the insides of nodes (devices, pods, containers) are asked of the engine when a
// node is opened, found, or crossed by a trace, and added to the topology. The learner's
// choices (nodes and pods opened or closed, Services pinned), the filters (namespaces, the
// cluster's own objects, the path only), following the packet, presentation mode, and the
// element the graph should fly to.
import type { SearchHit, SearchResult } from '../engine';
import type { EngineClient } from './engineClient';
import { mergeTopology } from './topoMerge';
import type { GetState, SetState, ViewSlice } from './types';
import type { Work } from './work';

export const SEARCH_LIMIT = 12;

export function createViewSlice(set: SetState, get: GetState, engine: EngineClient, work: Work): ViewSlice {
  /** Insides asked for and not answered yet, by the summary they belong to (asked once each). */
  let asked = { summary: null as unknown, nodes: new Map<string, Promise<void>>() };
  const revealNodes = async (names: readonly string[]): Promise<void> => {
    const { summary, inside } = get();
    if (asked.summary !== summary) asked = { summary, nodes: new Map() };
    const known = new Set(summary?.nodes ?? []);
    const wanted = [...new Set(names)].filter((n) => known.has(n) && !inside.has(n));
    const missing = wanted.filter((n) => !asked.nodes.has(n));
    const waits = wanted.filter((n) => asked.nodes.has(n)).map((n) => asked.nodes.get(n)!);
    if (missing.length > 0) {
      const mine = asked;
      const fetching = (async () => {
        const out = await work.track('Drawing the nodes', engine.details(missing));
        for (const n of missing) mine.nodes.delete(n);
        // A new scenario came in meanwhile: the answer is about the old one.
        if (out.status !== 'done' || get().summary !== mine.summary) return;
        set((s) => ({ topo: mergeTopology(s.topo, out.value), inside: new Set([...s.inside, ...missing]) }));
      })();
      for (const n of missing) asked.nodes.set(n, fetching);
      waits.push(fetching);
    }
    await Promise.all(waits);
  };
  const mark = (id: string, open: boolean) => set((s) => ({ opened: { ...s.opened, [id]: open ? 'open' : 'closed' } }));
  return {
    inside: new Set(),
    opened: {},
    namespaces: null,
    hideSystem: false,
    pathOnly: false,
    follow: true,
    presentation: false,
    focus: null,
    revealNodes,
    setOpen: async (id, open) => {
      mark(id, open);
      if (open && id.startsWith('node:')) await revealNodes([id.slice(5)]);
    },
    find: async (query) => {
      const out = await work.track('Searching', engine.search(query, SEARCH_LIMIT));
      return out.status === 'done' ? out.value : null;
    },
    flyTo: async (hit: SearchHit) => {
      if (hit.node !== undefined) {
        await revealNodes([hit.node]);
        mark(`node:${hit.node}`, true);
      }
      // A pod opens to show its containers; a Service is pinned to the band.
      if (hit.kind === 'pod' || hit.kind === 'service') mark(hit.id, true);
      if (hit.kind === 'node') mark(hit.id, true);
      set((s) => ({ focus: { id: hit.id, seq: (s.focus?.seq ?? 0) + 1 } }));
    },
    setNamespaces: (namespaces) => set({ namespaces }),
    setHideSystem: (hideSystem) => set({ hideSystem }),
    setPathOnly: (pathOnly) => set({ pathOnly }),
    setFollow: (follow) => set({ follow }),
    setPresentation: (presentation) => set({ presentation }),
  };
}

export type { SearchResult };
