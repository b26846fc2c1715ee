// Reads the arguments of one iptables rule (what follows `-A CHAIN`) into a typed Rule, the
// way iptables' command parser does: basic matches (-s -d -i -o -p, each negatable with `!`),
// `-m` extensions with their options, and one target (`-j`/`-g`) with its options. An option
// after `-p tcp|udp|sctp` that no loaded module takes loads the protocol module implicitly.
import { parseIpNet, type IpFamily } from './addr';
import { finishModule, isModuleName, MODULES, optionSpec, parseMarkMask, RuleParseError, type Builder, type OptionSpec } from './parse-modules';
import type { Match, MarkOp, Rule, Target } from './rule-types';

export { RuleParseError };

const PROTOCOLS: ReadonlyMap<string, number> = new Map([['all', 0], ['icmp', 1], ['tcp', 6], ['udp', 17], ['icmpv6', 58], ['ipv6-icmp', 58], ['sctp', 132]]);

// Lookups go through Maps: chain names are unique strings, and using them as object keys
// would make the engine intern every one of them.
const TARGET_OPTIONS: ReadonlyMap<string, ReadonlyMap<string, readonly [string, 0 | 1]>> = new Map(
  (
    [
      ['REJECT', [['reject-with', 1]]],
      ['DNAT', [['to-destination', 1], ['random', 0], ['persistent', 0]]],
      ['SNAT', [['to-source', 1], ['random', 0], ['random-fully', 0], ['persistent', 0]]],
      ['MASQUERADE', [['to-ports', 1], ['random', 0], ['random-fully', 0]]],
      ['MARK', [['set-xmark', 1], ['set-mark', 1], ['or-mark', 1], ['xor-mark', 1], ['and-mark', 1]]],
      ['CONNMARK', [['set-xmark', 1], ['set-mark', 1], ['restore-mark', 0], ['save-mark', 0], ['mask', 1], ['nfmask', 1], ['ctmask', 1]]],
    ] as const
  ).map(([target, opts]) => [target, new Map(opts.map(([name, arity]) => [`--${name}`, [name, arity] as const]))]),
);

const BASIC: ReadonlyMap<string, 'src' | 'dst' | 'in' | 'out' | 'proto'> = new Map([
  ['-s', 'src'], ['--source', 'src'], ['--src', 'src'],
  ['-d', 'dst'], ['--destination', 'dst'], ['--dst', 'dst'],
  ['-i', 'in'], ['--in-interface', 'in'],
  ['-o', 'out'], ['--out-interface', 'out'],
  ['-p', 'proto'], ['--protocol', 'proto'],
] as const);

function basicMatch(kind: 'src' | 'dst' | 'in' | 'out' | 'proto', value: string, neg: boolean, family: IpFamily): Match {
  switch (kind) {
    case 'src':
    case 'dst': {
      let net;
      try {
        net = parseIpNet(value);
      } catch (e) {
        throw new RuleParseError(e instanceof Error ? e.message : String(e));
      }
      if (net.family !== family) throw new RuleParseError(`address ${value} is not IPv${family}`);
      return { kind, neg, net, text: value };
    }
    case 'in':
    case 'out':
      return { kind, neg, iface: value };
    case 'proto': {
      const num = PROTOCOLS.get(value) ?? PROTOCOLS.get(value.toLowerCase()) ?? (/^\d+$/.test(value) ? Number(value) : undefined);
      if (num === undefined || num > 255) throw new RuleParseError(`unknown protocol "${value}"`);
      return { kind, neg, proto: value, num };
    }
  }
}

function markTarget(op: MarkOp, text: string): Target {
  const { value, mask } = parseMarkMask(text);
  const single = text.indexOf('/') < 0;
  // libxt_MARK (revision 2): how each option becomes the kernel's value/mask pair.
  switch (op) {
    case 'set-xmark':
      return { kind: 'MARK', op, text, value, mask };
    case 'set-mark':
      return { kind: 'MARK', op, text, value, mask: (value | mask) >>> 0 };
    case 'or-mark':
      return { kind: 'MARK', op, text, value, mask: single ? value : mask };
    case 'xor-mark':
      return { kind: 'MARK', op, text, value, mask: 0 };
    case 'and-mark':
      return { kind: 'MARK', op, text, value: 0, mask: ~value >>> 0 };
  }
}

/** CONNMARK as libxt_CONNMARK reads it: one of --set-xmark/--set-mark/--restore-mark/--save-mark, masks for the last two. */
function connmarkTarget(optList: TargetOpts): Target {
  const text = optList.map(([k, v]) => (v === '' ? `--${k}` : `--${k} ${v}`)).join(' ');
  const get = (k: string) => optList.find((o) => o[0] === k)?.[1];
  const setx = get('set-xmark') ?? get('set-mark');
  if (setx !== undefined) {
    const { value, mask } = parseMarkMask(setx);
    return { kind: 'CONNMARK', op: 'set-xmark', text, value, mask: get('set-mark') !== undefined && !setx.includes('/') ? 0xffffffff : mask, nfmask: 0, ctmask: 0 };
  }
  const op = optList.some((o) => o[0] === 'restore-mark') ? 'restore-mark' : optList.some((o) => o[0] === 'save-mark') ? 'save-mark' : undefined;
  if (op === undefined) throw new RuleParseError('CONNMARK needs --set-xmark, --set-mark, --restore-mark or --save-mark');
  const m = (k: string) => { const v = get(k) ?? get('mask'); return v === undefined ? 0xffffffff : parseMarkMask(v).value; };
  return { kind: 'CONNMARK', op, text, value: 0, mask: 0, nfmask: m('nfmask'), ctmask: m('ctmask') };
}

/** Target options in the order written: [name, value] pairs (value '' for flags). */
type TargetOpts = readonly (readonly [string, string])[];

const SIMPLE_TARGETS: ReadonlyMap<string, Target> = new Map<string, Target>([
  ['ACCEPT', { kind: 'ACCEPT' }],
  ['DROP', { kind: 'DROP' }],
  ['RETURN', { kind: 'RETURN' }],
  ['REJECT', { kind: 'REJECT' }],
]);

function buildTarget(name: string, optList: TargetOpts): Target {
  if (optList.length === 0) {
    const simple = SIMPLE_TARGETS.get(name);
    if (simple !== undefined) return simple;
    if (!TARGET_OPTIONS.has(name)) return { kind: 'jump', chain: name };
  }
  const str = (k: string): string | undefined => optList.find((o) => o[0] === k)?.[1];
  const opts = { has: (k: string): boolean => optList.some((o) => o[0] === k), size: optList.length };
  const order = optList.map((o) => o[0]);
  switch (name) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return { kind: name };
    case 'REJECT': {
      const w = str('reject-with');
      return w === undefined ? { kind: 'REJECT' } : { kind: 'REJECT', with: w };
    }
    case 'DNAT':
    case 'SNAT': {
      const to = str(name === 'DNAT' ? 'to-destination' : 'to-source');
      if (to === undefined) throw new RuleParseError(`${name} needs --to-${name === 'DNAT' ? 'destination' : 'source'}`);
      const random = opts.has('random');
      const persistent = opts.has('persistent');
      return name === 'DNAT'
        ? { kind: 'DNAT', to, random, persistent, order }
        : { kind: 'SNAT', to, random, randomFully: opts.has('random-fully'), persistent, order };
    }
    case 'MASQUERADE': {
      const toPorts = str('to-ports');
      const base = { kind: 'MASQUERADE' as const, random: opts.has('random'), randomFully: opts.has('random-fully'), order };
      return toPorts === undefined ? base : { ...base, toPorts };
    }
    case 'CONNMARK': return connmarkTarget(optList);
    case 'MARK': {
      const op = order[0] as MarkOp | undefined;
      if (op === undefined || order.length !== 1) throw new RuleParseError('MARK needs exactly one of --set-xmark/--set-mark/--or-mark/--xor-mark/--and-mark');
      return markTarget(op, str(op) ?? '');
    }
    default:
      if (opts.size > 0) throw new RuleParseError(`unknown option for target ${name}`);
      return { kind: 'jump', chain: name };
  }
}

/** Parses rule arguments (without `-A CHAIN`). Throws RuleParseError on anything not modelled. */
export function parseRuleWords(words: readonly string[], family: IpFamily, start = 0): Rule {
  const matches: (Match | Builder)[] = [];
  /** The module name of each match; null for basic matches. */
  const moduleNames: (string | null)[] = [];
  const layout: number[] = [];
  let targetName: string | null = null;
  let targetGoto = false;
  let targetOpts: [string, string][] | null = null;
  let neg = false;
  let protoName: string | null = null;

  const value = (i: number): string => {
    const v = words[i];
    if (v === undefined) throw new RuleParseError(`option "${words[i - 1] ?? ''}" requires an argument`);
    return v;
  };

  for (let i = start; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '!') {
      if (neg) throw new RuleParseError('double "!"');
      neg = true;
      continue;
    }
    const basic = BASIC.get(w);
    if (basic !== undefined) {
      const v = value(++i);
      if (basic === 'proto') protoName = PROTOCOLS.has(v) ? v : v.toLowerCase();
      layout.push(matches.length);
      matches.push(basicMatch(basic, v, neg, family));
      moduleNames.push(null);
      neg = false;
      continue;
    }
    if (w === '-m' || w === '--match') {
      if (neg) throw new RuleParseError('"!" before -m');
      const name = value(++i);
      if (!isModuleName(name)) throw new RuleParseError(`match extension "${name}" is not modelled`);
      layout.push(matches.length);
      matches.push(MODULES[name].init());
      moduleNames.push(name);
      continue;
    }
    if (w === '-j' || w === '--jump' || w === '-g' || w === '--goto') {
      if (targetName !== null) throw new RuleParseError('more than one target');
      targetName = value(++i);
      targetGoto = w === '-g' || w === '--goto';
      layout.push(-1);
      continue;
    }
    if (w.charCodeAt(0) !== 45 || w.charCodeAt(1) !== 45) throw new RuleParseError(`unexpected word "${w}"`);
    const tOpt = targetName !== null ? TARGET_OPTIONS.get(targetName)?.get(w) : undefined;
    if (tOpt !== undefined) {
      if (neg) throw new RuleParseError(`"!" before target option ${w}`);
      (targetOpts ??= []).push([tOpt[0], tOpt[1] === 1 ? value(++i) : '']);
      continue;
    }
    let owner = -1;
    let spec: OptionSpec | undefined;
    for (let m = matches.length - 1; m >= 0 && spec === undefined; m--) {
      const name = moduleNames[m];
      if (name !== null && name !== undefined) {
        spec = optionSpec(name, w);
        owner = m;
      }
    }
    if (spec === undefined && protoName !== null && (protoName === 'tcp' || protoName === 'udp' || protoName === 'sctp')) {
      spec = optionSpec(protoName, w);
      if (spec !== undefined) {
        owner = matches.length;
        const implicit = MODULES[protoName].init();
        implicit.implicit = true;
        matches.push(implicit);
        moduleNames.push(protoName);
        layout.push(owner);
      }
    }
    if (spec === undefined) throw new RuleParseError(`unknown option "${w}"`);
    if (neg && !spec.negatable) throw new RuleParseError(`option "${w}" cannot be negated`);
    const v1 = spec.arity >= 1 ? value(++i) : '';
    const v2 = spec.arity >= 2 ? value(++i) : '';
    spec.apply(matches[owner] as Builder, v1, v2, neg);
    layout.push(owner);
    neg = false;
  }
  if (neg) throw new RuleParseError('trailing "!"');

  let target: Target = { kind: 'none' };
  if (targetName !== null) {
    target = buildTarget(targetName, targetOpts ?? NO_OPTS);
    if (targetGoto) {
      if (target.kind !== 'jump') throw new RuleParseError(`-g needs a user chain, not ${targetName}`);
      target = { kind: 'goto', chain: target.chain };
    }
  }
  for (let idx = 0; idx < matches.length; idx++) {
    const name = moduleNames[idx];
    if (name !== null && name !== undefined) matches[idx] = finishModule(matches[idx] as Builder, name);
  }
  const finished = matches as Match[];
  return isNaturalLayout(layout) ? { matches: finished, target } : { matches: finished, target, layout };
}

const NO_OPTS: TargetOpts = [];

/** Natural means each match's pieces are together and in match order, and the target is last. */
function isNaturalLayout(layout: readonly number[]): boolean {
  let prev = 0;
  for (let k = 0; k < layout.length; k++) {
    const v = layout[k] as number;
    if (v < 0) {
      if (k !== layout.length - 1) return false;
    } else if (v < prev) return false;
    else prev = v;
  }
  return true;
}

/** The layout a rule has when each module's options follow its `-m` and the target comes last. */
export function naturalLayout(matches: readonly Match[], hasTarget: boolean): number[] {
  const out: number[] = [];
  matches.forEach((m, i) => {
    out.push(i);
    for (let k = 0; k < optionCount(m); k++) out.push(i);
  });
  if (hasTarget) out.push(-1);
  return out;
}


/** How many option pieces a match prints after its head (0 for basic matches). */
export function optionCount(m: Match): number {
  switch (m.kind) {
    case 'src':
    case 'dst':
    case 'in':
    case 'out':
    case 'proto':
      return 0;
    case 'ports':
    case 'addrtype':
    case 'recent':
    case 'statistic':
      return m.order.length;
    case 'physdev':
    case 'ipvs':
      return m.options.length;
    case 'multiport':
    case 'comment':
    case 'mark':
    case 'conntrack':
    case 'set':
    case 'nfacct':
      return 1;
  }
}
