// Typed rules and their two text forms: the restore form as written, and the kernel form that
// iptables-save prints.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleWords, RuleParseError } from './parse-rule';
import { restoreRuleLine } from './print-restore';
import { saveRuleLine } from './print-save';
import { probabilitySaveText, probabilityToU32 } from './probability';
import { tokenize } from './tokenize';

const reference = (name: string): string => readFileSync(resolve(process.cwd(), '../shared/reference', name), 'utf8');

function parseLine(line: string, family: 4 | 6 = 4) {
  const words = tokenize(line);
  return { chain: words[1] as string, rule: parseRuleWords(words, family, 2) };
}
const save = (line: string, family: 4 | 6 = 4): string => {
  const { chain, rule } = parseLine(line, family);
  return saveRuleLine(chain, rule, family);
};
const restore = (line: string): string => {
  const { chain, rule } = parseLine(line);
  return restoreRuleLine(chain, rule);
};

describe('parsing rules into typed matches and targets', () => {
  it('reads kube-proxy’s masquerade rule into basic matches, modules and a target', () => {
    const { rule } = parseLine('-A KUBE-SVC-X -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ');
    expect(rule.matches.map((m) => m.kind)).toEqual(['comment', 'ports', 'proto', 'dst', 'src']);
    expect(rule.matches[0]).toEqual({ kind: 'comment', comment: 'ns1/svc1:p80 cluster IP', quoted: true });
    expect(rule.matches[1]).toMatchObject({ kind: 'ports', module: 'tcp', dport: { neg: false, lo: 80, hi: 80, text: '80' } });
    expect(rule.matches[4]).toMatchObject({ kind: 'src', neg: true, net: { family: 4, prefix: 8 } });
    expect(rule.target).toEqual({ kind: 'jump', chain: 'KUBE-MARK-MASQ' });
  });

  it('reads every module kube-proxy, its IPVS mode and flannel use', () => {
    const { rule } = parseLine(
      '-A C -m statistic --mode random --probability 0.3333333333 -m recent --name KUBE-SEP-X --rcheck --seconds 10800 --reap -m mark ! --mark 0x4000/0x4000 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -m addrtype ! --src-type LOCAL --dst-type LOCAL,BROADCAST -m set ! --match-set KUBE-LOOP-BACK dst,dst,src -m nfacct --nfacct-name localhost_nps_accepted_pkts -j RETURN',
    );
    expect(rule.matches).toMatchObject([
      { kind: 'statistic', neg: false, probability: 715827883, text: '0.3333333333' },
      { kind: 'recent', action: 'rcheck', name: 'KUBE-SEP-X', seconds: 10800, reap: true, side: 'rsource' },
      { kind: 'mark', neg: true, value: 0x4000, mask: 0x4000 },
      { kind: 'conntrack', neg: true, states: ['RELATED', 'ESTABLISHED', 'DNAT'] },
      { kind: 'addrtype', src: { neg: true, types: ['LOCAL'] }, dst: { neg: false, types: ['LOCAL', 'BROADCAST'] } },
      { kind: 'set', neg: true, set: 'KUBE-LOOP-BACK', flags: ['dst', 'dst', 'src'] },
      { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' },
    ]);
    expect(rule.target).toEqual({ kind: 'RETURN' });
  });

  it('reads the targets: DNAT, SNAT, MASQUERADE, MARK, REJECT, goto and no target', () => {
    expect(parseLine('-A C -j DNAT --to-destination 10.180.0.1:80').rule.target).toMatchObject({ kind: 'DNAT', to: '10.180.0.1:80' });
    expect(parseLine('-A C -j SNAT --to-source 1.2.3.4 --random-fully').rule.target).toMatchObject({ kind: 'SNAT', to: '1.2.3.4', randomFully: true });
    expect(parseLine('-A C -j MASQUERADE --to-ports 1024-2048 --random').rule.target).toMatchObject({ kind: 'MASQUERADE', toPorts: '1024-2048', random: true, randomFully: false });
    expect(parseLine('-A C -j MARK --or-mark 0x4000').rule.target).toMatchObject({ kind: 'MARK', value: 0x4000, mask: 0x4000 });
    expect(parseLine('-A C -j MARK --xor-mark 0x4000').rule.target).toMatchObject({ kind: 'MARK', value: 0x4000, mask: 0 });
    expect(parseLine('-A C -j MARK --set-mark 0x8000').rule.target).toMatchObject({ kind: 'MARK', value: 0x8000, mask: 0xffffffff });
    expect(parseLine('-A C -j MARK --and-mark 0xff').rule.target).toMatchObject({ kind: 'MARK', value: 0, mask: 0xffffff00 });
    expect(parseLine('-A C -j REJECT --reject-with tcp-reset').rule.target).toEqual({ kind: 'REJECT', with: 'tcp-reset' });
    expect(parseLine('-A C -g KUBE-X').rule.target).toEqual({ kind: 'goto', chain: 'KUBE-X' });
    expect(parseLine('-A C -m comment --comment "other traffic"').rule.target).toEqual({ kind: 'none' });
  });

  it('loads the protocol module implicitly for --dport after -p tcp', () => {
    const { rule } = parseLine('-A C -p tcp --dport 22 -j ACCEPT');
    expect(rule.matches[1]).toMatchObject({ kind: 'ports', module: 'tcp', implicit: true });
  });

  it.each([
    ['-A C -m bpf --bytecode 1 -j ACCEPT', /not modelled/],
    ['-A C --frobnicate 1 -j ACCEPT', /unknown option/],
    ['-A C -m comment --comment', /requires an argument/],
    ['-A C ! -m comment --comment x', /"!" before -m/],
    ['-A C -j ACCEPT -j DROP', /more than one target/],
    ['-A C -m comment ! --comment x', /cannot be negated/],
    ['-A C -d 10.0.0.300 -j ACCEPT', /invalid address/],
    ['-A C -m statistic --mode nth --every 2 -j ACCEPT', /not modelled/],
    ['-A C -g ACCEPT', /-g needs a user chain/],
    ['-A C -m mark -j ACCEPT', /needs --mark/],
  ])('rejects %s', (line, error) => {
    expect(() => parseLine(line)).toThrow(RuleParseError);
    expect(() => parseLine(line)).toThrow(error);
  });
});

describe('the restore form', () => {
  const ipvsLines = reference('ipvs_mode_reference.txt')
    .split('\n')
    .filter((l) => l.startsWith('-A '));

  it.each(ipvsLines)('prints %s back as written', (line) => {
    expect(restore(line)).toBe(line);
  });

  it('keeps written order, quoting and negation exactly', () => {
    for (const line of [
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -m comment --comment ns5/svc5:p80 -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.3:80',
      '-A C -p tcp --dport 22 -j ACCEPT',
      '-A C -j ACCEPT -m nfacct --nfacct-name test',
      '-A C -m comment --comment "say \\"hi\\"" -m multiport ! --dports 80,8000:8080 -m physdev --physdev-is-bridged ! --physdev-in veth0 -j ACCEPT',
      '-A C -i eth+ ! -o cni0 -p udp -m udp ! --sport 53 -j MASQUERADE --random-fully',
    ]) {
      expect(restore(line)).toBe(line);
    }
  });
});

describe('the kernel (iptables-save) form', () => {
  it('reorders basic matches first, adds prefix lengths and quotes comments (FIDELITY §1.10)', () => {
    expect(save('-A KUBE-SVC-X -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ')).toBe(
      '-A KUBE-SVC-X ! -s 10.0.0.0/8 -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    );
    expect(save('-A KUBE-SEP-X -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ')).toBe('-A KUBE-SEP-X -s 10.180.0.1/32 -m comment --comment "ns1/svc1:p80" -j KUBE-MARK-MASQ');
  });

  it('quotes a comment only when xtables_save_string must, escaping quotes', () => {
    expect(save('-A C -m comment --comment flanneld_masq-1 -j RETURN')).toBe('-A C -m comment --comment flanneld_masq-1 -j RETURN');
    expect(save('-A C -m comment --comment "it\'s \\"x\\"" -j RETURN')).toBe('-A C -m comment --comment "it\\\'s \\"x\\"" -j RETURN');
  });

  it('saves every MARK target as --set-xmark value/mask', () => {
    expect(save('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000')).toBe('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    expect(save('-A KUBE-POSTROUTING -j MARK --xor-mark 0x00004000')).toBe('-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0');
    expect(save('-A C -j MARK --set-mark 0x8000')).toBe('-A C -j MARK --set-xmark 0x8000/0xffffffff');
  });

  it('prints probabilities with 11 decimals after the u32 round trip', () => {
    const table: [number, string, string][] = [
      [2, '0.5000000000', '0.50000000000'],
      [3, '0.3333333333', '0.33333333349'],
      [4, '0.2500000000', '0.25000000000'],
      [5, '0.2000000000', '0.20000000019'],
      [6, '0.1666666667', '0.16666666651'],
      [7, '0.1428571429', '0.14285714272'],
      [10, '0.1000000000', '0.10000000009'],
    ];
    for (const [n, written, saved] of table) {
      expect((1 / n).toFixed(10)).toBe(written);
      expect(probabilitySaveText(probabilityToU32(Number(written)))).toBe(saved);
      expect(save(`-A C -m statistic --mode random --probability ${written} -j X`)).toBe(`-A C -m statistic --mode random --probability ${saved} -j X`);
    }
  });

  it('saves recent with its default mask and side, and nfacct with libxt_nfacct’s double space', () => {
    expect(save('-A C -m recent --name KUBE-SEP-X --rcheck --seconds 10800 --reap -j KUBE-SEP-X')).toBe(
      '-A C -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-X --mask 255.255.255.255 --rsource -j KUBE-SEP-X',
    );
    expect(save('-A C -m recent --name N --set -m tcp -p tcp -j DNAT --to-destination 10.0.0.1:80')).toBe(
      '-A C -p tcp -m recent --set --name N --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.0.0.1:80',
    );
    expect(save('-A C -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP')).toBe(
      '-A C -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP',
    );
  });

  it('spells out REJECT’s default, orders ctstates, addrtypes and the MASQUERADE options the kernel’s way', () => {
    expect(save('-A C -j REJECT')).toBe('-A C -j REJECT --reject-with icmp-port-unreachable');
    expect(save('-A C -j REJECT', 6)).toBe('-A C -j REJECT --reject-with icmp6-port-unreachable');
    expect(save('-A C -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT')).toBe('-A C -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    expect(save('-A C -m addrtype --dst-type LOCAL --src-type BROADCAST,UNICAST -j ACCEPT')).toBe('-A C -m addrtype --src-type UNICAST,BROADCAST --dst-type LOCAL -j ACCEPT');
    expect(save('-A C -j MASQUERADE --random-fully --to-ports 1024-2048')).toBe('-A C -j MASQUERADE --to-ports 1024-2048 --random-fully');
    expect(save('-A C -p udp --sport 53 -j ACCEPT')).toBe('-A C -p udp -m udp --sport 53 -j ACCEPT');
    expect(save('-A C -s fd00::1 -d fd00:10::/48 -j ACCEPT', 6)).toBe('-A C -s fd00::1/128 -d fd00:10::/48 -j ACCEPT');
  });

  it('prints every rule of a real iptables-save capture back unchanged', () => {
    const real = reference('iptables_REAL_iptables-save_nat_flannel_cluster.txt')
      .split('\n')
      .filter((l) => l.startsWith('-A '));
    expect(real.length).toBeGreaterThan(60);
    for (const line of real) expect(save(line)).toBe(line);
  });
});
