// Flattening a trace into playback steps.
import { describe, expect, it } from 'vitest';
import type { Exchange, Hop, Trace, TraceLeg } from '../engine';
import { stepsOf } from './steps';

const hop = (at: string): Hop => ({
  at, node: 'n', netns: 'root', nsId: 'node/n', device: '', kind: 'route', text: at,
  packet: { srcMac: '', dstMac: '', src: '1.1.1.1', dst: '2.2.2.2', proto: 'tcp', sport: 1, dport: 2, ttl: 64, outer: [], flags: 'SYN', mark: 0 },
});
const leg = (name: string, seq: number, ...ats: string[]): TraceLeg => ({
  name, dir: seq % 2 === 0 ? 'out' : 'back', verdict: 'delivered', hops: ats.map(hop), rulesEvaluated: 0, seq, start: seq, end: seq + 1,
});
const exchange = (id: number, legs: TraceLeg[], parent?: number): Exchange => ({
  id, kind: 'udp', title: `x${id}`, from: 'a', to: 'b', tuple: { src: '1.1.1.1', dst: '2.2.2.2', proto: 'udp', sport: 1, dport: 2 },
  verdict: 'delivered', legs, ...(parent !== undefined ? { parent } : {}),
});
const trace = (exchanges: Exchange[]): Trace => ({ version: 2, run: { kind: 'command', from: 'a', command: 'x' }, seed: 1, exchanges, verdict: 'delivered' });

describe('stepsOf', () => {
  it('is empty without a trace', () => {
    expect(stepsOf(null)).toEqual([]);
  });

  it('puts the answer after the request and links each hop to the previous one of its leg only', () => {
    const steps = stepsOf(trace([exchange(0, [leg('SYN', 0, 'a', 'b'), leg('SYN ACK', 1, 'c')])]));
    expect(steps.map((s) => `${s.leg}:${s.index}:${s.hop.at}:${s.prev?.at ?? '-'}`)).toEqual(['SYN:0:a:-', 'SYN:1:b:a', 'SYN ACK:0:c:-']);
    expect(steps.map((s) => s.opening)).toEqual([true, true, false]);
  });

  it('plays a nested exchange between its parent query and the parent answer, in time order', () => {
    const parent = exchange(0, [leg('DNS query', 0, 'q'), leg('DNS answer', 3, 'a')]);
    const child = exchange(1, [leg('DNS query', 1, 'fq'), leg('DNS answer', 2, 'fa')], 0);
    const steps = stepsOf(trace([parent, child]));
    expect(steps.map((s) => `${s.exchange}:${s.hop.at}`)).toEqual(['0:q', '1:fq', '1:fa', '0:a']);
  });
});
