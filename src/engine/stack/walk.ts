// The context of one walk (one packet's leg): the compiled cluster, the working state, the
// seeded generator, the hops recorded so far, the simulated time the packet has spent on
// the way, and a budget that stops a runaway walk.
import type { Cluster, Netns, NetnsId } from '../cluster/types';
import type { NfEnv } from '../netfilter/eval-types';
import type { Rng } from '../lib/rng';
import type { DropCode } from '../trace/drops';
import type { Hop, HopKind, NfStepView, PacketView } from '../trace/types';
import { viewOf, type Pkt } from './packet';
import { containerId, deviceId, machineId } from '../topology/ids';
import type { WorkingState } from './state';

export const HOP_BUDGET = 400;

export interface Walk {
  readonly cluster: Cluster;
  readonly st: WorkingState;
  readonly rng: Rng;
  hops: Hop[];
  budget: number;
  /** Netfilter rules the packet was compared with so far, in every table and hook. */
  rulesCompared: number;
  /** The packet's addresses as its sender wrote them, to tell at delivery whether NAT happened. */
  readonly origin: { readonly src: string; readonly sport: number; readonly dst: string; readonly dport: number };
  /** After a connection's first packet: the connected socket this packet must reach. */
  readonly expect?: ConnectedSocket;
  /** Simulated milliseconds spent on the way so far. */
  elapsed: number;
  /** A generator for timing jitter only, so timings never change a choice the network makes. */
  readonly jitter: Rng;
  /**
   * Only the verdict will be read (a reachability matrix): the walk runs as for any send, but
   * records only the hop that stops a packet (see record), and the busiest steps skip the
   * words of the hops they would have recorded.
   */
  readonly terse?: boolean;
  /** The packet before neighbour output rewrote its MACs, for the next device hop to show. */
  pendingBefore?: PacketView;
  /** What netfilter's evaluators see of the namespace the packet last met netfilter in (made once per namespace, not per table). */
  nfEnv?: { readonly ns: NetnsId; readonly env: NfEnv };
}

/** A connected socket: a client's (waiting for answers) or a server's accepted connection. */
export interface ConnectedSocket {
  readonly ns: string;
  readonly proto: 'tcp' | 'udp' | 'sctp' | 'icmp';
  /** Its local port (for ICMP: the echo identifier). */
  readonly port: number;
  readonly owner: string;
  /** The address and port at the other end as this socket knows it: a packet must come from there. */
  readonly peer: { readonly addr: string; readonly port: number };
  /** 'client' waits for answers to what it sent; 'server' reads what its client sends on an accepted connection. */
  readonly side: 'client' | 'server';
  /** What delivery means here, for the hop text ("nginx reads the HTTP request GET /"). */
  readonly reads?: string;
}

export type Outcome =
  | { readonly kind: 'delivered'; readonly ns: Netns; readonly owner: string; readonly pkt: Pkt }
  /** Lost on the way; where a router or the kernel sends an ICMP error about it, `answer` is that error, sent from `ns`. */
  | { readonly kind: 'dropped'; readonly code: DropCode; readonly detail: string; readonly ns?: Netns; readonly answer?: Pkt; /** The MTU that refused a local packet with DF (EMSGSIZE's ee_info). */ readonly mtu?: number }
  /** The destination's kernel answered instead of an application (TCP RST, ICMP port unreachable). */
  | { readonly kind: 'refused'; readonly code: DropCode; readonly detail: string; readonly ns: Netns; readonly answer: Pkt };

export interface HopOpts {
  readonly rule?: string;
  readonly table?: string;
  readonly before?: PacketView;
  readonly container?: string;
  /** The graph element, when it is not the one the netns, device and container imply. */
  readonly at?: string;
  readonly steps?: readonly NfStepView[];
  readonly rulesEvaluated?: number;
}

/** Whether the walk keeps the hops a packet passes (a terse walk keeps only the one that stops it). */
export const recording = (w: Walk): boolean => w.terse !== true;

export function record(w: Walk, ns: Netns, device: string, kind: HopKind, text: string, pkt: Pkt, o: HopOpts = {}): void {
  if (w.terse && kind !== 'drop' && kind !== 'refuse') return;
  const at = o.at ?? ns.drawnAs ?? (o.container !== undefined && ns.kind === 'pod' ? containerId(ns.name, o.container)
    : device !== '' ? deviceId(ns.id, device) : machineId(ns.id));
  const h: Hop = {
    at, node: ns.machine, netns: ns.name, nsId: ns.id, device, kind, text, packet: viewOf(pkt),
    ...(o.before ? { before: o.before } : {}),
    ...(o.rule !== undefined ? { rule: o.rule } : {}),
    ...(o.table !== undefined ? { table: o.table } : {}),
    ...(o.container !== undefined ? { container: o.container } : {}),
    ...(o.steps !== undefined ? { steps: o.steps } : {}),
    ...(o.rulesEvaluated !== undefined ? { rulesEvaluated: o.rulesEvaluated } : {}),
  };
  w.hops.push(h);
}

export function drop(w: Walk, ns: Netns, device: string, code: DropCode, text: string, pkt: Pkt, o: HopOpts = {}): Outcome {
  record(w, ns, device, 'drop', text, pkt, o);
  return { kind: 'dropped', code, detail: text };
}

/** A drop the kernel tells the sender about: it sends `answer` (an ICMP error) from `ns`. */
export function dropWithError(w: Walk, ns: Netns, device: string, code: DropCode, text: string, pkt: Pkt, answer: Pkt, o: HopOpts = {}): Outcome {
  record(w, ns, device, 'drop', text, pkt, o);
  return { kind: 'dropped', code, detail: text, ns, answer };
}

/** Spends one unit of budget; false when the walk must stop. */
export function spend(w: Walk): boolean {
  w.budget -= 1;
  return w.budget > 0;
}

/** "pod default/web" / "node kind-worker" / "the gateway" / "outside host client", for explanations. */
export function where(ns: Netns): string {
  switch (ns.kind) {
    case 'pod': return `pod ${ns.name}`;
    case 'node': return `node ${ns.machine}`;
    case 'router': return ns.label ?? (ns.machine === 'gateway' ? 'the gateway' : `the ${ns.machine} router`);
    case 'outside': return ns.drawnAs ? `the host ${ns.machine} on the internet` : `outside host ${ns.machine}`;
  }
}

/** where(), to begin a sentence with. */
export function Where(ns: Netns): string {
  const w = where(ns);
  return `${w[0]!.toUpperCase()}${w.slice(1)}`;
}
