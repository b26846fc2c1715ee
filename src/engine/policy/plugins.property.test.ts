import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterFrom } from '../testing/build';
import { decide, type Connection } from './evaluate';
import { policyWorld } from './world';
import { worldArb, worldYaml, PORTS } from './testing/arbitrary';
import { calicoEndpoints } from './calico/endpoints';
import { calicoNodePolicy } from './calico/node';
import { setsTest } from './calico/testing';
import { workloadInterface } from './calico/ids';
import { applyRestore, emptyRuleset, ensureRule } from '../netfilter/ruleset';
import { tokenize } from '../netfilter/tokenize';
import { evaluateHook } from '../netfilter/evaluate';
import { ciliumCheck } from './cilium/check';
import { queueVerdict } from './kindnet/queue';
import type { Cluster } from '../cluster/types';

// Random namespaces, pods and NetworkPolicies: each plugin's own enforcement (Calico's chains
// walked by the netfilter evaluator, Cilium's policy maps, kube-network-policies' userspace
// verdict) must agree with a direct reading of the API's rules, for every pair of pods on
// every protocol and a few ports. Cilium differs in one documented way: an ipBlock never
// matches a pod's address.

function build(g: Parameters<typeof worldYaml>[0]): Cluster {
  const plain = clusterFrom(worldYaml({ ...g, policies: [] }, () => undefined));
  const keys = g.pods.map((p, i) => `${p.ns}/p${i}`);
  return clusterFrom(worldYaml(g, (i) => plain.pod(keys[i]!)?.ip));
}

const PROTOS = ['tcp', 'udp', 'sctp'] as const;
const PROTOCOL = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

function calicoOf(c: Cluster) {
  const w = policyWorld(c);
  const eps = calicoEndpoints(w);
  const nodes = new Map(c.nodes.map((n) => {
    const t = calicoNodePolicy(eps, w.policies, c.nodes.map((x) => x.ip), n.name);
    let rs = applyRestore(emptyRuleset(4, ['filter']), t.restore, { noflush: true });
    for (const j of [...t.insertFirst].reverse()) rs = ensureRule(rs, j.table, j.chain, tokenize(j.rule), 'prepend');
    return [n.name, { rs, test: setsTest(t.ipsets) }] as const;
  }));
  return (from: string, to: string, proto: typeof PROTOS[number], port: number): boolean => {
    const a = c.pod(from)!, b = c.pod(to)!;
    const hop = (node: string, inIface: string, outIface: string) => {
      const n = nodes.get(node)!;
      return evaluateHook(n.rs, 'filter', 'FORWARD', { src: a.ip, dst: b.ip, proto, sport: 40000, dport: port, inIface, outIface, mark: 0, ctstate: ['NEW'] },
        { addrType: () => 'UNICAST', random31: () => 0, nowSeconds: 0, recent: new Map(), ipsetTest: n.test }).verdict.kind === 'ACCEPT';
    };
    const ia = workloadInterface(a.spec.namespace, a.spec.name), ib = workloadInterface(b.spec.namespace, b.spec.name);
    return a.node === b.node ? hop(a.node, ia, ib) : hop(a.node, ia, 'tunl0') && hop(b.node, 'tunl0', ib);
  };
}

/** Whether some ipBlock peer of a policy selecting either pod covers the other pod's address (where Cilium differs). */
function ipBlockOnPods(c: Cluster): boolean {
  return c.scenario.networkPolicies.some((p) => [...p.ingress, ...p.egress].some((r) => r.peers.some((x) => x.kind === 'ipBlock')));
}

describe('every enforcing plugin agrees with the API (property)', () => {
  it('Calico\'s chains, Cilium\'s maps and kindnet\'s queue give the API\'s verdict for random policies', () => {
    fc.assert(fc.property(worldArb, (g) => {
      const c = build(g);
      const w = policyWorld(c);
      const calico = calicoOf(c);
      const pods = g.pods.map((p, i) => `${p.ns}/p${i}`);
      for (const from of pods) {
        for (const to of pods) {
          if (from === to) continue;
          for (const proto of PROTOS) {
            for (const port of PORTS) {
              const a = c.pod(from)!, b = c.pod(to)!;
              const conn: Connection = { src: w.endpoint(a.ip), dst: w.endpoint(b.ip), protocol: PROTOCOL[proto], port };
              const api = decide(w, conn).allowed;
              const what = `${proto}/${port} ${from} -> ${to}`;
              expect(calico(from, to, proto, port), `Calico ${what}`).toBe(api);
              expect(queueVerdict(w, conn).accept, `kindnet ${what}`).toBe(api);
              const pkt = { src: a.ip, dst: b.ip, proto, sport: 40000, dport: port, flags: '' };
              const cilium = (ciliumCheck(w, from, 'egress', pkt)?.allowed ?? true) && (ciliumCheck(w, to, 'ingress', pkt)?.allowed ?? true);
              if (!ipBlockOnPods(c)) expect(cilium, `Cilium ${what}`).toBe(api);
              else if (cilium) expect(api, `Cilium allows only what the API allows: ${what}`).toBe(true);
            }
          }
        }
      }
    }), { seed: 20261201, numRuns: 100 });
  });
});
