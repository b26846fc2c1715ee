// What a share link carries: a moment of a lesson. The scenario (its text, comments and all),
// the seed, what was run (a send, or a shell command: the shape of a trace's `run`), the hop
// that was selected, and the open panel. Named by position in the conversation (exchange,
// leg, hop) with the hop's place and kind as a hint, so a link still finds its hop when an
// engine change adds or removes a hop earlier in the leg.
import type { TraceRun } from '../engine';

/** The link format's version: the "v1" of "#v1.<payload>". */
export const LINK_VERSION = 1;

export interface LinkAt {
  /** The exchange's id (its index in the trace). */
  readonly exchange: number;
  /** The leg's index inside its exchange. */
  readonly leg: number;
  /** The hop's index inside its leg. */
  readonly hop: number;
  /** The graph element the hop happened at, and what happened there: a hint to find it again. */
  readonly where?: string;
  readonly kind?: string;
}

export const LINK_PANELS = ['trace', 'tables', 'routing', 'rules', 'scenario', 'edit', 'policies', 'reach'] as const;
export type LinkPanel = (typeof LINK_PANELS)[number];

export interface LinkState {
  readonly scenario: string;
  /** The seed every random choice draws from; the scenario's own when absent. */
  readonly seed?: number;
  readonly run?: TraceRun;
  readonly at?: LinkAt;
  readonly panel?: LinkPanel;
}

/** A link read back: what it holds, and what had to be repaired or left out to open it. */
export type Decoded =
  | { readonly ok: true; readonly state: LinkState; readonly repairs: readonly string[]; readonly version: number }
  | { readonly ok: false; readonly error: string };
