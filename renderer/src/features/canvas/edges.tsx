import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useCanvas, type LinkEdgeT } from './canvasStore';
import { boxExit, LINK_DASH } from './shapes';

/**
 * A typed link: a straight line between the two nodes' outlines with an arrowhead at the target,
 * a dash pattern per link type, and its label when the map is small or the link touches the
 * selection. Straight "floating" lines read well in any layout, whichever side the nodes are on.
 */
function LinkEdgeView({ id, source, target, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<LinkEdgeT>) {
  const near = useCanvas((s) => s.selected.has(source) || s.selected.has(target));
  if (!data) return null;
  const { w, h } = data;
  // React Flow gives the handle points (right middle of the source, left middle of the target);
  // the node centres follow from the fixed node size.
  const a = { x: sourceX - w / 2, y: sourceY };
  const b = { x: targetX + w / 2, y: targetY };
  const p = boxExit(a, b, w, h);
  const q = boxExit(b, a, w, h);
  const hot = selected || near;
  const mx = (p.x + q.x) / 2;
  const my = (p.y + q.y) / 2;
  return (
    <>
      <BaseEdge
        id={id}
        path={`M${p.x},${p.y} L${q.x},${q.y}`}
        className={`clink clink-${data.type}${hot ? ' is-hot' : ''}`}
        markerEnd={hot ? 'url(#kohtaanto-arrow-hot)' : 'url(#kohtaanto-arrow)'}
        style={LINK_DASH[data.type] ? { strokeDasharray: LINK_DASH[data.type] } : undefined}
        interactionWidth={14}
      />
      {(data.labels || hot) && (
        <text className={`clink-label${hot ? ' is-hot' : ''}`} x={mx} y={my} dy="0.35em" textAnchor="middle" aria-hidden="true">
          {data.label}
        </text>
      )}
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);

export const edgeTypes: EdgeTypes = { link: LinkEdge };

/** Arrowheads for every link, defined once instead of one marker per edge. */
export function ArrowDefs() {
  return (
    <svg className="arrow-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <marker id="kohtaanto-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
        </marker>
        <marker id="kohtaanto-arrow-hot" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="13" markerHeight="13" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head is-hot" />
        </marker>
      </defs>
    </svg>
  );
}
