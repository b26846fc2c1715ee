// How the proxies pick among endpoints:
// - ingress-nginx's default, round_robin (rootfs/etc/nginx/lua/balancer/round_robin.lua over
//   lua-resty-balancer's resty.roundrobin): a new balancer starts at a random endpoint
//   (get_random_node_id) and each pick takes the next one. The position lives for the
//   session (one nginx worker is modelled), and restarts when the endpoints change.
// - Envoy's default in Envoy Gateway, LEAST_REQUEST with two choices: two endpoints drawn at
//   random, the one with fewer active requests taken, the first on a tie. Requests here
//   finish before the next one starts, so every endpoint has none and the first draw wins.
// - Gateway API backendRef weights: a weighted random choice, as Envoy's weighted clusters.
import type { Conversation } from '../conversation/conversation';

/** The next index of a round-robin balancer, kept per proxy and upstream for the session. */
export function roundRobin(conv: Conversation, key: string, count: number): number {
  if (count <= 1) return 0;
  const k = `${key}|${count}`;
  const at = conv.st.balancer(k);
  const start = at ?? conv.rng.int(0, count - 1);
  const next = (start + 1) % count;
  conv.st.setBalancer(k, next);
  return next;
}

/** Envoy's least-request pick with two choices; with no request in flight, the first draw. */
export function leastRequest(conv: Conversation, count: number): { readonly index: number; readonly draws: readonly [number, number] } {
  if (count <= 1) return { index: 0, draws: [0, 0] };
  const a = conv.rng.int(0, count - 1);
  const b = conv.rng.int(0, count - 1);
  return { index: a, draws: [a, b] };
}

/** A weighted random choice; weight 0 is never chosen. Undefined when every weight is 0. */
export function weighted(conv: Conversation, weights: readonly number[]): number | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return undefined;
  let r = conv.rng.int(0, total - 1);
  for (let i = 0; i < weights.length; i++) {
    if (r < weights[i]!) return i;
    r -= weights[i]!;
  }
  return undefined;
}
