// The topology a view draws: every machine, pod, container and device once, built from the
// namespaces' devices alone, so its cost grows with the cluster and not with its square.
import { describe, expect, it, vi } from 'vitest';
import { clusterFrom, KIND_3, pod } from '../testing/build';
import { nodeTopology, topology, topologyOverview } from './topology';
import { searchCluster } from './search';

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

  it('builds the topology of 10,000 nodes', () => {
    const cluster = clusterFrom(nodes(10_000));
    const topo = topology(cluster);
    // Each node: itself and its eth0 (no pods, so no bridge), and the wire to the node network.
    expect(topo.elements.filter((e) => e.kind === 'node')).toHaveLength(10_000);
    expect(topo.links.filter((l) => l.kind === 'wire' && l.source.startsWith('dev:node/'))).toHaveLength(10_000);
  });
});

describe('the overview and the nodes\' insides', () => {
  const yaml = `${KIND_3}${pod('web', 'kind-worker', [['nginx', 80]])}${pod('db', 'kind-worker2', [['pg', 5432]], 'data')}`
    + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  const labelled = yaml.replace('  name: web\n  namespace: default\nspec:', '  name: web\n  namespace: default\n  labels: {app: web}\nspec:');

  it('draws the machines, networks and Services, and counts each node\'s pods without drawing them', () => {
    const c = clusterFrom(labelled);
    const over = topologyOverview(c);
    const kinds = new Set(over.elements.map((e) => e.kind));
    expect(kinds.has('pod') || kinds.has('container')).toBe(false);
    expect(over.elements.some((e) => e.kind === 'device' && e.parent?.startsWith('node:'))).toBe(false);
    const worker = over.elements.find((e) => e.id === 'node:kind-worker')!;
    expect(worker.podCount).toEqual({ total: 1, byNamespace: { default: 1 }, hostNetwork: 0, notReady: 0 });
    expect(over.elements.find((e) => e.id === 'node:kind-worker2')!.podCount?.byNamespace).toEqual({ data: 1 });
    expect(over.elements.some((e) => e.id === 'svc:default/web')).toBe(true);
    // A link to a pod comes with the pod's node, not with the overview.
    expect(over.links.some((l) => l.kind === 'endpoint' && l.target === 'pod:default/web')).toBe(false);
  });

  it('adds up to the whole topology: the overview and every node\'s inside, nothing twice', () => {
    const c = clusterFrom(labelled);
    const whole = topology(c);
    const over = topologyOverview(c);
    const inside = nodeTopology(c, c.nodes.map((n) => n.name));
    const ids = (t: { elements: readonly { id: string }[] }) => t.elements.map((e) => e.id).sort();
    expect([...ids(over), ...ids(inside)].sort()).toEqual(ids(whole));
    const linkIds = [...over.links, ...inside.links].map((l) => l.id).sort();
    expect(linkIds).toEqual(whole.links.map((l) => l.id).sort());
    expect(inside.links.some((l) => l.id.startsWith('endpoint:default/web:') && l.target === 'pod:default/web')).toBe(true);
  });

  it('gives one node\'s inside only: its devices, pods and containers, and the Service links to its pods', () => {
    const c = clusterFrom(labelled);
    const one = nodeTopology(c, ['kind-worker2']);
    expect(one.elements.map((e) => e.name)).toContain('pod data/db');
    expect(one.elements.every((e) => !e.name.includes('default/web') && !e.name.includes('kind-worker '))).toBe(true);
    expect(one.links.some((l) => l.kind === 'endpoint')).toBe(false);
  });
});

describe('searchCluster', () => {
  const c = clusterFrom(`${KIND_3}${pod('web', 'kind-worker', [['nginx', 80]])}${pod('web-2', 'kind-worker2', [['nginx', 80]])}${pod('db', 'kind-worker2', [['pg', 5432]], 'data')}`);

  it('finds a pod by its name, exact matches first, and says which node it runs on', () => {
    const { hits } = searchCluster(c, 'web');
    expect(hits.slice(0, 2).map((h) => h.name)).toEqual(['pod default/web', 'pod default/web-2']);
    expect(hits[0]).toMatchObject({ id: 'pod:default/web', kind: 'pod', node: 'kind-worker' });
  });

  it('finds a pod by its namespace and name, and by its address', () => {
    expect(searchCluster(c, 'data/db').hits[0]?.id).toBe('pod:data/db');
    const ip = c.pod('data/db')!.ip;
    expect(searchCluster(c, ip).hits).toEqual([{ id: 'pod:data/db', kind: 'pod', name: 'pod data/db', matched: ip, node: 'kind-worker2' }]);
  });

  it('finds a Service by its ClusterIP and a node by its address', () => {
    const dns = c.service('kube-system/kube-dns')!;
    expect(searchCluster(c, dns.clusterIP!).hits[0]).toMatchObject({ id: 'svc:kube-system/kube-dns', kind: 'service' });
    expect(searchCluster(c, c.nodes[1]!.ip).hits[0]).toMatchObject({ id: 'node:kind-worker', kind: 'node' });
  });

  it('does not match an address in the middle, counts every match and keeps the best few', () => {
    expect(searchCluster(c, '244.1').hits).toEqual([]);
    const all = searchCluster(c, 'kind', 2);
    expect(all.hits).toHaveLength(2);
    expect(all.total).toBe(3);
    expect(searchCluster(c, '  ').total).toBe(0);
  });
});
