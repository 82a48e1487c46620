import { BaseEdge, EdgeLabelRenderer, Handle, Position, type Edge, type EdgeProps, type EdgeTypes, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { EntityKind } from '../../../../../shared/model';
import type { ImpactLink, ImpactStage } from '../../../../../shared/picture';
import { fitLongestWord } from '../../canvas/nodes';
import { useImpactUi } from './actions';
import { STATUS_MARK } from './Editors';
import { BOX, labelPoint } from './model';

export interface BoxData extends Record<string, unknown> {
  label: string;
  lang: string;
  stageLabel: string;
  goal?: { label: string; caption: string };
  refs: { id: string; name: string; kind: EntityKind }[];
  refsCaption: string;
  more?: string;
}
export type BoxNodeT = Node<BoxData, 'box'>;

export interface StageData extends Record<string, unknown> {
  stage: ImpactStage;
  label: string;
  help: string;
  addLabel: string;
  height: number;
}
export type StageNodeT = Node<StageData, 'stage'>;

export interface LinkData extends Record<string, unknown> {
  assumption: string;
  status: ImpactLink['assumptionStatus'];
  statusLabel: string;
}
export type LinkEdgeT = Edge<LinkData, 'impact'>;

/**
 * One box of the chain: its name, the goal it serves and the ecosystem entities it is about.
 * Data is serialisable; what a box does (edit, delete, link) lives in the canvas and its editor.
 */
function BoxNodeView({ data, selected }: NodeProps<BoxNodeT>) {
  const labelRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => fitLongestWord(labelRef.current), [data.label]);
  return (
    <div className={`ibox${selected ? ' is-selected' : ''}`} style={{ width: BOX.w, height: BOX.h }}>
      <div className="ibox-label" lang={data.lang} ref={labelRef}>
        {data.label}
      </div>
      {data.goal && (
        <div className="ibox-goal" title={`${data.goal.caption}: ${data.goal.label}`}>
          <span className="ibox-caption">{data.goal.caption}:</span> {data.goal.label}
        </div>
      )}
      {data.refs.length > 0 && (
        <ul className="ibox-refs" aria-label={data.refsCaption}>
          {data.refs.map((r) => (
            <li key={r.id} title={r.name}>
              <span className={`palette-marker kind-${r.kind}`} aria-hidden="true" />
              <span>{r.name}</span>
            </li>
          ))}
          {data.more && <li className="ibox-more">{data.more}</li>}
        </ul>
      )}
      <Handle type="target" position={Position.Left} id="t" />
      <Handle type="source" position={Position.Right} id="s" />
    </div>
  );
}

/**
 * A stage's column: a band behind its boxes with the stage's name, what the stage means, and a
 * button that adds a box to it.
 */
function StageNodeView({ data }: NodeProps<StageNodeT>) {
  return (
    <div className={`istage istage-${data.stage}`} style={{ width: BOX.w + 24, height: data.height }}>
      <div className="istage-head">
        <div className="istage-title">
          <span className="istage-name">{data.label}</span>
          <button
            type="button"
            className="istage-add nodrag"
            aria-label={data.addLabel}
            title={data.addLabel}
            onClick={(e) => {
              const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
              const pane = (e.currentTarget as HTMLElement).closest('.impact-flow')?.getBoundingClientRect();
              useImpactUi.getState().set({ adding: { stage: data.stage, left: r.left - (pane?.left ?? 0), top: r.bottom - (pane?.top ?? 0) + 6 }, editing: null });
            }}
          >
            +
          </button>
        </div>
        <div className="istage-help">{data.help}</div>
      </div>
    </div>
  );
}

/**
 * A `leadsTo` link, left to right, with its assumption and the assumption's status as a mark and
 * a word on the line (colour and dash pattern repeat it, never say it alone).
 */
function LinkEdgeView({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<LinkEdgeT>) {
  const d = Math.max(40, targetX - sourceX);
  const c1 = { x: sourceX + d / 2, y: sourceY };
  const c2 = { x: targetX - d / 2, y: targetY };
  const path = `M${sourceX},${sourceY} C${c1.x},${c1.y} ${c2.x},${c2.y} ${targetX},${targetY}`;
  const status = data?.status ?? 'none';
  const p = labelPoint({ x: sourceX, y: sourceY }, c1, c2, { x: targetX, y: targetY });
  const hasLabel = !!(data && (data.assumption || data.status));
  return (
    <>
      <BaseEdge id={id} path={path} className={`ilink ilink-${status}${selected ? ' is-selected' : ''}`} markerEnd={selected ? 'url(#kohtaanto-arrow-hot)' : 'url(#kohtaanto-arrow)'} interactionWidth={16} />
      {hasLabel && data && (
        <EdgeLabelRenderer>
          <div
            className={`ilink-label status-${status} nodrag nopan${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${p.x}px, ${p.y}px)` }}
            title={data.assumption ? `${data.statusLabel}: ${data.assumption}` : data.statusLabel}
            aria-hidden="true"
            onClick={() => useImpactUi.getState().set({ editing: { kind: 'link', id } })}
          >
            <span className="ilink-status">
              {STATUS_MARK[status]} {data.statusLabel}
            </span>
            {data.assumption && <span className="ilink-assumption">{data.assumption}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const nodeTypes: NodeTypes = { box: memo(BoxNodeView), stage: memo(StageNodeView) };
export const edgeTypes: EdgeTypes = { impact: memo(LinkEdgeView) };
