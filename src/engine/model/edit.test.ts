import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setCni, setProxyMode } from './edit';
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

describe('setCni', () => {
  it('changes spec.cni in the Podpath document and keeps comments and the other documents', () => {
    const text = readFileSync('src/scenarios/default.yaml', 'utf8');
    const out = setCni(text, 'flannel');
    expect(out).toContain("# podpath's default scenario");
    expect(out).toContain('  cni: flannel');
    expect(out.replace('\n  cni: flannel', '')).toBe(text);
    const p = parseScenario(out);
    expect(p.ok && p.scenario.settings.cni).toBe('flannel');
  });

  it('adds a Podpath document when the scenario has none', () => {
    const out = setCni('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', 'calico');
    const p = parseScenario(out);
    expect(p.ok && p.scenario.settings.cni).toBe('calico');
    expect(p.ok && p.scenario.settings.cniConfig).toMatchObject({ name: 'calico', pools: [{ ipipMode: 'Always', natOutgoing: true, blockSize: 26 }] });
  });
});
