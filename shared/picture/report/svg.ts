/**
 * Static inline SVG charts for the report: no scripts, no fonts, no external references, so the
 * file reads the same offline, printed or forwarded. Every chart carries role="img", an aria-label
 * and a <title>; the numbers also stand in a table beside it.
 */
import type { DivergingSegment } from '../survey';

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const r1 = (x: number) => (Math.round(x * 10) / 10).toString();

function open(width: number, height: number, label: string, cls: string): string {
  return `<svg class="${cls}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(label)}</title>`;
}

/** Maps a domain [lo, hi] onto a pixel range, with a flat domain drawn in the middle. */
function scale(lo: number, hi: number, from: number, to: number): (v: number) => number {
  if (!(hi > lo)) return () => (from + to) / 2;
  return (v) => from + ((v - lo) / (hi - lo)) * (to - from);
}

export interface SparkPoint {
  /** Day number (or any increasing x). */
  x: number;
  y: number;
}

/** A small line of measurements; the planned path from baseline to target dashed under it. */
export function sparkline(points: readonly SparkPoint[], path: { from: SparkPoint; to: SparkPoint } | undefined, label: string): string {
  const w = 140;
  const h = 32;
  if (points.length === 0) return '';
  const xs = [...points.map((p) => p.x), ...(path ? [path.from.x, path.to.x] : [])];
  const ys = [...points.map((p) => p.y), ...(path ? [path.from.y, path.to.y] : [])];
  const sx = scale(Math.min(...xs), Math.max(...xs), 3, w - 3);
  const sy = scale(Math.min(...ys), Math.max(...ys), h - 3, 3);
  let out = open(w, h, label, 'spark');
  if (path) out += `<line x1="${r1(sx(path.from.x))}" y1="${r1(sy(path.from.y))}" x2="${r1(sx(path.to.x))}" y2="${r1(sy(path.to.y))}" class="path"/>`;
  const sorted = [...points].sort((a, b) => a.x - b.x);
  if (sorted.length > 1) out += `<polyline class="line" points="${sorted.map((p) => `${r1(sx(p.x))},${r1(sy(p.y))}`).join(' ')}"/>`;
  const last = sorted[sorted.length - 1];
  out += `<circle class="dot" cx="${r1(sx(last.x))}" cy="${r1(sy(last.y))}" r="2.5"/>`;
  return `${out}</svg>`;
}

/** Horizontal bars of planned and actual per group, with the formatted figures at their ends. */
export function plannedActualBars(rows: ReadonlyArray<{ label: string; planned: number; actual: number }>, fmt: (v: number) => string, label: string): string {
  const labelW = 180;
  const barW = 340;
  const valueW = 120;
  const rowH = 30;
  const w = labelW + barW + valueW;
  const h = rows.length * rowH + 4;
  const max = Math.max(0, ...rows.flatMap((r) => [r.planned, r.actual]));
  const min = Math.min(0, ...rows.flatMap((r) => [r.planned, r.actual]));
  const sx = scale(min, max, labelW, labelW + barW);
  let out = open(w, h, label, 'bars');
  rows.forEach((r, i) => {
    const y = i * rowH + 2;
    const text = r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label;
    out += `<text x="${labelW - 6}" y="${y + 17}" text-anchor="end" class="lbl">${esc(text)}</text>`;
    const bar = (v: number, dy: number, cls: string) => {
      const a = sx(Math.min(0, v));
      const b = sx(Math.max(0, v));
      return `<rect class="${cls}" x="${r1(a)}" y="${y + dy}" width="${r1(Math.max(0.5, b - a))}" height="11"/>`;
    };
    out += bar(r.planned, 2, 'planned') + bar(r.actual, 14, 'actual');
    out += `<text x="${labelW + barW + 6}" y="${y + 11}" class="val">${esc(fmt(r.planned))}</text><text x="${labelW + barW + 6}" y="${y + 24}" class="val act">${esc(fmt(r.actual))}</text>`;
  });
  return `${out}</svg>`;
}

/** Columns of a yearly value around zero (the cumulative discounted net), the payback year marked. */
export function yearColumns(rows: ReadonlyArray<{ year: number; value: number }>, markYear: number | null, markLabel: string, fmt: (v: number) => string, label: string): string {
  const w = 640;
  const h = 240;
  const left = 90;
  const top = 24;
  const bottom = h - 28;
  const max = Math.max(0, ...rows.map((r) => r.value));
  const min = Math.min(0, ...rows.map((r) => r.value));
  const sy = scale(min, max, bottom, top);
  const step = (w - left - 10) / Math.max(1, rows.length);
  let out = open(w, h, label, 'cols');
  out += `<text x="${left - 6}" y="${r1(sy(max)) }" text-anchor="end" class="tick">${esc(fmt(max))}</text>`;
  out += `<text x="${left - 6}" y="${r1(sy(min))}" text-anchor="end" class="tick">${esc(fmt(min))}</text>`;
  rows.forEach((r, i) => {
    const x = left + i * step + step * 0.15;
    const y0 = sy(0);
    const y1 = sy(r.value);
    out += `<rect class="${r.value >= 0 ? 'pos' : 'neg'}" x="${r1(x)}" y="${r1(Math.min(y0, y1))}" width="${r1(step * 0.7)}" height="${r1(Math.max(0.5, Math.abs(y1 - y0)))}"/>`;
    if (rows.length <= 20 || i % Math.ceil(rows.length / 20) === 0) out += `<text x="${r1(x + step * 0.35)}" y="${h - 10}" text-anchor="middle" class="tick">${r.year}</text>`;
    if (r.year === markYear) {
      out += `<line class="mark" x1="${r1(x + step * 0.35)}" x2="${r1(x + step * 0.35)}" y1="${top - 10}" y2="${bottom}"/><text x="${r1(x + step * 0.35 + 4)}" y="${top - 12}" class="marklbl">${esc(markLabel)}</text>`;
    }
  });
  out += `<line class="zero" x1="${left}" x2="${w - 10}" y1="${r1(sy(0))}" y2="${r1(sy(0))}"/>`;
  return `${out}</svg>`;
}

/** A line of NPV over N with the zero line and the critical mass marked. */
export function npvCurve(points: ReadonlyArray<{ n: number; npv: number }>, mark: number | null, markLabel: string, axisLabel: string, fmt: (v: number) => string, fmtN: (v: number) => string, label: string): string {
  const w = 640;
  const h = 240;
  const left = 90;
  const top = 24;
  const bottom = h - 40;
  const right = w - 16;
  const xs = points.map((p) => p.n);
  const ys = points.map((p) => p.npv);
  const sx = scale(Math.min(...xs), Math.max(...xs), left, right);
  const sy = scale(Math.min(0, ...ys), Math.max(0, ...ys), bottom, top);
  let out = open(w, h, label, 'curve');
  out += `<line class="zero" x1="${left}" x2="${right}" y1="${r1(sy(0))}" y2="${r1(sy(0))}"/>`;
  out += `<polyline class="line" points="${points.map((p) => `${r1(sx(p.n))},${r1(sy(p.npv))}`).join(' ')}"/>`;
  out += `<text x="${left - 6}" y="${r1(sy(Math.max(0, ...ys)) + 4)}" text-anchor="end" class="tick">${esc(fmt(Math.max(0, ...ys)))}</text>`;
  out += `<text x="${left - 6}" y="${r1(sy(Math.min(0, ...ys)))}" text-anchor="end" class="tick">${esc(fmt(Math.min(0, ...ys)))}</text>`;
  out += `<text x="${left}" y="${bottom + 16}" class="tick">${esc(fmtN(Math.min(...xs)))}</text><text x="${right}" y="${bottom + 16}" text-anchor="end" class="tick">${esc(fmtN(Math.max(...xs)))}</text>`;
  out += `<text x="${(left + right) / 2}" y="${h - 6}" text-anchor="middle" class="tick">${esc(axisLabel)}</text>`;
  if (mark !== null && mark >= Math.min(...xs) && mark <= Math.max(...xs)) {
    const x = sx(mark);
    out += `<line class="mark" x1="${r1(x)}" x2="${r1(x)}" y1="${top - 8}" y2="${bottom}"/><text x="${r1(Math.min(x + 4, right - 120))}" y="${top - 10}" class="marklbl">${esc(markLabel)}</text>`;
  }
  return `${out}</svg>`;
}

/** Tornado bars of NPV low–high per item around the base NPV, widest first. */
export function tornadoChart(bars: ReadonlyArray<{ label: string; low: number; high: number }>, base: number, baseLabel: string, fmt: (v: number) => string, label: string): string {
  const labelW = 200;
  const barW = 320;
  const w = labelW + barW + 20;
  const rowH = 24;
  const top = 20;
  const h = top + bars.length * rowH + 24;
  const lo = Math.min(base, ...bars.map((b) => b.low));
  const hi = Math.max(base, ...bars.map((b) => b.high));
  const sx = scale(lo, hi, labelW, labelW + barW);
  let out = open(w, h, label, 'tornado');
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const text = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
    out += `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" class="lbl">${esc(text)}</text>`;
    const xl = sx(b.low);
    const xb = sx(base);
    const xh = sx(b.high);
    out += `<rect class="neg" x="${r1(Math.min(xl, xb))}" y="${y + 4}" width="${r1(Math.max(0.5, Math.abs(xb - xl)))}" height="14"/>`;
    out += `<rect class="pos" x="${r1(Math.min(xb, xh))}" y="${y + 4}" width="${r1(Math.max(0.5, Math.abs(xh - xb)))}" height="14"/>`;
  });
  const xb = sx(base);
  out += `<line class="mark" x1="${r1(xb)}" x2="${r1(xb)}" y1="${top - 6}" y2="${top + bars.length * rowH}"/>`;
  out += `<text x="${r1(xb)}" y="${top - 8}" text-anchor="middle" class="marklbl">${esc(baseLabel)}</text>`;
  out += `<text x="${labelW}" y="${h - 6}" class="tick">${esc(fmt(lo))}</text><text x="${labelW + barW}" y="${h - 6}" text-anchor="end" class="tick">${esc(fmt(hi))}</text>`;
  return `${out}</svg>`;
}

/** One diverging stacked Likert bar (1–2 left of zero, 3 split, 4–5 right) with "cannot say" beside it and N. */
export function likertBar(segments: readonly DivergingSegment[], cannotSayShare: number, nText: string, label: string): string {
  const barW = 360;
  const w = barW + 60 + 90;
  const h = 26;
  const sx = scale(-1, 1, 0, barW);
  let out = open(w, h, label, 'likert');
  for (const s of segments) {
    if (s.end - s.start <= 0) continue;
    out += `<rect class="o${s.option}" x="${r1(sx(s.start))}" y="4" width="${r1(sx(s.end) - sx(s.start))}" height="16"/>`;
  }
  out += `<line class="zero" x1="${r1(sx(0))}" x2="${r1(sx(0))}" y1="0" y2="${h}"/>`;
  // "Cannot say" as its own small bar, scaled like the others (share of all answers).
  const csW = Math.max(cannotSayShare > 0 ? 1 : 0, cannotSayShare * (barW / 2));
  if (csW > 0) out += `<rect class="cs" x="${barW + 8}" y="4" width="${r1(Math.min(50, csW))}" height="16"/>`;
  out += `<text x="${barW + 64}" y="17" class="val">${esc(nText)}</text>`;
  return `${out}</svg>`;
}
