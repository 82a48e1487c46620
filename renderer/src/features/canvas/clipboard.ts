import { CLIP_FORMAT, CanvasClipSchema, type CanvasClip } from '../../../../shared/api/canvas';
import type { Entity, Link } from '../../../../shared/model';

/** The clip for a selection: the entities, the links among them (links leaving it are not copied), positions. */
export function buildClip(ids: readonly string[], byId: Map<string, Entity>, links: readonly Link[], positions: Record<string, { x: number; y: number }>): CanvasClip | null {
  const set = new Set(ids.filter((id) => byId.has(id)));
  if (!set.size) return null;
  return {
    format: CLIP_FORMAT,
    version: 1,
    entities: [...set].map((id) => byId.get(id)!),
    links: links.filter((l) => set.has(l.source) && set.has(l.target)),
    positions: Object.fromEntries([...set].filter((id) => positions[id]).map((id) => [id, { x: positions[id].x, y: positions[id].y }])),
  };
}

/** Reads clipboard text as a clip; null for anything else (plain text pasted by mistake is ignored). */
export function parseClip(text: string): CanvasClip | null {
  if (!text.includes(CLIP_FORMAT)) return null;
  try {
    const r = CanvasClipSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
