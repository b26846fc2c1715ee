// A trace: the ordered record of what happened to one packet (and its reply), each hop
// naming where it happened, what happened, the packet as it left, the deciding rule in the
// real tool's syntax, and a sentence or two a learner can read.

export type HopKind =
  | 'socket' | 'route' | 'arp' | 'bridge' | 'veth' | 'loopback' | 'wire' | 'netfilter' | 'nat' | 'conntrack'
  | 'ipvs' | 'encap' | 'decap' | 'policy' | 'deliver' | 'refuse' | 'icmp' | 'drop';

export type Verdict = 'delivered' | 'dropped' | 'refused';

export interface OuterHeader {
  readonly kind: 'vxlan' | 'ipip' | 'geneve';
  readonly srcMac?: string;
  readonly dstMac?: string;
  readonly src: string;
  readonly dst: string;
  readonly proto: 'udp' | 'ipip';
  readonly sport?: number;
  readonly dport?: number;
  readonly vni?: number;
  readonly ttl: number;
}

/** The packet as seen at one hop. */
export interface PacketView {
  readonly srcMac: string;
  readonly dstMac: string;
  readonly src: string;
  readonly dst: string;
  readonly proto: 'tcp' | 'udp' | 'icmp';
  readonly sport: number;
  readonly dport: number;
  readonly ttl: number;
  /** Encapsulation headers, outermost first; empty when none. */
  readonly outer: readonly OuterHeader[];
  /** TCP flags (SYN, SYN ACK, RST ACK ...) or the ICMP message (echo-request, port-unreachable ...). */
  readonly flags: string;
  readonly mark: number;
}

export interface Hop {
  /** The id of the graph element the hop happened at (a device, a container, a pod or a machine). */
  readonly at: string;
  /** The machine: a node name, 'gateway', or an outside host's name. */
  readonly node: string;
  /** 'root' or NAMESPACE/POD. */
  readonly netns: string;
  readonly device: string;
  readonly kind: HopKind;
  readonly text: string;
  readonly packet: PacketView;
  /** The packet before this hop rewrote it (NAT, TTL, MACs), when it did. */
  readonly before?: PacketView;
  /** The deciding route, rule or table entry, in the real tool's syntax. */
  readonly rule?: string;
  /** Which table the rule comes from: routes, neigh, fdb, iptables, ipvs, nft, conntrack, sockets. */
  readonly table?: string;
  /** The container involved (the sender, or the one whose socket received). */
  readonly container?: string;
  /** For netfilter hops: every rule that matched, in order, as the table prints it. */
  readonly steps?: readonly NfStepView[];
  /** For netfilter hops: how many rules the kernel compared the packet with. */
  readonly rulesEvaluated?: number;
}

export interface NfStepView {
  /** Which program's rules: iptables (-A lines as iptables-save prints them) or nft. */
  readonly tool: 'iptables' | 'nft';
  readonly table: string;
  readonly chain: string;
  readonly rule: string;
  readonly action: string;
}

export interface DropReason {
  readonly code: string;
  readonly title: string;
  readonly explanation: string;
}

export interface TraceLeg {
  readonly verdict: Verdict;
  /** Why it did not arrive: the catalogue title, with the specifics. */
  readonly reason?: string;
  readonly code?: string;
  readonly hops: readonly Hop[];
  /** Netfilter rules this leg's packet was compared with, over every hook it crossed. */
  readonly rulesEvaluated: number;
}

export interface Trace extends TraceLeg {
  readonly reply?: TraceLeg;
  /** The send as resolved: who, to what address, which ports. */
  readonly send: {
    readonly from: string;
    readonly to: string;
    readonly src: string;
    readonly dst: string;
    readonly proto: 'tcp' | 'udp' | 'icmp';
    readonly sport: number;
    readonly dport: number;
    readonly seed: number;
  };
}
