import type Database from 'better-sqlite3';

/**
 * The remote recommender: the workspace's recommender source (settings only; the API key is kept
 * outside the file), the endpoints whose privacy notice the user has read, the log of requests
 * sent (what, when, with which status), and saved comparisons of the built-in and the remote
 * recommender. None of it is an edit of the ecosystem, so none of it enters the undo log.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE recommender_source (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      source TEXT NOT NULL CHECK (json_valid(source))
    );
    CREATE TABLE remote_acknowledged (
      endpoint TEXT PRIMARY KEY,
      acknowledged_at TEXT NOT NULL
    );
    CREATE TABLE remote_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      endpoint TEXT NOT NULL,
      operation TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      attempt INTEGER NOT NULL,
      status INTEGER,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
      message TEXT,
      ms INTEGER NOT NULL
    );
    CREATE TABLE recommender_comparisons (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      label TEXT,
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      comparison TEXT NOT NULL CHECK (json_valid(comparison)),
      names TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(names))
    );
    CREATE INDEX recommender_comparisons_created ON recommender_comparisons(created_at);
  `);
}
