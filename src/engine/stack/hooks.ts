// Where the walk meets netfilter: the five hooks of the IPv4 stack. The foundation
// compiles empty tables (built-in chains, policy ACCEPT), so every hook accepts without a
// hop; rule sets and conntrack plug in here.
import type { Netns } from '../cluster/types';
import type { NfHook } from '../netfilter/eval-types';
import type { Pkt } from './packet';
import type { Outcome, Walk } from './walk';

export interface HookIo {
  readonly inDev?: string;
  readonly outDev?: string;
}

export type HookResult = { readonly pass: true } | { readonly pass: false; readonly outcome: Outcome };

const PASS: HookResult = { pass: true };

export function nfHook(_w: Walk, _ns: Netns, _hook: NfHook, _pkt: Pkt, _io: HookIo): HookResult {
  return PASS;
}
