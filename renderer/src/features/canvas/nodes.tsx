import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import type { EntityNodeT } from './canvasStore';
import { shapePath } from './shapes';

/**
 * One entity on the canvas: its kind's outline shape and colour, the kind marker and name in
 * words, and the name. Everything it shows comes from serialisable data; actions live in the
 * canvas (double-click, keys, the side panel), never in callbacks inside node data.
 */
function EntityNodeView({ data, selected }: NodeProps<EntityNodeT>) {
  const { kind, w, h } = data;
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
        <div className="cnode-label">{data.label}</div>
      </div>
      <Handle type="target" position={Position.Left} id="t" />
      <Handle type="source" position={Position.Right} id="s" />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView);

/** Defined once at module level, as React Flow requires for stable renders. */
export const nodeTypes: NodeTypes = { entity: EntityNode };
