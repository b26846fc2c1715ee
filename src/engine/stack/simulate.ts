// simulate(cluster, send): the packet interpreter's entry point. It opens a socket at the
// source, walks the first packet to wherever the state takes it, and, if something
// answered, walks the answer back. Same cluster + same send + same seed = same trace.
import { createRng } from '../lib/rng';
import type { Cluster } from '../cluster/types';
import { DROPS } from '../trace/drops';
import type { Trace, TraceLeg } from '../trace/types';
import { resolveDestination, resolveSource } from './endpoints';
import { containerId } from '../topology/ids';
import { fibLookup, selectSource } from './fib';
import { ipOutput, newPacket } from './ip';
import type { Pkt } from './packet';
import { EMPTY_STATE, WorkingState, type DynState } from './state';
import { HOP_BUDGET, record, where, type ClientSocket, type Outcome, type Walk } from './walk';

export interface SendSpec {
  readonly from: string;
  readonly container?: string;
  readonly to: string;
  readonly port?: number;
  readonly proto?: 'tcp' | 'udp' | 'icmp';
  /** Overrides the scenario's seed for this send. */
  readonly seed?: number;
}

export type SimResult =
  | { readonly ok: true; readonly trace: Trace; readonly state: DynState }
  | { readonly ok: false; readonly error: string };

function leg(w: Walk, o: Outcome): TraceLeg {
  switch (o.kind) {
    case 'delivered': return { verdict: 'delivered', hops: w.hops, rulesEvaluated: w.rulesCompared };
    case 'refused': return { verdict: 'refused', reason: DROPS[o.code].title, code: o.code, hops: w.hops, rulesEvaluated: w.rulesCompared };
    case 'dropped': return { verdict: 'dropped', reason: DROPS[o.code].title, code: o.code, hops: w.hops, rulesEvaluated: w.rulesCompared };
  }
}

function openingText(proto: Pkt['proto'], owner: string, label: string, dst: string, dstLabel: string, port: number, sport: number): string {
  const who = label.startsWith('pod ') ? `Container ${owner} in ${label}` : `${owner[0]!.toUpperCase()}${owner.slice(1)} on ${label}`;
  const target = dstLabel === dst ? dst : `${dstLabel} (${dst})`;
  switch (proto) {
    case 'tcp': return `${who} opens a TCP connection to ${target} port ${port}. The kernel picks the free ephemeral source port ${sport} and sends the first segment, a SYN.`;
    case 'udp': return `${who} sends a UDP datagram to ${target} port ${port}, from the ephemeral source port ${sport}.`;
    case 'icmp': return `${who} pings ${target}: an ICMP echo request.`;
  }
}

export function simulate(cluster: Cluster, send: SendSpec, state: DynState = EMPTY_STATE): SimResult {
  const proto = send.proto ?? 'tcp';
  if (proto !== 'icmp' && (send.port === undefined || !Number.isInteger(send.port) || send.port < 1 || send.port > 65535)) {
    return { ok: false, error: `a ${proto} send needs a destination port between 1 and 65535` };
  }
  const src = resolveSource(cluster, send.from, send.container);
  if (!src.ok) return src;
  const dst = resolveDestination(cluster, send.to, src.value);
  if (!dst.ok) return dst;
  const seed = send.seed ?? cluster.seed;
  // Later sends of a session (state passed on) draw differently, reproducibly.
  const rng = createRng((seed ^ Math.imul(state.clock, 0x9e3779b1)) | 0);
  const st = new WorkingState(state);
  const ns = src.value.ns;
  const r = fibLookup(ns, dst.value.ip);
  const srcIp = (r && selectSource(ns, r, dst.value.ip)) ?? ns.devices.flatMap((d) => d.addrs).find((a) => a.scope === 'global')?.ip ?? '0.0.0.0';
  // Linux picks ephemeral ports from net.ipv4.ip_local_port_range, 32768-60999 by default.
  const sport = proto === 'icmp' ? 0 : rng.int(32768, 60999);
  const dport = proto === 'icmp' ? 0 : send.port!;
  const pkt = newPacket(dst.value.ip === '127.0.0.1' ? '127.0.0.1' : srcIp, dst.value.ip, proto, sport, dport, proto === 'tcp' ? 'SYN' : proto === 'icmp' ? 'echo-request' : '');
  const origin = { src: pkt.src, sport, dst: pkt.dst, dport };
  const w: Walk = { cluster, st, rng, hops: [], budget: HOP_BUDGET, rulesCompared: 0, origin };
  record(w, ns, '', 'socket', openingText(proto, src.value.owner, src.value.label, dst.value.ip, dst.value.label, dport, sport), pkt,
    ns.kind === 'pod' ? { container: src.value.owner } : src.value.podKey ? { container: src.value.owner, at: containerId(src.value.podKey, src.value.owner) } : {});
  const out = ipOutput(w, ns, pkt);
  const first = leg(w, out);

  let reply: TraceLeg | undefined;
  if (out.kind === 'delivered' || out.kind === 'refused') {
    const answer: Pkt = out.kind === 'refused' ? out.answer : {
      srcMac: '', dstMac: '', src: out.pkt.dst, dst: out.pkt.src, proto, sport: out.pkt.dport, dport: out.pkt.sport, ttl: 64,
      flags: proto === 'tcp' ? 'SYN ACK' : proto === 'icmp' ? 'echo-reply' : '', mark: 0, outer: [],
    };
    const expect: ClientSocket = { ns: ns.id, proto: answer.proto, port: sport, owner: src.value.owner, peer: { addr: origin.dst, port: origin.dport } };
    const rw: Walk = { cluster, st, rng, hops: [], budget: HOP_BUDGET, rulesCompared: 0, origin: { src: answer.src, sport: answer.sport, dst: answer.dst, dport: answer.dport }, expect };
    const owner = out.kind === 'delivered' ? out.owner : 'kernel';
    const what = out.kind === 'refused' ? (answer.proto === 'tcp' ? 'The kernel sends the RST' : 'The kernel sends the ICMP error')
      : proto === 'tcp' ? `${owner} accepts: the kernel answers with SYN ACK` : proto === 'icmp' ? 'The echo reply goes back' : `${owner} answers with a datagram`;
    record(rw, out.ns, '', 'socket', `${what}, from ${answer.src}${answer.proto === 'icmp' ? '' : `:${answer.sport}`} in ${where(out.ns)} back to ${answer.dst}${answer.proto === 'icmp' ? '' : `:${answer.dport}`}.`, answer,
      out.ns.kind === 'pod' && owner !== 'kernel' ? { container: owner } : {});
    reply = leg(rw, ipOutput(rw, out.ns, answer));
  }
  const trace: Trace = {
    ...first,
    ...(reply ? { reply } : {}),
    send: { from: src.value.label, to: dst.value.label, src: pkt.src === '127.0.0.1' ? '127.0.0.1' : srcIp, dst: dst.value.ip, proto, sport, dport, seed },
  };
  return { ok: true, trace, state: st.snapshot() };
}
