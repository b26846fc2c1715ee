import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setProxyMode } from './edit';
import { parseScenario } from './parse';

describe('setProxyMode', () => {
  it('changes the mode in the Cluster document and keeps comments and the other documents', () => {
    const text = readFileSync('src/cli/fixtures/three-pods.yaml', 'utf8');
    const out = setProxyMode(text, 'ipvs');
    expect(out).toContain('# CLI test fixture');
    expect(out).toContain('kubeProxyMode: ipvs');
    expect(out.replace('kubeProxyMode: ipvs', 'kubeProxyMode: iptables')).toBe(text);
    const p = parseScenario(out);
    expect(p.ok && p.scenario.cluster.kubeProxyMode).toBe('ipvs');
  });

  it('adds a Cluster document when the scenario has none, keeping kind\'s one-node default', () => {
    const out = setProxyMode('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', 'nftables');
    const p = parseScenario(out);
    expect(p.ok && p.scenario.cluster.kubeProxyMode).toBe('nftables');
    expect(p.ok && p.scenario.cluster.nodes.length).toBe(1);
  });
});
