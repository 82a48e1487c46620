import { z } from 'zod';

/** Languages the UI and domain text support; Finnish is the default. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

const textPart = z.string().max(20_000).optional();

/** Multilingual domain text `{ fi, sv?, en? }`: at least one language must be non-empty. */
export const LocalizedTextSchema = z
  .object({ fi: textPart, sv: textPart, en: textPart })
  .strict()
  .refine((t) => Boolean(t.fi?.trim() || t.sv?.trim() || t.en?.trim()), {
    message: 'text.empty',
  });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Optional multilingual text: may be entirely empty. */
export const OptionalTextSchema = z.object({ fi: textPart, sv: textPart, en: textPart }).strict();
export type OptionalText = z.infer<typeof OptionalTextSchema>;

/** Picks the best available translation: the wanted language, then fi, sv, en. */
export function pickText(text: OptionalText | undefined, lang: Language): string {
  if (!text) return '';
  const order: Language[] = [lang, 'fi', 'sv', 'en'];
  for (const l of order) {
    const v = text[l]?.trim();
    if (v) return v;
  }
  return '';
}
