import { AppError } from '../../../shared/api/result';
import { encodeLabel } from '../../../shared/api/history';
import { WorkspaceJsonSchema, type WorkspaceJson } from '../../../shared/model/workspace-file';
import { CourseManifestSchema, type CourseManifest, type CoursePack, type CourseProgress, type Exercise, type ExerciseResult } from '../../../shared/course/types';
import { exportWorkspaceJson } from '../io/graph';
import type { Workspace } from '../store/workspace';
import { CourseError } from './errors';

/**
 * A participant's copy: a normal workspace file whose course_* tables hold the pack's manifest,
 * the states exercises start from, and the participant's progress (migration 0080).
 */

/** One stretch of having an exercise open counts at most this much (a copy left open overnight is not 12 hours of work). */
export const MAX_STRETCH_SECONDS = 30 * 60;

interface CopyRow {
  pack_id: string;
  pack_revision: number;
  participant: string;
  manifest: string;
  current_exercise: string;
  current_since: string | null;
  created_at: string;
}

interface ProgressRow {
  exercise_id: string;
  started_at: string | null;
  seconds_spent: number;
  last_check: string | null;
  free_answers: string;
}

function hasTable(ws: Workspace, name: string): boolean {
  return !!ws.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

export interface CopyState {
  packId: string;
  packRevision: number;
  participant: string;
  manifest: CourseManifest;
  currentExercise: string;
  currentSince: string | null;
  createdAt: string;
}

/** The course of a workspace, or null when it is not a participant's copy. */
export function readCopy(ws: Workspace): CopyState | null {
  if (!hasTable(ws, 'course_copy')) return null;
  const row = ws.db.prepare<[], CopyRow>('SELECT * FROM course_copy WHERE id = 1').get();
  if (!row) return null;
  return {
    packId: row.pack_id,
    packRevision: row.pack_revision,
    participant: row.participant,
    manifest: CourseManifestSchema.parse(JSON.parse(row.manifest)),
    currentExercise: row.current_exercise,
    currentSince: row.current_since,
    createdAt: row.created_at,
  };
}

export function requireCopy(ws: Workspace): CopyState {
  const c = readCopy(ws);
  if (!c) throw new CourseError('invalid_input', 'notCopy', 'The open workspace is not a participant’s copy of a course pack.');
  return c;
}

function writable(ws: Workspace): void {
  if (ws.readOnly) throw new CourseError('workspace_locked', 'readOnly', `${ws.path} is open read-only; the course progress was not changed.`);
}

export function exerciseOf(manifest: CourseManifest, id: string): Exercise {
  const ex = manifest.exercises.find((e) => e.id === id);
  if (!ex) throw new CourseError('not_found', 'noExercise', `The course has no exercise ${id}.`, { id });
  return ex;
}

function progressRows(ws: Workspace): Map<string, ProgressRow> {
  return new Map(ws.db.prepare<[], ProgressRow>('SELECT * FROM course_progress').all().map((r) => [r.exercise_id, r]));
}

/** The participant's progress as the API returns it. */
export function readProgress(ws: Workspace, copy = requireCopy(ws)): CourseProgress {
  const rows = progressRows(ws);
  const exercises: CourseProgress['exercises'] = {};
  for (const ex of copy.manifest.exercises) {
    const r = rows.get(ex.id);
    const last = r?.last_check ? (JSON.parse(r.last_check) as ExerciseResult & { at: string }) : undefined;
    exercises[ex.id] = {
      ...(r?.started_at ? { startedAt: r.started_at } : {}),
      secondsSpent: r?.seconds_spent ?? 0,
      ...(last ? { lastCheck: { at: last.at, passed: last.passed, total: last.total } } : {}),
      freeAnswers: r ? (JSON.parse(r.free_answers) as Record<string, string>) : {},
    };
  }
  return { packId: copy.packId, packRevision: copy.packRevision, participant: copy.participant, currentExercise: copy.currentExercise, exercises };
}

/** The last stored check result of an exercise (with its time), if any. */
export function lastResult(ws: Workspace, exercise: string): (ExerciseResult & { at: string }) | undefined {
  const r = ws.db.prepare<[string], { last_check: string | null }>('SELECT last_check FROM course_progress WHERE exercise_id = ?').get(exercise);
  return r?.last_check ? JSON.parse(r.last_check) : undefined;
}

function ensureRow(ws: Workspace, exercise: string): void {
  ws.db.prepare('INSERT INTO course_progress (exercise_id) VALUES (?) ON CONFLICT(exercise_id) DO NOTHING').run(exercise);
}

/** Adds the time since the current exercise was last looked at to it, and restarts the clock. */
export function flushTime(ws: Workspace, now: Date, copy = requireCopy(ws)): void {
  writable(ws);
  if (copy.currentSince) {
    const since = Date.parse(copy.currentSince);
    const seconds = Number.isFinite(since) ? Math.max(0, Math.min(MAX_STRETCH_SECONDS, Math.round((now.getTime() - since) / 1000))) : 0;
    ensureRow(ws, copy.currentExercise);
    ws.db.prepare('UPDATE course_progress SET seconds_spent = seconds_spent + ? WHERE exercise_id = ?').run(seconds, copy.currentExercise);
  }
  ws.db.prepare('UPDATE course_copy SET current_since = ? WHERE id = 1').run(now.toISOString());
}

/** Makes `ws` (new and empty but for the first exercise's start) a participant's copy of the pack. */
export function initCopy(ws: Workspace, pack: CoursePack, participant: string, now: Date): void {
  const first = pack.manifest.exercises[0];
  const at = now.toISOString();
  ws.db
    .transaction(() => {
      ws.db
        .prepare('INSERT INTO course_copy (id, pack_id, pack_revision, participant, manifest, current_exercise, current_since, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)')
        .run(pack.manifest.id, pack.manifest.revision, participant, JSON.stringify(pack.manifest), first.id, at, at);
      const part = ws.db.prepare('INSERT INTO course_parts (kind, id, data) VALUES (?, ?, ?)');
      for (const [id, doc] of Object.entries(pack.workspaces)) part.run('workspace', id, JSON.stringify(doc));
      // Only the model answers a later exercise starts from travel with the copy.
      pack.manifest.exercises.forEach((ex, i) => {
        if (ex.start.from === 'previousAnswer') {
          const prev = pack.manifest.exercises[i - 1].id;
          part.run('answer', prev, JSON.stringify(pack.answers[prev]));
        }
      });
      ws.db.prepare('INSERT INTO course_progress (exercise_id, started_at) VALUES (?, ?)').run(first.id, at);
    })
    .immediate();
}

function part(ws: Workspace, kind: 'workspace' | 'answer' | 'start', id: string): WorkspaceJson | undefined {
  const r = ws.db.prepare<[string, string], { data: string }>('SELECT data FROM course_parts WHERE kind = ? AND id = ?').get(kind, id);
  return r ? WorkspaceJsonSchema.parse(JSON.parse(r.data)) : undefined;
}

/** The state an exercise starts from; for `continue`, what the map held when it was first opened. */
export function startState(ws: Workspace, copy: CopyState, ex: Exercise): WorkspaceJson | undefined {
  if (ex.start.from === 'workspace') return part(ws, 'workspace', ex.start.workspace);
  if (ex.start.from === 'previousAnswer') {
    const i = copy.manifest.exercises.findIndex((e) => e.id === ex.id);
    return part(ws, 'answer', copy.manifest.exercises[i - 1].id);
  }
  return part(ws, 'start', ex.id);
}

/**
 * Replaces the map and the picture with `doc` as ONE undoable step: only what differs is written,
 * links that go first, then entities and items, so a reset of an untouched map records nothing.
 */
export function replaceContent(ws: Workspace, doc: WorkspaceJson, label: { text: string; key: string; params?: Record<string, string> }): void {
  const want = { entities: new Map(doc.entities.map((e) => [e.id, e])), links: new Map(doc.links.map((l) => [l.id, l])), items: new Map((doc.picture?.items ?? []).map((i) => [i.id, i])) };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  ws.edit(encodeLabel(label.text, { key: label.key, params: label.params ?? {} }), (tx) => {
    const haveLinks = ws.listLinks();
    for (const l of haveLinks) {
      const w = want.links.get(l.id);
      if (!w || !same(w, l)) tx.deleteLink(l.id);
    }
    const haveEntities = ws.listEntities();
    const haveById = new Map(haveEntities.map((e) => [e.id, e]));
    for (const e of haveEntities) {
      const w = want.entities.get(e.id);
      // A kind change cannot be an update of the same id.
      if (!w || w.kind !== e.kind) tx.deleteEntity(e.id);
    }
    for (const e of doc.entities) {
      const h = haveById.get(e.id);
      if (!h || h.kind !== e.kind || !same(h, e)) tx.putEntity(e);
    }
    const keptLinks = new Set(haveLinks.filter((l) => { const w = want.links.get(l.id); return w && same(w, l); }).map((l) => l.id));
    for (const l of doc.links) if (!keptLinks.has(l.id)) tx.putLink(l);
    const haveItems = ws.listItems();
    const itemById = new Map(haveItems.map((i) => [i.id, i]));
    for (const i of haveItems) {
      const w = want.items.get(i.id);
      if (!w || w.kind !== i.kind) tx.deleteItem(i.id);
    }
    for (const i of doc.picture?.items ?? []) {
      const h = itemById.get(i.id);
      if (!h || h.kind !== i.kind || !same(h, i)) tx.putItem(i);
    }
  });
}

/**
 * Moves to an exercise. The first time it is opened its start state replaces the map (one
 * undoable step; `continue` keeps the map and remembers it as the exercise's start).
 */
export function goTo(ws: Workspace, exerciseId: string, now: Date): void {
  writable(ws);
  const copy = requireCopy(ws);
  const ex = exerciseOf(copy.manifest, exerciseId);
  flushTime(ws, now, copy);
  const row = ws.db.prepare<[string], { started_at: string | null }>('SELECT started_at FROM course_progress WHERE exercise_id = ?').get(ex.id);
  if (!row?.started_at) {
    if (ex.start.from === 'continue') {
      ws.db.prepare('INSERT INTO course_parts (kind, id, data) VALUES (?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data').run('start', ex.id, JSON.stringify(exportWorkspaceJson(ws)));
    } else {
      const doc = startState(ws, copy, ex);
      if (!doc) throw new CourseError('invalid_input', 'missingWorkspace', `The start of exercise ${ex.id} is missing from this copy.`, { id: ex.id });
      replaceContent(ws, doc, { text: `Start of exercise ${ex.id}`, key: 'courseStart', params: { name: ex.title.fi ?? ex.title.sv ?? ex.title.en ?? ex.id } });
    }
    ensureRow(ws, ex.id);
    ws.db.prepare('UPDATE course_progress SET started_at = ? WHERE exercise_id = ?').run(now.toISOString(), ex.id);
  }
  ws.db.prepare('UPDATE course_copy SET current_exercise = ?, current_since = ? WHERE id = 1').run(ex.id, now.toISOString());
}

/** Restores an exercise's start state as one undoable step. */
export function resetExercise(ws: Workspace, exerciseId: string, now: Date): void {
  writable(ws);
  const copy = requireCopy(ws);
  const ex = exerciseOf(copy.manifest, exerciseId);
  const doc = startState(ws, copy, ex);
  if (!doc) throw new AppError('invalid_input', `Exercise ${ex.id} has not been started, so there is nothing to restore.`, { reason: 'noExercise', params: { id: ex.id } });
  flushTime(ws, now, copy);
  replaceContent(ws, doc, { text: `Reset of exercise ${ex.id}`, key: 'courseReset', params: { name: ex.title.fi ?? ex.title.sv ?? ex.title.en ?? ex.id } });
}

export function saveAnswer(ws: Workspace, exerciseId: string, checkId: string, text: string): void {
  writable(ws);
  const copy = requireCopy(ws);
  const ex = exerciseOf(copy.manifest, exerciseId);
  const check = ex.checks.find((c) => c.id === checkId);
  if (!check || check.rule.type !== 'freeAnswer') throw new CourseError('not_found', 'noExercise', `Exercise ${ex.id} has no free answer ${checkId}.`, { id: checkId });
  ensureRow(ws, ex.id);
  const r = ws.db.prepare<[string], { free_answers: string }>('SELECT free_answers FROM course_progress WHERE exercise_id = ?').get(ex.id)!;
  const answers = { ...(JSON.parse(r.free_answers) as Record<string, string>), [checkId]: text };
  ws.db.prepare('UPDATE course_progress SET free_answers = ? WHERE exercise_id = ?').run(JSON.stringify(answers), ex.id);
}

export function freeAnswersOf(ws: Workspace, exerciseId: string): Record<string, string> {
  const r = ws.db.prepare<[string], { free_answers: string }>('SELECT free_answers FROM course_progress WHERE exercise_id = ?').get(exerciseId);
  return r ? JSON.parse(r.free_answers) : {};
}

export function storeResult(ws: Workspace, result: ExerciseResult, now: Date): void {
  writable(ws);
  ensureRow(ws, result.exerciseId);
  ws.db.prepare('UPDATE course_progress SET last_check = ? WHERE exercise_id = ?').run(JSON.stringify({ ...result, at: now.toISOString() }), result.exerciseId);
}

export function secondsOf(ws: Workspace, exerciseId: string): number {
  return ws.db.prepare<[string], { seconds_spent: number }>('SELECT seconds_spent FROM course_progress WHERE exercise_id = ?').get(exerciseId)?.seconds_spent ?? 0;
}

