// A node's iptables state and the ways programs change it, as the iptables tools do:
// iptables-restore (with or without --noflush), `iptables -N` (EnsureChain) and
// `iptables -C || iptables -I/-A` (EnsureRule). Each operation returns a new Ruleset.
import type { IpFamily } from './addr';
import { parseRuleWords, RuleParseError } from './parse-rule';
import { saveRuleArgs } from './print-save';
import { BUILTIN_CHAINS, type Chain, type ChainPolicy, type Rule, type Ruleset, type Table } from './rule-types';
import { internRule, newInternTable, type InternTable } from './intern';
import { LazyRule } from './lazy-rule';
import { tokenize } from './tokenize';

export class RestoreError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

function builtinChains(table: string): Chain[] {
  return (BUILTIN_CHAINS[table] ?? []).map((name) => ({ name, policy: 'ACCEPT', packets: 0, bytes: 0, rules: [] }));
}

/** A netns's rules before anyone wrote any: the built-in chains of each table, policy ACCEPT. */
export function emptyRuleset(family: IpFamily, tables: readonly string[] = ['raw', 'mangle', 'filter', 'nat']): Ruleset {
  return { family, tables: tables.map((name) => ({ name, chains: builtinChains(name) })) };
}

const chainMaps = new WeakMap<Table, ReadonlyMap<string, Chain>>();

/** The table's chains by name (built once per table object). */
export function chainMap(table: Table): ReadonlyMap<string, Chain> {
  let m = chainMaps.get(table);
  if (!m) chainMaps.set(table, (m = new Map(table.chains.map((c) => [c.name, c]))));
  return m;
}

export function findTable(rs: Ruleset, table: string): Table | undefined {
  return rs.tables.find((t) => t.name === table);
}

export function findChain(rs: Ruleset, table: string, chain: string): Chain | undefined {
  return findTable(rs, table)?.chains.find((c) => c.name === chain);
}

function withTable(rs: Ruleset, table: string, edit: (chains: Chain[]) => Chain[]): Ruleset {
  const exists = rs.tables.some((t) => t.name === table);
  const tables = exists ? rs.tables : [...rs.tables, { name: table, chains: builtinChains(table) }];
  return { ...rs, tables: tables.map((t) => (t.name === table ? { name: t.name, chains: edit([...t.chains]) } : t)) };
}

/** `iptables -t table -N chain` unless it exists (kube-proxy's EnsureChain). */
export function ensureChain(rs: Ruleset, table: string, chain: string): Ruleset {
  if (findChain(rs, table, chain)) return rs;
  return withTable(rs, table, (chains) => [...chains, { name: chain, policy: null, packets: 0, bytes: 0, rules: [] }]);
}

/** kube-proxy's EnsureRule: `iptables -C` and, when the rule is missing, `-I chain 1` (prepend) or `-A`. */
export function ensureRule(rs: Ruleset, table: string, chain: string, args: readonly string[], position: 'prepend' | 'append'): Ruleset {
  const rule = parseRuleWords(args, rs.family);
  const existing = findChain(rs, table, chain);
  if (!existing) throw new Error(`iptables: chain ${chain} does not exist in table ${table}`);
  const text = saveRuleArgs(rule, rs.family);
  if (existing.rules.some((r) => saveRuleArgs(r, rs.family) === text)) return rs;
  return withTable(rs, table, (chains) =>
    chains.map((c) => (c.name === chain ? { ...c, rules: position === 'prepend' ? [rule, ...c.rules] : [...c.rules, rule] } : c)),
  );
}

interface WorkChain {
  policy: ChainPolicy | null;
  packets: number;
  bytes: number;
  rules: Rule[];
}

const CHAIN_LINE = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?\s*$/;

/**
 * Applies iptables-restore input (or iptables-save output) to a ruleset. With noflush
 * (kube-proxy's --noflush) a `:CHAIN` line flushes only that user chain and other chains are
 * kept; without it every table named in the input starts from its built-in chains.
 */
export function applyRestore(rs: Ruleset, text: string, opts: { readonly noflush: boolean }): Ruleset {
  return applyRestoreLines(rs, text.split('\n'), opts);
}

/** One line of restore input: its text, or its words already split (as a writer produced them). */
export type RestoreLine = string | readonly string[];

export interface RestoreOptions {
  readonly noflush: boolean;
  /**
   * Trusted input (a writer's own output): keep each rule's words and parse it the first time
   * it is read. Lines given as text are always parsed at once.
   */
  readonly lazy?: boolean;
}

/** applyRestore for input given line by line; a line given as words skips tokenizing. */
export function applyRestoreLines(rs: Ruleset, lines: readonly RestoreLine[], opts: RestoreOptions): Ruleset {
  const tables = new Map<string, Table>(rs.tables.map((t) => [t.name, t]));
  const order = rs.tables.map((t) => t.name);
  const intern: InternTable = newInternTable();
  let work: Map<string, WorkChain> | null = null;
  let tableName = '';
  for (let n = 0; n < lines.length; n++) {
    const entry = lines[n] as RestoreLine;
    const given = typeof entry === 'string' ? null : entry;
    const raw = given === null ? (entry as string) : given[0]?.startsWith('-') ? (given[0] as string) : given.join(' ');
    const line = raw.length > 0 && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
    const lineNo = n + 1;
    if (line === '' || line.charAt(0) === '#') continue;
    const c0 = line.charAt(0);
    if (c0 === '*') {
      if (work) throw new RestoreError(lineNo, 'table started before COMMIT');
      tableName = line.slice(1);
      const start = opts.noflush ? tables.get(tableName)?.chains : undefined;
      const chains = start ?? builtinChains(tableName);
      work = new Map(chains.map((c) => [c.name, { policy: c.policy, packets: c.packets, bytes: c.bytes, rules: [...c.rules] }]));
      continue;
    }
    if (!work) throw new RestoreError(lineNo, 'no table selected');
    if (line === 'COMMIT') {
      const byName = new Map<string, Chain>();
      for (const [name, c] of work) byName.set(name, { name, policy: c.policy, packets: c.packets, bytes: c.bytes, rules: c.rules });
      const table: Table = { name: tableName, chains: [...byName.values()] };
      chainMaps.set(table, byName);
      if (!tables.has(tableName)) order.push(tableName);
      tables.set(tableName, table);
      work = null;
      continue;
    }
    try {
      if (c0 === ':') {
        const m = CHAIN_LINE.exec(line);
        if (!m) throw new Error(`bad chain line "${line}"`);
        const [, name = '', policy = '-', pk, by] = m;
        const builtin = (BUILTIN_CHAINS[tableName] ?? []).includes(name);
        const existing = work.get(name);
        if (builtin) {
          if (!existing) throw new Error(`no built-in chain ${name} in table ${tableName}`);
          if (policy !== '-') existing.policy = policy === 'DROP' ? 'DROP' : 'ACCEPT';
        } else {
          if (policy !== '-') throw new Error(`user chain ${name} cannot have a policy`);
          if (existing) existing.rules = [];
          else work.set(name, { policy: null, packets: 0, bytes: 0, rules: [] });
        }
        const chain = work.get(name);
        if (chain && pk !== undefined) {
          chain.packets = Number(pk);
          chain.bytes = Number(by);
        }
        continue;
      }
      const words = given !== null && given[0]?.startsWith('-') ? given : tokenize(line);
      const cmd = words[0];
      const chainName = words[1] ?? '';
      const chain = work.get(chainName);
      if (cmd === '-A' || cmd === '--append' || cmd === '-I' || cmd === '--insert') {
        if (!chain) throw new Error(`chain ${chainName} does not exist`);
        const insert = cmd === '-I' || cmd === '--insert';
        const hasPos = insert && /^\d+$/.test(words[2] ?? '');
        const first = hasPos ? 3 : 2;
        const rule = opts.lazy && given !== null ? new LazyRule(words, first, rs.family, intern) : internRule(intern, parseRuleWords(words, rs.family, first));
        if (!insert) chain.rules.push(rule);
        else chain.rules.splice(hasPos ? Number(words[2]) - 1 : 0, 0, rule);
      } else if (cmd === '-N' || cmd === '--new-chain') {
        if (chain) throw new Error(`chain ${chainName} already exists`);
        work.set(chainName, { policy: null, packets: 0, bytes: 0, rules: [] });
      } else if (cmd === '-X' || cmd === '--delete-chain') {
        if (!chain || chain.policy !== null) throw new Error(`cannot delete chain ${chainName}`);
        if (chain.rules.length > 0) throw new Error(`chain ${chainName} is not empty`);
        work.delete(chainName);
      } else if (cmd === '-F' || cmd === '--flush') {
        if (words.length === 1) for (const c of work.values()) c.rules = [];
        else if (chain) chain.rules = [];
        else throw new Error(`chain ${chainName} does not exist`);
      } else {
        throw new Error(`unknown command "${cmd ?? ''}"`);
      }
    } catch (e) {
      if (e instanceof RestoreError) throw e;
      throw new RestoreError(lineNo, e instanceof RuleParseError || e instanceof Error ? e.message : String(e));
    }
  }
  if (work) throw new RestoreError(lines.length, 'missing COMMIT');
  return { family: rs.family, tables: order.map((name) => tables.get(name) as Table) };
}
