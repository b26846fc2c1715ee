// The options of a multiple-choice check, derived from the trace and the scenario, never
// typed into the lesson: every address the packets carried (labelled with who holds it),
// the machines, devices and namespaces they passed, the kinds of hop, the drop catalogue,
// the verdicts, kube-proxy's modes, DNS response codes, a pod's search domains, the
// cluster's nodes or Services, or a list of values
// the lesson names (each computed). The right answer is always among them; the order is
// fixed by the values, so it says nothing about which is right.
import { DROPS } from '../trace/drops';
import { ipToInt, isIPv4 } from '../lib/ip';
import type { DnsRcode, Trace } from '../trace/types';
import { resolvConfOf } from '../dns/resolvconf';
import { labelAddress } from './owners';
import type { ChoiceOption, OptionsSpec } from './types';
import { valueOf, type Value, type ValueContext } from './values';

const VERDICT_WORDS = { delivered: 'delivered: it arrived', dropped: 'dropped: it was lost on the way', refused: 'refused: something answered no' } as const;
const MODE_WORDS = { iptables: 'iptables', ipvs: 'IPVS', nftables: 'nftables' } as const;
/** The DNS response codes the engine's servers answer with (trace/payload.ts). */
const RCODES = ['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED'] as const satisfies readonly DnsRcode[];

function hops(trace: Trace | null) {
  return trace ? trace.exchanges.flatMap((e) => e.legs.flatMap((l) => l.hops)) : [];
}

const byAddress = (a: string, b: string) => (isIPv4(a) && isIPv4(b) ? ipToInt(a) - ipToInt(b) : a.localeCompare(b));

function distinct(values: readonly string[], sort: (a: string, b: string) => number = (a, b) => a.localeCompare(b)): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort(sort);
}

/** The drop catalogue as options; titles two reasons share (TCP's RST and SCTP's ABORT both read "Connection refused") carry their code, so no two options read the same. */
function dropOptions(): ChoiceOption[] {
  const entries = Object.entries(DROPS);
  const shared = (title: string) => entries.filter(([, d]) => d.title === title).length > 1;
  return entries.map(([code, d]) => ({ value: code, label: shared(d.title) ? `${d.title} (${code})` : d.title }));
}

export function optionsOf(ctx: ValueContext, spec: OptionsSpec): ChoiceOption[] {
  const { cluster, trace } = ctx;
  const plain = (vs: readonly string[]) => vs.map((v) => ({ value: v, label: v }));
  switch (spec.from) {
    case 'addresses': {
      const seen = hops(trace).flatMap((h) => [h.packet.src, h.packet.dst, ...h.packet.outer.flatMap((o) => [o.src, o.dst]), ...(h.before ? [h.before.src, h.before.dst] : [])]);
      const tuples = trace ? trace.exchanges.flatMap((e) => [e.tuple.src, e.tuple.dst]) : [];
      return distinct([...seen, ...tuples].filter(isIPv4), byAddress).map((ip) => ({ value: ip, label: labelAddress(cluster, ip) }));
    }
    case 'machines': return plain(distinct([...hops(trace).map((h) => h.node), ...cluster.nodes.map((n) => n.name)]));
    case 'devices': return plain(distinct(hops(trace).map((h) => h.device)));
    case 'netns': return distinct(hops(trace).map((h) => h.nsId)).map((id) => ({ value: id, label: id }));
    case 'kinds': return plain(distinct(hops(trace).map((h) => h.kind)));
    case 'chains': return plain(distinct(hops(trace).flatMap((h) => (h.steps ?? []).map((st) => st.chain))));
    case 'drops': return dropOptions();
    case 'verdicts': return Object.entries(VERDICT_WORDS).map(([value, label]) => ({ value, label }));
    case 'modes': return Object.entries(MODE_WORDS).map(([value, label]) => ({ value, label }));
    case 'rcodes': return plain(RCODES);
    case 'nodes': return plain(cluster.nodes.map((n) => n.name));
    case 'services': return plain(cluster.services.map((s) => s.key));
    case 'search': {
      const p = cluster.pod(spec.pod);
      return p ? plain(resolvConfOf(cluster, cluster.netns(p.netns), p.key).search) : [];
    }
    case 'values': {
      const got = spec.values.map((v) => valueOf(ctx, v)).filter((v): v is Value => v !== undefined).map(String);
      return distinct(got, byAddress).map((v) => ({ value: v, label: isIPv4(v) ? labelAddress(cluster, v) : v }));
    }
  }
}
