// The kernel form against real clusters: the node's ruleset after kube-proxy's start-up and
// one sync (jump rules, canary chains, restore payload), printed the way `iptables-save` and
// `iptables -S` print it, compared line by line with ../shared/reference/iptables_REAL_*.txt.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iptablesListRules, iptablesSave } from '../netfilter/iptables-save';
import { emptyRuleset } from '../netfilter/ruleset';
import { installKubeProxyIptables } from './iptables-jumps';
import { flannelCluster, kindWebService } from './testing/real-scenarios';

const reference = (name: string): string => readFileSync(resolve(process.cwd(), '../shared/reference', name), 'utf8');
const dataLines = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

const chainOf = (line: string): string => line.split(' ')[1] ?? '';

describe('iptables-save of a kubeadm + flannel node (iptables_REAL_iptables-save_nat_flannel_cluster.txt)', () => {
  const captured = dataLines(reference('iptables_REAL_iptables-save_nat_flannel_cluster.txt'));
  const ours = iptablesSave(installKubeProxyIptables(emptyRuleset(4), flannelCluster())).split('\n');
  const table = (lines: readonly string[], name: string): string[] => {
    const start = lines.indexOf(`*${name}`);
    const rest = lines.slice(start);
    const end = rest.indexOf('COMMIT');
    return end < 0 ? rest : rest.slice(0, end + 1);
  };

  // Chains other programs wrote (Docker, flanneld, kubelet) are left out of the comparison, as is
  // the one flannel rule in POSTROUTING that jumps to them. Built-in chain counters are live
  // numbers, so only the policy is compared.
  const OTHERS = ['DOCKER', 'FLANNEL-POSTRTG', 'KUBE-KUBELET-CANARY', 'KUBE-MARK-DROP'];
  const isOthers = (line: string): boolean => OTHERS.some((c) => line === `:${c} - [0:0]` || line.startsWith(`-A ${c} `) || line.endsWith(`-j ${c}`));
  const normalise = (line: string): string => line.replace(/^(:(?:PREROUTING|INPUT|OUTPUT|POSTROUTING) ACCEPT) \[\d+:\d+\]$/, '$1');
  const capturedNat = table(captured, 'nat').filter((l) => !isOthers(l)).map(normalise);
  const ourNat = table(ours, 'nat').map(normalise);

  // Go map order decides the order of Services within KUBE-SERVICES and KUBE-NODEPORTS.
  const MAP_ORDERED = ['KUBE-SERVICES', 'KUBE-NODEPORTS'];
  const mapOrdered = (l: string): boolean => l.startsWith('-A ') && MAP_ORDERED.includes(chainOf(l)) && !l.includes('must be the last rule');

  it('has the same nat chains and rules in the same order, Service order within KUBE-SERVICES/KUBE-NODEPORTS aside', () => {
    expect(ourNat.filter((l) => !mapOrdered(l))).toEqual(capturedNat.filter((l) => !mapOrdered(l)));
    expect(ourNat.length).toBeGreaterThan(90);
  });

  it('has the same KUBE-SERVICES and KUBE-NODEPORTS rules, in some order, with the NodePort jump last', () => {
    expect(ourNat.filter(mapOrdered).sort()).toEqual(capturedNat.filter(mapOrdered).sort());
    expect(ourNat.filter((l) => l.startsWith('-A KUBE-SERVICES ')).at(-1)).toContain('must be the last rule in this chain');
  });

  it('puts the same jump rules at the head of filter INPUT and FORWARD', () => {
    // This ~v1.26 capture predates kube-proxy's copy of kubelet's KUBE-FIREWALL jumps.
    const rules = (lines: string[], chain: string): string[] => lines.filter((l) => l.startsWith(`-A ${chain} `) && !l.endsWith('-j KUBE-FIREWALL'));
    const capturedFilter = table(captured, 'filter');
    const ourFilter = table(ours, 'filter');
    expect(rules(ourFilter, 'INPUT')).toEqual(rules(capturedFilter, 'INPUT'));
    const capturedForward = rules(capturedFilter, 'FORWARD');
    expect(rules(ourFilter, 'FORWARD').slice(0, capturedForward.length)).toEqual(capturedForward);
  });
});

describe('iptables -t nat -S on a kind node (iptables_REAL_kind_iptables-S_normalized.txt)', () => {
  const captured = dataLines(reference('iptables_REAL_kind_iptables-S_normalized.txt'));
  const ours = iptablesListRules(installKubeProxyIptables(emptyRuleset(4), kindWebService()), 'nat');

  it('prints every captured line exactly', () => {
    for (const line of captured) expect(ours).toContain(line);
  });

  it('keeps each chain’s captured rules in the captured order', () => {
    for (const chain of new Set(captured.filter((l) => l.startsWith('-A ')).map(chainOf))) {
      const pick = (lines: readonly string[]): string[] => lines.filter((l) => l.startsWith(`-A ${chain} `) && captured.includes(l));
      expect(pick(ours)).toEqual(pick(captured));
    }
  });
});
