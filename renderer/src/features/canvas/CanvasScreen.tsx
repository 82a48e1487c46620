import '@xyflow/react/dist/style.css';
import './canvas.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { touchesGraph } from '../../../../shared/api/changes';
import { MAIN_VIEW } from '../../../../shared/api/canvas';
import { ENTITY_KINDS, pickText, type Entity, type EntityKind, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { inTextField } from '../../app/commands';
import { openingKey } from '../../app/openingKey';
import type { CanvasMode, Route } from '../../app/route';
import { entityIndex, useApp } from '../../app/store';
import { EntityPanel } from '../entities/EntityPanel';
import {
  applyPendingSelection,
  copySelection,
  createNode,
  getFlow,
  jumpTo,
  loadState,
  moveNodes,
  nodeSize,
  pasteClip,
  performDelete,
  positionsPending,
  requestDelete,
  runLayout,
  switchMode,
  fitPadding,
  BLOCKS_FROM,
} from './actions';
import { OverlayControls, AnalysisView } from './AnalysisView';
import { CANVAS_COMMANDS, shortcutLabel } from './canvasCommands';
import { DEFAULT_FILTERS, deriveGraph, useCanvas, type QuickCreate } from './canvasStore';
import { parseClip } from './clipboard';
import { CommandPalette } from './CommandPalette';
import { FlowCanvas } from './FlowCanvas';
import { adjacency, isFiltered, visibleIds } from './graph';
import { Menu, type MenuItem } from './Menu';
import { areaCodesOf } from './municipalities';
import { Outline } from './Outline';
import { Sidebar } from './Sidebar';
import { setPresenting, useCanvasUi } from './uiStore';
import { warmUpLayout } from './workers';
import { expandedMembers, groupingOf, summarise, SUMMARY_ABOVE } from './summary';
import { MapSummary } from './MapSummary';

/** Keeps the canvas store's nodes and edges in step with the workspace, the view and the overlay. */
function useDerivedGraph(baseline: boolean): void {
  // Off only for bench/canvas-scale.ts, which times today's full draw beside the summary.
  const [summaryOff] = useState(() => globalThis.localStorage?.getItem('kohtaanto.canvas.summary') === '0');
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const positions = useCanvas((s) => s.positions);
  const filters = useCanvas((s) => s.filters);
  const overlay = useCanvas((s) => s.overlay);
  const analysis = useCanvas((s) => s.analysis);
  const connectFrom = useCanvas((s) => s.connectFrom);
  const loadedView = useCanvas((s) => s.loadedView);
  const view = useCanvas((s) => s.view);
  const presenting = useCanvasUi((s) => s.presenting);
  const summary = useCanvas((s) => s.summary);
  const placing = useRef(false);
  const adj = useMemo(() => adjacency(links), [links]);

  useLayoutEffect(() => {
    const s = useCanvas.getState();
    let visible = visibleIds({ entities, byId: entityIndex(entities), adj, filters, areaCodes: areaCodesOf });
    // A view too large to draw at once opens on a summary of groups: only the groups opened
    // from it are drawn (and placed), the rest stay counted in the summary.
    let drawn: readonly Entity[] = entities;
    if (visible.size > SUMMARY_ABOVE && !summary.all && !summaryOff) {
      const { by, groups } = groupingOf(entities, links, summary.by);
      const shown = entities.filter((e) => visible.has(e.id));
      s.set({ summaryShown: { by, groups: summarise(shown, groups), total: shown.length } });
      visible = expandedMembers(visible, groups, summary.expanded);
      drawn = entities.filter((e) => visible.has(e.id));
    } else if (s.summaryShown) s.set({ summaryShown: null });
    const metrics = analysis && (overlay.size !== 'none' || overlay.colour !== 'kind') ? new Map(analysis.nodes.map((m) => [m.id, m])) : null;
    const { nodes, edges, unplaced } = deriveGraph(s.nodes, s.edges, {
      entities: drawn,
      links,
      visible,
      positions,
      size: nodeSize(),
      name: (e) => pickText(e.name, lang) || e.id,
      nameLang: (e) => ([lang, 'fi', 'sv', 'en'] as const).find((l) => e.name[l]?.trim()) ?? lang,
      kindLabel: (k) => t(`kind.${k}.one`),
      linkLabel: (ty) => t(`link.${ty}.name`),
      badge: (c, n) => t(`canvas.overlay.badge.${c}`, { n }),
      ariaLabel: (kind, name, pinned, count) => t(pinned ? 'canvas.a11y.nodePinned' : 'canvas.a11y.nodeLabel', { kind, name, count }),
      metrics,
      // As .clink-label draws them (11 px, or 15 px bold when presenting), with a little to spare.
      labelFont: presenting ? { char: 9.4, line: 18 } : { char: 6.6, line: 13 },
      overlay,
      connectFrom,
      baseline,
    });
    // Nodes without a place while positions are on their way (a paste, whose entities came in
    // first): drawn and placed once the positions are in, rather than placed twice.
    if (unplaced.length && positionsPending()) return;
    s.set({ nodes, edges, selected: new Set(nodes.filter((n) => n.selected).map((n) => n.id)) });
    applyPendingSelection();
    // Nodes new to this view, shown or hidden by a filter, get a place that is saved (not an
    // undoable edit of the user's). Many at once (a fresh workspace, an import) are laid out
    // together, whatever the filter shows, beside what was placed before: a large batch grouped
    // by life event (instant and readable), a smaller one layered in the worker.
    if (unplaced.length && loadedView === view && !placing.current) {
      placing.current = true;
      const ids = unplaced.map((u) => u.id);
      const firstLook = unplaced.length === drawn.length;
      const done =
        unplaced.length >= BLOCKS_FROM && entities.some((e) => e.kind === 'lifeEvent')
          ? runLayout('blocks', { undoable: false, ids, provisional: unplaced, firstLook })
          : unplaced.length > 1 && (firstLook || unplaced.length >= 8)
            ? runLayout('layered', { undoable: false, ids, provisional: unplaced, firstLook })
            : moveNodes(unplaced, 'place', false);
      void done.finally(() => (placing.current = false));
    }
  }, [entities, links, adj, positions, filters, overlay, analysis, connectFrom, lang, t, presenting, baseline, loadedView, view, summary]);
}

function QuickCreateForm() {
  const quick = useCanvas((s) => s.quick);
  // A fresh form for every opening: its kind and name start from this opening during the first
  // render, so nothing typed right after N (or a double-click) can be reset by a later effect.
  return quick ? <QuickCreateFields key={openingKey(quick)} quick={quick} /> : null;
}

function QuickCreateFields({ quick }: { quick: QuickCreate }) {
  const { t } = useTranslation();
  const set = useCanvas((s) => s.set);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EntityKind>(quick.kind);
  const submit = async () => {
    if (!name.trim()) return;
    await createNode(kind, name.trim(), quick.x, quick.y);
  };
  return (
    <form
      className="quick-create"
      style={{ left: quick.left, top: quick.top }}
      aria-labelledby="quick-create-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          set({ quick: null });
        }
      }}
    >
      <h2 id="quick-create-title">{t('canvas.quick.title')}</h2>
      <label htmlFor="quick-kind">{t('canvas.quick.kind')}</label>
      <select id="quick-kind" value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
        {ENTITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}.one`)}
          </option>
        ))}
      </select>
      <label htmlFor="quick-name">{t('field.name')}</label>
      <input id="quick-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('action.create')}
        </button>
        <button type="button" onClick={() => set({ quick: null })}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog() {
  const { t } = useTranslation();
  const pending = useCanvas((s) => s.pendingDelete);
  const set = useCanvas((s) => s.set);
  if (!pending) return null;
  const what = pending.ids.length === 1 ? `”${pending.names[0]}”` : t('canvas.delete.nodes', { count: pending.ids.length });
  return (
    <div className="canvas-dialog" role="alertdialog" aria-modal="true" aria-labelledby="delete-title" aria-describedby="delete-text">
      <h2 id="delete-title">{t('canvas.delete.title')}</h2>
      <p id="delete-text">{t('canvas.delete.text', { what, count: pending.alsoLinks })}</p>
      <div className="button-row">
        <button type="button" className="danger" autoFocus onClick={() => void performDelete(pending)}>
          {t('action.confirmDelete')}
        </button>
        <button
          type="button"
          onClick={() => set({ pendingDelete: null })}
          onKeyDown={(e) => e.key === 'Escape' && set({ pendingDelete: null })}
        >
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The search box: finds nodes by name; Enter (or a click) jumps to one. */
function Search() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const results = useMemo(() => {
    const f = q.trim().toLocaleLowerCase(lang);
    if (!f) return [];
    return entities
      .map((e) => ({ e, name: pickText(e.name, lang) || e.id }))
      .filter((x) => x.name.toLocaleLowerCase(lang).includes(f))
      .sort((a, b) => Number(!a.name.toLocaleLowerCase(lang).startsWith(f)) - Number(!b.name.toLocaleLowerCase(lang).startsWith(f)) || a.name.localeCompare(b.name, lang))
      .slice(0, 12);
  }, [q, entities, lang]);
  const go = (id: string | undefined) => {
    if (!id) return;
    setOpen(false);
    setQ('');
    jumpTo(id);
  };
  return (
    <div className="canvas-search">
      <input
        id="canvas-search"
        type="search"
        role="combobox"
        aria-label={t('canvas.search.label')}
        aria-expanded={open && results.length > 0}
        aria-controls="canvas-search-list"
        aria-activedescendant={open && results[active] ? `search-opt-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={t('canvas.search.placeholder')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            const n = results.length || 1;
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            go(results[active]?.e.id);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && results.length > 0 && (
        <ul id="canvas-search-list" role="listbox" className="search-results" aria-label={t('canvas.search.results')}>
          {results.map((r, i) => (
            <li
              key={r.e.id}
              id={`search-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(r.e.id);
              }}
            >
              <span className={`palette-marker kind-${r.e.kind}`} aria-hidden="true" />
              <span>{r.name}</span>
              <span className="shortcut">{t(`kind.${r.e.kind}.one`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function commandItems(ids: string[], t: (k: string) => string, sepBefore: string[] = []): MenuItem[] {
  return ids.map((id) => {
    const c = CANVAS_COMMANDS.find((x) => x.id === id)!;
    return { key: id, label: t(c.labelKey), hint: shortcutLabel(c), disabled: !c.enabled(), separatorBefore: sepBefore.includes(id), onSelect: () => void c.perform(t as never) };
  });
}

function Toolbar({ mode }: { mode: CanvasMode }) {
  const { t } = useTranslation();
  // Re-rendered on selection and layout changes, so that menu items enable and disable correctly.
  useCanvas((s) => s.selected);
  const interaction = useCanvas((s) => s.interaction);
  const set = useCanvas((s) => s.set);
  const presenting = useCanvasUi((s) => s.presenting);
  const tabs: CanvasMode[] = ['map', 'outline', 'analysis'];
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t('canvas.toolbar')}>
      <nav className="canvas-tabs" aria-label={t('canvas.modes')}>
        {tabs.map((m) => (
          <a
            key={m}
            href={`#/canvas/${m}`}
            aria-current={mode === m ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              switchMode(m);
            }}
          >
            {t(`canvas.mode.${m}`)}
          </a>
        ))}
      </nav>
      <Search />
      {mode === 'map' && (
        <>
          <Menu label={t('canvas.menu.layout')} items={commandItems(['canvas.layoutLayered', 'canvas.layoutOrganic', 'canvas.pin', 'canvas.fit'], t)} />
          <Menu
            label={t('canvas.menu.arrange')}
            items={commandItems(
              ['canvas.align.left', 'canvas.align.centerX', 'canvas.align.right', 'canvas.align.top', 'canvas.align.centerY', 'canvas.align.bottom', 'canvas.distribute.horizontal', 'canvas.distribute.vertical', 'canvas.copy', 'canvas.paste', 'canvas.duplicate', 'canvas.delete'],
              t,
              ['canvas.distribute.horizontal', 'canvas.copy'],
            )}
          />
          <Menu
            label={t('canvas.menu.export')}
            items={commandItems(['canvas.export.png.view', 'canvas.export.png.all', 'canvas.export.svg.view', 'canvas.export.svg.all', 'canvas.print'], t, ['canvas.print'])}
          />
          <div className="segmented" role="group" aria-label={t('canvas.interaction.label')}>
            {/* Icons with their names for assistive technology and as tooltips: the toolbar stays one row in every language. */}
            <button type="button" aria-pressed={interaction === 'pan'} onClick={() => set({ interaction: 'pan' })} aria-label={t('canvas.interaction.pan')} title={`${t('canvas.interaction.pan')}: ${t('canvas.interaction.panHint')}`}>
              <span aria-hidden="true">✥</span>
            </button>
            <button type="button" aria-pressed={interaction === 'select'} onClick={() => set({ interaction: 'select' })} aria-label={t('canvas.interaction.select')} title={`${t('canvas.interaction.select')}: ${t('canvas.interaction.selectHint')}`}>
              <span aria-hidden="true">⬚</span>
            </button>
          </div>
        </>
      )}
      <span className="spacer" />
      <button type="button" onClick={() => useCanvasUi.getState().set({ paletteOpen: true })} title={t('canvas.command.palette')}>
        <span className="visually-hidden">{t('canvas.command.palette')}</span>
        <kbd>Ctrl+K</kbd>
      </button>
      <button type="button" className="primary" aria-pressed={presenting} onClick={() => setPresenting(!presenting)} title="Ctrl+Alt+P">
        ▶ {t('canvas.command.present')}
      </button>
    </div>
  );
}

/** The status line above the map: how much is shown, and which filters are on. */
function StatusLine() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const nodes = useCanvas((s) => s.nodes.length);
  const edges = useCanvas((s) => s.edges.length);
  const filters = useCanvas((s) => s.filters);
  const views = useCanvas((s) => s.views);
  const view = useCanvas((s) => s.view);
  const connectFrom = useCanvas((s) => s.connectFrom);
  const layingOut = useCanvas((s) => s.layingOut);
  const entities = useApp((s) => s.entities);
  const current = views.find((v) => v.id === view);
  const fromName = connectFrom ? pickText(entities.find((e) => e.id === connectFrom)?.name, lang) : '';
  return (
    <div className="canvas-status" aria-live="polite">
      <strong>{current ? pickText(current.name, lang) : t('canvas.views.main')}</strong>
      <span>{t('canvas.status.counts', { nodes, links: edges })}</span>
      {isFiltered(filters) && <span className="badge">{t('canvas.status.filtered')}</span>}
      {layingOut && <span className="muted">{t('canvas.layout.running')}</span>}
      {connectFrom && <span className="badge badge-accent">{t('canvas.status.connecting', { name: fromName })}</span>}
    </div>
  );
}

/** What the room sees above a presented map: the workspace and the view, not counters. */
function PresentingTitle() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const info = useApp((s) => s.info);
  const views = useCanvas((s) => s.views);
  const view = useCanvas((s) => s.view);
  const current = views.find((v) => v.id === view);
  const title = pickText(info?.title, lang) || t('canvas.title');
  return (
    <>
      {title}
      {current && <span className="presenting-view"> – {pickText(current.name, lang)}</span>}
    </>
  );
}

/** The ecosystem canvas: the map, its outline twin and its network analysis, over one store. */
export default function CanvasScreen({ route }: { route: Extract<Route, { view: 'canvas' }> }) {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const entities = useApp((s) => s.entities);
  const editing = useCanvas((s) => s.editing);
  const loadedView = useCanvas((s) => s.loadedView);
  const presenting = useCanvasUi((s) => s.presenting);
  const [lastKind, setLastKind] = useState<EntityKind>('service');
  const [baseline] = useState(() => globalThis.localStorage?.getItem('kohtaanto.canvas.baseline') === '1');
  const view = route.canvasView ?? MAIN_VIEW;
  const mode = route.mode;

  // Each opening starts from the workspace's saved state, never from what the store held before
  // (it outlives the screen); another workspace also starts without the last one's filters,
  // focus and views. Before the graph is derived (a layout effect, ahead of useDerivedGraph's),
  // so that nothing is placed or shown from stale state.
  const wsPath = info?.path;
  /** The route's saved view when another workspace opened: the last workspace's, not to be loaded from this one. */
  const staleView = useRef<string | null>(null);
  useLayoutEffect(() => {
    const s = useCanvas.getState();
    const other = s.workspace !== (wsPath ?? null);
    s.set({
      loadedView: null,
      positions: {},
      analysis: null,
      analysisFor: null,
      editing: null,
      nodes: [],
      edges: [],
      selected: new Set(),
      connectFrom: null,
      quick: null,
      pendingDelete: null,
      ...(other ? { workspace: wsPath ?? null, filters: DEFAULT_FILTERS, view: MAIN_VIEW, views: [], savedViewport: null, summary: { by: null, expanded: [], all: false }, summaryShown: null } : {}),
    });
    // A saved view of the last workspace is none of this one's.
    if (other && s.workspace !== null && view !== MAIN_VIEW) {
      staleView.current = view;
      switchMode(mode);
    }
  }, [wsPath]);

  useDerivedGraph(baseline);

  useEffect(() => {
    // Asking this workspace for the last one's view would only fail ("no view …"); the route is
    // on its way to the main view, whose own run of this effect loads it.
    if (view === staleView.current) return;
    staleView.current = null;
    void loadState(view);
    // Changes (this window's, or another client's) to the graph or the canvas reload the view
    // the route shows; a matching run or a picture edit does not.
    const off = api.on('workspace.changed', (p) => {
      if (touchesGraph(p.changes) || p.changes?.canvas) void loadState(view);
    });
    return off;
  }, [view, wsPath]);

  useEffect(() => {
    useCanvasUi.getState().set({ mounted: true });
    // After the first frames, so that the warm-up does not compete with drawing the map.
    const timer = setTimeout(() => warmUpLayout(useApp.getState().entities.length), 2500);
    return () => {
      clearTimeout(timer);
      useCanvasUi.getState().set({ mounted: false });
    };
  }, []);

  // Presentation: the app's chrome steps aside (CSS on this class), and leaving full screen ends it.
  const presentingSeen = useRef(presenting);
  useEffect(() => {
    document.body.classList.toggle('kohtaanto-presenting', presenting);
    const onFs = () => {
      if (!document.fullscreenElement && useCanvasUi.getState().presenting) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onFs);
    // Esc leaves, wherever the focus is (the button says so), unless it closes something open
    // over the map first; the map takes the focus, so that its keys work at once.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !presenting || inTextField(e.target)) return;
      const c = useCanvas.getState();
      if (c.quick || c.pendingDelete || c.editing || c.connectFrom || useCanvasUi.getState().paletteOpen) return;
      e.preventDefault();
      e.stopPropagation();
      setPresenting(false);
    };
    if (presenting) {
      window.addEventListener('keydown', onKey, true);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.canvas-flow')?.focus({ preventScroll: true }));
    }
    // Entering or leaving presentation fits the map to the new size. Not when the screen opens:
    // the map's own first fit (a saved viewport, or a first layout's readable part) comes then,
    // and an animated fit-all started here would run on over it and leave the map zoomed out.
    if (presentingSeen.current !== presenting) requestAnimationFrame(() => requestAnimationFrame(() => getFlow()?.fitView({ padding: fitPadding(), duration: 300 })));
    presentingSeen.current = presenting;
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFs);
      document.body.classList.remove('kohtaanto-presenting');
    };
  }, [presenting]);

  // Printing shows the whole map on the page, then puts the view back as it was.
  useEffect(() => {
    let before: { x: number; y: number; zoom: number } | undefined;
    const onBefore = () => {
      before = getFlow()?.getViewport();
      void getFlow()?.fitView({ padding: fitPadding() });
    };
    const onAfter = () => before && void getFlow()?.setViewport(before);
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    return () => {
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
    };
  }, []);

  // Clipboard events carry the data without any permission prompt, across windows and workspaces.
  useEffect(() => {
    const active = () => mode === 'map' && !inTextField(document.activeElement) && !useCanvas.getState().quick;
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (!active() || !useCanvas.getState().selected.size) return;
      const clip = copySelection();
      if (!clip || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', JSON.stringify(clip));
      e.preventDefault();
      if (cut) requestDelete();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (!active()) return;
      const clip = parseClip(e.clipboardData?.getData('text/plain') ?? '');
      if (!clip) return;
      e.preventDefault();
      void pasteClip(clip);
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [mode]);

  const editingEntity = editing ? entities.find((e) => e.id === editing) : undefined;
  // Opening the editor puts the cursor in its first field, so editing flows on from the keyboard.
  useEffect(() => {
    if (!editing) return;
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.canvas-body > .panel input, .canvas-body > .panel textarea')?.focus());
  }, [editing]);
  const closeEditor = (id: string) => {
    useCanvas.getState().set({ editing: null });
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus());
  };

  return (
    <ReactFlowProvider>
      <div className={`canvas-screen mode-${mode}${presenting ? ' is-presenting' : ''}`}>
        <h1 className={presenting ? 'presenting-title' : 'visually-hidden'}>{presenting ? <PresentingTitle /> : t('canvas.title')}</h1>
        {!presenting && <Toolbar mode={mode} />}
        {presenting && (
          <div className="present-bar" role="toolbar" aria-label={t('canvas.toolbar')}>
            <Search />
            <button type="button" onClick={() => getFlow()?.fitView({ padding: fitPadding(), duration: 250 })}>
              {t('canvas.command.fit')}
            </button>
            <button type="button" className="primary" onClick={() => setPresenting(false)}>
              ✕ {t('canvas.command.presentOff')} <kbd>Esc</kbd>
            </button>
          </div>
        )}
        <div
          className={`canvas-body${editingEntity ? ' with-panel' : ''}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && editingEntity && (e.target as HTMLElement).closest('.panel')) {
              e.preventDefault();
              closeEditor(editingEntity.id);
            }
          }}
        >
          {!presenting && mode !== 'analysis' && <Sidebar showPalette={mode === 'map'} onKind={setLastKind} />}
          <div className="canvas-main">
            {mode === 'map' && (
              <>
                {!presenting && <StatusLine />}
                <div className="canvas-stage">
                  {loadedView === null ? (
                    <p className="muted canvas-loading" role="status">
                      {t('app.loading')}
                    </p>
                  ) : (
                    <FlowCanvas lastKind={lastKind} />
                  )}
                  {loadedView !== null && <MapSummary />}
                  <QuickCreateForm />
                  <DeleteDialog />
                </div>
                {!presenting && (
                  <div className="canvas-footer">
                    <OverlayControls />
                  </div>
                )}
              </>
            )}
            {mode === 'outline' && <Outline />}
            {mode === 'analysis' && <AnalysisView />}
          </div>
          {editingEntity && (
            <EntityPanel key={editingEntity.id} kind={editingEntity.kind} entity={editingEntity} onClose={() => closeEditor(editingEntity.id)} onSaved={() => undefined} />
          )}
        </div>
        <CommandPalette />
      </div>
    </ReactFlowProvider>
  );
}
