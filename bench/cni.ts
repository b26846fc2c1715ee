// The CNI plugins at scale: compile plus one cross-node trace at 1,000 nodes and 30,000 pods
// for every plugin (issue 8, item 8), with the same 300 ms target as the bridge plugin's
// figure in engine.ts. The scenario is the same cluster each time, only the Podpath document's
// spec.cni (and the plugin's own settings: a VPC and an instance type big enough for 30 pods
// a node, for the AWS VPC CNI) changes.
import { compile, simulate } from '../src/engine';
import { clusterScenario, median, timeIt, type Figure } from './engine';

const PLUGINS: readonly { readonly name: string; readonly spec: string }[] = [
  // 1,000 nodes take the 10.0.0.0/8 pod subnet (clusterScenario), so every plugin's IPAM fits.
  { name: 'bridge', spec: 'cni: bridge' },
  { name: 'kindnet', spec: 'cni: kindnet' },
  { name: 'flannel (VXLAN)', spec: 'cni: flannel' },
  { name: 'Calico (IPIP)', spec: 'cni: calico' },
  { name: 'AWS VPC CNI', spec: 'cni: aws-vpc-cni\n  aws: {vpcCidr: 10.0.0.0/8, instanceType: m5.xlarge}' },
  { name: 'Cilium (VXLAN, kube-proxy replacement)', spec: 'cni: cilium' },
];

const round = (x: number) => Math.round(x * 100) / 100;

export function cniFigures(nodes = 1000, podsPerNode = 30, runs = 7): Figure[] {
  const out: Figure[] = [];
  for (const p of PLUGINS) {
    const scenario = clusterScenario(nodes, podsPerNode, p.spec);
    const send = { from: 'default/p-1-0', to: `default/p-${nodes - 1}-${podsPerNode - 1}`, port: 8080 };
    const both = timeIt(runs, () => {
      const c = compile(scenario);
      if (!c.ok) throw new Error(`${p.name}: ${c.errors.map((e) => e.message).join('; ')}`);
      const r = simulate(c.cluster, send);
      if (!r.ok || r.trace.verdict !== 'delivered') throw new Error(`${p.name}: the trace was not delivered`);
    });
    const c = compile(scenario);
    if (!c.ok) throw new Error(`${p.name}: compile failed`);
    const trace = timeIt(runs, () => { simulate(c.cluster, send); });
    out.push({ name: `compile + first cross-node trace, ${p.name}`, cni: p.name, nodes, pods: nodes * podsPerNode, runs, median_ms: round(median(both)), trace_ms: round(median(trace)), target_ms: 300 });
  }
  return out;
}

// `npx tsx bench/cni.ts` prints these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${JSON.stringify(cniFigures(), null, 2)}\n`);
