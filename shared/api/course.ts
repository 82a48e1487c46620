import { z } from 'zod';
import { IdSchema, LanguageSchema, OptionalTextSchema } from '../model';
import { CourseManifestSchema, type CourseManifest, type CourseProgress, type ExerciseResult } from '../course/types';
import { command, Empty, query, type MethodSpec } from './contract-kit';

/**
 * Course packs (issue 11) on the normal API. Files travel as base64 inside JSON (as imports do),
 * so that the desktop window and browser mode work alike and no path crosses HTTP; a participant's
 * copy is created in the workspaces folder (or at a path the desktop dialog chose).
 * Refusals carry `error.details.reason` as a message code under `course.error.*` with params.
 */

/** Packs and participant files are small; this caps one file. */
export const COURSE_MAX_BYTES = 50 * 1024 * 1024;
const FileSchema = z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(Math.ceil((COURSE_MAX_BYTES * 4) / 3) + 4) }).strict();
const OutFileSchema = z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() });

// Computed by the backend from validated state; their shapes are the TypeScript types.
const ManifestOut = z.custom<CourseManifest>((v) => typeof v === 'object' && v !== null && 'exercises' in v);
const ProgressOut = z.custom<CourseProgress>((v) => typeof v === 'object' && v !== null && 'packId' in v);
const ExerciseResultOut = z.custom<ExerciseResult>((v) => typeof v === 'object' && v !== null && 'results' in v);

/** One participant file's row in the results table: its results, or why it could not be counted. */
export const CollectRowSchema = z.object({
  file: z.string(),
  participant: z.string().optional(),
  /** A message code under `course.error.*` (not from this pack, newer version, damaged …) with params. */
  error: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
  exercises: z.array(ExerciseResultOut),
  /**
   * Received from a workshop session rather than dropped: who sent it (their display name in the
   * session, null when anonymous) and when. `file` is then the name the server gave the stored file.
   */
  source: z.object({ participantId: z.string(), name: z.string().nullable(), receivedAt: z.string() }).strict().optional(),
});
export type CollectRow = z.infer<typeof CollectRowSchema>;

/** Files received from a workshop session: for which pack, whether still receiving, and their rows. */
export const InboxStateSchema = z.object({
  /** The running session, or null. */
  session: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The pack files are (or were) received for, null when nothing was started or it was cleared. */
  pack: z.object({ id: z.string(), revision: z.number().int(), sessionId: z.string() }).nullable(),
  /** Participants can send now (the session runs and the trainer has not stopped). */
  receiving: z.boolean(),
  rows: z.array(CollectRowSchema),
});
export type InboxState = z.infer<typeof InboxStateSchema>;

/** What differs between two workspaces, entity and link ids with names, for showing on the map. */
export const WorkspaceDiffSchema = z.object({
  entities: z.object({ added: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })), removed: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })), changed: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), fields: z.array(z.string()) })) }),
  links: z.object({ added: z.array(z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() })), removed: z.array(z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() })) }),
});
export type WorkspaceDiff = z.infer<typeof WorkspaceDiffSchema>;

/**
 * Where a pack comes from: a file the user chose, or one of the packs shipped with the app by its
 * id (shared/course/shipped.ts); the backend reads a shipped pack from its own resources, so no
 * path crosses the API.
 */
const PackSourceSchema = z.union([FileSchema, z.object({ shipped: IdSchema }).strict()]);
export type PackSource = z.infer<typeof PackSourceSchema>;

/** A pack shipped with the app, as the start screen lists it. */
export const ShippedCourseInfoSchema = z.object({
  id: z.string(),
  title: OptionalTextSchema,
  description: OptionalTextSchema,
  exercises: z.number().int(),
});
export type ShippedCourseInfo = z.infer<typeof ShippedCourseInfoSchema>;

/** A side of a comparison: the model answer of an exercise, or a participant's file. */
const CompareSideSchema = z.union([z.object({ modelAnswer: IdSchema }).strict(), z.object({ file: FileSchema }).strict()]);

export const courseMethods = {
  /** Reads and validates a pack (newer or damaged refused) without opening anything. */
  'course.inspect': query(z.object({ pack: PackSourceSchema }).strict(), z.object({ manifest: ManifestOut }), { maxBodyBytes: COURSE_MAX_BYTES * 2 }),

  /** The packs shipped with the app (those whose files are present), in the order a start screen offers them. */
  'course.shipped': query(Empty, z.array(ShippedCourseInfoSchema)),

  // Participant mode: the open workspace is a participant's copy.
  /** Makes the participant's own copy of the pack (a file or a shipped pack) and opens it at its first exercise. */
  'course.join': command(
    z.object({ pack: PackSourceSchema, participant: z.string().trim().min(1).max(100), name: z.string().min(1).max(200).optional() }).strict(),
    z.object({ path: z.string() }),
    { maxBodyBytes: COURSE_MAX_BYTES * 2 },
  ),
  /** The open workspace's course, or null when it is not a participant's copy. */
  'course.current': query(Empty, z.object({ manifest: ManifestOut, progress: ProgressOut }).nullable()),
  /** Moves to an exercise (its starting state is applied only the first time it is opened, as one undoable step). */
  'course.goTo': command(z.object({ exercise: IdSchema }).strict(), ProgressOut),
  /** Runs an exercise's checks on the open copy (results are kept in its progress). */
  'course.check': command(z.object({ exercise: IdSchema }).strict(), ExerciseResultOut),
  'course.saveAnswer': command(z.object({ exercise: IdSchema, check: IdSchema, text: z.string().max(10_000) }).strict(), ProgressOut),
  /** Restores the exercise's starting state as one undoable step. */
  'course.resetExercise': command(z.object({ exercise: IdSchema }).strict(), ProgressOut),

  // Trainer mode: authoring happens on an open workspace; the draft is kept in it (autosaved).
  'course.draftGet': query(Empty, z.object({ manifest: ManifestOut, recorded: z.object({ workspaces: z.array(z.string()), answers: z.array(z.string()) }) }).nullable()),
  /** Saves the draft's manifest (as the author edits it; validated, not yet checked against answers). */
  'course.draftPut': command(z.object({ manifest: CourseManifestSchema }).strict(), z.null()),
  /** Records the open workspace's present state as a starting workspace or an exercise's model answer. */
  'course.draftRecord': command(z.object({ as: z.union([z.object({ workspace: IdSchema }).strict(), z.object({ answer: IdSchema }).strict()]) }).strict(), z.null()),
  /** Builds the pack. Refused (reason course.error.answerFails with the failing checks) when a model answer fails its own checks. */
  'course.draftExport': query(Empty, z.object({ file: OutFileSchema, results: z.array(ExerciseResultOut) })),

  /** The results table: each participant file checked against the pack, bad files reported per row. */
  'course.collect': query(z.object({ pack: FileSchema, files: z.array(FileSchema).min(1).max(200) }).strict(), z.array(CollectRowSchema), { maxBodyBytes: COURSE_MAX_BYTES * 8 }),
  /** What differs from `base` to `other` (e.g. model answer → participant). */
  'course.compare': query(z.object({ pack: FileSchema, base: CompareSideSchema, other: CompareSideSchema }).strict(), WorkspaceDiffSchema, { maxBodyBytes: COURSE_MAX_BYTES * 4 }),
  // Receiving participants' files live through the running workshop session (its participants
  // send them from their own page, see shared/api/participant.ts PARTICIPANT_COURSE_FILE).
  /**
   * Starts receiving files for this pack in the running session (refused without one); their page
   * then offers "send my course file". Each file is checked as a dropped one is and arrives as a
   * `workshop.event` of type `course.received` with its row. Starting again with another pack
   * drops the files received for the earlier one.
   */
  'course.sessionCollect': command(z.object({ pack: FileSchema }).strict(), InboxStateSchema, { maxBodyBytes: COURSE_MAX_BYTES * 2 }),
  /** Stops receiving (participants' send section goes away); `clear` also deletes the files received. */
  'course.sessionStop': command(z.object({ clear: z.boolean().default(false) }).strict().default({ clear: false }), InboxStateSchema),
  /** What has been received from the session (also after it ended, until cleared). */
  'course.sessionInbox': query(Empty, InboxStateSchema),
  /** One received file's bytes (for a comparison), by the participant who sent it. */
  'course.sessionFile': query(z.object({ participantId: IdSchema }).strict(), OutFileSchema),
  /** The results table as CSV or XLSX for course records (display names only). */
  'course.exportResults': query(
    z
      .object({
        rows: z.array(CollectRowSchema).max(500),
        format: z.enum(['csv', 'xlsx']),
        title: OptionalTextSchema.optional(),
        /** Language of the headers and error texts. */
        language: LanguageSchema.default('fi'),
        /** The pack's exercises (ids and titles, from course.inspect) for column order and headers; without it, the ids the rows name. */
        exercises: z.array(z.object({ id: IdSchema, title: OptionalTextSchema })).max(100).optional(),
      })
      .strict(),
    OutFileSchema,
  ),
} satisfies Record<string, MethodSpec>;
