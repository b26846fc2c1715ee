// A small kube-scheduler: pinned pods go to spec.nodeName; the others go to the feasible
// node (taints tolerated, nodeSelector matched) that runs the fewest pods, the lowest node
// index on a tie. That spreads replicas as the default PodTopologySpread does. A binary heap
// keeps the common case (no selector, no special toleration) at O(log nodes) per pod.
import type { PodSpec } from '../model/types';
import { selectorMatches, toleratesControlPlane } from '../model/tolerations';

export interface SchedNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly tainted: boolean;
}

export type Placement = { readonly node: number } | { readonly pending: string };

function fits(pod: PodSpec, n: SchedNode): boolean {
  if (n.tainted && !toleratesControlPlane(pod.tolerations)) return false;
  return selectorMatches(pod.nodeSelector, n.labels);
}

/** Min-heap of [count, index] with lazy deletion of stale entries. */
class LoadHeap {
  private readonly heap: [number, number][] = [];
  constructor(private readonly counts: Int32Array) {}
  push(index: number) {
    const h = this.heap;
    h.push([this.counts[index]!, index]);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  popMin(): number | undefined {
    const h = this.heap;
    while (h.length > 0) {
      const top = h[0]!;
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < h.length && less(h[l]!, h[m]!)) m = l;
          if (r < h.length && less(h[r]!, h[m]!)) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m]!, h[i]!];
          i = m;
        }
      }
      if (top[0] === this.counts[top[1]]) return top[1];
    }
    return undefined;
  }
}

function less(a: [number, number], b: [number, number]) {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

export function schedule(pods: readonly PodSpec[], nodes: readonly SchedNode[]): Placement[] {
  const counts = new Int32Array(nodes.length);
  const byName = new Map(nodes.map((n, i) => [n.name, i]));
  const plain = new LoadHeap(counts);
  const plainFeasible = nodes.map((n) => !n.tainted);
  nodes.forEach((n, i) => { if (!n.tainted) plain.push(i); });
  const bump = (i: number) => {
    counts[i]! += 1;
    if (plainFeasible[i]) plain.push(i);
  };
  return pods.map((pod): Placement => {
    if (pod.nodeName !== undefined) {
      const i = byName.get(pod.nodeName);
      if (i === undefined) return { pending: `node ${pod.nodeName} does not exist` };
      bump(i);
      return { node: i };
    }
    if (Object.keys(pod.nodeSelector).length === 0 && !toleratesControlPlane(pod.tolerations)) {
      const i = plain.popMin();
      if (i === undefined) return { pending: 'no node without a NoSchedule taint' };
      bump(i);
      return { node: i };
    }
    let best = -1;
    for (let i = 0; i < nodes.length; i++) {
      if (fits(pod, nodes[i]!) && (best < 0 || counts[i]! < counts[best]!)) best = i;
    }
    if (best < 0) return { pending: `0/${nodes.length} nodes are available: none matches the pod's nodeSelector and taints` };
    bump(best);
    return { node: best };
  });
}
