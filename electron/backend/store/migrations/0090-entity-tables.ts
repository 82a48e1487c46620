import type Database from 'better-sqlite3';

/**
 * What the entity tables query without reading every document: a sort key per UI language and
 * a trigram full-text index of the names (every language) and ids, so that a table of 50,000
 * services sorts, pages and searches in the database.
 *
 * Everything here is plain SQL (built-in functions, triggers), so the file stays consistent
 * whoever writes it: undo, imports, merges, or another SQLite tool.
 */

/** The name an entity shows in a language: that language, then fi, sv, en (as `pickText`). */
export function shownName(lang: 'fi' | 'sv' | 'en'): string {
  const order = [lang, ...(['fi', 'sv', 'en'] as const).filter((l) => l !== lang)];
  return `coalesce(${order.map((l) => `nullif(trim(json_extract(data, '$.name.${l}')), '')`).join(', ')}, '')`;
}

/** The first half of the sort key: case folded, also for the letters SQLite's own lower() leaves (it folds only ASCII). */
export function foldCaseSql(expr: string): string {
  const upper: [string, string][] = [
    ['Å', 'å'], ['Ä', 'ä'], ['Ö', 'ö'], ['Ü', 'ü'], ['É', 'é'], ['È', 'è'], ['Á', 'á'], ['À', 'à'], ['Ø', 'ø'], ['Æ', 'æ'], ['Š', 's'], ['Ž', 'z'],
  ];
  let s = expr;
  for (const [a, b] of upper) s = `replace(${s}, '${a}', '${b}')`;
  return `lower(${s})`;
}

/** The second half: å, ä, ö after z and in that order; accented letters with their base letter. */
export function alphabetSql(folded: string): string {
  // '{', '|', '}' follow 'z' in byte order, so å, ä, ö sort after z and in that order.
  const lower: [string, string][] = [
    ['å', '{'], ['ä', '|'], ['ö', '}'], ['æ', '|'], ['ø', '}'], ['ü', 'y'], ['é', 'e'], ['è', 'e'], ['á', 'a'], ['à', 'a'], ['š', 's'], ['ž', 'z'],
  ];
  let s = folded;
  for (const [a, b] of lower) s = `replace(${s}, '${a}', '${b}')`;
  return s;
}

/**
 * A key whose byte order is the Finnish and Swedish alphabetical order (both end … z å ä ö),
 * case-blind: SQLite's own lower() folds only ASCII, and a custom collation would have to be
 * registered in every connection that ever writes the file. Accented Latin letters that are
 * no letter of their own in Finnish or Swedish sort with their base letter. (As one expression it
 * nests too deep for the sqlite3 shell's parser; migration 0120 splits it in two columns.)
 */
export function sortKeySql(expr: string): string {
  return alphabetSql(foldCaseSql(expr));
}

/** The text the search looks in: every language's name and the id. */
export const SEARCH_TEXT_SQL = `coalesce(json_extract(NEW.data, '$.name.fi'), '') || ' ' || coalesce(json_extract(NEW.data, '$.name.sv'), '') || ' ' || coalesce(json_extract(NEW.data, '$.name.en'), '') || ' ' || NEW.id`;

export function up(db: Database.Database): void {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    db.exec(`ALTER TABLE entities ADD COLUMN sort_${lang} TEXT GENERATED ALWAYS AS (${sortKeySql(shownName(lang))}) VIRTUAL`);
    db.exec(`CREATE INDEX entities_sort_${lang} ON entities(kind, sort_${lang}, id)`);
  }
  // Keyed by the entities' rowid: an upsert (ON CONFLICT DO UPDATE) keeps it, and a delete by
  // rowid does not scan the index.
  db.exec(`
    CREATE VIRTUAL TABLE entities_search USING fts5(text, tokenize = 'trigram');
    CREATE TRIGGER entities_search_insert AFTER INSERT ON entities BEGIN
      INSERT INTO entities_search (rowid, text) VALUES (NEW.rowid, ${SEARCH_TEXT_SQL});
    END;
    CREATE TRIGGER entities_search_update AFTER UPDATE OF data, id ON entities BEGIN
      DELETE FROM entities_search WHERE rowid = OLD.rowid;
      INSERT INTO entities_search (rowid, text) VALUES (NEW.rowid, ${SEARCH_TEXT_SQL});
    END;
    CREATE TRIGGER entities_search_delete AFTER DELETE ON entities BEGIN
      DELETE FROM entities_search WHERE rowid = OLD.rowid;
    END;
  `);
  db.exec(`INSERT INTO entities_search (rowid, text) SELECT rowid, ${SEARCH_TEXT_SQL.replaceAll('NEW.', '')} FROM entities`);
}
