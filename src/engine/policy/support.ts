// Which CNI plugin enforces NetworkPolicy, and where, as the plugin itself declares it
// (src/engine/cni: each plugin's `policy`). NetworkPolicy is an API object only: nothing
// happens unless the network plugin implements it. Calico writes iptables filter chains,
// Cilium checks its eBPF policy maps, kindnet (since kind v0.24.0) sends new connections
// through nftables to an NFQUEUE that kube-network-policies answers. The bridge plugin,
// flannel and the AWS VPC CNI (without its policy agent) implement none of it.
import type { Cluster } from '../cluster/types';
import type { PolicyEnforcement } from '../cni/types';

export interface PluginStance {
  /** The plugin as a sentence names it: "the bridge plugin", "Calico (IP-in-IP)". */
  readonly plugin: string;
  readonly policy: PolicyEnforcement;
}

export function policyEnforcement(cluster: Cluster): PluginStance {
  const { cni } = cluster;
  return { plugin: cni.name === 'bridge' ? 'the bridge plugin' : cni.title, policy: cni.policy };
}

/** The plugins a learner could switch to, to have a policy enforced. */
export const ENFORCING_PLUGINS = 'Calico, Cilium, or kindnet since kind v0.24.0';

export const capitalised = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
