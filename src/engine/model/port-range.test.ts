import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { DEFAULT_NODE_PORT_RANGE, parsePortRange, portRangeContains, portRangeText } from './port-range';

const settings = (range: string) => `apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  systemPods: false\n  serviceNodePortRange: ${JSON.stringify(range)}\n`;

describe('parsePortRange (kube-apiserver --service-node-port-range, utilnet.PortRange.Set)', () => {
  it.each([
    ['30000-32767', { base: 30000, size: 2768 }],
    ['3000-32767', { base: 3000, size: 29768 }],
    ['30000+2767', { base: 30000, size: 2768 }],
    ['8080', { base: 8080, size: 1 }],
    ['  3000-3009 ', { base: 3000, size: 10 }],
    ['', DEFAULT_NODE_PORT_RANGE],
  ])('reads "%s" as ports base..base+size-1', (text, range) => {
    expect(parsePortRange(text)).toEqual({ ok: true, range });
  });

  it.each([
    ['3000-', 'strconv.Atoi: parsing "": invalid syntax'],
    ['a-b', 'strconv.Atoi: parsing "a": invalid syntax'],
    ['3000-3100+5', 'unable to parse port range: 3000-3100+5'],
    ['30000-70000', 'the port range cannot be greater than 65535: 30000-70000'],
    ['60000+6000', 'the port range cannot be greater than 65535: 60000+6000'],
    ['32767-30000', 'end port cannot be less than start port: 32767-30000'],
  ])('refuses "%s" with the flag parser\'s reason', (text, message) => {
    expect(parsePortRange(text)).toEqual({ ok: false, message });
  });

  it('prints a range the way PortRange.String does and knows its ends', () => {
    const r = { base: 3000, size: 29768 };
    expect(portRangeText(r)).toBe('3000-32767');
    expect([2999, 3000, 32767, 32768].map((p) => portRangeContains(r, p))).toEqual([false, true, true, false]);
  });
});

describe('the Podpath serviceNodePortRange setting', () => {
  it('defaults to 30000-32767 and takes the range a scenario gives', () => {
    const none = parseScenario('');
    const some = parseScenario(settings('3000-32767'));
    if (!none.ok || !some.ok) throw new Error('parse');
    expect(none.scenario.settings.serviceNodePortRange).toEqual({ base: 30000, size: 2768 });
    expect(some.scenario.settings.serviceNodePortRange).toEqual({ base: 3000, size: 29768 });
  });

  it('rejects a range kube-apiserver could not start with, at its field and line', () => {
    const r = parseScenario(settings('32767-30000'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({
        object: 'Podpath', field: 'spec.serviceNodePortRange', line: 5,
        message: expect.stringContaining('end port cannot be less than start port: 32767-30000'),
      });
    }
  });
});
