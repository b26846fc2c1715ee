// Generators for Services of every type (ClusterIP, NodePort, LoadBalancer, ExternalName,
// headless), with both traffic policies, session affinity, source ranges, external IPs,
// numeric and named target ports, and Services without a selector fed by hand-written
// EndpointSlices (ready or not, pointing at pods, nodes or outside hosts).
import fc from 'fast-check';
import type { FuzzEndpointSlice, FuzzService, FuzzServicePort } from '../model';
import { APPS, NAMESPACES } from './workloads';

const portsArb: fc.Arbitrary<readonly FuzzServicePort[]> = fc
  .uniqueArray(
    fc.record({
      port: fc.constantFrom(53, 80, 443, 8080, 9000),
      targetPort: fc.option(fc.oneof(fc.constantFrom(53, 80, 5353, 8080, 9000), fc.constantFrom('http', 'dns', 'metrics', 'missing')), { nil: undefined }),
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
    }),
    { minLength: 1, maxLength: 2, selector: (p) => `${p.port}/${p.protocol}` },
  )
  .map((ps) => ps.map((p, i) => (ps.length > 1 ? { ...p, name: `port${i}` } : p)));

const serviceArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const, 'ExternalName' as const, 'Headless' as const),
  selector: fc.option(fc.record({ app: fc.constantFrom(...APPS) }), { nil: undefined, freq: 4 }),
  ports: portsArb,
  externalTrafficPolicy: fc.option(fc.constantFrom('Cluster' as const, 'Local' as const), { nil: undefined }),
  internalTrafficPolicy: fc.option(fc.constantFrom('Cluster' as const, 'Local' as const), { nil: undefined }),
  affinitySeconds: fc.option(fc.integer({ min: 1, max: 86400 }), { nil: undefined }),
  sourceRanges: fc.subarray(['203.0.113.0/24', '198.51.100.0/25', '172.18.0.0/16']),
  externalIPNodes: fc.subarray([0, 1, 2]),
});

export const servicesArb: fc.Arbitrary<readonly FuzzService[]> = fc
  .array(serviceArb, { maxLength: 5 })
  .map((ss) => ss.map((s, i): FuzzService => ({ name: `s${i}`, ...s })));

/** EndpointSlices for the selector-less Services among `services`. */
export function endpointSlicesArb(services: readonly FuzzService[], podCount: number): fc.Arbitrary<readonly FuzzEndpointSlice[]> {
  const targets = services.filter((s) => s.selector === undefined && s.type !== 'ExternalName');
  return fc.tuple(...targets.map((s) => fc.array(
    fc.record({
      ip: fc.oneof(
        fc.nat({ max: Math.max(0, podCount - 1) }).map((i) => `pod:${i}`),
        fc.constantFrom('172.18.0.2', '172.18.0.3', '203.0.113.7', '198.51.100.7'),
      ),
      ready: fc.boolean(),
    }),
    { maxLength: 3 },
  ).map((endpoints): FuzzEndpointSlice => ({
    name: `${s.name}-manual`, namespace: s.namespace, service: s.name,
    ports: s.ports.map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol })),
    endpoints,
  }))));
}
