// Runs a packet through the base chains of an nftables table at one netfilter hook, the way
// nf_tables does for kube-proxy's `ip kube-proxy` table: base chains in priority order, rules
// in order, jump/goto/return, verdict maps as one hash lookup, `numgen random` drawing from
// the seeded source, dynamic affinity sets kept in env.recent. Modelled on kube-proxy's own
// nftablesTracer (pkg/proxy/nftables/helpers_test.go), but over the typed rules.
import { assertNever } from '../../lib/assert';
import type { NatRequest, NfEnv, NfHook, NfPacket, NfResult, NfStep, NfVerdict } from '../eval-types';
import { matchExpr } from './match';
import { priorityText } from './list';
import { ruleListText } from './rule-text';
import type { NftChain, NftHook, NftMap, NftTable, NftVerdict } from './types';
import { verdictText } from './types';

const HOOKS: Readonly<Record<NfHook, NftHook>> = {
  PREROUTING: 'prerouting',
  INPUT: 'input',
  FORWARD: 'forward',
  OUTPUT: 'output',
  POSTROUTING: 'postrouting',
};

/** Safety net against a jump loop in a hand-made table (nft itself refuses loops). */
const MAX_RULES = 100_000;

/** Base chains per hook, computed once per table (a table is immutable). */
const baseChainCache = new WeakMap<NftTable, ReadonlyMap<NftHook, readonly NftChain[]>>();

/** The table's base chains on a hook, in the order the kernel runs them (stable for equal priorities). */
export function nftablesBaseChains(table: NftTable, hook: NfHook): readonly NftChain[] {
  let byHook = baseChainCache.get(table);
  if (byHook === undefined) {
    const m = new Map<NftHook, NftChain[]>();
    for (const name of table.baseChains) {
      const c = table.chains.get(name);
      if (c?.base !== undefined) m.set(c.base.hook, [...(m.get(c.base.hook) ?? []), c]);
    }
    for (const list of m.values()) list.sort((a, b) => a.base!.priority - b.base!.priority);
    byHook = m;
    baseChainCache.set(table, byHook);
  }
  return byHook.get(HOOKS[hook]) ?? [];
}

/** What one base chain did to the packet. */
export interface NftChainResult {
  readonly verdict: NfVerdict | null;
  readonly mark: number;
  readonly nat?: NatRequest;
  readonly steps: readonly NfStep[];
  readonly rulesEvaluated: number;
}

/**
 * Every base chain of `table` on `hook`, lowest priority first. A NAT statement or an
 * accept ends a base chain but not the hook; drop and reject end the hook. A DNAT done by
 * an earlier chain (nat-output at -100) is visible to later ones (filter-output at 0), and
 * nat chains only see packets of new connections, as in the kernel.
 */
export function nftablesEvaluate(table: NftTable, hook: NfHook, pkt: NfPacket, env: NfEnv): NfResult {
  let packet = pkt;
  let nat: NatRequest | undefined;
  const steps: NfStep[] = [];
  let rulesEvaluated = 0;
  for (const chain of nftablesBaseChains(table, hook)) {
    if (chain.base!.type === 'nat' && (!packet.ctstate.includes('NEW') || nat !== undefined)) continue;
    const r = nftablesEvaluateChain(table, chain.name, packet, env);
    steps.push(...r.steps);
    rulesEvaluated += r.rulesEvaluated;
    packet = { ...packet, mark: r.mark };
    if (r.nat !== undefined) {
      nat = r.nat;
      if (r.nat.kind === 'DNAT') packet = { ...packet, dst: r.nat.toAddr, dport: r.nat.toPort ?? packet.dport };
    }
    if (r.verdict !== null && r.verdict.kind !== 'ACCEPT') {
      return { verdict: r.verdict, mark: packet.mark, ...(nat ? { nat } : {}), steps, rulesEvaluated };
    }
  }
  return { verdict: { kind: 'ACCEPT' }, mark: packet.mark, ...(nat ? { nat } : {}), steps, rulesEvaluated };
}

/** One base chain (and the regular chains it jumps to). */
export function nftablesEvaluateChain(table: NftTable, chainName: string, pkt: NfPacket, env: NfEnv): NftChainResult {
  const base = table.chains.get(chainName);
  if (base?.base === undefined) throw new Error(`nftables: ${chainName} is not a base chain`);
  const kind = base.base.type;
  const steps: NfStep[] = [];
  const stack: { chain: NftChain; next: number }[] = [];
  let frame = { chain: base, next: 0 };
  let mark = pkt.mark;
  let evaluated = 0;
  const done = (verdict: NfVerdict | null, nat?: NatRequest): NftChainResult =>
    nat === undefined ? { verdict, mark, steps, rulesEvaluated: evaluated } : { verdict, mark, nat, steps, rulesEvaluated: evaluated };
  const step = (ruleNumber: number, text: string, action: string, chain = frame.chain.name): void => {
    steps.push({ table: kind, chain, ruleNumber, text, action });
  };
  const policy = (): NftChainResult => {
    const spec = base.base!;
    const decl = `type ${spec.type} hook ${spec.hook} priority ${priorityText(spec.priority, spec.hook)}; policy accept;`;
    step(0, decl, 'policy accept', base.name);
    return done({ kind: 'ACCEPT' });
  };

  /** Applies a verdict; returns an outcome when the base chain is finished. */
  const apply = (v: NftVerdict): NftChainResult | null => {
    switch (v.kind) {
      case 'jump':
        stack.push(frame);
        frame = { chain: chainOf(table, v.chain), next: 0 };
        return null;
      case 'goto':
        frame = { chain: chainOf(table, v.chain), next: 0 };
        return null;
      case 'return': {
        const back = stack.pop();
        if (back === undefined) return policy();
        frame = back;
        return null;
      }
      case 'accept':
        return done({ kind: 'ACCEPT' });
      case 'drop':
        return done({ kind: 'DROP' });
      default:
        return assertNever(v, 'verdict');
    }
  };

  const mctx = { pkt, env, table, mark: () => mark };
  while (evaluated < MAX_RULES) {
    const rule = frame.chain.rules[frame.next];
    if (rule === undefined) {
      const back = stack.pop();
      if (back === undefined) return policy();
      frame = back;
      continue;
    }
    const ruleNumber = ++frame.next;
    evaluated++;
    if (!rule.exprs.every((e) => matchExpr(e, mctx))) continue;
    const s = rule.stmt;
    switch (s.kind) {
      case 'verdict': {
        step(ruleNumber, ruleListText(rule), verdictText(s.verdict));
        const out = apply(s.verdict);
        if (out !== null) return out;
        break;
      }
      case 'reject':
        step(ruleNumber, ruleListText(rule), 'reject');
        return done({ kind: 'REJECT', with: 'icmp-port-unreachable' });
      case 'vmap': {
        const hit = lookupVmap(table, s.map, s.key, pkt);
        if (hit === undefined) break;
        step(ruleNumber, ruleListText(rule), verdictText(hit));
        const out = apply(hit);
        if (out !== null) return out;
        break;
      }
      case 'numgen': {
        // nft_ng_random: reciprocal_scale(u32, mod); with a 31-bit draw that is r*mod/2^31.
        const pick = Math.floor((env.random31() * s.targets.length) / 2 ** 31);
        const target = s.targets[pick]!;
        step(ruleNumber, ruleListText(rule), `numgen ${pick} → goto ${target}`);
        frame = { chain: chainOf(table, target), next: 0 };
        break;
      }
      case 'markOr':
      case 'markXor':
        mark = (s.kind === 'markOr' ? mark | s.value : mark ^ s.value) >>> 0;
        step(ruleNumber, ruleListText(rule), `mark set ${hexMark(mark)}`);
        break;
      case 'setUpdate': {
        const ip = s.field === 'saddr' ? pkt.src : pkt.dst;
        let set = env.recent.get(s.set);
        if (set === undefined) {
          set = new Map();
          env.recent.set(s.set, set);
        }
        set.set(ip, env.nowSeconds);
        step(ruleNumber, ruleListText(rule), `update @${s.set} { ${ip} }`);
        break;
      }
      case 'masquerade':
        step(ruleNumber, ruleListText(rule), 'masquerade');
        return done({ kind: 'ACCEPT' }, { kind: 'MASQUERADE', randomFully: s.fullyRandom });
      case 'dnat':
        step(ruleNumber, ruleListText(rule), `dnat to ${s.addr}:${s.port}`);
        return done({ kind: 'ACCEPT' }, { kind: 'DNAT', toAddr: s.addr, toPort: s.port });
      default:
        return assertNever(s, 'nft statement');
    }
  }
  throw new Error(`nftables: more than ${MAX_RULES} rules evaluated from ${chainName}; is there a jump loop?`);
}

function chainOf(table: NftTable, name: string): NftChain {
  const c = table.chains.get(name);
  if (c === undefined) throw new Error(`nftables: unknown chain ${name}`);
  return c;
}

function lookupVmap(table: NftTable, name: string, key: 'daddr.l4proto.dport' | 'l4proto.dport', pkt: NfPacket): NftVerdict | undefined {
  const m = table.sets.get(name) as NftMap | undefined;
  if (m === undefined || m.kind !== 'map' || pkt.proto === 'icmp') return undefined;
  const k = key === 'daddr.l4proto.dport' ? `${pkt.dst} . ${pkt.proto} . ${pkt.dport}` : `${pkt.proto} . ${pkt.dport}`;
  return m.elements.get(k)?.value;
}

function hexMark(m: number): string {
  return `0x${m.toString(16)}`;
}
