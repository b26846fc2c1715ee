// The topology a view draws: every machine, pod, container and device once, built from the
// namespaces' devices alone, so its cost grows with the cluster and not with its square.
import { describe, expect, it, vi } from 'vitest';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { topology } from './topology';

/** A kind cluster of `n` nodes (one control plane), no system pods, on a pod subnet that fits them. */
function nodes(n: number): string {
  const list = ['{role: control-plane}', ...Array.from({ length: n - 1 }, () => '{role: worker}')].join(', ');
  return `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${list}]\nnetworking: {podSubnet: 10.0.0.0/8, serviceSubnet: 172.20.0.0/16}\n`
    + '---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n';
}

describe('topology', () => {
  it('draws each node with its interfaces, and each pod with its containers and both ends of its veth pair', () => {
    const topo = topology(clusterFrom(`${KIND_3}${pod('web', 'kind-worker', [['nginx', 80], ['metrics', 9102]])}`));
    const names = topo.elements.map((e) => e.name);
    expect(names).toContain('node kind-worker');
    expect(names).toContain('pod default/web');
    expect(names).toContain('container metrics of pod default/web');
    expect(names).toContain('device eth0 of pod default/web');
    const veth = topo.links.find((l) => l.kind === 'veth' && l.source === 'dev:pod/default/web:eth0');
    expect(veth?.target).toMatch(/^dev:node\/kind-worker:veth[0-9a-f]{8}$/);
  });

  it('builds no namespace\'s routes: a node\'s routes name every other node, so they would grow with the square of the nodes', () => {
    const cluster = clusterFrom(nodes(50));
    const netns = vi.spyOn(cluster, 'netns');
    const topo = topology(cluster);
    expect(netns).not.toHaveBeenCalled();
    expect(topo.elements.filter((e) => e.kind === 'node')).toHaveLength(50);
  });

  it('builds the topology of 10,000 nodes in a few seconds at most', () => {
    const cluster = clusterFrom(nodes(10_000));
    const t0 = performance.now();
    const topo = topology(cluster);
    expect(performance.now() - t0).toBeLessThan(5000);
    // Each node: itself and its eth0 (no pods, so no bridge), and the wire to the node network.
    expect(topo.elements.filter((e) => e.kind === 'node')).toHaveLength(10_000);
    expect(topo.links.filter((l) => l.kind === 'wire' && l.source.startsWith('dev:node/'))).toHaveLength(10_000);
  });
});
