// Scale benchmark for the nftables and IPVS writers and evaluators: 10,000 Services with
// 50,000 endpoints on one node. Not part of `vitest run`; run it with
//   npx vitest bench --run src/engine/kubeproxy/ipvs-nft-scale.bench.ts
// (The first build of a process also pays for hashing 60,000 chain names; later builds
// reuse the name memo, as the other nodes of the same cluster would.)
import { bench, describe } from 'vitest';
import type { NfEnv, NfPacket } from '../netfilter/eval-types';
import { ipsetTest } from '../netfilter/ipset/match';
import { createIpvsSchedState, ipvsFindVirtualServer, ipvsSchedule } from '../netfilter/ipvs/schedule';
import { writeIpvsState } from './ipvs-writer';
import { nftablesEvaluate } from '../netfilter/nft/eval';
import { writeNftablesRules } from './nftables-writer';
import { largeProxyInput } from './testing/large-cluster';

const input = largeProxyInput(10_000, 50_000);
const env: NfEnv = { addrType: () => 'UNICAST', random31: () => 123_456_789, nowSeconds: 1000, recent: new Map() };
const pkt: NfPacket = { src: '10.0.1.5', dst: '10.96.39.16', proto: 'tcp', sport: 40000, dport: 80, mark: 0, ctstate: ['NEW'] };
const table = writeNftablesRules(input);
const ipvs = writeIpvsState(input);

describe('10k Services, 50k endpoints', () => {
  bench('nftables: build the node table', () => void writeNftablesRules(input), { iterations: 5 });
  bench('nftables: one packet, prerouting + postrouting', () => {
    const r = nftablesEvaluate(table, 'PREROUTING', pkt, env);
    nftablesEvaluate(table, 'POSTROUTING', { ...pkt, dst: r.nat?.kind === 'DNAT' ? r.nat.toAddr : pkt.dst }, env);
  });
  bench('ipvs: build the node state', () => void writeIpvsState(input), { iterations: 5 });
  bench('ipvs: one packet, virtual server + scheduler + ipsets', () => {
    ipvsSchedule(ipvsFindVirtualServer(ipvs, pkt)!, pkt, env, createIpvsSchedState());
    ipsetTest(ipvs.ipsets, 'KUBE-CLUSTER-IP', ['dst', 'dst'], pkt);
    ipsetTest(ipvs.ipsets, 'KUBE-LOOP-BACK', ['dst', 'dst', 'src'], pkt);
  });
});
