// The graph's modes: picking a source then a destination, editing (select what is clicked),
// and connecting a Service to a pod, as a pure state machine.
import { describe, expect, it } from 'vitest';
import { START, transition, type ElementFacts, type GraphMode, type ModeEvent } from './graphMode';

const pod: ElementFacts = { id: 'pod:default/web', kind: 'pod', endpoint: true, receiveOnly: false };
const other: ElementFacts = { id: 'pod:default/cache', kind: 'pod', endpoint: true, receiveOnly: false };
const svc: ElementFacts = { id: 'svc:default/api', kind: 'service', endpoint: true, receiveOnly: true };
const bridge: ElementFacts = { id: 'dev:node/kind-worker:cni0', kind: 'device', endpoint: false, receiveOnly: false };
const click = (element: ElementFacts): ModeEvent => ({ type: 'click', element });

function run(events: readonly ModeEvent[], from: GraphMode = START) {
  let mode = from;
  const effects = [];
  for (const e of events) {
    const t = transition(mode, e);
    mode = t.mode;
    effects.push(...t.effects);
  }
  return { mode, effects };
}

describe('the graph\'s modes', () => {
  it('picks a source, then a destination, then starts over', () => {
    expect(run([click(pod)])).toEqual({ mode: { kind: 'pick-destination' }, effects: [{ type: 'pick', id: pod.id }] });
    expect(run([click(pod), click(other)]).mode).toEqual(START);
    expect(run([click(pod), click(other)]).effects.map((e) => e.type)).toEqual(['pick', 'pick']);
  });

  it('keeps waiting for a source when a Service is clicked first, and ignores what cannot send or receive', () => {
    expect(run([click(svc)])).toEqual({ mode: START, effects: [{ type: 'pick', id: svc.id }] });
    expect(run([click(bridge)])).toEqual({ mode: START, effects: [] });
    expect(run([click(pod), click(bridge)]).mode).toEqual({ kind: 'pick-destination' });
  });

  it('follows a selection changed outside the graph', () => {
    expect(transition({ kind: 'pick-destination' }, { type: 'selection', hasSource: false, hasDestination: false }).mode).toEqual(START);
    expect(transition(START, { type: 'selection', hasSource: true, hasDestination: false }).mode).toEqual({ kind: 'pick-destination' });
    expect(transition({ kind: 'edit', selected: 'x' }, { type: 'selection', hasSource: false, hasDestination: false }).mode).toEqual({ kind: 'edit', selected: 'x' });
  });

  it('selects what is clicked in edit mode, never a device, and Escape clears it', () => {
    const edit = run([{ type: 'toggle-edit' }, click(pod)]);
    expect(edit).toEqual({ mode: { kind: 'edit', selected: pod.id }, effects: [{ type: 'select', id: pod.id }] });
    expect(run([click(bridge)], edit.mode)).toEqual({ mode: { kind: 'edit', selected: null }, effects: [{ type: 'select', id: null }] });
    expect(run([{ type: 'escape' }], edit.mode).mode).toEqual({ kind: 'edit', selected: null });
    expect(run([{ type: 'toggle-edit' }], edit.mode)).toEqual({ mode: START, effects: [{ type: 'select', id: null }] });
  });

  it('connects a Service to the pod clicked next, and Escape leaves the Service selected', () => {
    const connecting = run([{ type: 'toggle-edit' }, click(svc), { type: 'connect', service: svc.id }]);
    expect(connecting.mode).toEqual({ kind: 'connect', service: svc.id });
    expect(run([click(bridge)], connecting.mode).mode).toEqual(connecting.mode);
    expect(run([click(other)], connecting.mode)).toEqual({ mode: { kind: 'edit', selected: svc.id }, effects: [{ type: 'connect', service: svc.id, pod: other.id }] });
    expect(run([{ type: 'escape' }], connecting.mode).mode).toEqual({ kind: 'edit', selected: svc.id });
    // Connecting starts only from edit mode.
    expect(transition(START, { type: 'connect', service: svc.id }).mode).toEqual(START);
  });
});
