import { z } from 'zod';
import { EntityKindSchema, IdSchema, LinkTypeSchema, LocalizedTextSchema, OptionalTextSchema } from '../model';
import { WorkspaceJsonSchema } from '../model/workspace-file';

/**
 * A course pack (issue 11): one `*.kohtaanto-course` file, a zip holding
 *
 *   manifest.json            CourseManifest (this file's schemas)
 *   workspaces/<id>.json     starting workspaces, as workspace JSON (shared/model/workspace-file)
 *   answers/<exercise>.json  each exercise's model answer, as workspace JSON
 *
 * A zip of JSON rather than a SQLite file: a trainer can read, diff and mail it, and every part
 * is validated by the same schemas as a workspace JSON import. The participant's copy is a normal
 * workspace file with the pack's manifest and the participant's progress inside (course_* tables).
 */

export const COURSE_FORMAT = 'kohtaanto-course';
/** The newest pack format this build reads and writes; a newer pack is refused untouched. */
export const COURSE_FORMAT_VERSION = 1;
export const COURSE_FILE_EXTENSION = '.kohtaanto-course';

/** Which entity a check is about: an id in the pack's workspace, or the first entity matching a name. */
export const EntityRefSchema = z.union([
  z.object({ id: IdSchema }).strict(),
  /** Case-insensitive exact name in any language, of the given kind. */
  z.object({ kind: EntityKindSchema, name: z.string().min(1).max(300) }).strict(),
]);
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** Conditions on an entity's fields; every condition given must hold. */
export const EntityMatchSchema = z
  .object({
    kind: EntityKindSchema,
    /** Case-insensitive substring of the name in any language. */
    nameContains: z.string().min(1).max(300).optional(),
    /** Persona: its age range lies within [ageMin, ageMax]. */
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    /** Persona or organisation: municipality code (e.g. '564' Oulu). */
    municipality: z.string().min(1).max(100).optional(),
    /** Linked (either direction, any link type) to this entity. */
    linkedTo: EntityRefSchema.optional(),
  })
  .strict();
export type EntityMatch = z.infer<typeof EntityMatchSchema>;

const Comparison = z.enum(['atLeast', 'atMost']);

/** What a self-check asks of the participant's workspace. Computed from the workspace, never typed answers alone. */
export const CheckRuleSchema = z.discriminatedUnion('type', [
  /** At least `min` entities matching. */
  z.object({ type: z.literal('entityExists'), match: EntityMatchSchema, min: z.number().int().min(1).max(10_000).default(1) }).strict(),
  /** At least `min` links of the type between entities matching source and target. */
  z
    .object({ type: z.literal('linkExists'), linkType: LinkTypeSchema, source: EntityMatchSchema, target: EntityMatchSchema, min: z.number().int().min(1).max(10_000).default(1) })
    .strict(),
  /** The matching analysis (default parameters) of a life event: coverage (0–1), gap count, or a persona's counters to visit. */
  z
    .object({
      type: z.literal('matching'),
      lifeEvent: EntityRefSchema,
      measure: z.enum(['coverage', 'gaps', 'countersToVisit']),
      /** For countersToVisit: whose. */
      persona: EntityRefSchema.optional(),
      comparison: Comparison,
      value: z.number().min(0).max(100_000),
    })
    .strict(),
  /** The built-in recommender puts the service in the persona's top k. */
  z.object({ type: z.literal('recommenderTopK'), persona: EntityRefSchema, service: EntityRefSchema, k: z.number().int().min(1).max(100) }).strict(),
  /** A situational-picture indicator exists (name contains, when given) with a baseline and a target. */
  z.object({ type: z.literal('indicator'), nameContains: z.string().min(1).max(300).optional(), needsBaseline: z.boolean().default(true), needsTarget: z.boolean().default(true) }).strict(),
  /** A free answer the participant writes in the exercise panel; always "to be reviewed by the trainer". */
  z.object({ type: z.literal('freeAnswer'), prompt: LocalizedTextSchema }).strict(),
]);
export type CheckRule = z.infer<typeof CheckRuleSchema>;
export type CheckType = CheckRule['type'];

export const CheckSchema = z
  .object({
    id: IdSchema,
    /** What the check asks, as the participant reads it ("Add a persona aged 18–24 in Oulu"). */
    title: LocalizedTextSchema,
    /** Shown when the check fails. */
    hint: OptionalTextSchema.default({}),
    rule: CheckRuleSchema,
  })
  .strict();
export type Check = z.infer<typeof CheckSchema>;

/** Where an exercise starts: a starting workspace, the previous exercise's model answer, or where the participant is. */
export const ExerciseStartSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('workspace'), workspace: IdSchema }).strict(),
  z.object({ from: z.literal('previousAnswer') }).strict(),
  z.object({ from: z.literal('continue') }).strict(),
]);
export type ExerciseStart = z.infer<typeof ExerciseStartSchema>;

export const ExerciseSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    instructions: LocalizedTextSchema,
    hints: z.array(LocalizedTextSchema).max(20).default([]),
    start: ExerciseStartSchema,
    checks: z.array(CheckSchema).min(1).max(50),
  })
  .strict();
export type Exercise = z.infer<typeof ExerciseSchema>;

/** Where a record of the pack came from (real data file, or entered by hand). */
export const ProvenanceSchema = z
  .object({
    source: z.string().min(1).max(500),
    note: z.string().max(2000).optional(),
    handEntered: z.boolean().default(false),
  })
  .strict();

export const CourseManifestSchema = z
  .object({
    format: z.literal(COURSE_FORMAT),
    formatVersion: z.number().int().min(1),
    /** Stable id of the pack; a participant's copy carries it (and `revision`) to be matched on collect. */
    id: IdSchema,
    revision: z.number().int().min(1).default(1),
    title: LocalizedTextSchema,
    description: OptionalTextSchema.default({}),
    learningGoals: z.array(LocalizedTextSchema).max(30).default([]),
    workspaces: z.array(z.object({ id: IdSchema, title: LocalizedTextSchema }).strict()).min(1).max(20),
    exercises: z.array(ExerciseSchema).min(1).max(100),
    provenance: z.array(ProvenanceSchema).max(50).default([]),
  })
  .strict();
export type CourseManifest = z.infer<typeof CourseManifestSchema>;
export type CourseManifestInput = z.input<typeof CourseManifestSchema>;

/** A whole pack in memory: the manifest with its workspaces and model answers. */
export interface CoursePack {
  manifest: CourseManifest;
  workspaces: Record<string, z.infer<typeof WorkspaceJsonSchema>>;
  /** Model answer per exercise id. */
  answers: Record<string, z.infer<typeof WorkspaceJsonSchema>>;
}

/** A check's outcome, with the figures that explain it (never just red). */
export const CHECK_STATUSES = ['passed', 'failed', 'review', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  /**
   * i18n key under `course.explain.*` with its parameters, e.g.
   * { key: 'coverage', params: { actual: 0.62, needed: 0.75, comparison: 'atLeast' } } →
   * "coverage 0.62, needed at least 0.75". 'error' results say why (e.g. missingEntity: the
   * check names an entity that no longer exists).
   */
  explanation: { key: string; params: Record<string, string | number> };
  /** The check's hint, when it did not pass. */
  hint?: z.infer<typeof OptionalTextSchema>;
}

export interface ExerciseResult {
  exerciseId: string;
  results: CheckResult[];
  passed: number;
  total: number;
  /** Seconds the participant had the exercise open (from the copy's progress). */
  secondsSpent: number;
  /** The life event coverage reached, when the exercise has a matching check. */
  coverage?: number;
}

/** Progress kept in a participant's copy. */
export interface CourseProgress {
  packId: string;
  packRevision: number;
  participant: string;
  currentExercise: string;
  exercises: Record<string, { startedAt?: string; secondsSpent: number; lastCheck?: { at: string; passed: number; total: number }; freeAnswers: Record<string, string> }>;
}
