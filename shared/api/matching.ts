import { z } from 'zod';
import { FUNDING_TYPES, IdSchema, LanguageSchema, MeterSchema, OptionalTextSchema, ServiceSchema } from '../model';
import { command, query, type MethodSpec } from './contract-kit';
import { RunSourceSchema } from './remote';

const code = z.string().min(1).max(100);
const codes = z.array(code).max(500);
const score = z.number().finite();
const share = z.number().min(0).max(1);

// ------------------------------------------------------------------------------------------------
// The recommender
// ------------------------------------------------------------------------------------------------

/** Largest result list a caller may ask for (as in the AuroraAI API). */
export const MAX_TOP = 50;
/**
 * Evaluation work ranks a whole catalogue: `top` may go up to the number of services in the
 * workspace (checked by the service; this bound only keeps a typo from asking for billions).
 */
export const MAX_EVALUATION_TOP = 1_000_000;

/**
 * Hard filters. `municipality` and `language` accept null for "no filter", so a caller can lift
 * the filter a persona would otherwise bring along.
 */
export const RecommendFiltersSchema = z
  .object({
    municipality: code.nullable().optional(),
    /** Keep nationwide services (default true). */
    includeNational: z.boolean().optional(),
    /** Only nationwide services. */
    nationalOnly: z.boolean().optional(),
    /** Services offered in any of these: municipality codes, `region:NN`, `county:NN`. */
    areas: codes.optional(),
    language: z.string().min(2).max(10).nullable().optional(),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    serviceClasses: codes.optional(),
    targetGroups: codes.optional(),
    fundingTypes: z.array(z.enum(FUNDING_TYPES)).max(3).optional(),
    /** Only the services of this life event (its `inLifeEvent` links and PTV code). */
    lifeEventId: IdSchema.optional(),
  })
  .strict();
export type RecommendFiltersInput = z.input<typeof RecommendFiltersSchema>;

/** Persona fields given inline: a what-if persona, or overrides of a stored one. */
export const InlinePersonaSchema = z
  .object({
    meters: z.partialRecord(MeterSchema, z.number().min(0).max(10)).optional(),
    /** One age; sets both ends of the age range. */
    age: z.number().int().min(0).max(120).optional(),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    municipality: code.optional(),
    language: LanguageSchema.optional(),
    /** Replaces the stored persona's needs when given. */
    needs: z
      .array(z.object({ id: IdSchema, importance: z.number().int().min(1).max(5).default(3) }).strict())
      .max(200)
      .optional(),
  })
  .strict();
export type InlinePersona = z.input<typeof InlinePersonaSchema>;

export const RecommendQueryInputSchema = z
  .object({
    personaId: IdSchema.optional(),
    persona: InlinePersonaSchema.optional(),
    text: z.string().max(2000).optional(),
    /** Life events the person is in: a hint that lifts their services, not a filter. */
    lifeEvents: z.array(IdSchema).max(50).optional(),
    filters: RecommendFiltersSchema.optional(),
    /** Results wanted: up to MAX_TOP always, beyond that up to the number of services in the workspace. */
    top: z.number().int().min(1).max(MAX_EVALUATION_TOP).default(10),
    /** Rank every service (evaluation work); `top` is then ignored. */
    all: z.boolean().optional(),
    /** Language of names and explanation sentences. */
    language: LanguageSchema.default('fi'),
  })
  .strict();
export type RecommendQueryInput = z.input<typeof RecommendQueryInputSchema>;

const NeedViaSchema = z.union([
  z.object({ type: z.literal('link') }),
  z.object({ type: z.literal('class'), codes: z.array(z.string()) }),
  z.object({ type: z.literal('keyword'), words: z.array(z.string()), langs: z.array(z.enum(['', 'fi', 'sv', 'en'])).optional() }),
  z.object({ type: z.literal('ontology'), codes: z.array(z.string()) }),
  z.object({ type: z.literal('lifeEvent'), lifeEvent: z.string(), name: OptionalTextSchema.optional() }),
]);

/** One reason in a result's score (shared/recommender's ExplanationPart). */
export const ExplanationPartSchema = z.union([
  z.object({
    kind: z.literal('meter'),
    meter: MeterSchema,
    value: z.number(),
    affinity: z.number(),
    source: z.enum(['label', 'inferred']),
    words: z.array(z.string()),
    /** Set when the quoted words are in another language than the answer's (the service has no text in it). */
    wordsLanguage: LanguageSchema.optional(),
    points: score,
  }),
  z.object({
    kind: z.literal('need'),
    need: z.string(),
    name: OptionalTextSchema.optional(),
    importance: z.number(),
    strength: z.number(),
    via: z.array(NeedViaSchema),
    points: score,
  }),
  z.object({ kind: z.literal('text'), words: z.array(z.string()), translated: z.array(z.string()), points: score }),
  z.object({ kind: z.literal('textMeter'), meter: MeterSchema, words: z.array(z.string()), points: score }),
  z.object({ kind: z.literal('lifeEvent'), lifeEvent: z.string(), name: OptionalTextSchema.optional(), points: score }),
  z.object({ kind: z.literal('area'), fit: z.enum(['municipality', 'region', 'nationwide']), area: z.string().optional(), points: score }),
]);

export const RecommendationSchema = z.object({
  serviceId: z.string(),
  ptvId: z.string().optional(),
  name: z.string(),
  rank: z.number().int(),
  /**
   * 0–1 (shown as 0–100 %): the parts' points mapped by 1 − e^(−points), so that every reason adds
   * and the score approaches but never reaches 1 (1 point = 0.63, 2 = 0.86, 3 = 0.95).
   */
  score: share,
  /** The parts' points added up, before the mapping. */
  points: score,
  /** Other records of the same service (same name, providers and area) that the list shows only once. */
  duplicates: z.array(z.string()).optional(),
  /** The reasons as sentences in the requested language, strongest first. */
  explanation: z.array(z.string()),
  parts: z.array(ExplanationPartSchema),
  /** The persona lists this service among its expected services. */
  expected: z.boolean(),
});
export type RecommendationOut = z.infer<typeof RecommendationSchema>;

/** What the cached index was built from, so a caller can tell a fresh index from a reused one. */
export const IndexInfoSchema = z.object({
  /** Bumped each time the index is rebuilt after a change. */
  revision: z.number().int(),
  services: z.number().int(),
  labelled: z.number().int(),
  inferred: z.number().int(),
  buildMs: z.number(),
  /** Where the index's costly part came from: built on the worker thread, built in-process (no worker could start), or read from the workspace file. */
  from: z.enum(['worker', 'inline', 'file']).optional(),
  /** Which thread read the rows it was assembled from: the worker reads them for a warm open when it is idle. */
  rowsReadOn: z.enum(['worker', 'server']).optional(),
});

export const RecommendResultSchema = z.object({
  personaId: z.string().nullable(),
  language: LanguageSchema,
  /** Services that pass the filters. */
  eligible: z.number().int(),
  results: z.array(RecommendationSchema),
  /** Sentences about the whole answer: search words that matched no service, services left out for their age. */
  notes: z.array(z.string()),
  /** Search words found in no service's text, in any form or language. */
  unmatchedWords: z.array(z.string()),
  index: IndexInfoSchema,
});
export type RecommendResult = z.infer<typeof RecommendResultSchema>;

const MetricsSchema = z.object({ precision: share, recall: share, ndcg: share, mrr: share });

export const EvaluationSchema = z.object({
  k: z.number().int(),
  cases: z.array(
    MetricsSchema.extend({
      id: z.string(),
      name: z.string(),
      relevant: z.number().int(),
      /** Expected services that did not make the top k. */
      missed: z.array(z.string()),
    }),
  ),
  overall: MetricsSchema.extend({ cases: z.number().int() }),
  /** Personas left out because they list no expected services. */
  skipped: z.array(z.string()),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

const CodeLabelSchema = z.object({ code: z.string(), fi: z.string(), sv: z.string().optional(), en: z.string().optional() });
export type CodeLabel = z.infer<typeof CodeLabelSchema>;

/** What the renderer needs to build the same index as the backend, and to name codes. */
export const RecommenderCodesSchema = z.object({
  municipalities: z.array(CodeLabelSchema),
  regions: z.array(CodeLabelSchema),
  counties: z.array(CodeLabelSchema),
  serviceClasses: z.array(CodeLabelSchema),
  lifeEvents: z.array(CodeLabelSchema),
  /** `region:NN` / `county:NN` → municipality codes. */
  areaTable: z.record(z.string(), z.array(z.string())),
  /** Municipality names the meter model must not learn from. */
  ignoreWords: z.array(z.string()),
});
export type RecommenderCodes = z.infer<typeof RecommenderCodesSchema>;

/** The meter model's opinion of one meter for a service (shared/recommender/suggest.ts's MeterSuggestion). */
export const MeterSuggestionSchema = z.object({
  meter: MeterSchema,
  probability: share,
  words: z.array(z.string()),
  label: z.number().optional(),
  examples: z.object({ positive: z.number().int(), negative: z.number().int() }),
});

// ------------------------------------------------------------------------------------------------
// The matching analysis (shapes of shared/matching/types.ts)
// ------------------------------------------------------------------------------------------------

export const MatchingParamsSchema = z.object({
  lifeEventId: IdSchema.optional(),
  threshold: share,
  personalFitWeight: share,
  perNeedTop: z.number().int().min(1).max(50),
  overlapMinOrganisations: z.number().int().min(2).max(100),
  equityMargin: share,
  equityMinPersonas: z.number().int().min(1).max(1000),
  exactLimit: z.number().int().min(0).max(24),
  underUseShare: share,
  languageFilter: z.boolean(),
});

export const MatchingRunSchema = z.object({
  format: z.literal('kohtaanto-matching-run'),
  version: z.literal(2),
  params: MatchingParamsSchema,
  scope: z.object({ lifeEventId: z.string().nullable(), personas: z.array(z.string()), needs: z.array(z.string()), services: z.array(z.string()) }),
  weighting: z.enum(['importance×people', 'importance']),
  totals: z.object({
    personas: z.number().int(),
    needs: z.number().int(),
    services: z.number().int(),
    personaNeeds: z.number().int(),
    covered: z.number().int(),
    coverage: share,
    coverageUnweighted: share,
    people: z.number().int(),
  }),
  coverage: z.array(
    z.object({
      persona: z.string(),
      need: z.string(),
      importance: z.number(),
      people: z.number(),
      weight: z.number(),
      bestService: z.string().nullable(),
      bestScore: score,
      servicesAbove: z.number().int(),
      covered: z.boolean(),
      recommended: z.array(z.string()),
    }),
  ),
  personas: z.array(z.object({ persona: z.string(), people: z.number(), needs: z.number().int(), covered: z.number().int(), coverage: share })),
  gaps: z.array(
    z.object({ need: z.string(), personas: z.array(z.string()), people: z.number(), weight: z.number(), bestScore: score, bestService: z.string().nullable() }),
  ),
  overlaps: z.array(
    z.object({
      need: z.string(),
      organisations: z.array(z.string()),
      noProvider: z.array(z.string()),
      services: z.array(z.object({ service: z.string(), organisations: z.array(z.string()), bestScore: score })),
    }),
  ),
  underUse: z.object({
    unserved: z.array(z.string()),
    servedTo: z.array(z.object({ service: z.string(), personas: z.number().int(), people: z.number() })),
    capacity: z.array(
      z.object({ service: z.string(), capacity: z.number(), demand: z.number(), utilisation: z.number().nullable(), status: z.enum(['over', 'under', 'ok']) }),
    ),
  }),
  counters: z.array(
    z.object({
      persona: z.string(),
      needs: z.number().int(),
      organisations: z.array(z.string()),
      noProvider: z.array(z.string()),
      count: z.number().int(),
      method: z.enum(['exact', 'greedy']),
      candidates: z.number().int(),
      lowerBound: z.number().int(),
      ratio: z.number(),
    }),
  ),
  equity: z.array(
    z.object({
      dimension: z.enum(['language', 'municipality', 'ageGroup']),
      groups: z.array(
        z.object({
          group: z.string(),
          personas: z.number().int(),
          people: z.number(),
          coverage: z.number().nullable(),
          diff: z.number().nullable(),
          tooSmall: z.boolean(),
          flagged: z.boolean(),
        }),
      ),
      spread: z.number(),
      flagged: z.boolean(),
    }),
  ),
  /** Set when the recommendations came from a remote recommender (absent: the built-in one). */
  source: RunSourceSchema.optional(),
});
export type MatchingRunOut = z.infer<typeof MatchingRunSchema>;

/** A saved run in the list: enough to choose one, without its body. */
export const MatchingRunSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  label: z.string().nullable(),
  params: MatchingParamsSchema,
  totals: MatchingRunSchema.shape.totals,
  gaps: z.number().int(),
  overlaps: z.number().int(),
  equityFlags: z.number().int(),
});
export type MatchingRunSummary = z.infer<typeof MatchingRunSummarySchema>;

/** A saved run: its summary, the whole result, and the names of what it refers to at the time it ran. */
export const MatchingRunRecordSchema = MatchingRunSummarySchema.extend({
  run: MatchingRunSchema,
  /** Names as they were when the run was made, so old runs stay readable after entities are renamed or deleted. */
  names: z.record(z.string(), OptionalTextSchema),
});
export type MatchingRunRecord = z.infer<typeof MatchingRunRecordSchema>;

export const MatchingRunInputSchema = z
  .object({
    lifeEventId: IdSchema.optional(),
    threshold: share.optional(),
    personalFitWeight: share.optional(),
    perNeedTop: z.number().int().min(1).max(50).optional(),
    overlapMinOrganisations: z.number().int().min(2).max(100).optional(),
    equityMargin: share.optional(),
    /** Groups of fewer personas are shown but not flagged. */
    equityMinPersonas: z.number().int().min(1).max(1000).optional(),
    exactLimit: z.number().int().min(0).max(24).optional(),
    underUseShare: share.optional(),
    languageFilter: z.boolean().optional(),
    /** A note shown in the run history ("after the Kela workshop"). */
    label: z.string().trim().max(200).optional(),
  })
  .strict();
export type MatchingRunInput = z.input<typeof MatchingRunInputSchema>;

const changeSchema = z.union([
  z.object({ kind: z.literal('coverage'), before: z.number(), after: z.number() }),
  z.object({ kind: z.enum(['personaNeedCovered', 'personaNeedLost']), persona: z.string(), need: z.string() }),
  z.object({ kind: z.enum(['gapClosed', 'gapOpened']), need: z.string(), people: z.number() }),
  z.object({ kind: z.enum(['overlapResolved', 'overlapAppeared']), need: z.string(), providers: z.number().int() }),
  z.object({
    kind: z.enum(['countersFewer', 'countersMore']),
    persona: z.string(),
    before: z.number().int(),
    after: z.number().int(),
    needsBefore: z.number().int(),
    needsAfter: z.number().int(),
  }),
  z.object({ kind: z.enum(['serviceNowUsed', 'serviceNowUnused']), service: z.string() }),
  z.object({
    kind: z.literal('equityGroup'),
    dimension: z.enum(['language', 'municipality', 'ageGroup']),
    group: z.string(),
    personas: z.number().int(),
    people: z.number(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    flaggedBefore: z.boolean(),
    flaggedAfter: z.boolean(),
    diff: z.number().nullable(),
  }),
]);

export const MatchingComparisonSchema = z.object({
  a: MatchingRunSummarySchema,
  b: MatchingRunSummarySchema,
  paramsChanged: z.array(z.string()),
  coverage: z.object({ before: z.number(), after: z.number(), delta: z.number() }),
  improved: z.array(changeSchema.and(z.object({ text: z.string() }))),
  worsened: z.array(changeSchema.and(z.object({ text: z.string() }))),
  /** Labels that changed while the figure behind them did not (within the tolerance): neither better nor worse. */
  unchanged: z.array(changeSchema.and(z.object({ text: z.string() }))),
  /** Coverage per persona in both runs (null where the persona was not in a run), for a chart. */
  personas: z.array(z.object({ persona: z.string(), name: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
});
export type MatchingComparison = z.infer<typeof MatchingComparisonSchema>;

export const matchingMethods = {
  /** Ranks services for a stored persona, an inline one, or both (inline fields override). */
  'recommend.query': query(RecommendQueryInputSchema, RecommendResultSchema),
  /** precision@k, recall@k, nDCG@k and MRR per persona against its expected services, and overall. */
  'recommend.evaluate': query(z.object({ k: z.number().int().min(1).max(MAX_TOP).default(10) }).strict().default({ k: 10 }), EvaluationSchema),
  'recommend.codes': query(z.object({}).strict().default({}), RecommenderCodesSchema),
  /**
   * The meter model's suggestion for each meter of a service, saved or a draft being edited (for
   * a facilitator labelling services by hand); a draft may carry any id.
   */
  'recommend.suggest': query(z.object({ service: ServiceSchema }).strict(), z.array(MeterSuggestionSchema)),

  /** Runs the matching analysis and saves the run, with its parameters and time, in the workspace. */
  'matching.run': command(MatchingRunInputSchema.default({}), MatchingRunRecordSchema),
  'matching.runs': query(z.object({}).strict().default({}), z.array(MatchingRunSummarySchema)),
  'matching.get': query(z.object({ id: IdSchema }).strict(), MatchingRunRecordSchema),
  /** What improved and what got worse from run `a` (before) to run `b` (after). */
  'matching.compare': query(
    z.object({ a: IdSchema, b: IdSchema, language: LanguageSchema.default('fi') }).strict(),
    MatchingComparisonSchema,
  ),
  'matching.deleteRun': command(z.object({ id: IdSchema }).strict(), z.null()),
} satisfies Record<string, MethodSpec>;

/** Names codes (municipalities, `region:NN`, `county:NN`, service classes, life events) from a `recommend.codes` answer, for explanations. */
export function codeLabeler(codes: RecommenderCodes): (code: string, lang: 'fi' | 'sv' | 'en') => string | undefined {
  const lists: [string, CodeLabel[]][] = [
    ['region:', codes.regions],
    ['county:', codes.counties],
    ['', codes.municipalities],
    ['', codes.serviceClasses],
    ['', codes.lifeEvents],
  ];
  const map = new Map<string, CodeLabel>();
  for (const [prefix, list] of lists) for (const c of list) if (!map.has(prefix + c.code)) map.set(prefix + c.code, c);
  return (code, lang) => {
    const c = map.get(code);
    if (c) return c[lang] || c.fi;
    // Ontology terms come as long Finto URIs; their labels are not bundled, so the short form at least reads.
    const onto = /^https?:\/\/www\.yso\.fi\/onto\/([a-z]+)\/(p\d+)$/.exec(code);
    return onto ? `${onto[1]}:${onto[2]}` : undefined;
  };
}
