// Finding a saved or shared hop again: by exchange, leg and hop index, with the hop's place
// and kind winning when an engine change moved it.
import { describe, expect, it } from 'vitest';
import type { Hop, HopKind } from '../engine';
import { hopRefOf, stepIndexOf } from './position';
import type { Step } from './steps';

const step = (exchange: number, legIndex: number, index: number, at: string, kind: HopKind = 'route'): Step => ({
  exchange, legIndex, index, leg: 'SYN', dir: 'out', opening: legIndex === 0,
  hop: { at, kind, node: 'n', netns: 'root', nsId: 'node/n', device: '', text: '', packet: {} as Hop['packet'] },
});
const steps = [step(0, 0, 0, 'a'), step(0, 0, 1, 'b', 'nat'), step(0, 0, 2, 'c'), step(0, 1, 0, 'c'), step(0, 1, 1, 'a', 'deliver'), step(1, 0, 0, 'x')];

describe('finding a hop again', () => {
  it('finds the hop it was made from', () => {
    steps.forEach((s, i) => expect(stepIndexOf(steps, hopRefOf(s))).toBe(i));
  });

  it('follows the hop\'s place and kind when a hop was added before it', () => {
    const moved = [step(0, 0, 0, 'a'), step(0, 0, 1, 'new'), step(0, 0, 2, 'b', 'nat'), step(0, 0, 3, 'c')];
    expect(stepIndexOf(moved, { exchange: 0, leg: 0, hop: 1, where: 'b', kind: 'nat' })).toBe(2);
  });

  it('takes the leg\'s last hop for an index past its end, the exchange\'s first without the leg, else the first', () => {
    expect(stepIndexOf(steps, { exchange: 0, leg: 1, hop: 9 })).toBe(4);
    expect(stepIndexOf(steps, { exchange: 1, leg: 3, hop: 0 })).toBe(5);
    expect(stepIndexOf(steps, { exchange: 7, leg: 0, hop: 0 })).toBe(0);
    expect(stepIndexOf([], { exchange: 0, leg: 0, hop: 0 })).toBe(0);
  });
});
