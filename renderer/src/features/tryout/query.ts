import { METERS, type Entity, type Language, type Link, type MeterValues, type Persona } from '../../../../shared/model';
import type { QueryNeed } from '../../../../shared/recommender';
import type { EngineQuery } from './engine-core';

/** What the try-out controls hold; a persona gives the starting values. */
export interface TryoutState {
  meters: MeterValues;
  useNeeds: boolean;
  text: string;
  municipality: string;
  language: '' | Language;
  ageMin: number | null;
  ageMax: number | null;
  includeNational: boolean;
  limit: number;
}

export const neutral = (): MeterValues => Object.fromEntries(METERS.map((m) => [m, 5])) as MeterValues;

export function stateFromPersona(p: Persona | undefined): TryoutState {
  return {
    meters: p ? { ...p.meters } : neutral(),
    useNeeds: true,
    text: '',
    municipality: p?.municipality ?? '',
    language: p?.language ?? '',
    ageMin: p?.ageMin ?? null,
    ageMax: p?.ageMax ?? null,
    includeNational: true,
    limit: 10,
  };
}

/** A persona's needs with their importance (personaNeed links). */
export function needsOf(personaId: string | undefined, links: readonly Link[]): QueryNeed[] {
  if (!personaId) return [];
  return links
    .filter((l) => l.type === 'personaNeed' && l.source === personaId)
    .map((l) => ({ id: l.target, importance: l.data.importance ?? 3 }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The recommender query the controls describe (the same filters personaQuery derives from a persona). */
export function toQuery(s: TryoutState, needs: QueryNeed[], lang: Language): EngineQuery {
  const ages = s.ageMin !== null && s.ageMax !== null && s.ageMin > s.ageMax ? {} : { ageMin: s.ageMin ?? undefined, ageMax: s.ageMax ?? undefined };
  return {
    meters: s.meters,
    needs: s.useNeeds ? needs : [],
    text: s.text.trim() || undefined,
    filters: {
      municipality: s.municipality || undefined,
      language: s.language || undefined,
      includeNational: s.includeNational,
      ...ages,
    },
    limit: s.limit,
    lang,
  };
}

/** A persona form's draft as a query: what the persona would be offered if saved now. */
export function draftQuery(draft: Record<string, unknown>, personaId: string | undefined, links: readonly Link[], lang: Language, limit: number): EngineQuery {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const state: TryoutState = {
    meters: { ...neutral(), ...((draft.meters as MeterValues | undefined) ?? {}) },
    useNeeds: true,
    text: '',
    municipality: typeof draft.municipality === 'string' ? draft.municipality : '',
    language: draft.language === 'fi' || draft.language === 'sv' || draft.language === 'en' ? draft.language : '',
    ageMin: num(draft.ageMin),
    ageMax: num(draft.ageMax),
    includeNational: true,
    limit,
  };
  return toQuery(state, needsOf(personaId, links), lang);
}

export const isPersona = (e: Entity | undefined): e is Persona => e?.kind === 'persona';
