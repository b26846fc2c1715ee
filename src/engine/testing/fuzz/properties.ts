// What must hold for every generated case, whatever it is: parsing and compiling answer with
// a result or located errors; topology and every table print; every send ends delivered,
// refused or dropped with a reason from the catalogue, within the hop budget, on a hop that
// says so; the same input and seed give the same trace; an answer the client's socket takes
// comes from the address and port it sent to (conntrack undid every NAT).
import { compile } from '../../cluster/compile';
import type { Cluster } from '../../cluster/types';
import { tablesOf } from '../../format/tables';
import { parseScenario } from '../../model/parse';
import type { ScenarioError } from '../../model/types';
import { simulate } from '../../stack/simulate';
import { EMPTY_STATE, type DynState } from '../../stack/state';
import { HOP_BUDGET } from '../../stack/walk';
import { topology } from '../../topology/topology';
import { DROPS } from '../../trace/drops';
import type { Trace } from '../../trace/types';
import { exchangesOf, legsOf, outcomeOf, type FuzzExchange, type FuzzLeg } from './legs';
import type { FuzzCase } from './model';
import { renderScenario } from './render';
import { resolveSend } from './resolve';

export interface CaseStats {
  /** Where the case stopped: refused by the parser, by compile, or run. */
  readonly stage: 'parse' | 'compile' | 'run';
  readonly sends: number;
  readonly verdicts: Readonly<Record<string, number>>;
  readonly natted: number;
}

export class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

function checkErrors(errors: readonly ScenarioError[], where: string): void {
  if (errors.length === 0) fail(`${where} failed without saying why`);
  for (const e of errors) {
    if (!e.message) fail(`${where} gave an error without a message`);
    if (e.doc < 0 || e.line < 0 || !Number.isInteger(e.line)) fail(`${where} gave a badly located error: ${JSON.stringify(e)}`);
  }
}

const ENDS: Readonly<Record<FuzzLeg['verdict'], readonly string[]>> = { delivered: ['deliver'], refused: ['refuse', 'drop'], dropped: ['drop'] };

function checkLeg(leg: FuzzLeg): void {
  const name = `${leg.role} leg of exchange ${leg.exchange}`;
  if (leg.hops.length === 0) fail(`${name} has no hops`);
  if (leg.hops.length > HOP_BUDGET + 2) fail(`${name} has ${leg.hops.length} hops, over the budget of ${HOP_BUDGET}`);
  if (leg.verdict === 'delivered') {
    if (leg.code !== undefined) fail(`${name} is delivered but carries drop code ${leg.code}`);
  } else if (leg.code === undefined || !(leg.code in DROPS)) fail(`${name} is ${leg.verdict} with code ${String(leg.code)}, not one of the catalogue's`);
  const lastKind = leg.hops[leg.hops.length - 1]!.kind;
  if (!ENDS[leg.verdict].includes(lastKind)) fail(`${name} is ${leg.verdict} but ends on a "${lastKind}" hop`);
}

/** Checks one exchange; returns whether its request was NATed on its way. */
function checkExchange(ex: FuzzExchange): boolean {
  ex.legs.forEach(checkLeg);
  if (ex.verdict !== 'delivered' && (ex.code === undefined || !(ex.code in DROPS))) fail(`exchange ${ex.id} is ${ex.verdict} with code ${String(ex.code)}, not one of the catalogue's`);
  const request = ex.legs[0];
  if (!request || request.role !== 'request') fail(`exchange ${ex.id} does not start with a leg from its sender`);
  const replies = ex.legs.filter((l) => l.role === 'reply');
  // A dropped packet may still be answered by a router's ICMP error (host unreachable), never by the destination.
  for (const r of request.verdict === 'dropped' ? replies : []) {
    const p = r.hops[0]!.packet;
    if (p.proto !== 'icmp' || p.flags === 'echo-reply') fail(`a dropped request got an answer that is not an ICMP error: ${p.proto} ${p.flags}`);
  }
  if (request.verdict !== 'dropped' && replies.length === 0) fail(`a ${request.verdict} request has no reply leg`);
  const sent = ex.tuple;
  const got = request.hops[request.hops.length - 1]!.packet;
  const natted = request.verdict === 'delivered' && (got.src !== sent.src || got.sport !== sent.sport || got.dst !== sent.dst || got.dport !== sent.dport);
  for (const reply of replies) {
    if (reply.verdict !== 'delivered') continue;
    const back = reply.hops[reply.hops.length - 1]!.packet;
    // ICMP has no ports of its own (an error quotes the client's packet): compare addresses.
    const icmp = back.proto === 'icmp';
    const icmpError = icmp && back.flags !== 'echo-reply';
    if (back.dst !== sent.src || (!icmp && back.dport !== sent.sport)) fail(`the answer reached ${back.dst}:${back.dport}, not the sender ${sent.src}:${sent.sport}`);
    if (!icmpError && (back.src !== sent.dst || (!icmp && back.sport !== sent.dport))) {
      fail(`the client's socket took an answer from ${back.src}:${back.sport}, but it sent to ${sent.dst}:${sent.dport}`);
    }
  }
  return natted;
}

/** Checks one trace; returns whether a request was NATed on its way. */
function checkTrace(t: Trace): boolean {
  const exchanges = exchangesOf(t);
  if (exchanges.length === 0) fail('a trace without exchanges');
  const out = outcomeOf(t);
  if (out.verdict !== 'delivered' && (out.code === undefined || !(out.code in DROPS))) fail(`the trace is ${out.verdict} with code ${String(out.code)}, not one of the catalogue's`);
  return exchanges.map(checkExchange).some(Boolean);
}

function build(yaml: string): { cluster: Cluster } | { stage: 'parse' | 'compile' } {
  const p = parseScenario(yaml);
  if (!p.ok) { checkErrors(p.errors, 'parseScenario'); return { stage: 'parse' }; }
  const c = compile(p.scenario);
  if (!c.ok) { checkErrors(c.errors, 'compile'); return { stage: 'compile' }; }
  return { cluster: c.cluster };
}

/** The case's YAML with EndpointSlice addresses that point at pods resolved (pods keep their addresses when slices are added). */
export function caseYaml(k: FuzzCase): string {
  const first = renderScenario(k.scenario);
  if (!k.scenario.endpointSlices.some((e) => e.endpoints.some((x) => x.ip.startsWith('pod:')))) return first;
  const b = build(first);
  if (!('cluster' in b)) return first;
  return renderScenario(k.scenario, (i) => {
    const p = k.scenario.pods[i];
    return p ? b.cluster.pod(`${p.namespace}/${p.name}`)?.ip : undefined;
  });
}

export function checkCase(k: FuzzCase): CaseStats {
  const yaml = caseYaml(k);
  const b = build(yaml);
  if (!('cluster' in b)) return { stage: b.stage, sends: 0, verdicts: {}, natted: 0 };
  const cluster = b.cluster;
  const topo = topology(cluster);
  if (topo.elements.length === 0) fail('topology() is empty for a compiled cluster');
  const again = build(yaml);
  if (!('cluster' in again)) fail('the same YAML parsed once and failed the second time');
  const verdicts: Record<string, number> = {};
  let natted = 0;
  let state: DynState = EMPTY_STATE;
  let replay: DynState = EMPTY_STATE;
  for (const s of k.sends) {
    const spec = resolveSend(cluster, s);
    const before = s.session ? state : EMPTY_STATE;
    const r = simulate(cluster, spec, before);
    const r2 = simulate(again.cluster, resolveSend(again.cluster, s), s.session ? replay : EMPTY_STATE);
    if (r.ok !== r2.ok || JSON.stringify(r.ok ? r.trace : r.error) !== JSON.stringify(r2.ok ? r2.trace : r2.error)) {
      fail(`the same scenario, send and seed gave two different results for ${JSON.stringify(spec)}`);
    }
    if (!r.ok) {
      if (!r.error) fail('a refused send has no message');
      continue;
    }
    if (checkTrace(r.trace)) natted += 1;
    verdicts[r.trace.verdict] = (verdicts[r.trace.verdict] ?? 0) + 1;
    state = r.state;
    replay = r2.ok ? r2.state : replay;
    // Every table of every node the packet crossed prints after the send.
    const machines = new Set(legsOf(r.trace).flatMap((l) => l.hops.map((h) => h.node)));
    for (const m of machines) if (cluster.node(m)) tablesOf(cluster, state, `node/${m}`);
  }
  return { stage: 'run', sends: k.sends.length, verdicts, natted };
}
