// The rules-vs-Services plot's data: one series per kube-proxy mode from the engine's
// measurements, log scales fixed by the plan (so the axes hold still while points arrive),
// labels at the lines' ends, a sentence describing the result, and the rows of the table
// alternative. Pure.
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import type { ProxyMode, RuleWalkPoint } from '../../engine';
import type { StudyPlan } from '../../store';

export const MODE_LABEL: Readonly<Record<ProxyMode, string>> = { iptables: 'iptables', ipvs: 'IPVS', nftables: 'nftables', none: 'no kube-proxy' };

export interface PlotPoint {
  readonly services: number;
  readonly rules: number;
}

export interface Series {
  readonly mode: ProxyMode;
  readonly label: string;
  /** By number of Services, smallest first. */
  readonly points: readonly PlotPoint[];
}

export const fmt = (n: number): string => n.toLocaleString('en-US');

export function seriesOf(points: readonly RuleWalkPoint[], modes: readonly ProxyMode[]): Series[] {
  return modes.map((mode) => ({
    mode, label: MODE_LABEL[mode],
    points: points.filter((p) => p.mode === mode).map((p) => ({ services: p.services, rules: p.rulesEvaluated })).sort((a, b) => a.services - b.services),
  }));
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface Scales {
  readonly x: ScaleLogarithmic<number, number>;
  readonly y: ScaleLogarithmic<number, number>;
}

/** x: the plan's sizes; y: from 10 rules to three times the largest size (or what was measured, if more). */
export function scalesOf(plan: StudyPlan, points: readonly RuleWalkPoint[], f: Frame): Scales {
  const sizes = plan.sizes;
  const most = Math.max(3 * Math.max(...sizes), ...points.map((p) => p.rulesEvaluated));
  const least = Math.min(10, ...points.map((p) => p.rulesEvaluated));
  return {
    x: scaleLog().domain([Math.min(...sizes), Math.max(...sizes)]).range([f.margin.left, f.width - f.margin.right]),
    y: scaleLog().domain([least, most]).range([f.height - f.margin.bottom, f.margin.top]),
  };
}

export interface EndLabel {
  readonly text: string;
  readonly y: number;
}

/** One label at the end of each line; lines ending at the same count share one ("IPVS, nftables 17"). */
export function endLabels(series: readonly Series[], y: (v: number) => number): EndLabel[] {
  const byValue = new Map<number, string[]>();
  for (const s of series) {
    const last = s.points[s.points.length - 1];
    if (last) byValue.set(last.rules, [...(byValue.get(last.rules) ?? []), s.label]);
  }
  return [...byValue].map(([rules, labels]) => ({ text: `${labels.join(', ')}: ${fmt(rules)}`, y: y(rules) }));
}

/** The result in one or two sentences, for the chart's description. */
export function describeResult(series: readonly Series[]): string {
  const parts = series.filter((s) => s.points.length > 0).map((s) => {
    const first = s.points[0]!;
    const last = s.points[s.points.length - 1]!;
    if (first === last) return `${s.label}: ${fmt(first.rules)} rules at ${fmt(first.services)} Services`;
    const trend = last.rules === first.rules ? 'the same at every size' : last.rules > first.rules ? 'rising' : 'falling';
    return `${s.label}: ${fmt(first.rules)} rules at ${fmt(first.services)} Services, ${fmt(last.rules)} at ${fmt(last.services)} (${trend})`;
  });
  return parts.length ? `${parts.join('; ')}.` : 'Nothing measured yet.';
}

export interface TableRow {
  readonly services: number;
  /** Rules compared, per mode in the plan's order; null until measured. */
  readonly rules: readonly (number | null)[];
}

export function tableRows(points: readonly RuleWalkPoint[], plan: StudyPlan): TableRow[] {
  return plan.sizes.map((services) => ({
    services,
    rules: plan.modes.map((m) => points.find((p) => p.services === services && p.mode === m)?.rulesEvaluated ?? null),
  }));
}
