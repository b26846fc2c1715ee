// The contract between the packet interpreter and a plugin's eBPF datapath (Cilium): programs
// attached to a device's tc ingress or egress run when a frame crosses it, and a cgroup
// program can translate a connection's destination at connect(). A program lets the packet
// go on through the kernel, redirects it to another device (bpf_redirect, possibly into a
// tunnel), or ends its walk.
import type { Cluster, Device, Netns } from '../cluster/types';
import type { Rng } from '../lib/rng';
import type { Pkt } from '../stack/packet';
import type { Outcome, Walk } from '../stack/walk';

export type TcDirection = 'ingress' | 'egress';

export type BpfVerdict =
  /** TC_ACT_OK: the kernel carries on with the packet as if no program had run. */
  | { readonly kind: 'pass' }
  /**
   * bpf_redirect(): the packet leaves by `dev` of `ns` (egress) or arrives there (ingress, bpf_redirect_peer).
   * With `neigh` (bpf_redirect_neigh, after bpf_fib_lookup), the kernel resolves that next hop's MAC first.
   */
  | { readonly kind: 'redirect'; readonly ns: Netns; readonly dev: Device; readonly to: TcDirection; readonly neigh?: string }
  /** The walk ended inside the program (a drop, an answer the program sent itself). */
  | { readonly kind: 'done'; readonly outcome: Outcome };

/** A socket's connect() as a cgroup/connect4 program may rewrite it: the destination the socket really connects to. */
export interface ConnectTranslation {
  readonly dst: string;
  readonly dport: number;
  /** The hop text and the map entry that decided, for the trace. */
  readonly text: string;
  readonly rule: string;
  readonly table: string;
}

export interface BpfDatapath {
  /** Runs the program attached at a device's tc hook (the device's `tc` names which). */
  tc(w: Walk, ns: Netns, dev: Device, dir: TcDirection, pkt: Pkt): BpfVerdict;
  /** cgroup/connect4: Service translation at the socket, before any packet exists. */
  connect?(cluster: Cluster, rng: Rng, ns: Netns, dst: string, dport: number, proto: 'tcp' | 'udp'): ConnectTranslation | undefined;
}
