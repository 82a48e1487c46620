import JSZip from 'jszip';
import { AppError } from '../../../shared/api/result';
import { COURSE_MAX_BYTES } from '../../../shared/api/course';
import { WORKSPACE_JSON_VERSION, WorkspaceJsonSchema, type WorkspaceJson } from '../../../shared/model/workspace-file';
import { COURSE_FORMAT, COURSE_FORMAT_VERSION, CourseManifestSchema, type CourseManifest, type CoursePack } from '../../../shared/course/types';
import { guardZip } from '../io/zip-guard';
import { CourseError } from './errors';

/** Everything inside a pack unpacks to at most this (a pack is JSON; 2,000 entities are ~2 MB a workspace). */
export const PACK_MAX_UNCOMPRESSED = 256 * 1024 * 1024;
/** manifest + at most 20 workspaces + 100 answers, with room for a readme a trainer adds. */
export const PACK_MAX_ENTRIES = 200;

const MANIFEST = 'manifest.json';
const WS_DIR = 'workspaces/';
const ANSWER_DIR = 'answers/';
/** Fixed entry dates, so the same pack written twice is the same bytes (a trainer can diff and mail it). */
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

function issueText(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 300);
}

function parseJsonPart(text: string, file: string, part: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (part === MANIFEST) throw new CourseError('invalid_input', 'invalidManifest', `${file}: manifest.json is not valid JSON (${(err as Error).message}).`, { file, issue: 'JSON' });
    throw new CourseError('invalid_input', 'invalidWorkspace', `${file}: ${part} is not valid JSON (${(err as Error).message}).`, { file, part, issue: 'JSON' });
  }
}

/** Reads a workspace JSON part the way a workspace JSON import does (newer refused, every record validated). */
function parseWorkspacePart(text: string, file: string, part: string): WorkspaceJson {
  const raw = parseJsonPart(text, file, part) as Record<string, unknown> | null;
  if (raw && typeof raw === 'object' && typeof raw.version === 'number' && raw.version > WORKSPACE_JSON_VERSION) {
    throw new CourseError('workspace_newer', 'newerWorkspace', `${file}: ${part} was written by a newer Kohtaanto (workspace format ${raw.version}).`, {
      file,
      part,
      version: raw.version,
      supported: WORKSPACE_JSON_VERSION,
    });
  }
  const parsed = WorkspaceJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CourseError('invalid_input', 'invalidWorkspace', `${file}: ${part} is not a valid workspace (${issueText(parsed.error.issues)}).`, { file, part, issue: issueText(parsed.error.issues) });
  }
  return parsed.data;
}

/** Reads and validates the manifest's own claims: format, version, schema. */
export function parseManifest(raw: unknown, file: string): CourseManifest {
  const obj = raw as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object' || obj.format !== COURSE_FORMAT) {
    throw new CourseError('invalid_input', 'wrongFormat', `${file}: not a Kohtaanto course pack (manifest.json has no "format": "${COURSE_FORMAT}").`, { file });
  }
  if (typeof obj.formatVersion === 'number' && obj.formatVersion > COURSE_FORMAT_VERSION) {
    throw new CourseError('workspace_newer', 'newerFormat', `${file}: made by a newer Kohtaanto (course format ${obj.formatVersion}; this version reads ${COURSE_FORMAT_VERSION}). Update Kohtaanto to open it.`, {
      file,
      version: obj.formatVersion,
      supported: COURSE_FORMAT_VERSION,
    });
  }
  const parsed = CourseManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CourseError('invalid_input', 'invalidManifest', `${file}: manifest.json is not valid (${issueText(parsed.error.issues)}).`, { file, issue: issueText(parsed.error.issues) });
  }
  return parsed.data;
}

/**
 * What must hold across the manifest and its parts: ids unique, every exercise's start there, the
 * first exercise starting from a workspace (the participant's copy is made from it).
 */
export function validatePack(pack: CoursePack, file = 'pack'): void {
  const m = pack.manifest;
  const dup = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new CourseError('invalid_input', 'duplicateId', `${file}: the ${what} id ${id} is used twice.`, { file, id, what });
      seen.add(id);
    }
  };
  dup(m.workspaces.map((w) => w.id), 'workspace');
  dup(m.exercises.map((e) => e.id), 'exercise');
  for (const ex of m.exercises) dup(ex.checks.map((c) => c.id), 'check');
  const wsIds = new Set(m.workspaces.map((w) => w.id));
  for (const id of wsIds) {
    if (!pack.workspaces[id]) throw new CourseError('invalid_input', 'missingWorkspace', `${file}: the starting workspace ${id} is missing (workspaces/${id}.json).`, { file, id });
  }
  for (const id of Object.keys(pack.workspaces)) {
    if (!wsIds.has(id)) throw new CourseError('invalid_input', 'unknownWorkspace', `${file}: workspaces/${id}.json is not listed in the manifest.`, { file, id });
  }
  const exIds = new Set(m.exercises.map((e) => e.id));
  for (const id of Object.keys(pack.answers)) {
    if (!exIds.has(id)) throw new CourseError('invalid_input', 'unknownExercise', `${file}: answers/${id}.json belongs to no exercise of the pack.`, { file, id });
  }
  m.exercises.forEach((ex, i) => {
    if (i === 0 && ex.start.from !== 'workspace') {
      throw new CourseError('invalid_input', 'firstExerciseStart', `${file}: the first exercise (${ex.id}) must start from a starting workspace.`, { file, id: ex.id });
    }
    if (ex.start.from === 'workspace' && !wsIds.has(ex.start.workspace)) {
      throw new CourseError('invalid_input', 'missingWorkspace', `${file}: exercise ${ex.id} starts from workspace ${ex.start.workspace}, which the pack does not have.`, { file, id: ex.start.workspace });
    }
    if (ex.start.from === 'previousAnswer' && !pack.answers[m.exercises[i - 1].id]) {
      const prev = m.exercises[i - 1].id;
      throw new CourseError('invalid_input', 'missingAnswer', `${file}: exercise ${ex.id} starts from the model answer of ${prev}, which the pack does not have.`, { file, id: prev });
    }
  });
}

/**
 * Opens a pack from its bytes. Refused (CourseError, nothing else touched) when it is not a zip,
 * too large inside, has no or a wrong or newer manifest, or a damaged or stray part.
 */
export async function readPack(bytes: Uint8Array, file = 'pack', limits: { maxUncompressed?: number; maxEntries?: number } = {}): Promise<CoursePack> {
  if (bytes.byteLength > COURSE_MAX_BYTES) {
    throw new CourseError('too_large', 'tooLarge', `${file}: larger than ${COURSE_MAX_BYTES / 1024 / 1024} MB; it was not opened.`, { file, limit: COURSE_MAX_BYTES });
  }
  try {
    guardZip(bytes, file, { maxUncompressed: limits.maxUncompressed ?? PACK_MAX_UNCOMPRESSED, maxEntries: limits.maxEntries ?? PACK_MAX_ENTRIES });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'too_large') throw new CourseError('too_large', 'tooLarge', `${file}: ${err.message}`, { file, limit: limits.maxUncompressed ?? PACK_MAX_UNCOMPRESSED });
    throw new CourseError('invalid_input', 'notZip', `${file}: not a course pack (not a readable zip file).`, { file });
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new CourseError('invalid_input', 'notZip', `${file}: not a course pack (not a readable zip file).`, { file });
  }
  const manifestEntry = zip.file(MANIFEST);
  if (!manifestEntry) throw new CourseError('invalid_input', 'missingManifest', `${file}: the pack has no manifest.json.`, { file });
  const manifest = parseManifest(parseJsonPart(await manifestEntry.async('string'), file, MANIFEST), file);

  const workspaces: Record<string, WorkspaceJson> = {};
  const answers: Record<string, WorkspaceJson> = {};
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name;
    const under = name.startsWith(WS_DIR) ? WS_DIR : name.startsWith(ANSWER_DIR) ? ANSWER_DIR : null;
    if (!under) continue;
    const id = name.slice(under.length).replace(/\.json$/, '');
    if (!name.endsWith('.json') || id.includes('/')) continue;
    const doc = parseWorkspacePart(await entry.async('string'), file, name);
    (under === WS_DIR ? workspaces : answers)[id] = doc;
  }
  const pack: CoursePack = { manifest, workspaces, answers };
  validatePack(pack, file);
  return pack;
}

/** Writes a pack as its zip (validated first, so a pack written here always opens). */
export async function writePack(pack: CoursePack): Promise<Uint8Array> {
  const manifest = CourseManifestSchema.parse({ ...pack.manifest, format: COURSE_FORMAT, formatVersion: COURSE_FORMAT_VERSION });
  const normal: CoursePack = {
    manifest,
    workspaces: Object.fromEntries(Object.entries(pack.workspaces).map(([id, w]) => [id, WorkspaceJsonSchema.parse(w)])),
    answers: Object.fromEntries(Object.entries(pack.answers).map(([id, w]) => [id, WorkspaceJsonSchema.parse(w)])),
  };
  validatePack(normal);
  const zip = new JSZip();
  const opts = { date: ZIP_DATE, compression: 'DEFLATE' as const, createFolders: false };
  zip.file(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`, opts);
  for (const w of manifest.workspaces) zip.file(`${WS_DIR}${w.id}.json`, `${JSON.stringify(normal.workspaces[w.id], null, 2)}\n`, opts);
  for (const ex of manifest.exercises) {
    const a = normal.answers[ex.id];
    if (a) zip.file(`${ANSWER_DIR}${ex.id}.json`, `${JSON.stringify(a, null, 2)}\n`, opts);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
