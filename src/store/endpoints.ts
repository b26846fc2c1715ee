// What a click on the graph means for a send: which element is an endpoint, what the engine
// is told (its sendRef), and which port and protocol a destination suggests (its first
// container port, a Service's first port, an outside host's first port, or the first port a
// node listens on). Services and load balancers only receive: they have no sockets.
import { containerId } from '../engine/lite';
import type { Topology, TopoElement } from '../engine';
import { elementById } from './topoIndex';

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
  const parent = el.parent !== undefined ? elementById(topo).get(el.parent) : undefined;
  const pod = parent?.kind === 'pod' ? parent : undefined;
  // A host-network container sits straight in its node: the pod has no element of its own.
  return { ref: el.sendRef, elementId: pod?.id ?? el.id, name: pod?.name ?? `pod ${el.sendRef}`, container: el.label };
}

/** The endpoint a typed reference (from the API or a URL) stands for: a send reference, or a Service's or load balancer's address. */
export function endpointOfRef(topo: Topology, ref: string, container?: string): Endpoint {
  const wanted = [ref, ref.includes('/') || ref.includes(':') ? ref : `default/${ref}`];
  const el = topo.elements.find((e) => e.kind !== 'container' && e.sendRef !== undefined && wanted.includes(e.sendRef))
    ?? topo.elements.find((e) => e.kind === 'outside' && ref === `external:${e.label}`)
    ?? topo.elements.find((e) => RECEIVE_ONLY.has(e.kind) && e.addresses?.includes(ref));
  const known = el && endpointOf(topo, el);
  return { ...(known ?? { name: ref }), ref, ...(container ? { container } : {}) };
}

/** The same endpoint in a new topology (after an edit), or null when it is gone. */
export function endpointAgain(topo: Topology, ep: Endpoint): Endpoint | null {
  if (ep.elementId === undefined) return ep;
  const el = elementById(topo).get(ep.elementId);
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

/**
 * The port a send to `ep` most likely wants, or null when nothing listens there: read from
 * the ports the topology lists for its element (a container's first port, else its pod's; a
 * node's first listener that is not on loopback only).
 */
export function suggestPort(topo: Topology, ep: Endpoint): PortSuggestion | null {
  const el = ep.elementId !== undefined ? elementById(topo).get(ep.elementId) : undefined;
  const ports = el?.ports ?? [];
  const p = el?.kind === 'node' ? ports.find((x) => x.address !== '127.0.0.1')
    : el?.kind === 'pod' ? ports.find((x) => x.owner === ep.container) ?? ports[0]
      : ports[0];
  return p ? { port: p.port, proto: toProto(p.protocol) } : null;
}
