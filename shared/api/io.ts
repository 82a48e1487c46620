import { z } from 'zod';
import { ENTITY_KINDS, IdSchema, LanguageSchema, METERS, type Meter } from '../model';
import { command, query, type MethodSpec } from './contract-kit';
import { ImportDuplicatesSchema } from './duplicates';

export const IMPORT_FORMATS = ['auto', 'ptv', 'csv', 'xlsx', 'json', 'graphml'] as const;
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
export const CODE_LIST_NAMES = ['serviceClasses', 'lifeEvents', 'targetGroups', 'municipalities', 'regions', 'wellbeingCounties'] as const;

/** Imports travel as base64 inside JSON; this caps one request (the HTTP door allows it for io.import only). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const FileSchema = z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4) });
const Counts = z.record(z.enum(ENTITY_KINDS), z.number().int());

export const ImportSummarySchema = z.object({
  created: Counts,
  updated: Counts,
  unchanged: Counts,
  links: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), removed: z.number().int() }),
  skipped: z.array(z.object({ file: z.string(), record: z.string(), reason: z.string() })),
  skippedTotal: z.number().int(),
  warnings: z.array(z.object({ reason: z.string(), count: z.number().int(), example: z.string() })),
  duplicates: ImportDuplicatesSchema.optional(),
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
