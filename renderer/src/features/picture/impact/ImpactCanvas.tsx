import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  Panel,
  Position,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../../shared/model';
import { ASSUMPTION_STATUSES, IMPACT_STAGES, type ImpactStage } from '../../../../../shared/picture';
import { entityIndex, useApp } from '../../../app/store';
import { inTextField } from '../../../app/commands';
import { openingKey } from '../../../app/openingKey';
import { ArrowDefs } from '../../canvas/edges';
import { layoutGraphInWorker } from '../../canvas/workers';
import { boxName, connectBoxes, createBox, deleteTarget, refusalText, useImpactUi, type NewBoxForm } from './actions';
import { deleteQuestion, STATUS_MARK } from './Editors';
import { BOX, columnX, impactLayout, linkRefusal, neighbour, plainLayout, stageAt, startViewport, TOP, type ImpactModel, type Positions } from './model';
import { edgeTypes, nodeTypes, type BoxData, type LinkData, type StageData } from './nodes';

/** Refs shown on a box before "+N more": the box has room for about two lines of them. */
const REFS_SHOWN = 2;
/** A box's link handle, in px (impact.css). */
const HANDLE = 14;

/** The impact logic drawn with React Flow: stage columns left to right, boxes laid out by ELK. */
export function ImpactCanvas({ model }: { model: ImpactModel }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const editing = useImpactUi((s) => s.editing);
  const rf = useReactFlow();
  const paneRef = useRef<HTMLDivElement>(null);
  const { boxes, links, goals } = model;

  // Positions come from the model alone (stage columns, ELK's order inside them): nothing to store.
  const [pos, setPos] = useState<Positions>(() => plainLayout(boxes));
  // Which layout is on screen: the plain columns until ELK has ordered them (tests read it).
  const [laidOut, setLaidOut] = useState<'plain' | 'elk'>('plain');
  const shape = useMemo(() => JSON.stringify([boxes.map((b) => [b.id, b.stage]), links.map((l) => [l.source, l.target])]), [boxes, links]);
  useEffect(() => {
    let current = true;
    setPos((p) => (boxes.every((b) => p[b.id]) ? p : { ...plainLayout(boxes), ...p }));
    impactLayout(layoutGraphInWorker, boxes, links)
      .then((next) => {
        if (!current) return;
        setPos(next);
        setLaidOut('elk');
      })
      .catch((err: unknown) => {
        // The plain columns still show every box in its stage; only the order inside is lost.
        console.warn('Impact logic layout failed', err);
        if (!current) return;
        setPos(plainLayout(boxes));
        setLaidOut('plain');
      });
    return () => {
      current = false;
    };
    // The layout depends on the chain's shape only, not on names or assumptions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  const derivedNodes = useMemo((): Node[] => {
    const byId = entityIndex(entities);
    const goalById = new Map(goals.map((g) => [g.id, g]));
    const bottom = Math.max(TOP + BOX.h, ...boxes.map((b) => (pos[b.id]?.y ?? TOP) + BOX.h));
    const stages: Node<StageData>[] = IMPACT_STAGES.map((stage) => ({
      id: `stage:${stage}`,
      type: 'stage',
      position: { x: columnX(stage) - 12, y: 0 },
      data: { stage, label: t(`picture.stage.${stage}`), help: t(`picture.impact.stageHelp.${stage}`), addLabel: t('picture.impact.add.to', { stage: t(`picture.stage.${stage}`) }), height: bottom + 28 },
      draggable: false,
      selectable: false,
      focusable: false,
      connectable: false,
      // The column band lies under the links (1), and the boxes over both (2), so that a drag
      // from a box's handle starts on the handle, not on a link that ends there.
      zIndex: 0,
    }));
    const boxNodes: Node<BoxData>[] = boxes.map((b) => {
      const label = boxName(b, lang);
      const goal = b.goal ? goalById.get(b.goal) : undefined;
      const goalLabel = goal ? pickText(goal.name, lang) || goal.id : undefined;
      const refs = b.refs.map((id) => byId.get(id)).filter((e) => !!e);
      return {
        id: b.id,
        type: 'box',
        position: pos[b.id] ?? { x: columnX(b.stage), y: TOP },
        width: BOX.w,
        height: BOX.h,
        // Known size and handle places (as .ibox .react-flow__handle draws them, 14 px centred on
        // the edge): links are drawn at once, and again at once after a box's object is replaced,
        // without waiting for the browser to measure the box.
        measured: { width: BOX.w, height: BOX.h },
        handles: [
          { id: 't', type: 'target', position: Position.Left, x: -HANDLE / 2, y: BOX.h / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
          { id: 's', type: 'source', position: Position.Right, x: BOX.w - HANDLE / 2, y: BOX.h / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
        ],
        draggable: false,
        selected: editing?.kind === 'box' && editing.id === b.id,
        zIndex: 2,
        ariaLabel: goalLabel ? t('picture.impact.box.a11yGoal', { name: label, stage: t(`picture.stage.${b.stage}`), goal: goalLabel }) : t('picture.impact.box.a11y', { name: label, stage: t(`picture.stage.${b.stage}`) }),
        data: {
          label,
          lang: ([lang, 'fi', 'sv', 'en'] as const).find((l) => b.name[l]?.trim()) ?? lang,
          stageLabel: t(`picture.stage.${b.stage}`),
          goal: goalLabel ? { label: goalLabel, caption: t('picture.impact.box.goal') } : undefined,
          refs: refs.slice(0, REFS_SHOWN).map((e) => ({ id: e.id, name: pickText(e.name, lang) || e.id, kind: e.kind })),
          refsCaption: t('picture.impact.box.refs'),
          more: refs.length > REFS_SHOWN ? t('picture.impact.box.more', { count: refs.length - REFS_SHOWN }) : undefined,
        },
      };
    });
    return [...stages, ...boxNodes];
  }, [boxes, goals, entities, pos, lang, t, editing]);

  const derivedEdges = useMemo((): Edge<LinkData>[] => {
    const byId = new Map(boxes.map((b) => [b.id, b]));
    return links
      .filter((l) => byId.has(l.source) && byId.has(l.target))
      .map((l) => {
        const assumption = pickText(l.assumption, lang);
        const statusLabel = t(`picture.impact.status.${l.assumptionStatus ?? 'none'}`);
        const from = boxName(byId.get(l.source), lang);
        const to = boxName(byId.get(l.target), lang);
        return {
          id: l.id,
          type: 'impact',
          source: l.source,
          target: l.target,
          sourceHandle: 's',
          targetHandle: 't',
          selected: editing?.kind === 'link' && editing.id === l.id,
          zIndex: 1,
          ariaLabel: assumption ? t('picture.impact.link.a11yAssumption', { from, to, assumption, status: statusLabel }) : t('picture.impact.link.a11y', { from, to }),
          data: { assumption, status: l.assumptionStatus, statusLabel },
        };
      });
  }, [boxes, links, lang, t, editing]);

  // React Flow keeps its measurements in the node objects it is given back through the changes.
  const [nodes, setNodes] = useState<Node[]>(derivedNodes);
  const [edges, setEdges] = useState<Edge[]>(derivedEdges);
  useEffect(() => setNodes(derivedNodes), [derivedNodes]);
  useEffect(() => setEdges(derivedEdges), [derivedEdges]);
  const onNodesChange = useCallback((ch: NodeChange[]) => setNodes((ns) => applyNodeChanges(ch.filter((c) => c.type !== 'select' && c.type !== 'remove'), ns)), []);
  const onEdgesChange = useCallback((ch: EdgeChange[]) => setEdges((es) => applyEdgeChanges(ch.filter((c) => c.type !== 'select' && c.type !== 'remove'), es)), []);

  // Whenever boxes come or go, the view shows the chain from its first stage at a zoom where the
  // boxes can be read: all of it when it fits, otherwise from the left, and panning shows the rest.
  const count = boxes.length;
  const placed = boxes.every((b) => pos[b.id]);
  useEffect(() => {
    if (!placed) return;
    const id = requestAnimationFrame(() => {
      const pane = paneRef.current?.getBoundingClientRect();
      if (!pane?.width) return;
      const bottom = Math.max(TOP + BOX.h, ...boxes.map((b) => (pos[b.id]?.y ?? TOP) + BOX.h)) + 28;
      void rf.setViewport(startViewport(pane.width, pane.height, bottom), { duration: 200 });
    });
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, placed, rf]);

  const byId = useMemo(() => new Map(boxes.map((b) => [b.id, b])), [boxes]);
  const isValidConnection = useCallback(
    (c: Edge | Connection) => {
      const a = byId.get(c.source);
      const b = byId.get(c.target);
      return !!a && !!b && linkRefusal(a, b, links) === null;
    },
    [byId, links],
  );
  const onConnect = useCallback((c: Connection) => void connectBoxes(t, lang, boxes, links, c.source, c.target), [t, lang, boxes, links]);
  // A refused drop says why; a drop on a box's body (not its handle) links to that box.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = state.fromNode?.id;
      if (!from || !byId.has(from)) return;
      let to = state.toNode?.id;
      if (to && state.isValid) return;
      if (!to) {
        const pt = 'changedTouches' in event ? event.changedTouches[0] : event;
        to = document.elementFromPoint(pt.clientX, pt.clientY)?.closest('.react-flow__node-box')?.getAttribute('data-id') ?? undefined;
      }
      const a = byId.get(from);
      const b = to ? byId.get(to) : undefined;
      if (!a || !b) return;
      const why = linkRefusal(a, b, links);
      if (why) useApp.getState().notify({ kind: 'error', text: refusalText(t, lang, why, a, b) });
      else void connectBoxes(t, lang, boxes, links, a.id, b.id);
    },
    [byId, links, boxes, t, lang],
  );

  const focusBox = (id: string) => requestAnimationFrame(() => paneRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus());

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (inTextField(e.target) || e.defaultPrevented) return;
    const nodeEl = (e.target as HTMLElement).closest('.react-flow__node-box');
    const id = nodeEl?.getAttribute('data-id');
    if (!id) return;
    const ui = useImpactUi.getState();
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      ui.set({ editing: { kind: 'box', id } });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      ui.set({ pendingDelete: { kind: 'box', id } });
    } else if (e.key === 'Escape' && ui.editing) {
      e.preventDefault();
      ui.set({ editing: null });
    } else {
      const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[e.key as 'ArrowLeft'];
      if (!dir || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      const next = neighbour(id, dir, boxes, pos);
      if (next) focusBox(next);
    }
  };

  const onDoubleClick = (e: React.MouseEvent) => {
    const el = e.target as HTMLElement;
    if (el.closest('.react-flow__node-box, button, .impact-quick')) return;
    if (!el.closest('.react-flow__pane, .react-flow__node-stage')) return;
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const stage = stageAt(p.x);
    if (!stage) return;
    const r = paneRef.current?.getBoundingClientRect();
    useImpactUi.getState().set({ adding: { stage, left: e.clientX - (r?.left ?? 0), top: e.clientY - (r?.top ?? 0) }, editing: null });
  };

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('picture.impact.canvas.keys'),
      'node.a11yDescription.keyboardDisabled': t('picture.impact.canvas.keys'),
      'edge.a11yDescription.default': t('canvas.a11y.edge'),
      'controls.ariaLabel': t('canvas.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('picture.impact.canvas.fit'),
      'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
      'handle.ariaLabel': t('canvas.a11y.handle'),
    }),
    [t],
  );

  return (
    <div className="impact-flow" data-layout={laidOut} ref={paneRef} onKeyDown={onKeyDown} onDoubleClick={onDoubleClick}>
      <ArrowDefs />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeClick={(_e, n) => n.type === 'box' && useImpactUi.getState().set({ editing: { kind: 'box', id: n.id }, adding: null })}
        onEdgeClick={(_e, ed) => useImpactUi.getState().set({ editing: { kind: 'link', id: ed.id }, adding: null })}
        onPaneClick={() => useImpactUi.getState().set({ adding: null })}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        connectionRadius={30}
        nodesDraggable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        disableKeyboardA11y
        edgesFocusable={false}
        minZoom={0.2}
        maxZoom={2}
        colorMode="system"
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('picture.impact.canvas.label')}
        aria-describedby="impact-keys"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
        <Controls showInteractive={false} position="bottom-right" />
        <Panel position="bottom-left">
          <Legend />
        </Panel>
      </ReactFlow>
      <p id="impact-keys" className="visually-hidden">
        {t('picture.impact.canvas.keys')}
      </p>
      <QuickAdd />
      <DeleteDialog model={model} onDone={(id) => id && focusBox(id)} />
    </div>
  );
}

/** What the marks and line patterns on the links mean. */
function Legend() {
  const { t } = useTranslation();
  return (
    <div className="canvas-legend impact-legend" role="group" aria-label={t('picture.impact.canvas.legend')}>
      <span className="legend-item legend-note">{t('picture.impact.canvas.legend')}:</span>
      {[...ASSUMPTION_STATUSES, 'none' as const].map((s) => (
        <span key={s} className={`legend-item status-${s}`}>
          <svg width="30" height="10" aria-hidden="true" className={`legend-line ilink-legend ilink-${s}`}>
            <line x1="1" y1="5" x2="29" y2="5" />
          </svg>
          <span aria-hidden="true" className="impact-status-mark">
            {STATUS_MARK[s]}
          </span>
          {t(`picture.impact.status.${s}`)}
        </span>
      ))}
    </div>
  );
}

/** The small form a "+" in a column header (or a double-click in a column) opens. */
function QuickAdd() {
  const adding = useImpactUi((s) => s.adding);
  return adding ? <QuickAddFields key={openingKey(adding)} adding={adding} /> : null;
}

function QuickAddFields({ adding }: { adding: NewBoxForm }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const set = useImpactUi((s) => s.set);
  const [name, setName] = useState('');
  const [stage, setStage] = useState<ImpactStage>(adding.stage);
  const submit = async () => {
    const n = name.trim();
    if (!n) return;
    const made = await createBox(t, lang, stage, n);
    if (made) set({ adding: null });
  };
  return (
    <form
      className="quick-create impact-quick"
      style={{ left: Math.max(8, adding.left), top: Math.max(8, adding.top) }}
      aria-labelledby="impact-quick-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          set({ adding: null });
        }
      }}
    >
      <h2 id="impact-quick-title">{t('picture.impact.add.title', { stage: t(`picture.stage.${stage}`) })}</h2>
      <label htmlFor="impact-quick-stage">{t('picture.impact.add.stage')}</label>
      <select id="impact-quick-stage" value={stage} onChange={(e) => setStage(e.target.value as ImpactStage)}>
        {IMPACT_STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`picture.stage.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor="impact-quick-name">{t('picture.impact.add.name')}</label>
      <input id="impact-quick-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('picture.impact.add.create')}
        </button>
        <button type="button" onClick={() => set({ adding: null })}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ model, onDone }: { model: ImpactModel; onDone(focusId?: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const pending = useImpactUi((s) => s.pendingDelete);
  const set = useImpactUi((s) => s.set);
  if (!pending) return null;
  const cancel = () => {
    set({ pendingDelete: null });
    onDone(pending.id);
  };
  return (
    <div className="canvas-dialog" role="alertdialog" aria-modal="true" aria-labelledby="impact-delete-text" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <p id="impact-delete-text">{deleteQuestion(t, lang, pending, model)}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            set({ pendingDelete: null });
            void deleteTarget(t, lang, pending, model.boxes, model.links).then(() => onDone());
          }}
        >
          {t('action.confirmDelete')}
        </button>
        <button type="button" onClick={cancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
