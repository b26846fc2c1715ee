// The `-m` match extensions the simulator understands, as libxtables parses them: which
// options each module takes, how many values, and whether `!` may precede them. Builders are
// mutable while a rule is being read and frozen into the readonly types of rule-types.ts.
import type { CtState } from './eval-types';
import type { ModuleMatch, PhysdevOption, RecentOption } from './rule-types';
import { parseMarkMask, parsePortRange, parseUint, RuleParseError } from './parse-values';
import { isQuoted, unquote } from './tokenize';
import { checkIpvs, IPVS_OPTIONS } from './ipvs-match';

export { parseMarkMask, RuleParseError };

export type Builder = Record<string, unknown> & { kind: ModuleMatch['kind']; order?: string[] };

export interface OptionSpec {
  readonly arity: 0 | 1 | 2;
  readonly negatable: boolean;
  /** v and v2 are the option's values ('' when it takes fewer). */
  apply(b: Builder, v: string, v2: string, neg: boolean): void;
}

const CT_STATES: readonly CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

function record(b: Builder, key: string): void {
  (b.order ??= []).push(key);
}

function portOption(key: 'sport' | 'dport'): OptionSpec {
  return {
    arity: 1,
    negatable: true,
    apply(b, v, _v2, neg) {
      const [lo, hi] = parsePortRange(v);
      b[key] = { neg, lo, hi, text: v };
      record(b, key);
    },
  };
}

function multiportOption(dir: 'sports' | 'dports' | 'ports'): OptionSpec {
  return {
    arity: 1,
    negatable: true,
    apply(b, v, _v2, neg) {
      b.neg = neg;
      b.dir = dir;
      b.text = v;
      b.ranges = v.split(',').map(parsePortRange);
    },
  };
}

function addrTypeOption(key: 'src-type' | 'dst-type'): OptionSpec {
  return {
    arity: 1,
    negatable: true,
    apply(b, v, _v2, neg) {
      b[key === 'src-type' ? 'src' : 'dst'] = { neg, text: v, types: v.split(',') };
      record(b, key);
    },
  };
}

function flagOption(key: string, field: string, value: unknown = true): OptionSpec {
  return {
    arity: 0,
    negatable: false,
    apply(b) {
      b[field] = value;
      record(b, key);
    },
  };
}

function recentAction(action: RecentOption): OptionSpec {
  return {
    arity: 0,
    negatable: true,
    apply(b, _v, _v2, neg) {
      b.action = action;
      b.neg = neg;
      record(b, action);
    },
  };
}

function recentValue(key: RecentOption, convert: (v: string) => unknown): OptionSpec {
  return {
    arity: 1,
    negatable: false,
    apply(b, v) {
      b[key] = convert(v);
      record(b, key);
    },
  };
}

function physdevOption(opt: PhysdevOption, arity: 0 | 1): OptionSpec {
  return {
    arity,
    negatable: true,
    apply(b, v, _v2, neg) {
      const list = (b.options ??= []) as unknown[];
      list.push(arity === 1 ? { opt, neg, iface: v } : { opt, neg });
    },
  };
}

type ModuleName = 'tcp' | 'udp' | 'sctp' | 'multiport' | 'comment' | 'addrtype' | 'mark' | 'conntrack' | 'statistic' | 'recent' | 'set' | 'nfacct' | 'physdev' | 'ipvs';

const PORTS: Readonly<Record<string, OptionSpec>> = {
  sport: portOption('sport'),
  'source-port': portOption('sport'),
  dport: portOption('dport'),
  'destination-port': portOption('dport'),
};

export const MODULES: Readonly<Record<ModuleName, { init(): Builder; options: Readonly<Record<string, OptionSpec>> }>> = {
  tcp: { init: () => ({ kind: 'ports', module: 'tcp', implicit: false, sport: undefined, dport: undefined, order: [] }), options: PORTS },
  udp: { init: () => ({ kind: 'ports', module: 'udp', implicit: false, sport: undefined, dport: undefined, order: [] }), options: PORTS },
  sctp: { init: () => ({ kind: 'ports', module: 'sctp', implicit: false, sport: undefined, dport: undefined, order: [] }), options: PORTS },
  multiport: {
    init: () => ({ kind: 'multiport', neg: false, dir: undefined, ranges: undefined, text: '' }),
    options: {
      sports: multiportOption('sports'),
      'source-ports': multiportOption('sports'),
      dports: multiportOption('dports'),
      'destination-ports': multiportOption('dports'),
      ports: multiportOption('ports'),
    },
  },
  comment: {
    init: () => ({ kind: 'comment', comment: undefined, quoted: false }),
    options: {
      comment: {
        arity: 1,
        negatable: false,
        apply(b, v) {
          b.comment = unquote(v);
          b.quoted = isQuoted(v);
        },
      },
    },
  },
  addrtype: {
    init: () => ({ kind: 'addrtype', src: undefined, dst: undefined, limitIfaceIn: false, limitIfaceOut: false, order: [] }),
    options: {
      'src-type': addrTypeOption('src-type'),
      'dst-type': addrTypeOption('dst-type'),
      'limit-iface-in': flagOption('limit-iface-in', 'limitIfaceIn'),
      'limit-iface-out': flagOption('limit-iface-out', 'limitIfaceOut'),
    },
  },
  mark: {
    init: () => ({ kind: 'mark', neg: false, value: undefined, mask: 0, text: '' }),
    options: {
      mark: {
        arity: 1,
        negatable: true,
        apply(b, v, _v2, neg) {
          const { value, mask } = parseMarkMask(v);
          b.neg = neg;
          b.value = value;
          b.mask = mask;
          b.text = v;
        },
      },
    },
  },
  conntrack: {
    init: () => ({ kind: 'conntrack', neg: false, states: undefined, text: '' }),
    options: {
      ctstate: {
        arity: 1,
        negatable: true,
        apply(b, v, _v2, neg) {
          const states = v.split(',').map((s) => {
            if (!(CT_STATES as readonly string[]).includes(s)) throw new RuleParseError(`unknown ctstate "${s}"`);
            return s as CtState;
          });
          b.neg = neg;
          b.states = states;
          b.text = v;
        },
      },
    },
  },
  statistic: {
    init: () => ({ kind: 'statistic', neg: false, probability: undefined, text: '', order: [] }),
    options: {
      mode: {
        arity: 1,
        negatable: false,
        apply(b, v) {
          if (v !== 'random') throw new RuleParseError(`statistic --mode ${v ?? ''} is not modelled (only random)`);
          record(b, 'mode');
        },
      },
      probability: {
        arity: 1,
        negatable: true,
        apply(b, v, _v2, neg) {
          const p = Number(v);
          if (!Number.isFinite(p) || p < 0 || p > 1) throw new RuleParseError(`invalid probability "${v}"`);
          // libxt_statistic: info->u.random.probability = lround(0x80000000 * p)
          b.neg = neg;
          b.probability = Math.round(0x80000000 * p);
          b.text = v;
          record(b, 'probability');
        },
      },
    },
  },
  recent: {
    init: () => ({ kind: 'recent', neg: false, action: undefined, name: 'DEFAULT', seconds: 0, reap: false, hitcount: 0, side: 'rsource', mask: undefined, rttl: false, order: [] }),
    options: {
      set: recentAction('set'),
      rcheck: recentAction('rcheck'),
      update: recentAction('update'),
      remove: recentAction('remove'),
      seconds: recentValue('seconds', (v) => parseUint(v, 'seconds')),
      hitcount: recentValue('hitcount', (v) => parseUint(v, 'hitcount')),
      name: recentValue('name', (v) => v),
      mask: recentValue('mask', (v) => v),
      reap: flagOption('reap', 'reap'),
      rttl: flagOption('rttl', 'rttl'),
      rsource: flagOption('rsource', 'side', 'rsource'),
      rdest: flagOption('rdest', 'side', 'rdest'),
    },
  },
  set: {
    init: () => ({ kind: 'set', neg: false, set: undefined, flags: [] }),
    options: {
      'match-set': {
        arity: 2,
        negatable: true,
        apply(b, name, flags, neg) {
          b.neg = neg;
          b.set = name;
          b.flags = flags.split(',');
        },
      },
    },
  },
  nfacct: {
    init: () => ({ kind: 'nfacct', name: undefined }),
    options: {
      'nfacct-name': {
        arity: 1,
        negatable: false,
        apply(b, v) {
          b.name = unquote(v);
        },
      },
    },
  },
  physdev: {
    init: () => ({ kind: 'physdev', options: [] }),
    options: {
      'physdev-in': physdevOption('physdev-in', 1),
      'physdev-out': physdevOption('physdev-out', 1),
      'physdev-is-in': physdevOption('physdev-is-in', 0),
      'physdev-is-out': physdevOption('physdev-is-out', 0),
      'physdev-is-bridged': physdevOption('physdev-is-bridged', 0),
    },
  },
  ipvs: { init: () => ({ kind: 'ipvs', options: [] }), options: IPVS_OPTIONS },
};

// Keyed by the option word as written (`--dport`), so parsing never slices strings.
const OPTION_MAPS: ReadonlyMap<string, ReadonlyMap<string, OptionSpec>> = new Map(
  Object.entries(MODULES).map(([name, mod]) => [name, new Map(Object.entries(mod.options).map(([opt, spec]) => [`--${opt}`, spec]))]),
);

export function isModuleName(name: string): name is ModuleName {
  return OPTION_MAPS.has(name);
}

/** The spec of option word `--opt` of a module, if the module takes it. */
export function optionSpec(module: string, word: string): OptionSpec | undefined {
  return OPTION_MAPS.get(module)?.get(word);
}

/** Checks a finished builder has what its module needs, and returns it as a readonly match. */
const REQUIRED: Readonly<Record<string, readonly [string, string] | undefined>> = {
  comment: ['comment', '--comment'],
  mark: ['value', '--mark'],
  conntrack: ['states', '--ctstate'],
  statistic: ['probability', '--probability'],
  recent: ['action', '--set/--rcheck/--update/--remove'],
  set: ['set', '--match-set'],
  nfacct: ['name', '--nfacct-name'],
  multiport: ['ranges', '--dports/--sports/--ports'],
};

/** Checks a finished builder has what its module needs, and returns it as a readonly match. */
export function finishModule(b: Builder, module: string): ModuleMatch {
  const req = REQUIRED[b.kind];
  if (req !== undefined && b[req[0]] === undefined) throw new RuleParseError(`-m ${module} needs ${req[1]}`);
  if (b.kind === 'ipvs') checkIpvs(b);
  return b as unknown as ModuleMatch;
}
