// The cluster layout: every element placed, nothing overlapping, links able to run straight.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../engine';
import { center, contains, type Box } from './geometry';
import { layoutTopology } from './layout';
import { API_NEAR, bigTopology, defaultTopology, HOST_NETWORK_YAML, topologyOf } from './testTopology.fixture';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function siblingsOverlapping(topo: Topology): string[] {
  const { boxes } = layoutTopology(topo);
  const bad: string[] = [];
  const groups = new Map<string, string[]>();
  for (const e of topo.elements) groups.set(e.parent ?? '', [...(groups.get(e.parent ?? '') ?? []), e.id]);
  for (const ids of groups.values()) {
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => { if (overlap(boxes.get(a)!, boxes.get(b)!)) bad.push(`${a} / ${b}`); }));
  }
  return bad;
}

describe('layoutTopology', () => {
  const topo = defaultTopology();
  const { boxes, width, height } = layoutTopology(topo);

  it('places every element of the default scenario', () => {
    expect(topo.elements.filter((e) => !boxes.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('keeps each element\'s centre inside its parent', () => {
    const outside = topo.elements.filter((e) => e.parent && !contains(boxes.get(e.parent)!, center(boxes.get(e.id)!)));
    expect(outside.map((e) => e.id)).toEqual([]);
  });

  it('lets no two elements with the same parent overlap', () => {
    expect(siblingsOverlapping(topo)).toEqual([]);
  });

  it('puts the nodes side by side as columns of equal height, in the topology\'s order', () => {
    const cols = ['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2'].map((id) => boxes.get(id)!);
    expect(new Set(cols.map((c) => c.y)).size).toBe(1);
    expect(new Set(cols.map((c) => c.h)).size).toBe(1);
    expect(cols[0]!.x + cols[0]!.w).toBeLessThan(cols[1]!.x);
    expect(cols[1]!.x + cols[1]!.w).toBeLessThan(cols[2]!.x);
  });

  it('stacks the pods of a node and puts each veth end right under its pod\'s eth0', () => {
    const web = boxes.get('pod:default/web')!;
    const api = boxes.get(`pod:${API_NEAR}`)!;
    expect(web.y + web.h).toBeLessThan(api.y);
    for (const link of topo.links.filter((l) => l.kind === 'veth')) {
      const podEnd = center(boxes.get(link.source)!);
      const rootEnd = boxes.get(link.target)!;
      expect(center(rootEnd).x).toBeCloseTo(podEnd.x);
      expect(rootEnd.y).toBeGreaterThan(podEnd.y);
    }
  });

  it('draws the bridge as an upright bar beside the veth ends it joins', () => {
    const cni0 = boxes.get('dev:node/kind-worker:cni0')!;
    expect(cni0.shape).toBe('bar');
    expect(cni0.h).toBeGreaterThan(cni0.w);
    for (const link of topo.links.filter((l) => l.kind === 'port')) {
      const port = boxes.get(link.source)!;
      const bridge = boxes.get(link.target)!;
      expect(port.x + port.w).toBeLessThanOrEqual(bridge.x);
      expect(center(port).y).toBeGreaterThan(bridge.y);
      expect(center(port).y).toBeLessThan(bridge.y + bridge.h);
    }
  });

  it('lays the node network under every node, wide enough to reach each node\'s eth0 and the gateway', () => {
    const net = boxes.get('seg:kind')!;
    for (const link of topo.links.filter((l) => l.target === 'seg:kind')) {
      const dev = boxes.get(link.source)!;
      expect(center(dev).x).toBeGreaterThan(net.x);
      expect(center(dev).x).toBeLessThan(net.x + net.w);
    }
    expect(net.y).toBeGreaterThan(boxes.get('node:kind-worker')!.y + boxes.get('node:kind-worker')!.h);
    expect(boxes.get('router:gateway')!.y).toBeGreaterThan(net.y + net.h);
  });

  it('puts the internet between the gateway and the outside hosts', () => {
    const gw = boxes.get('router:gateway')!;
    const internet = boxes.get('seg:internet')!;
    const host = boxes.get('host:client')!;
    expect(gw.x + gw.w).toBeLessThan(internet.x);
    expect(internet.x + internet.w).toBeLessThan(host.x);
  });

  it('reports a size that holds every box', () => {
    for (const b of boxes.values()) {
      expect(b.x + b.w).toBeLessThanOrEqual(width);
      expect(b.y + b.h).toBeLessThanOrEqual(height);
    }
  });

  it('gives the same boxes for the same topology', () => {
    expect([...layoutTopology(defaultTopology()).boxes]).toEqual([...boxes]);
  });

  it('places ten nodes of ten pods without overlaps', () => {
    const big = bigTopology();
    const layout = layoutTopology(big);
    expect(big.elements.every((e) => layout.boxes.has(e.id))).toBe(true);
    expect(siblingsOverlapping(big)).toEqual([]);
  });

  it('puts a host-network container inside its node, above the pods, overlapping nothing', () => {
    const withAgent = topologyOf(HOST_NETWORK_YAML);
    const layout = layoutTopology(withAgent);
    const agent = layout.boxes.get('ctr:kube-system/agent/agent')!;
    expect(contains(layout.boxes.get('node:kind-worker')!, center(agent))).toBe(true);
    expect(agent.y + agent.h).toBeLessThan(layout.boxes.get('pod:default/web')!.y);
    expect(siblingsOverlapping(withAgent)).toEqual([]);
  });

  it('places an element kind it does not know in a spare row instead of losing it', () => {
    const odd: Topology = { elements: [{ id: 'x:odd', kind: 'segment', label: 'odd', name: 'odd', details: [] }], links: [] };
    expect(layoutTopology({ elements: [...topo.elements, ...odd.elements], links: topo.links }).boxes.get('x:odd')).toBeDefined();
  });
});
