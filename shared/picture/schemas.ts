import { z } from 'zod';
// From the leaf files, not '../model': the workspace file format (shared/model) carries picture items.
import { IdSchema } from '../model/entities';
import { LocalizedTextSchema, OptionalTextSchema } from '../model/text';
import { dayNumber } from './indicator';

/**
 * The situational picture's items (tilannekuva), stored beside the ecosystem in the same
 * workspace file. Each is one JSON document with a `kind`; every change is an undoable edit.
 */

export const IsoDateSchema = z.string().refine(
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

const amount = z.number().finite().min(-1e15).max(1e15);
const year = z.number().int().min(1900).max(2200);

/** The stages of an impact chain, left to right (the seed's vaikutuslogiikka). */
export const IMPACT_STAGES = ['basis', 'needs', 'inputs', 'activities', 'outputs', 'results', 'impacts'] as const;
export type ImpactStage = (typeof IMPACT_STAGES)[number];

export const GoalSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('goal'),
    name: LocalizedTextSchema,
    description: OptionalTextSchema.default({}),
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
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.baseline && ind.target) {
      if (ind.target.value === ind.baseline.value) ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'indicator.targetEqualsBaseline' });
      if (dayNumber(ind.target.date) <= dayNumber(ind.baseline.date)) ctx.addIssue({ code: 'custom', path: ['target', 'date'], message: 'indicator.targetBeforeBaseline' });
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
    planned: amount,
    actual: amount.optional(),
  })
  .strict();

export const CbaItemSchema = z
  .object({
    id: IdSchema,
    kind: z.literal('cbaItem'),
    name: LocalizedTextSchema,
    type: z.enum(['cost', 'benefit']),
    perOrganisation: z.boolean().default(false),
    /** Amount per year, keyed by the year as text (JSON has no number keys). */
    amounts: z.record(z.string().regex(/^\d{4}$/, 'year.invalid'), amount),
  })
  .strict();

/** The analysis-wide settings: one per workspace, id `cba`. */
export const CbaSettingsSchema = z
  .object({
    id: z.literal('cba'),
    kind: z.literal('cbaSettings'),
    discountRate: z.number().gt(-1, 'cba.discountRateTooLow').max(10),
    adoption: z.record(z.string().regex(/^\d{4}$/, 'year.invalid'), z.number().min(0).max(1e7)).default({}),
    /** ± share for the tornado (0.2 = ±20 %). */
    sensitivity: z.number().min(0).max(1).default(0.2),
    /** Assumptions stated in words, shown beside the figures. */
    assumptions: OptionalTextSchema.default({}),
  })
  .strict();

const count = z.number().int().min(0).max(10_000_000);
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
    questions: z.array(SurveyQuestionSchema).max(500),
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
