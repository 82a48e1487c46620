/**
 * The recommender source of a workspace and the remote (AuroraAI-compatible) recommender: its
 * settings (never its key), the privacy acknowledgement, the request log, remote answers for the
 * try-out, and saved comparisons of the built-in and the remote recommender.
 */
import { z } from 'zod';
import { IdSchema, LanguageSchema, MeterSchema, OptionalTextSchema } from '../model';
import { command, query, type MethodSpec } from './contract-kit';

const share = z.number().min(0).max(1);

/** An http(s) address without credentials, query or fragment. */
export const BaseUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
      } catch {
        return false;
      }
    },
    { message: 'The address must be an http:// or https:// URL without user name, password, query or fragment.' },
  );

export const RemoteEndpointSchema = z
  .object({
    kind: z.literal('remote'),
    /** Where `service-recommender/v1/…` lives (a trailing `service-recommender/v1/` is accepted too). */
    baseUrl: BaseUrlSchema,
    /** Header that carries the API key (e.g. `X-Api-Key`, `Authorization` sends `Bearer KEY`); none when the endpoint is open. */
    keyHeader: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'A header name has letters, digits and hyphens only.').optional(),
    timeoutMs: z.number().int().min(200).max(120_000).default(10_000),
    /** Requests in flight at once. */
    parallel: z.number().int().min(1).max(32).default(4),
    /** Services asked for per request (the spec allows 1–50). */
    limit: z.number().int().min(1).max(50).default(20),
    area: z.enum(['municipality', 'region', 'county', 'none']).default('municipality'),
    includeNational: z.boolean().default(true),
    /**
     * Off by default: the AuroraAI filter keeps only services tagged with one of the groups, which
     * drops every service tagged only "Citizens" (KR1).
     */
    targetGroupsFromAge: z.boolean().default(false),
    funding: z.array(z.enum(['PubliclyFunded', 'MarketFunded'])).max(2).default([]),
  })
  .strict();
export type RemoteEndpoint = z.output<typeof RemoteEndpointSchema>;
export type RemoteEndpointInput = z.input<typeof RemoteEndpointSchema>;

export const RecommenderSourceSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('builtin') }).strict(), RemoteEndpointSchema]);
export type RecommenderSource = z.output<typeof RecommenderSourceSchema>;
export type RecommenderSourceInput = z.input<typeof RecommenderSourceSchema>;

export const SourceStatusSchema = z.object({
  source: RecommenderSourceSchema,
  /** The request URL of recommend_service, when remote. */
  endpoint: z.string().nullable(),
  /** Where the key is kept: the OS keychain (desktop), this server's memory until it stops (browser mode), an environment variable (CLI), or nowhere. */
  key: z.enum(['keychain', 'session', 'environment', 'none']),
  /** The user has read the privacy notice for this endpoint. */
  acknowledged: z.boolean(),
});
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const RequestLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  endpoint: z.string(),
  operation: z.enum(['recommend_service', 'text_search']),
  /** The JSON body exactly as sent. */
  body: z.unknown(),
  attempt: z.number().int(),
  status: z.number().int().nullable(),
  outcome: z.enum(['ok', 'error']),
  message: z.string().nullable(),
  ms: z.number().int(),
});
export type RequestLogEntry = z.infer<typeof RequestLogEntrySchema>;

/** One service of a remote answer; `serviceId` is the workspace's service with the same PTV id, or null (recommended but not mapped). */
export const RemoteServiceSchema = z.object({
  rank: z.number().int(),
  ptvId: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  serviceId: z.string().nullable(),
});
export type RemoteService = z.infer<typeof RemoteServiceSchema>;

export const RemoteRecommendResultSchema = z.object({
  endpoint: z.string(),
  operation: z.enum(['recommend_service', 'text_search']),
  /** The body as sent, so the user sees what left the machine. */
  sent: z.unknown(),
  services: z.array(RemoteServiceSchema),
  mapped: z.number().int(),
  unmapped: z.number().int(),
});
export type RemoteRecommendResult = z.infer<typeof RemoteRecommendResultSchema>;

/** A persona the remote recommender did not answer, and why. */
export const MissingAnswerSchema = z.object({ persona: z.string(), message: z.string() });
/** A service the remote recommender suggested that the workspace does not have (supply the workshop did not map). */
export const UnmappedServiceSchema = z.object({ ptvId: z.string(), name: z.string(), personas: z.array(z.string()) });

/** Where a matching run's recommendations came from, when not from the built-in recommender. */
export const RunSourceSchema = z.object({
  kind: z.literal('remote'),
  endpoint: z.string(),
  /** False when some personas got no remote answer: the run's figures leave them out. */
  complete: z.boolean(),
  missing: z.array(MissingAnswerSchema),
  unmapped: z.array(UnmappedServiceSchema),
  limit: z.number().int(),
});
export type RunSource = z.infer<typeof RunSourceSchema>;

const SideSchema = z.object({
  coverage: share,
  covered: z.number().int(),
  personaNeeds: z.number().int(),
  /** Needs left without a serving recommended service for someone. */
  gaps: z.array(z.string()),
  /** Counters to visit per persona, summed. */
  counters: z.number().int(),
});

export const ComparisonPersonaSchema = z.object({
  persona: z.string(),
  /** Service ids (workspace) or `ptv:ID` (not mapped), best first, at most `limit`. */
  builtin: z.array(z.string()),
  remote: z.array(z.string()),
  overlap: share,
  /** Kendall's τ_b; null when undefined. */
  tau: z.number().min(-1).max(1).nullable(),
  onlyBuiltin: z.array(z.string()),
  onlyRemote: z.array(z.string()),
  coverage: z.object({ builtin: share, remote: share }),
  counters: z.object({ builtin: z.number().int(), remote: z.number().int() }),
  gaps: z.object({ builtin: z.array(z.string()), remote: z.array(z.string()) }),
});

export const RecommenderComparisonSchema = z.object({
  format: z.literal('kohtaanto-recommender-comparison'),
  version: z.literal(1),
  endpoint: z.string(),
  k: z.number().int(),
  limit: z.number().int(),
  /** False when some personas got no remote answer; the figures compare only the answered ones. */
  complete: z.boolean(),
  missing: z.array(MissingAnswerSchema),
  personas: z.array(ComparisonPersonaSchema),
  totals: z.object({
    personas: z.number().int(),
    builtin: SideSchema,
    remote: SideSchema,
    /** Means over the personas (τ over those where it is defined; null when none). */
    overlap: share,
    tau: z.number().nullable(),
  }),
  unmapped: z.array(UnmappedServiceSchema),
});
export type RecommenderComparison = z.infer<typeof RecommenderComparisonSchema>;

export const ComparisonSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  label: z.string().nullable(),
  endpoint: z.string(),
  k: z.number().int(),
  complete: z.boolean(),
  personas: z.number().int(),
  missing: z.number().int(),
  overlap: share,
  tau: z.number().nullable(),
  coverage: z.object({ builtin: share, remote: share }),
});
export type ComparisonSummary = z.infer<typeof ComparisonSummarySchema>;

export const ComparisonRecordSchema = ComparisonSummarySchema.extend({
  comparison: RecommenderComparisonSchema,
  /** Names at the time of the comparison: personas, needs, services (and `ptv:ID` for unmapped ones). */
  names: z.record(z.string(), OptionalTextSchema),
});
export type ComparisonRecord = z.infer<typeof ComparisonRecordSchema>;

export const remoteMethods = {
  'remote.source': query(z.object({}).strict().default({}), SourceStatusSchema),
  /** Sets the workspace's source; the key is never part of it. */
  'remote.setSource': command(z.object({ source: RecommenderSourceSchema }).strict(), SourceStatusSchema),
  /** Keeps (or with null forgets) the API key of the current remote endpoint, outside the workspace. */
  'remote.setKey': command(z.object({ key: z.string().min(1).max(4000).nullable() }).strict(), SourceStatusSchema),
  /** Records that the user has read the privacy notice for the current endpoint. */
  'remote.acknowledge': command(z.object({}).strict().default({}), SourceStatusSchema),
  'remote.log': query(z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict().default({ limit: 200 }), z.array(RequestLogEntrySchema)),
  'remote.clearLog': command(z.object({}).strict().default({}), z.null()),
  /** Asks the remote recommender: meters and filters of a stored or inline persona, or free text (text_search). */
  'remote.recommend': query(
    z
      .object({
        personaId: IdSchema.optional(),
        persona: z
          .object({
            meters: z.partialRecord(MeterSchema, z.number().min(0).max(10)).optional(),
            municipality: z.string().max(20).nullable().optional(),
            ageMin: z.number().int().min(0).max(120).optional(),
            ageMax: z.number().int().min(0).max(120).optional(),
          })
          .strict()
          .optional(),
        text: z.string().max(2000).optional(),
        language: LanguageSchema.default('fi'),
      })
      .strict(),
    RemoteRecommendResultSchema,
  ),
  /** The same personas through the built-in and the remote recommender; saved in the workspace. */
  'remote.compare': command(
    z.object({ k: z.number().int().min(1).max(50).default(10), label: z.string().trim().max(200).optional() }).strict().default({ k: 10 }),
    ComparisonRecordSchema,
  ),
  'remote.comparisons': query(z.object({}).strict().default({}), z.array(ComparisonSummarySchema)),
  'remote.getComparison': query(z.object({ id: IdSchema }).strict(), ComparisonRecordSchema),
  'remote.deleteComparison': command(z.object({ id: IdSchema }).strict(), z.null()),
} satisfies Record<string, MethodSpec>;
