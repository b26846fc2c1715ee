// The seam between the cluster and its CNI. A plugin owns what a real CNI owns: the pod's
// devices, addresses and routes; on the node, its devices (bridges, host veth ends, tunnel
// devices), routes, policy rules, neighbour and FDB entries; the iptables rules its agent
// writes; its IPAM; and the shape of the node network. It also says whether and where it
// enforces NetworkPolicy, and whether it replaces kube-proxy. compile() and the netns
// builders ask the plugin; nothing else knows which plugin runs.
import type { Cidr } from '../lib/ip';
import type { CniName } from '../model/cni-config';
import type { Ipset } from '../netfilter/ipset/types';
import type { NfHook } from '../netfilter/eval-types';
import type { StageSpec } from '../stack/hook-stages';
import type { Cluster, ClusterNode, ClusterPod, Device, IpRule, Route, StaticFdb, StaticNeigh } from '../cluster/types';
import type { Underlay } from './underlay';
import type { BpfDatapath } from './bpf-types';
import type { TableId } from '../format/tables';

export type { CniName } from '../model/cni-config';

/**
 * Where a plugin enforces NetworkPolicy, for the policy model to plug into:
 * - `netfilter`: the plugin's rules in an iptables or nftables table, reached from a hook
 *   (Calico's cali-FORWARD in filter FORWARD; kindnet's kube-network-policies nft table);
 *   the named stage is registered on that hook at that priority in every node namespace;
 * - `bpf`: eBPF programs on the pod's host-side veth (Cilium's from-container for egress,
 *   to-container for ingress), run by the plugin's datapath.
 */
export type PolicyPoint =
  | {
    readonly kind: 'netfilter';
    /** The stage name registered on the hook ("calico policy (cali-FORWARD)"). */
    readonly stage: string;
    readonly hook: NfHook;
    readonly priority: number;
    /** Which table holds the rules, as its tool names it: "iptables filter", "nft inet kube-network-policies". */
    readonly table: string;
    /** The chains packets to and from pods are sent through (cali-tw-<iface>, cali-fw-<iface>; the nft forward chain). */
    readonly chains: readonly string[];
  }
  | { readonly kind: 'bpf'; readonly egress: string; readonly ingress: string };

export type PolicyEnforcement =
  | { readonly enforces: false; readonly why: string }
  | { readonly enforces: true; readonly where: PolicyPoint };

/** What a plugin puts in a pod's namespace. */
export interface PodWiring {
  /** eth0 (the pod's end of its veth pair); lo is the kernel's. */
  readonly eth0: Device;
  readonly routes: readonly Route[];
  /** Neighbour entries the plugin writes in the pod (AWS: the gateway 169.254.1.1, permanent). */
  readonly neigh?: readonly StaticNeigh[];
}

/** What a plugin puts in a node's tables (its devices come separately, so a view can draw a node without routing it). */
export interface NodeWiring {
  /** Routes in any table, besides the default route and eth0's connected route. */
  readonly routes: readonly Route[];
  /** Policy rules beyond the kernel's three defaults (AWS: 512 to-pod, 1536 from-pod, ...). */
  readonly rules?: readonly IpRule[];
  readonly neigh?: readonly StaticNeigh[];
  readonly fdb?: readonly StaticFdb[];
}

/** What the plugin's agent writes into netfilter on a node: iptables-restore text, ipsets, hook stages. */
export interface PluginNetfilter {
  /** Applied with `iptables-restore --noflush` before kube-proxy's sync (the agent starts first). */
  readonly restore?: string;
  /** Jump rules the agent keeps at the top of built-in chains, inserted after kube-proxy's sync (felix inserts its cali- jumps first). */
  readonly insertFirst?: readonly { readonly table: string; readonly chain: string; readonly rule: string }[];
  readonly ipsets?: readonly Ipset[];
  readonly stages?: readonly StageSpec[];
}

/** A file a plugin writes on the node (/run/flannel/subnet.env). */
export interface CniFile {
  readonly path: string;
  readonly text: string;
}

export interface NodeCtx {
  readonly cluster: Cluster;
  readonly node: ClusterNode;
  /** The pods with their own network namespace on this node, in slot order. */
  readonly pods: readonly ClusterPod[];
}

export interface PodCtx {
  readonly cluster: Cluster;
  readonly node: ClusterNode;
  readonly pod: ClusterPod;
}

/** The addresses a plugin's IPAM hands out. */
export interface IpamPlan {
  /** Every pod range a node owns (podCIDR /24, Calico /26 blocks, the ENIs' addresses). */
  ranges(node: number): readonly Cidr[];
  /** The address of the `slot`-th pod with its own namespace on a node, or why there is none. */
  assign(node: number, slot: number): { readonly ip: string } | { readonly full: string };
  /** Keeps an address a pod reported (an observed cluster's status.podIP) before any is assigned, or says why it cannot; absent: the plugin's IPAM hands out its own. */
  keep?(node: number, ip: string, nodeName: string): string | null;
}

/** What IPAM is told about a node: its place on the node network and its podCIDR (as reported, or the next /24 as kube-controller-manager would give it). */
export interface IpamNode {
  readonly placement: NodePlacement;
  readonly index: number;
  readonly podCidr: Cidr;
}

/** A node's place on the node network, as the plugin's underlay puts it. */
export interface NodePlacement {
  readonly ip: string;
  readonly segment: string;
  readonly subnet: Cidr;
  readonly gatewayIp: string;
}

export interface CniPlugin {
  readonly name: CniName;
  /** "the bridge plugin", "flannel (VXLAN)": for explanations. */
  readonly title: string;
  readonly policy: PolicyEnforcement;
  /** Whether Services are handled by the plugin instead of kube-proxy (Cilium's kube-proxy replacement). */
  readonly replacesKubeProxy: boolean;
  /** The MTU pod interfaces get. */
  readonly podMtu: number;
  /** The node network: one L2 segment, or a VPC of subnets behind a router. */
  readonly underlay: Underlay;
  /** The cluster-wide pod address space: the pod subnet, or (AWS) the VPC. */
  podSpace(podSubnet: Cidr): Cidr;
  /** IPAM for a cluster with these nodes and per-node counts of pods that need an address. */
  ipam(nodes: readonly IpamNode[], podSubnet: Cidr, podCounts: readonly number[]): IpamPlan;
  /** The underlay interfaces of a node (eth0; AWS adds the secondary ENIs it attached). */
  uplinks(ctx: NodeCtx): readonly Device[];
  /** The node's devices beyond lo and the underlay interfaces: bridges, pods' host ends, tunnel devices. */
  nodeDevices(ctx: NodeCtx): readonly Device[];
  /** The node's routes, rules, neighbour and FDB entries (the part that grows with the cluster). */
  nodeTables(ctx: NodeCtx): NodeWiring;
  pod(ctx: PodCtx): PodWiring;
  netfilter(ctx: NodeCtx): PluginNetfilter;
  files(ctx: NodeCtx): readonly CniFile[];
  /** Addresses on the node network that reach this node besides its own (a VPC delivers a pod's ENI address to the ENI). */
  underlayAddresses?(ctx: NodeCtx): readonly { readonly ip: string; readonly device: string }[];
  /** Which device of a node holds an address the plugin assigned (a bridge's gateway, a tunnel address), for ARP. */
  deviceFor?(ctx: NodeCtx, ip: string): string | undefined;
  /** Tables only this plugin has, as its own tools print them (`cilium-dbg service list`). */
  extraTables?(ctx: NodeCtx): readonly { readonly id: TableId; readonly command: string; readonly text: string }[];
  /** The eBPF datapath, when the plugin has one (Cilium). */
  readonly bpf?: BpfDatapath;
}
