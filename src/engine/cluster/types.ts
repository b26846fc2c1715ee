// The compiled cluster: the state a real cluster has, derived from the scenario. Cheap,
// cluster-wide facts (which node each pod runs on, every address) are computed up front;
// each network namespace's devices, routes and rules are built on first use and kept, so a
// 1,000-node cluster costs only what a trace touches.
import type { Cidr } from '../lib/ip';
import type { PodSpec, Protocol, Scenario, ScenarioError } from '../model/types';
import type { ServiceEndpoints, ServiceModel } from '../services/types';
import type { ProxyInput } from '../kubeproxy/types';
import type { NetfilterState } from './netfilter-state';
import type { PolicyEngine } from '../stack/policy-seam';
import type { CniPlugin } from '../cni/types';
import type { Underlay } from '../cni/underlay';

/** 'node/<name>' | 'pod/<ns>/<name>' | 'host/<name>' (outside host) | 'host/@<ip>' (an undeclared internet host) | 'router/gateway' | 'router/internet' */
export type NetnsId = string;

export type MachineKind = 'node' | 'pod' | 'outside' | 'router';

export interface Address {
  readonly ip: string;
  readonly prefix: number;
  readonly scope: 'host' | 'link' | 'global';
  /** broadcast address as `ip addr` shows it (brd) */
  readonly brd?: string;
}

export type DeviceKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'dummy' | 'vxlan' | 'ipip';

/** A VXLAN device's link settings, as `ip -d link` shows them. */
export interface VxlanInfo {
  /** The VNI, or 'external' for a collect-metadata device whose tunnel key an eBPF program sets (Cilium). */
  readonly vni: number | 'external';
  /** UDP destination port: 8472 is the kernel's default (flannel, Cilium), 4789 IANA's (Calico). */
  readonly port: number;
  /** The local address it sends from, and the underlay device it is bound to. */
  readonly local?: string;
  readonly dev?: string;
  readonly learning: boolean;
}

/** Which eBPF programs are attached to a device (tc ingress / egress), by their section names. */
export interface TcPrograms {
  readonly ingress?: string;
  readonly egress?: string;
}

export interface Device {
  readonly name: string;
  readonly ifindex: number;
  readonly kind: DeviceKind;
  readonly mac: string;
  readonly mtu: number;
  readonly addrs: readonly Address[];
  /** The other end of a veth pair. */
  readonly peer?: { readonly netns: NetnsId; readonly device: string; readonly ifindex: number };
  /** The bridge this device is a port of. */
  readonly master?: string;
  /** The L2 segment (wire) an `ether` device plugs into. */
  readonly segment?: string;
  readonly up: boolean;
  /** Bridge port flag: frames may go back out of the port they came in on. */
  readonly hairpin?: boolean;
  /** Bridge flag: a promiscuous bridge also hands every frame it forwards up to its own stack. */
  readonly promisc?: boolean;
  /** net.ipv4.conf.<dev>.proxy_arp = 1: the device answers ARP for addresses it routes elsewhere (Calico's cali veths). */
  readonly proxyArp?: boolean;
  /** An eBPF program answers ARP on this device with the device's MAC (Cilium's lxc veths). */
  readonly bpfArp?: boolean;
  readonly vxlan?: VxlanInfo;
  readonly tc?: TcPrograms;
  /** NOARP (cilium_net/cilium_host). */
  readonly noarp?: boolean;
  /** txqueuelen when the creator set one (Cilium gives cilium_host 1000); otherwise the kind's default. */
  readonly txqlen?: number;
  /** For printing: the interface index of a peer outside the model (a kind node's eth0 is a veth to docker's bridge: eth0@if12). */
  readonly linkPeerIfindex?: number;
}

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'blackhole' | 'unreachable' | 'prohibit';

/** A routing table: the kernel's named ones (main 254, local 255, default 253) or a number (AWS's per-ENI tables). */
export type RouteTable = 'main' | 'local' | 'default' | number;

/** Who installed a route (rtnetlink's rtm_protocol): iproute2 prints the name, or the number when it has none (Calico's felix: 80). */
export type RouteProto = 'kernel' | 'static' | 'boot' | 'bird' | number;

export interface Route {
  readonly table: RouteTable;
  readonly type: RouteType;
  readonly dst: Cidr;
  readonly via?: string;
  readonly dev?: string;
  readonly proto?: RouteProto;
  readonly scope?: 'host' | 'link' | 'global';
  readonly src?: string;
  readonly metric?: number;
  readonly onlink?: boolean;
  /** The route's MTU metric (`mtu 1450`): what output to this destination may send at most. */
  readonly mtu?: number;
}

/** A policy routing rule (`ip rule`): packets matching the selector look up `table`. */
export interface IpRule {
  readonly priority: number;
  readonly from?: Cidr;
  readonly to?: Cidr;
  readonly fwmark?: { readonly mark: number; readonly mask: number };
  readonly iif?: string;
  /** `not`: the rule applies to packets that do not match the selector. */
  readonly not?: boolean;
  readonly table: RouteTable;
}

/** A neighbour entry a program wrote (flannel's VTEPs, AWS's gateway in the pod): `ip neigh ... PERMANENT`. */
export interface StaticNeigh {
  readonly ip: string;
  readonly dev: string;
  readonly mac: string;
}

/** A forwarding entry a program wrote on a VXLAN device: `<mac> dev flannel.1 dst <node IP> self permanent`. */
export interface StaticFdb {
  readonly mac: string;
  readonly dev: string;
  /** The remote VTEP (underlay address) frames for `mac` are sent to. */
  readonly dst: string;
}

/** A socket listening for connections (a container's port, kubelet, the API server ...). */
export interface Listener {
  readonly proto: 'tcp' | 'udp' | 'sctp';
  readonly port: number;
  /** '0.0.0.0' for the wildcard. */
  readonly addr: string;
  /** Who owns it: a container name, or a process on the node (kubelet, kube-apiserver ...). */
  readonly owner: string;
}

export interface Netns {
  readonly id: NetnsId;
  readonly kind: MachineKind;
  /** The machine the namespace lives on: a node name, an outside host's name, or 'gateway'. */
  readonly machine: string;
  /** 'root' for a machine's own namespace, NAMESPACE/POD for a pod. */
  readonly name: string;
  readonly devices: readonly Device[];
  /** Every table's routes (main, local and any numbered ones). */
  readonly routes: readonly Route[];
  /** Policy routing rules in priority order (the kernel's three defaults when nothing added any). */
  readonly rules: readonly IpRule[];
  /** Neighbour and FDB entries programs installed (flannel's, Calico's VTEPs; AWS's pod gateway). */
  readonly neigh: readonly StaticNeigh[];
  readonly fdb: readonly StaticFdb[];
  readonly forwarding: boolean;
  readonly listeners: readonly Listener[];
  /** Route edits from the scenario that could not be applied here. */
  readonly editProblems: readonly EditProblem[];
  /** What the kernel does with a packet to a closed port: refuse it (RST, port unreachable; the default) or drop it (a firewall). */
  readonly closedPorts?: 'refuse' | 'drop';
  /** How explanations name the machine when its kind alone does not say ("the VPC router"). */
  readonly label?: string;
  /** The graph element every hop in this namespace is drawn at, when the namespace has none of its own. */
  readonly drawnAs?: string;
}

/** A namespace without its routes: what a view draws. */
export type NetnsShape = Omit<Netns, 'routes' | 'editProblems' | 'rules' | 'neigh' | 'fdb'>;

export interface EditProblem {
  readonly doc: number;
  readonly line: number;
  readonly message: string;
}

export interface ClusterNode {
  readonly name: string;
  readonly index: number;
  readonly role: 'control-plane' | 'worker';
  readonly ip: string;
  readonly mac: string;
  /** The node network segment eth0 plugs into, its subnet and the default gateway on it. */
  readonly segment: string;
  readonly subnet: Cidr;
  readonly gatewayIp: string;
  /** The node's first pod range: the podCIDR (a /24), Calico's first /26 block, or (AWS) the node's subnet. */
  readonly podCidr: Cidr;
  /** Every pod range the node owns (Calico claims more /26 blocks as it fills them). */
  readonly podRanges: readonly Cidr[];
  readonly labels: Readonly<Record<string, string>>;
  readonly tainted: boolean;
  /** Keys of the pods scheduled here, in creation order. */
  readonly pods: readonly string[];
}

export interface ClusterPod {
  /** NAMESPACE/NAME */
  readonly key: string;
  readonly spec: PodSpec;
  readonly node: string;
  readonly ip: string;
  /** The pod's position among the pods with their own network namespace on its node (0-based). */
  readonly slot: number;
  readonly netns: NetnsId;
}

export interface PendingPod {
  readonly spec: PodSpec;
  readonly reason: string;
}

export interface OutsideHost {
  readonly name: string;
  readonly ip: string;
  readonly netns: NetnsId;
  readonly ports: readonly { readonly port: number; readonly protocol: Protocol }[];
  /** DNS names the internet's resolvers answer with this host's address. */
  readonly names: readonly string[];
  /** An undeclared public address: a host somewhere on the internet. */
  readonly virtual?: boolean;
}

/** Who holds an address, for resolving names and for ARP on a wire. */
export interface AddressOwner {
  readonly netns: NetnsId;
  readonly device: string;
}

export interface Cluster {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly nodes: readonly ClusterNode[];
  readonly pods: readonly ClusterPod[];
  readonly pending: readonly PendingPod[];
  /** The CNI plugin that wired the pods and the nodes. */
  readonly cni: CniPlugin;
  /** The NetworkPolicy model asked at the plugin's policy point (stack/policy-seam.ts); none: every packet passes. */
  readonly policy?: PolicyEngine;
  /** The node network as the plugin shapes it: one L2 segment (kind), or a VPC's subnets behind a router (AWS). */
  readonly underlay: Underlay;
  readonly outside: readonly OutsideHost[];
  readonly gateway: { readonly ip: string; readonly netns: NetnsId };
  readonly podSubnet: Cidr;
  readonly serviceSubnet: Cidr;
  readonly nodeSubnet: Cidr;
  /** Services after defaulting and allocation, built-in ones first. */
  readonly services: readonly ServiceModel[];
  /** Endpoints by Service key (NAMESPACE/NAME). */
  readonly endpoints: ReadonlyMap<string, ServiceEndpoints>;
  service(key: string): ServiceModel | undefined;
  /** What kube-proxy on a node is told (built once per node). */
  proxyInput(node: string): ProxyInput;
  node(name: string): ClusterNode | undefined;
  pod(key: string): ClusterPod | undefined;
  /** Builds (once) and returns a network namespace. */
  netns(id: NetnsId): Netns;
  /**
   * A namespace's devices and listeners, without building its routes (a node's routes grow
   * with the number of nodes). Not kept: views read each namespace once.
   */
  shape(id: NetnsId): NetnsShape;
  /** The netfilter rules of a namespace (built once); undefined where there are none. */
  netfilter(id: NetnsId): NetfilterState | undefined;
  /** Which device on an L2 segment holds an address. */
  onSegment(segment: string, ip: string): AddressOwner | undefined;
  /** Any owner of an address in the cluster or outside it. */
  ownerOf(ip: string): AddressOwner | undefined;
  /** A declared outside host by name or address, or an undeclared public address as a host on the internet. */
  outsideHost(ref: string): OutsideHost | undefined;
}

/** A problem found while compiling, located like a parse error. */
export type CompileError = ScenarioError;

export type CompileResult =
  | { readonly ok: true; readonly cluster: Cluster }
  | { readonly ok: false; readonly errors: readonly CompileError[] };
