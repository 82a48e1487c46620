import { WorkspaceJsonSchema, type WorkspaceJson } from '../../../shared/model/workspace-file';
import { CourseManifestSchema, type CourseManifest, type CoursePack, type ExerciseResult } from '../../../shared/course/types';
import { exportWorkspaceJson } from '../io/graph';
import type { Workspace } from '../store/workspace';
import { CourseError } from './errors';
import { validatePack, writePack } from './pack';
import { allPass, checkModelAnswers } from './run';

/** A trainer's authoring draft, kept in the workspace being authored (course_draft*, migration 0080). */

function writable(ws: Workspace): void {
  if (ws.readOnly) throw new CourseError('workspace_locked', 'readOnly', `${ws.path} is open read-only; the course draft was not changed.`);
}

export function readDraft(ws: Workspace): { manifest: CourseManifest; recorded: { workspaces: string[]; answers: string[] } } | null {
  const row = ws.db.prepare<[], { manifest: string }>('SELECT manifest FROM course_draft WHERE id = 1').get();
  if (!row) return null;
  const parts = ws.db.prepare<[], { kind: string; id: string }>('SELECT kind, id FROM course_draft_parts ORDER BY kind, id').all();
  return {
    manifest: CourseManifestSchema.parse(JSON.parse(row.manifest)),
    recorded: { workspaces: parts.filter((p) => p.kind === 'workspace').map((p) => p.id), answers: parts.filter((p) => p.kind === 'answer').map((p) => p.id) },
  };
}

export function putDraft(ws: Workspace, manifest: CourseManifest, now: Date): void {
  writable(ws);
  ws.db
    .prepare('INSERT INTO course_draft (id, manifest, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET manifest = excluded.manifest, updated_at = excluded.updated_at')
    .run(JSON.stringify(manifest), now.toISOString());
}

/** Records the open workspace as it is now as a starting workspace or an exercise's model answer. */
export function recordDraft(ws: Workspace, as: { workspace: string } | { answer: string }, now: Date): void {
  writable(ws);
  const draft = readDraft(ws);
  if (!draft) throw new CourseError('invalid_input', 'noDraft', 'This workspace has no course draft yet; save the draft first.');
  const [kind, id] = 'workspace' in as ? (['workspace', as.workspace] as const) : (['answer', as.answer] as const);
  if (kind === 'workspace' && !draft.manifest.workspaces.some((w) => w.id === id)) {
    throw new CourseError('not_found', 'unknownWorkspace', `The draft lists no starting workspace ${id}.`, { id });
  }
  if (kind === 'answer' && !draft.manifest.exercises.some((e) => e.id === id)) throw new CourseError('not_found', 'noExercise', `The draft has no exercise ${id}.`, { id });
  // Saved reviews are a record of a meeting, not part of an exercise's state.
  const doc = { ...exportWorkspaceJson(ws), picture: { items: ws.listItems(), reviews: [] } };
  ws.db
    .prepare('INSERT INTO course_draft_parts (kind, id, data, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data, recorded_at = excluded.recorded_at')
    .run(kind, id, JSON.stringify(doc), now.toISOString());
}

function draftPart(ws: Workspace, kind: 'workspace' | 'answer', id: string): WorkspaceJson | undefined {
  const r = ws.db.prepare<[string, string], { data: string }>('SELECT data FROM course_draft_parts WHERE kind = ? AND id = ?').get(kind, id);
  return r ? WorkspaceJsonSchema.parse(JSON.parse(r.data)) : undefined;
}

/** The draft as a pack (not yet checked against its answers). */
export function draftPack(ws: Workspace): CoursePack {
  const draft = readDraft(ws);
  if (!draft) throw new CourseError('invalid_input', 'noDraft', 'This workspace has no course draft yet.');
  const workspaces: CoursePack['workspaces'] = {};
  for (const w of draft.manifest.workspaces) {
    const doc = draftPart(ws, 'workspace', w.id);
    if (!doc) throw new CourseError('invalid_input', 'notRecorded', `The starting workspace ${w.id} has not been recorded yet.`, { id: w.id });
    workspaces[w.id] = doc;
  }
  const answers: CoursePack['answers'] = {};
  for (const ex of draft.manifest.exercises) {
    const doc = draftPart(ws, 'answer', ex.id);
    if (!doc) throw new CourseError('invalid_input', 'missingAnswer', `Exercise ${ex.id} has no recorded model answer.`, { id: ex.id });
    answers[ex.id] = doc;
  }
  return { manifest: draft.manifest, workspaces, answers };
}

/**
 * Builds the pack's bytes. Refused (answerFails, with the failing checks and every result) when a
 * model answer fails its own checks; checks for review never count as failures.
 */
export async function exportDraft(ws: Workspace): Promise<{ bytes: Uint8Array; results: ExerciseResult[]; pack: CoursePack }> {
  const pack = draftPack(ws);
  validatePack(pack, 'draft');
  const { results } = checkModelAnswers(pack);
  const failing = results.filter((r) => !allPass(r));
  if (failing.length) {
    const first = failing[0];
    const checks = first.results.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => c.checkId);
    throw new CourseError(
      'invalid_input',
      'answerFails',
      `The model answer of exercise ${first.exerciseId} fails its own checks: ${checks.join(', ')}. The pack was not saved.`,
      { exercise: first.exerciseId, checks: checks.join(', ') },
      { failing: failing.map((r) => ({ exercise: r.exerciseId, checks: r.results.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => c.checkId) })), results },
    );
  }
  return { bytes: await writePack(pack), results, pack };
}
