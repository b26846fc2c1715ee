// Where the walk meets netfilter: a packet at one of the five hooks of the IPv4 stack runs
// through the stages registered there, in priority order (see hook-stages.ts), until one
// stops it. A packet that arrives from another namespace leaves its conntrack reference
// and mark behind (skb_scrub_packet). Namespaces without netfilter state (pods, outside
// hosts) pass every hook without a trace.
import type { Netns } from '../cluster/types';
import type { NetfilterState } from '../cluster/netfilter-state';
import type { NfHook } from '../netfilter/eval-types';
import { buildStages, type HookStage } from './hook-stages';
import type { HookIo } from './hook-run';
import type { Pkt } from './packet';
import type { Outcome, Walk } from './walk';

export type { HookIo } from './hook-run';

export type HookResult =
  | { readonly pass: true; readonly redirect?: boolean }
  | { readonly pass: false; readonly outcome: Outcome };

const PASS: HookResult = { pass: true };

const stagesCache = new WeakMap<NetfilterState, ReadonlyMap<NfHook, readonly HookStage[]>>();

/** The stages registered on each hook of a namespace, in the order the kernel calls them. */
export function hookStages(nf: NetfilterState): ReadonlyMap<NfHook, readonly HookStage[]> {
  let s = stagesCache.get(nf);
  if (!s) {
    s = buildStages(nf, nf.stages);
    stagesCache.set(nf, s);
  }
  return s;
}

export function nfHook(w: Walk, ns: Netns, hook: NfHook, pkt: Pkt, io: HookIo): HookResult {
  const nf = w.cluster.netfilter(ns.id);
  if (!nf) return PASS;
  if (pkt.nfns !== ns.id) {
    pkt.ct = undefined;
    pkt.mark = 0;
    pkt.nfns = ns.id;
  }
  let redirected = false;
  for (const stage of hookStages(nf).get(hook) ?? []) {
    const r = stage.run(w, ns, nf, pkt, io, hook);
    if (r === undefined) continue;
    if (r !== 'redirect') return { pass: false, outcome: r.stop };
    // At INPUT, IPVS takes the packet (NF_STOLEN) and sends it out again; at OUTPUT it rewrote
    // a packet still on its way out, and the hook's later stages (filter OUTPUT) see it.
    if (hook !== 'OUTPUT') return { pass: true, redirect: true };
    redirected = true;
  }
  return redirected ? { pass: true, redirect: true } : PASS;
}
