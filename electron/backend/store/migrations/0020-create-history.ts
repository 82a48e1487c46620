import type Database from 'better-sqlite3';

/** The undo/redo log lives in the workspace file so that it survives a restart. */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      label TEXT NOT NULL,
      at TEXT NOT NULL,
      forward TEXT NOT NULL,
      backward TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0
    );
  `);
}
