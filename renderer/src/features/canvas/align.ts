/** A node's box in flow coordinates. */
export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type AlignMode = 'left' | 'centerX' | 'right' | 'top' | 'centerY' | 'bottom';
export type DistributeMode = 'horizontal' | 'vertical';
export const ALIGN_MODES: AlignMode[] = ['left', 'centerX', 'right', 'top', 'centerY', 'bottom'];
export const DISTRIBUTE_MODES: DistributeMode[] = ['horizontal', 'vertical'];

/** New top-left positions that line the boxes up on one edge or centre line of their bounding box. */
export function align(boxes: readonly Box[], mode: AlignMode): { id: string; x: number; y: number }[] {
  if (boxes.length < 2) return [];
  const minX = Math.min(...boxes.map((b) => b.x));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return boxes.map((b) => {
    switch (mode) {
      case 'left':
        return { id: b.id, x: minX, y: b.y };
      case 'right':
        return { id: b.id, x: maxX - b.w, y: b.y };
      case 'centerX':
        return { id: b.id, x: Math.round((minX + maxX) / 2 - b.w / 2), y: b.y };
      case 'top':
        return { id: b.id, x: b.x, y: minY };
      case 'bottom':
        return { id: b.id, x: b.x, y: maxY - b.h };
      case 'centerY':
        return { id: b.id, x: b.x, y: Math.round((minY + maxY) / 2 - b.h / 2) };
    }
  });
}

/**
 * Equal gaps between the boxes along one axis; the first and last stay where they are. Boxes are
 * taken in their current order along that axis (ties by id, so the result does not depend on
 * selection order).
 */
export function distribute(boxes: readonly Box[], mode: DistributeMode): { id: string; x: number; y: number }[] {
  if (boxes.length < 3) return [];
  const horizontal = mode === 'horizontal';
  const pos = (b: Box) => (horizontal ? b.x : b.y);
  const len = (b: Box) => (horizontal ? b.w : b.h);
  const sorted = [...boxes].sort((a, b) => pos(a) - pos(b) || a.id.localeCompare(b.id));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const span = pos(last) + len(last) - pos(first);
  const total = sorted.reduce((s, b) => s + len(b), 0);
  const gap = (span - total) / (sorted.length - 1);
  let at = pos(first);
  return sorted.map((b) => {
    const p = Math.round(at);
    at += len(b) + gap;
    return horizontal ? { id: b.id, x: p, y: b.y } : { id: b.id, x: b.x, y: p };
  });
}
