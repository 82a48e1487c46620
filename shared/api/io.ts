import { z } from 'zod';
import { ENTITY_KINDS, IdSchema, LanguageSchema, METERS, type Meter } from '../model';
import { command, query, type MethodSpec } from './contract-kit';
import { ImportDuplicatesSchema } from './duplicates';
import { MESSAGE_CODES } from './messages';

export const IMPORT_FORMATS = ['auto', 'ptv', 'csv', 'xlsx', 'json', 'graphml'] as const;
/** What an import reads: the ecosystem (every format above), or one part of the situational picture from a CSV/XLSX. */
export const IMPORT_KINDS = ['ecosystem', 'measurements', 'budget', 'cba', 'survey'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type PictureImportKind = Exclude<ImportKind, 'ecosystem'>;

/**
 * Column roles of each situational-picture import, for its column-mapping step. `cba`'s `amount`
 * columns carry the year in their heading ("2024"); a survey has one `question` column per question.
 */
export const PICTURE_COLUMN_ROLES = {
  measurements: ['indicator', 'date', 'value', 'type', 'note', 'source'],
  budget: ['item', 'organisation', 'category', 'year', 'planned', 'actual'],
  cba: ['name', 'type', 'perOrganisation', 'amount'],
  survey: ['question'],
} as const satisfies Record<PictureImportKind, readonly string[]>;
export type PictureColumnRole = (typeof PICTURE_COLUMN_ROLES)[PictureImportKind][number];
/** Roles a mapping must give a column before the import can run. */
export const PICTURE_REQUIRED_ROLES: Record<PictureImportKind, readonly PictureColumnRole[]> = {
  measurements: ['indicator', 'date', 'value'],
  budget: ['item', 'category', 'year', 'planned'],
  cba: ['name', 'type', 'amount'],
  survey: ['question'],
};
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
export const CODE_LIST_NAMES = ['serviceClasses', 'lifeEvents', 'targetGroups', 'municipalities', 'regions', 'wellbeingCounties'] as const;

/** Imports travel as base64 inside JSON; this caps one request (the HTTP door allows it for io.import only). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const FileSchema = z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4) });
const Counts = z.record(z.enum(ENTITY_KINDS), z.number().int());
const Params = z.record(z.string(), z.union([z.string(), z.number()]));
const Coded = { code: z.enum(MESSAGE_CODES).optional(), params: Params.optional() };
/** Where in a file (shared/api/messages.ts `Place`). */
const PlaceSchema = z.array(z.object({ code: z.enum(MESSAGE_CODES), params: Params.optional() }));

export const ImportSummarySchema = z.object({
  created: Counts,
  updated: Counts,
  unchanged: Counts,
  links: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), removed: z.number().int() }),
  /** `reason` and `record` are English; `code` and `params` (shared/api/messages.ts) say the reason, `at` the record, in the user's language. */
  skipped: z.array(z.object({ file: z.string(), record: z.string(), at: PlaceSchema.optional(), reason: z.string(), ...Coded, row: z.number().int().optional(), column: z.string().optional() })),
  skippedTotal: z.number().int(),
  warnings: z.array(z.object({ reason: z.string(), ...Coded, count: z.number().int(), example: z.string(), exampleAt: z.object({ file: z.string(), at: PlaceSchema.optional(), detail: z.string().optional() }).optional() })),
  duplicates: ImportDuplicatesSchema.optional(),
  /** Situational-picture imports: items written per kind, and measurements or answers taken in. */
  picture: z
    .object({
      created: z.record(z.string(), z.number().int()),
      updated: z.record(z.string(), z.number().int()),
      unchanged: z.record(z.string(), z.number().int()),
      /** Measurements added or changed (measurements), or answers counted (survey). */
      values: z.number().int(),
    })
    .optional(),
  /** A dry run's look at the first table: the mapping used, the first rows, and what the mapping still lacks. */
  preview: z
    .object({
      file: z.string(),
      sheet: z.string().optional(),
      headers: z.array(z.string()),
      mapping: z.record(z.string(), z.string().nullable()),
      missingRoles: z.array(z.string()),
      rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
      totalRows: z.number().int(),
    })
    .optional(),
  /** True when nothing was written (a dry run). */
  dryRun: z.boolean().optional(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** What a column of a services spreadsheet can hold, for the column-mapping step. */
export type ColumnRole =
  | 'id'
  | 'name.fi'
  | 'name.sv'
  | 'name.en'
  | 'description.fi'
  | 'description.sv'
  | 'description.en'
  | 'municipalities'
  | 'serviceClasses'
  | 'targetGroups'
  | 'lifeEvents'
  | 'organisation'
  | 'excluded'
  | `meter.${Meter}`;

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'id',
  'name.fi',
  'name.sv',
  'name.en',
  'description.fi',
  'description.sv',
  'description.en',
  'municipalities',
  'serviceClasses',
  'targetGroups',
  'lifeEvents',
  'organisation',
  'excluded',
  ...METERS.map((m) => `meter.${m}` as const),
];

/** A column of an unknown spreadsheet mapped to what it holds (null: ignore the column). */
export const ColumnMappingSchema = z.record(z.string().max(500), z.string().max(60).nullable());

export const CodeItemSchema = z.object({
  code: z.string(),
  label: z.object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() }),
  parent: z.string().optional(),
});
export type CodeItemView = z.infer<typeof CodeItemSchema>;

export const ioMethods = {
  'io.import': command(
    z
      .object({
        /** Chosen by the caller so that it can cancel and follow progress events of this import. */
        importId: z.string().min(1).max(100),
        files: z.array(FileSchema).min(1).max(200),
        format: z.enum(IMPORT_FORMATS).default('auto'),
        onError: z.enum(['skip', 'stop']).default('skip'),
        mapping: ColumnMappingSchema.optional(),
        kind: z.enum(IMPORT_KINDS).default('ecosystem'),
        /** Language of the messages about bad rows (and of names the import creates). */
        lang: LanguageSchema.default('fi'),
        /** Plan and check everything, write nothing, and return what the import would do. */
        dryRun: z.boolean().default(false),
        /** Survey responses: the survey to count them into (an id), or the name of a new one. */
        survey: z.object({ id: IdSchema.optional(), name: z.string().trim().min(1).max(300).optional() }).strict().optional(),
      })
      .strict(),
    ImportSummarySchema,
    { maxBodyBytes: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024 },
  ),
  'io.cancelImport': command(z.object({ importId: z.string().min(1).max(100) }).strict(), z.object({ cancelled: z.boolean() })),
  'io.export': query(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        /** Language of XLSX sheet names and headings, and of the file name's words. */
        lang: LanguageSchema.default('fi'),
        /** XLSX only: a saved matching run, "latest" or its id, instead of the workspace. */
        run: z.union([z.literal('latest'), IdSchema]).optional(),
      })
      .strict(),
    z.object({ files: z.array(z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() })) }),
  ),
  'codes.list': query(
    z.object({ list: z.enum(CODE_LIST_NAMES) }).strict(),
    z.array(CodeItemSchema),
  ),
} satisfies Record<string, MethodSpec>;
