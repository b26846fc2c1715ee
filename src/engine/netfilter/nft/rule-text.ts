// Renders one kube-proxy nftables rule in the two spellings a learner meets:
// - the knftables form kube-proxy writes (`mark set mark or 0x4000`,
//   `ip daddr { 172.30.0.0/16 } drop`), which is what the upstream unit tests compare;
// - the form `nft list ruleset` prints after the kernel round trip
//   (`meta mark set meta mark | 0x00004000`, `ip daddr 172.30.0.0/16 drop`), as nft's
//   expression printers in src/expression.c / src/statement.c produce it.
import { assertNever } from '../../lib/assert';
import { parseCidr } from '../../lib/ip';
import type { NftExpr, NftRule, NftStmt } from './types';
import { verdictText } from './types';

const quote = (s: string): string => JSON.stringify(s);

function vmapKeyText(key: 'daddr.l4proto.dport' | 'l4proto.dport'): string {
  return key === 'daddr.l4proto.dport' ? 'ip daddr . meta l4proto . th dport' : 'meta l4proto . th dport';
}

function exprTx(e: NftExpr): string {
  switch (e.kind) {
    case 'addr':
      return `ip ${e.field} ${e.negate ? '!= ' : ''}${e.value}`;
    case 'addrAnonSet':
      return `ip ${e.field} ${e.negate ? '!= ' : ''}{ ${e.values.join(e.join)} }`;
    case 'addrInSet':
      return `ip ${e.field} @${e.set}`;
    case 'dport':
      return `${e.proto} dport ${e.port}`;
    case 'fibLocal':
      return `fib ${e.field} type local`;
    case 'ctStateNew':
      return 'ct state new';
    case 'l4proto':
      return `meta l4proto ${e.proto}`;
    case 'markMaskZero':
      return `mark and ${e.text} == 0`;
    default:
      return assertNever(e, 'nft expression');
  }
}

function stmtTx(s: NftStmt): string {
  switch (s.kind) {
    case 'verdict':
      return verdictText(s.verdict);
    case 'reject':
      return 'reject';
    case 'vmap':
      return `${vmapKeyText(s.key)} vmap @${s.map}`;
    case 'numgen':
      return `numgen random mod ${s.targets.length} vmap { ${s.targets.map((t, i) => `${i} : goto ${t}`).join(' , ')} }`;
    case 'markOr':
      return `mark set mark or ${s.text}`;
    case 'markXor':
      return `mark set mark xor ${s.text}`;
    case 'masquerade':
      return s.fullyRandom ? 'masquerade fully-random' : 'masquerade';
    case 'dnat':
      return `dnat to ${s.addr}:${s.port}`;
    case 'setUpdate':
      return `update @${s.set} { ip ${s.field} }`;
    default:
      return assertNever(s, 'nft statement');
  }
}

/** The rule as kube-proxy hands it to knftables (what follows `add rule ip kube-proxy CHAIN`). */
export function ruleTransactionText(rule: NftRule): string {
  const body = [...rule.exprs.map(exprTx), stmtTx(rule.stmt)].join(' ');
  return rule.comment === undefined ? body : `${body} comment ${quote(rule.comment)}`;
}

/** nft prints a /32 prefix as a plain address. */
function addrList(value: string): string {
  return value.endsWith('/32') ? value.slice(0, -3) : value;
}

/** 0x%08x, as nft prints mark values. */
export function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

function exprList(e: NftExpr): string {
  switch (e.kind) {
    case 'addr':
      return `ip ${e.field} ${e.negate ? '!= ' : ''}${addrList(e.value)}`;
    case 'addrAnonSet': {
      // nft folds a one-element anonymous set into a plain comparison and lists the
      // elements of an interval set in address order.
      const sorted = [...e.values].sort((a, b) => parseCidr(a).net - parseCidr(b).net || a.localeCompare(b));
      const body = sorted.length === 1 ? addrList(sorted[0]!) : `{ ${sorted.map(addrList).join(', ')} }`;
      return `ip ${e.field} ${e.negate ? '!= ' : ''}${body}`;
    }
    case 'markMaskZero':
      return `meta mark & ${hex8(e.mask)} == ${hex8(0)}`;
    case 'addrInSet':
    case 'dport':
    case 'fibLocal':
    case 'ctStateNew':
    case 'l4proto':
      return exprTx(e);
    default:
      return assertNever(e, 'nft expression');
  }
}

function stmtList(s: NftStmt): string {
  switch (s.kind) {
    case 'numgen':
      return `numgen random mod ${s.targets.length} vmap { ${s.targets.map((t, i) => `${i} : goto ${t}`).join(', ')} }`;
    case 'markOr':
      return `meta mark set meta mark | ${hex8(s.value)}`;
    case 'markXor':
      return `meta mark set meta mark ^ ${hex8(s.value)}`;
    case 'verdict':
    case 'reject':
    case 'vmap':
    case 'masquerade':
    case 'dnat':
    case 'setUpdate':
      return stmtTx(s);
    default:
      return assertNever(s, 'nft statement');
  }
}

/** The rule as `nft list ruleset` prints it (without the leading tabs). */
export function ruleListText(rule: NftRule): string {
  const body = [...rule.exprs.map(exprList), stmtList(rule.stmt)].join(' ');
  return rule.comment === undefined ? body : `${body} comment ${quote(rule.comment)}`;
}

