import { describe, expect, it } from 'vitest';
import { addAddon } from './edit-addons';
import { parseScenario } from './parse';

const settingsOf = (text: string) => {
  const p = parseScenario(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario.settings;
};

describe('adding an addon to the scenario text', () => {
  it('writes spec.addons into the Podpath document, keeping comments', () => {
    const text = '# my lab\napiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n---\n# settings\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  seed: 3\n';
    const out = addAddon(text, 'ingress-nginx');
    expect(out).toContain('# my lab');
    expect(out).toContain('# settings');
    expect(settingsOf(out)).toMatchObject({ seed: 3, addons: ['ingress-nginx'] });
    expect(settingsOf(addAddon(out, 'envoy-gateway')).addons).toEqual(['ingress-nginx', 'envoy-gateway']);
    expect(addAddon(out, 'ingress-nginx')).toBe(out);
  });

  it('adds a Podpath document after the Cluster document when there is none', () => {
    const text = 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n';
    const out = addAddon(text, 'ingress-nginx');
    expect(out.indexOf('kind: Podpath')).toBeGreaterThan(out.indexOf('kind: Cluster'));
    expect(out.indexOf('kind: Podpath')).toBeLessThan(out.indexOf('kind: Namespace'));
    expect(settingsOf(out).addons).toEqual(['ingress-nginx']);
    expect(settingsOf(addAddon('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', 'envoy-gateway')).addons).toEqual(['envoy-gateway']);
    expect(settingsOf(addAddon('', 'envoy-gateway')).addons).toEqual(['envoy-gateway']);
  });
});
