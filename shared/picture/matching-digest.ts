import type { OptionalText } from '../model';
import type { MatchingRun } from '../matching/types';

/**
 * What the situational picture keeps of the latest saved matching run: its headline figures and
 * gaps, with the names as they were when the run was made. A review freezes it, so that two
 * reviews can tell which gaps opened and which closed between them.
 */
export interface MatchingDigest {
  runId: string;
  createdAt: string;
  label: string | null;
  lifeEventId: string | null;
  /** Weighted share of persona × need pairs covered (0–1). */
  coverage: number;
  personas: number;
  needs: number;
  services: number;
  people: number;
  overlapCount: number;
  /** Every gap, most people first: the need, its name when the run was made, and whom it leaves without. */
  gaps: Array<{ need: string; name: OptionalText; people: number; personas: number }>;
}

/** The digest of one saved run (`names` as saved with it). */
export function digestRun(record: { id: string; createdAt: string; label: string | null; run: Pick<MatchingRun, 'scope' | 'totals' | 'gaps' | 'overlaps'>; names: Record<string, OptionalText> }): MatchingDigest {
  const { run } = record;
  return {
    runId: record.id,
    createdAt: record.createdAt,
    label: record.label,
    lifeEventId: run.scope.lifeEventId,
    coverage: run.totals.coverage,
    personas: run.totals.personas,
    needs: run.totals.needs,
    services: run.totals.services,
    people: run.totals.people,
    overlapCount: run.overlaps.length,
    gaps: run.gaps
      .map((g) => ({ need: g.need, name: record.names[g.need] ?? {}, people: g.people, personas: g.personas.length }))
      .sort((a, b) => b.people - a.people || b.personas - a.personas || (a.need < b.need ? -1 : 1)),
  };
}
