// Generators for pods and Deployments: labels from a small pool (so Services find them),
// one or two containers with TCP and UDP ports (some named), pinned or scheduled, ready or
// not, and some on the host network.
import fc from 'fast-check';
import type { FuzzContainer, FuzzDeployment, FuzzPod } from '../model';

export const APPS = ['a', 'b', 'c'] as const;
export const NAMESPACES = ['default', 'team'] as const;

const containerPortArb = fc.record({
  port: fc.constantFrom(53, 80, 443, 5353, 8080, 9000),
  name: fc.option(fc.constantFrom('http', 'dns', 'metrics'), { nil: undefined }),
  protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
});

export const containersArb: fc.Arbitrary<readonly FuzzContainer[]> = fc
  .uniqueArray(containerPortArb, { maxLength: 3, selector: (p) => `${p.port}/${p.protocol}` })
  .chain((ports) => fc.integer({ min: 1, max: 2 }).map((n) => {
    // Ports of one pod are split over its containers (one listener per port), names kept unique.
    const names = new Set<string>();
    const unique = ports.map((p) => {
      if (p.name === undefined || names.has(p.name)) return { port: p.port, protocol: p.protocol };
      names.add(p.name);
      return p;
    });
    return Array.from({ length: n }, (_, i) => ({ name: `c${i}`, ports: unique.filter((_, j) => j % n === i) }));
  }));

const labelsArb = fc.record({ app: fc.constantFrom(...APPS), tier: fc.constantFrom('front', 'back') });

export const podsArb: fc.Arbitrary<readonly FuzzPod[]> = fc.array(
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    labels: labelsArb,
    node: fc.option(fc.nat(), { nil: undefined }),
    hostNetwork: fc.constant(false),
    ready: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    containers: containersArb,
  }),
  { minLength: 1, maxLength: 6 },
).map((pods) => pods.map((p, i) => ({ name: `p${i}`, ...p })));

export const hostNetworkPodArb: fc.Arbitrary<FuzzPod> = fc.record({
  name: fc.constant('hostnet'), namespace: fc.constant('default'), labels: labelsArb, node: fc.option(fc.nat(), { nil: undefined }),
  hostNetwork: fc.constant(true), ready: fc.constant(true),
  containers: fc.constant([{ name: 'agent', ports: [{ port: 9100, protocol: 'TCP' as const, name: 'metrics' }] }]),
});

export const deploymentsArb: fc.Arbitrary<readonly FuzzDeployment[]> = fc.array(
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    replicas: fc.integer({ min: 0, max: 3 }),
    labels: labelsArb,
    ready: fc.boolean(),
    containers: containersArb,
  }),
  { maxLength: 2 },
).map((ds) => ds.map((d, i) => ({ name: `deploy${i}`, ...d })));
