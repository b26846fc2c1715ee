// Every rule every writer emits is one the rule parser reads and both printers print back:
// kube-proxy in iptables mode, its IPVS mode's iptables rules, kind's CNI masquerade
// (KIND-MASQ-AGENT), the cloud load balancer on the gateway, and (typed, so printed rather
// than parsed) kube-proxy's nftables table, over the fuzz generators' scenarios in every
// mode and the default scenario. A writer that learns a new match extension fails here
// before it fails a user.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NETNS, nodeNetnsId } from '../cluster/netns';
import type { Cluster } from '../cluster/types';
import { printNftListRuleset } from './nft/list';
import { printNftablesTransaction } from '../kubeproxy/nftables-transaction';
import { clusterFrom } from '../testing/build';
import { scenarioArb } from '../testing/fuzz/generators/case';
import { caseYaml } from '../testing/fuzz/properties';
import { parseRuleWords } from './parse-rule';
import { restoreRuleArgs } from './print-restore';
import { saveRuleArgs } from './print-save';
import type { Ruleset } from './rule-types';
import { tokenize } from './tokenize';
import { parseScenario } from '../model/parse';
import { compile } from '../cluster/compile';

interface Seen { rules: number; chains: Set<string>; modules: Set<string>; nftRules: number }

function readAll(rs: Ruleset, seen: Seen): void {
  for (const t of rs.tables) {
    for (const c of t.chains) {
      for (const rule of c.rules) {
        // Reading the matches parses a lazily installed rule; printing must not throw either.
        for (const m of rule.matches) seen.modules.add(m.kind);
        const restore = restoreRuleArgs(rule);
        saveRuleArgs(rule, 4);
        const again = parseRuleWords(tokenize(restore), 4);
        expect(restoreRuleArgs(again)).toBe(restore);
        seen.rules += 1;
        seen.chains.add(c.name.replace(/-[A-Z2-7]{16}$/, '-HASH'));
      }
    }
  }
}

function readCluster(c: Cluster, seen: Seen): void {
  for (const n of c.nodes) {
    const nf = c.netfilter(nodeNetnsId(n.name))!;
    readAll(nf.iptables, seen);
    if (nf.nft) {
      printNftListRuleset(nf.nft);
      printNftablesTransaction(nf.nft);
      for (const ch of nf.nft.chains.values()) seen.nftRules += ch.rules.length;
    }
  }
  readAll(c.netfilter(GATEWAY_NETNS)!.iptables, seen);
}

describe('the writers and the rule parser', () => {
  it('parse and print back every rule kube-proxy (iptables, IPVS, nftables), the CNI and the cloud load balancer write', () => {
    const seen: Seen = { rules: 0, chains: new Set(), modules: new Set(), nftRules: 0 };
    readCluster(clusterFrom(readFileSync('src/scenarios/default.yaml', 'utf8')), seen);
    for (const s of fc.sample(scenarioArb, { seed: 7, numRuns: 120 })) {
      const p = parseScenario(caseYaml({ scenario: s, sends: [] }));
      if (!p.ok) continue;
      const c = compile(p.scenario);
      if (c.ok) readCluster(c.cluster, seen);
    }
    // Every writer was met, with the match extensions each writes.
    for (const chain of ['KUBE-SERVICES', 'KUBE-SVC-HASH', 'KUBE-FW-HASH', 'KUBE-IPVS-OUT-FILTER', 'KUBE-LOAD-BALANCER', 'KIND-MASQ-AGENT', 'CLOUD-LB-HASH']) {
      expect(seen.chains, chain).toContain(chain);
    }
    for (const m of ['ports', 'comment', 'addrtype', 'mark', 'conntrack', 'statistic', 'recent', 'set', 'ipvs', 'nfacct', 'src', 'dst', 'proto']) expect(seen.modules, m).toContain(m);
    expect(seen.rules).toBeGreaterThan(10_000);
    expect(seen.nftRules).toBeGreaterThan(1_000);
  }, 60_000);
});
