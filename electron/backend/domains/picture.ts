/**
 * The situational picture behind the API: items edited through the undo log (migration 0050),
 * the summary computed by shared/picture, and reviews frozen as JSON that later edits never touch.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { encodeLabel, labelName, type HistoryName } from '../../../shared/api/history';
import type { ReviewInfo } from '../../../shared/api/picture';
import { AppError } from '../../../shared/api/result';
import { pickText } from '../../../shared/model';
import { compareSummaries, IMPACT_STAGES, summarisePicture, type PictureItem, type PictureSummary } from '../../../shared/picture';
import type { Handlers } from '../registry';
import type { EditTx, Workspace } from '../store/workspace';

/** An item's name in each language for a history label; a link is named by its two boxes. */
function itemLabelName(ws: Workspace, item: PictureItem): HistoryName {
  if (item.kind === 'impactLink') {
    const from = ws.getItem(item.source);
    const to = ws.getItem(item.target);
    const n = (x: PictureItem | undefined, id: string) => (x && x.kind === 'impactBox' ? x.name : { fi: id });
    const a = n(from, item.source);
    const b = n(to, item.target);
    const out: HistoryName = {};
    for (const l of ['fi', 'sv', 'en'] as const) out[l] = `${pickText(a, l).slice(0, 40)} → ${pickText(b, l).slice(0, 40)}`;
    return out;
  }
  if ('name' in item && typeof item.name === 'object') return labelName(item.name);
  if (item.kind === 'budgetLine') return labelName({ fi: item.item });
  return { fi: item.id };
}

/**
 * The undo history's label of a picture edit: the English sentence the history table has always
 * stored, and its structure (history.picture* keys) for the client to say in its language.
 */
function editLabel(ws: Workspace, verb: 'Create' | 'Edit' | 'Delete', item: PictureItem): string {
  if (item.kind === 'cbaSettings') return encodeLabel(`${verb} cost–benefit settings`, { key: 'cbaSettingsEdit' });
  const name = itemLabelName(ws, item);
  return encodeLabel(`${verb} ${item.kind} "${pickText(name, 'en')}"`, { key: `picture${verb}`, params: { pictureKind: item.kind, name } });
}

/** Refuses an item whose references point at nothing, or an impact link that runs right to left. */
function checkReferences(ws: Workspace, item: PictureItem): void {
  const entity = (id: string | undefined, kind: string | undefined, field: string) => {
    if (!id) return;
    const k = ws.kindOf(id);
    if (!k || (kind && k !== kind)) throw new AppError('invalid_input', `${field}: no ${kind ?? 'entity'} ${id} in this workspace.`, { reason: 'picture.badReference', field, id });
  };
  const pictureItem = (id: string | undefined, kinds: PictureItem['kind'][], field: string) => {
    if (!id) return undefined;
    const other = ws.getItem(id);
    if (!other || !kinds.includes(other.kind)) throw new AppError('invalid_input', `${field}: no ${kinds.join(' or ')} ${id} in this picture.`, { reason: 'picture.badReference', field, id });
    return other;
  };
  switch (item.kind) {
    case 'impactBox':
      pictureItem(item.goal, ['goal'], 'goal');
      item.refs.forEach((r) => entity(r, undefined, 'refs'));
      break;
    case 'impactLink': {
      const from = pictureItem(item.source, ['impactBox'], 'source');
      const to = pictureItem(item.target, ['impactBox'], 'target');
      if (from?.kind === 'impactBox' && to?.kind === 'impactBox' && IMPACT_STAGES.indexOf(to.stage) <= IMPACT_STAGES.indexOf(from.stage)) {
        throw new AppError('invalid_input', `An impact link leads from an earlier stage to a later one, not from ${from.stage} to ${to.stage}.`, { reason: 'picture.linkDirection' });
      }
      if (item.source === item.target) throw new AppError('invalid_input', 'A box cannot lead to itself.', { reason: 'picture.linkSelf' });
      break;
    }
    case 'indicator':
      pictureItem(item.measures, ['goal', 'impactBox'], 'measures');
      entity(item.owner, 'organisation', 'owner');
      entity(item.binding?.lifeEvent, 'lifeEvent', 'binding.lifeEvent');
      entity(item.binding?.persona, 'persona', 'binding.persona');
      break;
    case 'budgetLine':
      entity(item.organisation, 'organisation', 'organisation');
      break;
    default:
      break;
  }
}

/** Deletes an item and clears what pointed at it, all recorded so one undo restores everything. */
function deleteWithReferences(ws: Workspace, tx: EditTx, id: string): number {
  let deletedLinks = 0;
  for (const other of ws.listItems()) {
    if (other.kind === 'impactLink' && (other.source === id || other.target === id)) {
      tx.deleteItem(other.id);
      deletedLinks++;
    } else if (other.kind === 'impactBox' && other.goal === id) {
      const { goal: _dropped, ...rest } = other;
      tx.putItem(rest);
    } else if (other.kind === 'indicator' && other.measures === id) {
      const { measures: _dropped, ...rest } = other;
      tx.putItem(rest);
    }
  }
  tx.deleteItem(id);
  return deletedLinks;
}

interface ReviewRow {
  id: string;
  label: string;
  created_at: string;
  summary: string;
  items: string;
}

function reviewStatements(db: Database.Database) {
  return {
    list: db.prepare<[], Omit<ReviewRow, 'summary' | 'items'>>('SELECT id, label, created_at FROM picture_reviews ORDER BY created_at DESC, rowid DESC'),
    get: db.prepare<[string], ReviewRow>('SELECT id, label, created_at, summary, items FROM picture_reviews WHERE id = ?'),
  };
}

function getReview(ws: Workspace, id: string): { info: ReviewInfo; summary: PictureSummary; items: PictureItem[] } {
  const row = reviewStatements(ws.db).get.get(id);
  if (!row) throw new AppError('not_found', `No review ${id}.`);
  return { info: { id: row.id, label: row.label, createdAt: row.created_at }, summary: JSON.parse(row.summary) as PictureSummary, items: JSON.parse(row.items) as PictureItem[] };
}

export const pictureHandlers: Handlers = {
  'picture.list': (ctx, input) => ctx.requireWorkspace().listItems(input.kind),
  'picture.put': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const item = input.item;
    checkReferences(ws, item);
    const verb = ws.getItem(item.id) ? 'Edit' : 'Create';
    ws.edit(editLabel(ws, verb, item), (tx) => tx.putItem(item));
    return item;
  },
  'picture.delete': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const before = ws.getItem(input.id);
    if (!before) throw new AppError('not_found', `No picture item ${input.id}.`);
    const deletedLinks = ws.edit(editLabel(ws, 'Delete', before), (tx) => deleteWithReferences(ws, tx, input.id));
    return { deletedLinks };
  },
  'picture.summary': (ctx) => summarisePicture(ctx.requireWorkspace().listItems()),
  'picture.saveReview': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const items = ws.listItems();
    const info: ReviewInfo = { id: `rev-${randomUUID().slice(0, 13)}`, label: input.label, createdAt: ctx.now().toISOString() };
    // One undo step like every other edit: undo removes the review, redo brings back the same bytes.
    ws.edit(encodeLabel(`Save review "${info.label.slice(0, 60)}"`, { key: 'reviewSave', params: { label: info.label.slice(0, 60) } }), (tx) =>
      tx.addReview({ id: info.id, label: info.label, created_at: info.createdAt, summary: JSON.stringify(summarisePicture(items)), items: JSON.stringify(items) }),
    );
    return info;
  },
  'picture.reviews': (ctx) => reviewStatements(ctx.requireWorkspace().db).list.all().map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at })),
  'picture.review': (ctx, input) => getReview(ctx.requireWorkspace(), input.id),
  'picture.compareReviews': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    return compareSummaries(getReview(ws, input.a).summary, getReview(ws, input.b).summary);
  },
};
