// fast-check generators of what a link carries, for the codec's property tests: scenario
// texts (any Unicode, YAML-looking or not), seeds, sends and shell commands, hops, panels.
import fc from 'fast-check';
import type { TraceRun } from '../engine';
import { LINK_PANELS, type LinkAt, type LinkState } from './types';

const name = fc.stringMatching(/^[a-z0-9][a-z0-9/:.-]{0,40}$/);

export const runArb: fc.Arbitrary<TraceRun> = fc.oneof(
  fc.record({
    kind: fc.constant('send' as const), from: name, to: name, proto: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
    port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }), container: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), { nil: undefined }),
  }, { requiredKeys: ['kind', 'from', 'to', 'proto'] }),
  fc.record({
    kind: fc.constant('command' as const), from: name, command: fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
    container: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), { nil: undefined }),
  }, { requiredKeys: ['kind', 'from', 'command'] }),
);

const atArb: fc.Arbitrary<LinkAt> = fc.record({
  exchange: fc.nat({ max: 50 }), leg: fc.nat({ max: 8 }), hop: fc.nat({ max: 400 }),
  where: fc.option(name, { nil: undefined }), kind: fc.option(fc.constantFrom('route', 'nat', 'netfilter', 'deliver'), { nil: undefined }),
}, { requiredKeys: ['exchange', 'leg', 'hop'] });

const scenarioArb = fc.oneof(
  fc.string({ maxLength: 2000, unit: 'grapheme' }),
  fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.string({ maxLength: 30 })), { maxLength: 30 }).map((kv) => kv.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')),
);

/** A state as the app makes it: a run only with a hop selected in it. */
export const linkStateArb: fc.Arbitrary<LinkState> = fc.record({
  scenario: scenarioArb,
  seed: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
  run: fc.option(runArb, { nil: undefined }),
  at: fc.option(atArb, { nil: undefined }),
  panel: fc.option(fc.constantFrom(...LINK_PANELS), { nil: undefined }),
}, { requiredKeys: ['scenario'] }).map((s) => (s.run ? s : { ...s, at: undefined }));

/** Drops undefined fields, as JSON does. */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
