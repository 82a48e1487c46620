import type Database from 'better-sqlite3';

/**
 * Records of ended workshop sessions: agenda with actual times, participants (names or counts as
 * the facilitator chose), proposals with their fate, votes, notes and comments, as one JSON
 * document each. A record is history, not an edit, so it stays out of the undo log.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE workshop_records (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data))
    );
    CREATE INDEX workshop_records_ended ON workshop_records(ended_at);
  `);
}
