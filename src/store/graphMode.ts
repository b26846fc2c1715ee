// What a click on the graph means: the graph's modes as one small state machine, pure.
//   pick-source ──click a sender──▶ pick-destination ──click anything that receives──▶ pick-source
//   (a Service or load balancer clicked first becomes the destination; the mode waits for a source)
//   pick-* ──toggle──▶ edit(selected) ──toggle──▶ pick-source
//   edit ──click──▶ edit(that element)         edit(Service) ──connect──▶ connect(Service)
//   connect ──click a pod──▶ edit(Service), effect: connect     connect ──escape──▶ edit
// transition() returns the next mode and what the store should do (pick an endpoint, select
// an element for the inspector, draw the Service-to-pod link as an edit).
import type { TopoKind } from '../engine';

export type GraphMode =
  | { readonly kind: 'pick-source' }
  | { readonly kind: 'pick-destination' }
  | { readonly kind: 'edit'; readonly selected: string | null }
  | { readonly kind: 'connect'; readonly service: string };

/** What the machine needs to know of a clicked element. */
export interface ElementFacts {
  readonly id: string;
  readonly kind: TopoKind;
  /** Can be a source or destination of a send. */
  readonly endpoint: boolean;
  /** A Service or load balancer: only ever a destination. */
  readonly receiveOnly: boolean;
}

export type ModeEvent =
  | { readonly type: 'click'; readonly element: ElementFacts }
  | { readonly type: 'toggle-edit' }
  | { readonly type: 'connect'; readonly service: string }
  | { readonly type: 'escape' }
  /** The selection was cleared or swapped outside the graph: the next click picks a source again. */
  | { readonly type: 'selection'; readonly hasSource: boolean; readonly hasDestination: boolean };

export type ModeEffect =
  | { readonly type: 'pick'; readonly id: string }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'connect'; readonly service: string; readonly pod: string };

export interface Transition {
  readonly mode: GraphMode;
  readonly effects: readonly ModeEffect[];
}

export const START: GraphMode = { kind: 'pick-source' };

const stay = (mode: GraphMode): Transition => ({ mode, effects: [] });

/** Elements the inspector can edit: the objects of a scenario, not devices or networks. */
export const EDITABLE = new Set<TopoKind>(['node', 'pod', 'container', 'service']);

export function transition(mode: GraphMode, event: ModeEvent): Transition {
  switch (event.type) {
    case 'toggle-edit':
      return mode.kind === 'edit' || mode.kind === 'connect' ? { mode: START, effects: [{ type: 'select', id: null }] } : stay({ kind: 'edit', selected: null });
    case 'escape':
      if (mode.kind === 'connect') return { mode: { kind: 'edit', selected: mode.service }, effects: [] };
      if (mode.kind === 'edit') return { mode: { kind: 'edit', selected: null }, effects: [{ type: 'select', id: null }] };
      return stay(mode);
    case 'connect':
      return mode.kind === 'edit' || mode.kind === 'connect' ? stay({ kind: 'connect', service: event.service }) : stay(mode);
    case 'selection':
      if (mode.kind !== 'pick-source' && mode.kind !== 'pick-destination') return stay(mode);
      return stay(event.hasSource && !event.hasDestination ? { kind: 'pick-destination' } : START);
    case 'click': {
      const el = event.element;
      switch (mode.kind) {
        case 'pick-source':
          if (!el.endpoint) return stay(mode);
          // A Service is a destination: it waits there while the learner picks the source.
          return { mode: el.receiveOnly ? mode : { kind: 'pick-destination' }, effects: [{ type: 'pick', id: el.id }] };
        case 'pick-destination':
          if (!el.endpoint) return stay(mode);
          return { mode: START, effects: [{ type: 'pick', id: el.id }] };
        case 'edit': {
          const id = EDITABLE.has(el.kind) ? el.id : null;
          return { mode: { kind: 'edit', selected: id }, effects: [{ type: 'select', id }] };
        }
        case 'connect':
          if (el.kind !== 'pod' && el.kind !== 'container') return stay(mode);
          return { mode: { kind: 'edit', selected: mode.service }, effects: [{ type: 'connect', service: mode.service, pod: el.id }] };
      }
    }
  }
}
