import { describe, expect, it } from 'vitest';
import { iptablesListRules, iptablesSave } from './iptables-save';
import { restoreRuleLine } from './print-restore';
import { applyRestore, applyRestoreLines, emptyRuleset, ensureChain, ensureRule, findChain, RestoreError } from './ruleset';

const base = applyRestore(
  emptyRuleset(4),
  ['*nat', ':DOCKER - [0:0]', ':KUBE-SERVICES - [0:0]', '-A DOCKER -i docker0 -j RETURN', '-A KUBE-SERVICES -j RETURN', '-A POSTROUTING -j DOCKER', 'COMMIT', ''].join('\n'),
  { noflush: false },
);

const ruleTexts = (rs: typeof base, table: string, chain: string): string[] => (findChain(rs, table, chain)?.rules ?? []).map((r) => restoreRuleLine(chain, r));

describe('iptables-restore', () => {
  it('with --noflush flushes only the user chains it names and keeps the rest', () => {
    const out = applyRestore(base, '*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -j ACCEPT\nCOMMIT\n', { noflush: true });
    expect(ruleTexts(out, 'nat', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -j ACCEPT']);
    expect(ruleTexts(out, 'nat', 'DOCKER')).toEqual(['-A DOCKER -i docker0 -j RETURN']);
    expect(ruleTexts(out, 'nat', 'POSTROUTING')).toEqual(['-A POSTROUTING -j DOCKER']);
  });

  it('without --noflush replaces every table it names and leaves the others alone', () => {
    const out = applyRestore(base, '*nat\n:KUBE-SERVICES - [0:0]\nCOMMIT\n', { noflush: false });
    expect(findChain(out, 'nat', 'DOCKER')).toBeUndefined();
    expect(findChain(out, 'nat', 'POSTROUTING')?.rules).toEqual([]);
    expect(out.tables.find((t) => t.name === 'filter')).toBe(base.tables.find((t) => t.name === 'filter'));
  });

  it('sets built-in policies and counters from iptables-save output, and inserts with -I', () => {
    const out = applyRestore(emptyRuleset(4), '*filter\n:INPUT DROP [5:300]\n-A INPUT -j ACCEPT\n-I INPUT 1 -i lo -j ACCEPT\nCOMMIT\n', { noflush: false });
    expect(findChain(out, 'filter', 'INPUT')).toMatchObject({ policy: 'DROP', packets: 5, bytes: 300 });
    expect(ruleTexts(out, 'filter', 'INPUT')).toEqual(['-A INPUT -i lo -j ACCEPT', '-A INPUT -j ACCEPT']);
  });

  it('deletes an emptied chain with -X', () => {
    const out = applyRestore(base, '*nat\n:DOCKER - [0:0]\n:POSTROUTING - [0:0]\n-X DOCKER\nCOMMIT\n', { noflush: true });
    expect(findChain(out, 'nat', 'DOCKER')).toBeUndefined();
  });

  it.each([
    ['*nat\n-A NOPE -j ACCEPT\nCOMMIT\n', /line 2: chain NOPE does not exist/],
    ['*nat\n:KUBE-X - [0:0]\n-A KUBE-X -m bogus -j ACCEPT\nCOMMIT\n', /line 3: match extension "bogus" is not modelled/],
    ['*nat\n:KUBE-X - [0:0]\n', /missing COMMIT/],
    ['-A INPUT -j ACCEPT\n', /line 1: no table selected/],
    ['*nat\n:KUBE-X ACCEPT [0:0]\nCOMMIT\n', /user chain KUBE-X cannot have a policy/],
  ])('reports %j as an error with its line number', (text, error) => {
    expect(() => applyRestore(base, text, { noflush: true })).toThrow(RestoreError);
    expect(() => applyRestore(base, text, { noflush: true })).toThrow(error);
  });
});

describe('lazy restore of trusted writer output', () => {
  const lines = [['*filter'], ['-A', 'INPUT', '-m', 'bogus', '-j', 'ACCEPT'], ['-A', 'INPUT', '-p', 'tcp', '--dport', '22', '-j', 'ACCEPT'], ['COMMIT']];

  it('keeps rules given as words unparsed until read, then parses each once', () => {
    const rs = applyRestoreLines(emptyRuleset(4), lines, { noflush: true, lazy: true });
    const [bad, good] = findChain(rs, 'filter', 'INPUT')?.rules ?? [];
    expect(good?.matches).toBe(good?.matches);
    expect(good?.target).toEqual({ kind: 'ACCEPT' });
    expect(() => bad?.matches).toThrow(/"bogus" is not modelled/);
  });

  it('parses at once, with line numbers in errors, when not lazy', () => {
    expect(() => applyRestoreLines(emptyRuleset(4), lines, { noflush: true })).toThrow(/line 2: match extension "bogus" is not modelled/);
  });
});

describe('EnsureChain / EnsureRule', () => {
  it('prepends a rule once; a second ensure with the same rule changes nothing', () => {
    let rs = ensureChain(emptyRuleset(4), 'filter', 'KUBE-A');
    rs = ensureRule(rs, 'filter', 'INPUT', ['-j', 'KUBE-A'], 'append');
    rs = ensureRule(rs, 'filter', 'INPUT', ['-m', 'comment', '--comment', 'first now', '-j', 'KUBE-A'], 'prepend');
    const again = ensureRule(rs, 'filter', 'INPUT', ['-m', 'comment', '--comment', 'first now', '-j', 'KUBE-A'], 'prepend');
    expect(again).toBe(rs);
    expect(ruleTexts(rs, 'filter', 'INPUT')).toEqual(['-A INPUT -m comment --comment "first now" -j KUBE-A', '-A INPUT -j KUBE-A']);
    expect(ensureChain(rs, 'filter', 'KUBE-A')).toBe(rs);
  });
});

describe('iptables-save and iptables -S', () => {
  it('lists built-ins first with policy and counters, user chains alphabetically, rules chain by chain', () => {
    const text = iptablesSave(base, { tables: ['nat'] });
    expect(text).toBe(
      [
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':DOCKER - [0:0]',
        ':KUBE-SERVICES - [0:0]',
        '-A POSTROUTING -j DOCKER',
        '-A DOCKER -i docker0 -j RETURN',
        '-A KUBE-SERVICES -j RETURN',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });

  it('adds the Generated by / Completed on lines only when given a date', () => {
    const text = iptablesSave(base, { tables: ['raw'], date: 'Thu Feb  2 10:00:00 2023' });
    expect(text.split('\n')[0]).toBe('# Generated by iptables-save v1.8.9 (nf_tables) on Thu Feb  2 10:00:00 2023');
    expect(text.split('\n').at(-2)).toBe('# Completed on Thu Feb  2 10:00:00 2023');
  });

  it('prints -P, -N and -A lines for iptables -S', () => {
    expect(iptablesListRules(base, 'nat')).toEqual([
      '-P PREROUTING ACCEPT',
      '-P INPUT ACCEPT',
      '-P OUTPUT ACCEPT',
      '-P POSTROUTING ACCEPT',
      '-N DOCKER',
      '-N KUBE-SERVICES',
      '-A POSTROUTING -j DOCKER',
      '-A DOCKER -i docker0 -j RETURN',
      '-A KUBE-SERVICES -j RETURN',
    ]);
  });
});
