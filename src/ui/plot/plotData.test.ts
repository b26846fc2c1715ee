// Shaping the engine's rule-walk measurements for the plot: series, fixed log scales, end
// labels, the description and the table alternative.
import { describe, expect, it } from 'vitest';
import { ruleWalk, type RuleWalkPoint } from '../../engine';
import type { StudyPlan } from '../../store';
import { describeResult, endLabels, scalesOf, seriesOf, tableRows, type Frame } from './plotData';

const plan: StudyPlan = { sizes: [10, 100, 1000], modes: ['iptables', 'ipvs', 'nftables'] };
const frame: Frame = { width: 400, height: 300, margin: { top: 10, right: 90, bottom: 40, left: 50 } };
const measured: RuleWalkPoint[] = plan.sizes.flatMap((n) => plan.modes.map((m) => ruleWalk(m, n)));

describe('seriesOf', () => {
  it('makes one series per mode, sorted by Services, whatever order the points came in', () => {
    const series = seriesOf([...measured].reverse(), plan.modes);
    expect(series.map((s) => s.label)).toEqual(['iptables', 'IPVS', 'nftables']);
    expect(series[0]!.points.map((p) => p.services)).toEqual([10, 100, 1000]);
  });
});

describe('scalesOf', () => {
  it('spans the plan\'s sizes on a log x axis, before any point arrives', () => {
    const { x } = scalesOf(plan, [], frame);
    expect(x(10)).toBe(50);
    expect(x(1000)).toBe(310);
    expect(x(100)).toBeCloseTo(180);
  });

  it('puts 10 rules at the bottom and three times the largest size at the top', () => {
    const { y } = scalesOf(plan, measured, frame);
    expect(y(10)).toBeCloseTo(260);
    expect(y(3000)).toBeCloseTo(10);
    expect(y(1000)).toBeLessThan(y(100));
  });
});

describe('what the engine measured, as the plot shows it', () => {
  const series = seriesOf(measured, plan.modes);

  it('rises for iptables (a list walked rule by rule) and stays flat for IPVS and nftables (hash lookups)', () => {
    const [ipt, ipvs, nft] = series.map((s) => s.points.map((p) => p.rules));
    expect(ipt![2]! - ipt![0]!).toBe(990);
    expect(new Set(ipvs).size).toBe(1);
    expect(new Set(nft).size).toBe(1);
  });

  it('labels the ends of the lines, one label for lines that end together', () => {
    const labels = endLabels(series, (v) => v);
    expect(labels.map((l) => l.text)).toEqual([`iptables: ${series[0]!.points[2]!.rules.toLocaleString('en-US')}`, `IPVS, nftables: ${series[1]!.points[2]!.rules}`]);
  });

  it('describes the result in words', () => {
    const text = describeResult(series);
    expect(text).toMatch(/^iptables: \d+ rules at 10 Services, 1,0\d\d at 1,000 \(rising\); IPVS: \d+ rules at 10 Services, \d+ at 1,000 \(the same at every size\)/);
    expect(describeResult(seriesOf([], plan.modes))).toBe('Nothing measured yet.');
  });
});

describe('tableRows', () => {
  it('has a row per size and a cell per mode, empty until measured', () => {
    const rows = tableRows(measured.slice(0, 4), plan);
    expect(rows.map((r) => r.services)).toEqual([10, 100, 1000]);
    expect(rows[0]!.rules.every((v) => typeof v === 'number')).toBe(true);
    expect(rows[1]!.rules).toEqual([measured[3]!.rulesEvaluated, null, null]);
  });
});
