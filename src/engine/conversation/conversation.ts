// A conversation: everything one send or one shell command makes happen on the network, in
// time order. It owns the working state every exchange shares (ARP caches, bridge tables,
// conntrack: the second DNS query meets the conntrack entry the first one made), the
// seeded generators, the simulated clock, and the exchanges recorded so far.
import type { Cluster } from '../cluster/types';
import { createRng, type Rng } from '../lib/rng';
import { DROPS } from '../trace/drops';
import { TRACE_VERSION, type Exchange, type ExchangeKind, type ExchangeTuple, type Trace, type TraceLeg, type TraceRun, type Verdict } from '../trace/types';
import { EMPTY_STATE, WorkingState, type DynState } from '../stack/state';
import type { DropCode } from '../trace/drops';

/** An exchange while it is being walked; legs are added as packets go. */
export interface ExchangeDraft {
  readonly id: number;
  readonly kind: ExchangeKind;
  title: string;
  readonly from: string;
  readonly container?: string;
  readonly to: string;
  tuple: ExchangeTuple;
  readonly parent?: number;
  readonly legs: TraceLeg[];
  verdict: Verdict;
  code?: DropCode;
  result?: string;
}

/** What an exchange is, given when it opens. */
export type ExchangeSpec = Pick<Exchange, 'kind' | 'title' | 'from' | 'container' | 'to' | 'tuple' | 'parent'>;

export class Conversation {
  readonly st: WorkingState;
  readonly rng: Rng;
  /** Timing jitter only: drawing from it never changes a choice the network makes. */
  readonly jitter: Rng;
  private readonly drafts: ExchangeDraft[] = [];
  private legs = 0;
  /** Simulated milliseconds since the conversation began. */
  now = 0;

  /** terse: the legs keep only the hop that stopped a packet, none of those it passed (see SimOptions). */
  constructor(readonly cluster: Cluster, readonly seed: number, state: DynState = EMPTY_STATE, readonly terse = false) {
    // Later conversations of a session (state passed on) draw differently, reproducibly.
    this.rng = createRng((seed ^ Math.imul(state.clock, 0x9e3779b1)) | 0);
    this.jitter = createRng((seed ^ 0x5bd1e995) | 0);
    this.st = new WorkingState(state);
  }

  open(spec: ExchangeSpec): ExchangeDraft {
    const d: ExchangeDraft = { id: this.drafts.length, legs: [], verdict: 'delivered', ...spec };
    this.drafts.push(d);
    return d;
  }

  /** The next leg's place in time order. */
  nextLegSeq(): number {
    return this.legs++;
  }

  /** Lets simulated time pass (an application thinking, a client waiting). */
  wait(ms: number): void {
    this.now += ms;
  }

  get exchanges(): readonly ExchangeDraft[] {
    return this.drafts;
  }

  trace(run: TraceRun): Trace {
    const exchanges: Exchange[] = this.drafts.map((d) => ({
      id: d.id, kind: d.kind, title: d.title, from: d.from, ...(d.container !== undefined ? { container: d.container } : {}),
      to: d.to, tuple: d.tuple, verdict: d.verdict,
      ...(d.code ? { code: d.code, reason: DROPS[d.code].title } : {}),
      legs: d.legs, ...(d.parent !== undefined ? { parent: d.parent } : {}), ...(d.result !== undefined ? { result: d.result } : {}),
    }));
    const own = exchanges.filter((e) => e.parent === undefined);
    const last = own[own.length - 1];
    return {
      version: TRACE_VERSION, run, seed: this.seed, exchanges,
      verdict: last?.verdict ?? 'delivered',
      ...(last?.code ? { code: last.code, reason: last.reason } : {}),
    };
  }

  snapshot(): DynState {
    return this.st.snapshot();
  }
}

/** Marks an exchange as ended short of its goal, unless an earlier leg already did. */
export function fail(ex: ExchangeDraft, verdict: Exclude<Verdict, 'delivered'>, code: DropCode): void {
  if (ex.verdict !== 'delivered') return;
  ex.verdict = verdict;
  ex.code = code;
}
