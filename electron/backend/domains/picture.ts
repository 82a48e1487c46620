/**
 * The situational picture behind the API: items edited through the undo log (migration 0050),
 * the summary computed by shared/picture, and reviews frozen as JSON that later edits never touch.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { encodeLabel, labelName, type HistoryName } from '../../../shared/api/history';
import type { ReviewInfo } from '../../../shared/api/picture';
import { AppError } from '../../../shared/api/result';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../io/excel';
import { pickText, type Language, type LocalizedText } from '../../../shared/model';
import { upgradeRun } from '../../../shared/matching';
import { compareSummaries, digestRun, IMPACT_STAGES, summarisePicture, type MatchingDigest, type PictureItem, type PictureSummary } from '../../../shared/picture';
import { buildReportHtml, type ReportMatching } from '../../../shared/picture/report';
import type { AppContext } from '../context';
import { slugify } from '../io/export';
import { csvText, escapeCell } from '../io/spreadsheet';
import type { Handlers } from '../registry';
import { matchingHandlers } from './matching';
import { workshopHub } from '../workshop/hub';
import type { EditTx, Workspace } from '../store/workspace';
import { codedError, said } from '../messages';

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
  if (!row) throw codedError('not_found', said('edit.noReview', { id }));
  return { info: { id: row.id, label: row.label, createdAt: row.created_at }, summary: JSON.parse(row.summary) as PictureSummary, items: JSON.parse(row.items) as PictureItem[] };
}

/** How many gaps the report lists from the latest matching run. */
const REPORT_TOP_GAPS = 10;

/**
 * The latest saved matching run (for a review: the latest saved at or before it), read through the
 * matching domain's own handlers so that old run formats are upgraded in one place.
 */
async function reportMatching(ctx: AppContext, ws: Workspace, lang: Language, before?: string): Promise<ReportMatching | undefined> {
  const list = await matchingHandlers['matching.runs']!(ctx, {});
  const chosen = before ? list.find((r) => r.createdAt <= before) : list[0];
  if (!chosen) return undefined;
  const rec = await matchingHandlers['matching.get']!(ctx, { id: chosen.id });
  const needName = (id: string) => pickText(ws.getEntity(id)?.name ?? rec.names[id], lang) || id;
  const gaps = [...rec.run.gaps].sort((a, b) => b.weight - a.weight || b.people - a.people || (a.need < b.need ? -1 : 1)).slice(0, REPORT_TOP_GAPS);
  return {
    createdAt: rec.createdAt,
    label: rec.label,
    coverage: rec.totals.coverage,
    people: rec.totals.people,
    gaps: rec.gaps,
    overlaps: rec.overlaps,
    topGaps: gaps.map((g) => ({ need: needName(g.need), people: g.people, personas: g.personas.length, bestScore: g.bestScore })),
    beforeReview: before ? true : undefined,
  };
}

/** The latest saved matching run as the picture keeps it; undefined when there is none or it cannot be read. */
function latestMatching(ws: Workspace): MatchingDigest | undefined {
  const hasTable = ws.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matching_runs'").get();
  if (!hasTable) return undefined;
  const row = ws.db.prepare('SELECT id, created_at, label, run, names FROM matching_runs ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as
    | { id: string; created_at: string; label: string | null; run: string; names: string }
    | undefined;
  if (!row) return undefined;
  try {
    return digestRun({ id: row.id, createdAt: row.created_at, label: row.label, run: upgradeRun(JSON.parse(row.run)), names: JSON.parse(row.names) });
  } catch {
    // A run stored by a newer or broken writer must not take the whole picture down with it.
    return undefined;
  }
}

/** One table of the dashboard as a file: CSV as the workspace export writes it, or a one-sheet workbook. */
async function tableFile(input: { title: string; headers: string[]; rows: (string | number | null)[][]; format: 'csv' | 'xlsx' }) {
  const base = slugify(input.title).toLowerCase() || 'taulukko';
  const rows = input.rows.map((r) => r.map((c) => (typeof c === 'string' ? escapeCell(c) : c)));
  if (input.format === 'csv') {
    const text = csvText({ headers: input.headers.map(escapeCell), rows }, ';');
    return { name: `${base}.csv`, mime: 'text/csv', dataBase64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Kohtaanto';
  const sheet = wb.addWorksheet(input.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Kohtaanto', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(input.headers.map(escapeCell)).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = Math.max(12, Math.min(50, (input.headers[i] ?? '').length + 4));
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: bytes.toString('base64') };
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
    if (!before) throw codedError('not_found', said('edit.noPictureItem', { id: input.id }));
    const deletedLinks = ws.edit(editLabel(ws, 'Delete', before), (tx) => deleteWithReferences(ws, tx, input.id));
    return { deletedLinks };
  },
  'picture.summary': (ctx) => {
    const ws = ctx.requireWorkspace();
    return summarisePicture(ws.listItems(), latestMatching(ws));
  },
  'picture.saveReview': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const items = ws.listItems();
    const info: ReviewInfo = { id: `rev-${randomUUID().slice(0, 13)}`, label: input.label, createdAt: ctx.now().toISOString() };
    // One undo step like every other edit: undo removes the review, redo brings back the same bytes.
    ws.edit(encodeLabel(`Save review "${info.label.slice(0, 60)}"`, { key: 'reviewSave', params: { label: info.label.slice(0, 60) } }), (tx) =>
      tx.addReview({ id: info.id, label: info.label, created_at: info.createdAt, summary: JSON.stringify(summarisePicture(items, latestMatching(ws))), items: JSON.stringify(items) }),
    );
    return info;
  },
  'picture.reviews': (ctx) => reviewStatements(ctx.requireWorkspace().db).list.all().map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at })),
  'picture.review': (ctx, input) => getReview(ctx.requireWorkspace(), input.id),
  'picture.report': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const review = input.review ? getReview(ws, input.review) : undefined;
    const items = review ? review.items : ws.listItems();
    const summary = review ? review.summary : summarisePicture(items);
    // Names of the ecosystem entities the picture points at (owners, budget organisations).
    const names: Record<string, LocalizedText> = {};
    for (const item of items) {
      const ids = item.kind === 'indicator' ? [item.owner] : item.kind === 'budgetLine' ? [item.organisation] : [];
      for (const id of ids) {
        const e = id ? ws.getEntity(id) : undefined;
        if (id && e) names[id] = e.name;
      }
    }
    const matching = await reportMatching(ctx, ws, input.lang, review?.info.createdAt);
    const html = buildReportHtml({
      lang: input.lang,
      title: ws.getTitle(),
      generatedAt: ctx.now().toISOString(),
      items,
      summary,
      names,
      review: review ? { label: review.info.label, createdAt: review.info.createdAt } : undefined,
      matching,
      // The sessions recorded by then: a review's report shows those that had ended when it was saved.
      workshops: workshopHub(ctx).digests(ws, review?.info.createdAt),
    });
    return { html };
  },
  'picture.compareReviews': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    return compareSummaries(getReview(ws, input.a).summary, getReview(ws, input.b).summary);
  },
  'picture.exportTable': (_ctx, input) => tableFile(input),
};
