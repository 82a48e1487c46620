import type Database from 'better-sqlite3';
import {
  EntitySchema,
  LINK_TYPES,
  LinkSchema,
  type Entity,
  type EntityKind,
  type Link,
  type LinkType,
  type OptionalText,
} from '../../../shared/model';
import { openDatabase, type OpenedDatabase, type OpenOptions } from './open';
import type { CanvasView, NodePosition, Viewport } from '../../../shared/api/canvas';
import type { PictureItem } from '../../../shared/picture';
import { MAX_LISTED_CHANGES, type WorkspaceChanges } from '../../../shared/api/changes';
import { codedError, said } from '../messages';
import { groupInOrder } from '../../../shared/util/group';

/** One recorded change; the inverse of each is recorded beside it so undo needs no diffing. */
export type Op =
  | { t: 'putEntity'; entity: Entity }
  | { t: 'delEntity'; id: string }
  | { t: 'putLink'; link: Link }
  | { t: 'delLink'; id: string }
  | { t: 'putPos'; view: string; id: string; pos: NodePosition }
  | { t: 'delPos'; view: string; id: string }
  /** With the view's pan and zoom, so that undo and redo bring them back with it. */
  | { t: 'putView'; view: CanvasView; viewport?: Viewport }
  | { t: 'delView'; id: string }
  | { t: 'putItem'; item: PictureItem }
  | { t: 'delItem'; id: string }
  /** A review row exactly as stored (its JSON as text), so redo brings it back byte for byte. */
  | { t: 'putReview'; review: ReviewRecord }
  | { t: 'delReview'; id: string };

/** One saved review (picture_reviews): the summary and items frozen as JSON text. */
export interface ReviewRecord {
  id: string;
  label: string;
  created_at: string;
  summary: string;
  items: string;
}

const HISTORY_LIMIT = 500;

const openWorkspaces = new Set<Workspace>();
let exitHookInstalled = false;

interface Row {
  data: string;
}

/** Reads and writes inside one edit; every change is recorded for undo. */
export class EditTx {
  readonly forward: Op[] = [];
  /** Inverses in the order they happened; replayed last-first by undo. */
  readonly backward: Op[] = [];
  constructor(private readonly ws: Workspace) {}

  getEntity(id: string): Entity | undefined {
    return this.ws.getEntity(id);
  }
  getLink(id: string): Link | undefined {
    return this.ws.getLink(id);
  }

  /** Inserts or replaces an entity (already validated by the caller's schema). */
  putEntity(entity: Entity): void {
    const before = this.ws.getEntity(entity.id);
    if (before && before.kind !== entity.kind) {
      throw codedError('conflict', said('edit.idTaken', { id: entity.id, kind: before.kind }));
    }
    this.ws.writeEntity(entity);
    this.record({ t: 'putEntity', entity }, before ? { t: 'putEntity', entity: before } : { t: 'delEntity', id: entity.id });
  }

  /** Deletes an entity with every link that touches it and its places on the canvas views; returns how many links went with it. */
  deleteEntity(id: string): number {
    const before = this.ws.getEntity(id);
    if (!before) throw codedError('not_found', said('edit.noEntity', { id }));
    const links = this.ws.linksOf(id);
    for (const l of links) this.deleteLink(l.id);
    // Recorded, so undo puts the node back where it was; a later entity with the same id starts fresh.
    for (const view of this.ws.viewsPlacing(id)) this.deletePosition(view, id);
    this.ws.removeEntity(id);
    this.record({ t: 'delEntity', id }, { t: 'putEntity', entity: before });
    return links.length;
  }

  /** Inserts or replaces a link after checking that it joins the kinds its type allows. */
  putLink(link: Link): void {
    // Only the kinds are needed here; parsing both entities' JSON made big imports slow.
    const src = this.ws.kindOf(link.source);
    const dst = this.ws.kindOf(link.target);
    if (!src) throw codedError('not_found', said('edit.noEntity', { id: link.source }));
    if (!dst) throw codedError('not_found', said('edit.noEntity', { id: link.target }));
    const rule = LINK_TYPES[link.type];
    if (rule.source !== src || rule.target !== dst) {
      throw codedError('invalid_input', said('edit.linkKinds', { type: link.type, sourceKind: rule.source, targetKind: rule.target, fromKind: src, toKind: dst }), {
        details: { reason: 'link.wrongKinds', type: link.type },
      });
    }
    if (link.source === link.target) {
      throw codedError('invalid_input', said('edit.linkSelf'), { details: { reason: 'link.self' } });
    }
    const before = this.ws.getLink(link.id);
    const twin = this.ws.findLink(link.type, link.source, link.target);
    if (twin && twin.id !== link.id) {
      throw codedError('conflict', said('edit.linkDuplicate'), { details: { reason: 'link.duplicate', existing: twin.id } });
    }
    this.ws.writeLink(link);
    this.record({ t: 'putLink', link }, before ? { t: 'putLink', link: before } : { t: 'delLink', id: link.id });
  }

  deleteLink(id: string): void {
    const before = this.ws.getLink(id);
    if (!before) throw codedError('not_found', said('edit.noLink', { id }));
    this.ws.removeLink(id);
    this.record({ t: 'delLink', id }, { t: 'putLink', link: before });
  }

  // ---- canvas layout (migration 0030) ----

  /** Sets a node's position on one view; moving nodes is undoable like any other edit. */
  putPosition(view: string, id: string, pos: NodePosition): void {
    const before = this.ws.getPosition(view, id);
    if (before && before.x === pos.x && before.y === pos.y && before.pinned === pos.pinned) return;
    this.ws.writePosition(view, id, pos);
    this.record({ t: 'putPos', view, id, pos }, before ? { t: 'putPos', view, id, pos: before } : { t: 'delPos', view, id });
  }

  deletePosition(view: string, id: string): void {
    const before = this.ws.getPosition(view, id);
    if (!before) return;
    this.ws.removePosition(view, id);
    this.record({ t: 'delPos', view, id }, { t: 'putPos', view, id, pos: before });
  }

  /** Saves a view, with its pan and zoom when given (an edited view keeps its own otherwise). */
  putView(view: CanvasView, viewport?: Viewport): void {
    const before = this.ws.getView(view.id);
    const beforeViewport = before ? this.ws.getViewport(view.id) : undefined;
    this.ws.writeView(view, viewport);
    this.record(
      { t: 'putView', view, viewport },
      before ? { t: 'putView', view: before, viewport: beforeViewport } : { t: 'delView', id: view.id },
    );
  }

  /** Deletes a saved view with its positions (both come back on undo). */
  deleteView(id: string): void {
    const before = this.ws.getView(id);
    if (!before) throw codedError('not_found', said('edit.noView', { id }));
    const viewport = this.ws.getViewport(id);
    for (const [entityId] of this.ws.listPositions(id)) this.deletePosition(id, entityId);
    this.ws.removeView(id);
    this.record({ t: 'delView', id }, { t: 'putView', view: before, viewport });
  }

  // ---- situational picture (migration 0050) ----

  /** Inserts or replaces a picture item (already validated by the caller's schema). */
  putItem(item: PictureItem): void {
    const before = this.ws.getItem(item.id);
    if (before && before.kind !== item.kind) {
      throw codedError('conflict', said('edit.idTaken', { id: item.id, kind: before.kind }));
    }
    this.ws.writeItem(item);
    this.record({ t: 'putItem', item }, before ? { t: 'putItem', item: before } : { t: 'delItem', id: item.id });
  }

  deleteItem(id: string): void {
    const before = this.ws.getItem(id);
    if (!before) throw codedError('not_found', said('edit.noPictureItem', { id }));
    this.ws.removeItem(id);
    this.record({ t: 'delItem', id }, { t: 'putItem', item: before });
  }

  /** Saves a new review; reviews are never changed, only added (and removed by undoing the save). */
  addReview(review: ReviewRecord): void {
    if (this.ws.hasReview(review.id)) throw codedError('conflict', said('edit.reviewExists', { id: review.id }));
    this.ws.writeReview(review);
    this.record({ t: 'putReview', review }, { t: 'delReview', id: review.id });
  }

  private record(op: Op, inverse: Op): void {
    this.forward.push(op);
    // push, not unshift: a 100k-change import would otherwise be quadratic. edit() reverses once.
    this.backward.push(inverse);
  }
}

/**
 * An open workspace file. Every user edit is one SQLite transaction that also appends its
 * undo record, so autosave and undo can never disagree.
 */
export class Workspace {
  readonly db: Database.Database;
  private readonly now: () => Date;
  private stmts: ReturnType<Workspace['prepare']>;

  /** Opened without the write lock (another process has the file): every write is refused. */
  readonly readOnly: boolean;
  /** What edits, undos and redos touched since the last takeChanges(), for `workspace.changed`. */
  private touched = { entities: new Set<string>(), links: new Set<string>(), canvas: false, picture: false };
  private readonly release: () => void;

  private constructor(
    readonly path: string,
    opened: OpenedDatabase,
    now: () => Date,
  ) {
    this.db = opened.db;
    this.readOnly = opened.readOnly;
    this.release = opened.release;
    this.now = now;
    this.stmts = this.prepare();
  }

  /** Opens a workspace file; for writing (the default) it holds the file's lock until close(). */
  static open(file: string, opts: OpenOptions = {}): Workspace {
    const ws = new Workspace(file, openDatabase(file, opts), opts.now ?? (() => new Date()));
    if (openWorkspaces.size === 0 && !exitHookInstalled) {
      // A normal exit that skipped close() (an error path, process.exit) still checkpoints the
      // file and gives up its lock, so nothing is left beside it.
      process.on('exit', () => {
        for (const w of openWorkspaces) w.close();
      });
      exitHookInstalled = true;
    }
    openWorkspaces.add(ws);
    return ws;
  }

  private prepare() {
    const db = this.db;
    return {
      getEntity: db.prepare<[string], Row>('SELECT data FROM entities WHERE id = ?'),
      kindOf: db.prepare<[string], { kind: EntityKind }>('SELECT kind FROM entities WHERE id = ?'),
      putEntity: db.prepare(
        'INSERT INTO entities (id, kind, data, updated_at) VALUES (@id, @kind, @data, @at) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, data = excluded.data, updated_at = excluded.updated_at',
      ),
      delEntity: db.prepare('DELETE FROM entities WHERE id = ?'),
      // By id (the primary key's order, no sort in a temporary B-tree), grouped by kind in listEntities.
      listAll: db.prepare<[], Row & { kind: string }>('SELECT kind, data FROM entities ORDER BY id'),
      scanEntities: db.prepare<[string, number], Row & { id: string }>('SELECT id, data FROM entities WHERE id > ? ORDER BY id LIMIT ?'),
      listKind: db.prepare<[string], Row>('SELECT data FROM entities WHERE kind = ? ORDER BY id'),
      getLink: db.prepare<[string], Link & { data: string }>('SELECT id, type, source, target, data FROM links WHERE id = ?'),
      findLink: db.prepare<[string, string, string], Link & { data: string }>(
        'SELECT id, type, source, target, data FROM links WHERE type = ? AND source = ? AND target = ?',
      ),
      putLink: db.prepare(
        'INSERT INTO links (id, type, source, target, data) VALUES (@id, @type, @source, @target, @data) ON CONFLICT(id) DO UPDATE SET type = excluded.type, source = excluded.source, target = excluded.target, data = excluded.data',
      ),
      delLink: db.prepare('DELETE FROM links WHERE id = ?'),
      linksOf: db.prepare<[string, string], Link & { data: string }>(
        'SELECT id, type, source, target, data FROM links WHERE source = ? OR target = ? ORDER BY type, id',
      ),
      linksAll: db.prepare<[], Link & { data: string }>('SELECT id, type, source, target, data FROM links ORDER BY id'),
      scanLinks: db.prepare<[string, number], Link & { data: string }>('SELECT id, type, source, target, data FROM links WHERE id > ? ORDER BY id LIMIT ?'),
      linksType: db.prepare<[string], Link & { data: string }>('SELECT id, type, source, target, data FROM links WHERE type = ? ORDER BY id'),
      countKinds: db.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM entities GROUP BY kind'),
      countLinks: db.prepare<[], { type: string; n: number }>('SELECT type, count(*) AS n FROM links GROUP BY type'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      histInsert: db.prepare('INSERT INTO history (label, at, forward, backward) VALUES (?, ?, ?, ?)'),
      histDropRedo: db.prepare('DELETE FROM history WHERE undone = 1'),
      histPrune: db.prepare(`DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ${HISTORY_LIMIT}`),
      histLastDone: db.prepare<[], { seq: number; label: string; forward: string; backward: string }>(
        'SELECT seq, label, forward, backward FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1',
      ),
      histFirstUndone: db.prepare<[], { seq: number; label: string; forward: string; backward: string }>(
        'SELECT seq, label, forward, backward FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1',
      ),
      // Labels only: the steps themselves (an import's are hundreds of MB) are read to undo or redo, not to name them.
      histLastDoneLabel: db.prepare<[], { label: string }>('SELECT label FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1'),
      histFirstUndoneLabel: db.prepare<[], { label: string }>('SELECT label FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1'),
      histMark: db.prepare('UPDATE history SET undone = ? WHERE seq = ?'),
    };
  }

  close(): void {
    openWorkspaces.delete(this);
    if (this.db.open) this.db.close();
    this.release();
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw codedError('workspace_locked', said('file.readOnly', { file: this.path }));
    }
  }

  // ---- reads ----

  getEntity(id: string): Entity | undefined {
    const row = this.stmts.getEntity.get(id);
    return row ? (JSON.parse(row.data) as Entity) : undefined;
  }

  /** The kind of an entity, without reading its document. */
  kindOf(id: string): EntityKind | undefined {
    return this.stmts.kindOf.get(id)?.kind;
  }

  /** By kind, then id. */
  listEntities(kind?: EntityKind): Entity[] {
    if (kind) return this.stmts.listKind.all(kind).map((r) => JSON.parse(r.data) as Entity);
    return groupInOrder(this.stmts.listAll.all(), (r) => r.kind).map((r) => JSON.parse(r.data) as Entity);
  }

  /** Up to `limit` entities with ids after `after`, in id order. */
  scanEntities(after: string, limit: number): Entity[] {
    return this.stmts.scanEntities.all(after, limit).map((r) => JSON.parse(r.data) as Entity);
  }

  getLink(id: string): Link | undefined {
    const row = this.stmts.getLink.get(id);
    return row ? parseLink(row) : undefined;
  }

  findLink(type: LinkType, source: string, target: string): Link | undefined {
    const row = this.stmts.findLink.get(type, source, target);
    return row ? parseLink(row) : undefined;
  }

  linksOf(entityId: string): Link[] {
    return this.stmts.linksOf.all(entityId, entityId).map(parseLink);
  }

  /** By type, then id. */
  listLinks(filter: { type?: LinkType; entityId?: string } = {}): Link[] {
    let rows = filter.entityId ? this.linksOf(filter.entityId) : filter.type ? this.stmts.linksType.all(filter.type).map(parseLink) : groupInOrder(this.stmts.linksAll.all(), (r) => r.type).map(parseLink);
    if (filter.type && filter.entityId) rows = rows.filter((l) => l.type === filter.type);
    return rows;
  }

  /** Up to `limit` links with ids after `after`, in id order. */
  scanLinks(after: string, limit: number): Link[] {
    return this.stmts.scanLinks.all(after, limit).map(parseLink);
  }

  counts(): { entities: Record<string, number>; links: Record<string, number> } {
    return {
      entities: Object.fromEntries(this.stmts.countKinds.all().map((r) => [r.kind, r.n])),
      links: Object.fromEntries(this.stmts.countLinks.all().map((r) => [r.type, r.n])),
    };
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  getTitle(): OptionalText {
    const row = this.stmts.getMeta.get('title');
    return row ? (JSON.parse(row.value) as OptionalText) : {};
  }

  setTitle(title: OptionalText): void {
    this.assertWritable();
    this.stmts.putMeta.run('title', JSON.stringify(title));
  }

  // ---- writes (only through EditTx, so each is recorded) ----

  /** Runs one user edit as one transaction with its undo record; nothing is written if it throws. */
  edit<T>(label: string, fn: (tx: EditTx) => T, opts: { undoable?: boolean } = {}): T {
    this.assertWritable();
    // IMMEDIATE: the write lock is taken before the first read, so a busy file is waited for
    // (busy_timeout) instead of failing at once when a read snapshot cannot be upgraded.
    const done = this.db.transaction(() => {
      const tx = new EditTx(this);
      const result = fn(tx);
      if (tx.forward.length > 0 && opts.undoable !== false) {
        this.stmts.histDropRedo.run();
        this.stmts.histInsert.run(label, this.now().toISOString(), JSON.stringify(tx.forward), JSON.stringify(tx.backward.reverse()));
        this.stmts.histPrune.run();
      }
      return { result, ops: tx.forward };
    }).immediate();
    // Only once committed: a refused edit changed nothing anyone needs to refetch.
    this.noteTouched(done.ops);
    return done.result;
  }

  undo(): string {
    this.assertWritable();
    const done = this.db.transaction(() => {
      const row = this.stmts.histLastDone.get();
      if (!row) throw codedError('nothing_to_undo', said('edit.nothingToUndo'));
      const ops = JSON.parse(row.backward) as Op[];
      this.apply(ops);
      this.stmts.histMark.run(1, row.seq);
      return { label: row.label, ops };
    }).immediate();
    this.noteTouched(done.ops);
    return done.label;
  }

  redo(): string {
    this.assertWritable();
    const done = this.db.transaction(() => {
      const row = this.stmts.histFirstUndone.get();
      if (!row) throw codedError('nothing_to_undo', said('edit.nothingToRedo'));
      const ops = JSON.parse(row.forward) as Op[];
      this.apply(ops);
      this.stmts.histMark.run(0, row.seq);
      return { label: row.label, ops };
    }).immediate();
    this.noteTouched(done.ops);
    return done.label;
  }

  private noteTouched(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.t === 'putEntity') this.touched.entities.add(op.entity.id);
      else if (op.t === 'delEntity') this.touched.entities.add(op.id);
      else if (op.t === 'putLink') this.touched.links.add(op.link.id);
      else if (op.t === 'delLink') this.touched.links.add(op.id);
      else if (op.t === 'putItem' || op.t === 'delItem') this.touched.picture = true;
      else this.touched.canvas = true;
    }
  }

  /** What changed since the last call (and forgets it): the ids a client should refetch. */
  takeChanges(): WorkspaceChanges {
    const { entities, links, canvas, picture } = this.touched;
    this.touched = { entities: new Set(), links: new Set(), canvas: false, picture: false };
    if (entities.size + links.size > MAX_LISTED_CHANGES) return { all: true };
    return {
      ...(entities.size ? { entities: [...entities] } : {}),
      ...(links.size ? { links: [...links] } : {}),
      ...(canvas ? { canvas } : {}),
      ...(picture ? { picture } : {}),
    };
  }

  historyState(): { canUndo: boolean; canRedo: boolean; undoLabel?: string; redoLabel?: string } {
    const last = this.stmts.histLastDoneLabel.get();
    const next = this.stmts.histFirstUndoneLabel.get();
    return { canUndo: !!last, canRedo: !!next, undoLabel: last?.label, redoLabel: next?.label };
  }

  private apply(ops: Op[]): void {
    for (const op of ops) {
      switch (op.t) {
        case 'putEntity':
          this.writeEntity(op.entity);
          break;
        case 'delEntity':
          this.removeEntity(op.id);
          break;
        case 'putLink':
          this.writeLink(op.link);
          break;
        case 'delLink':
          this.removeLink(op.id);
          break;
        case 'putPos':
          this.writePosition(op.view, op.id, op.pos);
          break;
        case 'delPos':
          this.removePosition(op.view, op.id);
          break;
        case 'putView':
          this.writeView(op.view, op.viewport);
          break;
        case 'delView':
          this.removeView(op.id);
          break;
        case 'putItem':
          this.writeItem(op.item);
          break;
        case 'delItem':
          this.removeItem(op.id);
          break;
        case 'putReview':
          this.writeReview(op.review);
          break;
        case 'delReview':
          this.removeReview(op.id);
          break;
      }
    }
  }

  /** @internal used by EditTx and undo */
  writeEntity(entity: Entity): void {
    this.stmts.putEntity.run({ id: entity.id, kind: entity.kind, data: JSON.stringify(entity), at: this.now().toISOString() });
  }
  /** @internal */
  removeEntity(id: string): void {
    this.stmts.delEntity.run(id);
  }
  /** @internal */
  writeLink(link: Link): void {
    this.stmts.putLink.run({ ...link, data: JSON.stringify(link.data ?? {}) });
  }
  /** @internal */
  removeLink(id: string): void {
    this.stmts.delLink.run(id);
  }

  // ---- canvas layout: reads, and writes used by EditTx and undo ----

  private layoutCache?: ReturnType<typeof prepareLayout>;
  private get layout() {
    return (this.layoutCache ??= prepareLayout(this.db));
  }
  getPosition(view: string, id: string): NodePosition | undefined {
    const r = this.layout.getPos.get(view, id);
    return r ? { x: r.x, y: r.y, pinned: r.pinned === 1 } : undefined;
  }
  /** The views (main canvas included) on which an entity has a position. */
  viewsPlacing(id: string): string[] {
    return this.layout.viewsOf.all(id).map((r) => r.view_id);
  }
  listPositions(view: string): Map<string, NodePosition> {
    return new Map(this.layout.listPos.all(view).map((r) => [r.entity_id, { x: r.x, y: r.y, pinned: r.pinned === 1 }]));
  }
  getView(id: string): CanvasView | undefined {
    const r = this.layout.getView.get(id);
    return r ? (JSON.parse(r.data) as CanvasView) : undefined;
  }
  listViews(): CanvasView[] {
    return this.layout.listViews.all().map((r) => JSON.parse(r.data) as CanvasView);
  }
  getViewport(view: string): Viewport | undefined {
    return this.layout.getViewport.get(view);
  }
  /** Pan and zoom are remembered per view but are not edits: no undo record. */
  setViewport(view: string, v: Viewport): void {
    this.assertWritable();
    this.layout.putViewport.run(view, v.x, v.y, v.zoom);
  }
  /** @internal */
  writePosition(view: string, id: string, p: NodePosition): void {
    this.layout.putPos.run(view, id, p.x, p.y, p.pinned ? 1 : 0);
  }
  /** @internal */
  removePosition(view: string, id: string): void {
    this.layout.delPos.run(view, id);
  }
  /** @internal */
  writeView(v: CanvasView, viewport?: Viewport): void {
    this.layout.putView.run(v.id, JSON.stringify(v));
    if (viewport) this.layout.putViewport.run(v.id, viewport.x, viewport.y, viewport.zoom);
  }
  // ---- situational picture: reads, and writes used by EditTx and undo ----

  private pictureCache?: ReturnType<typeof preparePicture>;
  private get picture() {
    return (this.pictureCache ??= preparePicture(this.db));
  }
  getItem(id: string): PictureItem | undefined {
    const r = this.picture.get.get(id);
    return r ? (JSON.parse(r.data) as PictureItem) : undefined;
  }
  listItems(kind?: PictureItem['kind']): PictureItem[] {
    return (kind ? this.picture.listKind.all(kind) : this.picture.listAll.all()).map((r) => JSON.parse(r.data) as PictureItem);
  }
  /** @internal */
  writeItem(item: PictureItem): void {
    this.picture.put.run({ id: item.id, kind: item.kind, data: JSON.stringify(item), at: this.now().toISOString() });
  }
  /** @internal */
  removeItem(id: string): void {
    this.picture.del.run(id);
  }
  hasReview(id: string): boolean {
    return this.picture.hasReview.get(id) !== undefined;
  }
  /** @internal */
  writeReview(r: ReviewRecord): void {
    this.picture.putReview.run(r);
  }
  /** @internal */
  removeReview(id: string): void {
    this.picture.delReview.run(id);
  }

  /** @internal */
  removeView(id: string): void {
    this.layout.delView.run(id);
    this.layout.delViewport.run(id);
  }
}

function preparePicture(db: Database.Database) {
  return {
    get: db.prepare<[string], Row>('SELECT data FROM picture_items WHERE id = ?'),
    listAll: db.prepare<[], Row>('SELECT data FROM picture_items ORDER BY kind, id'),
    listKind: db.prepare<[string], Row>('SELECT data FROM picture_items WHERE kind = ? ORDER BY id'),
    put: db.prepare(
      'INSERT INTO picture_items (id, kind, data, updated_at) VALUES (@id, @kind, @data, @at) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, data = excluded.data, updated_at = excluded.updated_at',
    ),
    del: db.prepare('DELETE FROM picture_items WHERE id = ?'),
    hasReview: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM picture_reviews WHERE id = ?'),
    putReview: db.prepare('INSERT INTO picture_reviews (id, label, created_at, summary, items) VALUES (@id, @label, @created_at, @summary, @items)'),
    delReview: db.prepare('DELETE FROM picture_reviews WHERE id = ?'),
  };
}

function prepareLayout(db: Database.Database) {
  type PosRow = { entity_id: string; x: number; y: number; pinned: number };
  return {
    getPos: db.prepare<[string, string], PosRow>('SELECT entity_id, x, y, pinned FROM canvas_positions WHERE view_id = ? AND entity_id = ?'),
    listPos: db.prepare<[string], PosRow>('SELECT entity_id, x, y, pinned FROM canvas_positions WHERE view_id = ?'),
    viewsOf: db.prepare<[string], { view_id: string }>('SELECT view_id FROM canvas_positions WHERE entity_id = ? ORDER BY view_id'),
    putPos: db.prepare(
      'INSERT INTO canvas_positions (view_id, entity_id, x, y, pinned) VALUES (?, ?, ?, ?, ?) ON CONFLICT(view_id, entity_id) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned',
    ),
    delPos: db.prepare('DELETE FROM canvas_positions WHERE view_id = ? AND entity_id = ?'),
    getView: db.prepare<[string], Row>('SELECT data FROM canvas_views WHERE id = ?'),
    listViews: db.prepare<[], Row>("SELECT data FROM canvas_views ORDER BY json_extract(data, '$.createdAt'), id"),
    putView: db.prepare('INSERT INTO canvas_views (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data'),
    delView: db.prepare('DELETE FROM canvas_views WHERE id = ?'),
    getViewport: db.prepare<[string], Viewport>('SELECT x, y, zoom FROM canvas_viewports WHERE view_id = ?'),
    putViewport: db.prepare(
      'INSERT INTO canvas_viewports (view_id, x, y, zoom) VALUES (?, ?, ?, ?) ON CONFLICT(view_id) DO UPDATE SET x = excluded.x, y = excluded.y, zoom = excluded.zoom',
    ),
    delViewport: db.prepare('DELETE FROM canvas_viewports WHERE view_id = ?'),
  };
}

function parseLink(row: Link & { data: string }): Link {
  return { id: row.id, type: row.type, source: row.source, target: row.target, data: JSON.parse(row.data) };
}

/** Validates an entity against the model; throws invalid_input with the zod issues. */
export function validEntity(raw: unknown): Entity {
  const parsed = EntitySchema.safeParse(raw);
  if (!parsed.success) {
    throw codedError('invalid_input', said('edit.invalidEntity'), { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } });
  }
  return parsed.data;
}

export function validLink(raw: unknown): Link {
  const parsed = LinkSchema.safeParse(raw);
  if (!parsed.success) {
    throw codedError('invalid_input', said('edit.invalidLink'), { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } });
  }
  return parsed.data;
}
