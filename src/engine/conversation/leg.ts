// One leg: a packet leaves a socket and goes wherever the state takes it. The walk itself is
// the Linux stack model in stack/; this file wraps it for a conversation: the opening hop
// at the socket, the simulated time it took, and the leg's record in its exchange.
import type { Netns } from '../cluster/types';
import { DROPS } from '../trace/drops';
import type { HopKind, TraceLeg } from '../trace/types';
import { ipOutput } from '../stack/ip';
import { viewOf, type Pkt } from '../stack/packet';
import type { ConnectTranslation } from '../stack/socket-lb';
import { HOP_BUDGET, record, type ConnectedSocket, type HopOpts, type Outcome, type Walk } from '../stack/walk';
import type { Conversation, ExchangeDraft } from './conversation';

export interface LegSpec {
  /** "SYN", "SYN ACK", "HTTP request", "DNS query", "echo request" ... */
  readonly name: string;
  readonly dir: 'out' | 'back';
  /** The namespace whose socket sends the packet. */
  readonly ns: Netns;
  readonly pkt: Pkt;
  /** The first hop: what the socket does, in words. */
  readonly opening: string;
  /** The first hop's kind: 'socket', or the application that speaks ('dns', 'http'). */
  readonly openingKind?: HopKind;
  readonly openingOpts?: HopOpts;
  /** The connected socket the packet must reach (absent for a connection's first packet). */
  readonly expect?: ConnectedSocket;
  /** A cgroup program rewrote the socket's destination at connect() (Cilium's socket load balancing). */
  readonly connect?: ConnectTranslation;
  /** What the application connected to, before the translation. */
  readonly connectedTo?: { readonly dst: string; readonly dport: number };
}

function legOf(spec: LegSpec, w: Walk, o: Outcome, seq: number, start: number, end: number): TraceLeg {
  const { name, dir } = spec;
  const hops = w.hops;
  const rulesEvaluated = w.rulesCompared;
  switch (o.kind) {
    case 'delivered': return { name, dir, hops, rulesEvaluated, seq, start, end, verdict: 'delivered' };
    case 'refused': return { name, dir, hops, rulesEvaluated, seq, start, end, verdict: 'refused', reason: DROPS[o.code].title, code: o.code };
    case 'dropped': return { name, dir, hops, rulesEvaluated, seq, start, end, verdict: 'dropped', reason: DROPS[o.code].title, code: o.code };
  }
}

/** Walks one packet from its socket and records the leg in `ex`. */
export function walkLeg(conv: Conversation, ex: ExchangeDraft, spec: LegSpec): Outcome {
  const p = spec.pkt;
  const w: Walk = {
    cluster: conv.cluster, st: conv.st, rng: conv.rng, jitter: conv.jitter, terse: conv.terse, hops: [], budget: HOP_BUDGET, rulesCompared: 0,
    origin: { src: p.src, sport: p.sport, dst: p.dst, dport: p.dport }, elapsed: 0,
    ...(spec.expect ? { expect: spec.expect } : {}),
  };
  const seq = conv.nextLegSeq();
  const start = conv.now;
  record(w, spec.ns, '', spec.openingKind ?? 'socket', spec.opening, p, spec.openingOpts);
  if (spec.connect) {
    const c = spec.connect;
    record(w, spec.ns, '', 'bpf', c.text, p, { ...spec.openingOpts, rule: c.rule, table: c.table, before: { ...viewOf(p), dst: spec.connectedTo?.dst ?? p.dst, dport: spec.connectedTo?.dport ?? p.dport } });
  }
  const out = ipOutput(w, spec.ns, p);
  conv.now += w.elapsed;
  ex.legs.push(legOf(spec, w, out, seq, start, conv.now));
  return out;
}
