// The API server's node port allocator (pkg/registry/core/service/portallocator) over the
// range kube-apiserver was started with (--service-node-port-range). The lower band of the
// range is kept for ports users ask for (KEP-3668, calculateRangeOffset); allocation takes
// the upper band first and the lower band when the upper one is full. Allocation is
// hash-seeded per Service port, so adding one Service never moves another's port.
import { fnv32a } from '../lib/hash';
import { portRangeContains, portRangeText, type PortRange } from '../model/port-range';

/** calculateRangeOffset: min(max(16, size/32), 128), and 0 for ranges of 16 ports or fewer. */
export function staticBandSize(range: PortRange): number {
  if (range.size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(range.size / 32)), 128);
}

export class NodePortAllocator {
  /** "port/protocol" of every port taken so far. */
  private readonly used = new Set<string>();

  constructor(readonly range: PortRange) {}

  /** A port the user asked for: undefined once it is theirs, else the API server's reason. */
  reserve(port: number, protocol: string): string | undefined {
    if (!portRangeContains(this.range, port)) return `provided port is not in the valid range. The range of valid ports is ${portRangeText(this.range)}`;
    const key = `${port}/${protocol}`;
    if (this.used.has(key)) return `provided port is already allocated: ${port}`;
    this.used.add(key);
    return undefined;
  }

  /** AllocateNext: a free port of the range, or undefined when the range is full. */
  allocate(seed: string, protocol: string): number | undefined {
    const offset = staticBandSize(this.range);
    const dynamic = this.range.size - offset;
    const free = (port: number) => !this.used.has(`${port}/${protocol}`);
    const probe = (start: number, size: number, base: number): number | undefined => {
      for (let i = 0; i < size; i++) {
        const port = base + ((start + i) % size);
        if (free(port)) return port;
      }
      return undefined;
    };
    const port = probe(fnv32a(seed) % dynamic, dynamic, this.range.base + offset) ?? probe(0, offset, this.range.base);
    if (port !== undefined) this.used.add(`${port}/${protocol}`);
    return port;
  }
}
