// The typed form of an iptables ruleset, as ip_tables holds it: tables of chains (built-in
// chains with a policy, user chains without), each a list of rules made of ordered matches and
// one target. Every match and target keeps the text it was written with, so the restore form
// can be printed back exactly, and the parsed values the kernel would store, so the kernel
// (`iptables-save`) form and the evaluator need no re-parsing.
import type { IpFamily, IpNet } from './addr';
import type { CtState } from './eval-types';
import type { IpvsMatch } from './ipvs-match';

export type { IpvsMatch } from './ipvs-match';

export type ChainPolicy = 'ACCEPT' | 'DROP';

export interface AddrMatch {
  readonly kind: 'src' | 'dst';
  readonly neg: boolean;
  readonly net: IpNet;
  /** As written, e.g. `10.180.0.1` (the kernel form prints `10.180.0.1/32`). */
  readonly text: string;
}

export interface IfaceMatch {
  readonly kind: 'in' | 'out';
  readonly neg: boolean;
  /** Interface name; a trailing `+` matches any name with that prefix. */
  readonly iface: string;
}

export interface ProtoMatch {
  readonly kind: 'proto';
  readonly neg: boolean;
  readonly proto: string;
  /** IP protocol number; 0 means `all`. */
  readonly num: number;
}

export interface PortSpec {
  readonly neg: boolean;
  readonly lo: number;
  readonly hi: number;
  readonly text: string;
}

/** `-m tcp|udp|sctp [--sport P] [--dport P]`; `implicit` when loaded by `-p` alone. */
export interface PortsMatch {
  readonly kind: 'ports';
  readonly module: 'tcp' | 'udp' | 'sctp';
  readonly implicit: boolean;
  readonly sport?: PortSpec;
  readonly dport?: PortSpec;
  readonly order: readonly ('sport' | 'dport')[];
}

export interface MultiportMatch {
  readonly kind: 'multiport';
  readonly neg: boolean;
  readonly dir: 'sports' | 'dports' | 'ports';
  readonly ranges: readonly (readonly [number, number])[];
  readonly text: string;
}

export interface CommentMatch {
  readonly kind: 'comment';
  readonly comment: string;
  /** Written in double quotes (the restore form keeps what was written). */
  readonly quoted: boolean;
}

export interface AddrTypeSpec {
  readonly neg: boolean;
  readonly types: readonly string[];
  readonly text: string;
}

export interface AddrtypeMatch {
  readonly kind: 'addrtype';
  readonly src?: AddrTypeSpec;
  readonly dst?: AddrTypeSpec;
  readonly limitIfaceIn: boolean;
  readonly limitIfaceOut: boolean;
  readonly order: readonly ('src-type' | 'dst-type' | 'limit-iface-in' | 'limit-iface-out')[];
}

export interface MarkMatch {
  readonly kind: 'mark';
  readonly neg: boolean;
  readonly value: number;
  readonly mask: number;
  readonly text: string;
}

export interface ConntrackMatch {
  readonly kind: 'conntrack';
  readonly neg: boolean;
  readonly states: readonly CtState[];
  readonly text: string;
}

/** `-m statistic --mode random --probability p`; the kernel keeps round(p * 2^31). */
export interface StatisticMatch {
  readonly kind: 'statistic';
  readonly neg: boolean;
  readonly probability: number;
  readonly text: string;
  readonly order: readonly ('mode' | 'probability')[];
}

export type RecentAction = 'set' | 'rcheck' | 'update' | 'remove';
export type RecentOption = RecentAction | 'seconds' | 'reap' | 'hitcount' | 'name' | 'rsource' | 'rdest' | 'mask' | 'rttl';

export interface RecentMatch {
  readonly kind: 'recent';
  readonly neg: boolean;
  readonly action: RecentAction;
  /** The list name; `DEFAULT` when not given. */
  readonly name: string;
  /** 0 when not given. */
  readonly seconds: number;
  readonly reap: boolean;
  readonly hitcount: number;
  readonly side: 'rsource' | 'rdest';
  readonly mask?: string;
  readonly rttl: boolean;
  readonly order: readonly RecentOption[];
}

export interface SetMatch {
  readonly kind: 'set';
  readonly neg: boolean;
  readonly set: string;
  /** e.g. ['dst', 'dst'] for `dst,dst`. */
  readonly flags: readonly string[];
}

export interface NfacctMatch {
  readonly kind: 'nfacct';
  readonly name: string;
}

export type PhysdevOption = 'physdev-in' | 'physdev-out' | 'physdev-is-in' | 'physdev-is-out' | 'physdev-is-bridged';

export interface PhysdevMatch {
  readonly kind: 'physdev';
  readonly options: readonly { readonly opt: PhysdevOption; readonly neg: boolean; readonly iface?: string }[];
}

export type ModuleMatch =
  | PortsMatch
  | MultiportMatch
  | CommentMatch
  | AddrtypeMatch
  | MarkMatch
  | ConntrackMatch
  | StatisticMatch
  | RecentMatch
  | SetMatch
  | NfacctMatch
  | PhysdevMatch
  | IpvsMatch;

export type BasicMatch = AddrMatch | IfaceMatch | ProtoMatch;
export type Match = BasicMatch | ModuleMatch;

/** The fields of the IP header itself (ip_packet_match), as opposed to `-m` extensions. */
export function isBasicMatch(m: Match): m is BasicMatch {
  return m.kind === 'src' || m.kind === 'dst' || m.kind === 'in' || m.kind === 'out' || m.kind === 'proto';
}

export type MarkOp = 'set-xmark' | 'set-mark' | 'or-mark' | 'xor-mark' | 'and-mark';

export type Target =
  | { readonly kind: 'none' }
  | { readonly kind: 'jump' | 'goto'; readonly chain: string }
  | { readonly kind: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { readonly kind: 'REJECT'; readonly with?: string }
  | { readonly kind: 'DNAT'; readonly to: string; readonly random: boolean; readonly persistent: boolean; readonly order: readonly string[] }
  | {
      readonly kind: 'SNAT';
      readonly to: string;
      readonly random: boolean;
      readonly randomFully: boolean;
      readonly persistent: boolean;
      readonly order: readonly string[];
    }
  | { readonly kind: 'MASQUERADE'; readonly toPorts?: string; readonly random: boolean; readonly randomFully: boolean; readonly order: readonly string[] }
  /** value/mask in the kernel's xmark form: mark = (mark & ~mask) ^ value. */
  | { readonly kind: 'MARK'; readonly op: MarkOp; readonly text: string; readonly value: number; readonly mask: number }
  /**
   * libxt_CONNMARK (revision 2), on the connection's mark: --set-xmark value/mask (ctmark =
   * (ctmark & ~mask) ^ value); --restore-mark (mark = (mark & ~nfmask) | (ctmark & ctmask));
   * --save-mark (ctmark = (ctmark & ~ctmask) | (mark & nfmask)). `text` is what was written.
   */
  | { readonly kind: 'CONNMARK'; readonly op: 'set-xmark' | 'restore-mark' | 'save-mark'; readonly text: string; readonly value: number; readonly mask: number; readonly nfmask: number; readonly ctmask: number };

export interface Rule {
  readonly matches: readonly Match[];
  readonly target: Target;
  /**
   * The written order of the pieces, for the restore form: a match index per piece (for a
   * module, its first occurrence is `-m name` and each later one is its next option), and -1
   * for the target. Absent: every match with its options in order, then the target.
   */
  readonly layout?: readonly number[];
}

export interface Chain {
  readonly name: string;
  /** null for user chains. */
  readonly policy: ChainPolicy | null;
  readonly packets: number;
  readonly bytes: number;
  readonly rules: readonly Rule[];
}

export interface Table {
  readonly name: string;
  readonly chains: readonly Chain[];
}

export interface Ruleset {
  readonly family: IpFamily;
  readonly tables: readonly Table[];
}

/** The built-in chains of each table, in the order the kernel lists them. */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export function isBuiltinChain(table: string, chain: string): boolean {
  return (BUILTIN_CHAINS[table] ?? []).includes(chain);
}
