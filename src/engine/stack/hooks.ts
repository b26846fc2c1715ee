// Where the walk meets netfilter: the five hooks of the IPv4 stack, each running what is
// registered on it in priority order, as the kernel does. Conntrack (-200) attaches the
// packet to its connection; nftables' filter chains of kube-proxy (-110); the nat table
// (-100 for DNAT, +100 for SNAT) only for a connection's first packet; filter (0); IPVS on
// INPUT (+99) and OUTPUT (-98); and conntrack confirms new connections at the end. Pods
// have no rules, so their hooks pass without a trace.
import type { Netns } from '../cluster/types';
import type { NetfilterState } from '../cluster/netfilter-state';
import type { AddrType, NfEnv, NfHook, NfPacket, NfResult, NfTableName } from '../netfilter/eval-types';
import { evaluateHook } from '../netfilter/evaluate';
import { findChain } from '../netfilter/ruleset';
import { nftablesBaseChains, nftablesEvaluateChain } from '../netfilter/nft/eval';
import { ipsetTest } from '../netfilter/ipset/match';
import { ipvsFindVirtualServer, ipvsSchedule } from '../netfilter/ipvs/schedule';
import { describeTraversal, isEventful } from '../trace/netfilter-text';
import { fibLookup } from './fib';
import { kernelRefusal } from './answer';
import { applyKnownNat, applyNatRequest, ctConfirm, ctIn, ctStateOf } from './nat';
import { viewOf, type Pkt } from './packet';
import { spendOnRules } from './latency';
import { record, type Outcome, type Walk } from './walk';

export interface HookIo {
  readonly inDev?: string;
  readonly outDev?: string;
}

export type HookResult =
  | { readonly pass: true; readonly redirect?: boolean }
  | { readonly pass: false; readonly outcome: Outcome };

const PASS: HookResult = { pass: true };

function addrType(ns: Netns, ip: string): AddrType {
  const first = Number(ip.split('.')[0]);
  if (first >= 224 && first <= 239) return 'MULTICAST';
  const r = fibLookup(ns, ip);
  if (r?.table === 'local') return r.type === 'broadcast' ? 'BROADCAST' : 'LOCAL';
  return 'UNICAST';
}

function envFor(w: Walk, ns: Netns, nf: NetfilterState): NfEnv {
  const ipvs = nf.ipvs;
  return {
    addrType: (ip) => addrType(ns, ip),
    random31: () => w.rng.u31(),
    nowSeconds: w.st.clock,
    recent: w.st.recent(ns.id),
    ...(ipvs ? { ipsetTest: (name: string, flags: readonly string[], p: NfPacket) => ipsetTest(ipvs.ipsets, name, flags, p) } : {}),
  };
}

function nfPacket(pkt: Pkt, io: HookIo): NfPacket {
  return {
    src: pkt.src, dst: pkt.dst, proto: pkt.proto, sport: pkt.sport, dport: pkt.dport, mark: pkt.mark, ctstate: ctStateOf(pkt),
    ...(io.inDev ? { inIface: io.inDev } : {}), ...(io.outDev ? { outIface: io.outDev } : {}),
  };
}

/** The device a hook's hop is drawn at: where the packet came in (PREROUTING, INPUT) or leaves. */
function hookDevice(hook: NfHook, io: HookIo): string {
  return (hook === 'PREROUTING' || hook === 'INPUT' ? io.inDev ?? io.outDev : io.outDev ?? io.inDev) ?? '';
}

/** Applies what one table (or nft base chain) decided, records a hop if it did anything; returns an outcome if the packet stops. */
function settle(w: Walk, ns: Netns, pkt: Pkt, io: HookIo, hook: NfHook, where: string, res: NfResult, tool: 'iptables' | 'nft'): Outcome | undefined {
  const dev = hookDevice(hook, io);
  const before = viewOf(pkt);
  w.rulesCompared += res.rulesEvaluated;
  spendOnRules(w, res.rulesEvaluated);
  pkt.mark = res.mark;
  let outcome = '';
  if (res.nat) outcome = `Result: ${applyNatRequest(w, ns, pkt, res.nat, io.outDev)}.`;
  const last = [...res.steps].reverse().find((s) => !/^(jump |goto |RETURN$|return$|continue$|policy )/.test(s.action));
  const steps = res.steps.map((s) => ({ tool, table: s.table, chain: s.chain, rule: s.text, action: s.action }));
  const base = { rule: last?.text, table: tool === 'nft' ? 'nft' : 'iptables-save', steps, rulesEvaluated: res.rulesEvaluated };
  switch (res.verdict.kind) {
    case 'DROP': {
      const text = describeTraversal(where, res.steps, 'The packet is dropped: the sender hears nothing and will time out.', res.rulesEvaluated);
      record(w, ns, dev, 'drop', text, pkt, base);
      return { kind: 'dropped', code: 'netfilter-drop', detail: text };
    }
    case 'REJECT': {
      const answer = kernelRefusal(ns, pkt, res.verdict.with === 'tcp-reset' ? 'tcp-reset' : 'port-unreachable');
      const text = describeTraversal(where, res.steps, `The packet is rejected: the node answers the sender with ${answer.proto === 'tcp' ? 'a TCP RST' : 'ICMP "port unreachable"'}, so the client gets "connection refused" at once.`, res.rulesEvaluated);
      record(w, ns, dev, 'drop', text, pkt, base);
      return { kind: 'refused', code: 'netfilter-reject', detail: text, ns, answer };
    }
    case 'ACCEPT':
      if (res.nat || isEventful(res.steps)) {
        const markText = before.mark !== pkt.mark ? ` The packet's mark is now 0x${pkt.mark.toString(16)}.` : '';
        record(w, ns, dev, res.nat ? 'nat' : 'netfilter', describeTraversal(where, res.steps, `${outcome}${markText}`, res.rulesEvaluated), pkt,
          { ...base, ...(res.nat || before.mark !== pkt.mark ? { before } : {}) });
      }
      return undefined;
  }
}

function iptables(w: Walk, ns: Netns, nf: NetfilterState, table: NfTableName, hook: NfHook, pkt: Pkt, io: HookIo): Outcome | undefined {
  if (!findChain(nf.iptables, table, hook)) return undefined;
  const res = evaluateHook(nf.iptables, table, hook, nfPacket(pkt, io), envFor(w, ns, nf));
  return settle(w, ns, pkt, io, hook, `iptables ${table} ${hook}`, res, 'iptables');
}

/** kube-proxy's nftables base chains on this hook whose priority is in [lo, hi]. */
function nft(w: Walk, ns: Netns, nf: NetfilterState, hook: NfHook, lo: number, hi: number, pkt: Pkt, io: HookIo): Outcome | undefined {
  if (!nf.nft) return undefined;
  for (const chain of nftablesBaseChains(nf.nft, hook)) {
    const prio = chain.base!.priority;
    if (prio < lo || prio > hi) continue;
    const isNat = chain.base!.type === 'nat';
    if (isNat && (!pkt.ct || pkt.ct.confirmed || (hook === 'POSTROUTING' || hook === 'INPUT' ? pkt.ct.srcNatDone : pkt.ct.dstNatDone))) continue;
    const r = nftablesEvaluateChain(nf.nft, chain.name, nfPacket(pkt, io), envFor(w, ns, nf));
    const res: NfResult = { verdict: r.verdict ?? { kind: 'ACCEPT' }, mark: r.mark, steps: r.steps, rulesEvaluated: r.rulesEvaluated, ...(r.nat ? { nat: r.nat } : {}) };
    const out = settle(w, ns, pkt, io, hook, `nft ip kube-proxy ${chain.name}`, res, 'nft');
    if (out) return out;
  }
  return undefined;
}

/** The nat table for a connection's first packet, once per direction of NAT. */
function natTable(w: Walk, ns: Netns, nf: NetfilterState, hook: NfHook, pkt: Pkt, io: HookIo): Outcome | undefined {
  const ct = pkt.ct;
  if (!ct || ct.confirmed) return undefined;
  const srcSide = hook === 'POSTROUTING' || hook === 'INPUT';
  if (srcSide ? ct.srcNatDone : ct.dstNatDone) return undefined;
  const out = iptables(w, ns, nf, 'nat', hook, pkt, io) ?? nft(w, ns, nf, hook, srcSide ? 100 : -100, srcSide ? 100 : -100, pkt, io);
  if (srcSide) ct.srcNatDone = true; else ct.dstNatDone = true;
  return out;
}

/** IPVS on a connection's first packet to a virtual server: schedule, DNAT, and send it out again. */
function ipvs(w: Walk, ns: Netns, nf: NetfilterState, pkt: Pkt, io: HookIo): Outcome | 'redirect' | undefined {
  const state = nf.ipvs;
  if (!state || !pkt.ct || pkt.ct.confirmed || pkt.ct.dir !== 'orig') return undefined;
  const p = nfPacket(pkt, io);
  const vs = ipvsFindVirtualServer(state, p);
  if (!vs) return undefined;
  const dev = hookDevice(io.outDev && !io.inDev ? 'OUTPUT' : 'INPUT', io);
  const r = ipvsSchedule(vs, p, envFor(w, ns, nf), w.st.ipvs(ns.id));
  const head = `${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}${vs.persistentTimeout ? ` persistent ${vs.persistentTimeout}` : ''}`;
  if (r.kind === 'noRealServer') {
    const answer = kernelRefusal(ns, pkt, 'port-unreachable');
    const text = `IPVS has a virtual server for ${vs.address}:${vs.port} (${vs.servicePortName}) but no real server behind it, so it answers ICMP "port unreachable". ${r.explanation}`;
    record(w, ns, dev, 'ipvs', text, pkt, { rule: head, table: 'ipvsadm' });
    return { kind: 'refused', code: 'netfilter-reject', detail: text, ns, answer };
  }
  const before = viewOf(pkt);
  applyNatRequest(w, ns, pkt, { kind: 'DNAT', toAddr: r.realServer.address, toPort: r.realServer.port });
  // The two lines exactly as `ipvsadm -Ln` prints them (ipvsadm's printf widths; no counters yet).
  const rs = `  -> ${`${r.realServer.address}:${r.realServer.port}`.padEnd(28)} ${r.realServer.forward.padEnd(7)} ${String(r.realServer.weight).padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}`;
  record(w, ns, dev, 'ipvs',
    `${vs.address} is on kube-ipvs0, so the packet was for this node; at INPUT, IPVS finds the virtual server ${vs.address}:${vs.port} (${vs.servicePortName}) and its ${vs.scheduler} scheduler picks the real server ${r.realServer.address}:${r.realServer.port}. ${r.explanation} IPVS rewrites the destination (Masq, i.e. NAT) and sends the packet out again, as if the node had sent it.`,
    pkt, { rule: `${head}\n${rs}`, table: 'ipvsadm', before });
  return 'redirect';
}

export function nfHook(w: Walk, ns: Netns, hook: NfHook, pkt: Pkt, io: HookIo): HookResult {
  const nf = w.cluster.netfilter(ns.id);
  if (!nf) return PASS;
  if (pkt.nfns !== ns.id) {
    pkt.ct = undefined;
    pkt.mark = 0;
    pkt.nfns = ns.id;
  }
  const dev = hookDevice(hook, io);
  const stop = (o: Outcome | undefined): HookResult | undefined => (o ? { pass: false, outcome: o } : undefined);
  switch (hook) {
    case 'PREROUTING':
    case 'OUTPUT': {
      ctIn(w, ns, pkt);
      applyKnownNat(w, ns, dev, pkt, 'dst');
      const early = stop(nft(w, ns, nf, hook, -200, -101, pkt, io)) ?? stop(natTable(w, ns, nf, hook, pkt, io));
      if (early) return early;
      if (hook === 'PREROUTING') return PASS;
      const v = ipvs(w, ns, nf, pkt, io);
      if (v && v !== 'redirect') return { pass: false, outcome: v };
      return stop(iptables(w, ns, nf, 'filter', 'OUTPUT', pkt, io)) ?? stop(nft(w, ns, nf, hook, -99, 99, pkt, io)) ?? PASS;
    }
    case 'FORWARD':
      return stop(iptables(w, ns, nf, 'filter', 'FORWARD', pkt, io)) ?? stop(nft(w, ns, nf, hook, -300, 300, pkt, io)) ?? PASS;
    case 'INPUT': {
      const f = stop(iptables(w, ns, nf, 'filter', 'INPUT', pkt, io)) ?? stop(nft(w, ns, nf, hook, -300, 98, pkt, io));
      if (f) return f;
      const v = ipvs(w, ns, nf, pkt, io);
      if (v === 'redirect') return { pass: true, redirect: true };
      if (v) return { pass: false, outcome: v };
      const n = stop(natTable(w, ns, nf, hook, pkt, io));
      if (n) return n;
      applyKnownNat(w, ns, dev, pkt, 'src');
      ctConfirm(w, ns, dev, pkt);
      return PASS;
    }
    case 'POSTROUTING': {
      applyKnownNat(w, ns, dev, pkt, 'src');
      const n = stop(natTable(w, ns, nf, hook, pkt, io));
      if (n) return n;
      ctConfirm(w, ns, dev, pkt);
      return PASS;
    }
  }
}
