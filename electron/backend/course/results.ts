import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../io/excel';
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/result';
import type { CollectRow, WorkspaceDiff } from '../../../shared/api/course';
import { pickText, type Entity, type Language, type Link, type OptionalText } from '../../../shared/model';
import { CheckRunner, indexInputRows, type CheckSnapshot } from '../../../shared/course/checks';
import { snapshotOf, type IndexSnapshot, type RecommenderIndex } from '../../../shared/recommender';
import type { CoursePack } from '../../../shared/course/types';
import { fill, messages } from '../io/labels';
import { escapeCell } from '../io/spreadsheet';
import { Workspace } from '../store/workspace';
import { recommenderCodes } from '../domains/matching';
import { catalogueFingerprint, loadSnapshot } from '../recommender/cache';
import { freeAnswersOf, readCopy, secondsOf } from './copy';
import { CourseError, type CourseErrorCode } from './errors';
import { checkIndexOptions, snapshotOfWorkspace } from './run';
import { errorText } from './text';

export interface InFile {
  name: string;
  bytes: Uint8Array;
}

/** Why a participant file could not be read, as a course.error code. */
function openFailure(err: unknown): { code: CourseErrorCode; params: Record<string, string | number> } {
  if (err instanceof AppError) {
    if (err.code === 'not_a_workspace') return { code: 'notWorkspace', params: {} };
    if (err.code === 'workspace_newer') return { code: 'newerWorkspace', params: { part: '' } };
  }
  return { code: 'damagedCopy', params: {} };
}

/** A participant file that does not open as a workspace (its row says why; other errors are bugs and propagate). */
class OpenFailure extends Error {
  constructor(readonly failure: { code: CourseErrorCode; params: Record<string, string | number> }) {
    super(failure.code);
  }
}

/**
 * Opens a copy of a participant's file in a temporary folder (the file given is never touched;
 * an older copy may be migrated there), runs `fn` on it and removes the folder.
 */
export function withTempWorkspace<T>(file: InFile, opts: { nativeBinding?: string }, fn: (ws: Workspace) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-course-'));
  try {
    const tmp = path.join(dir, 'copy.kohtaanto');
    fs.writeFileSync(tmp, file.bytes);
    let ws: Workspace;
    try {
      ws = Workspace.open(tmp, { nativeBinding: opts.nativeBinding, owner: 'Kohtaanto (course results)' });
    } catch (err) {
      throw new OpenFailure(openFailure(err));
    }
    try {
      return fn(ws);
    } finally {
      ws.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Recommender indexes within one collect. Copies of the same catalogue (services, life events and
 * the links between them, as the pack gave them) share the costly part of one (the recommender's
 * index snapshot, see ../recommender/cache.ts) and only assemble their own rest, a fraction of a
 * build. The costly part comes from the snapshot a participant's own file saved when it checked
 * its work, or from one build here. Without a catalogue fingerprint, copies whose services,
 * needs, life events and their links are all the same share one index.
 */
export class IndexCache {
  private readonly byKey = new Map<string, RecommenderIndex>();
  private readonly byCatalogue = new Map<string, IndexSnapshot>();
  /** Full builds done (for tests and the bench). */
  builds = 0;

  /**
   * `catalogue`: the snapshot's catalogue fingerprint and a way to read a snapshot saved under it
   * (without it, only copies of equal inputs share).
   */
  get(snap: CheckSnapshot, catalogue?: { fingerprint: string; saved(): IndexSnapshot | null }): RecommenderIndex {
    if (catalogue) {
      // Assembling from the costly part takes less than hashing all the inputs to find an equal index.
      const known = this.byCatalogue.get(catalogue.fingerprint) ?? catalogue.saved() ?? undefined;
      const index = new CheckRunner(snap, { index: checkIndexOptions(), snapshot: known }).index;
      if (!known) this.builds++;
      if (!this.byCatalogue.has(catalogue.fingerprint)) {
        // One course's files share one catalogue or a few; a snapshot of a big catalogue is large.
        if (this.byCatalogue.size >= 4) this.byCatalogue.delete(this.byCatalogue.keys().next().value!);
        this.byCatalogue.set(catalogue.fingerprint, known ?? snapshotOf(index));
      }
      return index;
    }
    const h = createHash('sha256');
    for (const row of indexInputRows(snap)) h.update(row).update('\u0000');
    const key = h.digest('hex');
    let index = this.byKey.get(key);
    if (index) return index;
    index = new CheckRunner(snap, { index: checkIndexOptions() }).index;
    this.builds++;
    // A handful at most: a results table is for one course, and an index of a big catalogue is large.
    if (this.byKey.size >= 8) this.byKey.delete(this.byKey.keys().next().value!);
    this.byKey.set(key, index);
    return index;
  }
}

/**
 * The index of a workspace file's content for a CheckRunner, made only when a check first needs
 * it: its costly part from `indexes` (other files of the same catalogue), or the snapshot the file
 * saved itself, or built.
 */
export function lazyIndexOf(ws: Workspace, snap: CheckSnapshot, indexes = new IndexCache()): () => RecommenderIndex {
  return () => {
    const fingerprint = catalogueFingerprint(ws, recommenderCodes());
    return indexes.get(snap, { fingerprint, saved: () => loadSnapshot(ws, fingerprint) });
  };
}

/** One participant file's row: its checks against the pack, or why it cannot be counted. */
export function collectOne(pack: CoursePack, file: InFile, opts: { nativeBinding?: string; indexes?: IndexCache } = {}): CollectRow {
  const name = path.basename(file.name);
  try {
    return withTempWorkspace(file, opts, (ws): CollectRow => {
      let copy: ReturnType<typeof readCopy>;
      try {
        copy = readCopy(ws);
      } catch {
        // The course tables are there but do not read: a damaged copy, not a bug here.
        return { file: name, error: { code: 'damagedCopy', params: {} }, exercises: [] };
      }
      if (!copy) return { file: name, error: { code: 'notCopy', params: {} }, exercises: [] };
      const participant = copy.participant;
      if (copy.packId !== pack.manifest.id) return { file: name, participant, error: { code: 'otherPack', params: { packId: copy.packId } }, exercises: [] };
      if (copy.packRevision > pack.manifest.revision) {
        return { file: name, participant, error: { code: 'newerRevision', params: { revision: copy.packRevision, packRevision: pack.manifest.revision } }, exercises: [] };
      }
      const snap = snapshotOfWorkspace(ws);
      const runner = new CheckRunner(snap, { index: checkIndexOptions(), lazyIndex: lazyIndexOf(ws, snap, opts.indexes) });
      // Time still running on the exercise open when the file was sent is counted up to its save.
      const exercises = pack.manifest.exercises.map((ex) => runner.exercise(ex, { secondsSpent: secondsOf(ws, ex.id), freeAnswers: freeAnswersOf(ws, ex.id) }));
      return { file: name, participant, exercises };
    });
  } catch (err) {
    if (err instanceof OpenFailure) return { file: name, error: err.failure, exercises: [] };
    throw err;
  }
}

export function collect(pack: CoursePack, files: InFile[], opts: { nativeBinding?: string } = {}): CollectRow[] {
  const indexes = new IndexCache();
  return files.map((f) => collectOne(pack, f, { ...opts, indexes }));
}

/** The content of any workspace file (for a comparison), read from a temporary copy. */
export function snapshotOfFile(file: InFile, opts: { nativeBinding?: string } = {}): CheckSnapshot {
  try {
    return withTempWorkspace(file, opts, (ws) => snapshotOfWorkspace(ws));
  } catch (err) {
    if (!(err instanceof OpenFailure)) throw err;
    const f = err.failure;
    throw new CourseError('invalid_input', f.code, `${path.basename(file.name)} cannot be read as a workspace.`, { ...f.params, file: path.basename(file.name) });
  }
}

const entityName = (e: Entity) => pickText(e.name, 'fi') || e.id;
const foldName = (e: Entity) => `${e.kind}\u0000${entityName(e).normalize('NFKC').toLocaleLowerCase('fi')}`;
const linkKey = (l: Link, idOf: (id: string) => string) => `${l.type}\u0000${idOf(l.source)}\u0000${idOf(l.target)}`;

/**
 * What differs from `base` to `other`. Entities pair by id, then (those left) by kind and name, so
 * a participant's own "Kela" is the model answer's "Kela"; links pair by type and their ends.
 * Ids in the result are each side's own (added: other's, removed: base's, changed: other's).
 */
export function diffWorkspaces(base: CheckSnapshot, other: CheckSnapshot): WorkspaceDiff {
  const baseById = new Map(base.entities.map((e) => [e.id, e]));
  /** other id → base id of its pair. */
  const pair = new Map<string, string>();
  for (const e of other.entities) if (baseById.get(e.id)?.kind === e.kind) pair.set(e.id, e.id);
  const pairedBase = new Set(pair.values());
  const baseByName = new Map<string, Entity>();
  for (const e of base.entities) if (!pairedBase.has(e.id) && !baseByName.has(foldName(e))) baseByName.set(foldName(e), e);
  for (const e of other.entities) {
    if (pair.has(e.id)) continue;
    const b = baseByName.get(foldName(e));
    if (b) {
      pair.set(e.id, b.id);
      pairedBase.add(b.id);
      baseByName.delete(foldName(e));
    }
  }
  const diff: WorkspaceDiff = { entities: { added: [], removed: [], changed: [] }, links: { added: [], removed: [] } };
  for (const e of other.entities) {
    const bId = pair.get(e.id);
    if (!bId) {
      diff.entities.added.push({ id: e.id, name: entityName(e), kind: e.kind });
      continue;
    }
    const b = baseById.get(bId)! as Record<string, unknown>;
    const o = e as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(o)])].filter((k) => k !== 'id' && JSON.stringify(b[k]) !== JSON.stringify(o[k])).sort();
    if (fields.length) diff.entities.changed.push({ id: e.id, name: entityName(e), kind: e.kind, fields });
  }
  for (const e of base.entities) if (!pairedBase.has(e.id)) diff.entities.removed.push({ id: e.id, name: entityName(e), kind: e.kind });
  // Links compared in the base's ids.
  const toBase = (id: string) => pair.get(id) ?? `other:${id}`;
  const baseLinks = new Set(base.links.map((l) => linkKey(l, (id) => id)));
  const otherLinks = new Set(other.links.map((l) => linkKey(l, toBase)));
  for (const l of other.links) if (!baseLinks.has(linkKey(l, toBase))) diff.links.added.push({ id: l.id, type: l.type, source: l.source, target: l.target });
  for (const l of base.links) if (!otherLinks.has(linkKey(l, (id) => id))) diff.links.removed.push({ id: l.id, type: l.type, source: l.source, target: l.target });
  return diff;
}

/** The results table for people: display names and figures, in the chosen language. */
export function resultsTable(rows: CollectRow[], lang: Language, exercises?: { id: string; title: OptionalText }[]): { headers: string[]; body: (string | number | null)[][] } {
  const m = messages(lang).course;
  const ids = exercises?.map((e) => e.id) ?? [...new Set(rows.flatMap((r) => r.exercises.map((x) => x.exerciseId)))];
  const title = (id: string) => pickText(exercises?.find((e) => e.id === id)?.title, lang) || id;
  const headers = [m.export.participant, m.export.file];
  for (const id of ids) headers.push(fill(m.export.passed, { exercise: title(id) }), fill(m.export.minutes, { exercise: title(id) }), fill(m.export.coverage, { exercise: title(id) }));
  headers.push(m.export.error);
  const body = rows.map((r) => {
    // A file received from a workshop session is known by who sent it, not by the server's own name for it.
    const from = r.source ? fill(m.export.fromSession, { name: r.source.name ?? messages(lang).course.ui.collect.session.anonymous }) : r.file;
    const cells: (string | number | null)[] = [r.participant ?? '', from];
    for (const id of ids) {
      const x = r.exercises.find((e) => e.exerciseId === id);
      cells.push(x ? `${x.passed}/${x.total}` : null, x ? Math.round((x.secondsSpent / 60) * 10) / 10 : null, x?.coverage ?? null);
    }
    cells.push(r.error ? errorText(r.error.code, { file: r.file, ...r.error.params }, lang) : '');
    return cells;
  });
  return { headers, body };
}

export async function exportResults(
  rows: CollectRow[],
  format: 'csv' | 'xlsx',
  lang: Language,
  exercises?: { id: string; title: OptionalText }[],
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const { headers, body } = resultsTable(rows, lang, exercises);
  const esc = (c: string | number | null) => (typeof c === 'string' ? escapeCell(c) : c);
  const base = 'course-results';
  if (format === 'csv') {
    const text = Papa.unparse({ fields: headers, data: body.map((r) => r.map((c) => (c === null ? '' : esc(c)))) });
    // A BOM so that Excel reads the Finnish letters right.
    return { name: `${base}.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(`\uFEFF${text}\r\n`) };
  }
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Kohtaanto';
  const sheet = wb.addWorksheet(messages(lang).course.export.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const r of body) sheet.addRow(r.map(esc));
  sheet.columns.forEach((col, i) => (col.width = Math.max(12, Math.min(40, headers[i].length + 2))));
  const buf = await wb.xlsx.writeBuffer();
  return { name: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: new Uint8Array(buf as ArrayBuffer) };
}
