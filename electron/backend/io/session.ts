/**
 * One import: every reader first turns its files into planned operations (async, cancellable,
 * touching nothing), then the plan is written in one workspace edit — one transaction and one
 * undo step — so a failure or a cancel leaves the workspace exactly as it was.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/result';
import { isWholeFile, type CodedMessage, type MessageCode, type MessageParams, type Place } from '../../../shared/api/messages';
import { codedError, english, englishExample, englishPlace, said } from '../messages';
import {
  ENTITY_KINDS,
  EntitySchema,
  type Entity,
  type EntityKind,
  type LinkType,
  type Link,
  OptionalTextSchema,
  type OptionalText,
} from '../../../shared/model';
import type { ImportDuplicates } from '../../../shared/api/duplicates';
import { PictureItemSchema, type PictureItem } from '../../../shared/picture';
import type { ReviewJson } from '../../../shared/model';
import type { EditTx, Workspace } from '../store/workspace';

export type OnError = 'skip' | 'stop';
export type LinkData = Link['data'];

export interface Skipped {
  file: string;
  /** Which record (or which part of one), in English: "service 5f1…, Kotihoito", "row 17", "service 5f1…, Kotihoito, organisation reference #2". */
  record: string;
  /** The same place as codes, for each client to say in its user's language. */
  at: Place;
  /** In English; `code` and `params` say it in the user's language. */
  reason: string;
  code?: MessageCode;
  params?: MessageParams;
  /** The spreadsheet row and column heading, where the problem is one cell or row of a table. */
  row?: number;
  column?: string;
}

/** Why a record or a part of one could not go in: a coded message, an AppError (coded or not), or English text. */
export type Why = CodedMessage | AppError | string;

function reasonOf(why: Why): { reason: string; code?: MessageCode; params?: MessageParams } {
  if (typeof why === 'string') return { reason: why };
  if (why instanceof AppError) return why.msg ? { reason: why.message, ...why.msg } : { reason: why.message };
  return { reason: english(why), ...why };
}

export interface ImportWarning {
  /** What was tolerated, e.g. "unknown service class code dropped", in English; `code` and `params` say it in the user's language. */
  reason: string;
  code?: MessageCode;
  params?: MessageParams;
  count: number;
  /** The first case, so a person can look it up, in English; `exampleAt` says it by codes. */
  example: string;
  exampleAt: Example;
}

/** Where a warning's case is: the file, the place in it, and a bit of the file's own text (a value, a column heading). */
export interface Example {
  file: string;
  at?: Place;
  detail?: string;
}

export interface ImportResult {
  created: Record<EntityKind, number>;
  updated: Record<EntityKind, number>;
  /** Re-imported records whose stored content was already the same (nothing written). */
  unchanged: Record<EntityKind, number>;
  links: { created: number; updated: number; unchanged: number; removed: number };
  /** What was not imported and why, in file order; at most MAX_SKIPPED entries (see skippedTotal). */
  skipped: Skipped[];
  skippedTotal: number;
  warnings: ImportWarning[];
  /** How the written records overlap with each other and with what was there (filled in by importFiles). */
  duplicates?: ImportDuplicates;
  /** Situational-picture items written (picture imports only). */
  picture?: { created: Record<string, number>; updated: Record<string, number>; unchanged: Record<string, number>; values: number };
}

/** A situational-picture item to write, built against what is stored under its id when the edit runs. */
export interface PictureOp {
  file: string;
  /** Where in the file it comes from. */
  record: Place;
  id: string;
  /** The item to store; throws AppError for one that cannot go in. */
  build: (existing: PictureItem | undefined) => PictureItem;
  /** Measurements or answers this item takes in, given what was stored (counted when written). */
  values?: (existing: PictureItem | undefined) => number;
}

/** A result crosses IPC and is shown in a list; past this many, only the count grows. */
export const MAX_SKIPPED = 5000;

export interface EntityOp {
  file: string;
  /** Where in the file it comes from. */
  record: Place;
  id: string;
  kind: EntityKind;
  /**
   * A placeholder for something a record only refers to (an organisation named in a service):
   * written only when the id is neither stored nor imported in full by the same import.
   */
  stub?: boolean;
  /** Life events match the user's own life event with the same PTV code, whatever its id. */
  lifeEventCode?: string;
  /**
   * A PTV record matches the stored entity with the same PTV id even when that entity's id is
   * not the derived one (made by hand, or by another tool), so a re-import never adds a twin.
   */
  ptvId?: string;
  /** Failing is a skipped part of another record, never fatal (a placeholder without a name). */
  partOfRecord?: boolean;
  /** The entity to store, given what is stored under the id now. Throws AppError for a record that cannot go in. */
  build: (existing: Entity | undefined) => Entity;
}

export interface LinkOp {
  file: string;
  /** Where in the file it comes from. */
  record: Place;
  type: LinkType;
  source: string;
  target: string;
  data: LinkData;
  /** Stored id (spreadsheets, JSON, GraphML); PTV links get an id derived from their ends. */
  id?: string;
  /** One end may legitimately be missing (an organisation lists services not imported): warn, do not skip. */
  optional?: boolean;
  /** Combines the stored link's data with this one's (a provider both responsible and producer). */
  mergeData?: (stored: LinkData, incoming: LinkData) => LinkData;
}

/** Links a re-imported record owns: stale ones (made by an earlier import, no longer asserted) are removed. */
export interface OwnedLinks {
  entityId: string;
  types: { type: LinkType; side: 'source' | 'target' }[];
}

export type Phase = 'read' | 'write';

export interface SessionOptions {
  onError?: OnError;
  signal?: AbortSignal;
  /** Read phase counts files, write phase counts planned records. */
  onProgress?: (done: number, total: number, phase: Phase) => void;
}

/** The place of a problem with a file as a whole (not JSON, no rows, wrong encoding). */
// Frozen: one list shared by every problem with a whole file (places are extended by copying, never in place).
export const WHOLE_FILE: Place = Object.freeze([said('where.wholeFile')]) as Place;

/** The place of the i-th (from 0) item of a file's list, with its id where it has one: "entity #3, id srv-1". */
export function numbered(code: 'where.entityNo' | 'where.linkNo' | 'where.pictureItemNo' | 'where.reviewNo' | 'where.recordNo', i: number, id?: string): Place {
  const n = said(code, { n: i + 1 });
  return id ? [n, said('where.id', { id })] : [n];
}

/** Prefix of ids of links an import derived from PTV data; only those are ever removed as stale. */
export const PTV_LINK_PREFIX = 'ptv-';

export function ptvLinkId(type: LinkType, source: string, target: string): string {
  return `${PTV_LINK_PREFIX}${type}-${createHash('sha1').update(`${source}>${target}`).digest('hex').slice(0, 20)}`;
}

function zeroCounts(): Record<EntityKind, number> {
  return Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
}

/** Order-insensitive deep equality of JSON values, to skip writes that would change nothing. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson(ao[k], bo[k]));
}

/** zod issues as one line a person can read. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

/** Validates a built entity; a failure becomes the record's skip reason. */
export function checkedEntity(raw: unknown): Entity {
  const parsed = EntitySchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', `not a valid entity (${describeIssues(parsed.error.issues)})`, undefined, invalidRecord(parsed.error.issues));
  return parsed.data;
}

/** zod issues as a coded message naming the fields (zod's own words are English only). */
export function invalidRecord(issues: { path: PropertyKey[] }[]): CodedMessage {
  return said('import.invalidRecord', { fields: [...new Set(issues.slice(0, 5).map((i) => i.path.map(String).join('.') || '(record)'))].join(', ') });
}

/** The code for a cancelled import (details.reason says 'cancelled' too, for older callers). */
const CANCELLED = 'cancelled' as const;

export class ImportSession {
  readonly onError: OnError;
  private readonly signal?: AbortSignal;
  private readonly onProgress?: SessionOptions['onProgress'];
  readonly entityOps: EntityOp[] = [];
  readonly linkOps: LinkOp[] = [];
  readonly owned: OwnedLinks[] = [];
  private readonly linkIndex = new Map<string, number>();
  private title?: OptionalText;
  private readonly skipped: Skipped[] = [];
  private readonly warnings = new Map<string, ImportWarning>();
  /** Entities this import created, updated or found unchanged, by their stored id. */
  readonly written = new Map<string, 'created' | 'updated' | 'unchanged'>();
  private readonly counts = { created: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() };
  private readonly linkCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };

  constructor(opts: SessionOptions = {}) {
    this.onError = opts.onError ?? 'skip';
    this.signal = opts.signal;
    this.onProgress = opts.onProgress;
  }

  checkAborted(): void {
    if (this.signal?.aborted) {
      throw new AppError(CANCELLED, 'The import was cancelled; nothing was written.', { reason: 'cancelled' }, said('import.cancelled'));
    }
  }

  progress(done: number, total: number, phase: Phase): void {
    this.onProgress?.(done, total, phase);
  }

  /** A record (or a part of one) that cannot go in: reported, or the end of the import with onError 'stop'. */
  fail(file: string, at: Place, why: Why, cell: { row?: number; column?: string } = {}): void {
    const r = reasonOf(why);
    const record = englishPlace(at);
    if (this.onError === 'stop') {
      const { reason } = r;
      const msg = r.code ? { code: r.code, ...(r.params ? { params: r.params } : {}) } : undefined;
      throw new AppError('invalid_input', isWholeFile(at) ? `${file}: ${reason}` : `${file}: ${record}: ${reason}`, { file, record, at, reason, ...cell }, msg);
    }
    this.skip({ file, record, at, ...r, ...cell });
  }

  private skippedTotal = 0;
  private skip(s: Skipped): void {
    this.skippedTotal++;
    if (this.skipped.length < MAX_SKIPPED) this.skipped.push(s);
  }

  /**
   * A part of a record that cannot go in (a provider named only as free text): always reported,
   * never fatal, because the record itself is sound.
   */
  skipPart(file: string, at: Place, why: Why): void {
    this.skip({ file, record: englishPlace(at), at, ...reasonOf(why) });
  }

  /** Something tolerated and fixed up; counted by reason so that 20,000 records do not make 20,000 lines. */
  warn(why: CodedMessage | string, example: Example): void {
    const key = typeof why === 'string' ? why : `${why.code}\u0000${why.params ? JSON.stringify(why.params) : ''}`;
    const w = this.warnings.get(key);
    if (w) w.count++;
    else this.warnings.set(key, { ...reasonOf(why), count: 1, example: englishExample(example), exampleAt: example });
  }

  addEntity(op: EntityOp): void {
    this.entityOps.push(op);
  }

  readonly pictureOps: PictureOp[] = [];
  readonly reviewOps: { file: string; record: Place; review: ReviewJson }[] = [];
  /** A frozen review from a workspace file; written beside the edit, never over a stored one. */
  addReview(op: { file: string; record: Place; review: ReviewJson }): void {
    this.reviewOps.push(op);
    this.pictureCounts ??= { created: {}, updated: {}, unchanged: {}, values: 0 };
  }
  private pictureCounts?: NonNullable<ImportResult['picture']>;
  addPictureItem(op: PictureOp): void {
    this.pictureOps.push(op);
    this.pictureCounts ??= { created: {}, updated: {}, unchanged: {}, values: 0 };
  }

  /** Links without a stored id are planned once per (type, source, target): repeats merge their data. */
  addLink(op: LinkOp): void {
    if (op.id) {
      this.linkOps.push(op);
      return;
    }
    const key = `${op.type}\u0000${op.source}\u0000${op.target}`;
    const at = this.linkIndex.get(key);
    if (at === undefined) {
      this.linkIndex.set(key, this.linkOps.length);
      this.linkOps.push(op);
      return;
    }
    const prev = this.linkOps[at];
    const merge = op.mergeData ?? prev.mergeData;
    this.linkOps[at] = {
      ...prev,
      data: merge ? merge(prev.data, op.data) : op.data,
      // A link some record requires is required, even if another record only mentions it.
      optional: prev.optional && op.optional,
      mergeData: merge,
    };
  }

  own(owned: OwnedLinks): void {
    this.owned.push(owned);
  }

  /** A title that an imported workspace file carries; used when the workspace has none yet. */
  setTitleIfEmpty(title: unknown): void {
    const parsed = OptionalTextSchema.safeParse(title);
    if (parsed.success) this.title = parsed.data;
  }

  /** Writes the plan through one edit's transaction; everything rolls back if this throws. */
  apply(tx: EditTx, ws: Workspace): void {
    const total = this.entityOps.length + this.linkOps.length;
    let done = 0;
    const tick = () => {
      done++;
      if ((done & 255) === 0) {
        this.checkAborted();
        this.progress(done, total, 'write');
      }
    };

    // The user's own life events are matched by PTV code, so imported services join them.
    const lifeEventIds = new Map<string, string>();
    for (const e of ws.listEntities('lifeEvent')) if (e.kind === 'lifeEvent' && e.code && !lifeEventIds.has(e.code)) lifeEventIds.set(e.code, e.id);
    const byPtvId = new Map<string, string>();
    for (const kind of new Set(this.entityOps.filter((o) => o.ptvId).map((o) => o.kind))) {
      for (const e of ws.listEntities(kind)) if (e.ptvId && !byPtvId.has(`${kind}:${e.ptvId.toLowerCase()}`)) byPtvId.set(`${kind}:${e.ptvId.toLowerCase()}`, e.id);
    }
    const remap = new Map<string, string>();
    // Kinds of the entities this import wrote or met, so links need not read them back.
    const known = new Map<string, EntityKind>();
    const full = new Set(this.entityOps.filter((o) => !o.stub).map((o) => o.id));
    const state = this.written;

    for (const op of this.entityOps) {
      tick();
      let id = op.id;
      const mine = op.lifeEventCode ? lifeEventIds.get(op.lifeEventCode) : op.ptvId ? byPtvId.get(`${op.kind}:${op.ptvId}`) : undefined;
      // The derived id wins when it is stored too: that is the entity earlier imports updated.
      if (mine && mine !== id && (op.lifeEventCode || !tx.getEntity(id))) {
        remap.set(op.id, mine);
        id = mine;
      }
      const existing = tx.getEntity(id);
      if (existing) known.set(id, existing.kind);
      if (op.stub && (existing || full.has(id) || state.has(id))) continue;
      let entity: Entity;
      try {
        entity = op.build(existing ? existing : undefined);
        if (entity.id !== id) entity = { ...entity, id };
        if (existing && existing.kind !== entity.kind) {
          throw codedError('conflict', said('import.idTaken', { id, otherKind: existing.kind, kind: entity.kind }));
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (op.partOfRecord) this.skipPart(op.file, op.record, err);
        else this.fail(op.file, op.record, err);
        continue;
      }
      const before = state.get(id);
      if (existing && sameJson(existing, entity)) {
        if (!before) {
          state.set(id, 'unchanged');
          this.counts.unchanged[entity.kind]++;
        }
        continue;
      }
      tx.putEntity(entity);
      known.set(id, entity.kind);
      if (!before) {
        const how = existing ? 'updated' : 'created';
        state.set(id, how);
        this.counts[how][entity.kind]++;
      } else if (before === 'unchanged') {
        state.set(id, 'updated');
        this.counts.unchanged[entity.kind]--;
        this.counts.updated[entity.kind]++;
      }
    }

    const asserted = new Set<string>();
    const written = new Set<string>();
    const missingIds = new Set<string>();
    const kind = (id: string): EntityKind | null => {
      const k = known.get(id);
      if (k) return k;
      if (missingIds.has(id)) return null;
      const found = ws.getEntity(id)?.kind;
      if (found) known.set(id, found);
      else missingIds.add(id);
      return found ?? null;
    };
    for (const op of this.linkOps) {
      tick();
      const source = remap.get(op.source) ?? op.source;
      const target = remap.get(op.target) ?? op.target;
      const missing = [source, target].filter((id) => !kind(id));
      if (missing.length) {
        if (op.optional) this.warn(said('import.linkNotMade', { type: op.type }), { file: op.file, at: op.record, detail: `→ ${missing[0]}` });
        else this.fail(op.file, op.record, said('import.linkEndMissing', { type: op.type, ids: missing.join(', '), count: missing.length }));
        continue;
      }
      // An entity this import created has no links but the ones this import writes.
      const key = `${op.type}\u0000${source}\u0000${target}`;
      const fresh = !written.has(key) && (state.get(source) === 'created' || state.get(target) === 'created');
      written.add(key);
      const twin = fresh ? undefined : ((op.id ? tx.getLink(op.id) : undefined) ?? ws.findLink(op.type, source, target));
      const id = twin && twin.type === op.type && twin.source === source && twin.target === target ? twin.id : (op.id ?? ptvLinkId(op.type, source, target));
      const stored = twin?.id === id ? twin : undefined;
      const data = stored && op.mergeData ? op.mergeData(stored.data ?? {}, op.data) : op.data;
      const link: Link = { id, type: op.type, source, target, data };
      asserted.add(id);
      if (stored && sameJson(stored, link)) {
        this.linkCounts.unchanged++;
        continue;
      }
      try {
        tx.putLink(link);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.fail(op.file, op.record, err);
        continue;
      }
      if (stored) this.linkCounts.updated++;
      else this.linkCounts.created++;
    }

    for (const own of this.owned) {
      const id = remap.get(own.entityId) ?? own.entityId;
      // A record new in this import has only the links this import asserted.
      if (state.get(id) === 'created') continue;
      for (const link of ws.linksOf(id)) {
        if (!link.id.startsWith(PTV_LINK_PREFIX) || asserted.has(link.id)) continue;
        if (own.types.some((t) => t.type === link.type && (t.side === 'source' ? link.source : link.target) === id)) {
          tx.deleteLink(link.id);
          asserted.add(link.id);
          this.linkCounts.removed++;
        }
      }
    }
    this.applyPicture(tx, ws);
    if (this.title && Object.values(this.title).some((t) => t?.trim()) && !Object.values(ws.getTitle()).some((t) => t?.trim())) {
      // Inside the edit's transaction, so it rolls back with the rest; titles are not in the undo log.
      ws.setTitle(this.title);
    }
    this.progress(total, total, 'write');
  }

  /** Picture items go in after the entities, so that a budget line finds the organisation this import made. */
  private applyPicture(tx: EditTx, ws: Workspace): void {
    const counts = this.pictureCounts;
    if (!counts) return;
    const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
    for (const op of this.pictureOps) {
      const existing = ws.getItem(op.id);
      let item: PictureItem;
      try {
        const parsed = PictureItemSchema.safeParse(op.build(existing));
        if (!parsed.success) throw new AppError('invalid_input', describeIssues(parsed.error.issues), undefined, invalidRecord(parsed.error.issues));
        item = parsed.data;
        if (existing && existing.kind !== item.kind) throw new AppError('conflict', `the id ${op.id} already belongs to a ${existing.kind} in this picture, not a ${item.kind}`, undefined, said('import.pictureIdTaken', { id: op.id }));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.fail(op.file, op.record, err);
        continue;
      }
      if (existing && sameJson(existing, item)) {
        bump(counts.unchanged, item.kind);
        continue;
      }
      counts.values += op.values?.(existing) ?? 0;
      tx.putItem(item);
      bump(existing ? counts.updated : counts.created, item.kind);
    }
    // Reviews stay out of the undo log (a review is a record of the past, not an edit), but in this
    // transaction: a failed import adds none.
    const get = ws.db.prepare<[string], { summary: string; items: string; label: string; created_at: string }>('SELECT label, created_at, summary, items FROM picture_reviews WHERE id = ?');
    const insert = ws.db.prepare('INSERT INTO picture_reviews (id, label, created_at, summary, items) VALUES (?, ?, ?, ?, ?)');
    for (const { file, record, review } of this.reviewOps) {
      const summary = JSON.stringify(review.summary);
      const items = JSON.stringify(review.items);
      const stored = get.get(review.id);
      if (!stored) {
        insert.run(review.id, review.label, review.createdAt, summary, items);
        bump(counts.created, 'review');
      } else if (stored.summary === summary && stored.items === items && stored.label === review.label && stored.created_at === review.createdAt) {
        bump(counts.unchanged, 'review');
      } else {
        this.warn(said('import.reviewKept'), { file, at: record });
      }
    }
  }

  result(): ImportResult {
    return {
      ...(this.pictureCounts ? { picture: structuredClone(this.pictureCounts) } : {}),
      created: { ...this.counts.created },
      updated: { ...this.counts.updated },
      unchanged: { ...this.counts.unchanged },
      links: { ...this.linkCounts },
      skipped: [...this.skipped],
      skippedTotal: this.skippedTotal,
      warnings: [...this.warnings.values()],
    };
  }
}
