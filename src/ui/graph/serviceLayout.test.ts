// The Services band and the load balancers: where they go, and the routes of their links,
// which must not run through pods or node columns.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../engine';
import { center, type Box, type Point } from './geometry';
import { layoutTopology } from './layout';
import { tidy } from './serviceLayout';
import { defaultTopology } from './testTopology.fixture';

const topo = defaultTopology();
const { boxes, routes } = layoutTopology(topo);
const box = (id: string) => boxes.get(id)!;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether an axis-parallel segment runs through the inside of a box (touching its border is fine). */
function crosses(a: Point, b: Point, r: Box): boolean {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x0 < r.x + r.w && x1 > r.x && y0 < r.y + r.h && y1 > r.y && !(x0 === x1 && (x0 <= r.x || x0 >= r.x + r.w)) && !(y0 === y1 && (y0 <= r.y || y0 >= r.y + r.h));
}
const segments = (pts: readonly Point[]) => pts.slice(1).map((p, i) => [pts[i]!, p] as const);
const services = topo.elements.filter((e) => e.kind === 'service');
const columns = topo.elements.filter((e) => e.kind === 'node').map((e) => box(e.id));

describe('the Services band', () => {
  it('puts every Service above every node column, side by side without overlapping', () => {
    for (const s of services) for (const c of columns) expect(box(s.id).y + box(s.id).h).toBeLessThan(c.y);
    services.forEach((a, i) => services.slice(i + 1).forEach((b) => expect(overlap(box(a.id), box(b.id))).toBe(false)));
  });

  it('places a Service over the columns of its endpoints, and the cluster\'s own ones smaller', () => {
    const cp = box('node:kind-control-plane');
    const dns = center(box('svc:kube-system/kube-dns'));
    expect(dns.x).toBeGreaterThan(cp.x);
    expect(dns.x).toBeLessThan(cp.x + cp.w + 120);
    const api = center(box('svc:default/api'));
    expect(api.x).toBeGreaterThan(box('node:kind-worker').x);
    expect(api.x).toBeLessThan(box('node:kind-worker2').x + box('node:kind-worker2').w);
    expect(box('svc:default/kubernetes').w).toBeLessThan(box('svc:default/api').w);
  });

  it('leaves a topology without Services where it was: the columns at the top', () => {
    const bare: Topology = {
      elements: topo.elements.filter((e) => e.kind !== 'service' && e.kind !== 'loadbalancer'),
      links: topo.links.filter((l) => l.kind !== 'endpoint' && l.kind !== 'lb'),
    };
    const layout = layoutTopology(bare);
    expect(layout.boxes.get('node:kind-worker')!.y).toBe(0);
    expect(layout.routes.size).toBe(0);
  });
});

describe('the routes of a Service\'s links', () => {
  const pods = topo.elements.filter((e) => e.kind === 'pod');

  it('run from the Service\'s bottom into the side of each endpoint pod, through no other pod', () => {
    const links = topo.links.filter((l) => l.kind === 'endpoint' && l.target.startsWith('pod:'));
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) {
      const pts = routes.get(l.id)!;
      const svc = box(l.source);
      const pod = box(l.target);
      expect(pts[0]).toEqual({ x: svc.x + svc.w / 2, y: svc.y + svc.h });
      expect(pts.at(-1)!.x).toBe(pod.x);
      expect(pts.at(-1)!.y).toBeGreaterThan(pod.y);
      for (const p of pods) if (p.id !== l.target) for (const [a, b] of segments(pts)) expect(crosses(a, b, box(p.id))).toBe(false);
    }
  });

  it('run a node endpoint (the API server) straight into its node\'s top', () => {
    const l = topo.links.find((k) => k.source === 'svc:default/kubernetes')!;
    expect(routes.get(l.id)!.at(-1)!.y).toBe(box('node:kind-control-plane').y);
  });

  it('take the load balancer\'s link from beside the gateway up between two node columns to its Service', () => {
    const lb = box('lb:default/api-public');
    const gw = box('router:gateway');
    expect(lb.x).toBeGreaterThan(gw.x + gw.w);
    expect(lb.x + lb.w).toBeLessThan(box('seg:internet').x);
    const pts = routes.get('lb:default/api-public')!;
    expect(pts[0]!.y).toBe(lb.y);
    const svc = box('svc:default/api-public');
    expect(pts.at(-1)!.y).toBe(svc.y + svc.h);
    for (const c of columns) for (const [a, b] of segments(pts)) expect(crosses(a, b, c)).toBe(false);
  });
});

describe('tidy', () => {
  it('drops repeated points and the middle of a straight run', () => {
    expect(tidy([{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 5 }, { x: 0, y: 9 }, { x: 4, y: 9 }])).toEqual([{ x: 0, y: 0 }, { x: 0, y: 9 }, { x: 4, y: 9 }]);
  });
});
