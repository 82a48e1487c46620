import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/result';
import { acquireLock } from './lock';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { codedError, said } from '../messages';

/** Written to PRAGMA application_id so that any other SQLite file is recognised as foreign ("KOHT"). */
export const APPLICATION_ID = 0x4b4f4854;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Create the file when it does not exist; 'new': only a file that does not exist yet. */
  create?: boolean | 'new';
  /** Where better-sqlite3's native module lives (the Electron build passes its own ABI copy). */
  nativeBinding?: string;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Named in the file's lock, so that a second opener is told who has the file. */
  owner?: string;
  /** Read without taking the write lock and without writing (for a file another process holds). */
  readOnly?: boolean;
}

export interface OpenedDatabase {
  db: Database.Database;
  readOnly: boolean;
  /** Gives up the write lock; call after closing the database. */
  release(): void;
}

/** C0 and C1 control characters: SQLite cuts a file name at NUL, and none belongs in a file name. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Refuses a path with control characters before anything looks at the file system. */
export function checkPath(file: string): void {
  if (CONTROL_CHARS.test(file)) {
    throw codedError('invalid_input', said('file.pathControl'), { details: { reason: 'path.control' } });
  }
}

export const openLimits = {
  /** Files up to this size get SQLite's full integrity check on open; larger ones its quick check. */
  fullCheckMaxBytes: 64 * 1024 * 1024,
};

/** Settings for every connection: schema code in a file (triggers, views) is never trusted to call functions with side effects. */
function harden(db: Database.Database): void {
  db.pragma('trusted_schema = OFF');
}

/**
 * Reads the header without opening the file for writing, so a refused file is never touched.
 * With `tidy` (the caller holds the lock, so no other Kohtaanto process uses the file), the
 * `-wal`/`-shm` files a read-only connection makes beside a WAL-mode file are removed again.
 */
function inspect(file: string, nativeBinding: string | undefined, tidy: boolean): { version: number; appId: number } {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  const read = fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (read < 16 || !head.equals(SQLITE_MAGIC)) {
    throw codedError('not_a_workspace', said('file.notSqlite', { file: path.basename(file) }));
  }
  const siblings = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    harden(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (version !== 0 || tables.n > 0)) {
      throw codedError('not_a_workspace', said('file.otherDatabase', { file: path.basename(file) }));
    }
    // integrity_check also compares every index with its table: 41 ms for a 3 MB workspace, but
    // 6.2 s for a region's 382 MB (50,000 services) before the window can show anything.
    // quick_check reads every page and record (1.2 s there) and catches a damaged file the same
    // way; what it leaves out (an index that disagrees with its table) is left to SQLite's own
    // errors on use. Small files keep the full check.
    const thorough = fs.statSync(file).size <= openLimits.fullCheckMaxBytes;
    const check = db.pragma(thorough ? 'integrity_check' : 'quick_check', { simple: true });
    if (check !== 'ok') {
      throw codedError('workspace_damaged', said('file.integrity', { file: path.basename(file), detail: String(check).slice(0, 200) }));
    }
    return { version, appId };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw codedError('workspace_damaged', said('file.damaged', { file: path.basename(file), reason: (err as Error).message }));
  } finally {
    db?.close();
    if (tidy) for (const f of siblings) fs.rmSync(f, { force: true });
  }
}

function newerError(file: string, version: number): AppError {
  return codedError('workspace_newer', said('file.newer', { file: path.basename(file), version, latest: LATEST_SCHEMA_VERSION }), {
    details: { fileVersion: version, supported: LATEST_SCHEMA_VERSION },
  });
}

/**
 * Opens (or creates) a workspace file for writing: takes its lock (one writing process per
 * file), refuses foreign, damaged and newer files untouched, backs up before migrating, then
 * runs every pending migration in one transaction.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  checkPath(file);
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw codedError('not_found', said('file.noWorkspace', { file }));
  if (exists && fs.statSync(file).isDirectory()) throw codedError('not_a_workspace', said('file.isFolder', { file }));
  if (exists && opts.create === 'new') throw codedError('conflict', said('file.exists', { file }));
  if (opts.readOnly) return openReadOnly(file, opts.nativeBinding);
  if (!exists) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch (err) {
      throw codedError('io_error', said('file.cannotCreateFolder', { file, reason: (err as Error).message }));
    }
  }

  const release = acquireLock(file, opts.owner ?? 'Kohtaanto', opts.now);
  let created = false;
  let db: Database.Database | undefined;
  try {
    // Looked at again under the lock: another process may have made or removed it meanwhile.
    const existsNow = fs.existsSync(file);
    if (!existsNow && !opts.create) throw codedError('not_found', said('file.noWorkspace', { file }));
    if (existsNow && opts.create === 'new') throw codedError('conflict', said('file.exists', { file }));
    let version = 0;
    if (existsNow) {
      version = inspect(file, opts.nativeBinding, true).version;
      if (version > LATEST_SCHEMA_VERSION) throw newerError(file, version);
    }
    try {
      db = new Database(file, { nativeBinding: opts.nativeBinding });
      created = !existsNow;
    } catch (err) {
      throw codedError('io_error', said('file.cannotOpen', { file, reason: (err as Error).message }));
    }
    harden(db);
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged edit is on disk even if the machine, not just the app, goes down.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');

    const pending = MIGRATIONS.filter((m) => m.version > version);
    if (pending.length > 0) {
      if (version > 0) backupBeforeMigration(db, file, version, opts.now?.() ?? new Date());
      const conn = db;
      conn
        .transaction(() => {
          for (const m of pending) m.up(conn);
          conn.pragma(`application_id = ${APPLICATION_ID}`);
          conn.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
        })
        .immediate();
    }
    return { db, readOnly: false, release };
  } catch (err) {
    db?.close();
    // A file this call began to make is not left behind half-made.
    if (created) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    release();
    if (err instanceof AppError) throw err;
    throw codedError('io_error', said('file.cannotPrepare', { file: path.basename(file), reason: (err as Error).message }));
  }
}

/** Opens an up-to-date workspace for reading only, without the lock: another process may be writing it. */
function openReadOnly(file: string, nativeBinding: string | undefined): OpenedDatabase {
  const { version } = inspect(file, nativeBinding, false);
  if (version > LATEST_SCHEMA_VERSION) throw newerError(file, version);
  if (version < LATEST_SCHEMA_VERSION) {
    throw codedError('io_error', said('file.needsUpgrade', { file: path.basename(file), latest: LATEST_SCHEMA_VERSION }));
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (err) {
    throw codedError('io_error', said('file.cannotOpen', { file, reason: (err as Error).message }));
  }
  harden(db);
  db.pragma('busy_timeout = 2000');
  return { db, readOnly: true, release: () => {} };
}

function backupBeforeMigration(db: Database.Database, file: string, version: number, at: Date): void {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${version}-${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
}
