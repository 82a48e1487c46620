import { memo } from 'react';
import { dayNumber, type DatedValue } from '../../../../../shared/picture';

/**
 * An indicator's measurements over time as a small line, with the planned straight path from
 * baseline to target dashed behind it. Plain SVG: a dashboard may hold hundreds of these, and a
 * chart library per row would cost more than the whole rest of the page. Decorative: the row
 * beside it says the values in words and its table lists them.
 */
export const Sparkline = memo(function Sparkline({ measurements, baseline, target, width = 140, height = 36 }: { measurements: readonly DatedValue[]; baseline?: DatedValue; target?: DatedValue; width?: number; height?: number }) {
  const points = measurements.map((m) => ({ x: dayNumber(m.date), y: m.value })).sort((a, b) => a.x - b.x);
  const plan = baseline && target ? [{ x: dayNumber(baseline.date), y: baseline.value }, { x: dayNumber(target.date), y: target.value }] : [];
  const all = [...points, ...plan];
  if (all.length === 0) return <svg className="sparkline" width={width} height={height} aria-hidden="true" />;
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = 3;
  const sx = (x: number) => (x1 === x0 ? width / 2 : pad + ((x - x0) / (x1 - x0)) * (width - 2 * pad));
  const sy = (y: number) => (y1 === y0 ? height / 2 : height - pad - ((y - y0) / (y1 - y0)) * (height - 2 * pad));
  const line = (ps: { x: number; y: number }[]) => ps.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {plan.length === 2 && <polyline points={line(plan)} className="spark-plan" />}
      {points.length > 1 && <polyline points={line(points)} className="spark-line" />}
      {last && <circle cx={sx(last.x)} cy={sy(last.y)} r={2.8} className="spark-dot" />}
    </svg>
  );
});
