// Engine benchmarks: compile and one cross-node trace for clusters of growing size.
// Scenarios are built in memory (the YAML of 30,000 pods is not what is measured).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compile, parseScenario, simulate, topology, type Scenario } from '../src/engine';
import type { PodSpec } from '../src/engine/model/types';

export interface Figure { readonly name: string; readonly median_ms: number; readonly runs: number; readonly [k: string]: unknown }

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function timeIt(runs: number, fn: () => void): number[] {
  const out: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A kind cluster of `nodes` with `podsPerNode` pods each; `podpathSpec` is the Podpath document's spec (the CNI), as YAML lines. */
export function clusterScenario(nodes: number, podsPerNode: number, podpathSpec?: string): Scenario {
  const list = ['{role: control-plane}', ...Array.from({ length: nodes - 1 }, () => '{role: worker}')].join(', ');
  const subnet = nodes > 250 ? '10.0.0.0/8' : '10.244.0.0/16';
  const settings = podpathSpec ? `---\napiVersion: podpath.dev/v1alpha1\nkind: Podpath\nspec:\n  ${podpathSpec}\n` : '';
  const parsed = parseScenario(`apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${list}]\nnetworking: {podSubnet: ${subnet}, serviceSubnet: 172.20.0.0/16}\n${settings}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const names = parsed.scenario.cluster.nodes.map((n) => n.name);
  const pods: PodSpec[] = [];
  for (let n = 0; n < nodes; n++) {
    for (let i = 0; i < podsPerNode; i++) {
      pods.push({
        namespace: 'default', name: `p-${n}-${i}`, labels: { app: `a${i}` }, nodeName: names[n], nodeSelector: {}, tolerations: [],
        hostNetwork: false, dnsPolicy: 'ClusterFirst', hostAliases: [], annotations: {}, ready: true, source: { doc: 0, line: 0 },
        containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
      });
    }
  }
  return { ...parsed.scenario, pods: [...parsed.scenario.pods, ...pods] };
}

export function engineFigures(sizes: readonly number[], podsPerNode: number): Figure[] {
  const out: Figure[] = [];
  for (const nodes of sizes) {
    const scenario = clusterScenario(nodes, podsPerNode);
    const runs = nodes >= 1000 ? 7 : 11;
    const send = { from: 'default/p-1-0', to: `default/p-${nodes - 1}-${podsPerNode - 1}`, port: 8080 };
    const compileMs = timeIt(runs, () => { if (!compile(scenario).ok) throw new Error('compile failed'); });
    const c = compile(scenario);
    if (!c.ok) throw new Error('compile failed');
    const traceMs = timeIt(runs, () => { const r = simulate(c.cluster, send); if (!r.ok || r.trace.verdict !== 'delivered') throw new Error('trace failed'); });
    const bothMs = timeIt(runs, () => {
      const cc = compile(scenario);
      if (!cc.ok) throw new Error('compile failed');
      const r = simulate(cc.cluster, send);
      if (!r.ok || r.trace.verdict !== 'delivered') throw new Error('trace failed');
    });
    const common = { nodes, pods: nodes * podsPerNode, runs };
    out.push({ name: 'compile', ...common, median_ms: round(median(compileMs)) });
    out.push({ name: 'trace cross-node (compiled cluster)', ...common, median_ms: round(median(traceMs)) });
    out.push({ name: 'compile + first cross-node trace', ...common, median_ms: round(median(bothMs)), target_ms: nodes >= 1000 ? 300 : undefined });
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A full garbage collection, so heap figures count only what is still held. */
let gc: (() => void) | undefined;
function collect(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * topology() of a large cluster: its time (median of `runs`), and the heap it still holds
 * afterwards, measured on the first run (later runs reuse names the first one remembered).
 * It reads devices only, so memory grows with the nodes, not with their square.
 */
export function topologyFigures(nodes: number, runs = 3): Figure {
  const scenario = clusterScenario(nodes, 0);
  const ms: number[] = [];
  let heapMb = 0;
  for (let i = 0; i < runs; i++) {
    const c = compile(scenario);
    if (!c.ok) throw new Error('compile failed');
    collect();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const topo = topology(c.cluster);
    ms.push(performance.now() - t0);
    collect();
    if (i === 0) heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
    if (topo.elements.length === 0 || c.cluster.nodes.length !== nodes) throw new Error('wrong topology');
  }
  return { name: 'topology', nodes, runs, median_ms: round(median(ms)), heap_mb: round(heapMb) };
}
