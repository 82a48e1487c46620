import { z } from 'zod';
import { IdSchema, LanguageSchema } from '../model';
import { PICTURE_ITEM_KINDS, PictureItemSchema, type PictureSummary, type ReviewComparison } from '../picture';
import { command, Empty, query, type MethodSpec } from './contract-kit';

/** A review: the whole picture frozen at one moment; later edits never change it. */
export const ReviewInfoSchema = z.object({ id: z.string(), label: z.string(), createdAt: z.string() });
export type ReviewInfo = z.infer<typeof ReviewInfoSchema>;

// Summaries are computed by shared/picture from validated items; their shape is that code's type.
const SummarySchema = z.custom<PictureSummary>((v) => typeof v === 'object' && v !== null && 'indicators' in v);
const ComparisonSchema = z.custom<ReviewComparison>((v) => typeof v === 'object' && v !== null && 'indicators' in v);

/** What the report is made of: the language, and a saved review instead of the current picture. */
export const ReportRequestSchema = z.object({ lang: LanguageSchema.default('fi'), review: z.string().min(1).max(100).optional() }).strict();
export type ReportRequest = z.input<typeof ReportRequestSchema>;

/**
 * The desktop window's PDF of the report: answered by the Electron main process itself (save
 * dialog, then its own engine prints the HTML), never by the registry, so no HTTP caller can
 * reach it. Input: ReportRequest; value: where it was saved, or that the user cancelled.
 */
export const DESKTOP_REPORT_PDF = 'desktop.reportPdf';
export type DesktopReportPdfResult = { saved: true; path: string } | { saved: false };

/** The name a report file is offered under, e.g. `tilannekuva-2026-01-15.html`. */
export function reportFileName(lang: z.infer<typeof LanguageSchema>, date: Date, ext: 'html' | 'pdf'): string {
  const stem = { fi: 'tilannekuva', sv: 'lagesbild', en: 'situational-picture' }[lang];
  return `${stem}-${date.toISOString().slice(0, 10)}.${ext}`;
}

export const pictureMethods = {
  'picture.list': query(z.object({ kind: z.enum(PICTURE_ITEM_KINDS).optional() }).strict().default({}), z.array(PictureItemSchema)),
  /** Creates or replaces one item; references to other items and entities are checked. */
  'picture.put': command(z.object({ item: PictureItemSchema }).strict(), PictureItemSchema),
  /** Deletes an item; impact links that touch a deleted box go with it (and come back on undo). */
  'picture.delete': command(z.object({ id: IdSchema }).strict(), z.object({ deletedLinks: z.number().int() })),
  'picture.summary': query(Empty, SummarySchema),
  'picture.saveReview': command(z.object({ label: z.string().trim().min(1).max(200) }).strict(), ReviewInfoSchema),
  'picture.reviews': query(Empty, z.array(ReviewInfoSchema)),
  'picture.review': query(z.object({ id: z.string().min(1).max(100) }).strict(), z.object({ info: ReviewInfoSchema, summary: SummarySchema, items: z.array(PictureItemSchema) })),
  /** The whole picture as one self-contained HTML file (inline SVG, no external requests). */
  'picture.report': query(ReportRequestSchema, z.object({ html: z.string() })),
  'picture.compareReviews': query(z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) }).strict(), ComparisonSchema),
  /** One table of the dashboard (the numbers behind a chart) as a CSV or XLSX file for download. */
  'picture.exportTable': query(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        headers: z.array(z.string().max(300)).min(1).max(200),
        rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.null()])).max(200)).max(200_000),
        format: z.enum(['csv', 'xlsx']),
      })
      .strict(),
    z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
  ),
} satisfies Record<string, MethodSpec>;
