// A trace: the record of one conversation. A send or a shell command is a list of
// exchanges in time order (a DNS query and its answer, a TCP connection with its request and
// response, an ICMP echo, a proxy's upstream connection); each exchange has legs, and each
// leg is the list of hops one packet took. A hop names where it happened, what happened,
// the packet as it left, the deciding rule in the real tool's syntax, and a sentence or two
// a learner can read. The JSON form of a Trace is versioned (TRACE_VERSION).
import type { Payload } from './payload';

export type { Payload, DnsPayload, HttpPayload, DataPayload, DnsRecord, DnsQuestion, DnsRcode, DnsType } from './payload';

export const TRACE_VERSION = 2;

export type HopKind =
  | 'socket' | 'route' | 'arp' | 'bridge' | 'veth' | 'loopback' | 'wire' | 'netfilter' | 'nat' | 'conntrack'
  | 'ipvs' | 'encap' | 'decap' | 'policy' | 'deliver' | 'refuse' | 'icmp' | 'drop' | 'dns' | 'http' | 'proxy' | 'app'
  | 'bpf' | 'fragment';

export type Verdict = 'delivered' | 'dropped' | 'refused';

export type L4Proto = 'tcp' | 'udp' | 'sctp' | 'icmp';

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
  /** Bytes this header adds to the packet it carries (VXLAN 50 with the inner Ethernet header, IP-in-IP 20). */
  readonly bytes?: number;
  /** The outer packet's IP total length, and its DF bit. */
  readonly size?: number;
  readonly df?: boolean;
}

/** ICMP's own fields: an echo has an identifier and a sequence number, not ports. */
export interface IcmpView {
  /** echo-request, echo-reply, port-unreachable, time-exceeded, net-unreachable ... */
  readonly type: string;
  readonly id?: number;
  readonly seq?: number;
  /** "fragmentation needed": the next-hop MTU the router reported. */
  readonly mtu?: number;
}

/** The packet as seen at one hop. */
export interface PacketView {
  readonly srcMac: string;
  readonly dstMac: string;
  readonly src: string;
  readonly dst: string;
  readonly proto: L4Proto;
  /** TCP, UDP and SCTP ports; 0 for ICMP, which has none (see `icmp`). */
  readonly sport: number;
  readonly dport: number;
  readonly ttl: number;
  /** IP total length in bytes (absent in traces recorded before sizes were modelled). */
  readonly size?: number;
  /** The Don't Fragment bit. */
  readonly df?: boolean;
  /** When the datagram travels in fragments: how many, and the largest one's total length. */
  readonly frag?: { readonly count: number; readonly size: number };
  /** A SYN's MSS option: the largest TCP payload the sender will take. */
  readonly mss?: number;
  /** Encapsulation headers, outermost first; empty when none. */
  readonly outer: readonly OuterHeader[];
  /** TCP flags (SYN, SYN ACK, PSH ACK, RST ACK ...), SCTP chunks (INIT, INIT ACK, ABORT) or the ICMP message (echo-request, port-unreachable ...). */
  readonly flags: string;
  readonly mark: number;
  /** For ICMP: the type and, for echoes, the identifier and sequence number. */
  readonly icmp?: IcmpView;
  /** What an application put in the packet: a DNS question or answer, an HTTP request or response. */
  readonly payload?: Payload;
}

export interface Hop {
  /** The id of the graph element the hop happened at (a device, a container, a pod or a machine). */
  readonly at: string;
  /** The machine: a node name, 'gateway', or an outside host's name. */
  readonly node: string;
  /** 'root' or NAMESPACE/POD. */
  readonly netns: string;
  /** The engine's id of the network namespace: "node/kind-worker", "pod/default/web", "router/gateway", "host/client". */
  readonly nsId: string;
  readonly device: string;
  readonly kind: HopKind;
  readonly text: string;
  readonly packet: PacketView;
  /** The packet before this hop rewrote it (NAT, TTL, MACs), when it did. */
  readonly before?: PacketView;
  /** The deciding route, rule or table entry, in the real tool's syntax. */
  readonly rule?: string;
  /** Which table the rule comes from: routes, neigh, fdb, iptables, ipvs, nft, conntrack, sockets, dns, http. */
  readonly table?: string;
  /** The container involved (the sender, or the one whose socket received). */
  readonly container?: string;
  /** For netfilter hops: every rule that matched, in order, as the table prints it. */
  readonly steps?: readonly NfStepView[];
  /** For netfilter hops: how many rules the kernel compared the packet with. */
  readonly rulesEvaluated?: number;
  /** For a layer-7 proxy's hops: which proxy, the routing rule it followed and the upstream it chose. */
  readonly proxy?: ProxyView;
}

/** A routing rule in a scenario object: an Ingress path or default backend, an HTTPRoute rule's match. */
export interface RouteRef {
  readonly kind: 'Ingress' | 'HTTPRoute';
  readonly namespace: string;
  readonly name: string;
  /** The rule's field: spec.rules[0].http.paths[1], spec.defaultBackend, spec.rules[1].matches[0]. */
  readonly field: string;
}

export interface ProxyView {
  readonly proxy: 'ingress-nginx' | 'envoy';
  /** The proxy's own table: the controller pod (NAMESPACE/POD) or the Gateway (NAMESPACE/NAME) it serves. */
  readonly instance: string;
  /** What the proxy did at this hop. */
  readonly step: 'route' | 'balance' | 'respond' | 'relay';
  /** The rule that matched; absent when none did (the default backend, a 404). */
  readonly route?: RouteRef;
  /** The server or virtual host it chose, as its routing table names it: a host, `*.example.com`, or "*". */
  readonly host?: string;
  /** The upstream it chose: its name, the Service behind it, and the endpoint picked. */
  readonly upstream?: { readonly name: string; readonly service?: string; readonly endpoint?: string };
  /** The status the proxy answered itself with, when it did. */
  readonly status?: number;
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

/** One packet's way: from the socket that sent it to where it ended. */
export interface TraceLeg {
  /** What the packet is: "SYN", "SYN ACK", "HTTP request", "DNS answer", "echo reply", "ICMP error" ... */
  readonly name: string;
  /** 'out' from the exchange's sender, 'back' towards it. */
  readonly dir: 'out' | 'back';
  readonly verdict: Verdict;
  /** Why it did not arrive: the catalogue title, with the specifics. */
  readonly reason?: string;
  readonly code?: string;
  readonly hops: readonly Hop[];
  /** Netfilter rules this leg's packet was compared with, over every hook it crossed. */
  readonly rulesEvaluated: number;
  /** Position of this leg among all legs of the trace, in time order (legs of nested exchanges interleave). */
  readonly seq: number;
  /** Simulated time (milliseconds since the conversation began) when the packet left and where it ended. */
  readonly start: number;
  readonly end: number;
}

export type ExchangeKind = 'tcp' | 'udp' | 'sctp' | 'icmp' | 'dns' | 'http';

/** The five-tuple as the sender wrote it. For ICMP, sport and dport are 0 and `icmpId` is the echo identifier. */
export interface ExchangeTuple {
  readonly src: string;
  readonly dst: string;
  readonly proto: L4Proto;
  readonly sport: number;
  readonly dport: number;
  readonly icmpId?: number;
}

export interface Exchange {
  /** Index in the trace's exchanges. */
  readonly id: number;
  readonly kind: ExchangeKind;
  /** What it is for: "look up api.shop.svc.cluster.local (A)", "HTTP GET / to 10.96.12.7:80". */
  readonly title: string;
  /** Who sent it: "pod default/web", "node kind-worker", "outside host client (203.0.113.10)". */
  readonly from: string;
  /** The sending container, when a container sent it. */
  readonly container?: string;
  /** What it was sent to, as the sender named it: "Service default/api (10.96.40.208)". */
  readonly to: string;
  readonly tuple: ExchangeTuple;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly code?: string;
  readonly legs: readonly TraceLeg[];
  /** The exchange that caused this one (CoreDNS forwarding a query, a proxy's upstream connection). */
  readonly parent?: number;
  /** The application-level outcome: the DNS answer, the HTTP status, in a few words. */
  readonly result?: string;
}

/** What was run. */
export type TraceRun =
  | {
    readonly kind: 'send';
    readonly from: string;
    readonly container?: string;
    readonly to: string;
    readonly proto: L4Proto;
    readonly port?: number;
  }
  | { readonly kind: 'command'; readonly from: string; readonly container?: string; readonly command: string };

export interface Trace {
  readonly version: typeof TRACE_VERSION;
  readonly run: TraceRun;
  readonly seed: number;
  /** In the order they began. */
  readonly exchanges: readonly Exchange[];
  /** The conversation's outcome: that of its last exchange sent by the conversation's own sender. */
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly code?: string;
}
