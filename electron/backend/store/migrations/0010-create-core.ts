import type Database from 'better-sqlite3';

/** Entities and typed links; each entity's fields live in one JSON document validated by shared/model. */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL
    );
    CREATE INDEX entities_kind ON entities(kind);
    CREATE TABLE links (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      source TEXT NOT NULL REFERENCES entities(id),
      target TEXT NOT NULL REFERENCES entities(id),
      data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
      UNIQUE (type, source, target)
    );
    CREATE INDEX links_source ON links(source);
    CREATE INDEX links_target ON links(target);
  `);
}
