// A typed model of one nftables table — the `ip kube-proxy` table kube-proxy's nftables
// proxier programs — with exactly the expression and statement shapes kube-proxy emits
// (knftables rules are strings; here each rule is data, so the evaluator can run it and
// two printers can render it: knftables' transaction form and `nft list ruleset`).
import { assertNever } from '../../lib/assert';

export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
export type NftChainType = 'filter' | 'nat';
export type NftL4 = 'tcp' | 'udp' | 'sctp';
export type NftAddrField = 'saddr' | 'daddr';

export interface NftBaseChainSpec {
  readonly type: NftChainType;
  readonly hook: NftHook;
  /** Numeric priority (kube-proxy uses dstnat-10 = -110, dstnat = -100, filter = 0, srcnat = 100). */
  readonly priority: number;
}

export type NftVerdict =
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'goto'; readonly chain: string }
  | { readonly kind: 'return' }
  | { readonly kind: 'accept' }
  | { readonly kind: 'drop' };

/** How kube-proxy spelled an anonymous set: serviceCIDRs is pre-joined ("a,b"), source ranges are Concat'ed ("a , b"). */
export type NftAnonJoin = ',' | ' , ';

/** The match expressions kube-proxy writes (all of a rule's expressions must match). */
export type NftExpr =
  /** `ip daddr 172.30.0.41`, `ip saddr != 10.0.0.0/8` */
  | { readonly kind: 'addr'; readonly field: NftAddrField; readonly negate: boolean; readonly value: string }
  /** `ip daddr { 172.30.0.0/16 }`, `ip saddr != { 203.0.113.0/25 }` */
  | {
      readonly kind: 'addrAnonSet';
      readonly field: NftAddrField;
      readonly negate: boolean;
      readonly values: readonly string[];
      readonly join: NftAnonJoin;
    }
  /** `ip daddr @cluster-ips`, `ip saddr @affinity-…` */
  | { readonly kind: 'addrInSet'; readonly field: NftAddrField; readonly set: string }
  /** `tcp dport 80` */
  | { readonly kind: 'dport'; readonly proto: NftL4; readonly port: number }
  /** `fib saddr type local` */
  | { readonly kind: 'fibLocal'; readonly field: NftAddrField }
  /** `ct state new` */
  | { readonly kind: 'ctStateNew' }
  /** `meta l4proto tcp` */
  | { readonly kind: 'l4proto'; readonly proto: NftL4 }
  /** `mark and 0x4000 == 0` */
  | { readonly kind: 'markMaskZero'; readonly mask: number; readonly text: string };

/** The lookup keys kube-proxy builds for its verdict maps. */
export type NftVmapKey = 'daddr.l4proto.dport' | 'l4proto.dport';

/** The statement that ends a rule (what happens when every expression matched). */
export type NftStmt =
  | { readonly kind: 'verdict'; readonly verdict: NftVerdict }
  | { readonly kind: 'reject' }
  /** `ip daddr . meta l4proto . th dport vmap @service-ips` — one hash lookup. */
  | { readonly kind: 'vmap'; readonly key: NftVmapKey; readonly map: string }
  /** `numgen random mod N vmap { 0 : goto a , 1 : goto b }` */
  | { readonly kind: 'numgen'; readonly targets: readonly string[] }
  /** `mark set mark or 0x4000` */
  | { readonly kind: 'markOr'; readonly value: number; readonly text: string }
  /** `mark set mark xor 0x4000` */
  | { readonly kind: 'markXor'; readonly value: number; readonly text: string }
  | { readonly kind: 'masquerade'; readonly fullyRandom: boolean }
  /** `dnat to 10.180.0.1:80` */
  | { readonly kind: 'dnat'; readonly addr: string; readonly port: number }
  /** `update @affinity-… { ip saddr }` */
  | { readonly kind: 'setUpdate'; readonly set: string; readonly field: NftAddrField };

export interface NftRule {
  readonly exprs: readonly NftExpr[];
  readonly stmt: NftStmt;
  readonly comment?: string;
}

export interface NftChain {
  readonly name: string;
  readonly base?: NftBaseChainSpec;
  readonly comment?: string;
  readonly rules: readonly NftRule[];
}

export interface NftSetElement {
  readonly key: readonly string[];
  readonly comment?: string;
}

export interface NftMapElement extends NftSetElement {
  readonly value: NftVerdict;
}

export interface NftSet {
  readonly kind: 'set';
  readonly name: string;
  readonly type: string;
  /** knftables order: "dynamic", "timeout". */
  readonly flags: readonly ('dynamic' | 'timeout')[];
  readonly timeoutSeconds?: number;
  readonly comment?: string;
  /** Keyed by the element key joined with " . ". */
  readonly elements: ReadonlyMap<string, NftSetElement>;
}

export interface NftMap {
  readonly kind: 'map';
  readonly name: string;
  /** e.g. "ipv4_addr . inet_proto . inet_service : verdict" */
  readonly type: string;
  readonly comment?: string;
  readonly elements: ReadonlyMap<string, NftMapElement>;
}

export interface NftTable {
  readonly family: 'ip';
  readonly name: string;
  readonly comment?: string;
  /** Chains in creation order (what `nft list` prints). */
  readonly chains: ReadonlyMap<string, NftChain>;
  /** The names of the base chains (those on a netfilter hook), in creation order. */
  readonly baseChains: readonly string[];
  /** Sets and maps in creation order (nft lists them together, before the chains). */
  readonly sets: ReadonlyMap<string, NftSet | NftMap>;
}

export function verdictText(v: NftVerdict): string {
  switch (v.kind) {
    case 'jump':
    case 'goto':
      return `${v.kind} ${v.chain}`;
    case 'return':
    case 'accept':
    case 'drop':
      return v.kind;
    default:
      return assertNever(v, 'verdict');
  }
}

/** The key of a map or set element as knftables joins it: "1.2.3.4 . tcp . 80". */
export function elementKey(key: readonly string[]): string {
  return key.join(' . ');
}
