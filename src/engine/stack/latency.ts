// How long things take, in simulated milliseconds: enough for ping's and curl's timings to
// read like a real cluster's (tens of microseconds through a node, a fraction of a
// millisecond across the node network, tens of milliseconds to a host on the internet).
// A second seeded generator adds a little jitter, so timings vary the way real ones do
// without changing any choice the network makes.
import { INTERNET_SEGMENT, NODE_SEGMENT } from '../cluster/netns-base';
import { WAN_SEGMENT } from '../cluster/internet';
import type { Walk } from './walk';

/** Per device: a tunnel spends a few microseconds building or stripping headers; an eBPF program about one. */
const DEVICE_MS = { loopback: 0.002, veth: 0.004, bridge: 0.003, tunnel: 0.006, bpf: 0.001 } as const;

function segmentMs(segment: string | undefined): number {
  switch (segment) {
    case NODE_SEGMENT: return 0.045;
    case INTERNET_SEGMENT: return 1.2;
    case WAN_SEGMENT: return 9.5;
    // A VPC subnet: the cloud's fabric between instances (about 0.1 ms within a zone).
    default: return 0.09;
  }
}

/** Adds the time a frame takes through a device or across a wire. */
export function spendTime(w: Walk, what: keyof typeof DEVICE_MS | { readonly segment: string | undefined }): void {
  const base = typeof what === 'string' ? DEVICE_MS[what] : segmentMs(what.segment);
  w.elapsed += base * (0.85 + 0.3 * (w.jitter.int(0, 1000) / 1000));
}

/** Netfilter costs about 20 ns per rule compared (a linear iptables chain of 10,000 rules: 0.2 ms). */
export function spendOnRules(w: Walk, rules: number): void {
  w.elapsed += rules * 0.00002;
}
