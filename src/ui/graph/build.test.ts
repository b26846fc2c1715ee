// React Flow nodes and edges from the topology: parents first, positions relative to them,
// accessible names kept, marks where the learner needs them.
import { describe, expect, it } from 'vitest';
import { buildEdges, buildNodes, NO_MARKS } from './build';
import { layoutTopology } from './layout';
import { API_FAR, defaultTopology } from './testTopology.fixture';

const topo = defaultTopology();
const layout = layoutTopology(topo);

describe('buildNodes', () => {
  const nodes = buildNodes(topo, layout, NO_MARKS);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  it('makes one node per element, each parent before its children', () => {
    expect(nodes).toHaveLength(topo.elements.length);
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
  });

  it('nests containers in pods and pods in nodes, positioned relative to the parent', () => {
    const web = byId.get('pod:default/web')!;
    const nginx = byId.get('ctr:default/web/nginx')!;
    expect(web.parentId).toBe('node:kind-worker');
    expect(nginx.parentId).toBe('pod:default/web');
    const abs = layout.boxes.get('ctr:default/web/nginx')!;
    const parent = layout.boxes.get('pod:default/web')!;
    expect(nginx.position).toEqual({ x: abs.x - parent.x, y: abs.y - parent.y });
  });

  it('keeps segments, which have no parent, at absolute positions', () => {
    const net = byId.get('seg:kind')!;
    expect(net.parentId).toBeUndefined();
    expect(net.position).toEqual({ x: layout.boxes.get('seg:kind')!.x, y: layout.boxes.get('seg:kind')!.y });
  });

  it('chooses a component per kind and lets only endpoints be picked', () => {
    expect(['node:kind-worker', 'pod:default/web', 'ctr:default/web/nginx', 'dev:pod/default/web:eth0', 'dev:node/kind-worker:cni0', 'seg:kind', 'router:gateway']
      .map((id) => `${byId.get(id)!.type}:${byId.get(id)!.data.pickable}`))
      .toEqual(['machine:true', 'pod:true', 'container:true', 'device:false', 'bar:false', 'bar:false', 'machine:false']);
  });

  it('marks the source, the destination, the sending container and the packet\'s element', () => {
    const marked = buildNodes(topo, layout, {
      ...NO_MARKS, sourceId: 'pod:default/web', sendingId: 'ctr:default/web/metrics', destinationId: `pod:${API_FAR}`,
      currentId: 'dev:node/kind-worker:cni0', visited: new Set(['dev:node/kind-worker:cni0']),
    });
    const m = new Map(marked.map((n) => [n.id, n.data]));
    expect(m.get('pod:default/web')!.role).toBe('source');
    expect(m.get(`pod:${API_FAR}`)!.role).toBe('destination');
    expect(m.get('ctr:default/web/metrics')!.sending).toBe(true);
    expect(m.get('dev:node/kind-worker:cni0')).toMatchObject({ current: true, visited: true });
    expect(m.get('pod:default/cache')).toMatchObject({ role: undefined, current: false, visited: false });
  });

  it('draws Services and load balancers with the service component, pickable as destinations', () => {
    for (const id of ['svc:default/api', 'svc:kube-system/kube-dns', 'lb:default/api-public']) {
      expect(byId.get(id)).toMatchObject({ type: 'service', data: { pickable: true } });
      expect(byId.get(id)!.parentId).toBeUndefined();
    }
  });

  it('marks an element that is both ends of a send', () => {
    const marked = buildNodes(topo, layout, { ...NO_MARKS, sourceId: 'pod:default/web', destinationId: 'pod:default/web' });
    expect(marked.find((n) => n.id === 'pod:default/web')!.data.role).toBe('both');
  });
});

describe('buildNodes in edit mode', () => {
  const nodes = buildNodes(topo, layout, { ...NO_MARKS, editing: true });
  it('holds a dragged pod inside its node, but not a box drawn across its parent\'s edge', () => {
    const pod = nodes.find((n) => n.data.el.kind === 'pod' && n.parentId !== undefined)!;
    expect(pod.draggable).toBe(true);
    expect(pod.extent).toBe('parent');
    const across = nodes.filter((n) => {
      const box = layout.boxes.get(n.id)!;
      const parent = n.parentId ? layout.boxes.get(n.parentId) : undefined;
      return parent && (box.x < parent.x || box.y < parent.y || box.x + box.w > parent.x + parent.w || box.y + box.h > parent.y + parent.h);
    });
    expect(across.length).toBeGreaterThan(0);
    for (const n of across) expect(n.extent, n.id).toBeUndefined();
  });
});

describe('buildEdges', () => {
  it('draws a Service\'s links along the layout\'s routes, above the boxes, quiet for the cluster\'s own, and chosen when marked', () => {
    const link = topo.links.find((l) => l.kind === 'endpoint' && l.source === 'svc:default/api')!;
    const edges = buildEdges(topo, layout, { ...NO_MARKS, chosenLinks: new Set([link.id]) });
    const edge = edges.find((e) => e.id === link.id)!;
    expect(edge.zIndex).toBe(1);
    expect(edge.data).toMatchObject({ points: layout.routes.get(link.id), chosen: true, quiet: false });
    expect(edge.ariaLabel).toMatch(/^Service endpoint between service default\/api and pod default\/api-/);
    const dns = edges.find((e) => e.source === 'svc:kube-system/kube-dns')!;
    expect(dns.data).toMatchObject({ chosen: false, quiet: true });
    expect(edges.find((e) => e.id === 'wire:node/kind-worker:eth0')!.zIndex).toBeUndefined();
  });


  it('makes one edge per link, drawn along its route, with the trace\'s links marked', () => {
    const edges = buildEdges(topo, layout, { ...NO_MARKS, pathLinks: new Set(['wire:node/kind-worker:eth0']), activeLinks: new Set(['wire:node/kind-worker:eth0']) });
    expect(edges).toHaveLength(topo.links.length);
    const wire = edges.find((e) => e.id === 'wire:node/kind-worker:eth0')!;
    expect(wire.data).toMatchObject({ onPath: true, active: true });
    expect(wire.data!.points.length).toBeGreaterThanOrEqual(2);
    expect(edges.find((e) => e.id === 'wire:node/kind-worker2:eth0')!.data).toMatchObject({ onPath: false, active: false });
  });
});
