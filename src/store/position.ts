// A hop named by where it sits in the conversation (exchange, leg, hop) rather than by its
// index in the flat step list, so a saved or shared moment still finds it when an engine
// change adds or removes a hop elsewhere: the same leg's hop at the same place and of the
// same kind wins over the bare index; a hop index past the leg's end takes its last hop.
import type { Step } from './steps';

export interface HopRef {
  readonly exchange: number;
  readonly leg: number;
  readonly hop: number;
  /** The graph element of the hop, and its kind: a hint to find it again. */
  readonly where?: string;
  readonly kind?: string;
}

export function hopRefOf(step: Step): HopRef {
  return { exchange: step.exchange, leg: step.legIndex, hop: step.index, where: step.hop.at, kind: step.hop.kind };
}

/** The index in `steps` of the step `ref` names (0 when the trace has no such exchange). */
export function stepIndexOf(steps: readonly Step[], ref: HopRef): number {
  const inLeg = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.exchange === ref.exchange && s.legIndex === ref.leg);
  if (inLeg.length === 0) {
    const first = steps.findIndex((s) => s.exchange === ref.exchange);
    return first < 0 ? 0 : first;
  }
  const same = (s: Step) => (ref.where === undefined || s.hop.at === ref.where) && (ref.kind === undefined || s.hop.kind === ref.kind);
  const exact = inLeg.find(({ s }) => s.index === ref.hop);
  if (exact && same(exact.s)) return exact.i;
  // The nearest hop of the same place and kind, else the hop of that index, else the leg's last.
  const hinted = ref.where !== undefined || ref.kind !== undefined
    ? inLeg.filter(({ s }) => same(s)).sort((a, b) => Math.abs(a.s.index - ref.hop) - Math.abs(b.s.index - ref.hop))[0]
    : undefined;
  return (hinted ?? exact ?? inLeg.at(-1)!).i;
}
