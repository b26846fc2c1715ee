// Builds an NftTable the way a knftables transaction does: `add` of an existing object is a
// no-op (knftables Fake ignores it), chains and sets keep their creation order, rules are
// appended, and adding an element with an existing key replaces it. The writer uses this
// so its code reads like kube-proxy's tx.Add(...) calls.
import type {
  NftBaseChainSpec,
  NftChain,
  NftExpr,
  NftMap,
  NftMapElement,
  NftRule,
  NftSet,
  NftSetElement,
  NftStmt,
  NftTable,
  NftVerdict,
} from '../netfilter/nft/types';
import { elementKey } from '../netfilter/nft/types';

interface MutableChain {
  readonly name: string;
  base?: NftBaseChainSpec;
  comment?: string;
  readonly rules: NftRule[];
}

interface MutableSet extends Omit<NftSet, 'elements'> {
  readonly elements: Map<string, NftSetElement>;
}

interface MutableMap extends Omit<NftMap, 'elements'> {
  readonly elements: Map<string, NftMapElement>;
}

export interface NftSetSpec {
  readonly name: string;
  readonly type: string;
  readonly flags?: readonly ('dynamic' | 'timeout')[];
  readonly timeoutSeconds?: number;
  readonly comment?: string;
}

export interface NftMapSpec {
  readonly name: string;
  readonly type: string;
  readonly comment?: string;
}

export class NftTableBuilder {
  private readonly chains = new Map<string, MutableChain>();
  private readonly baseChains: string[] = [];
  private readonly sets = new Map<string, MutableSet | MutableMap>();

  constructor(
    private readonly name: string,
    private readonly comment?: string,
  ) {}

  /** `add chain` (a second add of the same chain changes nothing). */
  chain(name: string, opts: { readonly base?: NftBaseChainSpec; readonly comment?: string } = {}): void {
    if (this.chains.has(name)) return;
    const chain: MutableChain = { name, rules: [] };
    if (opts.base !== undefined) {
      chain.base = opts.base;
      this.baseChains.push(name);
    }
    if (opts.comment !== undefined) chain.comment = opts.comment;
    this.chains.set(name, chain);
  }

  hasChain(name: string): boolean {
    return this.chains.has(name);
  }

  /** `add rule`: the chain must exist. */
  rule(chain: string, exprs: readonly NftExpr[], stmt: NftStmt, comment?: string): void {
    const c = this.chains.get(chain);
    if (c === undefined) throw new Error(`nftables: rule for unknown chain ${chain}`);
    c.rules.push(comment === undefined ? { exprs, stmt } : { exprs, stmt, comment });
  }

  set(spec: NftSetSpec): void {
    if (this.sets.has(spec.name)) return;
    this.sets.set(spec.name, { kind: 'set', flags: [], ...spec, elements: new Map() });
  }

  map(spec: NftMapSpec): void {
    if (this.sets.has(spec.name)) return;
    this.sets.set(spec.name, { kind: 'map', ...spec, elements: new Map() });
  }

  /** `add element` to a set. */
  setElement(set: string, key: readonly string[], comment?: string): void {
    const s = this.sets.get(set);
    if (s === undefined || s.kind !== 'set') throw new Error(`nftables: element for unknown set ${set}`);
    s.elements.set(elementKey(key), comment === undefined ? { key } : { key, comment });
  }

  /** `add element` to a verdict map. */
  mapElement(map: string, key: readonly string[], value: NftVerdict, comment?: string): void {
    const m = this.sets.get(map);
    if (m === undefined || m.kind !== 'map') throw new Error(`nftables: element for unknown map ${map}`);
    m.elements.set(elementKey(key), comment === undefined ? { key, value } : { key, value, comment });
  }

  build(): NftTable {
    const chains: ReadonlyMap<string, NftChain> = this.chains;
    const sets: ReadonlyMap<string, NftSet | NftMap> = this.sets;
    const baseChains = this.baseChains;
    return this.comment === undefined
      ? { family: 'ip', name: this.name, chains, baseChains, sets }
      : { family: 'ip', name: this.name, comment: this.comment, chains, baseChains, sets };
  }
}
