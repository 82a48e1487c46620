import { z } from 'zod';
import { IdSchema, type EntityKind } from './entities';

/** Typed links of the ecosystem graph: which kinds each may connect, source → target. */
export const LINK_TYPES = {
  provides: { source: 'organisation', target: 'service' },
  offeredThrough: { source: 'service', target: 'channel' },
  addresses: { source: 'service', target: 'need' },
  inLifeEvent: { source: 'service', target: 'lifeEvent' },
  hasNeed: { source: 'lifeEvent', target: 'need' },
  personaNeed: { source: 'persona', target: 'need' },
  refersTo: { source: 'service', target: 'service' },
  collaborates: { source: 'organisation', target: 'organisation' },
} as const satisfies Record<string, { source: EntityKind; target: EntityKind }>;

export type LinkType = keyof typeof LINK_TYPES;
export const LinkTypeSchema = z.enum(Object.keys(LINK_TYPES) as [LinkType, ...LinkType[]]);

export const PROVIDER_ROLES = ['responsible', 'producer', 'otherResponsible'] as const;

/**
 * Attributes a link may carry: the provider's role, how important a need is to a persona (1–5), or
 * the evidence a link was made from (e.g. "class P10.2; words: asunto", as the built-in example does).
 */
export const LinkDataSchema = z
  .object({
    role: z.enum(PROVIDER_ROLES).optional(),
    importance: z.number().int().min(1).max(5).optional(),
    evidence: z.string().max(1000).optional(),
  })
  .strict();

export const LinkSchema = z.object({
  id: IdSchema,
  type: LinkTypeSchema,
  source: IdSchema,
  target: IdSchema,
  data: LinkDataSchema.default({}),
});
export type Link = z.infer<typeof LinkSchema>;
export type LinkInput = z.input<typeof LinkSchema>;

/** Why a link of this type may not join these kinds, or null when it may. */
export function linkKindError(type: LinkType, sourceKind: EntityKind, targetKind: EntityKind): string | null {
  const rule = LINK_TYPES[type];
  if (rule.source !== sourceKind || rule.target !== targetKind) return 'link.wrongKinds';
  return null;
}

/** Link types that may join an entity of kind `a` to one of kind `b`, in either direction. */
export function linkTypesBetween(a: EntityKind, b: EntityKind): { type: LinkType; reversed: boolean }[] {
  const out: { type: LinkType; reversed: boolean }[] = [];
  for (const [type, rule] of Object.entries(LINK_TYPES) as [LinkType, { source: EntityKind; target: EntityKind }][]) {
    if (rule.source === a && rule.target === b) out.push({ type, reversed: false });
    else if (rule.source === b && rule.target === a) out.push({ type, reversed: true });
  }
  return out;
}

/** One way an entity of some kind takes part in a link type: as its source (outgoing) or target. */
export interface LinkSide {
  type: LinkType;
  outgoing: boolean;
  otherKind: EntityKind;
}

/** Every link type an entity of this kind can take part in, from either end, in LINK_TYPES order. */
export function linkSidesFor(kind: EntityKind): LinkSide[] {
  const out: LinkSide[] = [];
  for (const [type, rule] of Object.entries(LINK_TYPES) as [LinkType, { source: EntityKind; target: EntityKind }][]) {
    if (rule.source === kind) out.push({ type, outgoing: true, otherKind: rule.target });
    if (rule.target === kind) out.push({ type, outgoing: false, otherKind: rule.source });
  }
  return out;
}
