import type Database from 'better-sqlite3';
import { alphabetSql, foldCaseSql, shownName } from './0090-entity-tables';

/**
 * The entity tables' sort keys of migration 0090, each as two generated columns instead of one
 * expression: as one, the expression nested 27 calls deep, past the parser stack of SQLite builds
 * such as the sqlite3 shell, which then refused the whole file ("malformed database schema …
 * parser stack overflow"). A workspace is a SQLite file that other tools must be able to read.
 * The keys are the same, so the order of every table is too.
 */
export function up(db: Database.Database): void {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    db.exec(`DROP INDEX entities_sort_${lang}`);
    db.exec(`ALTER TABLE entities DROP COLUMN sort_${lang}`);
    db.exec(`ALTER TABLE entities ADD COLUMN sort_${lang}_folded TEXT GENERATED ALWAYS AS (${foldCaseSql(shownName(lang))}) VIRTUAL`);
    db.exec(`ALTER TABLE entities ADD COLUMN sort_${lang} TEXT GENERATED ALWAYS AS (${alphabetSql(`sort_${lang}_folded`)}) VIRTUAL`);
    db.exec(`CREATE INDEX entities_sort_${lang} ON entities(kind, sort_${lang}, id)`);
  }
}
