// Queries over a trace, as lessons write them: which exchanges (a DNS query sent by the
// program itself, the last HTTP exchange ...) and which hops (the first that rewrote the
// destination, the deliver hop of the answer leg ...). A hop is found with its place in the
// conversation and its number in the hop list the page shows (every leg in time order).
import type { Exchange, Hop, PacketView, Trace } from '../trace/types';
import type { ExchangeQuery, HopQuery, HopRef } from './types';

export interface FoundHop {
  readonly ref: HopRef;
  readonly hop: Hop;
  /** The packet before this hop: its own `before`, else the previous hop's packet in the same leg. */
  readonly before?: PacketView;
  /** 1-based, as the hop list numbers it. */
  readonly number: number;
}

const test = (pattern: string | undefined, text: string | undefined) => pattern === undefined || new RegExp(pattern).test(text ?? '');

/** The conversation's own last exchange: what its sender did last (the HTTP exchange after curl's DNS queries). */
export function mainExchange(trace: Trace): Exchange | undefined {
  const own = trace.exchanges.filter((e) => e.parent === undefined);
  return own[own.length - 1];
}

export function findExchanges(trace: Trace, q: ExchangeQuery | undefined): readonly Exchange[] {
  if (q === undefined) {
    const main = mainExchange(trace);
    return main ? [main] : [];
  }
  const all = trace.exchanges.filter((e) =>
    (q.kind === undefined || e.kind === q.kind)
    && (q.parent === undefined || (q.parent === 'none' ? e.parent === undefined : e.parent !== undefined))
    && (q.verdict === undefined || e.verdict === q.verdict)
    && test(q.title, e.title) && test(q.result, e.result));
  switch (q.pick ?? 'first') {
    case 'first': return all.slice(0, 1);
    case 'last': return all.slice(-1);
    case 'all': return all;
  }
}

/** Every leg of the trace in time order with its exchange, as the hop list shows them. */
function legsInOrder(trace: Trace) {
  return trace.exchanges.flatMap((e) => e.legs.map((leg, index) => ({ e, leg, index }))).sort((a, b) => a.leg.seq - b.leg.seq);
}

/** The hop list's number of every hop, by "exchange/leg/hop". */
function numbering(trace: Trace): Map<string, number> {
  const out = new Map<string, number>();
  let n = 0;
  for (const { e, index, leg } of legsInOrder(trace)) leg.hops.forEach((_, h) => out.set(`${e.id}/${index}/${h}`, ++n));
  return out;
}

function legsOf(e: Exchange, leg: HopQuery['leg']): number[] {
  const all = e.legs.map((_, i) => i);
  if (leg === undefined || leg === 'first') return all.slice(0, 1);
  if (leg === 'last') return all.slice(-1);
  if (leg === 'any') return all;
  if (leg === 'out' || leg === 'back') return all.filter((i) => e.legs[i]!.dir === leg);
  return leg < all.length ? [leg] : [];
}

function rewrote(h: Hop, before: PacketView | undefined, what: NonNullable<HopQuery['rewrote']>): boolean {
  if (!before) return false;
  const dst = before.dst !== h.packet.dst || before.dport !== h.packet.dport;
  const src = before.src !== h.packet.src || before.sport !== h.packet.sport;
  return what === 'dst' ? dst : what === 'src' ? src : dst || src;
}

function matches(q: HopQuery, h: Hop, before: PacketView | undefined): boolean {
  const kinds = q.kind === undefined ? undefined : Array.isArray(q.kind) ? q.kind : [q.kind];
  return (kinds === undefined || kinds.includes(h.kind))
    && (q.rewrote === undefined || rewrote(h, before, q.rewrote))
    && (q.node === undefined || h.node === q.node)
    && (q.netns === undefined || h.netns === q.netns || h.nsId === q.netns)
    && (q.device === undefined || h.device === q.device)
    && (q.table === undefined || h.table === q.table)
    && test(q.rule, h.rule) && test(q.text, h.text);
}

/** Every hop the query selects, in the hop list's order. */
export function findHops(trace: Trace, q: HopQuery | undefined): FoundHop[] {
  const query = q ?? {};
  const numbers = numbering(trace);
  const out: FoundHop[] = [];
  for (const e of findExchanges(trace, query.exchange)) {
    for (const li of legsOf(e, query.leg)) {
      const hops = e.legs[li]!.hops;
      hops.forEach((hop, hi) => {
        const before = hop.before ?? (hi > 0 ? hops[hi - 1]!.packet : undefined);
        if (!matches(query, hop, before)) return;
        out.push({ ref: { exchange: e.id, leg: li, hop: hi }, hop, ...(before ? { before } : {}), number: numbers.get(`${e.id}/${li}/${hi}`) ?? 0 });
      });
    }
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The one hop the query names: the first of those it selects, or the last with `pick: last`. */
export function findHop(trace: Trace, q: HopQuery | undefined): FoundHop | undefined {
  const all = findHops(trace, q);
  return q?.pick === 'last' ? all[all.length - 1] : all[0];
}

/** A hop by its place, if the trace has it. */
export function hopAt(trace: Trace, ref: HopRef): FoundHop | undefined {
  const e = trace.exchanges[ref.exchange];
  const hops = e?.legs[ref.leg]?.hops;
  const hop = hops?.[ref.hop];
  if (!e || !hops || !hop) return undefined;
  const before = hop.before ?? (ref.hop > 0 ? hops[ref.hop - 1]!.packet : undefined);
  return { ref, hop, ...(before ? { before } : {}), number: numbering(trace).get(`${ref.exchange}/${ref.leg}/${ref.hop}`) ?? 0 };
}

export const sameHop = (a: HopRef, b: HopRef) => a.exchange === b.exchange && a.leg === b.leg && a.hop === b.hop;

/** A hop as feedback names it: "hop 6 (nat in node kind-worker, cni0)". */
export function describeHop(f: FoundHop): string {
  const where = f.hop.netns !== 'root' ? `pod ${f.hop.netns}`
    : f.hop.nsId.startsWith('node/') ? `node ${f.hop.node}`
      : f.hop.nsId === 'router/gateway' ? 'the gateway'
        : f.hop.nsId.startsWith('router/') ? `router ${f.hop.node}` : `host ${f.hop.node}`;
  return `hop ${f.number} (${f.hop.kind} in ${where}${f.hop.device ? `, ${f.hop.device}` : ''})`;
}
