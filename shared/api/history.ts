import { z } from 'zod';
import { EntityKindSchema } from '../model';

/**
 * What one undoable step did, as a message key with names, so that each client can say it in
 * its user's language ("Kumottu: linkki Kela → Toimeentulo") instead of showing the English
 * sentence the history table has always stored.
 */
const NameSchema = z.object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() });
export const HistoryLabelSchema = z.object({
  /** i18n key under `history.` (e.g. "linkCreate"). */
  key: z.string(),
  /**
   * Values for the message. By convention `kind` is an entity kind, `type` a link type and
   * `reason` a canvas move reason (the client translates those); objects are names in fi/sv/en.
   */
  params: z.record(z.string(), z.union([z.string(), z.number(), NameSchema])).default({}),
  /** Set when the step changed only what one screen shows (positions and views on the map). */
  screen: z.literal('map').optional(),
  /** The entity the step is about, so a client can offer to go to it. */
  entity: z.object({ kind: EntityKindSchema, id: z.string() }).optional(),
});
export type HistoryLabel = z.infer<typeof HistoryLabelSchema>;
export type HistoryName = z.infer<typeof NameSchema>;

// The stored label stays a readable English sentence (CLI, logs, older clients); the structure
// rides after a unit separator, which no typed name contains.
const SEP = '\u001f';

export function encodeLabel(text: string, label: z.input<typeof HistoryLabelSchema>): string {
  return `${text.replaceAll(SEP, ' ')}${SEP}${JSON.stringify(label)}`;
}

/** The English text and, for steps recorded since labels carry structure, the structure. */
export function decodeLabel(stored: string): { text: string; label?: HistoryLabel } {
  const at = stored.indexOf(SEP);
  if (at < 0) return { text: stored };
  const text = stored.slice(0, at);
  try {
    const r = HistoryLabelSchema.safeParse(JSON.parse(stored.slice(at + 1)));
    return r.success ? { text, label: r.data } : { text };
  } catch {
    return { text };
  }
}

/** Names of an entity for a label, cut so one label stays short. */
export function labelName(name: { fi?: string; sv?: string; en?: string } | undefined): HistoryName {
  const out: HistoryName = {};
  for (const l of ['fi', 'sv', 'en'] as const) if (name?.[l]) out[l] = name[l]!.slice(0, 60);
  return out;
}
