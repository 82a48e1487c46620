import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { EntityNodeT } from './canvasStore';
import { shapePath } from './shapes';

/**
 * One entity on the canvas: its kind's outline shape and colour, the kind marker and name in
 * words, and the name. Everything it shows comes from serialisable data; actions live in the
 * canvas (double-click, keys, the side panel), never in callbacks inside node data.
 */
function EntityNodeView({ data, selected }: NodeProps<EntityNodeT>) {
  const { kind, w, h } = data;
  const labelRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => fitLongestWord(labelRef.current), [data.label, w]);
  return (
    <div
      className={`cnode cnode-${kind}${selected ? ' is-selected' : ''}${data.connecting ? ' is-connecting' : ''}${data.fill ? ' has-fill' : ''}`}
      style={data.fill ? ({ '--node-fill': data.fill } as React.CSSProperties) : undefined}
    >
      {data.halo > 0 && <div className="cnode-halo" style={{ width: data.halo * 2, height: data.halo * 2, left: w / 2 - data.halo, top: h / 2 - data.halo }} aria-hidden="true" />}
      <svg className="cnode-shape" width={w} height={h} viewBox={`-2 -2 ${w + 4} ${h + 4}`} aria-hidden="true">
        <path d={shapePath(kind, w, h)} />
      </svg>
      <div className="cnode-body">
        <div className="cnode-kind">
          <span className={`cnode-marker kind-${kind}`} aria-hidden="true" />
          <span>{data.kindLabel}</span>
          {data.pinned && (
            <span className="cnode-pin" aria-hidden="true">
              📌
            </span>
          )}
          {data.badge && <span className="cnode-badge">{data.badge}</span>}
        </div>
        <div className="cnode-label" lang={data.lang} ref={labelRef}>
          {data.label}
        </div>
      </div>
      <Handle type="target" position={Position.Left} id="t" />
      <Handle type="source" position={Position.Right} id="s" />
    </div>
  );
}

let measure: CanvasRenderingContext2D | null | undefined;
/**
 * Shrinks a name's type (down to 70 %) until its longest word fits the node's width, so that
 * long compound words ("Hautajaisjärjestelyt", "Begravningsarrangemang") wrap between words, not
 * inside them. Only a word too long even then is hyphenated (or, without a dictionary, broken).
 */
export function fitLongestWord(el: HTMLElement | null): void {
  if (!el) return;
  el.style.fontSize = '';
  measure ??= document.createElement('canvas').getContext('2d');
  const avail = el.clientWidth;
  if (!measure || !avail) return;
  const cs = getComputedStyle(el);
  const base = parseFloat(cs.fontSize);
  measure.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const longest = Math.max(0, ...(el.textContent ?? '').split(/[\s\u00ad]+/).map((word) => measure!.measureText(word).width));
  if (longest > avail) el.style.fontSize = `${Math.max(base * 0.7, Math.floor(((base * avail) / longest) * 10) / 10)}px`;
}

export const EntityNode = memo(EntityNodeView);

/** Defined once at module level, as React Flow requires for stable renders. */
export const nodeTypes: NodeTypes = { entity: EntityNode };
