// The sending side of an exchange: which namespace and process sends, in words for the
// hops, which source address the kernel picks for a destination, and the ephemeral port
// a new socket gets (Linux's net.ipv4.ip_local_port_range, 32768-60999 by default).
import type { Netns } from '../cluster/types';
import { containerId } from '../topology/ids';
import { fibLookup, firstGlobalAddress, selectSource } from '../stack/fib';
import type { Source } from '../stack/endpoints';
import type { HopOpts } from '../stack/walk';
import type { Conversation } from './conversation';

export type Sender = Source;

/** Where the sender's hops are drawn: its container, when a container sends. */
export function senderOpts(s: Sender): HopOpts {
  if (s.ns.kind === 'pod') return { container: s.owner };
  return s.podKey ? { container: s.owner, at: containerId(s.podKey, s.owner) } : {};
}

/** "Container nginx in pod default/web", "A process on node kind-worker (kubelet)". */
export function senderWho(s: Sender): string {
  return s.label.startsWith('pod ') ? `Container ${s.owner} in ${s.label}` : `${s.owner[0]!.toUpperCase()}${s.owner.slice(1)} on ${s.label}`;
}

/** The container name when a container sends (for the exchange record). */
export function senderContainer(s: Sender): string | undefined {
  return s.ns.kind === 'pod' || s.podKey ? s.owner : undefined;
}

/** The address a new socket's packets leave with, for this destination (route src, else the out device's). */
export function sourceAddress(ns: Netns, dst: string): string {
  if (dst.startsWith('127.')) return '127.0.0.1';
  const r = fibLookup(ns, dst);
  return (r && selectSource(ns, r, dst)) ?? firstGlobalAddress(ns) ?? '0.0.0.0';
}

/** A free ephemeral port for a new client socket. */
export function ephemeralPort(conv: Conversation): number {
  return conv.rng.int(32768, 60999);
}

/** "Service default/api (10.96.40.208)" or "10.96.40.208": a label with its address, once. */
export function targetText(label: string, ip: string): string {
  return label === ip || label.includes(`(${ip})`) ? label : `${label} (${ip})`;
}

/** Who sends to what: the sending socket's end and the destination as the learner named it. */
export interface FlowSpec {
  readonly sender: Sender;
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  /** The destination as the learner named it: "Service default/api (10.96.40.208)". */
  readonly dstLabel: string;
}
