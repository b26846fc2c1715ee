// How felix writes a chain for iptables-restore (felix/iptables/renderer.go): each rule is
// `-A <chain>` + its hash comment + its comments + its match + its action, in felix's own
// spelling (`--jump`, `--set-mark 0/0x30000`, `--destination-ports`); the hash comes from the
// same text with "HASH" in the comment's place. iptables-save later prints these rules in the
// kernel's order, as it does every other rule.
import { ruleHashes } from './ids';

export interface FelixRule {
  readonly comments?: readonly string[];
  /** Match fragments in felix's order ("-p tcp", "-m set --match-set cali40s:… src", ...). */
  readonly match?: readonly string[];
  /** The action fragment ("--jump MARK --set-mark 0x10000/0x10000", "--goto cali-tw-…"); absent for a comment-only rule. */
  readonly action?: string;
}

export interface FelixChain {
  readonly name: string;
  readonly rules: readonly FelixRule[];
}

const SHELL_UNSAFE = /[^\w @%+=:,./-]/g;

/** escapeComment and truncateComment: unsafe characters become "_", at most 256 characters. */
export const commentText = (c: string): string => c.replace(SHELL_UNSAFE, '_').slice(0, 256);

function render(chain: string, r: FelixRule, hashFragment: string): string {
  const parts = ['-A', chain, hashFragment];
  for (const c of r.comments ?? []) parts.push(`-m comment --comment "${commentText(c)}"`);
  if (r.match && r.match.length > 0) parts.push(r.match.join(' '));
  if (r.action) parts.push(r.action);
  return parts.join(' ');
}

/** The chain's rules as iptables-restore lines, each with its "cali:" hash comment. */
export function restoreLines(chain: FelixChain, hashChain = chain.name): string[] {
  const hashes = ruleHashes(hashChain, chain.rules.map((r) => render(hashChain, r, 'HASH')));
  return chain.rules.map((r, i) => render(chain.name, r, `-m comment --comment "cali:${hashes[i]}"`));
}

/** Felix's action and match spellings (felix/iptables/actions.go, match_builder.go; Go's %#x). */
const hex = (n: number) => `0x${n.toString(16)}`;
export const A = {
  jump: (chain: string) => `--jump ${chain}`,
  goto: (chain: string) => `--goto ${chain}`,
  ret: '--jump RETURN',
  accept: '--jump ACCEPT',
  drop: '--jump DROP',
  setMark: (m: number) => `--jump MARK --set-mark ${hex(m)}/${hex(m)}`,
  clearMark: (m: number) => `--jump MARK --set-mark 0/${hex(m)}`,
  setMaskedMark: (m: number, mask: number) => `--jump MARK --set-mark ${hex(m)}/${hex(mask)}`,
} as const;

export const M = {
  markSet: (m: number) => `-m mark --mark ${hex(m)}/${hex(m)}`,
  markClear: (m: number) => `-m mark --mark 0/${hex(m)}`,
  markNotClear: (m: number) => `-m mark ! --mark 0/${hex(m)}`,
  ctstate: (s: string) => `-m conntrack --ctstate ${s}`,
  notCtstate: (s: string) => `-m conntrack ! --ctstate ${s}`,
  proto: (p: string | number) => `-p ${p}`,
  inIface: (i: string) => `--in-interface ${i}`,
  outIface: (i: string) => `--out-interface ${i}`,
  srcNet: (n: string) => `--source ${n}`,
  dstNet: (n: string) => `--destination ${n}`,
  srcSet: (s: string) => `-m set --match-set ${s} src`,
  dstSet: (s: string) => `-m set --match-set ${s} dst`,
  dstIpPortSet: (s: string) => `-m set --match-set ${s} dst,dst`,
  dstPorts: (ports: readonly (readonly [number, number])[]) => `-m multiport --destination-ports ${ports.map(([a, b]) => (a === b ? `${a}` : `${a}:${b}`)).join(',')}`,
  dstAddrLocal: '-m addrtype --dst-type LOCAL',
  srcAddrLocal: '-m addrtype --src-type LOCAL',
} as const;
