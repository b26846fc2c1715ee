// kube-proxy's own unit-test goldens (../shared/reference/iptables_Test*.txt), replayed: the
// generator's payload, put through the upstream sortIPTablesRules, must equal each golden byte
// for byte. Also the upstream checkIPTablesRuleJumps invariant over every generated payload,
// and a parse/print round trip of every rule line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIPTablesRuleJumps } from '../netfilter/check-jumps';
import { parseRuleWords } from '../netfilter/parse-rule';
import { restoreRuleLine } from '../netfilter/print-restore';
import { sortIPTablesRules } from '../netfilter/sort';
import { tokenize } from '../netfilter/tokenize';
import { proxyFamily, writeIptablesRules } from './iptables';
import { externalTrafficPolicyLocal, internalTrafficPolicyE2E, masqueradeRule, overallIPTablesRules } from './testing/golden-scenarios';
import { iptablesGoldenRules, referenceUrl, withRandomFully } from './testing/goldens';
import { ALL_SCENARIOS } from './testing/scenarios';
import type { ProxyInput } from './types';

/** The golden's expected rules, in its sorted form. */
const expectedRules = (name: string): string => iptablesGoldenRules(readFileSync(referenceUrl(name), 'utf8'));

const GOLDENS: readonly (readonly [string, () => ProxyInput])[] = [
  ['iptables_TestOverallIPTablesRules.txt', overallIPTablesRules],
  ['iptables_TestExternalTrafficPolicyLocal.txt', externalTrafficPolicyLocal],
  ['iptables_TestInternalTrafficPolicyE2E_cluster_3eps.txt', () => internalTrafficPolicyE2E('Cluster')],
  ['iptables_TestInternalTrafficPolicyE2E_local_with_local_ep.txt', () => internalTrafficPolicyE2E('Local')],
  ['iptables_TestMasqueradeRule_empty.txt', () => masqueradeRule(false)],
];

describe('kube-proxy iptables payload against the upstream goldens', () => {
  it.each(GOLDENS)('reproduces %s exactly', (file, input) => {
    expect(sortIPTablesRules(writeIptablesRules(input()))).toBe(expectedRules(file));
  });

  it('reproduces TestMasqueradeRule with --random-fully (the variant its header describes)', () => {
    const expected = withRandomFully(expectedRules('iptables_TestMasqueradeRule_empty.txt'));
    expect(expected).toContain('MASQUERADE --random-fully');
    expect(sortIPTablesRules(writeIptablesRules(masqueradeRule(true)))).toBe(expected);
  });

  it('differs from the ~v1.27 goldens, with nfacct counters on, by exactly the two nfacct rules FIDELITY names', () => {
    const old = expectedRules('iptables_TestExternalTrafficPolicyLocal.txt').split('\n');
    const current = sortIPTablesRules(writeIptablesRules({ ...externalTrafficPolicyLocal(), nfacct: true })).split('\n');
    expect(old.filter((l) => !current.includes(l))).toEqual(['-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP']);
    expect(current.filter((l) => !old.includes(l))).toEqual([
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP',
      '-A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-XPGD46QRK7WJZT7O',
    ]);
  });

  it('writes kube-proxy raw order (not the sorted form): filter chains, KUBE-FIREWALL, services, KUBE-FORWARD', () => {
    const raw = writeIptablesRules(overallIPTablesRules()).split('\n');
    expect(raw.slice(0, 8)).toEqual([
      '*filter',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-EXTERNAL-SERVICES - [0:0]',
      ':KUBE-FORWARD - [0:0]',
      ':KUBE-NODEPORTS - [0:0]',
      ':KUBE-PROXY-FIREWALL - [0:0]',
      ':KUBE-FIREWALL - [0:0]',
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ]);
    const nat = raw.slice(raw.indexOf('*nat'));
    expect(nat.slice(1, 5)).toEqual([':KUBE-SERVICES - [0:0]', ':KUBE-NODEPORTS - [0:0]', ':KUBE-POSTROUTING - [0:0]', ':KUBE-MARK-MASQ - [0:0]']);
    expect(nat.find((l) => l.startsWith('-A'))).toBe('-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN');
    expect(nat[nat.length - 3]).toContain('NOTE: this must be the last rule in this chain');
  });
});

describe.each(Object.entries(ALL_SCENARIOS))('generated payload of %s', (_name, input) => {
  const payload = writeIptablesRules(input());

  it('passes checkIPTablesRuleJumps (no missing, empty-but-jumped or unused chains)', () => {
    expect(checkIPTablesRuleJumps(payload)).toBeNull();
  });

  it('is unchanged by sorting twice (the sort is idempotent on it)', () => {
    const once = sortIPTablesRules(payload);
    expect(sortIPTablesRules(once)).toBe(once);
  });

  it('parses into typed rules that print back to the same bytes', () => {
    const family = proxyFamily(input());
    for (const line of payload.split('\n').filter((l) => l.startsWith('-A '))) {
      const words = tokenize(line);
      expect(restoreRuleLine(words[1] as string, parseRuleWords(words, family, 2))).toBe(line);
    }
  });
});

describe('checkIPTablesRuleJumps (upstream TestCheckIPTablesRuleJumps cases)', () => {
  const nat = (lines: string): string => `*filter\nCOMMIT\n*nat\n${lines}\nCOMMIT\n`;
  it('accepts a valid payload', () => {
    expect(
      checkIPTablesRuleJumps(
        nat(
          [
            ':KUBE-MARK-MASQ - [0:0]',
            ':KUBE-SERVICES - [0:0]',
            ':KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]',
            '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
            '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 10.20.30.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
            '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 10.20.30.41 --dport 80 ! -s 10.0.0.0/24 -j KUBE-MARK-MASQ',
          ].join('\n'),
        ),
      ),
    ).toBeNull();
  });
  it.each([
    [
      "can't jump to chain that wasn't created",
      ':KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      'some chains in nat are used but were not created: [KUBE-SVC-XPGD46QRK7WJZT7O]',
    ],
    [
      "can't jump to chain that has no rules",
      ':KUBE-SERVICES - [0:0]\n:KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]\n-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      'some chains in nat are jumped to but have no rules: [KUBE-SVC-XPGD46QRK7WJZT7O]',
    ],
    [
      "can't add rules to a chain that wasn't created",
      ':KUBE-MARK-MASQ - [0:0]\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" ...\n-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      'some chains in nat are used but were not created: [KUBE-SVC-XPGD46QRK7WJZT7O]',
    ],
    [
      "can't create chain and then not use it",
      ':KUBE-MARK-MASQ - [0:0]\n:KUBE-SERVICES - [0:0]\n:KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]\n-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" ...',
      'some chains in nat are created but not used: [KUBE-SVC-XPGD46QRK7WJZT7O]',
    ],
  ])('rejects: %s', (_name, lines, error) => {
    expect(checkIPTablesRuleJumps(nat(lines))).toBe(error);
  });
});
