import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lengthLimitedId, ruleHashes, uniqueId, ipsetName, workloadInterface } from './ids';
import { calicoEndpoints } from './endpoints';
import { calicoNodePolicy } from './node';
import { setsTest } from './testing';
import { MARKS_V3_29 } from './rules';
import { applyRestore, emptyRuleset, ensureRule } from '../../netfilter/ruleset';
import { tokenize } from '../../netfilter/tokenize';
import type { CalicoNodePolicy } from './node';
import { evaluateHook } from '../../netfilter/evaluate';
import { iptablesSave } from '../../netfilter/iptables-save';
import type { NfEnv } from '../../netfilter/eval-types';
import { policyWorld } from '../world';
import { clusterFrom } from '../../testing/build';
import { MODEL_PODS, parseUpstreamCase } from '../testing/upstream';
import { upstreamCluster } from '../testing/model';
import type { Cluster } from '../../cluster/types';

const DIR = new URL('../../../../../shared/reference/netpol/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => parseUpstreamCase(f, readFileSync(new URL(f, DIR), 'utf8')));

describe('Calico\'s names, as felix and the CNI plugin compute them (checked against real captures)', () => {
  it('names a pod\'s host-side interface cali + 11 hex digits of SHA-1("<ns>.<pod>")', () => {
    // A real `calicoctl get workloadEndpoint`: default/db-8d66ff5f7-bp6kf has interface cali95aa86cbb2a.
    expect(workloadInterface('default', 'db-8d66ff5f7-bp6kf')).toBe('cali95aa86cbb2a');
  });

  it('names a Kubernetes policy\'s chain cali-pi-_<SHA-256 of "knp/<ns>/<name>">, cut to 28 characters', () => {
    // A real iptables-save: team-b/deny-from-other-ns has the chain cali-pi-_qA9lGysOzwIsyVf0V23.
    expect(lengthLimitedId('cali-pi-', 'knp/team-b/deny-from-other-ns')).toBe('cali-pi-_qA9lGysOzwIsyVf0V23');
    expect(lengthLimitedId('cali-pri-', 'kns.team-b')).toBe('cali-pri-kns.team-b');
  });

  it('names a selector\'s IP set cali40s:<SHA-224 of the parsed selector>, cut to 31 characters', () => {
    // The same capture: a namespaceSelector for team-b became cali40s:a_sG3wUbuH4Nz-nbt4Bl5Dz.
    expect(ipsetName(uniqueId('s', '(pcns.kubernetes.io/metadata.name == "team-b" && projectcalico.org/orchestrator == "k8s")'))).toBe('cali40s:a_sG3wUbuH4Nz-nbt4Bl5Dz');
  });

  it('hashes each rule into its cali: comment, chained on the previous hash', () => {
    // A real v3.29 node's cali-FORWARD and a policy chain, rules as felix renders them for hashing.
    const fwd = ['--jump MARK --set-mark 0/0xe0000', '-m mark --mark 0/0x10000 --jump cali-from-hep-forward', '--in-interface cali+ --jump cali-from-wl-dispatch',
      '--out-interface cali+ --jump cali-to-wl-dispatch', '--jump cali-to-hep-forward', '--jump cali-cidr-block'];
    expect(ruleHashes('cali-FORWARD', fwd.map((r) => `-A cali-FORWARD HASH ${r}`))).toEqual(['vjrMJCRpqwy5oRoX', 'A_sPAO0mcxbT9mOV', '8ZoYfO5HKXWbB3pk', 'jdEuaPBe14V2hutn', '12bc6HljsMKsmfr-', 'NOSxoaGx8OIstr1z']);
    const pi = 'cali-pi-_tTE-E7yY40ogArNVgKt';
    expect(ruleHashes(pi, [`-A ${pi} HASH -m set --match-set cali40s:LrVD8vMIGQDyv8Y7sPFB1Ge src --jump MARK --set-mark 0x10000/0x10000`, `-A ${pi} HASH -m mark --mark 0x10000/0x10000 --jump RETURN`]))
      .toEqual(['M4Und37HGrw6jUk8', 'sEnlfZagUFRSPRoe']);
  });
});

const TEAM_B = `apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes: [{role: control-plane}, {role: worker}]
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b, labels: {app: web}}
spec: {nodeName: kind-worker, containers: [{name: nginx, ports: [{containerPort: 80, name: http}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-from-other-ns, namespace: team-b}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: team-b}}}]}]
  policyTypes: [Ingress]
`;

function nodeTables(c: Cluster, node: string) {
  const world = policyWorld(c);
  return calicoNodePolicy(calicoEndpoints(world), world.policies, c.nodes.map((n) => n.ip), node);
}

/** The node's filter table as felix leaves it: its restore input, then its jumps at the top of the built-in chains. */
function installed(t: CalicoNodePolicy) {
  let rs = applyRestore(emptyRuleset(4, ['filter']), t.restore, { noflush: true });
  for (const j of [...t.insertFirst].reverse()) rs = ensureRule(rs, j.table, j.chain, tokenize(j.rule), 'prepend');
  return rs;
}

describe('a node without workloads', () => {
  it('gets exactly the cali-* rules of a real Calico node with an IPIP pool', () => {
    const real = readFileSync(new URL('./fixtures/real-node-ipip.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('-A '));
    const c = clusterFrom('apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n');
    const t = calicoNodePolicy([], [], [c.nodes[0]!.ip], c.nodes[0]!.name, { encapsulation: 'IPIP', marks: MARKS_V3_29 });
    const save = iptablesSave(installed(t)).split('\n').filter((l) => l.startsWith('-A '));
    expect(save).toEqual(real);
  });
});

describe('Calico\'s filter table for NetworkPolicy', () => {
  const c = clusterFrom(TEAM_B);
  const t = nodeTables(c, 'kind-worker');
  const save = iptablesSave(installed(t));
  const iface = workloadInterface('team-b', 'web');

  it('writes the policy chain as the real node shows it', () => {
    expect(save).toMatch(/^-A cali-pi-_qA9lGysOzwIsyVf0V23 -m comment --comment "cali:[\w-]{16}" -m comment --comment "KubernetesNetworkPolicy team-b\/deny-from-other-ns ingress" -m set --match-set cali40s:a_sG3wUbuH4Nz-nbt4Bl5Dz src -j MARK --set-xmark 0x10000\/0x10000$/m);
  });

  it('puts the default tier before the profiles in the pod\'s cali-tw- chain, ending in a drop', () => {
    const tw = save.split('\n').filter((l) => l.startsWith(`-A cali-tw-${iface} `)).map((l) => l.replace(/-m comment --comment "cali:[\w-]{16}" /, ''));
    expect(tw).toEqual([
      `-A cali-tw-${iface} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
      `-A cali-tw-${iface} -m conntrack --ctstate INVALID -j DROP`,
      `-A cali-tw-${iface} -j MARK --set-xmark 0x0/0x30000`,
      `-A cali-tw-${iface} -m comment --comment "Start of tier default" -j MARK --set-xmark 0x0/0x20000`,
      `-A cali-tw-${iface} -m mark --mark 0x0/0x20000 -j cali-pi-_qA9lGysOzwIsyVf0V23`,
      `-A cali-tw-${iface} -m comment --comment "Return if policy accepted" -m mark --mark 0x10000/0x10000 -j RETURN`,
      `-A cali-tw-${iface} -m comment --comment "End of tier default. Drop if no policies passed packet" -m mark --mark 0x0/0x20000 -j DROP`,
      `-A cali-tw-${iface} -j cali-pri-kns.team-b`,
      `-A cali-tw-${iface} -m comment --comment "Return if profile accepted" -m mark --mark 0x10000/0x10000 -j RETURN`,
      `-A cali-tw-${iface} -j cali-pri-ksa.team-b.default`,
      `-A cali-tw-${iface} -m comment --comment "Return if profile accepted" -m mark --mark 0x10000/0x10000 -j RETURN`,
      `-A cali-tw-${iface} -m comment --comment "Drop if no profiles matched" -j DROP`,
    ]);
  });

  it('hooks into the built-in chains with the hashes real nodes show', () => {
    expect(save).toMatch(/^-A FORWARD -m comment --comment "cali:wUHhoiAYhphO9Mso" -j cali-FORWARD$/m);
    expect(save).toMatch(/^-A INPUT -m comment --comment "cali:Cz_u1IQiXIMmKD4c" -j cali-INPUT$/m);
    expect(save).toMatch(/^-A OUTPUT -m comment --comment "cali:tVnHkvAo15HuiPy0" -j cali-OUTPUT$/m);
    expect(save).toMatch(/^-A FORWARD -m comment --comment "cali:S93hcgKJrXEqnTfs" -m comment --comment "Policy explicitly accepted packet\." -m mark --mark 0x10000\/0x10000 -j ACCEPT$/m);
    expect(save).toMatch(/^-A FORWARD -m comment --comment "cali:mp77cMpurHhyjLrM" -j MARK --set-xmark 0x10000\/0x10000$/m);
  });

  it('fills the selector\'s IP set with the matching endpoints\' addresses, cluster-wide', () => {
    const set = t.ipsets.find((s) => s.name === 'cali40s:a_sG3wUbuH4Nz-nbt4Bl5Dz')!;
    expect(set.type).toBe('hash:net');
    expect([...set.entries]).toEqual([c.pod('team-b/web')!.ip]);
  });
});

/** The filter FORWARD hook of a node, walked by the netfilter evaluator with Calico's rules and sets. */
const built = new WeakMap<Cluster, Map<string, { rs: ReturnType<typeof emptyRuleset>; env: NfEnv }>>();

function forward(c: Cluster, node: string, pkt: { src: string; dst: string; proto: 'tcp' | 'udp' | 'sctp'; dport: number; inIface: string; outIface: string }) {
  let nodes = built.get(c);
  if (!nodes) built.set(c, (nodes = new Map()));
  let n = nodes.get(node);
  if (!n) {
    const t = nodeTables(c, node);
    n = {
      rs: installed(t),
      env: { addrType: () => 'UNICAST', random31: () => 0, nowSeconds: 0, recent: new Map(), ipsetTest: setsTest(t.ipsets) },
    };
    nodes.set(node, n);
  }
  return evaluateHook(n.rs, 'filter', 'FORWARD', { ...pkt, sport: 40000, mark: 0, ctstate: ['NEW'] }, n.env);
}

/** A connection's first packet through Calico's chains: the source node, then the destination node (or the one node both share). */
function calicoAllows(c: Cluster, from: string, to: string, proto: 'tcp' | 'udp' | 'sctp', port: number): boolean {
  const a = c.pod(from)!, b = c.pod(to)!;
  const ia = workloadInterface(a.spec.namespace, a.spec.name), ib = workloadInterface(b.spec.namespace, b.spec.name);
  const base = { src: a.ip, dst: b.ip, proto, dport: port };
  if (a.node === b.node) return forward(c, a.node, { ...base, inIface: ia, outIface: ib }).verdict.kind === 'ACCEPT';
  return forward(c, a.node, { ...base, inIface: ia, outIface: 'tunl0' }).verdict.kind === 'ACCEPT'
    && forward(c, b.node, { ...base, inIface: 'tunl0', outIface: ib }).verdict.kind === 'ACCEPT';
}

describe('Calico\'s chains, walked by the netfilter evaluator, give upstream\'s truth tables', () => {
  const PROTO = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' } as const;
  for (const k of cases) {
    it(`for ${k.file}`, () => {
      const c = upstreamCluster(k);
      for (const probe of k.probes) {
        MODEL_PODS.forEach((from, r) => MODEL_PODS.forEach((to, col) => {
          if (r === col) return;
          expect(calicoAllows(c, from, to, PROTO[probe.protocol], probe.port), `${probe.protocol}/${probe.port} ${from} -> ${to}`).toBe(probe.expected[r]![col]);
        }));
      }
    });
  }
});
