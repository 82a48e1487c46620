import { areaLookupFromTable } from '../../../shared/recommender';
import { checkExercises, snapshotOfJson, type CheckIndexOptions, type CheckSnapshot } from '../../../shared/course/checks';
import type { CoursePack, ExerciseResult } from '../../../shared/course/types';
import { recommenderCodes } from '../domains/matching';
import type { Workspace } from '../store/workspace';

let cached: CheckIndexOptions | undefined;

/** The recommender build options the app's own index uses (area lookup, municipality names ignored as evidence). */
export function checkIndexOptions(): CheckIndexOptions {
  if (cached) return cached;
  const codes = recommenderCodes();
  cached = { areaLookup: areaLookupFromTable(codes.areaTable), inference: { ignoreWords: codes.ignoreWords } };
  return cached;
}

/** The content of an open workspace file, as the checks read it. */
export function snapshotOfWorkspace(ws: Workspace): CheckSnapshot {
  return { entities: ws.listEntities(), links: ws.listLinks(), pictureItems: ws.listItems() };
}

/**
 * Each exercise's checks on its own model answer (free answers are "to be reviewed"). An exercise
 * without a model answer is checked on nothing and reported as such by the caller.
 */
export function checkModelAnswers(pack: CoursePack): { results: ExerciseResult[]; missing: string[] } {
  const results: ExerciseResult[] = [];
  const missing: string[] = [];
  for (const ex of pack.manifest.exercises) {
    const answer = pack.answers[ex.id];
    if (!answer) {
      missing.push(ex.id);
      continue;
    }
    results.push(...checkExercises(snapshotOfJson(answer), [ex], { index: checkIndexOptions() }));
  }
  return { results, missing };
}

/** True when no check failed or erred (checks for review count as fine: the trainer reads them). */
export function allPass(r: ExerciseResult): boolean {
  return r.results.every((c) => c.status === 'passed' || c.status === 'review');
}
