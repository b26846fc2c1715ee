// The graph slice: the graph's mode (graphMode.ts), what a click, a key or a drawn link means
// in it, and the element the inspector edits. In the pick modes a click picks the send's
// source or destination (the selection slice); in edit mode it selects; a link drawn from a
// Service to a pod becomes a `connect` edit, which says which label it added.
import { refText } from '../engine/lite';
import type { ObjectRef, ScenarioEdit } from '../engine';
import { endpointOf } from './endpoints';
import { START, transition, type ElementFacts, type ModeEvent } from './graphMode';
import { objectOf } from './objects';
import { elementById } from './topoIndex';
import type { EditOutcome, GetState, GraphSlice, SetState } from './types';

/** The graph element that shows an object, to select it once an edit made it. */
export function elementOf(ref: ObjectRef): string | null {
  const ns = ref.namespace ?? 'default';
  switch (ref.kind) {
    case 'Pod': return `pod:${ns}/${ref.name}`;
    case 'Service': return `svc:${ns}/${ref.name}`;
    case 'Node': return `node:${ref.name}`;
    default: return null;
  }
}

export function createGraphSlice(set: SetState, get: GetState): GraphSlice {
  const facts = (id: string): ElementFacts | null => {
    const { topo } = get();
    const el = elementById(topo).get(id);
    if (!el) return null;
    const ep = endpointOf(topo, el);
    return { id, kind: el.kind, endpoint: ep !== null, receiveOnly: ep?.receiveOnly === true };
  };

  const graphEvent = async (event: ModeEvent): Promise<EditOutcome | null> => {
    const s = get();
    // The pick modes follow the send bar (a Clear or a Swap there).
    const mode = transition(s.graphMode, { type: 'selection', hasSource: s.source !== null, hasDestination: s.destination !== null }).mode;
    const t = transition(mode, event);
    set({ graphMode: t.mode });
    // The inspector is the side panel's Edit tab: it opens with a selection, and closes with edit mode.
    if (t.effects.some((e) => e.type === 'select' && e.id !== null)) set({ panel: 'edit' });
    if (t.mode.kind !== 'edit' && t.mode.kind !== 'connect' && get().panel === 'edit') set({ panel: 'trace' });
    let outcome: EditOutcome | null = null;
    for (const e of t.effects) {
      if (e.type === 'pick') get().pick(e.id);
      if (e.type === 'connect') {
        const svc = objectOf(get().topo, e.service);
        const pod = objectOf(get().topo, e.pod);
        if (!svc || !pod) continue;
        outcome = await get().edit([{ op: 'connect', service: svc.ref, pod: pod.ref }], `connect ${refText(svc.ref)} to ${refText(pod.ref)}`);
      }
    }
    return outcome;
  };

  return {
    graphMode: START,
    menu: null,
    openMenu: (elementId, x, y) => set({ menu: { elementId, x, y } }),
    closeMenu: () => set({ menu: null }),
    clickElement: (id) => {
      const f = facts(id);
      if (f) void graphEvent({ type: 'click', element: f });
    },
    graphEvent,
    editAndSelect: async (edits: readonly ScenarioEdit[], label: string) => {
      const out = await get().edit(edits, label);
      if (out.ok && out.made) {
        const id = elementOf(out.made);
        if (id && elementById(get().topo).has(id)) set({ graphMode: { kind: 'edit', selected: id }, panel: 'edit' });
      }
      const mode = get().graphMode;
      // What was selected may be gone (removed, renamed by kind's node naming).
      if (mode.kind === 'edit' && mode.selected && !elementById(get().topo).has(mode.selected)) set({ graphMode: { kind: 'edit', selected: null } });
      return out;
    },
  };
}
