// Values a lesson asks about, computed afresh each time from the trace and the scenario: a
// field of a hop or an exchange, how many exchanges or hops match, the trace's verdict, a
// Service's ClusterIP or node port, a pod's address, a node's pod range, and the rules the
// kernel would compare the first packet with in another kube-proxy mode. Undefined means
// the engine cannot answer (the trace has no such hop): a check reports that, never guesses.
import type { Cluster } from '../cluster/types';
import { compile, exec, parseScenario, simulate, tablesOf } from '../guard';
import { EMPTY_STATE } from '../stack/state';
import { ruleWalk } from '../study/rule-walk';
import { resolvConfOf, resolverOptions } from '../dns/resolvconf';
import { cidrText, nthAddress } from '../lib/ip';
import type { Scenario } from '../model/types';
import type { Exchange, Hop, Trace } from '../trace/types';
import { findExchanges, findHop, findHops, mainExchange, type FoundHop } from './query';
import type { ValueExpr } from './types';

export type Value = string | number;

export interface ValueContext {
  readonly cluster: Cluster;
  readonly trace: Trace | null;
  /** The scenario text in the learner's editor, applied or not. */
  readonly draft?: string;
}

/** The problems podpath finds in a scenario text: reading it, then building it. */
function problemsOf(text: string) {
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed.errors;
  const compiled = compile(parsed.scenario);
  return compiled.ok ? [] : compiled.errors;
}

type HopField = Extract<ValueExpr, { of: 'hop' }>['field'];
type ExchangeField = Extract<ValueExpr, { of: 'exchange' }>['field'];

function hopField(f: FoundHop, field: HopField): Value | undefined {
  const h: Hop = f.hop;
  switch (field) {
    case 'src': case 'dst': case 'sport': case 'dport': case 'ttl': case 'srcMac': case 'dstMac': case 'flags':
      return h.packet[field];
    case 'before.src': return f.before?.src;
    case 'before.dst': return f.before?.dst;
    case 'before.sport': return f.before?.sport;
    case 'before.dport': return f.before?.dport;
    case 'node': case 'netns': case 'nsId': case 'kind': case 'at': return h[field];
    case 'device': case 'rule': case 'table': case 'container': case 'text': return h[field] || undefined;
    case 'rulesEvaluated': return h.rulesEvaluated ?? 0;
    /** The chain of the last rule a netfilter hop walked: where the deciding rule is. */
    case 'chain': return h.steps?.[h.steps.length - 1]?.chain;
    case 'number': return f.number;
    case 'size': case 'mss': return h.packet[field];
    case 'icmp.mtu': return h.packet.icmp?.mtu;
    /** The outermost encapsulation header, when the packet travels in a tunnel. */
    case 'outer.kind': case 'outer.src': case 'outer.dst': case 'outer.dport': case 'outer.vni': case 'outer.bytes': case 'outer.size':
      return h.packet.outer[0]?.[field.slice(6) as 'kind' | 'src' | 'dst' | 'dport' | 'vni' | 'bytes' | 'size'];
  }
}

/** What the exchange's applications wrote: the first DNS question and the last DNS answer, the last HTTP response. */
function payloads(e: Exchange) {
  const all = e.legs.flatMap((l) => l.hops.map((h) => h.packet.payload)).filter((p) => p !== undefined);
  const dns = all.filter((p) => p.kind === 'dns');
  const http = all.filter((p) => p.kind === 'http');
  return { question: dns[0]?.question, answer: dns.filter((d) => d.response).pop()?.response, response: http.filter((h) => h.response).pop()?.response };
}

function exchangeField(trace: Trace, q: Extract<ValueExpr, { of: 'exchange' }>['exchange'], field: ExchangeField): Value | undefined {
  const e = findExchanges(trace, q)[0];
  if (!e) return undefined;
  switch (field) {
    case 'qname': return payloads(e).question?.name.replace(/\.$/, '');
    case 'rcode': return payloads(e).answer?.rcode;
    case 'addresses': { const a = payloads(e).answer; return a ? a.answers.filter((r) => r.type === 'A').length : undefined; }
    case 'status': return payloads(e).response?.status;
    case 'kind': case 'title': case 'verdict': case 'to': return e[field];
    case 'result': case 'code': return e[field];
    case 'src': case 'dst': case 'sport': case 'dport': return e.tuple[field];
    case 'legs': return e.legs.length;
    case 'rulesEvaluated': return e.legs.reduce((n, l) => n + l.rulesEvaluated, 0);
  }
}

const take = (v: Value | undefined, match: string | undefined): Value | undefined => {
  if (v === undefined || match === undefined) return v;
  const m = new RegExp(match).exec(String(v));
  if (!m) return undefined;
  const got = m[1] ?? m[0];
  return /^-?\d+(\.\d+)?$/.test(got) ? Number(got) : got;
};

const MODES = ['iptables', 'ipvs', 'nftables'] as const;
type Mode = (typeof MODES)[number];

/** The mode whose count is the largest (most) or smallest (fewest); undefined on a tie, which asks nothing. */
function pickMode(count: (m: Mode) => number | undefined, pick: 'most' | 'fewest'): Mode | undefined {
  const counts = MODES.map((m) => ({ m, n: count(m) }));
  if (counts.some((c) => c.n === undefined)) return undefined;
  const best = pick === 'most' ? Math.max(...counts.map((c) => c.n!)) : Math.min(...counts.map((c) => c.n!));
  const at = counts.filter((c) => c.n === best);
  return at.length === 1 ? at[0]!.m : undefined;
}

function studyRules(mode: Mode, services: number): number | undefined {
  try {
    return ruleWalk(mode, services).rulesEvaluated;
  } catch {
    return undefined;
  }
}

/** The trace's run again in a copy of the scenario with kube-proxy in another mode: the rules its first packet met. */
function rulesInMode(ctx: ValueContext, mode: Mode): number | undefined {
  const run = ctx.trace?.run;
  if (!run) return undefined;
  const scenario: Scenario = { ...ctx.cluster.scenario, cluster: { ...ctx.cluster.scenario.cluster, kubeProxyMode: mode } };
  const compiled = compile(scenario);
  if (!compiled.ok) return undefined;
  const seed = ctx.trace!.seed;
  const c = run.container !== undefined ? { container: run.container } : {};
  const out = run.kind === 'send'
    ? simulate(compiled.cluster, { from: run.from, to: run.to, proto: run.proto, seed, ...(run.port !== undefined ? { port: run.port } : {}), ...c })
    : exec(compiled.cluster, { from: run.from, command: run.command, seed, ...c });
  if (!out.ok || !out.trace) return undefined;
  const e = mainExchange(out.trace);
  return e?.legs[0]?.rulesEvaluated;
}

export function valueOf(ctx: ValueContext, v: ValueExpr): Value | undefined {
  const { cluster, trace } = ctx;
  switch (v.of) {
    case 'hop': {
      const f = trace ? findHop(trace, v.hop) : undefined;
      return f ? take(hopField(f, v.field), v.match) : undefined;
    }
    case 'exchange': return trace ? take(exchangeField(trace, v.exchange, v.field), v.match) : undefined;
    case 'exchanges': return trace ? (v.where === undefined ? trace.exchanges.length : findExchanges(trace, { pick: 'all', ...v.where }).length) : undefined;
    case 'hops': return trace ? findHops(trace, v.where).length : undefined;
    case 'trace':
      if (!trace) return undefined;
      return v.field === 'exchanges' ? trace.exchanges.length : v.field === 'verdict' ? trace.verdict : trace.code;
    case 'service': {
      const s = cluster.service(v.service);
      if (!s) return undefined;
      const port = s.ports[0];
      switch (v.field) {
        case 'clusterIP': return s.clusterIP ?? undefined;
        case 'port': return port?.port;
        case 'nodePort': return port && port.nodePort > 0 ? port.nodePort : undefined;
        case 'targetPort': return port?.targetPort;
        case 'loadBalancerIP': return s.loadBalancerIP;
        case 'endpoints': return cluster.endpoints.get(s.key)?.endpoints.filter((e) => e.ready).length ?? 0;
        case 'type': return s.type;
      }
      break;
    }
    case 'pod': {
      const p = cluster.pod(v.pod);
      if (!p) return undefined;
      if (v.field === 'ip') return p.ip;
      if (v.field === 'node') return p.node;
      if (v.field === 'ndots') return resolverOptions(resolvConfOf(cluster, cluster.netns(p.netns), p.key)).ndots;
      const n = cluster.node(p.node);
      return n ? cidrText(n.podCidr) : undefined;
    }
    case 'node': {
      const n = cluster.node(v.node);
      if (!n) return undefined;
      return v.field === 'ip' ? n.ip : v.field === 'bridge' ? nthAddress(n.podCidr, 1) : cidrText(n.podCidr);
    }
    case 'cluster':
      switch (v.field) {
        case 'podSubnet': return cidrText(cluster.podSubnet);
        case 'serviceSubnet': return cidrText(cluster.serviceSubnet);
        case 'nodeSubnet': return cidrText(cluster.nodeSubnet);
        case 'proxyMode': return cluster.scenario.cluster.kubeProxyMode;
        case 'gateway': return cluster.gateway.ip;
      }
      break;
    case 'rules': return v.mode ? rulesInMode(ctx, v.mode) : pickMode((m) => rulesInMode(ctx, m), v.pick!);
    case 'study': return v.mode ? studyRules(v.mode, v.services) : pickMode((m) => studyRules(m, v.services), v.pick!);
    case 'draft': {
      const problems = ctx.draft === undefined ? [] : problemsOf(ctx.draft);
      const first = problems[0];
      if (!first) return undefined;
      if (v.field === 'problems') return problems.length;
      return take(v.field === 'line' ? first.line : v.field === 'field' ? first.field : first.message, v.match);
    }
    case 'table': {
      const printed = tablesOf(cluster, EMPTY_STATE, v.netns);
      const table = printed.ok ? printed.tables.find((t) => t.id === v.table) : undefined;
      if (!table) return undefined;
      const re = new RegExp(v.match);
      const lines = table.text.split('\n');
      if (v.count) return lines.filter((l) => re.test(l)).length;
      for (const l of lines) {
        const got = take(l, v.match);
        if (got !== undefined) return got;
      }
      return undefined;
    }
  }
  return undefined;
}
