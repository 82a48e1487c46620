import type { EntityKind, LinkType } from '../../../../shared/model';
import { boxExit, KIND_COLOURS, LINK_DASH, markerPath, shapePath } from './shapes';

export interface ExportNode {
  id: string;
  kind: EntityKind;
  label: string;
  kindLabel: string;
  x: number;
  y: number;
  /** Extra text shown as a badge (e.g. the community number while analysis colours are on). */
  badge?: string;
  /** Fill instead of white (analysis colouring). */
  fill?: string;
  /** Radius of the analysis halo behind the node, in flow units. */
  halo?: number;
}
export interface ExportEdge {
  source: string;
  target: string;
  type: LinkType;
  label: string;
}
export interface ExportOptions {
  /** The part of the flow to draw, in flow coordinates. */
  frame: { x: number; y: number; w: number; h: number };
  /** Flow units to image pixels. */
  scale: number;
  size: { w: number; h: number };
  title: string;
  legendTitle: string;
  kinds: { kind: EntityKind; label: string }[];
  links: { type: LinkType; label: string }[];
  /** Width of a text in pixels at the given font size (canvas measureText in the browser). */
  measure(text: string, px: number, bold: boolean): number;
  /** Draw link labels (too many of them turn a big map into grey noise). */
  linkLabels: boolean;
  /** Scale of the legend band (the pixel ratio of a PNG, so its text is as large as the map's). */
  legendScale?: number;
}

const FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const TEXT = '#1b2430';
const LINE = '#4a5563';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Breaks a label into at most `max` lines of the given width, the last one shortened with an ellipsis. */
export function wrap(text: string, width: number, px: number, max: number, measure: ExportOptions['measure']): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (measure(next, px, false) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === max) {
      line = '';
      lines[max - 1] = ellipsis(`${lines[max - 1]} ${words.slice(i).join(' ')}`, width, px, measure);
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (measure(l, px, false) > width ? ellipsis(l, width, px, measure) : l));
}

function ellipsis(text: string, width: number, px: number, measure: ExportOptions['measure']): string {
  if (measure(text, px, false) <= width) return text;
  let t = text;
  while (t.length > 1 && measure(`${t}…`, px, false) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

const LEGEND_ROW = 26;

/** Rows of legend items that fit the width. */
function legendRows<T>(items: T[], width: (i: T) => number, max: number): T[][] {
  const rows: T[][] = [[]];
  let used = 0;
  for (const it of items) {
    const w = width(it) + 24;
    if (used + w > max && rows[rows.length - 1].length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(it);
    used += w;
  }
  return rows;
}

/**
 * The map as a standalone SVG: node shapes, kind markers and labels, links with arrowheads and
 * dash patterns, and a legend band below, so the picture explains itself on paper and in slides.
 */
export function buildSvg(nodes: readonly ExportNode[], edges: readonly ExportEdge[], o: ExportOptions): { svg: string; width: number; height: number } {
  const { w, h } = o.size;
  const width = Math.max(320, Math.round(o.frame.w * o.scale));
  const graphH = Math.round(o.frame.h * o.scale);
  const ls = o.legendScale ?? 1;
  const legendW = width / ls;
  const kindRows = legendRows(o.kinds, (k) => 22 + o.measure(k.label, 13, false), legendW - 24);
  const linkRows = legendRows(o.links, (l) => 38 + o.measure(l.label, 13, false), legendW - 24);
  const legendH = 16 + LEGEND_ROW * (1 + kindRows.length + linkRows.length);
  const height = graphH + Math.ceil(legendH * ls);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}">`,
    `<title>${esc(o.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINE}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<svg x="0" y="0" width="${width}" height="${graphH}" viewBox="${o.frame.x} ${o.frame.y} ${o.frame.w} ${o.frame.h}" overflow="hidden">`,
  );
  for (const n of nodes) {
    if (n.halo) out.push(`<circle cx="${n.x + w / 2}" cy="${n.y + h / 2}" r="${n.halo}" fill="${KIND_COLOURS[n.kind]}" fill-opacity="0.16" stroke="${KIND_COLOURS[n.kind]}" stroke-opacity="0.5"/>`);
  }
  const labels: string[] = [];
  const placed: { x: number; y: number; half: number }[] = [];
  for (const e of edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const ca = { x: a.x + w / 2, y: a.y + h / 2 };
    const cb = { x: b.x + w / 2, y: b.y + h / 2 };
    const p = boxExit(ca, cb, w, h);
    const q = boxExit(cb, ca, w, h);
    const dash = LINK_DASH[e.type] ? ` stroke-dasharray="${LINK_DASH[e.type]}"` : '';
    out.push(`<line x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${q.x.toFixed(1)}" y2="${q.y.toFixed(1)}" stroke="${LINE}" stroke-width="1.6"${dash} marker-end="url(#arrow)"/>`);
    if (o.linkLabels) {
      // Where many links meet, their midpoints crowd together: a label that would overlap one
      // already placed is left out (the legend still explains the line pattern).
      const lx = (p.x + q.x) / 2;
      const ly = (p.y + q.y) / 2;
      const half = o.measure(e.label, 11, false) / 2 + 3;
      if (placed.some((r) => Math.abs(r.x - lx) < r.half + half && Math.abs(r.y - ly) < 14)) continue;
      placed.push({ x: lx, y: ly, half });
      labels.push(
        `<text x="${((p.x + q.x) / 2).toFixed(1)}" y="${((p.y + q.y) / 2 + 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="${TEXT}" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(e.label)}</text>`,
      );
    }
  }
  out.push(...labels);
  const labelPx = Math.round(h / 5);
  for (const n of nodes) {
    const c = KIND_COLOURS[n.kind];
    const lines = wrap(n.label, w - 24, labelPx, 2, o.measure);
    out.push(
      `<g transform="translate(${n.x},${n.y})">`,
      `<path d="${shapePath(n.kind, w, h)}" fill="${n.fill ?? '#ffffff'}" stroke="${c}" stroke-width="2.5"/>`,
      `<path d="${markerPath(n.kind, 12)}" transform="translate(14,9)" fill="${c}"/>`,
      `<text x="32" y="19" font-size="${Math.round(h / 7.2)}" font-weight="700" fill="${c}" stroke="${n.fill ?? '#ffffff'}" stroke-width="3" paint-order="stroke">${esc(n.kindLabel.toUpperCase())}</text>`,
      `<text font-size="${labelPx}" fill="${TEXT}" font-weight="600">${lines
        .map((l, i) => `<tspan x="14" y="${Math.round(h * 0.52 + i * labelPx * 1.2)}">${esc(l)}</tspan>`)
        .join('')}</text>`,
    );
    if (n.badge) out.push(`<text x="${w - 12}" y="19" font-size="11" font-weight="700" text-anchor="end" fill="${TEXT}">${esc(n.badge)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');

  // Legend band.
  out.push(`<g transform="translate(0,${graphH}) scale(${ls})">`);
  let y = 8;
  out.push(`<rect x="0" y="0" width="${legendW}" height="${legendH}" fill="#f6f7f9" stroke="#cfd6df"/>`);
  out.push(`<text x="12" y="${y + 17}" font-size="14" font-weight="700" fill="${TEXT}">${esc(o.title)} — ${esc(o.legendTitle)}</text>`);
  y += LEGEND_ROW;
  for (const row of kindRows) {
    let x = 12;
    for (const k of row) {
      out.push(`<path d="${markerPath(k.kind, 14)}" transform="translate(${x},${y + 4})" fill="${KIND_COLOURS[k.kind]}"/>`);
      out.push(`<text x="${x + 20}" y="${y + 16}" font-size="13" fill="${TEXT}">${esc(k.label)}</text>`);
      x += 22 + o.measure(k.label, 13, false) + 24;
    }
    y += LEGEND_ROW;
  }
  for (const row of linkRows) {
    let x = 12;
    for (const l of row) {
      const dash = LINK_DASH[l.type] ? ` stroke-dasharray="${LINK_DASH[l.type]}"` : '';
      out.push(`<line x1="${x}" y1="${y + 11}" x2="${x + 28}" y2="${y + 11}" stroke="${LINE}" stroke-width="1.6"${dash} marker-end="url(#arrow)"/>`);
      out.push(`<text x="${x + 36}" y="${y + 16}" font-size="13" fill="${TEXT}">${esc(l.label)}</text>`);
      x += 38 + o.measure(l.label, 13, false) + 24;
    }
    y += LEGEND_ROW;
  }
  out.push('</g></svg>');
  return { svg: out.join(''), width, height };
}
