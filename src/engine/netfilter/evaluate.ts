// ipt_do_table(): one packet through one table at one hook. Rules are tried in order; a
// matching rule's target decides: jump (push a return point), goto (no return point), RETURN
// (pop, or the built-in chain's policy), ACCEPT / DROP / REJECT and the NAT targets end the
// table, MARK and a rule without target go on to the next rule. Falling off a user chain
// returns to the caller; falling off a built-in chain applies its policy.
import { parseIpWords } from './addr';
import { buildChainIndex, dstKey, INDEX_MIN_RULES, nextCandidate, portKey, type ChainIndex } from './chain-index';
import { CT_BITS, PROTO_NUM, ruleTest, type PacketCtx, type Test } from './compile-match';
import type { NatRequest, NfEnv, NfHook, NfPacket, NfResult, NfStep, NfTableName, NfVerdict } from './eval-types';
import { saveRuleLine } from './print-save';
import { chainMap } from './ruleset';
import type { Chain, Rule, Ruleset, Table, Target } from './rule-types';

interface CompiledChain {
  readonly chain: Chain;
  readonly tests: (Test | undefined)[];
  /** Each rule's step as a matrix of sends meets it again and again: made once, shared (steps are read-only). */
  readonly steps: (NfStep | undefined)[];
  /** The chain a jump or goto rule names, looked up once. */
  readonly targets: (CompiledChain | undefined)[];
  readonly index: ChainIndex | null;
}

const compiledTables = new WeakMap<Table, Map<string, CompiledChain>>();

function compiledChain(table: Table, name: string): CompiledChain | undefined {
  let compiled = compiledTables.get(table);
  if (!compiled) compiledTables.set(table, (compiled = new Map()));
  let c = compiled.get(name);
  if (!c) {
    const chain = chainMap(table).get(name);
    if (!chain) return undefined;
    const n = chain.rules.length;
    c = { chain, tests: new Array<Test | undefined>(n), steps: new Array<NfStep | undefined>(n), targets: new Array<CompiledChain | undefined>(n), index: n >= INDEX_MIN_RULES ? buildChainIndex(chain.rules) : null };
    compiled.set(name, c);
  }
  return c;
}

/** Builds the lookup indexes of every long chain now, so the first packet does not pay for it. */
export function prepareRuleset(ruleset: Ruleset): void {
  for (const table of ruleset.tables) for (const chain of table.chains) if (chain.rules.length >= INDEX_MIN_RULES) compiledChain(table, chain.name);
}

function testOf(c: CompiledChain, i: number): Test {
  return (c.tests[i] ??= ruleTest((c.chain.rules[i] as Rule).matches));
}

function stepOf(c: CompiledChain, i: number, table: NfTableName, family: Ruleset['family']): NfStep {
  const rule = c.chain.rules[i] as Rule;
  return (c.steps[i] ??= { table, chain: c.chain.name, ruleNumber: i + 1, text: ruleLine(c.chain.name, rule, family), action: targetAction(rule.target) });
}

function targetOf(c: CompiledChain, i: number, table: Table, name: string): CompiledChain {
  let target = c.targets[i];
  if (!target) {
    target = compiledChain(table, name);
    if (!target) throw new Error(`iptables: ${table.name} chain ${name} does not exist`);
    c.targets[i] = target;
  }
  return target;
}

/** The verdict and what the packet carries out of the table. */
function finish(verdict: NfVerdict, ctx: PacketCtx, steps: readonly NfStep[], rulesEvaluated: number, nat?: NatRequest): NfResult {
  return nat === undefined ? { verdict, mark: ctx.mark, ctmark: ctx.ctmark, steps, rulesEvaluated } : { verdict, mark: ctx.mark, ctmark: ctx.ctmark, nat, steps, rulesEvaluated };
}

/** Falling off the built-in chain: its policy decides. */
function policy(start: CompiledChain, tableName: NfTableName, hook: NfHook, ctx: PacketCtx, steps: NfStep[], rulesEvaluated: number): NfResult {
  const p = start.chain.policy ?? 'ACCEPT';
  steps.push({ table: tableName, chain: hook, ruleNumber: 0, text: `-P ${hook} ${p}`, action: `policy ${p}` });
  return finish({ kind: p }, ctx, steps, rulesEvaluated);
}

/** `ip[-ip][:port[-port]]` or `[v6]:port` -> the first address and port. */
function natTo(to: string): { toAddr: string; toPort?: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?/.exec(to) ?? /^([^:]+?)(?:-[^:]*)?(?::(\d+)(?:-\d+)?)?$/.exec(to);
  const toAddr = m?.[1] ?? to;
  return m?.[2] === undefined ? { toAddr } : { toAddr, toPort: Number(m[2]) };
}

function targetAction(t: Target): string {
  switch (t.kind) {
    case 'none':
      return 'continue';
    case 'jump':
      return `jump ${t.chain}`;
    case 'goto':
      return `goto ${t.chain}`;
    default:
      return t.kind;
  }
}

/**
 * A rule's iptables-save line, printed once per rule: a walk names every rule it matched, and a
 * matrix of sends meets the same rules thousands of times (the same string each time also lets
 * the explanations' own caches find it at once).
 */
const LINES = new WeakMap<Rule, { readonly chain: string; readonly family: Ruleset['family']; readonly text: string }>();

function ruleLine(chain: string, rule: Rule, family: Ruleset['family']): string {
  const known = LINES.get(rule);
  if (known && known.chain === chain && known.family === family) return known.text;
  const text = saveRuleLine(chain, rule, family);
  LINES.set(rule, { chain, family, text });
  return text;
}

/**
 * The jump stack of a traversal, kept between traversals so that one does not allocate a frame
 * per jump (a send makes tens of traversals, each jumping through a plugin's chains). Only the
 * entries below a traversal's own depth are read, and nothing a rule tests evaluates another
 * table, so traversals never overlap.
 */
const FRAMES: CompiledChain[] = [];
const POSITIONS: number[] = [];

export function evaluateHook(ruleset: Ruleset, tableName: NfTableName, hook: NfHook, pkt: NfPacket, env: NfEnv): NfResult {
  const steps: NfStep[] = [];
  const table = ruleset.tables.find((t) => t.name === tableName);
  const start = table ? compiledChain(table, hook) : undefined;
  if (!table || !start) return { verdict: { kind: 'ACCEPT' }, mark: pkt.mark, steps, rulesEvaluated: 0 };

  const ctx: PacketCtx = {
    pkt,
    env,
    src: parseIpWords(pkt.src),
    dst: parseIpWords(pkt.dst),
    protoNum: PROTO_NUM[pkt.proto],
    ctBits: pkt.ctstate.reduce((acc, s) => acc | (CT_BITS[s] ?? 0), 0),
    mark: pkt.mark >>> 0,
    ctmark: (pkt.ctmark ?? 0) >>> 0,
  };
  // The index keys, made when a long chain first needs them.
  let keys: readonly string[] | undefined;
  // The return points of jumps: FRAMES and POSITIONS up to `depth`.
  let depth = 0;
  let cur = start;
  let pos = 0;
  let rulesEvaluated = 0;

  for (;;) {
    const rules = cur.chain.rules;
    const next = cur.index ? nextCandidate(cur.index, pos, (keys ??= [ctx.dst ? dstKey(ctx.dst) : '', portKey(ctx.protoNum, pkt.dport)])) : pos < rules.length ? pos : Infinity;
    if (next >= rules.length) {
      rulesEvaluated += rules.length - pos;
      if (depth === 0) return policy(start, tableName, hook, ctx, steps, rulesEvaluated);
      depth--;
      cur = FRAMES[depth]!;
      pos = POSITIONS[depth]!;
      continue;
    }
    rulesEvaluated += next - pos + 1;
    pos = next + 1;
    if (!testOf(cur, next)(ctx)) continue;

    const t = (rules[next] as Rule).target;
    steps.push(stepOf(cur, next, tableName, ruleset.family));
    switch (t.kind) {
      case 'none':
        break;
      case 'MARK':
        ctx.mark = ((ctx.mark & ~t.mask) ^ t.value) >>> 0;
        break;
      case 'CONNMARK':
        if (t.op === 'set-xmark') ctx.ctmark = ((ctx.ctmark & ~t.mask) ^ t.value) >>> 0;
        else if (t.op === 'restore-mark') ctx.mark = ((ctx.mark & ~t.nfmask) | (ctx.ctmark & t.ctmask)) >>> 0;
        else ctx.ctmark = ((ctx.ctmark & ~t.ctmask) | (ctx.mark & t.nfmask)) >>> 0;
        break;
      case 'jump':
      case 'goto': {
        const target = targetOf(cur, next, table, t.chain);
        if (t.kind === 'jump') {
          FRAMES[depth] = cur;
          POSITIONS[depth] = pos;
          depth++;
        }
        if (depth > 64) throw new Error('iptables: chain jumps nest too deep (loop?)');
        cur = target;
        pos = 0;
        break;
      }
      case 'RETURN': {
        if (depth === 0) return policy(start, tableName, hook, ctx, steps, rulesEvaluated);
        depth--;
        cur = FRAMES[depth]!;
        pos = POSITIONS[depth]!;
        break;
      }
      case 'ACCEPT':
      case 'DROP':
        return finish({ kind: t.kind }, ctx, steps, rulesEvaluated);
      case 'REJECT':
        return finish({ kind: 'REJECT', with: t.with ?? (ruleset.family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable') }, ctx, steps, rulesEvaluated);
      case 'DNAT':
        return finish({ kind: 'ACCEPT' }, ctx, steps, rulesEvaluated, { kind: 'DNAT', ...natTo(t.to) });
      case 'SNAT':
        return finish({ kind: 'ACCEPT' }, ctx, steps, rulesEvaluated, { kind: 'SNAT', ...natTo(t.to), randomFully: t.randomFully });
      case 'MASQUERADE':
        return finish({ kind: 'ACCEPT' }, ctx, steps, rulesEvaluated, { kind: 'MASQUERADE', randomFully: t.randomFully });
    }
  }
}
