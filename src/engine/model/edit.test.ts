import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setProxyMode } from './edit';
import { parseScenario } from './parse';

describe('setProxyMode', () => {
  it('changes the mode in the Cluster document and keeps comments and the other documents', () => {
    const text = readFileSync('src/scenarios/default.yaml', 'utf8');
    const out = setProxyMode(text, 'ipvs');
    expect(out).toContain('# podpath\'s default scenario');
    expect(out).toContain('kubeProxyMode: ipvs');
    const p = parseScenario(out);
    expect(p.ok && p.scenario.cluster.kubeProxyMode).toBe('ipvs');
    expect(p.ok && p.scenario.pods.length).toBe(parseScenario(text).ok ? 5 : -1);
  });

  it('adds a Cluster document when the scenario has none, keeping kind\'s one-node default', () => {
    const out = setProxyMode('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', 'nftables');
    const p = parseScenario(out);
    expect(p.ok && p.scenario.cluster.kubeProxyMode).toBe('nftables');
    expect(p.ok && p.scenario.cluster.nodes.length).toBe(1);
  });
});
