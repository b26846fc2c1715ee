// Conversation benchmarks: `curl http://NAME.NS.svc.cluster.local/` end to end (every DNS
// query with its forwards, the TCP handshake, the request and the response, each walked) on
// a compiled cluster, for the 1,000-node / 30,000-pod cluster and for 10,000 Services in
// each kube-proxy mode. The target is 20 ms on top of compile.
import { compile, parseScenario, type ProxyMode, type Scenario } from '../src/engine';
import { runCommand } from '../src/engine/shell/run';
import { ruleWalkScenario } from '../src/engine/study/rule-walk';
import { clusterScenario, median, timeIt, type Figure } from './engine';

const round = (x: number) => Math.round(x * 100) / 100;

/** The 1,000-node cluster with a Service in front of the first pod of every node. */
function bigClusterWithService(nodes: number, podsPerNode: number): Scenario {
  const base = clusterScenario(nodes, podsPerNode);
  const svc = parseScenario('apiVersion: v1\nkind: Service\nmetadata: {name: shop, namespace: default}\nspec:\n  selector: {app: a0}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n');
  if (!svc.ok) throw new Error('service');
  return { ...base, services: [...base.services, ...svc.scenario.services] };
}

function measure(name: string, scenario: Scenario, from: string, command: string, extra: Record<string, unknown>): Figure {
  const c = compile(scenario);
  if (!c.ok) throw new Error(`compile failed: ${c.errors[0]?.message}`);
  let exchanges = 0;
  let status: number | undefined;
  const runs = 9;
  const ms = timeIt(runs, () => {
    const r = runCommand(c.cluster, { from, command });
    if (!r.ok || r.command.tool !== 'curl') throw new Error('curl did not run');
    exchanges = r.trace?.exchanges.length ?? 0;
    status = r.command.result.response?.status;
  });
  if (status === undefined) throw new Error(`${name}: no HTTP response`);
  return { name, ...extra, runs, median_ms: round(median(ms)), target_ms: 20, exchanges, status };
}

export function conversationFigures(): Figure[] {
  const out: Figure[] = [];
  out.push(measure('curl a Service by name, end to end', bigClusterWithService(1000, 30), 'default/p-7-1', 'curl http://shop.default.svc.cluster.local/', { nodes: 1000, pods: 30_000 }));
  for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
    out.push(measure('curl a Service by name, end to end', ruleWalkScenario(mode, 10_000, 1, true), 'default/client', 'curl http://zz-web.default.svc.cluster.local/', { mode, services: 10_000 }));
  }
  return out;
}
