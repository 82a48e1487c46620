/**
 * The text a catalogue fingerprint is the SHA-256 of: what the costly part of a recommender index
 * (snapshot.ts) is computed from. The backend hashes it row by row as it reads the workspace file;
 * the renderer's try-out engine hashes the same text of the catalogue it holds, so it can take the
 * backend's saved snapshot instead of building, exactly when both are of one catalogue.
 *
 * The text: a header (snapshot version and the build options that reach the costly part), each
 * service and life-event record in id order as stored (its JSON) followed by U+001F, U+001E, then
 * each `inLifeEvent` link in id order as `id|source|target` followed by U+001F.
 */
import { SNAPSHOT_VERSION } from './snapshot';

/** What a catalogue's costly part is computed from: these kinds, and links of this type. */
export const CATALOGUE_KINDS: ReadonlySet<string> = new Set(['service', 'lifeEvent']);
export const CATALOGUE_LINK = 'inLifeEvent';

export const ROW_END = '\u001f';
export const LINKS_START = '\u001e';

/** The build options the costly part depends on (the area table reaches ages and areas, the ignore list the model). */
export function catalogueHeader(codes: { areaTable: Record<string, readonly string[]>; ignoreWords: readonly string[] }): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, areaTable: codes.areaTable, ignoreWords: codes.ignoreWords, of: 'catalogue' });
}

export const catalogueLinkText = (id: string, source: string, target: string) => `${id}|${source}|${target}${ROW_END}`;

/** Id order, by UTF-16 code unit: the order links are hashed in, by the backend and the renderer alike. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The whole fingerprint text of a catalogue held in memory (records as the store gives them, which
 * JSON.stringify writes back as they are stored). Ids are compared by UTF-16 code unit here and by
 * byte in SQLite: for ids outside the Basic Multilingual Plane the orders may differ, and the
 * fingerprints then do too, which costs a build, never a wrong index.
 */
export function catalogueText(
  records: readonly { id: string; kind: string }[],
  links: readonly { id: string; type: string; source: string; target: string }[],
  codes: Parameters<typeof catalogueHeader>[0],
): string {
  const parts = [catalogueHeader(codes)];
  for (const r of records.filter((x) => CATALOGUE_KINDS.has(x.kind)).sort(byId)) parts.push(JSON.stringify(r), ROW_END);
  parts.push(LINKS_START);
  for (const l of links.filter((x) => x.type === CATALOGUE_LINK).sort(byId)) parts.push(catalogueLinkText(l.id, l.source, l.target));
  return parts.join('');
}
