import type Database from 'better-sqlite3';

/**
 * Canvas layout: node positions per view (the main canvas is view 'main'), saved named views,
 * and each view's last viewport. Positions carry no foreign key to entities on purpose: when a
 * node is deleted its position stays behind, so undoing the delete puts the node back exactly
 * where it was without the entity ops having to know about layout.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE canvas_views (
      id TEXT PRIMARY KEY,
      data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE TABLE canvas_positions (
      view_id TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      x REAL NOT NULL,
      y REAL NOT NULL,
      pinned INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (view_id, entity_id)
    ) WITHOUT ROWID;
    CREATE TABLE canvas_viewports (
      view_id TEXT PRIMARY KEY,
      x REAL NOT NULL,
      y REAL NOT NULL,
      zoom REAL NOT NULL
    );
  `);
}
