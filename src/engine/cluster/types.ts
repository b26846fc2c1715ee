// The compiled cluster: the state a real cluster has, derived from the scenario. Cheap,
// cluster-wide facts (which node each pod runs on, every address) are computed up front;
// each network namespace's devices, routes and rules are built on first use and kept, so a
// 1,000-node cluster costs only what a trace touches.
import type { Cidr } from '../lib/ip';
import type { PodSpec, Protocol, Scenario, ScenarioError } from '../model/types';
import type { ServiceEndpoints, ServiceModel } from '../services/types';
import type { ProxyInput } from '../kubeproxy/types';
import type { NetfilterState } from './netfilter-state';

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

export type DeviceKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'dummy';

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
}

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'blackhole' | 'unreachable' | 'prohibit';

export interface Route {
  readonly table: 'main' | 'local';
  readonly type: RouteType;
  readonly dst: Cidr;
  readonly via?: string;
  readonly dev?: string;
  readonly proto?: 'kernel' | 'static' | 'boot';
  readonly scope?: 'host' | 'link' | 'global';
  readonly src?: string;
  readonly metric?: number;
  readonly onlink?: boolean;
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
  readonly routes: readonly Route[];
  readonly forwarding: boolean;
  readonly listeners: readonly Listener[];
  /** Route edits from the scenario that could not be applied here. */
  readonly editProblems: readonly EditProblem[];
  /** What the kernel does with a packet to a closed port: refuse it (RST, port unreachable; the default) or drop it (a firewall). */
  readonly closedPorts?: 'refuse' | 'drop';
  /** The graph element every hop in this namespace is drawn at, when the namespace has none of its own. */
  readonly drawnAs?: string;
}

/** A namespace without its routes: what a view draws. */
export type NetnsShape = Omit<Netns, 'routes' | 'editProblems'>;

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
  readonly podCidr: Cidr;
  readonly labels: Readonly<Record<string, string>>;
  readonly tainted: boolean;
  /** Whether the node has a pod with its own namespace, and so the bridge the CNI creates for the first one. */
  readonly bridged: boolean;
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
