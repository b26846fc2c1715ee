// Values a lesson asks about, computed afresh each time from the trace and the scenario: a
// field of a hop or an exchange, how many exchanges or hops match, the trace's verdict, a
// Service's ClusterIP or node port, a pod's address, a node's pod range, and the rules the
// kernel would compare the first packet with in another kube-proxy mode. Undefined means
// the engine cannot answer (the trace has no such hop): a check reports that, never guesses.
import type { Cluster } from '../cluster/types';
import { compile, exec, simulate, tablesOf } from '../guard';
import { EMPTY_STATE } from '../stack/state';
import { cidrText } from '../lib/ip';
import type { Scenario } from '../model/types';
import type { Hop, Trace } from '../trace/types';
import { findExchanges, findHop, findHops, mainExchange, type FoundHop } from './query';
import type { ValueExpr } from './types';

export type Value = string | number;

export interface ValueContext {
  readonly cluster: Cluster;
  readonly trace: Trace | null;
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
    case 'device': case 'rule': case 'table': case 'container': return h[field] || undefined;
    case 'rulesEvaluated': return h.rulesEvaluated ?? 0;
    case 'number': return f.number;
  }
}

function exchangeField(trace: Trace, q: Extract<ValueExpr, { of: 'exchange' }>['exchange'], field: ExchangeField): Value | undefined {
  const e = findExchanges(trace, q)[0];
  if (!e) return undefined;
  switch (field) {
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

/** The trace's run again in a copy of the scenario with kube-proxy in another mode: the rules its first packet met. */
function rulesInMode(ctx: ValueContext, mode: 'iptables' | 'ipvs' | 'nftables'): number | undefined {
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
      const n = cluster.node(p.node);
      return n ? cidrText(n.podCidr) : undefined;
    }
    case 'node': {
      const n = cluster.node(v.node);
      if (!n) return undefined;
      return v.field === 'ip' ? n.ip : cidrText(n.podCidr);
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
    case 'rules': return rulesInMode(ctx, v.mode);
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
