/**
 * What every shipped pack must satisfy beyond the pack schema: each model answer passes all its
 * checks (free answers are for the trainer), and each exercise's starting state fails at least one
 * check that the workspace decides (so the exercise asks for real work). Run by the build and the tests.
 */
import { checkExercise, snapshotOfJson } from '../../shared/course/checks';
import type { CoursePack, ExerciseResult } from '../../shared/course/types';
import { checkIndexOptions } from '../../electron/backend/course/run';
import { startingState } from './lib';

export interface ExerciseVerdict {
  exercise: string;
  atStart: ExerciseResult;
  atAnswer: ExerciseResult;
}

export function verdicts(pack: CoursePack): ExerciseVerdict[] {
  const index = checkIndexOptions();
  return pack.manifest.exercises.map((ex) => ({
    exercise: ex.id,
    atStart: checkExercise(snapshotOfJson(startingState(pack, ex.id)), ex, { index }),
    atAnswer: checkExercise(snapshotOfJson(pack.answers[ex.id]), ex, { index }),
  }));
}

export function verifyPack(pack: CoursePack): string[] {
  const problems: string[] = [];
  for (const v of verdicts(pack)) {
    for (const r of v.atAnswer.results) {
      if (r.status !== 'passed' && r.status !== 'review') problems.push(`${v.exercise}/${r.checkId}: the model answer gives ${r.status} (${JSON.stringify(r.explanation)})`);
    }
    if (!v.atStart.results.some((r) => r.status === 'failed')) problems.push(`${v.exercise}: its starting state fails no check`);
    for (const r of v.atStart.results) if (r.status === 'error') problems.push(`${v.exercise}/${r.checkId}: error at start (${JSON.stringify(r.explanation)})`);
  }
  return problems;
}
