// The reachability matrix: every pod to every pod on one protocol and port, each cell the
// outcome of a real send through the engine (never a call to the policy evaluator), as the
// upstream NetworkPolicy e2e suite probes a cluster. Printed in that suite's truth-table form:
// rows are the clients (from), columns the servers (to), "." connected and "X" blocked.
import type { Cluster } from '../cluster/types';
// The guarded door: a cell the walk cannot finish is that cell's problem, not the matrix's.
import { simulate } from '../guard';
import type { SendSpec } from '../stack/simulate';
import { enforcementNote } from './view';

export type ReachProto = 'tcp' | 'udp' | 'sctp';

/** allowed: connected; denied: a NetworkPolicy dropped it; refused: nothing listens; dropped: lost for another reason. */
export type ReachVerdict = 'allowed' | 'denied' | 'refused' | 'dropped';

export interface ReachCell {
  readonly verdict: ReachVerdict;
  /** The catalogue code of why it did not connect. */
  readonly code?: string;
  readonly reason?: string;
}

export interface ReachMatrix {
  readonly proto: ReachProto;
  readonly port: number;
  /** Pods as NAMESPACE/NAME, grouped by namespace (namespaces and names sorted): rows and columns alike. */
  readonly pods: readonly string[];
  /** cells[from][to] */
  readonly cells: readonly (readonly ReachCell[])[];
  /** Whether the cluster's plugin enforces NetworkPolicy, in a sentence (a matrix is read against it). */
  readonly enforcement: { readonly enforced: boolean; readonly text: string };
}

export interface ReachOptions {
  readonly port: number;
  readonly proto: ReachProto;
  /** Which pods (NAMESPACE/NAME); by default every scheduled pod with its own network namespace. */
  readonly pods?: readonly string[];
}

const byNamespaceThenName = (a: string, b: string) => {
  const [an, ap] = a.split('/') as [string, string];
  const [bn, bp] = b.split('/') as [string, string];
  return an === bn ? (ap < bp ? -1 : ap > bp ? 1 : 0) : an < bn ? -1 : 1;
};

/** The pods a matrix covers by default, in its order. */
export function reachPods(cluster: Cluster): string[] {
  return cluster.pods.filter((p) => p.slot >= 0).map((p) => p.key).sort(byNamespaceThenName);
}

/** The send behind one cell: what the matrix ran, and what a click on the cell runs again to show its trace. */
export function reachSend(m: Pick<ReachMatrix, 'proto' | 'port'>, from: string, to: string): SendSpec {
  return { from, to, proto: m.proto, port: m.port };
}

function cellOf(cluster: Cluster, send: SendSpec): ReachCell {
  const r = simulate(cluster, send, undefined, { terse: true });
  if (!r.ok) return { verdict: 'dropped', reason: r.error };
  const t = r.trace;
  switch (t.verdict) {
    case 'delivered': return { verdict: 'allowed' };
    case 'refused': return { verdict: 'refused', ...(t.code ? { code: t.code } : {}), ...(t.reason ? { reason: t.reason } : {}) };
    case 'dropped': return { verdict: t.code?.startsWith('policy-') ? 'denied' : 'dropped', ...(t.code ? { code: t.code } : {}), ...(t.reason ? { reason: t.reason } : {}) };
  }
}

export function reachMatrix(cluster: Cluster, opts: ReachOptions): ReachMatrix {
  const pods = opts.pods ? [...opts.pods] : reachPods(cluster);
  const cells = pods.map((from) => pods.map((to) => cellOf(cluster, reachSend(opts, from, to))));
  return { proto: opts.proto, port: opts.port, pods, cells, enforcement: enforcementNote(cluster) };
}

/** The upstream e2e truth table: a header of servers, one row per client, tab-separated. */
export function formatTruthTable(m: ReachMatrix): string {
  const rows = [['-', ...m.pods].join('\t')];
  m.pods.forEach((from, r) => rows.push([from, ...m.cells[r]!.map((c) => (c.verdict === 'allowed' ? '.' : 'X'))].join('\t')));
  return `${rows.join('\n')}\n`;
}
