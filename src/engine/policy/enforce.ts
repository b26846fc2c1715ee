// What a plugin's own NetworkPolicy decision says at the hop where the plugin made it. The
// plugin decides (Calico's chains, Cilium's map lookup, kube-network-policies' verdict); these
// words, from the one catalogue (reasons.ts), say why: the policies that select the pod and
// why none allows the connection, or the policy and rule that allowed it.
import type { Walk } from '../stack/walk';
import type { Pkt } from '../stack/packet';
import type { DropCode } from '../trace/drops';
import { decideDirection, passes, type Direction } from './evaluate';
import { connectionOf, opensConnection } from './observe';
import { deniedText, directionText } from './reasons';
import { policyWorld } from './world';

export interface PolicyWords {
  readonly code: Extract<DropCode, 'policy-ingress' | 'policy-egress'>;
  readonly text: string;
}

export const policyDropCode = (dir: Direction): PolicyWords['code'] => (dir === 'ingress' ? 'policy-ingress' : 'policy-egress');

/** Why the packet was denied in `dir`, as a sentence; undefined if the API reading would allow it. */
export function deniedWords(w: Walk, pkt: Pkt, dir: Direction): PolicyWords | undefined {
  if (!opensConnection(w, pkt)) return undefined;
  const c = connectionOf(w, pkt);
  const d = decideDirection(policyWorld(w.cluster), c, dir);
  return passes(d) ? undefined : { code: policyDropCode(dir), text: `NetworkPolicy denies this: ${deniedText(d, c)}.` };
}

/** What allowed the packet in each of `dirs`, as one sentence. */
export function allowedWords(w: Walk, pkt: Pkt, dirs: readonly Direction[]): string | undefined {
  if (!opensConnection(w, pkt) || dirs.length === 0) return undefined;
  const c = connectionOf(w, pkt);
  const world = policyWorld(w.cluster);
  return `NetworkPolicy allows this: ${dirs.map((d) => directionText(decideDirection(world, c, d), c)).join('; ')}.`;
}

/** Calico: a DROP at the end of a workload's cali-tw- (ingress) or cali-fw- (egress) chain is its policy's. */
function calicoDirection(chain: string): Direction | undefined {
  return chain.startsWith('cali-tw-') ? 'ingress' : chain.startsWith('cali-fw-') ? 'egress' : undefined;
}

interface Step { readonly chain: string }

/** A netfilter DROP that is a plugin's NetworkPolicy, in the catalogue's words. */
export function netfilterPolicyDrop(w: Walk, pkt: Pkt, steps: readonly Step[]): PolicyWords | undefined {
  const last = steps.at(-1);
  const dir = last && w.cluster.cni.policy.enforces ? calicoDirection(last.chain) : undefined;
  return dir ? deniedWords(w, pkt, dir) : undefined;
}

/** A netfilter ACCEPT that went through a plugin's policy chains: what allowed it. */
export function netfilterPolicyAccept(w: Walk, pkt: Pkt, steps: readonly Step[]): string | undefined {
  if (!w.cluster.cni.policy.enforces) return undefined;
  const dirs: Direction[] = [];
  if (steps.some((s) => s.chain.startsWith('cali-po-'))) dirs.push('egress');
  if (steps.some((s) => s.chain.startsWith('cali-pi-'))) dirs.push('ingress');
  return allowedWords(w, pkt, dirs);
}
