// The engine's doors, guarded: whatever goes in (any text, any object from a script, a
// cluster a bug left half built), each entry point answers with a result or a located error
// and never throws. The checks in model/validation are what keep real input from reaching a
// throw; this is the last wall, and what it catches is named as a podpath bug, the input kept.
import { compile as compileUnguarded } from './cluster/compile';
import type { Cluster, CompileResult } from './cluster/types';
import { tablesOf as tablesUnguarded, type TableText } from './format/tables';
import { parseScenario as parseUnguarded } from './model/parse';
import type { ParseResult, Scenario, ScenarioError } from './model/types';
import { simulate as simulateUnguarded, type SendSpec, type SimOptions, type SimResult } from './stack/simulate';
import { EMPTY_STATE, type DynState } from './stack/state';
import { nodeTopology as nodeTopologyUnguarded, topology as topologyUnguarded, topologyOverview as overviewUnguarded, type Topology } from './topology/topology';
import { searchCluster as searchUnguarded, type SearchResult } from './topology/search';
import { exec as execUnguarded, type ExecResult } from './shell/exec';
import type { ExecSpec } from './shell/run';

export const SEED_MAX = 2 ** 31 - 1;

function describeThrow(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'the input is nested too deeply for podpath to follow';
  return e instanceof Error ? e.message : String(e);
}

/** A thrown error as a located problem: where it happened in the engine, and that it is a bug. */
export function internalError(where: string, e: unknown): ScenarioError {
  return { doc: 0, line: 0, message: `podpath failed in ${where}: ${describeThrow(e)}. This is a bug in podpath, not in the scenario; nothing was changed.` };
}

export function parseScenario(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ doc: 0, line: 0, message: 'a scenario is YAML text' }] };
  try {
    return parseUnguarded(text);
  } catch (e) {
    return { ok: false, errors: [internalError('reading the scenario', e)] };
  }
}

export function compile(scenario: Scenario): CompileResult {
  try {
    return compileUnguarded(scenario);
  } catch (e) {
    return { ok: false, errors: [internalError('building the cluster', e)] };
  }
}

/** What a send must be before the walk starts: names as strings, a port and a seed in range. */
function checkSend(send: SendSpec): string | undefined {
  if (typeof send !== 'object' || send === null) return 'a send is { from, to, port, proto }';
  if (typeof send.from !== 'string' || typeof send.to !== 'string') return 'a send needs "from" and "to" as text, e.g. "default/web"';
  if (send.container !== undefined && typeof send.container !== 'string') return '"container" must be text';
  if (send.proto !== undefined && send.proto !== 'tcp' && send.proto !== 'udp' && send.proto !== 'sctp' && send.proto !== 'icmp') return '"proto" must be tcp, udp, sctp or icmp';
  if (send.seed !== undefined && (!Number.isInteger(send.seed) || send.seed < 0 || send.seed > SEED_MAX)) return `the seed must be a whole number from 0 to ${SEED_MAX} (2^31-1), not ${String(send.seed)}`;
  return undefined;
}

export function simulate(cluster: Cluster, send: SendSpec, state: DynState = EMPTY_STATE, opts: SimOptions = {}): SimResult {
  const bad = checkSend(send);
  if (bad) return { ok: false, error: bad };
  try {
    return simulateUnguarded(cluster, send, state, opts);
  } catch (e) {
    return { ok: false, error: internalError('walking the packet', e).message };
  }
}

export function topology(cluster: Cluster): Topology {
  try {
    return topologyUnguarded(cluster);
  } catch (e) {
    return { elements: [], links: [], error: internalError('drawing the cluster', e) };
  }
}

/** The overview of a big cluster (machines, networks, Services, pods counted), or what failed. */
export function topologyOverview(cluster: Cluster): Topology {
  try {
    return overviewUnguarded(cluster);
  } catch (e) {
    return { elements: [], links: [], error: internalError('drawing the cluster', e) };
  }
}

/** What is inside some nodes, or what failed. */
export function nodeTopology(cluster: Cluster, nodes: readonly string[]): Topology {
  try {
    return nodeTopologyUnguarded(cluster, nodes);
  } catch (e) {
    return { elements: [], links: [], error: internalError(`drawing the inside of ${nodes.join(', ')}`, e) };
  }
}

/** Pods, Services, nodes and outside hosts by name or address; nothing found when the query is not text. */
export function searchCluster(cluster: Cluster, query: string, limit = 12): SearchResult {
  if (typeof query !== 'string') return { hits: [], total: 0 };
  try {
    return searchUnguarded(cluster, query, limit);
  } catch {
    return { hits: [], total: 0 };
  }
}

export type TablesResult = { readonly ok: true; readonly tables: TableText[] } | { readonly ok: false; readonly error: string };

/** Every table of a namespace (none for a namespace the cluster does not have), or what failed. */
export function tablesOf(cluster: Cluster, state: DynState, id: string, opts: { readonly date?: string } = {}): TablesResult {
  try {
    return { ok: true, tables: tablesUnguarded(cluster, state, id, opts) };
  } catch (e) {
    return { ok: false, error: internalError(`printing the tables of ${id}`, e).message };
  }
}

/** A shell command; a bad spec or an engine failure is an error, never a throw. */
export function exec(cluster: Cluster, spec: ExecSpec, state: DynState = EMPTY_STATE): ExecResult {
  if (typeof spec !== 'object' || spec === null || typeof spec.from !== 'string' || typeof spec.command !== 'string') return { ok: false, error: 'a command is { from, command }, both text' };
  if (spec.container !== undefined && typeof spec.container !== 'string') return { ok: false, error: '"container" must be text' };
  if (spec.seed !== undefined && (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > SEED_MAX)) return { ok: false, error: `the seed must be a whole number from 0 to ${SEED_MAX} (2^31-1), not ${String(spec.seed)}` };
  if (spec.command.length > 4096) return { ok: false, error: 'the command line is longer than 4096 characters' };
  try {
    return execUnguarded(cluster, spec, state);
  } catch (e) {
    return { ok: false, error: internalError('running the command', e).message };
  }
}
