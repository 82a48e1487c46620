import { AppError, type ErrorCode } from '../../../shared/api/result';

/** Message codes under `course.error.*` (renderer/src/i18n/sections/course.ts has their texts). */
export const COURSE_ERROR_CODES = [
  'notZip',
  'tooLarge',
  'missingManifest',
  'invalidManifest',
  'wrongFormat',
  'newerFormat',
  'missingWorkspace',
  'unknownWorkspace',
  'invalidWorkspace',
  'newerWorkspace',
  'unknownExercise',
  'duplicateId',
  'firstExerciseStart',
  'missingAnswer',
  'notCopy',
  'otherPack',
  'newerRevision',
  'damagedCopy',
  'notWorkspace',
  'noExercise',
  'noDraft',
  'answerFails',
  'notRecorded',
  'readOnly',
  'unknownShipped',
] as const;
export type CourseErrorCode = (typeof COURSE_ERROR_CODES)[number];
export type CourseErrorParams = Record<string, string | number>;

/**
 * A refusal about a pack or a participant file. `details.reason` is the code under
 * `course.error.*` and `details.params` its values, so every client says it in its own language.
 */
export class CourseError extends AppError {
  constructor(
    code: ErrorCode,
    readonly reason: CourseErrorCode,
    message: string,
    readonly params: CourseErrorParams = {},
    extra: Record<string, unknown> = {},
  ) {
    super(code, message, { reason, params, ...extra });
  }
}
