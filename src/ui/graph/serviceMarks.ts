// Where a trace resolved a Service: the step whose DNAT sent the packet to one endpoint, and
// the endpoint link that stands for that choice (and, when a cloud load balancer forwarded it
// to a node first, the load balancer's link). Read from the packets before and after each
// rewrite, matched against the Services' and endpoints' addresses. Pure.
import type { Topology, TopoElement } from '../../engine';
import { packetBefore, rewroteDestination, type Step } from '../../store';

export interface ServiceDecision {
  /** The step at which the choice was made. */
  readonly at: number;
  readonly links: readonly string[];
  /** The Service or load balancer that chose. */
  readonly decider: string;
}

function addressIndex(elements: readonly TopoElement[], kind: TopoElement['kind']): Map<string, TopoElement> {
  const out = new Map<string, TopoElement>();
  for (const e of elements) if (e.kind === kind) for (const a of e.addresses ?? []) out.set(a, e);
  return out;
}

/**
 * The Service decisions of a trace. A rewrite away from a Service's address chose one of its
 * endpoints; one away from a load balancer's address to a node's chose that node, and the
 * node's own rewrite, from its node port, then chose the endpoint of that same Service.
 */
export function serviceDecisions(topo: Topology, steps: readonly Step[]): ServiceDecision[] {
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const services = addressIndex(topo.elements, 'service');
  const lbs = addressIndex(topo.elements, 'loadbalancer');
  const nodeAddresses = new Set(topo.elements.filter((e) => e.kind === 'node').flatMap((e) => e.addresses ?? []));
  const lbLink = new Map(topo.links.filter((l) => l.kind === 'lb').map((l) => [l.source, l]));
  let current: string | undefined;
  const out: ServiceDecision[] = [];
  steps.forEach((step, at) => {
    if (!step.opening || !rewroteDestination(step)) return;
    const before = packetBefore(step)!;
    const after = step.hop.packet;
    const lb = lbs.get(before.dst);
    const viaLb = lb ? lbLink.get(lb.id) : undefined;
    if (lb && viaLb && nodeAddresses.has(after.dst)) {
      // The cloud load balancer forwarded to a node's port; the node picks the endpoint later.
      out.push({ at, links: [viaLb.id], decider: lb.id });
      current = viaLb.target;
      return;
    }
    const svc = services.get(before.dst)?.id ?? viaLb?.target ?? current;
    const chosen = topo.links.find((l) => l.kind === 'endpoint' && l.source === svc && byId.get(l.target)?.addresses?.includes(after.dst));
    if (chosen && svc) out.push({ at, links: [chosen.id], decider: svc });
  });
  return out;
}

/** What the graph marks at step `position`: every choice made so far, and the one made right here. */
export function decisionsAt(decisions: readonly ServiceDecision[], position: number) {
  const made = decisions.filter((d) => d.at <= position);
  return {
    chosenLinks: new Set(made.flatMap((d) => d.links)),
    activeLinks: new Set(made.filter((d) => d.at === position).flatMap((d) => d.links)),
    resolved: new Set(made.map((d) => d.decider)),
  };
}
