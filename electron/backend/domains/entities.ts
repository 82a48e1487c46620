import { decodeLabel, encodeLabel, labelName } from '../../../shared/api/history';
import { LINK_TYPES, pickText, type Entity, type Link } from '../../../shared/model';
import type { Handlers } from '../registry';
import { newEntityId, newLinkId } from '../store/ids';
import { validEntity, validLink, type Workspace } from '../store/workspace';
import { entityPage, entityPosition } from './entity-page';
import { codedError, said } from '../messages';

type Verb = 'Create' | 'Edit' | 'Delete';
const VERB_KEY = { Create: 'entityCreate', Edit: 'entityEdit', Delete: 'entityDelete' } as const;

function label(verb: Verb, e: Entity): string {
  return encodeLabel(`${verb} ${e.kind} "${pickText(e.name, 'fi').slice(0, 60)}"`, {
    key: VERB_KEY[verb],
    params: { kind: e.kind, name: labelName(e.name) },
    entity: { kind: e.kind, id: e.id },
  });
}

/** "Link Kela → Toimeentulo", with the names of both ends as they are now. */
function linkLabel(ws: Workspace, verb: 'Link' | 'Edit link' | 'Unlink', l: Pick<Link, 'type' | 'source' | 'target'>): string {
  const key = verb === 'Link' ? 'linkCreate' : verb === 'Unlink' ? 'linkDelete' : 'linkEdit';
  const source = ws.getEntity(l.source);
  const target = ws.getEntity(l.target);
  const name = (e: Entity | undefined, id: string) => (e ? pickText(e.name, 'fi').slice(0, 60) || id : id);
  return encodeLabel(`${verb} ${l.type} ${name(source, l.source)} → ${name(target, l.target)}`, {
    key,
    params: { type: l.type, source: source ? labelName(source.name) : l.source, target: target ? labelName(target.name) : l.target },
    ...(source ? { entity: { kind: source.kind, id: source.id } } : {}),
  });
}

/** The history state with its labels as structure too, and, after undo or redo, what was done. */
function historyState(ws: Workspace, doneStored?: string) {
  const s = ws.historyState();
  const undo = s.undoLabel === undefined ? undefined : decodeLabel(s.undoLabel);
  const redo = s.redoLabel === undefined ? undefined : decodeLabel(s.redoLabel);
  const done = doneStored === undefined ? undefined : decodeLabel(doneStored);
  return {
    canUndo: s.canUndo,
    canRedo: s.canRedo,
    undoLabel: undo?.text,
    redoLabel: redo?.text,
    undo: undo?.label,
    redo: redo?.label,
    doneLabel: done?.text,
    done: done?.label,
  };
}

export const entityHandlers: Handlers = {
  'entities.list': (ctx, input) => ctx.requireWorkspace().listEntities(input.kind),
  'entities.getMany': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    return input.ids.flatMap((id) => ws.getEntity(id) ?? []);
  },
  'entities.page': (ctx, input) => entityPage(ctx.requireWorkspace(), input),
  'entities.scan': (ctx, input) => {
    const items = ctx.requireWorkspace().scanEntities(input.after ?? '', input.limit);
    return { items, next: items.length === input.limit ? items[items.length - 1].id : null };
  },
  'links.scan': (ctx, input) => {
    const items = ctx.requireWorkspace().scanLinks(input.after ?? '', input.limit);
    return { items, next: items.length === input.limit ? items[items.length - 1].id : null };
  },
  'entities.position': (ctx, input) => ({ index: entityPosition(ctx.requireWorkspace(), input) }),
  'entities.get': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const entity = ws.getEntity(input.id);
    if (!entity) throw codedError('not_found', said('edit.noEntity', { id: input.id }));
    return { entity, links: ws.linksOf(input.id) };
  },
  'entities.create': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const entity = validEntity({ ...input.entity, id: input.entity.id ?? newEntityId(input.entity.kind) });
    if (ws.getEntity(entity.id)) throw codedError('conflict', said('edit.idInUse', { id: entity.id }));
    // putLink checks kinds inside the one transaction, so a bad link leaves nothing behind.
    const links = (input.linkTo ?? []).map((l) => {
      if (!ws.getEntity(l.other)) throw codedError('not_found', said('edit.noEntity', { id: l.other }));
      const [source, target] = l.outgoing ? [entity.id, l.other] : [l.other, entity.id];
      return { id: newLinkId(), type: l.type, source, target, data: l.data };
    });
    const other = input.context ? ws.getEntity(input.context) : links.length ? ws.getEntity(links[0].source === entity.id ? links[0].target : links[0].source) : undefined;
    const text = `Create ${entity.kind} "${pickText(entity.name, 'fi').slice(0, 60)}"${other ? ` in ${other.kind} "${pickText(other.name, 'fi').slice(0, 60)}"` : ''}`;
    const stored = other
      ? encodeLabel(text, {
          key: 'entityCreateLinked',
          params: { kind: entity.kind, name: labelName(entity.name), otherKind: other.kind, other: labelName(other.name) },
          entity: { kind: entity.kind, id: entity.id },
        })
      : label('Create', entity);
    ws.edit(stored, (tx) => {
      tx.putEntity(entity);
      for (const l of links) tx.putLink(validLink(l));
    });
    return entity;
  },
  'entities.update': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getEntity(input.entity.id);
    if (!before) throw codedError('not_found', said('edit.noEntity', { id: input.entity.id }));
    if (before.kind !== input.entity.kind) throw codedError('invalid_input', said('edit.kindFixed'));
    const entity = validEntity(input.entity);
    ws.edit(label('Edit', entity), (tx) => tx.putEntity(entity));
    return entity;
  },
  'entities.delete': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getEntity(input.id);
    if (!before) throw codedError('not_found', said('edit.noEntity', { id: input.id }));
    const deletedLinks = ws.edit(label('Delete', before), (tx) => tx.deleteEntity(input.id));
    return { deletedLinks };
  },

  'links.list': (ctx, input) => ctx.requireWorkspace().listLinks(input),
  'links.getMany': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    return input.ids.flatMap((id) => ws.getLink(id) ?? []);
  },
  'links.create': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const link = validLink({ id: newLinkId(), ...input });
    ws.edit(linkLabel(ws, 'Link', link), (tx) => tx.putLink(link));
    return link;
  },
  'links.createMany': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    // All validated first: one bad link and none is written.
    const links = input.links.map((l) => validLink({ id: newLinkId(), ...l }));
    const stored =
      links.length === 1
        ? linkLabel(ws, 'Link', links[0])
        : (() => {
            // Picked from one entity's panel, so every link shares one end: name that one.
            const shared = links.every((l) => l.source === links[0].source) ? links[0].source : links.every((l) => l.target === links[0].target) ? links[0].target : undefined;
            const e = shared ? ws.getEntity(shared) : undefined;
            return encodeLabel(`Link ${links.length} × ${links[0].type}${e ? ` for "${pickText(e.name, 'fi').slice(0, 60)}"` : ''}`, {
              key: e ? 'linkCreateMany' : 'linkCreateManyPlain',
              params: { type: links[0].type, count: links.length, ...(e ? { name: labelName(e.name) } : {}) },
              ...(e ? { entity: { kind: e.kind, id: e.id } } : {}),
            });
          })();
    ws.edit(stored, (tx) => {
      for (const l of links) tx.putLink(l);
    });
    return links;
  },
  'links.update': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getLink(input.id);
    if (!before) throw codedError('not_found', said('edit.noLink', { id: input.id }));
    const link = validLink({ ...before, data: input.data });
    ws.edit(linkLabel(ws, 'Edit link', before), (tx) => tx.putLink(link));
    return link;
  },
  'links.delete': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getLink(input.id);
    if (!before) throw codedError('not_found', said('edit.noLink', { id: input.id }));
    if (!(before.type in LINK_TYPES)) throw codedError('invalid_input', said('edit.unknownLinkType'));
    ws.edit(linkLabel(ws, 'Unlink', before), (tx) => tx.deleteLink(input.id));
    return null;
  },

  'history.state': (ctx) => historyState(ctx.requireWorkspace()),
  'history.undo': (ctx) => {
    const ws = ctx.requireWorkspace();
    return historyState(ws, ws.undo());
  },
  'history.redo': (ctx) => {
    const ws = ctx.requireWorkspace();
    return historyState(ws, ws.redo());
  },
};
