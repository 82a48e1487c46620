import { z } from 'zod';
import { LocalizedTextSchema, OptionalTextSchema } from './text';
import { MeterAffinitiesSchema, MeterValuesSchema } from './meters';

/** Entity kinds of the service ecosystem, in the order the UI lists them. */
export const ENTITY_KINDS = ['organisation', 'service', 'channel', 'lifeEvent', 'need', 'persona'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const EntityKindSchema = z.enum(ENTITY_KINDS);

export const IdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'id.format');

const code = z.string().min(1).max(100);
const codes = z.array(code).max(500).default([]);

const base = {
  id: IdSchema,
  name: LocalizedTextSchema,
  description: OptionalTextSchema.default({}),
  /** Identifier in the national service catalogue (PTV), when the record came from there. */
  ptvId: z.string().max(100).optional(),
  tags: z.array(z.string().max(100)).max(100).default([]),
};

export const ORGANISATION_TYPES = ['state', 'municipality', 'wellbeingCounty', 'ngo', 'company', 'other'] as const;
export const OrganisationSchema = z.object({
  ...base,
  kind: z.literal('organisation'),
  orgType: z.enum(ORGANISATION_TYPES).default('other'),
  businessId: z.string().max(20).optional(),
  municipality: code.optional(),
});

export const AREA_TYPES = ['nationwide', 'nationwideExceptAland', 'limited'] as const;
export const FUNDING_TYPES = ['public', 'market', 'other'] as const;
export const ServiceSchema = z.object({
  ...base,
  kind: z.literal('service'),
  serviceClasses: codes,
  targetGroups: codes,
  lifeEvents: codes,
  ontologyTerms: codes,
  areaType: z.enum(AREA_TYPES).default('nationwide'),
  /** Municipality codes (or region / wellbeing-county codes) when areaType is limited. */
  areas: codes,
  languages: z.array(z.string().min(2).max(10)).max(50).default([]),
  fundingType: z.enum(FUNDING_TYPES).default('public'),
  keywords: z.array(z.string().max(200)).max(500).default([]),
  meterAffinities: MeterAffinitiesSchema.optional(),
  /** Marked as not to be recommended (the labelling sheet's "EI MUKAAN"). */
  excluded: z.boolean().default(false),
  /** People a year the service can take, when known. */
  capacity: z.number().int().min(0).optional(),
});

export const CHANNEL_TYPES = ['webPage', 'eChannel', 'phone', 'serviceLocation', 'printableForm'] as const;
export const ChannelSchema = z.object({
  ...base,
  kind: z.literal('channel'),
  channelType: z.enum(CHANNEL_TYPES).default('webPage'),
  url: z.string().max(2000).optional(),
  phone: z.string().max(100).optional(),
  address: z.string().max(1000).optional(),
  languages: z.array(z.string().min(2).max(10)).max(50).default([]),
});

export const LifeEventSchema = z.object({
  ...base,
  kind: z.literal('lifeEvent'),
  /** PTV life-event code (KE1…KE14 and sub-events), when it maps to one. */
  code: code.optional(),
});

export const NeedSchema = z.object({
  ...base,
  kind: z.literal('need'),
  serviceClasses: codes,
  keywords: z.array(z.string().max(200)).max(200).default([]),
});

export const PersonaSchema = z
  .object({
    ...base,
    kind: z.literal('persona'),
    ageMin: z.number().int().min(0).max(120),
    ageMax: z.number().int().min(0).max(120),
    municipality: code.optional(),
    language: z.enum(['fi', 'sv', 'en']).default('fi'),
    meters: MeterValuesSchema,
    peoplePerYear: z.number().int().min(0).max(10_000_000).default(0),
    /** Services a facilitator expects this persona to be offered (for evaluation). */
    expectedServices: z.array(IdSchema).max(200).default([]),
  })
  .refine((p) => p.ageMin <= p.ageMax, { message: 'persona.ageRange', path: ['ageMax'] });

export const EntitySchema = z.discriminatedUnion('kind', [
  OrganisationSchema,
  ServiceSchema,
  ChannelSchema,
  LifeEventSchema,
  NeedSchema,
  PersonaSchema,
]);

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type LifeEvent = z.infer<typeof LifeEventSchema>;
export type Need = z.infer<typeof NeedSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Entity = z.infer<typeof EntitySchema>;
/** What a caller writes: defaults not yet applied. */
export type EntityInput = z.input<typeof EntitySchema>;
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;
