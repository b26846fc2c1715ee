// What each registered netfilter stage does with a packet: conntrack attaches it to its
// connection; an iptables table or an nftables base chain is evaluated and its verdict
// applied (a hop is recorded when it did something); nf_nat sets up or re-applies a NAT
// binding; IPVS schedules a connection to a real server; confirm stores a new connection.
import type { Netns } from '../cluster/types';
import type { NetfilterState } from '../cluster/netfilter-state';
import type { NfHook, NfPacket, NfResult, NfTableName } from '../netfilter/eval-types';
import { evaluateHook } from '../netfilter/evaluate';
import { nftablesEvaluateChain } from '../netfilter/nft/eval';
import type { NftChain } from '../netfilter/nft/types';
import { ipvsFindVirtualServer, ipvsSchedule } from '../netfilter/ipvs/schedule';
import { decidingStep, describeTraversal, isEventful } from '../trace/netfilter-text';
import { netfilterPolicyAccept, netfilterPolicyDrop } from '../policy/enforce';
import { kernelRefusal } from './answer';
import { applyKnownNat, applyNatRequest, ctConfirm, ctIn, ctStateOf } from './nat';
import { viewOf, type Pkt } from './packet';
import { spendOnRules } from './latency';
import { envFor } from './nf-env';
import { record, recording, type Outcome, type Walk } from './walk';

export interface HookIo {
  readonly inDev?: string;
  readonly outDev?: string;
}

/** What a stage decided: go on (undefined), stop with an outcome, or (IPVS) the packet was re-sent from this node. */
export type StageResult = undefined | { readonly stop: Outcome } | 'redirect';

export type StageRun = (w: Walk, ns: Netns, nf: NetfilterState, pkt: Pkt, io: HookIo, hook: NfHook) => StageResult;

export function nfPacket(pkt: Pkt, io: HookIo): NfPacket {
  // Built by assignment, not by spreads: a send makes tens of these.
  const p: { -readonly [K in keyof NfPacket]: NfPacket[K] } = { src: pkt.src, dst: pkt.dst, proto: pkt.proto, sport: pkt.sport, dport: pkt.dport, mark: pkt.mark, ctstate: ctStateOf(pkt) };
  const ct = pkt.ct;
  if (ct) p.ctmark = ct.entry.mark;
  if (io.inDev) p.inIface = io.inDev;
  if (io.outDev) p.outIface = io.outDev;
  // kube-proxy's IPVS forwards by NAT (Masq); the connection's direction is conntrack's.
  if (ct?.entry.ipvs) p.ipvs = { ...ct.entry.ipvs, method: 'MASQ', reply: ct.dir === 'reply' };
  return p;
}

/** The device a hook's hop is drawn at: where the packet came in (PREROUTING, INPUT) or leaves. */
export function hookDevice(hook: NfHook, io: HookIo): string {
  return (hook === 'PREROUTING' || hook === 'INPUT' ? io.inDev ?? io.outDev : io.outDev ?? io.inDev) ?? '';
}

/** A traversal's hop: the deciding rule and every step, in the tool's syntax. */
function hopOpts(res: NfResult, tool: 'iptables' | 'nft') {
  return {
    rule: decidingStep(res.steps)?.text, table: tool === 'nft' ? 'nft' : 'iptables-save',
    steps: res.steps.map((s) => ({ tool, table: s.table, chain: s.chain, rule: s.text, action: s.action })), rulesEvaluated: res.rulesEvaluated,
  };
}

/** Applies what one table (or nft base chain) decided, records a hop if it did anything; returns an outcome if the packet stops. */
function settle(w: Walk, ns: Netns, pkt: Pkt, io: HookIo, hook: NfHook, where: string, res: NfResult, tool: 'iptables' | 'nft'): Outcome | undefined {
  const dev = hookDevice(hook, io);
  const before = recording(w) ? viewOf(pkt) : undefined;
  w.rulesCompared += res.rulesEvaluated;
  spendOnRules(w, res.rulesEvaluated);
  pkt.mark = res.mark;
  const ct = pkt.ct;
  const ctmarkBefore = ct?.entry.mark;
  if (ct && res.ctmark !== undefined && res.ctmark !== ct.entry.mark) {
    ct.entry = { ...ct.entry, mark: res.ctmark };
    if (ct.confirmed) w.st.ctPut(ns.id, ct.entry);
  }
  let outcome = '';
  if (res.nat) outcome = `Result: ${applyNatRequest(w, ns, pkt, res.nat, io.outDev)}.`;
  switch (res.verdict.kind) {
    case 'DROP': {
      // A plugin's NetworkPolicy (Calico's endpoint chains) says why, in the policy catalogue's words.
      const policy = netfilterPolicyDrop(w, pkt, res.steps);
      const text = describeTraversal(where, res.steps, `${policy ? `${policy.text} ` : ''}The packet is dropped: the sender hears nothing and will time out.`, res.rulesEvaluated);
      record(w, ns, dev, 'drop', text, pkt, hopOpts(res, tool));
      return { kind: 'dropped', code: policy?.code ?? 'netfilter-drop', detail: text };
    }
    case 'REJECT': {
      const answer = kernelRefusal(ns, pkt, res.verdict.with === 'tcp-reset' ? 'tcp-reset' : 'port-unreachable');
      const text = describeTraversal(where, res.steps, `The packet is rejected: the node answers the sender with ${answer.proto === 'tcp' ? 'a TCP RST' : 'ICMP "port unreachable"'}, so the client gets "connection refused" at once.`, res.rulesEvaluated);
      record(w, ns, dev, 'drop', text, pkt, hopOpts(res, tool));
      return { kind: 'refused', code: 'netfilter-reject', detail: text, ns, answer };
    }
    case 'ACCEPT': {
      // A packet let through adds no hop to a walk that records none.
      if (!before) return undefined;
      // A CONNMARK that changed neither mark is nothing a learner needs to see.
      const idle = res.steps.every((st) => /^(jump |goto |RETURN$|return$|continue$|policy |CONNMARK$)/.test(st.action)) && before.mark === pkt.mark && ctmarkBefore === ct?.entry.mark;
      if (res.nat || (isEventful(res.steps) && !idle)) {
        const markText = before.mark !== pkt.mark ? ` The packet's mark is now 0x${pkt.mark.toString(16)}.` : '';
        const allowed = netfilterPolicyAccept(w, pkt, res.steps);
        const text = describeTraversal(where, res.steps, `${outcome}${markText}${allowed ? ` ${allowed}` : ''}`, res.rulesEvaluated);
        record(w, ns, dev, res.nat ? 'nat' : 'netfilter', text, pkt,
          { ...hopOpts(res, tool), ...(res.nat || before.mark !== pkt.mark ? { before } : {}) });
      }
      return undefined;
    }
  }
}

const stop = (o: Outcome | undefined): StageResult => (o ? { stop: o } : undefined);

function runIptables(w: Walk, ns: Netns, nf: NetfilterState, table: NfTableName, hook: NfHook, pkt: Pkt, io: HookIo): Outcome | undefined {
  const res = evaluateHook(nf.iptables, table, hook, nfPacket(pkt, io), envFor(w, ns, nf));
  return settle(w, ns, pkt, io, hook, `iptables ${table} ${hook}`, res, 'iptables');
}

function runNft(w: Walk, ns: Netns, nf: NetfilterState, chain: NftChain, hook: NfHook, pkt: Pkt, io: HookIo): Outcome | undefined {
  const r = nftablesEvaluateChain(nf.nft!, chain.name, nfPacket(pkt, io), envFor(w, ns, nf));
  const res: NfResult = { verdict: r.verdict ?? { kind: 'ACCEPT' }, mark: r.mark, steps: r.steps, rulesEvaluated: r.rulesEvaluated, ...(r.nat ? { nat: r.nat } : {}) };
  return settle(w, ns, pkt, io, hook, `nft ip ${nf.nft!.name} ${chain.name}`, res, 'nft');
}

/** nf_conntrack_in: the packet's connection, found or begun; a packet arriving from another namespace starts without one. */
export const conntrackInStage: StageRun = (w, ns, _nf, pkt) => {
  ctIn(w, ns, pkt);
  return undefined;
};

export const iptablesStage = (table: NfTableName): StageRun => (w, ns, nf, pkt, io, hook) => stop(runIptables(w, ns, nf, table, hook, pkt, io));

export const nftStage = (chain: NftChain): StageRun => (w, ns, nf, pkt, io, hook) => stop(runNft(w, ns, nf, chain, hook, pkt, io));

/**
 * nf_nat at one hook: a known connection is rewritten from its entry; a connection's first packet
 * meets the nat chains (iptables' nat table, then nft nat chains of the same priority) until one
 * sets up a binding, once per direction of NAT.
 */
export function natStage(hook: NfHook, iptablesNat: boolean, nftNat: readonly NftChain[]): StageRun {
  const srcSide = hook === 'POSTROUTING' || hook === 'INPUT';
  return (w, ns, nf, pkt, io) => {
    const ct = pkt.ct;
    if (ct?.confirmed) {
      applyKnownNat(w, ns, hookDevice(hook, io), pkt, srcSide ? 'src' : 'dst');
      return undefined;
    }
    if (!ct || (srcSide ? ct.srcNatDone : ct.dstNatDone)) return undefined;
    let out: Outcome | undefined;
    if (iptablesNat) out = runIptables(w, ns, nf, 'nat', hook, pkt, io);
    for (const chain of nftNat) {
      if (out || (srcSide ? ct.srcNatDone : ct.dstNatDone)) break;
      out = runNft(w, ns, nf, chain, hook, pkt, io);
    }
    if (srcSide) ct.srcNatDone = true; else ct.dstNatDone = true;
    return stop(out);
  };
}

/** IPVS on a connection's first packet to a virtual server: schedule, DNAT, and send it out again. */
export const ipvsStage: StageRun = (w, ns, nf, pkt, io, hook) => {
  const state = nf.ipvs;
  if (!state || !pkt.ct || pkt.ct.confirmed || pkt.ct.dir !== 'orig') return undefined;
  const p = nfPacket(pkt, io);
  const vs = ipvsFindVirtualServer(state, p);
  if (!vs) return undefined;
  const dev = hookDevice(hook, io);
  const r = ipvsSchedule(vs, p, envFor(w, ns, nf), w.st.ipvs(ns.id));
  const head = `${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}${vs.persistentTimeout ? ` persistent ${vs.persistentTimeout}` : ''}`;
  if (r.kind === 'noRealServer') {
    const answer = kernelRefusal(ns, pkt, 'port-unreachable');
    const text = `IPVS has a virtual server for ${vs.address}:${vs.port} (${vs.servicePortName}) but no real server behind it, so it answers ICMP "port unreachable". ${r.explanation}`;
    // ip_vs_leave(): the refusal is this hop, so the leg ends on it.
    record(w, ns, dev, 'refuse', text, pkt, { rule: head, table: 'ipvsadm' });
    return { stop: { kind: 'refused', code: 'netfilter-reject', detail: text, ns, answer } };
  }
  const before = viewOf(pkt);
  applyNatRequest(w, ns, pkt, { kind: 'DNAT', toAddr: r.realServer.address, toPort: r.realServer.port });
  pkt.ct.entry = { ...pkt.ct.entry, ipvs: { vaddr: vs.address, vport: vs.port } };
  // The two lines exactly as `ipvsadm -Ln` prints them (ipvsadm's printf widths; no counters yet).
  const rs = `  -> ${`${r.realServer.address}:${r.realServer.port}`.padEnd(28)} ${r.realServer.forward.padEnd(7)} ${String(r.realServer.weight).padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}`;
  record(w, ns, dev, 'ipvs',
    `${vs.address} is on kube-ipvs0, so the packet was for this node; at ${hook}, IPVS finds the virtual server ${vs.address}:${vs.port} (${vs.servicePortName}) and its ${vs.scheduler} scheduler picks the real server ${r.realServer.address}:${r.realServer.port}. ${r.explanation} IPVS rewrites the destination (Masq, i.e. NAT) and sends the packet out again, as if the node had sent it.`,
    pkt, { rule: `${head}\n${rs}`, table: 'ipvsadm', before });
  return 'redirect';
};

/** __nf_conntrack_confirm: a new connection enters the table once it leaves or is delivered. */
export const confirmStage: StageRun = (w, ns, _nf, pkt, io, hook) => {
  ctConfirm(w, ns, hookDevice(hook, io), pkt);
  return undefined;
};
