// The contract between the packet interpreter (stack/) and the netfilter evaluators
// (iptables rules, IPVS, nftables). The stack hands a hook a packet and an environment;
// the evaluator answers with a verdict, the rewrites it asks for, and the rules that decided.

export type NfTableName = 'raw' | 'mangle' | 'nat' | 'filter';
export type NfHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** conntrack state bits as `-m conntrack --ctstate` sees them. */
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED' | 'SNAT' | 'DNAT';

export interface NfPacket {
  readonly src: string;
  readonly dst: string;
  /** 'ipip' (IP protocol 4): an IP-in-IP tunnel's outer packet. */
  readonly proto: 'tcp' | 'udp' | 'sctp' | 'icmp' | 'ipip';
  readonly sport: number;
  readonly dport: number;
  /** -i: the device the packet came in on (PREROUTING, INPUT, FORWARD). */
  readonly inIface?: string;
  /** -o: the device the packet leaves by (FORWARD, OUTPUT, POSTROUTING). */
  readonly outIface?: string;
  /** skb->mark */
  readonly mark: number;
  /** The connection's mark (ct mark), for CONNMARK. */
  readonly ctmark?: number;
  /** The connection's state(s); e.g. ['NEW'] or ['ESTABLISHED', 'DNAT']. */
  readonly ctstate: readonly CtState[];
  /** The IPVS connection the packet belongs to, once IPVS has handled it (skb->ipvs_property), for `-m ipvs`. */
  readonly ipvs?: IpvsConnView;
}

/** What `-m ipvs` sees of an IPVS connection: its virtual service, forwarding method and the packet's direction. */
export interface IpvsConnView {
  readonly vaddr: string;
  readonly vport: number;
  readonly method: 'MASQ' | 'GATE' | 'IPIP';
  /** The packet travels in the reply direction of the connection. */
  readonly reply: boolean;
}

export type AddrType = 'LOCAL' | 'UNICAST' | 'BROADCAST' | 'MULTICAST' | 'UNSPEC';

export interface NfEnv {
  /** addrtype as the kernel sees it in this network namespace. */
  addrType(ip: string): AddrType;
  /** A seeded draw in [0, 2^31) for `-m statistic --mode random` and `numgen random`. */
  random31(): number;
  /** The current simulated time in seconds, for `-m recent --seconds`. */
  readonly nowSeconds: number;
  /** `-m recent` lists of this netns; the evaluator may add to them (--set). */
  readonly recent: RecentLists;
  /** ipset membership (IPVS mode); undefined when the netns has no ipsets. */
  ipsetTest?(set: string, flags: readonly string[], pkt: NfPacket): boolean;
}

/** name -> source address -> last-seen seconds. */
export type RecentLists = Map<string, Map<string, number>>;

export type NatRequest =
  | { readonly kind: 'DNAT'; readonly toAddr: string; readonly toPort?: number }
  | { readonly kind: 'SNAT'; readonly toAddr: string; readonly toPort?: number; readonly randomFully: boolean }
  | { readonly kind: 'MASQUERADE'; readonly randomFully: boolean };

/** One rule that matched (or the chain policy that applied) while the packet crossed a hook. */
export interface NfStep {
  readonly table: NfTableName;
  readonly chain: string;
  /** 1-based position in the chain; 0 for the chain policy. */
  readonly ruleNumber: number;
  /** The rule as `iptables-save` prints it (or the nft rule text). */
  readonly text: string;
  /** What the rule did: 'jump KUBE-SVC-…', 'DNAT', 'ACCEPT', 'MARK', 'RETURN', 'policy ACCEPT'... */
  readonly action: string;
}

export type NfVerdict =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP' }
  | { readonly kind: 'REJECT'; readonly with: string };

export interface NfResult {
  readonly verdict: NfVerdict;
  /** The mark after the hook (MARK targets change it). */
  readonly mark: number;
  /** The connection's mark after the hook (CONNMARK changes it). */
  readonly ctmark?: number;
  /** At most one NAT binding per hook; only the first packet of a connection meets the nat table. */
  readonly nat?: NatRequest;
  /** The rules that matched, in order. */
  readonly steps: readonly NfStep[];
  /** How many rules the kernel compared the packet against (linear walk), for teaching. */
  readonly rulesEvaluated: number;
}
