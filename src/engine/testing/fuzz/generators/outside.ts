// Generators for the world beyond the nodes (outside hosts with or without listening ports)
// and for route edits: deleting a node's route to another node's pods, adding blackhole,
// unreachable, prohibit and gateway routes.
import fc from 'fast-check';
import type { FuzzOutsideHost, FuzzRouteEdit } from '../model';

const hostIp = fc.oneof(
  fc.integer({ min: 2, max: 250 }).map((n) => `203.0.113.${n}`),
  fc.integer({ min: 2, max: 250 }).map((n) => `198.51.100.${n}`),
);

export const outsideHostsArb: fc.Arbitrary<readonly FuzzOutsideHost[]> = fc.uniqueArray(
  fc.record({
    ip: hostIp,
    ports: fc.uniqueArray(fc.record({ port: fc.constantFrom(53, 80, 443, 8080), protocol: fc.constantFrom('TCP' as const, 'UDP' as const) }), { maxLength: 2, selector: (p) => `${p.port}/${p.protocol}` }),
  }),
  { minLength: 0, maxLength: 3, selector: (h) => h.ip },
).map((hosts) => hosts.map((h, i) => ({ name: `host${i}`, ...h })));

export const routeEditsArb: fc.Arbitrary<readonly FuzzRouteEdit[]> = fc.array(
  fc.oneof(
    fc.record({ node: fc.nat(), op: fc.constant('del' as const), podRangeOfNode: fc.nat() }),
    fc.record({
      node: fc.nat(), op: fc.constant('add' as const),
      route: fc.constantFrom('blackhole 198.51.100.0/24', 'unreachable 203.0.113.0/24', 'prohibit 203.0.113.128/25', '198.51.100.0/25 via 172.18.0.1', 'blackhole 10.96.0.0/16'),
    }),
  ),
  { maxLength: 2 },
);
