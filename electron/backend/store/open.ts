import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/result';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** Written to PRAGMA application_id so that any other SQLite file is recognised as foreign ("KOHT"). */
export const APPLICATION_ID = 0x4b4f4854;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean;
  /** Where better-sqlite3's native module lives (the Electron build passes its own ABI copy). */
  nativeBinding?: string;
  /** Fixed clock for tests. */
  now?: () => Date;
}

/** Reads the header without opening the file for writing, so a refused file is never touched. */
function inspect(file: string, nativeBinding?: string): { version: number; appId: number } {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  const read = fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (read < 16 || !head.equals(SQLITE_MAGIC)) {
    throw new AppError('not_a_workspace', `${path.basename(file)} is not a Kohtaanto workspace (not an SQLite file).`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (version !== 0 || tables.n > 0)) {
      throw new AppError('not_a_workspace', `${path.basename(file)} is an SQLite database of another program, not a Kohtaanto workspace.`);
    }
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError('workspace_damaged', `${path.basename(file)} is damaged (integrity check: ${String(check).slice(0, 200)}).`);
    }
    return { version, appId };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('workspace_damaged', `${path.basename(file)} is damaged and cannot be opened: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Opens (or creates) a workspace file: refuses foreign, damaged and newer files untouched,
 * backs up before migrating, then runs every pending migration in one transaction.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new AppError('not_found', `No workspace at ${file}.`);
  if (exists && fs.statSync(file).isDirectory()) throw new AppError('not_a_workspace', `${file} is a folder.`);

  let version = 0;
  if (exists) {
    version = inspect(file, opts.nativeBinding).version;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'workspace_newer',
        `${path.basename(file)} was saved by a newer Kohtaanto (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Kohtaanto to open it; the file was not changed.`,
        { fileVersion: version, supported: LATEST_SCHEMA_VERSION },
      );
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: opts.nativeBinding });
  } catch (err) {
    throw new AppError('io_error', `Cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged edit is on disk even if the machine, not just the app, goes down.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');

    const pending = MIGRATIONS.filter((m) => m.version > version);
    if (pending.length > 0) {
      if (version > 0) backupBeforeMigration(db, file, version, opts.now?.() ?? new Date());
      db.transaction(() => {
        for (const m of pending) m.up(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
      })();
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('io_error', `Cannot prepare ${path.basename(file)}: ${(err as Error).message}`);
  }
}

function backupBeforeMigration(db: Database.Database, file: string, version: number, at: Date): void {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${version}-${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
}
