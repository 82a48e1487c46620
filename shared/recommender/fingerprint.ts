/**
 * The text a catalogue fingerprint is the SHA-256 of: what the costly part of a recommender index
 * (snapshot.ts) is computed from, and the key its snapshot is saved under in the workspace file.
 * The backend hashes it row by row as it reads the file, on the server thread and on the worker
 * thread alike (electron/backend/recommender/inputs.ts), so both can tell they read one catalogue.
 *
 * The text: a header (snapshot version and the build options that reach the costly part), each
 * service and life-event record in id order as stored (its JSON) followed by U+001F, U+001E, then
 * each `inLifeEvent` link in id order (`byId`) as `id|source|target` followed by U+001F.
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

/** Id order, by UTF-16 code unit: the order links are hashed in (SQLite orders by byte, which differs outside the Basic Multilingual Plane). */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
