// Edits of the cluster: nodes in the kind Cluster document (kind names them by their place,
// so pins and route edits follow a removal), kube-proxy's mode, the CNI, the seed and the
// graph positions in the Podpath document; comments and other documents kept.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { changedDocs, edited, refused, scenarioOf } from './testing';

const DEFAULT = readFileSync('src/scenarios/default.yaml', 'utf8');
const FIXTURE = readFileSync('src/cli/fixtures/three-pods.yaml', 'utf8');
const nodes = (text: string) => scenarioOf(text).cluster.nodes.map((n) => n.name);

describe('nodes', () => {
  it('adds a worker and names it as kind would', () => {
    const out = edited(DEFAULT, { op: 'add', object: { kind: 'Node', role: 'worker' } });
    expect(nodes(out.text)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(out.made).toEqual({ kind: 'Node', name: 'kind-worker3' });
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Cluster']);
  });

  it('adds a Cluster document, with kind\'s default control plane, when there is none', () => {
    const out = edited('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', { op: 'add', object: { kind: 'Node', role: 'worker' } });
    expect(nodes(out.text)).toEqual(['kind-control-plane', 'kind-worker']);
  });

  it('removes a node: the pods pinned to it are placed again, and the later workers take its name', () => {
    const out = edited(DEFAULT, { op: 'remove', target: { kind: 'Node', name: 'kind-worker' } });
    expect(nodes(out.text)).toEqual(['kind-control-plane', 'kind-worker']);
    const s = scenarioOf(out.text);
    expect(s.pods.find((p) => p.name === 'web')!.nodeName).toBeUndefined();
    // cache was pinned to kind-worker2, which is now called kind-worker.
    expect(s.pods.find((p) => p.name === 'cache')!.nodeName).toBe('kind-worker');
    expect(out.notes).toEqual([
      'kind names nodes by their place in the list: kind-worker2 is now kind-worker',
      'Pod web was pinned to kind-worker; the scheduler places it again',
    ]);
  });

  it('refuses to remove the last control plane, and to rename a kind node', () => {
    expect(refused(DEFAULT, { op: 'remove', target: { kind: 'Node', name: 'kind-control-plane' } })).toMatch(/needs a control-plane node/);
    expect(refused(DEFAULT, { op: 'rename', target: { kind: 'Node', name: 'kind-worker' }, to: 'a' })).toMatch(/kind names its nodes/);
  });

  it('renames a Node document, and what pins to it', () => {
    const text = `apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {node-role.kubernetes.io/control-plane: ""}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: n2}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeName: n2\n  containers: [{name: c}]\n`;
    const out = edited(text, { op: 'rename', target: { kind: 'Node', name: 'n2' }, to: 'n3' });
    expect(out.text).toContain('nodeName: n3');
    expect(out.text).toContain('name: n3');
  });
});

describe('cluster settings', () => {
  it('switches kube-proxy\'s mode, changing only that line of the text', () => {
    const out = edited(FIXTURE, { op: 'setProxyMode', mode: 'ipvs' });
    expect(out.text).toContain('# CLI test fixture');
    expect(out.text.replace('kubeProxyMode: ipvs', 'kubeProxyMode: iptables')).toBe(FIXTURE);
    expect(scenarioOf(out.text).cluster.kubeProxyMode).toBe('ipvs');
  });

  it('adds a Cluster document for the mode when there is none, keeping kind\'s one-node default', () => {
    const out = edited('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', { op: 'setProxyMode', mode: 'nftables' });
    const s = scenarioOf(out.text);
    expect(s.cluster.kubeProxyMode).toBe('nftables');
    expect(s.cluster.nodes).toHaveLength(1);
  });

  it('sets the CNI and the seed in the Podpath document, making one after the Cluster document when needed', () => {
    const out = edited(FIXTURE, { op: 'setCni', cni: 'bridge' }, { op: 'setSeed', seed: 42 });
    const s = scenarioOf(out.text);
    expect(s.settings).toMatchObject({ cni: 'bridge', seed: 42 });
    expect(out.text.indexOf('kind: Podpath')).toBeGreaterThan(out.text.indexOf('kind: Cluster'));
    expect(refused(FIXTURE, { op: 'setSeed', seed: -1 })).toMatch(/whole number/);
  });

  it('switches the CNI in spec.cni and changes nothing else, comments kept', () => {
    const out = edited(DEFAULT, { op: 'setCni', cni: 'flannel' });
    expect(out.text).toContain("# podpath's default scenario");
    expect(out.text).toContain('  cni: flannel');
    expect(out.text.replace('\n  cni: flannel', '')).toBe(DEFAULT);
    expect(scenarioOf(out.text).settings.cni).toBe('flannel');
    expect(changedDocs(DEFAULT, out.text)).toEqual(['Podpath']);
  });

  it('gives a scenario switched to Calico the default IPPool (IPIP Always, /26 blocks, natOutgoing)', () => {
    const out = edited('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n', { op: 'setCni', cni: 'calico' });
    const s = scenarioOf(out.text);
    expect(s.settings.cni).toBe('calico');
    expect(s.settings.cniConfig).toMatchObject({ name: 'calico', pools: [{ ipipMode: 'Always', natOutgoing: true, blockSize: 26 }] });
  });

  it('keeps graph positions in the Podpath document, and forgets one given null', () => {
    const out = edited(DEFAULT, { op: 'setPositions', positions: { 'pod:default/web': { x: 10.4, y: -20 }, 'node:kind-worker': { x: 0, y: 0 } } });
    expect(scenarioOf(out.text).settings.layout).toEqual({ 'pod:default/web': { x: 10, y: -20 }, 'node:kind-worker': { x: 0, y: 0 } });
    const back = edited(out.text, { op: 'setPositions', positions: { 'pod:default/web': null, 'node:kind-worker': null } });
    expect(scenarioOf(back.text).settings.layout).toEqual({});
    expect(back.text).toBe(DEFAULT);
  });

  it('refuses to edit a scenario with a YAML error', () => {
    expect(refused('kind: Cluster\nnodes: [', { op: 'setSeed', seed: 1 })).toMatch(/YAML error/);
  });
});
