import type Database from 'better-sqlite3';
import type { EntityPage, EntitySort } from '../../../shared/api/entities';
import type { Entity, EntityKind } from '../../../shared/model';
import type { Workspace } from '../store/workspace';

interface PageQuery {
  kind: EntityKind;
  search: string;
  sort: EntitySort;
  dir: 'asc' | 'desc';
  lang: 'fi' | 'sv' | 'en';
}

/** SQL's lower() folds only ASCII; these are the capitals a Finnish or Swedish name has. */
const FOLD_SQL = (expr: string) =>
  `lower(${[['Å', 'å'], ['Ä', 'ä'], ['Ö', 'ö'], ['Ü', 'ü'], ['É', 'é'], ['Š', 'š'], ['Ž', 'ž']].reduce((s, [a, b]) => `replace(${s}, '${a}', '${b}')`, expr)})`;

const LINKS_SQL = '((SELECT count(*) FROM links WHERE source = e.id) + (SELECT count(*) FROM links WHERE target = e.id))';

/** Which field a sortable column reads. */
const SORT_PATH: Partial<Record<EntitySort, string>> = { ages: '$.ageMin' };

type Search = 'none' | 'match' | 'like';

function searchKind(search: string): Search {
  const q = search.trim();
  if (!q) return 'none';
  // The trigram index answers from three characters on; shorter text is looked for by scanning.
  return [...q].length >= 3 ? 'match' : 'like';
}

function whereSql(search: Search): string {
  const parts = ['e.kind = @kind'];
  if (search === 'match') parts.push('e.rowid IN (SELECT rowid FROM entities_search WHERE entities_search MATCH @match)');
  if (search === 'like') parts.push(`e.rowid IN (SELECT rowid FROM entities_search WHERE ${FOLD_SQL('text')} LIKE @like ESCAPE '\\')`);
  return parts.join(' AND ');
}

function orderSql(q: PageQuery): string {
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const byName = `e.sort_${q.lang} ${dir}, e.id ${dir}`;
  if (q.sort === 'name') return byName;
  // Ties in another column read alphabetically, whichever way that column runs.
  const thenByName = `e.sort_${q.lang}, e.id`;
  if (q.sort === 'links') return `${LINKS_SQL} ${dir}, ${thenByName}`;
  // Rows without the field come last either way.
  return `json_extract(e.data, @path) IS NULL, json_extract(e.data, @path) ${dir}, ${thenByName}`;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

function params(q: PageQuery): Record<string, string> {
  const text = q.search.trim();
  const p: Record<string, string> = { kind: q.kind };
  const s = searchKind(text);
  // One quoted phrase: the index finds it anywhere in a name, and no character is an operator.
  if (s === 'match') p.match = `"${text.replaceAll('"', '""')}"`;
  if (s === 'like') p.like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (q.sort !== 'name' && q.sort !== 'links') p.path = SORT_PATH[q.sort] ?? `$.${q.sort}`;
  return p;
}

/** One page of a table: its rows with their link counts, and how many match in all. */
export function entityPage(ws: Workspace, q: PageQuery & { offset: number; limit: number }): EntityPage {
  const s = searchKind(q.search);
  const where = whereSql(s);
  const p = params(q);
  const total = (stmt(ws.db, `SELECT count(*) AS n FROM entities e WHERE ${where}`).get({ kind: p.kind, ...(p.match ? { match: p.match } : {}), ...(p.like ? { like: p.like } : {}) }) as { n: number }).n;
  if (q.limit === 0 || q.offset >= total) return { rows: [], total };
  const rows = stmt(ws.db, `SELECT e.data AS data, ${LINKS_SQL} AS links FROM entities e WHERE ${where} ORDER BY ${orderSql(q)} LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as { data: string; links: number }[];
  return { rows: rows.map((r) => ({ entity: JSON.parse(r.data) as Entity, links: r.links })), total };
}

/** Where one entity sits in the table as sorted and searched; -1 if it is not in it. */
export function entityPosition(ws: Workspace, q: PageQuery & { id: string }): number {
  const ids = stmt(ws.db, `SELECT e.id AS id FROM entities e WHERE ${whereSql(searchKind(q.search))} ORDER BY ${orderSql(q)}`)
    .pluck()
    .all(params(q)) as string[];
  return ids.indexOf(q.id);
}
