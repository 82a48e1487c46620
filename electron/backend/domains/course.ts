import fs from 'node:fs';
import { pickText } from '../../../shared/model';
import { COURSE_FILE_EXTENSION, type CoursePack } from '../../../shared/course/types';
import { CheckRunner } from '../../../shared/course/checks';
import type { AppContext } from '../context';
import type { Handlers } from '../registry';
import { exerciseOf, freeAnswersOf, flushTime, goTo, initCopy, readCopy, readProgress, requireCopy, resetExercise, saveAnswer, secondsOf, storeResult } from '../course/copy';
import { exportDraft, putDraft, readDraft, recordDraft } from '../course/draft';
import { CourseError } from '../course/errors';
import { readPack } from '../course/pack';
import { collect, diffWorkspaces, exportResults, snapshotOfFile } from '../course/results';
import { checkIndexOptions, snapshotOfWorkspace } from '../course/run';
import { needsIndex, snapshotOfJson } from '../../../shared/course/checks';
import { loadShippedCourse, shippedCourses } from '../shipped-courses';
import type { PackSource, ShippedCourseInfo } from '../../../shared/api/course';
import { recommenderFor } from './matching';
import { createWorkspaceFile, openAsCurrent, seedWorkspace } from './workspace';
import { workshopHub } from '../workshop/hub';
import { refuse } from '../workshop/session';
import { inboxOf, inboxState, startInbox, stopInbox } from '../course/inbox';

const bytesOf = (f: { dataBase64: string }) => Buffer.from(f.dataBase64, 'base64');

/** The pack a method names: a file sent with the call, or a pack shipped with the app by id. */
async function packOf(source: PackSource): Promise<CoursePack> {
  if ('shipped' in source) {
    const pack = loadShippedCourse(source.shipped);
    if (!pack) throw new CourseError('not_found', 'unknownShipped', `No course pack ${source.shipped} is shipped with this version.`, { id: source.shipped });
    return pack;
  }
  return readPack(bytesOf(source), source.name);
}

/**
 * Makes a participant's copy of a pack: a new workspace file (in the workspaces folder under a
 * free name, or at `path`) holding the first exercise's start, the pack and an empty progress.
 * Returns its path; the file is closed again (the caller opens it).
 */
export function createCopy(ctx: AppContext, pack: CoursePack, participant: string, opts: { path?: string; name?: string } = {}): string {
  const title = pickText(pack.manifest.title, 'fi');
  const name = opts.name ?? `${title} – ${participant}`;
  const ws = createWorkspaceFile(ctx, { path: opts.path, name });
  const file = ws.path;
  try {
    const first = pack.manifest.exercises[0];
    if (first.start.from !== 'workspace') throw new CourseError('invalid_input', 'firstExerciseStart', `The first exercise (${first.id}) must start from a starting workspace.`, { id: first.id });
    seedWorkspace(ws, pack.workspaces[first.start.workspace]);
    ws.setTitle({ fi: name, sv: name, en: name });
    initCopy(ws, pack, participant, ctx.now());
  } catch (err) {
    ws.close();
    // A half-made copy must not be left behind to be opened later.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  }
  ws.close();
  return file;
}

export const courseHandlers: Handlers = {
  'course.inspect': async (_ctx, input) => ({ manifest: (await packOf(input.pack)).manifest }),

  'course.shipped': async () => {
    const out: ShippedCourseInfo[] = [];
    for (const c of shippedCourses()) {
      const { manifest } = await loadShippedCourse(c.id)!;
      out.push({ id: c.id, title: manifest.title, description: manifest.description, exercises: manifest.exercises.length });
    }
    return out;
  },

  'course.join': async (ctx, input) => {
    const pack = await packOf(input.pack);
    const file = createCopy(ctx, pack, input.participant, { name: input.name });
    openAsCurrent(ctx, file);
    // The index the checks read is built (on the worker) while the participant reads the first
    // instructions, so the first "check my work" does not wait for it; nothing waits for this, and a
    // copy closed meanwhile just ends the build.
    if (pack.manifest.exercises.some(needsIndex)) void Promise.resolve().then(() => recommenderFor(ctx)).catch(() => undefined);
    return { path: file };
  },

  'course.current': (ctx) => {
    const ws = ctx.workspace;
    if (!ws) return null;
    const copy = readCopy(ws);
    return copy ? { manifest: copy.manifest, progress: readProgress(ws, copy) } : null;
  },

  'course.goTo': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    goTo(ws, input.exercise, ctx.now());
    return readProgress(ws);
  },

  'course.check': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const copy = requireCopy(ws);
    const ex = exerciseOf(copy.manifest, input.exercise);
    // The open workspace's cached index (shared with the try-out and matching screens): rebuilt only when what it is built from
    // changed, and asked for only by an exercise whose checks read it (a copy's first check need not wait for a build).
    const index = needsIndex(ex) ? (await recommenderFor(ctx)).index : undefined;
    const now = ctx.now();
    if (!ws.readOnly) flushTime(ws, now, copy);
    const runner = new CheckRunner(snapshotOfWorkspace(ws), { index: checkIndexOptions(), prebuilt: index });
    const result = runner.exercise(ex, { secondsSpent: secondsOf(ws, ex.id), freeAnswers: freeAnswersOf(ws, ex.id) });
    if (!ws.readOnly) storeResult(ws, result, now);
    return result;
  },

  'course.saveAnswer': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    saveAnswer(ws, input.exercise, input.check, input.text);
    return readProgress(ws);
  },

  'course.resetExercise': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    resetExercise(ws, input.exercise, ctx.now());
    return readProgress(ws);
  },

  'course.draftGet': (ctx) => readDraft(ctx.requireWorkspace()),

  'course.draftPut': (ctx, input) => {
    putDraft(ctx.requireWorkspace(), input.manifest, ctx.now());
    return null;
  },

  'course.draftRecord': (ctx, input) => {
    recordDraft(ctx.requireWorkspace(), input.as, ctx.now());
    return null;
  },

  'course.draftExport': async (ctx) => {
    const { bytes, results, pack } = await exportDraft(ctx.requireWorkspace());
    const base = (pickText(pack.manifest.title, 'fi') || pack.manifest.id).replace(/[^\p{L}\p{N} _-]/gu, '').trim().replace(/\s+/g, '-') || 'course';
    return { file: { name: `${base}${COURSE_FILE_EXTENSION}`, mime: 'application/zip', dataBase64: Buffer.from(bytes).toString('base64') }, results };
  },

  'course.collect': async (ctx, input) => {
    const pack = await readPack(bytesOf(input.pack), input.pack.name);
    return collect(pack, input.files.map((f) => ({ name: f.name, bytes: bytesOf(f) })), { nativeBinding: ctx.nativeBinding });
  },

  'course.compare': async (ctx, input) => {
    const pack = await readPack(bytesOf(input.pack), input.pack.name);
    const side = (s: typeof input.base) => {
      if ('modelAnswer' in s) {
        const doc = pack.answers[s.modelAnswer];
        if (!doc) throw new CourseError('not_found', 'missingAnswer', `The pack has no model answer for ${s.modelAnswer}.`, { id: s.modelAnswer });
        return snapshotOfJson(doc);
      }
      return snapshotOfFile({ name: s.file.name, bytes: bytesOf(s.file) }, { nativeBinding: ctx.nativeBinding });
    };
    return diffWorkspaces(side(input.base), side(input.other));
  },

  'course.sessionCollect': async (ctx, input) => {
    const hub = workshopHub(ctx);
    hub.requireSession();
    const pack = await readPack(bytesOf(input.pack), input.pack.name);
    startInbox(ctx, hub, pack);
    return inboxState(hub);
  },

  'course.sessionStop': (ctx, input) => {
    const hub = workshopHub(ctx);
    stopInbox(hub, input.clear);
    return inboxState(hub);
  },

  'course.sessionInbox': (ctx) => inboxState(workshopHub(ctx)),

  'course.sessionFile': (ctx, input) => {
    const inbox = inboxOf(workshopHub(ctx));
    if (!inbox) throw refuse('notFound', `No course file from ${input.participantId}.`);
    const f = inbox.fileOf(input.participantId);
    return { name: f.name, mime: 'application/x-sqlite3', dataBase64: f.bytes.toString('base64') };
  },

  'course.exportResults': async (_ctx, input) => {
    const out = await exportResults(input.rows, input.format, input.language, input.exercises);
    return { name: out.name, mime: out.mime, dataBase64: Buffer.from(out.bytes).toString('base64') };
  },
};
