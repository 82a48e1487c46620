/**
 * The hand-entered part of the built-in example workspace, as checked data: the organisations after
 * the 2023 wellbeing-county reform, the needs, life events, channels without a PTV id, which PTV
 * services the example holds (and who runs them), referrals, collaboration, personas and the texts
 * of the workspace itself. It lives in nuoret-kiinni-yhteiskunnassa.data.json and is validated here,
 * so a typo in a key (an unknown organisation, need or channel) fails before anything is built.
 * What the data says (names, classes, areas, languages of PTV records) is not in the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CHANNEL_TYPES, FUNDING_TYPES, ORGANISATION_TYPES, METERS } from '../../shared/model';
import { NEED_RULES } from './evidence-rules';

export const EXAMPLE_DATA_FILE = path.resolve(__dirname, 'nuoret-kiinni-yhteiskunnassa.data.json');

const Lang = z.enum(['fi', 'sv', 'en']);
const Text = z.object({ fi: z.string().min(1).optional(), sv: z.string().min(1).optional(), en: z.string().min(1).optional() }).strict();
const FullText = z.object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) }).strict();
const PtvUuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const Key = z.string().regex(/^[a-z0-9-]+$/);
const Place = z.enum(['oulu', 'turku', 'mikkeli']);

const Organisation = z
  .object({
    name: Text,
    orgType: z.enum(ORGANISATION_TYPES),
    description: Text,
    municipality: z.string().regex(/^\d{3}$/).optional(),
    /** Only ids that occur in the data. */
    ptvId: PtvUuid.optional(),
    businessId: z.string().optional(),
    /** Wellbeing services county code in codes/wellbeing-counties.json: the name is taken from there. */
    countyCode: z.string().optional(),
    tags: z.array(z.string()).optional(),
  })
  .strict();

const Need = z
  .object({
    name: FullText,
    description: Text,
    /** Words for the recommender's text evidence (the need's `keywords`). */
    keywords: z.array(z.string().min(1)),
  })
  .strict();

const LifeEvent = z
  .object({
    /** A PTV life-event code: its name is read from the code list when `name` has no Finnish. */
    code: z.string().regex(/^KE\d+(\.\d+)*$/).optional(),
    name: Text,
    description: Text,
    /** The life event's needs (hasNeed). */
    needs: z.array(Key),
    /** Needs that put a service in the life event (inLifeEvent); 'all' for the one the services were chosen for. */
    coreNeeds: z.union([z.literal('all'), z.array(Key)]),
    tags: z.array(z.string()),
  })
  .strict();

const Channel = z
  .object({
    /** Legacy channel file id (ptv/legacy/channels) or a channel named by the v11 service record. */
    ptv: PtvUuid.optional(),
    channelType: z.enum(CHANNEL_TYPES),
    /** Hand-entered names win over the record's in the languages they give. */
    name: Text.optional(),
    description: Text.optional(),
    url: z.string().url().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    languages: z.array(Lang).optional(),
  })
  .strict();

const Service = z
  .object({
    ptv: PtvUuid,
    providers: z.array(z.tuple([Key, z.enum(['responsible', 'producer', 'otherResponsible'])])).min(1),
    /** General description (pohjakuvaus) id, for sv/en names, classes, target groups, ontology terms. */
    gd: PtvUuid.optional(),
    /** false: the general description's short sv/en texts do not describe this service. */
    gdDescription: z.boolean().optional(),
    /** sv/en names where the data has none. */
    name: Text.optional(),
    /** Shown after the name, so that e.g. three "Etsivä nuorisotyö" nodes can be told apart. */
    place: Place.optional(),
    fundingType: z.enum(FUNDING_TYPES).optional(),
    channels: z.array(Key).optional(),
    /** Appended to the Finnish description. */
    note: z.string().optional(),
  })
  .strict();

const Persona = z
  .object({
    key: Key,
    name: FullText,
    description: Text,
    ageMin: z.number().int().min(0),
    ageMax: z.number().int().max(120),
    municipality: z.string().regex(/^\d{3}$/),
    language: Lang,
    meters: z.object(Object.fromEntries(METERS.map((m) => [m, z.number().min(0).max(10)])) as Record<(typeof METERS)[number], z.ZodNumber>).strict(),
    peoplePerYear: z.number().int().min(0),
    needs: z.array(z.tuple([Key, z.number().int().min(1).max(5)])),
  })
  .strict();

export const ExampleDataSchema = z
  .object({
    $comment: z.string().optional(),
    title: FullText,
    description: FullText,
    /** One line per source; joined with newlines into the workspace's provenance. */
    provenance: z.array(z.string().min(1)).min(1),
    organisations: z.record(Key, Organisation),
    /** Languages an organisation must serve in under the Language Act (423/2003). */
    orgLanguages: z.record(Key, z.array(Lang).min(1)),
    needs: z.record(Key, Need),
    lifeEvents: z.record(Key, LifeEvent),
    channels: z.record(Key, Channel),
    services: z.array(Service),
    /** Referrals between services, by the first 8 characters of their PTV ids. */
    refersTo: z.array(z.tuple([z.string().length(8), z.string().length(8)])),
    collaborates: z.array(z.tuple([Key, Key])),
    personas: z.array(Persona),
    placeNames: z.record(Place, FullText),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const orgs = new Set(Object.keys(d.organisations));
    const needs = new Set(Object.keys(d.needs));
    const prefixes = new Set(d.services.map((s) => s.ptv.slice(0, 8)));
    for (const o of orgs) if (!d.orgLanguages[o]) problem(`organisation ${o} has no Language-Act languages`);
    for (const n of needs) if (!NEED_RULES[n]) problem(`need ${n} has no rule in evidence-rules.ts`);
    for (const n of Object.keys(NEED_RULES)) if (!needs.has(n)) problem(`rule ${n} has no need`);
    for (const [key, le] of Object.entries(d.lifeEvents)) {
      for (const n of [...le.needs, ...(le.coreNeeds === 'all' ? [] : le.coreNeeds)]) if (!needs.has(n)) problem(`life event ${key}: unknown need ${n}`);
      if (!le.code && !le.name.fi) problem(`life event ${key} has neither a code nor a Finnish name`);
    }
    for (const s of d.services) {
      for (const [o] of s.providers) if (!orgs.has(o)) problem(`service ${s.ptv}: unknown organisation ${o}`);
      for (const c of s.channels ?? []) if (!d.channels[c]) problem(`service ${s.ptv}: unknown channel ${c}`);
    }
    if (prefixes.size !== d.services.length) problem('two services share the first 8 characters of their PTV id');
    for (const [a, b] of d.refersTo) for (const p of [a, b]) if (!prefixes.has(p)) problem(`refersTo: unknown service ${p}`);
    for (const [a, b] of d.collaborates) for (const o of [a, b]) if (!orgs.has(o)) problem(`collaborates: unknown organisation ${o}`);
    for (const p of d.personas) {
      for (const [n] of p.needs) if (!needs.has(n)) problem(`persona ${p.key}: unknown need ${n}`);
      if (p.ageMin > p.ageMax) problem(`persona ${p.key}: ageMin above ageMax`);
    }
  });

export type ExampleData = z.infer<typeof ExampleDataSchema>;
export type ServiceSpec = ExampleData['services'][number];
export type PersonaSpec = ExampleData['personas'][number];

/** Reads and validates the example's hand-entered data; a problem names its path in the file. */
export function readExampleData(file = EXAMPLE_DATA_FILE): ExampleData {
  const parsed = ExampleDataSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path.basename(file)}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('\n  ')}`);
  }
  return parsed.data;
}
