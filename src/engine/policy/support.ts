// Which CNI plugin enforces NetworkPolicy, and how, as the real plugins do. NetworkPolicy is
// an API object only: nothing happens unless the network plugin implements it. Calico writes
// iptables filter chains, Cilium checks its eBPF policy maps, kindnet (since kind v0.24.0)
// sends new connections through nftables to an NFQUEUE that kube-network-policies answers.
// The bridge plugin and flannel implement none of it.
import type { CniName } from '../model/types';

export type PolicyEnforcement =
  | { readonly kind: 'none'; readonly plugin: string }
  | { readonly kind: 'iptables'; readonly plugin: 'Calico' }
  | { readonly kind: 'ebpf'; readonly plugin: 'Cilium' }
  | { readonly kind: 'nfqueue'; readonly plugin: 'kindnet' };

/** What enforces NetworkPolicy under a CNI choice. */
export function policyEnforcement(cni: CniName): PolicyEnforcement {
  switch (cni) {
    case 'bridge': return { kind: 'none', plugin: 'the bridge plugin' };
  }
}

/** The plugins a learner could switch to, to have a policy enforced. */
export const ENFORCING_PLUGINS = 'Calico, Cilium, or kindnet since kind v0.24.0';
