// The chart: rules compared (log) against the number of Services (log), one line per
// kube-proxy mode, each with its own marker and dash so overlapping lines stay apart, labels
// at the lines' ends. d3 computes the scales, lines and axes; React draws the rest. The SVG
// carries a title and a description for screen readers; the panel also offers a table.
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3-shape';
import { useEffect, useMemo, useRef } from 'react';
import type { ProxyMode, RuleWalkPoint } from '../../engine';
import type { StudyPlan } from '../../store';
import { describeResult, endLabels, fmt, scalesOf, seriesOf, type Frame } from './plotData';

export const MODE_STYLE: Readonly<Record<ProxyMode, { color: string; dash?: string; marker: string }>> = {
  iptables: { color: '#c2410c', marker: symbol(symbolCircle, 42)() ?? '' },
  ipvs: { color: '#1d4ed8', marker: symbol(symbolSquare, 40)() ?? '' },
  nftables: { color: '#0f766e', dash: '6 4', marker: symbol(symbolTriangle, 44)() ?? '' },
  none: { color: '#64748b', marker: symbol(symbolCircle, 30)() ?? '' },
};

const FRAME: Frame = { width: 372, height: 262, margin: { top: 12, right: 104, bottom: 42, left: 62 } };

export function RulesChart({ plan, points }: { plan: StudyPlan; points: readonly RuleWalkPoint[] }) {
  const { x, y } = useMemo(() => scalesOf(plan, points, FRAME), [plan, points]);
  const series = useMemo(() => seriesOf(points, plan.modes), [points, plan]);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).tickValues([...plan.sizes]).tickFormat((v) => fmt(Number(v))));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(4, '~s').tickFormat((v) => (Math.log10(Number(v)) % 1 === 0 ? fmt(Number(v)) : '')));
  }, [x, y, plan]);
  const path = line<{ services: number; rules: number }>().x((d) => x(d.services)).y((d) => y(d.rules));
  const { width, height, margin } = FRAME;
  return (
    <svg className="pp-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="pp-plot-svg-title" aria-describedby="pp-plot-svg-desc">
      <title id="pp-plot-svg-title">Rules a packet to one Service is compared with, by number of Services, per kube-proxy mode</title>
      <desc id="pp-plot-svg-desc">{describeResult(series)}</desc>
      <g ref={xAxis} className="pp-axis" transform={`translate(0,${height - margin.bottom})`} aria-hidden="true" />
      <g ref={yAxis} className="pp-axis" transform={`translate(${margin.left},0)`} aria-hidden="true" />
      <text className="pp-axis-title" x={(margin.left + width - margin.right) / 2} y={height - 6} textAnchor="middle" aria-hidden="true">Services in the cluster (log scale)</text>
      <text className="pp-axis-title" transform={`translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`} textAnchor="middle" aria-hidden="true">
        rules compared (log scale)
      </text>
      <g aria-hidden="true">
        {series.map((s) => {
          const st = MODE_STYLE[s.mode];
          return (
            <g key={s.mode} className={`pp-series pp-series-${s.mode}`}>
              <path d={path(s.points) ?? ''} fill="none" stroke={st.color} strokeWidth={2.2} strokeDasharray={st.dash} />
              {s.points.map((p) => (
                <path key={p.services} d={st.marker} transform={`translate(${x(p.services)},${y(p.rules)})`} fill={st.color} stroke="#fff" strokeWidth={0.8} />
              ))}
            </g>
          );
        })}
        {endLabels(series, y).map((l) => (
          <text key={l.text} className="pp-end-label" x={width - margin.right + 8} y={l.y} dominantBaseline="middle">{l.text}</text>
        ))}
      </g>
    </svg>
  );
}
