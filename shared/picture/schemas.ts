import { z } from 'zod';
// From the leaf files, not '../model': the workspace file format (shared/model) carries picture items.
import { IdSchema } from '../model/entities';
import { LocalizedTextSchema, OptionalTextSchema } from '../model/text';
import { dayNumber } from './indicator';

/**
 * The situational picture's items (tilannekuva), stored beside the ecosystem in the same
 * workspace file. Each is one JSON document with a `kind`; every change is an undoable edit.
 */

export const IsoDateSchema = z.string({ error: 'date.invalid' }).refine(
  (s) => {
    try {
      dayNumber(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'date.invalid' },
);

// Messages are codes the UI translates (picture.validation.* in the renderer's i18n).
const amount = z.number({ error: 'value.notNumber' }).finite({ error: 'value.notNumber' }).min(-1e15, { error: 'value.outOfRange' }).max(1e15, { error: 'value.outOfRange' });
const year = z.number({ error: 'year.invalid' }).int({ error: 'year.invalid' }).min(1900, { error: 'year.invalid' }).max(2200, { error: 'year.invalid' });
/** Where an item's figures come from (document, section, table or figure), shown beside them. */
const provenance = z.string().max(2000).optional();
/** Records keyed by year: a key that is not a year is named as such, not as zod's "invalid key". */
const yearKey = z.string().regex(/^\d{4}$/, 'year.invalid');
const byYear = <T extends z.ZodType>(value: T) => z.record(yearKey, value, { error: (iss) => (iss.code === 'invalid_key' ? 'year.invalid' : undefined) });
/** Day number of a date, or undefined for one that is not (its own issue names it). */
const dayOrUndefined = (d: string) => {
  try {
    return dayNumber(d);
  } catch {
    return undefined;
  }
};

/** The stages of an impact chain, left to right (the seed's vaikutuslogiikka). */
export const IMPACT_STAGES = ['basis', 'needs', 'inputs', 'activities', 'outputs', 'results', 'impacts'] as const;
export type ImpactStage = (typeof IMPACT_STAGES)[number];

export const GoalSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('goal'),
    name: LocalizedTextSchema,
    description: OptionalTextSchema.default({}),
    provenance,
  })
  .strict();

export const ImpactBoxSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('impactBox'),
    stage: z.enum(IMPACT_STAGES),
    name: LocalizedTextSchema,
    description: OptionalTextSchema.default({}),
    /** Ecosystem entities (life event, need, service…) this box is about: one model, two views. */
    refs: z.array(IdSchema).max(200).default([]),
    /** The goal this box serves, if any. */
    goal: IdSchema.optional(),
    provenance,
  })
  .strict();

export const ASSUMPTION_STATUSES = ['holds', 'uncertain', 'failed'] as const;
export const ImpactLinkSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('impactLink'),
    source: IdSchema,
    target: IdSchema,
    /** What must hold for the step to work. */
    assumption: OptionalTextSchema.default({}),
    assumptionStatus: z.enum(ASSUMPTION_STATUSES).optional(),
    provenance,
  })
  .strict();

export const MeasurementSchema = z
  .object({ date: IsoDateSchema, value: amount, note: z.string().max(2000).optional(), source: z.string().max(500).optional() })
  .strict();

/** Matching figures an indicator can follow; each saved matching run adds a measurement. */
export const MATCHING_FIGURES = ['coverage', 'peopleInGaps', 'countersToVisit', 'equitySpread'] as const;

export const IndicatorSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('indicator'),
    name: LocalizedTextSchema,
    unit: z.string().max(40).default(''),
    direction: z.enum(['higher', 'lower']),
    baseline: z.object({ date: IsoDateSchema, value: amount }).strict().optional(),
    target: z.object({ date: IsoDateSchema, value: amount }).strict().optional(),
    /** Share of the planned change that may lag before "at risk" turns "off track". */
    tolerance: z.number().min(0).max(10).default(0.1),
    dataSource: z.string().max(500).optional(),
    /** Owner organisation (an ecosystem entity id). */
    owner: IdSchema.optional(),
    /** The goal or impact box it measures. */
    measures: IdSchema.optional(),
    binding: z
      .object({ figure: z.enum(MATCHING_FIGURES), lifeEvent: IdSchema.optional(), persona: IdSchema.optional() })
      .strict()
      .optional(),
    measurements: z.array(MeasurementSchema).max(10_000).default([]),
    provenance,
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.baseline && ind.target) {
      if (ind.target.value === ind.baseline.value) ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'indicator.targetEqualsBaseline' });
      // A date that is not one has its own issue already; comparing it would throw.
      const t = dayOrUndefined(ind.target.date);
      const b = dayOrUndefined(ind.baseline.date);
      if (t !== undefined && b !== undefined && t <= b) ctx.addIssue({ code: 'custom', path: ['target', 'date'], message: 'indicator.targetBeforeBaseline' });
    }
  });

export const BudgetLineSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('budgetLine'),
    item: z.string().min(1).max(300),
    organisation: IdSchema.optional(),
    category: z.string().min(1).max(100),
    year,
    /** The last year a line spanning several years covers (a programme's whole-period figure). */
    yearTo: year.optional(),
    planned: amount,
    actual: amount.optional(),
    provenance,
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.yearTo !== undefined && l.yearTo < l.year) ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'budget.yearToBeforeYear' });
  });

export const CbaItemSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('cbaItem'),
    name: LocalizedTextSchema,
    type: z.enum(['cost', 'benefit']),
    description: OptionalTextSchema.default({}),
    perOrganisation: z.boolean().default(false),
    /** Amount per year, keyed by the year as text (JSON has no number keys); at least one year. */
    amounts: byYear(amount).refine((a) => Object.keys(a).length > 0, { message: 'cba.noYears' }),
    provenance,
  })
  .strict();

/** The analysis-wide settings: one per workspace, id `cba`. */
export const CbaSettingsSchema = z
  .object({
    id: z.literal('cba'),
    kind: z.literal('cbaSettings'),
    discountRate: z.number({ error: 'value.notNumber' }).gt(-1, 'cba.discountRateTooLow').max(10, 'cba.discountRateTooHigh'),
    adoption: byYear(z.number({ error: 'value.notNumber' }).min(0, 'cba.adoptionNegative').max(1e7, 'value.outOfRange')).default({}),
    /** ± share for the tornado (0.2 = ±20 %). */
    sensitivity: z.number().min(0).max(1).default(0.2),
    /** Assumptions stated in words, shown beside the figures. */
    assumptions: OptionalTextSchema.default({}),
    provenance,
  })
  .strict();

const count = z.number({ error: 'value.notNumber' }).int('survey.countInvalid').min(0, 'survey.countInvalid').max(10_000_000, 'survey.countInvalid');
export const SurveyQuestionSchema = z
  .object({
    id: IdSchema,
    text: LocalizedTextSchema,
    counts: z.object({ 1: count, 2: count, 3: count, 4: count, 5: count }).strict(),
    cannotSay: count.default(0),
  })
  .strict();

export const SurveySchema = z
  .object({
    id: IdSchema,
    kind: z.literal('survey'),
    name: LocalizedTextSchema,
    date: IsoDateSchema.optional(),
    /**
     * N as the source reports it, for a survey whose answer counts are not available (only its
     * charts are): the questions then carry zero counts and this N, never invented counts.
     */
    reportedN: count.optional(),
    questions: z.array(SurveyQuestionSchema).max(500),
    provenance,
    /**
     * Set on a survey saved from a workshop's readiness self-assessment: the organisation it rates,
     * the assessment it answers (the agenda step's id, the same in every session run from one
     * template) and the session, so that organisations and sessions can be compared.
     */
    assessment: z
      .object({ series: IdSchema, organisation: IdSchema, session: z.string().min(1).max(200), title: z.string().max(200).default(''), startedAt: z.string().max(40).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const PictureItemSchema = z.discriminatedUnion('kind', [
  GoalSchema,
  ImpactBoxSchema,
  ImpactLinkSchema,
  IndicatorSchema,
  BudgetLineSchema,
  CbaItemSchema,
  CbaSettingsSchema,
  SurveySchema,
]);
export type PictureItem = z.infer<typeof PictureItemSchema>;
export type PictureItemKind = PictureItem['kind'];
export const PICTURE_ITEM_KINDS = ['goal', 'impactBox', 'impactLink', 'indicator', 'budgetLine', 'cbaItem', 'cbaSettings', 'survey'] as const satisfies readonly PictureItemKind[];
export type Goal = z.infer<typeof GoalSchema>;
export type ImpactBox = z.infer<typeof ImpactBoxSchema>;
export type ImpactLink = z.infer<typeof ImpactLinkSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type BudgetLineItem = z.infer<typeof BudgetLineSchema>;
export type CbaItemDoc = z.infer<typeof CbaItemSchema>;
export type CbaSettings = z.infer<typeof CbaSettingsSchema>;
export type Survey = z.infer<typeof SurveySchema>;
