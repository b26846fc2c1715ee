// A socket's connect() (or a datagram's destination) as an eBPF program attached to the
// cgroup may rewrite it before any packet exists: Cilium's socket load balancer turns a
// Service address into a backend's here. Without such a program nothing changes.
import type { Cluster, Netns } from '../cluster/types';
import type { ConnectTranslation } from '../cni/bpf-types';
import type { Rng } from '../lib/rng';

export type { ConnectTranslation } from '../cni/bpf-types';

export function connectTranslate(c: { readonly cluster: Cluster; readonly rng: Rng }, ns: Netns, dst: string, dport: number, proto: 'tcp' | 'udp'): ConnectTranslation | undefined {
  return c.cluster.cni.bpf?.connect?.(c.cluster, c.rng, ns, dst, dport, proto);
}
