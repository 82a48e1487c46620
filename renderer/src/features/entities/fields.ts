import {
  AREA_TYPES,
  CHANNEL_TYPES,
  FUNDING_TYPES,
  ORGANISATION_TYPES,
  neutralMeters,
  type EntityKind,
} from '../../../../shared/model';

/** How one entity field is edited; the form and the table are both driven by these lists. */
export type FieldSpec =
  | { key: string; type: 'text'; required?: boolean; multiline?: boolean }
  | { key: string; type: 'plain' }
  | { key: string; type: 'url' }
  | { key: string; type: 'select'; options: readonly string[]; optionPrefix: string }
  | { key: string; type: 'codes' }
  | { key: string; type: 'picker'; list: 'serviceClasses' | 'lifeEvents' | 'targetGroups' | 'municipalities' }
  | { key: string; type: 'municipality' }
  | { key: string; type: 'int'; min: number; max: number }
  | { key: string; type: 'bool' }
  | { key: string; type: 'meters' }
  | { key: string; type: 'affinities' };

const name: FieldSpec = { key: 'name', type: 'text', required: true };
const description: FieldSpec = { key: 'description', type: 'text', multiline: true };

export const FIELDS: Record<EntityKind, FieldSpec[]> = {
  organisation: [
    name,
    description,
    { key: 'orgType', type: 'select', options: ORGANISATION_TYPES, optionPrefix: 'orgType' },
    { key: 'businessId', type: 'plain' },
    { key: 'municipality', type: 'municipality' },
    { key: 'ptvId', type: 'plain' },
  ],
  service: [
    name,
    description,
    { key: 'areaType', type: 'select', options: AREA_TYPES, optionPrefix: 'areaType' },
    { key: 'areas', type: 'picker', list: 'municipalities' },
    { key: 'languages', type: 'codes' },
    { key: 'fundingType', type: 'select', options: FUNDING_TYPES, optionPrefix: 'fundingType' },
    { key: 'serviceClasses', type: 'picker', list: 'serviceClasses' },
    { key: 'targetGroups', type: 'picker', list: 'targetGroups' },
    { key: 'lifeEvents', type: 'picker', list: 'lifeEvents' },
    { key: 'ontologyTerms', type: 'codes' },
    { key: 'keywords', type: 'codes' },
    { key: 'capacity', type: 'int', min: 0, max: 10_000_000 },
    { key: 'excluded', type: 'bool' },
    { key: 'meterAffinities', type: 'affinities' },
    { key: 'ptvId', type: 'plain' },
  ],
  channel: [
    name,
    description,
    { key: 'channelType', type: 'select', options: CHANNEL_TYPES, optionPrefix: 'channelType' },
    { key: 'url', type: 'url' },
    { key: 'phone', type: 'plain' },
    { key: 'address', type: 'plain' },
    { key: 'languages', type: 'codes' },
    { key: 'ptvId', type: 'plain' },
  ],
  lifeEvent: [name, description, { key: 'code', type: 'plain' }],
  need: [name, description, { key: 'serviceClasses', type: 'picker', list: 'serviceClasses' }, { key: 'keywords', type: 'codes' }],
  persona: [
    name,
    description,
    { key: 'ageMin', type: 'int', min: 0, max: 120 },
    { key: 'ageMax', type: 'int', min: 0, max: 120 },
    { key: 'municipality', type: 'municipality' },
    { key: 'language', type: 'select', options: ['fi', 'sv', 'en'], optionPrefix: 'language' },
    { key: 'peoplePerYear', type: 'int', min: 0, max: 10_000_000 },
    { key: 'meters', type: 'meters' },
  ],
};

/** A column of the table view beyond the name: which field and how to show it. */
export const COLUMNS: Record<EntityKind, string[]> = {
  organisation: ['orgType', 'municipality'],
  service: ['areaType', 'languages', 'serviceClasses'],
  channel: ['channelType', 'url'],
  lifeEvent: ['code'],
  need: ['serviceClasses'],
  persona: ['ages', 'municipality', 'language', 'peoplePerYear'],
};

/** A new entity's form before anything is typed (a persona needs its required numbers). */
export function emptyDraft(kind: EntityKind): Record<string, unknown> {
  const base: Record<string, unknown> = { kind, name: {}, description: {} };
  if (kind === 'persona') return { ...base, ageMin: 16, ageMax: 29, language: 'fi', peoplePerYear: 0, meters: neutralMeters() };
  return base;
}
