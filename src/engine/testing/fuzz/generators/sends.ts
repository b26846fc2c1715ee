// Generators for sends: from a pod (any container), a node or an outside host, to a pod, a
// Service, a load balancer, a node, an outside host, a ClusterIP or a stray address, on a
// Service port, a target port, a node port or any port, over TCP, UDP or ICMP, sometimes
// carrying the state of the previous send along.
import fc from 'fast-check';
import type { FuzzSend } from '../model';

export const sendArb: fc.Arbitrary<FuzzSend> = fc.record({
  from: fc.record({ kind: fc.constantFrom('pod' as const, 'pod' as const, 'node' as const, 'outside' as const), index: fc.nat(), container: fc.nat() }),
  to: fc.record({
    kind: fc.constantFrom('pod' as const, 'service' as const, 'service' as const, 'lb' as const, 'node' as const, 'outside' as const, 'clusterIP' as const, 'address' as const),
    index: fc.nat(),
    address: fc.constantFrom('8.8.8.8', '10.244.9.9', '172.18.0.99', '192.0.2.1', '127.0.0.1', '10.96.0.1'),
  }),
  port: fc.record({ kind: fc.constantFrom('service' as const, 'target' as const, 'node' as const, 'any' as const), index: fc.nat(), any: fc.integer({ min: 1, max: 65535 }) }),
  proto: fc.constantFrom('tcp' as const, 'tcp' as const, 'udp' as const, 'icmp' as const),
  seed: fc.option(fc.nat({ max: 2 ** 31 - 1 }), { nil: undefined }),
  session: fc.boolean(),
});

export const sendsArb: fc.Arbitrary<readonly FuzzSend[]> = fc.array(sendArb, { minLength: 1, maxLength: 5 });
