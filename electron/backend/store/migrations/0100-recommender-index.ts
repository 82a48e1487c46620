import type Database from 'better-sqlite3';

/**
 * The recommender index's costly part (inferred affinities, the meter model, term statistics;
 * see shared/recommender/snapshot.ts), kept under the fingerprint of what it was built from
 * (services, needs, life events, their links, the build options and the snapshot version), so
 * reopening a workspace does not build again. A derived cache, not an edit: never in the undo
 * log, and any row may be deleted at any time.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE recommender_index_cache (
      fingerprint TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      services INTEGER NOT NULL,
      build_ms INTEGER NOT NULL,
      snapshot BLOB NOT NULL
    );
  `);
}
