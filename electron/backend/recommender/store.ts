/** The saved index snapshots of a workspace file (migration 0100), written the same way from the main thread and the worker. */
import type Database from 'better-sqlite3';

/** Snapshots kept per file: the current one and the one before (an undo brings it back). */
export const KEEP_SNAPSHOTS = 2;

export interface SnapshotRow {
  fingerprint: string;
  createdAt: string;
  services: number;
  buildMs: number;
  bytes: Uint8Array;
}

/** Saves a snapshot under its catalogue fingerprint and drops all but the newest few, in one transaction. */
export function writeSnapshot(db: Database.Database, row: SnapshotRow): void {
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO recommender_index_cache (fingerprint, created_at, services, build_ms, snapshot) VALUES (?, ?, ?, ?, ?)').run(
      row.fingerprint,
      row.createdAt,
      row.services,
      Math.round(row.buildMs),
      row.bytes,
    );
    db.prepare(`DELETE FROM recommender_index_cache WHERE fingerprint NOT IN (SELECT fingerprint FROM recommender_index_cache ORDER BY created_at DESC, rowid DESC LIMIT ${KEEP_SNAPSHOTS})`).run();
  })();
}
