// Sharing of identical rule parts while a large ruleset is read. kube-proxy repeats the same
// comment, protocol, port, jump target and word order across tens of thousands of rules; since
// rules are readonly, equal parts can be one object, which keeps a 10,000-Service node's
// ruleset small. Lookups use the texts the parts already hold as keys (no key building), and
// parts that are nearly always unique (addresses, DNAT targets) are not looked up at all.
// Purely an optimisation: the ruleset is equal either way.
import type { CommentMatch, Match, PortsMatch, ProtoMatch, Rule, Target } from './rule-types';

export interface InternTable {
  readonly comments: Map<string, CommentMatch>;
  readonly quotedComments: Map<string, CommentMatch>;
  readonly protos: Map<string, ProtoMatch>;
  /** Per module: `-m tcp` alone under '', `-m tcp --dport P` under P's text. */
  readonly ports: Map<string, Map<string, PortsMatch>>;
  readonly jumps: Map<string, Target>;
  readonly other: Map<string, Match>;
  readonly layouts: Map<number, (readonly number[])[]>;
}

export function newInternTable(): InternTable {
  return { comments: new Map(), quotedComments: new Map(), protos: new Map(), ports: new Map(), jumps: new Map(), other: new Map(), layouts: new Map() };
}

function share<K, V>(map: Map<K, V>, key: K, value: V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  map.set(key, value);
  return value;
}

function internMatch(t: InternTable, m: Match): Match {
  switch (m.kind) {
    case 'comment':
      return share(m.quoted ? t.quotedComments : t.comments, m.comment, m);
    case 'proto':
      return m.neg ? m : share(t.protos, m.proto, m);
    case 'ports': {
      if (m.sport || (m.dport && m.dport.neg)) return m;
      const key = m.implicit ? `i${m.module}` : m.module;
      let byPort = t.ports.get(key);
      if (!byPort) t.ports.set(key, (byPort = new Map()));
      return share(byPort, m.dport ? m.dport.text : '', m);
    }
    case 'statistic':
      return m.neg || m.order.length !== 2 ? m : share(t.other, `statistic ${m.text}`, m);
    case 'mark':
    case 'conntrack':
      return share(t.other, `${m.kind}${m.neg ? '!' : ''} ${m.text}`, m);
    case 'nfacct':
      return share(t.other, `nfacct ${m.name}`, m);
    case 'addrtype':
      return share(t.other, `addrtype ${m.order.join(',')}|${m.src ? `${m.src.neg}${m.src.text}` : ''}|${m.dst ? `${m.dst.neg}${m.dst.text}` : ''}`, m);
    case 'src':
    case 'dst':
    case 'in':
    case 'out':
    case 'multiport':
    case 'recent':
    case 'set':
    case 'physdev':
    case 'ipvs':
      return m;
  }
}

function internLayout(t: InternTable, layout: readonly number[]): readonly number[] {
  let h = layout.length;
  for (const v of layout) h = (h * 31 + v + 2) | 0;
  const bucket = t.layouts.get(h);
  if (bucket) {
    for (const l of bucket) if (l.length === layout.length && l.every((v, i) => v === layout[i])) return l;
    bucket.push(layout);
  } else t.layouts.set(h, [layout]);
  return layout;
}

/** The rule with its repeated parts replaced by shared equal ones (the rule must be fresh from the parser). */
export function internRule(t: InternTable, rule: Rule): Rule {
  const ms = rule.matches as Match[];
  for (let i = 0; i < ms.length; i++) ms[i] = internMatch(t, ms[i] as Match);
  const target = rule.target.kind === 'jump' ? share(t.jumps, rule.target.chain, rule.target) : rule.target;
  if (rule.layout === undefined) return target === rule.target ? rule : { matches: ms, target };
  return { matches: ms, target, layout: internLayout(t, rule.layout) };
}
