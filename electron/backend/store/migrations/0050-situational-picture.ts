import type Database from 'better-sqlite3';

/**
 * The situational picture: goals, impact logic, indicators, budget, cost–benefit items and
 * surveys as JSON documents of a kind (edited through the undo log like entities), and reviews:
 * frozen snapshots that later edits never change, so they stay out of the undo log.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE picture_items (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL
    );
    CREATE INDEX picture_items_kind ON picture_items(kind);
    CREATE TABLE picture_reviews (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      items TEXT NOT NULL CHECK (json_valid(items))
    );
  `);
}
