import type Database from 'better-sqlite3';

/**
 * Saved matching runs. A run is a result, not an edit of the ecosystem, so it stays out of the
 * undo log; each row keeps the parameters it ran with and when, its totals for listing runs
 * without reading their bodies, and the whole run as JSON.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE matching_runs (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      label TEXT,
      params TEXT NOT NULL CHECK (json_valid(params)),
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      run TEXT NOT NULL CHECK (json_valid(run)),
      names TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(names))
    );
    CREATE INDEX matching_runs_created ON matching_runs(created_at);
  `);
}
