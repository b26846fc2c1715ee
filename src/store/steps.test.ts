// Flattening a trace into playback steps.
import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '../engine';
import { stepsOf } from './steps';

const hop = (at: string): Hop => ({
  at, node: 'n', netns: 'root', device: '', kind: 'route', text: at,
  packet: { srcMac: '', dstMac: '', src: '1.1.1.1', dst: '2.2.2.2', proto: 'tcp', sport: 1, dport: 2, ttl: 64, outer: [], flags: 'SYN', mark: 0 },
});
const send = { from: 'a', to: 'b', src: '1.1.1.1', dst: '2.2.2.2', proto: 'tcp', sport: 1, dport: 2, seed: 1 } as const;

describe('stepsOf', () => {
  it('is empty without a trace', () => {
    expect(stepsOf(null)).toEqual([]);
  });

  it('puts the reply after the request and links each hop to the previous one of its leg only', () => {
    const trace: Trace = { verdict: 'delivered', hops: [hop('a'), hop('b')], rulesEvaluated: 0, reply: { verdict: 'delivered', hops: [hop('c')], rulesEvaluated: 0 }, send };
    const steps = stepsOf(trace);
    expect(steps.map((s) => `${s.leg}:${s.index}:${s.hop.at}:${s.prev?.at ?? '-'}`)).toEqual([
      'request:0:a:-', 'request:1:b:a', 'reply:0:c:-',
    ]);
  });
});
