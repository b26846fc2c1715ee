// NetworkPolicy benchmarks: the reachability matrix, every cell a real send, on a compiled
// cluster, under the bridge plugin (which does not enforce) and under each plugin that does
// (Calico's chains walked by the iptables evaluator, Cilium's policy maps, kindnet's queue).
// The upstream model (9 pods) on TCP, UDP and SCTP together: target 200 ms. A 100-pod cluster
// (10 namespaces of 10 pods on 3 nodes) with 50 policies: target 2 s.
import { readFileSync } from 'node:fs';
import { applyEdits, compile, parseScenario, reachMatrix, type CniName, type ReachProto } from '../src/engine';
import { median, timeIt, type Figure } from './engine';

const round = (x: number) => Math.round(x * 100) / 100;

function setCni(text: string, cni: CniName): string {
  const out = applyEdits(text, [{ op: 'setCni', cni }]);
  if (!out.ok) throw new Error(`setCni failed: ${out.error}`);
  return out.text;
}

function compiled(text: string) {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.errors[0]?.message}`);
  const c = compile(parsed.scenario);
  if (!c.ok) throw new Error(`compile failed: ${c.errors[0]?.message}`);
  return c.cluster;
}

/** 10 namespaces n0..n9 of 10 pods each (no system pods) (labels app=a<i%5>, tier=t<i%2>) and 50 policies across them. */
export function manyPoliciesYaml(): string {
  const docs = [
    'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [{role: control-plane}, {role: worker}, {role: worker}]\n',
    // Without CoreDNS: the matrix covers the 100 pods the policies are about.
    'apiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec: {systemPods: false}\n',
  ];
  for (let n = 0; n < 10; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: n${n}, labels: {team: t${n % 3}}}\n`);
    for (let i = 0; i < 10; i++) {
      docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: n${n}, labels: {app: a${i % 5}, tier: t${i % 2}}}\nspec:\n  containers: [{name: srv, image: agnhost, ports: [{containerPort: 80, name: http}, {containerPort: 81}]}]\n`);
    }
  }
  for (let k = 0; k < 50; k++) {
    const ns = `n${k % 10}`;
    const from = k % 3 === 0
      ? `- namespaceSelector: {matchLabels: {team: t${k % 3}}}\n          podSelector: {matchLabels: {tier: t${k % 2}}}`
      : k % 3 === 1 ? `- podSelector: {matchExpressions: [{key: app, operator: In, values: [a${k % 5}, a${(k + 1) % 5}]}]}`
        : `- ipBlock: {cidr: 10.244.0.0/16, except: [10.244.${k % 3}.0/24]}`;
    const egress = k % 4 === 0 ? `\n  egress:\n    - to:\n        - namespaceSelector: {}\n      ports: [{port: http}, {protocol: UDP, port: 53}]\n  policyTypes: [Ingress, Egress]` : '';
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${k}, namespace: ${ns}}\nspec:\n  podSelector: {matchLabels: {app: a${k % 5}}}\n  ingress:\n    - from:\n        ${from}\n      ports: [{port: ${k % 2 ? 'http' : 80}}, {port: 81, endPort: 90}]${egress}\n`);
  }
  return docs.join('---\n');
}

const PLUGINS: readonly CniName[] = ['bridge', 'calico', 'cilium', 'kindnet'];

function pluginFigures(cni: CniName): Figure[] {
  const model = compiled(setCni(readFileSync(new URL('../src/scenarios/netpol.yaml', import.meta.url), 'utf8'), cni));
  const protos: readonly ReachProto[] = ['tcp', 'udp', 'sctp'];
  let cells = 0;
  let blocked = 0;
  const nine = timeIt(9, () => {
    cells = 0;
    blocked = 0;
    for (const proto of protos) {
      const flat = reachMatrix(model, { proto, port: 80 }).cells.flat();
      cells += flat.length;
      blocked += flat.filter((c) => c.verdict !== 'allowed').length;
    }
  });
  const big = compiled(setCni(manyPoliciesYaml(), cni));
  let denied = 0;
  let pods = 0;
  const hundred = timeIt(5, () => {
    const m = reachMatrix(big, { proto: 'tcp', port: 80 });
    pods = m.pods.length;
    denied = m.cells.flat().filter((c) => c.verdict !== 'allowed').length;
  });
  return [
    { name: `reachability matrix under ${cni}, the upstream model on TCP, UDP and SCTP`, pods: 9, sends: cells, not_allowed: blocked, runs: 9, median_ms: round(median(nine)), target_ms: 200 },
    { name: `reachability matrix under ${cni}, 100 pods and 50 policies`, pods, policies: 50, not_allowed: denied, runs: 5, median_ms: round(median(hundred)), target_ms: 2000 },
  ];
}

export function policyFigures(): Figure[] {
  return PLUGINS.flatMap(pluginFigures);
}
