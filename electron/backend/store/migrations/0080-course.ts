import type Database from 'better-sqlite3';

/**
 * Course packs (issue 11). A participant's copy keeps the pack's manifest, its starting workspaces
 * and the model answers later exercises start from (course_copy, course_parts), and the
 * participant's progress per exercise (course_progress). A trainer's authoring draft lives in the
 * workspace being authored (course_draft, course_draft_parts). None of it is an edit of the
 * ecosystem, so none of it enters the undo log.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE course_copy (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pack_id TEXT NOT NULL,
      pack_revision INTEGER NOT NULL,
      participant TEXT NOT NULL,
      manifest TEXT NOT NULL CHECK (json_valid(manifest)),
      current_exercise TEXT NOT NULL,
      current_since TEXT,
      created_at TEXT NOT NULL
    );
    CREATE TABLE course_parts (
      kind TEXT NOT NULL CHECK (kind IN ('workspace', 'answer', 'start')),
      id TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      PRIMARY KEY (kind, id)
    );
    CREATE TABLE course_progress (
      exercise_id TEXT PRIMARY KEY,
      started_at TEXT,
      seconds_spent INTEGER NOT NULL DEFAULT 0,
      last_check TEXT CHECK (last_check IS NULL OR json_valid(last_check)),
      free_answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(free_answers))
    );
    CREATE TABLE course_draft (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      manifest TEXT NOT NULL CHECK (json_valid(manifest)),
      updated_at TEXT NOT NULL
    );
    CREATE TABLE course_draft_parts (
      kind TEXT NOT NULL CHECK (kind IN ('workspace', 'answer')),
      id TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    );
  `);
}
