// The share link codec: what goes in comes out (fast-check, pinned seeds), whatever a
// fragment holds decode() answers without throwing, a damaged field is repaired by dropping
// it and saying so, and the default scenario's link stays under 2,000 characters.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { base64urlnopad } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { linkStateArb, plain } from './arbitraries';
import { decodeLink, encodeLink } from './codec';
import { LINK_VERSION } from './types';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const pack = (json: unknown) => `v1.${base64urlnopad.encode(deflateSync(strToU8(JSON.stringify(json))))}`;

describe('the share link codec', () => {
  it('gives back what it was given, for random scenarios, seeds, sends, commands and hops', () => {
    fc.assert(fc.property(linkStateArb, (state) => {
      const link = encodeLink(state);
      expect(link).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
      const back = decodeLink(`#${link}`);
      expect(back).toEqual({ ok: true, state: plain(state), repairs: [], version: LINK_VERSION });
    }), { seed: 1122, numRuns: 300 });
  });

  it('answers any fragment without throwing', () => {
    const fragment = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 300, unit: 'binary' }).map((s) => `#v1.${s}`),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/).map((s) => `v1.${s}`),
      fc.stringMatching(/^v\d{1,8}\.[A-Za-z0-9_-]{0,40}$/),
    );
    fc.assert(fc.property(fragment, (f) => {
      const out = decodeLink(f);
      expect(typeof out.ok).toBe('boolean');
      if (!out.ok) expect(out.error.length).toBeGreaterThan(0);
    }), { seed: 2211, numRuns: 1000 });
  });

  it('answers every mutation of a real link without throwing: a changed, lost or added character, a cut', () => {
    const link = `#${encodeLink({ scenario: DEFAULT, seed: 7, run: { kind: 'send', from: 'default/web', to: 'svc:default/api', proto: 'tcp', port: 80 }, at: { exchange: 0, leg: 0, hop: 5 }, panel: 'trace' })}`;
    const mutation = fc.record({ at: fc.nat({ max: link.length - 1 }), op: fc.constantFrom('change', 'drop', 'insert', 'cut'), ch: fc.constantFrom(...'AZaz09-_.#%= ') });
    fc.assert(fc.property(mutation, ({ at, op, ch }) => {
      const broken = op === 'change' ? link.slice(0, at) + ch + link.slice(at + 1)
        : op === 'drop' ? link.slice(0, at) + link.slice(at + 1)
          : op === 'insert' ? link.slice(0, at) + ch + link.slice(at) : link.slice(0, at);
      const out = decodeLink(broken);
      if (out.ok) expect(typeof out.state.scenario).toBe('string');
      else expect(out.error).toMatch(/podpath link|damaged|version|newer/);
    }), { seed: 3344, numRuns: 600 });
  });

  it('keeps the default scenario\'s link, with a send and a hop, under 2,000 characters', () => {
    const link = encodeLink({ scenario: DEFAULT, seed: 7, run: { kind: 'send', from: 'default/web', to: 'svc:default/api', proto: 'tcp', port: 80 }, at: { exchange: 0, leg: 0, hop: 9, where: 'dev:node/kind-worker:eth0', kind: 'nat' }, panel: 'tables' });
    expect(`https://podpath.dev/#${link}`.length).toBeLessThan(2000);
  });

  it('opens what it can of a damaged payload, and names what it left out', () => {
    const out = decodeLink(pack({ scenario: 'kind: Cluster\n', seed: -4, run: { kind: 'send', from: 'a' }, at: { exchange: 0, leg: 0, hop: 2 }, panel: 'graph' }));
    expect(out).toEqual({
      ok: true, version: 1, state: { scenario: 'kind: Cluster\n' }, repairs: [
        'its seed was not a whole number from 0 to 2147483647, so the scenario\'s own seed is used',
        'what it ran could not be read, so nothing is sent',
        'its selected hop could not be read, so the first hop is selected',
        'its panel is not one podpath has, so the trace is shown',
      ],
    });
  });

  it('says why it cannot open a link without a scenario, from a newer podpath, or not a link at all', () => {
    expect(decodeLink(pack({ seed: 1 }))).toEqual({ ok: false, error: 'the link is damaged: the link holds no scenario' });
    expect(decodeLink(pack('just text'))).toEqual({ ok: false, error: 'the link is damaged: the link holds no podpath state' });
    expect(decodeLink('#v9.abc')).toMatchObject({ ok: false, error: expect.stringContaining('newer podpath') });
    expect(decodeLink('#section-2')).toMatchObject({ ok: false, error: expect.stringContaining('not a podpath link') });
    expect(decodeLink('#v1.@@@')).toMatchObject({ ok: false });
    expect(decodeLink('#v1.AAAA')).toMatchObject({ ok: false, error: expect.stringContaining('damaged') });
  });

  it('refuses a payload that unpacks to more than 4 MB', () => {
    const bomb = `v1.${base64urlnopad.encode(deflateSync(new Uint8Array(5 * 1024 * 1024).fill(32), { level: 9 }))}`;
    expect(decodeLink(bomb)).toMatchObject({ ok: false, error: expect.stringContaining('more than 4 MB') });
  });
});
