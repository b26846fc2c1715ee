// The engine's side of the conversation: answers the page's requests by calling the engine,
// and keeps the compiled clusters and the states sends left behind, by the id of the request
// that made them, until the page says it no longer uses them. Runs in the Web Worker (see
// src/app/engine.worker.ts) or in-process (tests, and pages without workers). Every engine
// exception becomes a "failed" answer: the page shows a message, never an uncaught error.
import {
  addAddon, applyEdits, compile, EMPTY_STATE, exec, importKubectl, inspectObject, judgeCheck, kindHandout, nodeTopology, parseScenario, prepareCheck, routingTables, searchCluster,
  simulate, tablesOf, topology, topologyOverview,
  type Cluster, type DynState,
} from '../engine';
import { policiesOf, reachOf } from './policyCalls';
import type { CallRequest, EngineAnswer, EngineCalls, EngineRequest, LoadPhase, ScenarioSummary } from './engineProtocol';

export interface EngineHost {
  /** Answers one request; null for requests without an answer (retain). */
  handle(req: EngineRequest, progress: (phase: LoadPhase) => void): EngineAnswer | null;
}

/** Up to this size the whole topology goes to the page at once; beyond, the overview and details on demand. */
export const WHOLE_TOPOLOGY = { pods: 500, nodes: 50 } as const;

function summaryOf(cluster: Cluster): ScenarioSummary {
  const pods = new Map<string, number>();
  for (const p of cluster.pods) pods.set(p.spec.namespace, (pods.get(p.spec.namespace) ?? 0) + 1);
  for (const s of cluster.services) if (!pods.has(s.namespace)) pods.set(s.namespace, 0);
  return {
    nodes: cluster.nodes.map((n) => n.name), pods: cluster.pods.length, pending: cluster.pending.length,
    services: cluster.services.length, namespaces: [...pods].sort((a, b) => a[0].localeCompare(b[0])).map(([name, n]) => ({ name, pods: n })),
    proxyMode: cluster.scenario.cluster.kubeProxyMode, cni: cluster.cni.name, cniTitle: cluster.cni.title, seed: cluster.seed, positions: cluster.scenario.settings.layout,
  };
}

function drawn(cluster: Cluster): { topo: ReturnType<typeof topology>; inside: readonly string[] } {
  const whole = cluster.pods.length <= WHOLE_TOPOLOGY.pods && cluster.nodes.length <= WHOLE_TOPOLOGY.nodes;
  return whole ? { topo: topology(cluster), inside: cluster.nodes.map((n) => n.name) } : { topo: topologyOverview(cluster), inside: [] };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createEngineHost(): EngineHost {
  const clusters = new Map<number, Cluster>();
  const states = new Map<number, { readonly cluster: number; readonly state: DynState }>();

  const clusterOf = (id: number): Cluster => {
    const c = clusters.get(id);
    if (!c) throw new Error(`the engine no longer has cluster ${id}`);
    return c;
  };
  const stateOf = (cluster: number, id: number): DynState => {
    if (id === 0) return EMPTY_STATE;
    const s = states.get(id);
    if (!s || s.cluster !== cluster) throw new Error(`the engine no longer has the tables of send ${id}`);
    return s.state;
  };

  function answer<K extends CallRequest['call']>(req: Extract<CallRequest, { call: K }>, value: EngineCalls[K]['result']): EngineAnswer {
    return { id: req.id, type: 'result', call: req.call, value } as EngineAnswer;
  }

  function run(req: CallRequest, progress: (phase: LoadPhase) => void): EngineAnswer {
    switch (req.call) {
      case 'load': {
        progress('parsing');
        const parsed = parseScenario(req.text);
        if (!parsed.ok) return answer(req, parsed);
        progress('compiling');
        const compiled = compile(parsed.scenario);
        if (!compiled.ok) return answer(req, { ok: false, errors: compiled.errors });
        progress('drawing');
        const { topo, inside } = drawn(compiled.cluster);
        if (topo.error) return answer(req, { ok: false, errors: [topo.error] });
        clusters.set(req.id, compiled.cluster);
        return answer(req, { ok: true, summary: summaryOf(compiled.cluster), topo, inside, warnings: parsed.scenario.warnings, routing: routingTables(compiled.cluster) });
      }
      case 'simulate': {
        const out = simulate(clusterOf(req.cluster), req.send);
        if (!out.ok) return answer(req, out);
        states.set(req.id, { cluster: req.cluster, state: out.state });
        return answer(req, { ok: true, trace: out.trace });
      }
      case 'exec': {
        const out = exec(clusterOf(req.cluster), req.exec, stateOf(req.cluster, req.state));
        if (!out.ok) return answer(req, out);
        states.set(req.id, { cluster: req.cluster, state: out.state });
        return answer(req, { ok: true, output: out.output, trace: out.trace });
      }
      case 'tables': {
        const cluster = clusterOf(req.cluster);
        const tables = tablesOf(cluster, stateOf(req.cluster, req.state), req.netns);
        if (!tables.ok) return { id: req.id, type: 'failed', error: tables.error };
        return answer(req, tables.tables);
      }
      case 'details': {
        const inside = nodeTopology(clusterOf(req.cluster), req.nodes);
        if (inside.error) return { id: req.id, type: 'failed', error: inside.error.message };
        return answer(req, inside);
      }
      case 'search':
        return answer(req, searchCluster(clusterOf(req.cluster), req.query, req.limit));
      case 'policies':
        return answer(req, policiesOf(clusterOf(req.cluster), req.text));
      case 'reach':
        return answer(req, reachOf(clusterOf(req.cluster), req.proto, req.port));
      case 'edit':
        return answer(req, applyEdits(req.text, req.edits));
      case 'inspect':
        return answer(req, inspectObject(req.text, req.ref));
      case 'importKubectl':
        return answer(req, importKubectl(req.texts));
      case 'kindHandout':
        return answer(req, kindHandout(req.text));
      case 'prepareCheck':
        return answer(req, prepareCheck({ cluster: clusterOf(req.cluster), trace: req.trace, step: req.step, ...(req.draft !== undefined ? { draft: req.draft } : {}) }, req.check));
      case 'judgeCheck':
        return answer(req, judgeCheck({ cluster: clusterOf(req.cluster), trace: req.trace, step: req.step, ...(req.draft !== undefined ? { draft: req.draft } : {}) }, req.check, req.answer));
      case 'addAddon':
        return answer(req, addAddon(req.text, req.addon));
    }
  }

  return {
    handle(req, progress) {
      if (req.call === 'retain') {
        // Requests are answered in order, so nothing older than what the page uses now is asked for again.
        for (const id of clusters.keys()) if (id < req.cluster) clusters.delete(id);
        for (const [id, s] of states) if (id < req.state || !clusters.has(s.cluster)) states.delete(id);
        return null;
      }
      try {
        return run(req, progress);
      } catch (err) {
        return { id: req.id, type: 'failed', error: message(err) };
      }
    },
  };
}
