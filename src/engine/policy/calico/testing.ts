// Test support: the `-m set` test the walk gives the netfilter evaluator, over a node's Calico
// sets, for tests that evaluate Calico's chains directly. Used only by tests.
import { ipsetTest } from '../../netfilter/ipset/match';
import type { Ipset } from '../../netfilter/ipset/types';
import type { NfPacket } from '../../netfilter/eval-types';

export function setsTest(sets: readonly Ipset[]): (name: string, flags: readonly string[], pkt: NfPacket) => boolean {
  const byName = new Map(sets.map((s) => [s.name, s]));
  return (name, flags, pkt) => ipsetTest(byName, name, flags, pkt);
}
