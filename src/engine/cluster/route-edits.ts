// A learner's route edits (`ip route add` / `ip route del` in a node or a pod), applied on
// top of what the CNI wrote. This is how a scenario changes routing state to see the walk
// change: delete a node's route to another node's pods and the packet is dropped there.
import { cidrContains, cidrText, ipToInt } from '../lib/ip';
import { parseRouteSpec } from './route-text';
import { nodeNetnsId, podNetnsId } from './netns';
import type { Cluster, CompileError, Device, EditProblem, NetnsId, Route } from './types';
import type { RouteEdit } from '../model/types';

export function editTarget(cluster: Cluster, e: RouteEdit): { id: NetnsId } | { error: string } {
  if (!cluster.node(e.node)) return { error: `node "${e.node}" does not exist` };
  if (e.pod === undefined) return { id: nodeNetnsId(e.node) };
  const key = e.pod.includes('/') ? e.pod : `default/${e.pod}`;
  const pod = cluster.pod(key);
  if (!pod) return { error: `pod "${key}" does not exist` };
  if (pod.node !== e.node) return { error: `pod ${key} runs on ${pod.node}, not ${e.node}` };
  if (pod.slot < 0) return { error: `pod ${key} uses the host network: edit the node's routes instead` };
  return { id: podNetnsId(key) };
}

const sameDst = (a: Route, b: Route) => a.dst.net === b.dst.net && a.dst.prefix === b.dst.prefix;

export function applyRouteEdits(
  cluster: Cluster, ns: { id: NetnsId; devices: readonly Device[] }, routes: Route[],
): { routes: Route[]; problems: EditProblem[] } {
  const problems: EditProblem[] = [];
  let out = routes;
  for (const e of cluster.scenario.settings.routes) {
    const t = editTarget(cluster, e);
    if (!('id' in t) || t.id !== ns.id) continue;
    const at = { doc: e.source.doc, line: e.source.line };
    const parsed = parseRouteSpec(e.route, e.op === 'del');
    if (!parsed.ok) { problems.push({ ...at, message: parsed.message }); continue; }
    const r = parsed.route;
    if (r.dev !== undefined && !ns.devices.some((d) => d.name === r.dev)) {
      problems.push({ ...at, message: `device "${r.dev}" does not exist here; devices: ${ns.devices.map((d) => d.name).join(', ')}` });
      continue;
    }
    if (e.op === 'del') {
      const i = out.findIndex((x) => x.table === 'main' && sameDst(x, r) && (!r.via || x.via === r.via) && (!r.dev || x.dev === r.dev));
      if (i < 0) { problems.push({ ...at, message: `RTNETLINK answers: No such process (no route "${e.route}" to delete)` }); continue; }
      out = out.filter((_, j) => j !== i);
    } else {
      let route = r;
      if (route.dev === undefined && route.via !== undefined) {
        const gw = route.via;
        const dev = out.find((x) => x.table === 'main' && x.type === 'unicast' && !x.via && x.dev && cidrContains(x.dst, ipToInt(gw)));
        if (!dev) { problems.push({ ...at, message: `Error: Nexthop has invalid gateway (${gw} is not on any connected network)` }); continue; }
        route = { ...route, dev: dev.dev };
      }
      if (out.some((x) => x.table === 'main' && sameDst(x, route) && (x.metric ?? 0) === (route.metric ?? 0))) {
        problems.push({ ...at, message: `RTNETLINK answers: File exists (a route to ${cidrText(route.dst)} is already there; delete it first)` });
        continue;
      }
      out = [...out, route];
    }
  }
  return { routes: out, problems };
}


export function checkRouteEdits(cluster: Cluster): CompileError[] {
  const errors: CompileError[] = [];
  const seen = new Set<NetnsId>();
  for (const e of cluster.scenario.settings.routes) {
    const t = editTarget(cluster, e);
    const at = { doc: e.source.doc, line: e.source.line, object: 'Podpath', field: 'spec.routes' };
    if ('error' in t) { errors.push({ ...at, message: t.error }); continue; }
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    for (const p of cluster.netns(t.id).editProblems) errors.push({ ...at, doc: p.doc, line: p.line, message: p.message });
  }
  return errors;
}
