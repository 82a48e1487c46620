import { AppError } from '../../../shared/api/result';
import { LINK_TYPES, pickText, type Entity } from '../../../shared/model';
import type { Handlers } from '../registry';
import { newEntityId, newLinkId } from '../store/ids';
import { validEntity, validLink } from '../store/workspace';

function label(verb: string, e: Entity): string {
  return `${verb} ${e.kind} "${pickText(e.name, 'fi').slice(0, 60)}"`;
}

export const entityHandlers: Handlers = {
  'entities.list': (ctx, input) => ctx.requireWorkspace().listEntities(input.kind),
  'entities.get': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const entity = ws.getEntity(input.id);
    if (!entity) throw new AppError('not_found', `No entity ${input.id}.`);
    return { entity, links: ws.linksOf(input.id) };
  },
  'entities.create': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const entity = validEntity({ ...input.entity, id: input.entity.id ?? newEntityId(input.entity.kind) });
    if (ws.getEntity(entity.id)) throw new AppError('conflict', `Id ${entity.id} is already in use.`);
    ws.edit(label('Create', entity), (tx) => tx.putEntity(entity));
    return entity;
  },
  'entities.update': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getEntity(input.entity.id);
    if (!before) throw new AppError('not_found', `No entity ${input.entity.id}.`);
    if (before.kind !== input.entity.kind) throw new AppError('invalid_input', 'The kind of an entity cannot change.');
    const entity = validEntity(input.entity);
    ws.edit(label('Edit', entity), (tx) => tx.putEntity(entity));
    return entity;
  },
  'entities.delete': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getEntity(input.id);
    if (!before) throw new AppError('not_found', `No entity ${input.id}.`);
    const deletedLinks = ws.edit(label('Delete', before), (tx) => tx.deleteEntity(input.id));
    return { deletedLinks };
  },

  'links.list': (ctx, input) => ctx.requireWorkspace().listLinks(input),
  'links.create': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const link = validLink({ id: newLinkId(), ...input });
    ws.edit(`Link ${input.type}`, (tx) => tx.putLink(link));
    return link;
  },
  'links.update': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getLink(input.id);
    if (!before) throw new AppError('not_found', `No link ${input.id}.`);
    const link = validLink({ ...before, data: input.data });
    ws.edit(`Edit link ${before.type}`, (tx) => tx.putLink(link));
    return link;
  },
  'links.delete': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getLink(input.id);
    if (!before) throw new AppError('not_found', `No link ${input.id}.`);
    if (!(before.type in LINK_TYPES)) throw new AppError('invalid_input', 'Unknown link type.');
    ws.edit(`Unlink ${before.type}`, (tx) => tx.deleteLink(input.id));
    return null;
  },

  'history.state': (ctx) => ctx.requireWorkspace().historyState(),
  'history.undo': (ctx) => {
    const ws = ctx.requireWorkspace();
    ws.undo();
    return ws.historyState();
  },
  'history.redo': (ctx) => {
    const ws = ctx.requireWorkspace();
    ws.redo();
    return ws.historyState();
  },
};
