// The levels of detail: a small cluster opens whole, a big one starts as tiles; the learner,
// a followed trace and the filters decide what opens and what shows, and what matters (the
// source, the destination, the path) is never hidden.
import { describe, expect, it } from 'vitest';
import { graphView, SERVICE_LIMIT, type HopPlace, type ViewOptions } from './view';
import { bigTopology, defaultTopology, topologyOf } from './testTopology.fixture';
import { bigScenario } from './bigScenario.fixture';

const big = bigTopology();
const nodeNames = (t: typeof big) => new Set(t.elements.filter((e) => e.kind === 'node').map((e) => e.label));
const options = (t: typeof big, more: Partial<ViewOptions> = {}): ViewOptions => ({
  inside: nodeNames(t), opened: {}, namespaces: null, hideSystem: false, pathOnly: false, follow: true, path: [], keep: [], ...more,
});
const ids = (v: ReturnType<typeof graphView>) => new Set(v.topo.elements.map((e) => e.id));

/** A send from app-0-0 on kind-worker to app-8-9 on kind-worker9, as the view reads it. */
const PATH: HopPlace[] = [
  { at: 'ctr:default/app-0-0/app', node: 'kind-worker' },
  { at: 'dev:pod/default/app-0-0:eth0', node: 'kind-worker' },
  { at: 'dev:node/kind-worker:eth0', node: 'kind-worker' },
  { at: 'seg:kind', node: 'kind-worker' },
  { at: 'dev:node/kind-worker9:eth0', node: 'kind-worker9' },
  { at: 'dev:pod/default/app-8-9:eth0', node: 'kind-worker9' },
  { at: 'ctr:default/app-8-9/app', node: 'kind-worker9' },
];

describe('graphView', () => {
  it('opens a small cluster whole: every node, pod, container and interface', () => {
    const topo = defaultTopology();
    const v = graphView(topo, options(topo));
    expect(v.topo.elements).toHaveLength(topo.elements.length);
    expect(v.tiles.size + v.chips.size).toBe(0);
  });

  it('starts a big cluster as an overview: every node a tile, nothing inside drawn', () => {
    const v = graphView(big, options(big));
    expect(v.tiles.size).toBe(10);
    expect(v.topo.elements.some((e) => e.kind === 'pod' || e.parent?.startsWith('node:'))).toBe(false);
    expect(ids(v).has('seg:kind')).toBe(true);
  });

  it('opens a node to its pods as chips and its own interfaces, but not the veth ends of closed pods', () => {
    const v = graphView(big, options(big, { opened: { 'node:kind-worker3': 'open' } }));
    expect(v.tiles.has('node:kind-worker3')).toBe(false);
    expect(v.chips.has('pod:default/app-2-0')).toBe(true);
    const drawn = ids(v);
    expect(drawn.has('dev:node/kind-worker3:eth0')).toBe(true);
    expect(drawn.has('dev:node/kind-worker3:cni0')).toBe(true);
    expect(v.topo.elements.some((e) => e.parent === 'node:kind-worker3' && e.deviceKind === 'veth')).toBe(false);
    expect(drawn.has('ctr:default/app-2-0/app')).toBe(false);
  });

  it('opens a pod to its containers, its interfaces and the veth end on its node', () => {
    const v = graphView(big, options(big, { opened: { 'node:kind-worker3': 'open', 'pod:default/app-2-0': 'open' } }));
    const drawn = ids(v);
    expect(v.chips.has('pod:default/app-2-0')).toBe(false);
    expect(drawn.has('ctr:default/app-2-0/app')).toBe(true);
    expect(drawn.has('dev:pod/default/app-2-0:eth0')).toBe(true);
    const veth = v.topo.links.find((l) => l.kind === 'veth' && l.source === 'dev:pod/default/app-2-0:eth0');
    expect(veth && drawn.has(veth.target)).toBe(true);
  });

  it('follows a trace: opens the nodes and pods it crosses, leaves the rest as tiles', () => {
    const v = graphView(big, options(big, { path: PATH }));
    expect(v.tiles.has('node:kind-worker')).toBe(false);
    expect(v.tiles.has('node:kind-worker9')).toBe(false);
    expect(v.tiles.has('node:kind-worker5')).toBe(true);
    expect(v.chips.has('pod:default/app-0-0')).toBe(false);
    expect(v.chips.has('pod:default/app-0-1')).toBe(true);
    // Not following: the trace changes nothing.
    expect(graphView(big, options(big, { path: PATH, follow: false })).tiles.size).toBe(10);
  });

  it('shows the path only: the elements the trace touches and the machines that hold them', () => {
    const v = graphView(big, options(big, { path: PATH, pathOnly: true }));
    const drawn = ids(v);
    expect(drawn.has('node:kind-worker5')).toBe(false);
    expect(drawn.has('pod:default/app-0-1')).toBe(false);
    for (const h of PATH) expect(drawn.has(h.at)).toBe(true);
    expect(drawn.has('pod:default/app-0-0')).toBe(true);
    expect(drawn.has('host:client')).toBe(false);
  });

  it('says where a hop inside something closed shows: its pod\'s chip, its node\'s tile', () => {
    const v = graphView(big, options(big, { opened: { 'node:kind-worker': 'open' } }));
    expect(v.anchorOf('ctr:default/app-0-0/app')).toBe('pod:default/app-0-0');
    const veth = big.links.find((l) => l.kind === 'veth' && l.source === 'dev:pod/default/app-0-0:eth0')!.target;
    expect(v.anchorOf(veth)).toBe('pod:default/app-0-0');
    expect(v.anchorOf('dev:node/kind-worker9:eth0')).toBe('node:kind-worker9');
    expect(v.anchorOf('seg:kind')).toBe('seg:kind');
  });

  it('hides the namespaces not chosen and counts what it hid, but never the source or destination', () => {
    const mixed = topologyOf(`${bigScenario(2, 3)}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: data}\nspec:\n  nodeName: kind-worker\n  containers: [{name: pg, image: postgres}]\n`);
    const opened = { 'node:kind-worker': 'open' } as const;
    const v = graphView(mixed, options(mixed, { opened, namespaces: new Set(['data']) }));
    expect(ids(v).has('pod:data/db')).toBe(true);
    expect(ids(v).has('pod:default/app-0-0')).toBe(false);
    expect(v.hiddenPods.get('node:kind-worker')).toBe(3);
    const kept = graphView(mixed, options(mixed, { opened, namespaces: new Set(['data']), keep: ['pod:default/app-0-1'] }));
    expect(ids(kept).has('pod:default/app-0-1')).toBe(true);
  });

  it('hides the system pods and the cluster\'s own Services when asked', () => {
    const topo = defaultTopology();
    const v = graphView(topo, options(topo, { hideSystem: true }));
    const drawn = ids(v);
    expect([...drawn].some((id) => id.startsWith('pod:kube-system/'))).toBe(false);
    expect(drawn.has('svc:kube-system/kube-dns')).toBe(false);
    expect(drawn.has('svc:default/kubernetes')).toBe(false);
    expect(drawn.has('svc:default/api')).toBe(true);
  });

  it('keeps the Services band readable: at most the limit, the rest counted, a pinned one always shown', () => {
    const svc = (i: number) => ({ id: `svc:default/s${i}`, kind: 'service' as const, label: `s${i}`, name: `service default/s${i}`, details: [] });
    const many = { elements: [...big.elements, ...Array.from({ length: SERVICE_LIMIT + 5 }, (_, i) => svc(i))], links: big.links };
    const v = graphView(many, options(many));
    const services = v.topo.elements.filter((e) => e.kind === 'service').length;
    expect(services).toBe(SERVICE_LIMIT);
    expect(v.moreServices).toBe(5 + big.elements.filter((e) => e.kind === 'service').length);
    const pinned = graphView(many, options(many, { opened: { [`svc:default/s${SERVICE_LIMIT + 4}`]: 'open' } }));
    expect(ids(pinned).has(`svc:default/s${SERVICE_LIMIT + 4}`)).toBe(true);
  });

  it('asks for the insides of nodes it should open but does not hold, drawing them as tiles meanwhile', () => {
    const v = graphView(big, options(big, { inside: new Set(), opened: { 'node:kind-worker2': 'open' } }));
    expect(v.wantInside).toEqual(['kind-worker2']);
    expect(v.tiles.has('node:kind-worker2')).toBe(true);
  });

  it('lets the learner close what the trace opened', () => {
    const v = graphView(big, options(big, { path: PATH, opened: { 'node:kind-worker9': 'closed' } }));
    expect(v.tiles.has('node:kind-worker9')).toBe(true);
  });
});
