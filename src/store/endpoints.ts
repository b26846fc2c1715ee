// What a click on the graph means for a send: which element is an endpoint, what the engine
// is told (its sendRef), and which port and protocol a destination suggests (its first
// container port, a Service's first port, an outside host's first port, or the first port a
// node listens on). Services and load balancers only receive: they have no sockets.
import { containerId, nodeNetnsId, type Cluster, type Topology, type TopoElement } from '../engine';

export type Proto = 'tcp' | 'udp' | 'sctp' | 'icmp';

export interface Endpoint {
  /** What simulate() gets as `from` / `to`. */
  readonly ref: string;
  /** The graph element it stands for (a pod, node, outside host, Service or load balancer), when there is one. */
  readonly elementId?: string;
  /** The accessible name shown to the user, e.g. "pod default/web". */
  readonly name: string;
  /** The container, when the user picked one. */
  readonly container?: string;
  /** A Service or a load balancer: a destination, never a source. */
  readonly receiveOnly?: boolean;
}

const ENDPOINT_KINDS = new Set<TopoElement['kind']>(['pod', 'node', 'outside', 'container', 'service', 'loadbalancer']);
const RECEIVE_ONLY = new Set<TopoElement['kind']>(['service', 'loadbalancer']);

/** The endpoint a click on `el` stands for, or null when the element cannot send or receive. */
export function endpointOf(topo: Topology, el: TopoElement): Endpoint | null {
  if (!el.sendRef || !ENDPOINT_KINDS.has(el.kind)) return null;
  if (RECEIVE_ONLY.has(el.kind)) return { ref: el.sendRef, elementId: el.id, name: el.name, receiveOnly: true };
  if (el.kind !== 'container') return { ref: el.sendRef, elementId: el.id, name: el.name };
  const pod = topo.elements.find((e) => e.id === el.parent && e.kind === 'pod');
  // A host-network container sits straight in its node: the pod has no element of its own.
  return { ref: el.sendRef, elementId: pod?.id ?? el.id, name: pod?.name ?? `pod ${el.sendRef}`, container: el.label };
}

/** The endpoint a typed reference (from the API or a URL) stands for: a send reference, or a Service's or load balancer's address. */
export function endpointOfRef(topo: Topology, ref: string, container?: string): Endpoint {
  const wanted = [ref, ref.includes('/') || ref.includes(':') ? ref : `default/${ref}`];
  const el = topo.elements.find((e) => e.kind !== 'container' && e.sendRef !== undefined && wanted.includes(e.sendRef))
    ?? topo.elements.find((e) => RECEIVE_ONLY.has(e.kind) && e.addresses?.includes(ref));
  const known = el && endpointOf(topo, el);
  return { ...(known ?? { name: ref }), ref, ...(container ? { container } : {}) };
}

/** The same endpoint in a new topology (after an edit), or null when it is gone. */
export function endpointAgain(topo: Topology, ep: Endpoint): Endpoint | null {
  if (ep.elementId === undefined) return ep;
  const el = topo.elements.find((e) => e.id === ep.elementId);
  const again = el && endpointOf(topo, el);
  if (!again) return null;
  return ep.container ? { ...again, container: ep.container } : again;
}

/** The graph element that lights up for an endpoint's container, if any. */
export function containerElementId(ep: Endpoint | null): string | undefined {
  return ep?.container ? containerId(ep.ref, ep.container) : undefined;
}

export interface PortSuggestion {
  readonly port: number;
  readonly proto: Proto;
}

const toProto = (p: string): Proto => (p.toUpperCase() === 'UDP' ? 'udp' : p.toUpperCase() === 'SCTP' ? 'sctp' : 'tcp');

/** The port a send to `ep` most likely wants, or null when nothing listens there. */
export function suggestPort(cluster: Cluster, ep: Endpoint): PortSuggestion | null {
  if (ep.ref.startsWith('node:')) {
    const node = cluster.node(ep.ref.slice(5));
    if (!node) return null;
    const l = cluster.netns(nodeNetnsId(node.name)).listeners.find((x) => x.addr !== '127.0.0.1');
    return l ? { port: l.port, proto: l.proto } : null;
  }
  if (ep.ref.startsWith('svc:') || ep.ref.startsWith('lb:')) {
    const key = ep.ref.slice(ep.ref.indexOf(':') + 1);
    const p = cluster.service(key)?.ports[0];
    return p ? { port: p.port, proto: toProto(p.protocol) } : null;
  }
  if (ep.ref.startsWith('external:')) {
    const ip = ep.ref.slice(9);
    const p = cluster.outside.find((h) => h.ip === ip || h.name === ip)?.ports[0];
    return p ? { port: p.port, proto: toProto(p.protocol) } : null;
  }
  const pod = cluster.pod(ep.ref) ?? cluster.pod(`default/${ep.ref}`);
  if (!pod) return null;
  const containers = pod.spec.containers;
  const first = containers.find((c) => c.name === ep.container && c.ports.length > 0) ?? containers.find((c) => c.ports.length > 0);
  const p = first?.ports[0];
  return p ? { port: p.containerPort, proto: toProto(p.protocol) } : null;
}
