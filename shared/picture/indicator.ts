/**
 * Indicator status (tilannekuva): where the latest measurement stands against the straight path
 * from baseline to target at that measurement's date. The rule is returned with its numbers so
 * that the UI can show it next to the status, never hidden.
 */

export type Direction = 'higher' | 'lower';
export type IndicatorStatus = 'onTrack' | 'atRisk' | 'offTrack' | 'noData';

/** A value at a date (ISO `YYYY-MM-DD`). */
export interface DatedValue {
  date: string;
  value: number;
}

export interface StatusInput {
  direction: Direction;
  baseline?: DatedValue;
  target?: DatedValue;
  measurements: readonly DatedValue[];
  /**
   * How far behind the planned path still counts as "at risk" rather than "off track", as a
   * share of the whole planned change |target − baseline| (0.1 = 10 %).
   */
  tolerance: number;
}

/** The status with every figure the rule used, so that a reader can check it. */
export interface StatusResult {
  status: IndicatorStatus;
  /** Why the status is noData, when it is. */
  reason?: 'noMeasurements' | 'noBaseline' | 'noTarget';
  latest?: DatedValue;
  /** The value the straight path expects at the latest measurement's date. */
  expected?: number;
  /** How far the latest value is behind the path, in the indicator's unit (≤ 0: on or ahead of it). */
  shortfall?: number;
  /** The shortfall that still counts as "at risk": tolerance × |target − baseline|. */
  allowed?: number;
  /** Share of the planned change achieved by the latest value (1 = target reached). */
  progress?: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970 of an ISO date; throws on a date that is not one. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // Checked by arithmetic rather than by building Date objects: this runs for every measurement.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (mo < 1 || mo > 12 || d < 1 || d > days) throw new RangeError(`Not a date: ${date}`);
  return Math.round(Date.UTC(y, mo - 1, d) / DAY_MS);
}

/** The latest measurement by date (the last given wins a tie, as the most recent entry). */
export function latestMeasurement(ms: readonly DatedValue[]): DatedValue | undefined {
  let best: DatedValue | undefined;
  let bestDay = -Infinity;
  for (const m of ms) {
    const day = dayNumber(m.date);
    if (day >= bestDay) {
      best = m;
      bestDay = day;
    }
  }
  return best;
}

/** Where the straight path from baseline to target stands at a date (flat before and after it). */
export function plannedValue(baseline: DatedValue, target: DatedValue, date: string): number {
  const b = dayNumber(baseline.date);
  const t = dayNumber(target.date);
  const d = dayNumber(date);
  if (t <= b) return target.value;
  const f = Math.min(1, Math.max(0, (d - b) / (t - b)));
  return baseline.value + (target.value - baseline.value) * f;
}

/** Problems that make an indicator's plan meaningless; empty when the plan can be judged. */
export function indicatorPlanProblems(input: Pick<StatusInput, 'baseline' | 'target' | 'tolerance'>): Array<'targetEqualsBaseline' | 'targetBeforeBaseline' | 'toleranceNegative'> {
  const out: Array<'targetEqualsBaseline' | 'targetBeforeBaseline' | 'toleranceNegative'> = [];
  if (input.baseline && input.target) {
    if (input.target.value === input.baseline.value) out.push('targetEqualsBaseline');
    if (dayNumber(input.target.date) <= dayNumber(input.baseline.date)) out.push('targetBeforeBaseline');
  }
  if (!(input.tolerance >= 0)) out.push('toleranceNegative');
  return out;
}

/**
 * On track: the latest value is on or ahead of the planned path at its date. At risk: behind it
 * by at most tolerance × |target − baseline|. Off track: further behind. No data: no
 * measurement, baseline or target.
 */
export function indicatorStatus(input: StatusInput): StatusResult {
  const latest = latestMeasurement(input.measurements);
  if (!latest) return { status: 'noData', reason: 'noMeasurements' };
  if (!input.baseline) return { status: 'noData', reason: 'noBaseline', latest };
  if (!input.target) return { status: 'noData', reason: 'noTarget', latest };
  const sign = input.direction === 'higher' ? 1 : -1;
  const expected = plannedValue(input.baseline, input.target, latest.date);
  const shortfall = sign * (expected - latest.value);
  const span = Math.abs(input.target.value - input.baseline.value);
  const allowed = Math.max(0, input.tolerance) * span;
  const progress = span === 0 ? (sign * (latest.value - input.target.value) >= 0 ? 1 : 0) : (sign * (latest.value - input.baseline.value)) / span;
  // A tiny epsilon keeps exact-on-the-line values on track despite floating-point interpolation.
  const eps = 1e-9 * Math.max(1, Math.abs(expected));
  const status: IndicatorStatus = shortfall <= eps ? 'onTrack' : shortfall <= allowed + eps ? 'atRisk' : 'offTrack';
  return { status, latest, expected, shortfall, allowed, progress };
}
