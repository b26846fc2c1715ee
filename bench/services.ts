// Services benchmarks: a cluster with 10,000 Services and 50,000 endpoints in each
// kube-proxy mode. "compile" is compile() plus building the traced node's kube-proxy
// state (what kube-proxy's full sync does); "trace" is one pod-to-Service packet and its
// answer through the built rules. rulesEvaluated is what the real kernel would have
// compared: the linear walk for iptables, hash lookups for IPVS and nftables.
import { compile, ruleWalk, RULE_WALK_SIZES, simulate, type ProxyMode } from '../src/engine';
import { ruleWalkScenario } from '../src/engine/study/rule-walk';
import { nodeNetnsId } from '../src/engine';
import { median, timeIt, type Figure } from './engine';

const round = (x: number) => Math.round(x * 100) / 100;

export function serviceFigures(services: number, endpoints: number): Figure[] {
  const out: Figure[] = [];
  for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
    const scenario = ruleWalkScenario(mode, services, endpoints / services);
    const runs = 5;
    const compileMs = timeIt(runs, () => {
      const c = compile(scenario);
      if (!c.ok) throw new Error('compile failed');
      c.cluster.netfilter(nodeNetnsId('kind-worker'));
    });
    const c = compile(scenario);
    if (!c.ok) throw new Error('compile failed');
    c.cluster.netfilter(nodeNetnsId('kind-worker'));
    let rules = 0;
    const traceMs = timeIt(15, () => {
      const r = simulate(c.cluster, { from: 'default/client', to: 'svc:default/zz-web', port: 80 });
      if (!r.ok || r.trace.verdict !== 'delivered') throw new Error('trace failed');
      rules = r.trace.exchanges[0]!.legs[0]!.rulesEvaluated;
    });
    const common = { mode, services, endpoints };
    out.push({ name: 'compile services', ...common, runs, median_ms: round(median(compileMs)), target_ms: 1000 });
    out.push({ name: 'trace to a Service', ...common, runs: 15, median_ms: round(median(traceMs)), target_ms: 5, rulesEvaluated: rules });
  }
  return out;
}

/** Rules compared by one packet to one Service, as the number of Services grows. */
export function ruleWalkFigures(): { mode: ProxyMode; services: number; rulesEvaluated: number }[] {
  const out: { mode: ProxyMode; services: number; rulesEvaluated: number }[] = [];
  for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
    for (const n of RULE_WALK_SIZES) out.push({ mode, services: n, rulesEvaluated: ruleWalk(mode, n).rulesEvaluated });
  }
  return out;
}
