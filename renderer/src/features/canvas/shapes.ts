import type { EntityKind, LinkType } from '../../../../shared/model';

/** Node size on the canvas, in flow units; presentation mode uses larger boxes for larger type. */
export const NODE_SIZE = { normal: { w: 200, h: 72 }, presenting: { w: 240, h: 92 } } as const;
export type NodeSize = { w: number; h: number };

/**
 * Colours of the light theme (styles.css --c-<kind>), for what is drawn outside the DOM's CSS:
 * exported SVG/PNG and the minimap. On screen the CSS variables apply (they follow dark mode).
 */
export const KIND_COLOURS: Record<EntityKind, string> = {
  organisation: '#6a3fb5',
  service: '#0b6e99',
  channel: '#7a5b00',
  lifeEvent: '#b8336a',
  need: '#1e7a3c',
  persona: '#a04b00',
};

/**
 * The outline of a node of each kind, as an SVG path in a w×h box. Each kind has its own shape so
 * that kinds can be told apart without colour (and in a black-and-white print).
 */
export function shapePath(kind: EntityKind, w: number, h: number): string {
  const m = h / 2;
  switch (kind) {
    case 'organisation': // a plain rectangle: an institution
      return `M0,0 H${w} V${h} H0 Z`;
    case 'service': // a pill
      return `M${m},0 H${w - m} A${m},${m} 0 0 1 ${w - m},${h} H${m} A${m},${m} 0 0 1 ${m},0 Z`;
    case 'channel': // a parallelogram
      return `M14,0 H${w} L${w - 14},${h} H0 Z`;
    case 'lifeEvent': // an arrow-tag pointing forward: something that happens
      return `M0,0 H${w - 20} L${w},${m} L${w - 20},${h} H0 Z`;
    case 'need': // an elongated hexagon
      return `M18,0 H${w - 18} L${w},${m} L${w - 18},${h} H18 L0,${m} Z`;
    case 'persona': // a rounded card with a folded top-right corner
      return `M10,0 H${w - 16} L${w},16 V${h - 10} Q${w},${h} ${w - 10},${h} H10 Q0,${h} 0,${h - 10} V10 Q0,0 10,0 Z`;
  }
}

/** The small kind marker (the same shapes as the .kind-<kind> CSS markers), in an s×s box. */
export function markerPath(kind: EntityKind, s: number): string {
  const r = s / 2;
  switch (kind) {
    case 'organisation':
      return `M0,0 H${s} V${s} H0 Z`;
    case 'service':
      return `M0,${r} A${r},${r} 0 1 1 ${s},${r} A${r},${r} 0 1 1 0,${r} Z`;
    case 'channel':
      return `M${r},0 L${s},${s} H0 Z`;
    case 'lifeEvent':
      return `M${r},0 L${s},${r} L${r},${s} L0,${r} Z`;
    case 'need':
      return `M${s * 0.25},0 H${s * 0.75} L${s},${r} L${s * 0.75},${s} H${s * 0.25} L0,${r} Z`;
    case 'persona':
      return `M0,${s} V${r} A${r},${r} 0 0 1 ${s},${r} V${s} Z`;
  }
}

/** Stroke patterns per link type, so links too are told apart by more than a label. */
export const LINK_DASH: Record<LinkType, string | undefined> = {
  provides: undefined,
  offeredThrough: '2 3',
  addresses: undefined,
  inLifeEvent: '8 4',
  hasNeed: undefined,
  personaNeed: '2 3',
  refersTo: '10 4 2 4',
  collaborates: '6 3',
};

/** Where the line between two box centres leaves the box of size w×h centred at c. */
export function boxExit(c: { x: number; y: number }, toward: { x: number; y: number }, w: number, h: number): { x: number; y: number } {
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return { ...c };
  const sx = Math.abs(dx) / (w / 2);
  const sy = Math.abs(dy) / (h / 2);
  const s = Math.max(sx, sy);
  return { x: c.x + dx / s, y: c.y + dy / s };
}
