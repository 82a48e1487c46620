import { randomUUID } from 'node:crypto';
import { MAIN_VIEW, type CanvasClip, type NodePosition } from '../../../shared/api/canvas';
import { encodeLabel, labelName } from '../../../shared/api/history';
import { pickText, type Entity } from '../../../shared/model';
import type { Handlers } from '../registry';
import { newEntityId, newLinkId } from '../store/ids';
import { validEntity, validLink, type EditTx, type Workspace } from '../store/workspace';
import { codedError, said } from '../messages';

const REASON_LABEL = {
  move: 'Move',
  layout: 'Automatic layout of',
  align: 'Align',
  distribute: 'Distribute',
  pin: 'Pin',
  unpin: 'Unpin',
  nudge: 'Nudge',
  place: 'Place',
} as const;

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function requireView(ws: Workspace, view: string): void {
  if (view !== MAIN_VIEW && !ws.getView(view)) throw codedError('not_found', said('edit.noView', { id: view }));
}

/** A saved view shows its own positions, and the main canvas's for nodes it has none of yet. */
export function viewPositions(ws: Workspace, view: string): Map<string, NodePosition> {
  const main = ws.listPositions(MAIN_VIEW);
  if (view === MAIN_VIEW) return main;
  for (const [id, p] of ws.listPositions(view)) main.set(id, p);
  return main;
}

/** Writes a position on the view, and on the main canvas too when that has none (so a node made in a saved view is not lost there). */
function place(tx: EditTx, ws: Workspace, view: string, id: string, x: number, y: number): void {
  tx.putPosition(view, id, { x, y, pinned: false });
  if (view !== MAIN_VIEW && !ws.getPosition(MAIN_VIEW, id)) tx.putPosition(MAIN_VIEW, id, { x, y, pinned: false });
}

/** Copies of the clip's entities and links under fresh ids; ids inside the clip are remapped. */
export function remapClip(clip: CanvasClip, newId: (e: Entity) => string, linkId: () => string) {
  const ids = new Map<string, string>();
  for (const e of clip.entities) ids.set(e.id, newId(e));
  const entities = clip.entities.map((e) => {
    const copy = { ...structuredClone(e), id: ids.get(e.id)! } as Entity;
    if (copy.kind === 'persona') copy.expectedServices = copy.expectedServices.map((s) => ids.get(s) ?? s);
    return copy;
  });
  const links = clip.links
    .filter((l) => ids.has(l.source) && ids.has(l.target))
    .map((l) => ({ ...l, id: linkId(), source: ids.get(l.source)!, target: ids.get(l.target)! }));
  return { ids, entities, links };
}

export const canvasHandlers: Handlers = {
  'canvas.state': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.view);
    return {
      view: input.view,
      views: ws.listViews(),
      positions: Object.fromEntries(viewPositions(ws, input.view)),
      viewport: ws.getViewport(input.view) ?? null,
    };
  },

  'canvas.move': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.view);
    const current = viewPositions(ws, input.view);
    // A node deleted by another client while this one was dragging it is simply skipped.
    const moves = input.moves.filter((m) => ws.getEntity(m.id));
    const label = encodeLabel(`${REASON_LABEL[input.reason]} ${plural(moves.length, 'node')}`, { key: 'canvasMove', params: { reason: input.reason, count: moves.length }, screen: 'map' });
    ws.edit(
      label,
      (tx) => {
        for (const m of moves) tx.putPosition(input.view, m.id, { x: m.x, y: m.y, pinned: m.pinned ?? current.get(m.id)?.pinned ?? false });
      },
      { undoable: input.undoable },
    );
    return { moved: moves.length };
  },

  'canvas.setViewport': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.view);
    ws.setViewport(input.view, input.viewport);
    return null;
  },

  'canvas.createNode': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.view);
    const entity = validEntity({ ...input.entity, id: input.entity.id ?? newEntityId(input.entity.kind) });
    if (ws.getEntity(entity.id)) throw codedError('conflict', said('edit.idInUse', { id: entity.id }));
    const text = `Create ${entity.kind} "${pickText(entity.name, 'fi').slice(0, 60)}"`;
    ws.edit(encodeLabel(text, { key: 'entityCreate', params: { kind: entity.kind, name: labelName(entity.name) }, entity: { kind: entity.kind, id: entity.id } }), (tx) => {
      tx.putEntity(entity);
      place(tx, ws, input.view, entity.id, input.x, input.y);
    });
    return entity;
  },

  'canvas.deleteNodes': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    for (const id of input.ids) if (!ws.getEntity(id)) throw codedError('not_found', said('edit.noEntity', { id }));
    const n = input.ids.length;
    const label = n
      ? encodeLabel(`Delete ${plural(n, 'node')}`, { key: 'nodesDelete', params: { count: n } })
      : encodeLabel(`Delete ${plural(input.linkIds.length, 'link')}`, { key: 'linksDelete', params: { count: input.linkIds.length } });
    return ws.edit(label, (tx) => {
      let deletedLinks = 0;
      for (const id of new Set(input.linkIds)) {
        // A link may already have gone with a node deleted by another client: nothing to do.
        if (!ws.getLink(id)) continue;
        tx.deleteLink(id);
        deletedLinks++;
      }
      for (const id of new Set(input.ids)) deletedLinks += tx.deleteEntity(id);
      return { deletedEntities: new Set(input.ids).size, deletedLinks };
    });
  },

  'canvas.paste': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.view);
    const { ids, entities, links } = remapClip(input.clip, (e) => newEntityId(e.kind), newLinkId);
    const placed = input.clip.entities.map((e) => input.clip.positions[e.id]).filter(Boolean);
    const minX = placed.length ? Math.min(...placed.map((p) => p.x)) : 0;
    const minY = placed.length ? Math.min(...placed.map((p) => p.y)) : 0;
    ws.edit(encodeLabel(`Paste ${plural(entities.length, 'node')}`, { key: 'nodesPaste', params: { count: entities.length } }), (tx) => {
      input.clip.entities.forEach((orig, i) => {
        const e = validEntity(entities[i]);
        tx.putEntity(e);
        // Keep the copied arrangement; entities copied without a position are lined up below.
        const p = input.clip.positions[orig.id] ?? { x: minX + (i % 6) * 240, y: minY + Math.floor(i / 6) * 110 };
        place(tx, ws, input.view, e.id, input.x + p.x - minX, input.y + p.y - minY);
      });
      for (const l of links) tx.putLink(validLink(l));
    });
    return { ids: [...ids.values()], linkIds: links.map((l) => l.id) };
  },

  'canvas.saveView': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    requireView(ws, input.copyFrom);
    if (input.id === MAIN_VIEW) throw codedError('invalid_input', said('edit.mainViewNotSaved'));
    const before = input.id ? ws.getView(input.id) : undefined;
    if (input.id && !before) throw codedError('not_found', said('edit.noView', { id: input.id }));
    const view = {
      id: before?.id ?? `view-${randomUUID().slice(0, 13)}`,
      name: input.name,
      filters: input.filters,
      createdAt: before?.createdAt ?? ctx.now().toISOString(),
    };
    const source = before ? undefined : viewPositions(ws, input.copyFrom);
    const viewText = `${before ? 'Edit' : 'Save'} view "${pickText(view.name, 'fi').slice(0, 60)}"`;
    ws.edit(encodeLabel(viewText, { key: before ? 'viewEdit' : 'viewSave', params: { name: labelName(view.name) }, screen: 'map' }), (tx) => {
      // The pan and zoom go into the same edit, so undo and redo keep them with the view.
      tx.putView(view, input.viewport ?? undefined);
      if (source) {
        for (const id of input.ids) {
          const p = source.get(id);
          if (p && ws.getEntity(id)) tx.putPosition(view.id, id, p);
        }
      }
    });
    return view;
  },

  'canvas.deleteView': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const view = ws.getView(input.id);
    if (!view) throw codedError('not_found', said('edit.noView', { id: input.id }));
    ws.edit(encodeLabel(`Delete view "${pickText(view.name, 'fi').slice(0, 60)}"`, { key: 'viewDelete', params: { name: labelName(view.name) }, screen: 'map' }), (tx) => tx.deleteView(input.id));
    return null;
  },
};
