// Scale benchmark for kube-proxy's iptables mode: 10,000 Services with 50,000 endpoints on
// one node (the same input as ipvs-nft-scale.bench.ts). Not part of `vitest run`; run it with
//   npx vitest bench --run src/engine/kubeproxy/iptables-scale.bench.ts
// The first build of a process also hashes the 60,000 chain names; later builds reuse the
// name memo, as the other nodes of the same cluster would.
import { bench, describe } from 'vitest';
import type { NfEnv, NfPacket } from '../netfilter/eval-types';
import { evaluateHook, prepareRuleset } from '../netfilter/evaluate';
import { emptyRuleset } from '../netfilter/ruleset';
import { writeIptablesRules } from './iptables';
import { installKubeProxyIptables } from './iptables-jumps';
import { largeProxyInput } from './testing/large-cluster';

const input = largeProxyInput(10_000, 50_000);
const env: NfEnv = { addrType: (ip) => (ip === '192.168.0.10' ? 'LOCAL' : 'UNICAST'), random31: () => 123_456_789, nowSeconds: 1000, recent: new Map() };
const clusterIP: NfPacket = { src: '10.64.0.5', dst: '10.96.39.16', proto: 'tcp', sport: 40000, dport: 80, mark: 0, ctstate: ['NEW'] };
const nodePort: NfPacket = { ...clusterIP, src: '203.0.113.9', dst: '192.168.0.10', dport: 30999 };
const ruleset = installKubeProxyIptables(emptyRuleset(4), input);
prepareRuleset(ruleset);

describe('iptables mode: 10k Services, 50k endpoints', () => {
  bench('write the iptables-restore text', () => void writeIptablesRules(input), { iterations: 5 });
  bench('build the node ruleset (generate + install; rules parsed when first read)', () => void installKubeProxyIptables(emptyRuleset(4), input), { iterations: 5 });
  bench('build, then index the long chains (prepareRuleset)', () => prepareRuleset(installKubeProxyIptables(emptyRuleset(4), input)), { iterations: 5 });
  bench('build with every rule parsed at once', () => void installKubeProxyIptables(emptyRuleset(4), input, { lazy: false }), { iterations: 5 });
  bench('one ClusterIP packet: nat PREROUTING + POSTROUTING, filter FORWARD', () => {
    const pre = evaluateHook(ruleset, 'nat', 'PREROUTING', clusterIP, env);
    const dst = pre.nat?.kind === 'DNAT' ? pre.nat.toAddr : clusterIP.dst;
    evaluateHook(ruleset, 'filter', 'FORWARD', { ...clusterIP, dst }, env);
    evaluateHook(ruleset, 'nat', 'POSTROUTING', { ...clusterIP, dst, mark: pre.mark }, env);
  });
  bench('one NodePort packet: nat PREROUTING', () => void evaluateHook(ruleset, 'nat', 'PREROUTING', nodePort, env));
});
