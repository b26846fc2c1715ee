// The `-m ipvs` match: kube-proxy's KUBE-IPVS-OUT-FILTER rule read, printed in both forms as
// iptables-save and iptables-restore have it (libipt_ipvs.t), and evaluated as xt_ipvs does.
import { describe, expect, it } from 'vitest';
import { parseRuleWords, RuleParseError } from './parse-rule';
import { restoreRuleLine } from './print-restore';
import { saveRuleLine } from './print-save';
import { ruleTest } from './compile-match';
import { tokenize } from './tokenize';
import type { NfPacket } from './eval-types';

const parse = (line: string) => parseRuleWords(tokenize(line), 4, 2);
const save = (line: string) => saveRuleLine(tokenize(line)[1] as string, parse(line), 4);
const KUBE_PROXY = '-A KUBE-IPVS-OUT-FILTER -s 192.0.2.100 -m ipvs --vaddr 192.0.2.100 --vproto tcp --vport 80 -j DROP';

const pkt = (over: Partial<NfPacket> = {}): NfPacket => ({
  src: '192.0.2.100', dst: '10.244.1.2', proto: 'tcp', sport: 40000, dport: 8080, mark: 0, ctstate: ['NEW', 'DNAT'], ...over,
});
const conn = { vaddr: '192.0.2.100', vport: 80, method: 'MASQ' as const, reply: false };
const matches = (line: string, p: NfPacket) =>
  ruleTest(parse(line).matches)({ pkt: p, env: {} as never, src: [0xc0000264], dst: [0x0af40102], protoNum: 6, ctBits: 0, mark: 0, ctmark: 0 });

describe('the ipvs match extension', () => {
  it('reads kube-proxy’s load-balancer source-range rule and prints it back as written', () => {
    expect(restoreRuleLine('KUBE-IPVS-OUT-FILTER', parse(KUBE_PROXY))).toBe(KUBE_PROXY);
  });

  it('prints the kernel form as iptables-save does: protocol numbers, options in libxt_ipvs order, no /32', () => {
    expect(save(KUBE_PROXY)).toBe('-A KUBE-IPVS-OUT-FILTER -s 192.0.2.100/32 -m ipvs --vproto 6 --vaddr 192.0.2.100 --vport 80 -j DROP');
    // The cases of iptables' own extensions/libipt_ipvs.t.
    expect(save('-A C -m ipvs --vaddr 1.2.3.4')).toBe('-A C -m ipvs --vaddr 1.2.3.4');
    expect(save('-A C -m ipvs ! --vaddr 1.2.3.4/255.255.255.0')).toBe('-A C -m ipvs ! --vaddr 1.2.3.4/24');
    expect(save('-A C -m ipvs --vproto 6 --vaddr 1.2.3.4/16 --vport 22 --vdir ORIGINAL --vmethod GATE')).toBe('-A C -m ipvs --vproto 6 --vaddr 1.2.3.4/16 --vport 22 --vdir ORIGINAL --vmethod GATE');
    expect(save('-A C -m ipvs ! --ipvs')).toBe('-A C -m ipvs ! --ipvs');
  });

  it('refuses what libxt_ipvs refuses', () => {
    expect(() => parse('-A C -m ipvs -j DROP')).toThrow('IPVS: At least one option is required');
    expect(() => parse('-A C -m ipvs ! --ipvs --vport 80')).toThrow('! --ipvs cannot be together with other options');
    expect(() => parse('-A C -m ipvs --vdir SIDEWAYS')).toThrow(RuleParseError);
    expect(() => parse('-A C -m ipvs ! --vdir REPLY')).toThrow('cannot be negated');
    expect(() => parse('-A C -m ipvs --vproto nonsense')).toThrow(RuleParseError);
  });

  it('matches only packets IPVS has handled, by their virtual service', () => {
    expect(matches(KUBE_PROXY, pkt())).toBe(false);
    expect(matches(KUBE_PROXY, pkt({ ipvs: conn }))).toBe(true);
    expect(matches(KUBE_PROXY, pkt({ ipvs: { ...conn, vport: 443 } }))).toBe(false);
    expect(matches(KUBE_PROXY, pkt({ ipvs: { ...conn, vaddr: '192.0.2.101' } }))).toBe(false);
    expect(matches(KUBE_PROXY, pkt({ proto: 'udp', ipvs: conn }))).toBe(false);
    expect(matches('-A C -m ipvs --ipvs', pkt({ ipvs: conn }))).toBe(true);
    expect(matches('-A C -m ipvs ! --ipvs', pkt({ ipvs: conn }))).toBe(false);
    expect(matches('-A C -m ipvs ! --ipvs', pkt())).toBe(true);
    // Every option implies --ipvs, even negated: no IPVS connection, no match.
    expect(matches('-A C -m ipvs ! --vport 443', pkt())).toBe(false);
    expect(matches('-A C -m ipvs ! --vport 443', pkt({ ipvs: conn }))).toBe(true);
    expect(matches('-A C -m ipvs --vaddr 192.0.2.0/24', pkt({ ipvs: conn }))).toBe(true);
    expect(matches('-A C -m ipvs --vdir REPLY', pkt({ ipvs: conn }))).toBe(false);
    expect(matches('-A C -m ipvs --vdir REPLY', pkt({ ipvs: { ...conn, reply: true } }))).toBe(true);
    expect(matches('-A C -m ipvs --vmethod MASQ', pkt({ ipvs: conn }))).toBe(true);
    expect(matches('-A C -m ipvs ! --vmethod MASQ', pkt({ ipvs: conn }))).toBe(false);
  });
});
