import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type Node,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityKind, type LinkType } from '../../../../shared/model';
import { inTextField, shortcutOf } from '../../app/commands';
import { entityIndex, useApp } from '../../app/store';
import {
  applyPendingSelection,
  attachFlow,
  centreOn,
  connect,
  moveNodes,
  nudge,
  openQuickCreate,
  refusal,
  rememberViewport,
  selectNeighbour,
  fitPadding,
  fitOnItsWay,
  fitShown,
  layoutsSoFar,
} from './actions';
import { findCanvasCommand, NUDGE } from './canvasCommands';
import { useCanvas, VISIBLE_ONLY_ABOVE, type EntityNodeData, type LinkEdgeData } from './canvasStore';
import { ArrowDefs, edgeTypes } from './edges';
import { nodeTypes } from './nodes';
import { KIND_COLOURS, LINK_DASH } from './shapes';
import { useCanvasUi } from './uiStore';

export const DRAG_KIND = 'application/x-kohtaanto-kind';

const zoomedOutSelector = (s: { transform: [number, number, number] }) => s.transform[2] < 0.35;
// Below this zoom link labels would be small and pile up where links converge: only the links
// around the selection keep theirs.
const labelsOffSelector = (s: { transform: [number, number, number] }) => s.transform[2] < 0.95;

/** The React Flow map itself, with mouse and keyboard editing wired to the canvas actions. */
export function FlowCanvas({ lastKind }: { lastKind: EntityKind }) {
  const { t } = useTranslation();
  const nodes = useCanvas((s) => s.nodes);
  const edges = useCanvas((s) => s.edges);
  const onNodesChange = useCanvas((s) => s.onNodesChange);
  const onEdgesChange = useCanvas((s) => s.onEdgesChange);
  const interaction = useCanvas((s) => s.interaction);
  const connectFrom = useCanvas((s) => s.connectFrom);
  const presenting = useCanvasUi((s) => s.presenting);
  const rf = useReactFlow();
  const paneRef = useRef<HTMLDivElement>(null);
  const zoomedOut = useStore(zoomedOutSelector);
  const labelsOff = useStore(labelsOffSelector);
  const large = nodes.length > VISIBLE_ONLY_ABOVE;
  const [baseline] = useState(() => globalThis.localStorage?.getItem('kohtaanto.canvas.baseline') === '1');

  useEffect(() => {
    attachFlow(rf, paneRef.current);
    return () => attachFlow(null, null);
  }, [rf]);

  useEffect(() => {
    applyPendingSelection();
  }, [nodes]);

  // Each view opens where it was left (its saved viewport), or fitted to the screen the first time.
  const loadedView = useCanvas((s) => s.loadedView);
  const opened = useRef<string | null>(null);
  const hasNodes = nodes.length > 0;
  useEffect(() => {
    if (!loadedView || !hasNodes || opened.current === loadedView) return;
    opened.current = loadedView;
    let tries = 0;
    const layouts = layoutsSoFar();
    const apply = async () => {
      // A first layout under way, or one that ran while this fit waited for React Flow to measure
      // its pane, fits the map itself (to a readable part, if large): fitting the whole map after
      // it would undo that (a large import then opened at zoom 0.03).
      if (useCanvas.getState().layingOut || fitOnItsWay() || layoutsSoFar() !== layouts) return;
      const saved = useCanvas.getState().savedViewport;
      // A saved viewport that shows none of what the view shows now (the map was laid out or
      // filtered since) would open on empty space: fit instead.
      const vp = saved && showsAny(saved, paneRef.current, useCanvas.getState().nodes) ? saved : null;
      // React Flow needs its pane measured first; until then fitting does nothing.
      const ok = vp ? (await rf.setViewport(vp), true) : await rf.fitView({ padding: fitPadding() });
      if (!ok && ++tries < 20) requestAnimationFrame(() => void apply());
      // The first frame of the map as people see it: what bench/canvas-render.ts times.
      else requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('kohtaanto:canvas-ready')));
    };
    requestAnimationFrame(() => void apply());
  }, [loadedView, hasNodes, rf]);

  // A changed filter shows other nodes: fit to them (a view switch brings its own viewport instead).
  const filters = useCanvas((s) => s.filters);
  const filtersSeen = useRef({ filters, loadedView });
  useEffect(() => {
    const seen = filtersSeen.current;
    filtersSeen.current = { filters, loadedView };
    if (seen.filters === filters || seen.loadedView !== loadedView || !loadedView) return;
    fitShown({ duration: 250 });
  }, [filters, loadedView]);

  const onDragStop = useCallback((_e: unknown, _n: Node, dragged: Node[]) => {
    void moveNodes(
      dragged.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y })),
      'move',
    );
  }, []);
  const onSelectionDragStop = useCallback((_e: unknown, dragged: Node[]) => {
    void moveNodes(
      dragged.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y })),
      'move',
    );
  }, []);

  const isValidConnection = useCallback((c: Edge | Connection) => {
    const byId = entityIndex(useApp.getState().entities);
    const a = byId.get(c.source);
    const b = byId.get(c.target);
    return !!a && !!b && refusal(a, b) === null;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    void connect(c.source, c.target);
  }, []);

  // A refused connection says why; a drop on a node's body (not its handle) connects to that node.
  const onConnectEnd: OnConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const from = state.fromNode?.id;
    if (!from) return;
    if (state.toNode) {
      if (!state.isValid) {
        const byId = entityIndex(useApp.getState().entities);
        const a = byId.get(from);
        const b = byId.get(state.toNode.id);
        const why = a && b ? refusal(a, b) : null;
        if (why) useApp.getState().notify({ kind: 'error', text: why });
      }
      return;
    }
    const pt = 'changedTouches' in event ? event.changedTouches[0] : event;
    const el = document.elementFromPoint(pt.clientX, pt.clientY)?.closest('.react-flow__node');
    const to = el?.getAttribute('data-id');
    if (to && to !== from) void connect(from, to);
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (inTextField(e.target) || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    const nodeEl = target.closest('.react-flow__node');
    const focusedId = nodeEl?.getAttribute('data-id') ?? undefined;
    // Buttons inside the canvas (zoom controls, the form) keep their own Enter and Space.
    if (!nodeEl && target.closest('button, a, .react-flow__minimap')) return;
    const s = useCanvas.getState();
    if (focusedId && !s.selected.has(focusedId)) s.selectOnly([focusedId]);

    if (s.connectFrom && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      const to = focusedId ?? [...s.selected][0];
      const from = s.connectFrom;
      s.set({ connectFrom: null });
      if (to) void connect(from, to);
      return;
    }
    if (e.key === 'Escape') {
      if (s.connectFrom || s.quick || s.selected.size) {
        e.preventDefault();
        s.set({ connectFrom: null, quick: null });
        if (!s.connectFrom && !s.quick) s.selectOnly([]);
        return;
      }
    }
    const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[e.key as 'ArrowLeft'];
    if (dir && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) {
        const [dx, dy] = { left: [-NUDGE, 0], right: [NUDGE, 0], up: [0, -NUDGE], down: [0, NUDGE] }[dir];
        void nudge(dx, dy);
      } else selectNeighbour(dir, focusedId);
      return;
    }
    // Copy, cut and paste arrive as clipboard events (see CanvasScreen), which need no permission.
    const sc = shortcutOf(e.nativeEvent);
    if (sc === 'Mod+C' || sc === 'Mod+X' || sc === 'Mod+V') return;
    const cmd = findCanvasCommand(sc);
    if (cmd && cmd.enabled()) {
      e.preventDefault();
      e.stopPropagation();
      void cmd.perform(t);
    }
  };

  // Keyboard focus on a node selects it (like a list), and brings it into view.
  const onFocus = (e: React.FocusEvent) => {
    const el = e.target as HTMLElement;
    if (!el.classList.contains('react-flow__node') || !el.matches(':focus-visible')) return;
    const id = el.getAttribute('data-id');
    if (!id) return;
    const s = useCanvas.getState();
    if (!s.selected.has(id)) s.selectOnly([id]);
    const r = paneRef.current?.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    if (r && (b.left < r.left || b.right > r.right || b.top < r.top || b.bottom > r.bottom)) centreOn(id);
  };

  const onDoubleClick = (e: React.MouseEvent) => {
    const t2 = e.target as HTMLElement;
    if (t2.closest('.react-flow__node')) return;
    if (!t2.closest('.react-flow__pane')) return;
    openQuickCreate(lastKind, e);
  };

  const onDrop = (e: React.DragEvent) => {
    const kind = e.dataTransfer.getData(DRAG_KIND) as EntityKind;
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) return;
    e.preventDefault();
    openQuickCreate(kind, e);
  };

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.node'),
      'edge.a11yDescription.default': t('canvas.a11y.edge'),
      'controls.ariaLabel': t('canvas.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
      'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
      'minimap.ariaLabel': t('canvas.a11y.minimap'),
      'handle.ariaLabel': t('canvas.a11y.handle'),
    }),
    [t],
  );

  const minimapColour = useCallback((n: Node) => KIND_COLOURS[(n.data as EntityNodeData).kind] ?? '#888', []);

  return (
    <div
      className={`canvas-flow${zoomedOut && large ? ' zoomed-out' : ''}${labelsOff ? ' labels-off' : ''}${connectFrom ? ' is-connecting' : ''}`}
      ref={paneRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onDoubleClick={onDoubleClick}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_KIND)) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <ArrowDefs />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onDragStop}
        onSelectionDragStop={onSelectionDragStop}
        onNodeDoubleClick={(_e, n) => useCanvas.getState().set({ editing: n.id })}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        onMoveEnd={rememberViewport}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Control', 'Meta']}
        selectionOnDrag={interaction === 'select'}
        panOnDrag={interaction === 'select' ? [1, 2] : true}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements={large}
        edgesFocusable={false}
        disableKeyboardA11y
        minZoom={0.03}
        maxZoom={presenting ? 4 : 2.5}
        colorMode="system"
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('canvas.a11y.canvas')}
        aria-describedby="canvas-keys"
        elevateNodesOnSelect={false}
      >
        {!baseline && <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />}
        <Controls showInteractive={false} position="bottom-right" />
        {!presenting && <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} position="top-right" ariaLabel={t('canvas.a11y.minimap')} />}
        <Panel position="bottom-left" className="canvas-legend-panel">
          <Legend />
        </Panel>
      </ReactFlow>
      <p id="canvas-keys" className="visually-hidden">
        {t('canvas.a11y.keys')}
      </p>
    </div>
  );
}

/** Whether a viewport (pan and zoom) puts any of the nodes inside the pane. */
function showsAny(vp: { x: number; y: number; zoom: number }, pane: HTMLElement | null, nodes: readonly Node[]): boolean {
  const r = pane?.getBoundingClientRect();
  if (!r || !r.width || !nodes.length) return true;
  return nodes.some((n) => {
    const x = n.position.x * vp.zoom + vp.x;
    const y = n.position.y * vp.zoom + vp.y;
    return x + (n.width ?? 0) * vp.zoom > 0 && x < r.width && y + (n.height ?? 0) * vp.zoom > 0 && y < r.height;
  });
}

/** The on-screen legend: kinds with their marker, and what the line patterns mean. */
export function Legend() {
  const { t } = useTranslation();
  const nodes = useCanvas((s) => s.nodes);
  const edges = useCanvas((s) => s.edges);
  const overlay = useCanvas((s) => s.overlay);
  const kinds = useMemo(() => ENTITY_KINDS.filter((k) => nodes.some((n) => (n.data as EntityNodeData).kind === k)), [nodes]);
  const types = useMemo(() => {
    const present = new Set(edges.map((e) => (e.data as LinkEdgeData | undefined)?.type));
    return (Object.keys(LINK_DASH) as LinkType[]).filter((ty) => present.has(ty));
  }, [edges]);
  return (
    <div className="canvas-legend" aria-label={t('canvas.export.legend')} role="group">
      {kinds.map((k) => (
        <span key={k} className="legend-item">
          <span className={`legend-marker kind-${k}`} aria-hidden="true" />
          {t(`kind.${k}.plural`)}
        </span>
      ))}
      {types.map((ty) => (
        <span key={ty} className="legend-item">
          <svg width="30" height="10" aria-hidden="true" className="legend-line">
            <line x1="1" y1="5" x2="23" y2="5" strokeDasharray={LINK_DASH[ty]} />
            <path d="M22,1 L29,5 L22,9 z" />
          </svg>
          {t(`link.${ty}.name`)}
        </span>
      ))}
      {overlay.size !== 'none' && <span className="legend-item legend-note">{t(`canvas.overlay.sizeNote.${overlay.size}`)}</span>}
      {overlay.colour !== 'kind' && <span className="legend-item legend-note">{t(`canvas.overlay.colourNote.${overlay.colour}`)}</span>}
    </div>
  );
}
