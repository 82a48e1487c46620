import { pickText, type EntityKind, type Language, type LinkType } from '../../../../shared/model';
import { entityIndex, useApp } from '../../app/store';
import i18n from '../../i18n';
import { getFlow, getPane, nodeSize } from './actions';
import { useCanvas, type EntityNodeData, type LinkEdgeData } from './canvasStore';
import { buildSvg, type ExportEdge, type ExportNode } from './svgExport';
import { downloadBlob } from '../io/files';

export type ExportFormat = 'png' | 'svg';
export type ExportScope = 'view' | 'all';

/** PNGs are drawn at twice the screen's resolution: sharp on a projector and on paper. */
export const PNG_RATIO = 2;
/** Largest side of an exported bitmap (browsers refuse canvases much beyond this). */
const MAX_PX = 12_000;

let ctx2d: CanvasRenderingContext2D | null = null;
function measure(text: string, px: number, bold: boolean): number {
  ctx2d ??= document.createElement('canvas').getContext('2d');
  if (!ctx2d) return text.length * px * 0.55;
  ctx2d.font = `${bold ? '700 ' : ''}${px}px 'Noto Sans', 'DejaVu Sans', Arial, sans-serif`;
  return ctx2d.measureText(text).width;
}

function fileName(ext: string): string {
  const { info } = useApp.getState();
  const s = useCanvas.getState();
  const lang = i18n.language as Language;
  const view = s.views.find((v) => v.id === s.view);
  const base = [info ? pickText(info.title, lang) : '', view ? pickText(view.name, lang) : ''].filter(Boolean).join(' - ') || 'kohtaanto';
  const safe = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 _-]/g, '').trim().replace(/\s+/g, '-');
  return `${safe || 'kohtaanto'}.${ext}`;
}

/** The SVG of the visible area or of the whole map of this view (filters applied either way). */
export function exportSvg(scope: ExportScope, pixelRatio: number): { svg: string; width: number; height: number } {
  const s = useCanvas.getState();
  const size = nodeSize();
  const flow = getFlow();
  const pane = getPane();
  const t = i18n.t.bind(i18n);
  let frame: { x: number; y: number; w: number; h: number };
  let scale: number;
  if (scope === 'view' && flow && pane) {
    const vp = flow.getViewport();
    const r = pane.getBoundingClientRect();
    frame = { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, w: r.width / vp.zoom, h: r.height / vp.zoom };
    scale = vp.zoom * pixelRatio;
  } else {
    const xs = s.nodes.map((n) => n.position.x);
    const ys = s.nodes.map((n) => n.position.y);
    const halo = Math.max(0, ...s.nodes.map((n) => (n.data as EntityNodeData).halo ?? 0));
    const pad = 40 + Math.max(0, halo - size.w / 2);
    frame = xs.length
      ? { x: Math.min(...xs) - pad, y: Math.min(...ys) - pad, w: Math.max(...xs) - Math.min(...xs) + size.w + 2 * pad, h: Math.max(...ys) - Math.min(...ys) + size.h + 2 * pad }
      : { x: 0, y: 0, w: 400, h: 200 };
    scale = Math.min(pixelRatio, MAX_PX / Math.max(frame.w, frame.h));
  }
  const inFrame = (x: number, y: number) => x + size.w >= frame.x && x <= frame.x + frame.w && y + size.h >= frame.y && y <= frame.y + frame.h;
  const ents = entityIndex(useApp.getState().entities);
  // The visible area: what is in the frame, plus the far ends of its links so those are drawn
  // leaving the picture in the right direction (the frame clips the rest).
  const drawn = new Set(s.nodes.filter((n) => scope === 'all' || inFrame(n.position.x, n.position.y)).map((n) => n.id));
  const edgeList = s.edges.filter((e) => drawn.has(e.source) || drawn.has(e.target));
  const needed = new Set([...drawn, ...edgeList.flatMap((e) => [e.source, e.target])]);
  const nodes: ExportNode[] = s.nodes
    .filter((n) => needed.has(n.id))
    .map((n) => {
      const d = n.data as EntityNodeData;
      const kind = ents.get(n.id)?.kind ?? d.kind;
      return { id: n.id, kind, label: d.label, kindLabel: t(`kind.${kind}.one`), x: n.position.x, y: n.position.y, badge: d.badge || undefined, fill: d.fill || undefined, halo: d.halo || undefined };
    });
  const edges: ExportEdge[] = edgeList.map((e) => ({ source: e.source, target: e.target, type: (e.data as LinkEdgeData).type, label: (e.data as LinkEdgeData).label }));
  const kinds = [...new Set(nodes.filter((n) => drawn.has(n.id)).map((n) => n.kind))] as EntityKind[];
  const types = [...new Set(edges.map((e) => e.type))] as LinkType[];
  const info = useApp.getState().info;
  const view = s.views.find((v) => v.id === s.view);
  const lang = i18n.language as Language;
  const title = [info ? pickText(info.title, lang) : '', view ? pickText(view.name, lang) : t('canvas.views.main')].filter(Boolean).join(' — ');
  return buildSvg(nodes, edges, {
    frame,
    scale,
    size,
    title,
    legendTitle: t('canvas.export.legend'),
    kinds: kinds.map((k) => ({ kind: k, label: t(`kind.${k}.plural`) })),
    links: types.map((ty) => ({ type: ty, label: t(`link.${ty}.name`) })),
    measure,
    linkLabels: edges.length <= 400,
    legendScale: pixelRatio,
  });
}

/** Draws an SVG into a PNG of exactly its pixel size. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const c = canvas.getContext('2d');
    if (!c) throw new Error('No 2D canvas');
    c.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Exports and downloads; returns the image's size in pixels. */
export async function exportMap(format: ExportFormat, scope: ExportScope): Promise<{ width: number; height: number }> {
  const { svg, width, height } = exportSvg(scope, format === 'png' ? PNG_RATIO : 1);
  if (format === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), fileName('svg'));
  else downloadBlob(await svgToPng(svg, width, height), fileName('png'));
  return { width, height };
}
