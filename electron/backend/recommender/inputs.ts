/**
 * What a recommender index is built from, and the fingerprint of its costly part: the same on the
 * server thread (which reads in slices between requests) and on the worker thread (which reads
 * the file at once, with a connection of its own).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Entity, Link } from '../../../shared/model';
import { byId, CATALOGUE_KINDS, CATALOGUE_LINK, catalogueHeader, catalogueLinkText, LINKS_START, ROW_END } from '../../../shared/recommender/fingerprint';
import type { CodesForBuild } from './options';

export const INDEX_KINDS = ['service', 'need', 'lifeEvent'] as const;
export const INDEX_LINKS = ['addresses', 'inLifeEvent', 'hasNeed', 'provides'] as const;
/**
 * What the costly part of an index (snapshot.ts: text analysis, model, inferred affinities, ages)
 * is computed from: the services, and the life events they reach (own codes, and `inLifeEvent`
 * links to life events with their codes). Needs and the other links only feed the cheap rest.
 */
export { CATALOGUE_KINDS, CATALOGUE_LINK };

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');
/**
 * Entity and link rows the index reads, in id order from after a given id (`''` for the start).
 * The `+` keeps SQLite off the kind and type indexes: with them it gathered every row of those
 * kinds and sorted them by id for each page, so reading a catalogue page by page grew with its
 * square (10 s of the server thread for 50,000 services); walking the id index is one pass.
 */
export const ENTITY_ROWS_SQL = `SELECT id, kind, data FROM entities WHERE +kind IN (${quoted(INDEX_KINDS)}) AND id > ? ORDER BY id LIMIT ?`;
/**
 * ENTITY_ROWS_SQL without the services' descriptions, most of a PTV record (23 of 66 MB of service
 * JSON are left at 50,000 services). For an index assembled from a saved snapshot: only the costly
 * part reads descriptions, and an explanation reads its service's record again (cache.ts).
 */
export const LEAN_ENTITY_ROWS_SQL = `SELECT id, kind, CASE WHEN kind = 'service' THEN json_remove(data, '$.description') ELSE data END AS data FROM entities WHERE +kind IN (${quoted(INDEX_KINDS)}) AND id > ? ORDER BY id LIMIT ?`;
/**
 * Link rows of one type the index reads, along the (type, source, target) unique index from after
 * a given source and target (`''`, `''` for the start). Other links are not walked past: along the
 * id index a region's catalogue (four `offeredThrough` links a service) read five times the links
 * it kept, each looked up in the table (0.35 s of the server thread at 50,000 services, now 0.1 s).
 * Callers put the rows in id order (`byId`), as every derived list and the fingerprints take them.
 */
export const LINK_ROWS_SQL = `SELECT id, type, source, target, data FROM links WHERE type = ? AND (source, target) > (?, ?) ORDER BY source, target LIMIT ?`;
export { byId };

export interface EntityRow {
  id: string;
  kind: string;
  data: string;
}
export interface LinkRowObject {
  id: string;
  type: string;
  source: string;
  target: string;
  data: string;
}

export const linkOf = (l: LinkRowObject): Link => ({ id: l.id, type: l.type, source: l.source, target: l.target, data: JSON.parse(l.data) }) as Link;

/**
 * The catalogue fingerprint as rows come in (entities by id, then links by id), the same whoever
 * reads them: the SHA-256 of shared/recommender/fingerprint.ts's text, which the renderer computes too.
 */
export class CatalogueHash {
  private readonly hash = createHash('sha256');
  private linksStarted = false;
  constructor(codes: CodesForBuild) {
    this.hash.update(catalogueHeader(codes));
  }
  entity(kind: string, data: string): void {
    if (CATALOGUE_KINDS.has(kind)) this.hash.update(data).update(ROW_END);
  }
  link(id: string, type: string, source: string, target: string): void {
    if (!this.linksStarted) {
      this.hash.update(LINKS_START);
      this.linksStarted = true;
    }
    if (type === CATALOGUE_LINK) this.hash.update(catalogueLinkText(id, source, target));
  }
  digest(): string {
    if (!this.linksStarted) this.hash.update(LINKS_START);
    return this.hash.digest('hex').slice(0, 32);
  }
}

/**
 * Every input of the index, read in one transaction (one consistent view of the file, whatever
 * another connection writes meanwhile), with the catalogue fingerprint of exactly what was read.
 */
export function readInputsAtOnce(db: Database.Database, codes: CodesForBuild): { entities: Entity[]; links: Link[]; catalogue: string } {
  const hash = new CatalogueHash(codes);
  const entities: Entity[] = [];
  const links: Link[] = [];
  db.transaction(() => {
    for (const r of db.prepare<[string, number], EntityRow>(ENTITY_ROWS_SQL).iterate('', -1)) {
      entities.push(JSON.parse(r.data) as Entity);
      hash.entity(r.kind, r.data);
    }
    const rows = db.prepare<[string, string, string, number], LinkRowObject>(LINK_ROWS_SQL);
    for (const l of INDEX_LINKS.flatMap((type) => rows.all(type, '', '', -1)).sort(byId)) {
      links.push(linkOf(l));
      hash.link(l.id, l.type, l.source, l.target);
    }
  })();
  return { entities, links, catalogue: hash.digest() };
}
