import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AddrType, NfEnv, NfPacket, RecentLists } from './eval-types';
import { evaluateHook } from './evaluate';
import { INDEX_MIN_RULES } from './chain-index';
import { applyRestore, emptyRuleset } from './ruleset';
import type { Ruleset } from './rule-types';

const pkt = (fields: Partial<NfPacket> = {}): NfPacket => ({
  src: '10.0.0.2',
  dst: '172.30.0.41',
  proto: 'tcp',
  sport: 40000,
  dport: 80,
  mark: 0,
  ctstate: ['NEW'],
  ...fields,
});

/** An env whose random draws come from a list (then 0), counting how many were taken. */
function env(draws: number[] = [], extra: Partial<NfEnv> = {}): NfEnv & { drawn: () => number } {
  let taken = 0;
  return {
    addrType: (ip: string): AddrType => (ip === '192.168.0.2' || ip.startsWith('127.') ? 'LOCAL' : 'UNICAST'),
    random31: () => draws[taken++] ?? 0,
    nowSeconds: 1000,
    recent: new Map() as RecentLists,
    drawn: () => taken,
    ...extra,
  };
}

const rules = (table: string, ...lines: string[]): Ruleset => applyRestore(emptyRuleset(4), [`*${table}`, ...lines, 'COMMIT'].join('\n'), { noflush: true });

describe('evaluateHook: chains and targets', () => {
  const rs = rules(
    'filter',
    ':A - [0:0]',
    ':B - [0:0]',
    ':G - [0:0]',
    '-A INPUT -j A',
    '-A INPUT -p udp -j DROP',
    '-A INPUT -j ACCEPT',
    '-A A -j B',
    '-A A -d 172.30.0.41 -g G',
    '-A A -d 172.30.0.41 -j DROP',
    '-A B -m comment --comment "count me"',
    '-A B -j RETURN',
    '-A B -j DROP',
    '-A G -p tcp --dport 81 -j ACCEPT',
  );

  it('returns from a jumped-to chain to the rule after the jump', () => {
    const r = evaluateHook(rs, 'filter', 'INPUT', pkt({ dst: '10.9.9.9' }), env());
    expect(r.verdict).toEqual({ kind: 'ACCEPT' });
    expect(r.steps.map((s) => `${s.chain}#${s.ruleNumber} ${s.action}`)).toEqual(['INPUT#1 jump A', 'A#1 jump B', 'B#1 continue', 'B#2 RETURN', 'INPUT#3 ACCEPT']);
    // INPUT 1, A 1, B 1-2, A 2-3, INPUT 2-3.
    expect(r.rulesEvaluated).toBe(8);
  });

  it('returns from a goto-ed chain to the chain that jumped to the goto’s chain', () => {
    const r = evaluateHook(rs, 'filter', 'INPUT', pkt(), env());
    // G ends without a verdict: processing resumes in INPUT after `-j A`, skipping A's DROP.
    expect(r.steps.map((s) => `${s.chain}#${s.ruleNumber} ${s.action}`)).toEqual(['INPUT#1 jump A', 'A#1 jump B', 'B#1 continue', 'B#2 RETURN', 'A#2 goto G', 'INPUT#3 ACCEPT']);
  });

  it('applies the built-in chain’s policy when its end (or a RETURN in it) is reached', () => {
    const drop = applyRestore(emptyRuleset(4), '*filter\n:INPUT DROP [0:0]\n:G - [0:0]\n-A INPUT -g G\n-A INPUT -j ACCEPT\n-A G -j RETURN\nCOMMIT\n', { noflush: true });
    const r = evaluateHook(drop, 'filter', 'INPUT', pkt(), env());
    expect(r.steps.map((s) => s.action)).toEqual(['goto G', 'RETURN', 'policy DROP']);
    expect(r.steps.at(-1)).toEqual({ table: 'filter', chain: 'INPUT', ruleNumber: 0, text: '-P INPUT DROP', action: 'policy DROP' });
    expect(r.verdict).toEqual({ kind: 'DROP' });
  });

  it('reports each matched rule in the iptables-save form', () => {
    const r = evaluateHook(rs, 'filter', 'INPUT', pkt({ dst: '172.30.0.41', dport: 81 }), env());
    expect(r.steps.at(-1)?.text).toBe('-A G -p tcp -m tcp --dport 81 -j ACCEPT');
  });

  it('applies MARK without stopping, so later rules see the new mark', () => {
    const m = rules('nat', '-A POSTROUTING -j MARK --or-mark 0x4000', '-A POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN', '-A POSTROUTING -j MARK --xor-mark 0x4000', '-A POSTROUTING -j MASQUERADE --random-fully');
    const r = evaluateHook(m, 'nat', 'POSTROUTING', pkt({ mark: 0x10 }), env());
    expect(r.nat).toEqual({ kind: 'MASQUERADE', randomFully: true });
    expect(r.mark).toBe(0x10);
  });

  it('rejects with the default icmp-port-unreachable and answers DNAT/SNAT requests', () => {
    expect(evaluateHook(rules('filter', '-A FORWARD -j REJECT'), 'filter', 'FORWARD', pkt(), env()).verdict).toEqual({ kind: 'REJECT', with: 'icmp-port-unreachable' });
    expect(evaluateHook(rules('nat', '-A PREROUTING -j DNAT --to-destination 10.180.0.1:8080'), 'nat', 'PREROUTING', pkt(), env()).nat).toEqual({ kind: 'DNAT', toAddr: '10.180.0.1', toPort: 8080 });
    expect(evaluateHook(rules('nat', '-A POSTROUTING -j SNAT --to-source 1.2.3.4'), 'nat', 'POSTROUTING', pkt(), env()).nat).toEqual({ kind: 'SNAT', toAddr: '1.2.3.4', randomFully: false });
  });

  it('accepts with no steps when the table or hook has no chain', () => {
    expect(evaluateHook(emptyRuleset(4, ['filter']), 'nat', 'PREROUTING', pkt(), env())).toEqual({ verdict: { kind: 'ACCEPT' }, mark: 0, steps: [], rulesEvaluated: 0 });
  });
});

describe('evaluateHook: matches', () => {
  it('draws one random number per statistic rule reached and matches below round(p * 2^31)', () => {
    const rs = rules('nat', ':S - [0:0]', '-A PREROUTING -j S', '-A S -m statistic --mode random --probability 0.5000000000 -j MARK --set-mark 1', '-A S -m statistic --mode random --probability 0.5000000000 -j MARK --set-mark 2');
    const below = env([0x3fffffff, 0x40000000]);
    expect(evaluateHook(rs, 'nat', 'PREROUTING', pkt(), below).mark).toBe(1);
    expect(below.drawn()).toBe(2);
    // The kernel masks the draw with 0x7FFFFFFF before comparing.
    expect(evaluateHook(rs, 'nat', 'PREROUTING', pkt(), env([0xc0000000 | 0, 0x3fffffff])).mark).toBe(2);
  });

  it('asks the environment for address types and ipset membership', () => {
    const rs = rules('nat', '-A PREROUTING -m addrtype --dst-type LOCAL -j MARK --set-mark 1', '-A PREROUTING -m set --match-set KUBE-CLUSTER-IP dst,dst -j MARK --or-mark 2');
    const seen: string[] = [];
    const e = env([], { ipsetTest: (set, flags) => (seen.push(`${set} ${flags.join(',')}`), true) });
    expect(evaluateHook(rs, 'nat', 'PREROUTING', pkt({ dst: '192.168.0.2' }), e).mark).toBe(3);
    expect(seen).toEqual(['KUBE-CLUSTER-IP dst,dst']);
    expect(evaluateHook(rs, 'nat', 'PREROUTING', pkt({ dst: '8.8.8.8' }), env()).mark).toBe(0);
  });

  it('matches ctstate, interfaces with a + wildcard, and negations', () => {
    const rs = rules('filter', '-A FORWARD -i cni+ ! -o eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', '-A FORWARD -j DROP');
    expect(evaluateHook(rs, 'filter', 'FORWARD', pkt({ inIface: 'cni0', outIface: 'flannel.1', ctstate: ['ESTABLISHED'] }), env()).verdict.kind).toBe('ACCEPT');
    expect(evaluateHook(rs, 'filter', 'FORWARD', pkt({ inIface: 'cni0', outIface: 'eth0', ctstate: ['ESTABLISHED'] }), env()).verdict.kind).toBe('DROP');
    expect(evaluateHook(rs, 'filter', 'FORWARD', pkt({ inIface: 'cni0', outIface: 'flannel.1', ctstate: ['NEW'] }), env()).verdict.kind).toBe('DROP');
  });

  it('remembers sources with recent --set and finds them with --rcheck within --seconds, reaping stale entries', () => {
    const rs = rules(
      'nat',
      ':SVC - [0:0]',
      ':SEP - [0:0]',
      '-A PREROUTING -j SVC',
      '-A SVC -m recent --name SEP --rcheck --seconds 60 --reap -j SEP',
      '-A SVC -j DROP',
      '-A SEP -m recent --name SEP --set -j ACCEPT',
    );
    const recent: RecentLists = new Map([['SEP', new Map([['10.0.0.99', 10]])]]);
    const at = (nowSeconds: number): string => evaluateHook(rs, 'nat', 'PREROUTING', pkt(), env([], { recent, nowSeconds })).verdict.kind;
    expect(at(1000)).toBe('DROP');
    const setRecent = rules('nat', '-A PREROUTING -m recent --name SEP --set');
    evaluateHook(setRecent, 'nat', 'PREROUTING', pkt(), env([], { recent, nowSeconds: 1000 }));
    expect(recent.get('SEP')?.get('10.0.0.2')).toBe(1000);
    expect(at(1060)).toBe('ACCEPT');
    expect(recent.get('SEP')?.get('10.0.0.2')).toBe(1060);
    // The stale 10.0.0.99 entry was the table's oldest, so --reap removed it.
    expect(recent.get('SEP')?.has('10.0.0.99')).toBe(false);
    expect(at(1200)).toBe('DROP');
  });
});

describe('evaluateHook on long chains', () => {
  const dsts = ['172.30.0.1', '172.30.0.2', '172.30.0.3', '10.1.1.1'];
  const ruleArb = fc.oneof(
    fc.tuple(fc.constantFrom(...dsts), fc.constantFrom(80, 443), fc.constantFrom('ACCEPT', 'DROP', '')).map(([d, p, t]) => `-m comment --comment x -m tcp -p tcp -d ${d} --dport ${p}${t ? ` -j ${t}` : ''}`),
    fc.tuple(fc.constantFrom(80, 443, 53), fc.constantFrom('tcp', 'udp')).map(([p, proto]) => `-m ${proto} -p ${proto} --dport ${p} -j DROP`),
    fc.constantFrom('-m statistic --mode random --probability 0.5000000000 -j ACCEPT', '-m addrtype --dst-type LOCAL -j DROP', '-d 172.30.0.0/16 -j MARK --or-mark 0x1'),
  );

  /** The kernel's walk, written plainly: every rule compared in order. */
  function linear(lines: readonly string[], p: NfPacket, draws: number[]): { verdict: string; evaluated: number; mark: number } {
    let k = 0;
    let mark = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      const dst = /-d (\S+) /.exec(l)?.[1];
      const port = Number(/--dport (\d+)/.exec(l)?.[1] ?? -1);
      const proto = /-p (\S+)/.exec(l)?.[1];
      let ok = true;
      if (dst === '172.30.0.0/16') ok = p.dst.startsWith('172.30.');
      else if (dst !== undefined) ok = p.dst === dst;
      if (ok && proto !== undefined) ok = p.proto === proto;
      if (ok && port >= 0) ok = p.dport === port;
      if (ok && l.includes('statistic')) ok = ((draws[k++] ?? 0) & 0x7fffffff) < 0x40000000;
      if (ok && l.includes('addrtype')) ok = p.dst === '192.168.0.2';
      if (!ok) continue;
      if (l.includes('MARK')) mark |= 1;
      else if (l.endsWith('ACCEPT') || l.endsWith('DROP')) return { verdict: l.endsWith('ACCEPT') ? 'ACCEPT' : 'DROP', evaluated: i + 1, mark };
    }
    return { verdict: 'ACCEPT', evaluated: lines.length, mark };
  }

  it('gives the linear walk’s verdict, mark and rule count (fast-check, chains longer than the index threshold)', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: INDEX_MIN_RULES, maxLength: 80 }),
        fc.constantFrom(...dsts, '192.168.0.2'),
        fc.constantFrom(80, 443, 53),
        fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp'),
        fc.array(fc.nat(), { maxLength: 80 }),
        (body, dst, dport, proto, draws) => {
          const rs = rules('filter', ...body.map((b) => `-A INPUT ${b}`));
          const p = pkt({ dst, dport, proto });
          const r = evaluateHook(rs, 'filter', 'INPUT', p, env(draws));
          const ref = linear(body, p, draws);
          expect({ verdict: r.verdict.kind, evaluated: r.rulesEvaluated, mark: r.mark }).toEqual(ref);
        },
      ),
      { seed: 424242, numRuns: 200 },
    );
  });
});
