import type { MatchingRun } from '../matching/types';
import type { Indicator } from './schemas';

type Binding = NonNullable<Indicator['binding']>;

/**
 * The value a saved matching run gives an indicator bound to one of its figures, or undefined
 * when the run does not measure it (another life event's scope, a persona not in the run).
 * Coverage and equity spread are in percent (0–100), as leaders read them; people in gaps is
 * people a year; counters to visit is a count of places.
 */
export function figureFromRun(binding: Binding, run: Pick<MatchingRun, 'scope' | 'totals' | 'gaps' | 'counters' | 'equity'>): number | undefined {
  // A life-event indicator is measured only by a run of that life event, never by a wider one.
  if (binding.lifeEvent && run.scope.lifeEventId !== binding.lifeEvent) return undefined;
  if (!binding.lifeEvent && run.scope.lifeEventId) return undefined;
  switch (binding.figure) {
    case 'coverage':
      return round(run.totals.coverage * 100);
    case 'peopleInGaps':
      return run.gaps.reduce((s, g) => s + g.people, 0);
    case 'countersToVisit': {
      if (!binding.persona) return undefined;
      return run.counters.find((c) => c.persona === binding.persona)?.count;
    }
    case 'equitySpread':
      return run.equity.length ? round(Math.max(...run.equity.map((e) => e.spread)) * 100) : undefined;
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
