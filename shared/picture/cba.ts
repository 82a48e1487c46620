/**
 * Cost–benefit analysis (kustannus-hyötyanalyysi) with the formulas the situational-picture
 * issue states, kept exactly as stated:
 *   PV(x) = Σ_t x_t / (1 + r)^(t − t0), t0 = the first year of the analysis;
 *   NPV = PV(benefits) − PV(costs); BCR = PV(benefits) / PV(costs);
 *   payback year = the first year whose cumulative discounted net is ≥ 0;
 *   critical mass = the smallest whole N of organisations such that, with the adoption schedule
 *   scaled so that its final count is N (each year's count × N / final count), NPV ≥ 0.
 */

export interface CbaItem {
  id: string;
  kind: 'cost' | 'benefit';
  /** Amount per year (EUR). With `perOrganisation`, the amount for each joined organisation. */
  amounts: Readonly<Record<number, number>>;
  perOrganisation: boolean;
}

export interface CbaInput {
  items: readonly CbaItem[];
  /** Organisations joined by the end of each year, cumulative. Years missing keep the last count. */
  adoption: Readonly<Record<number, number>>;
  /** Discount rate as a fraction (0.035 = 3.5 %); must be > −1. */
  discountRate: number;
}

export interface CbaYear {
  year: number;
  organisations: number;
  costs: number;
  benefits: number;
  discountFactor: number;
  discountedNet: number;
  cumulativeDiscountedNet: number;
}

export interface CbaResult {
  years: CbaYear[];
  firstYear: number;
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  /** null when PV(costs) is 0 (a ratio over nothing is not a number a leader should see). */
  bcr: number | null;
  paybackYear: number | null;
  /** The final cumulative organisation count of the schedule. */
  finalOrganisations: number;
}

export const CRITICAL_MASS_LIMIT = 100_000;

export type CbaProblem = 'noYears' | 'discountRateTooLow' | 'notFinite';

/** What makes the input impossible to compute; empty when it can be computed. */
export function cbaProblems(input: CbaInput): CbaProblem[] {
  const out: CbaProblem[] = [];
  if (analysisYears(input).length === 0) out.push('noYears');
  if (!(input.discountRate > -1)) out.push('discountRateTooLow');
  const values = [...input.items.flatMap((i) => Object.values(i.amounts)), ...Object.values(input.adoption), input.discountRate];
  if (values.some((v) => !Number.isFinite(v))) out.push('notFinite');
  return out;
}

/** Every year from the first to the last year named by any item or the adoption schedule. */
export function analysisYears(input: Pick<CbaInput, 'items' | 'adoption'>): number[] {
  const named = [...input.items.flatMap((i) => Object.keys(i.amounts)), ...Object.keys(input.adoption)].map(Number);
  if (named.length === 0) return [];
  const first = Math.min(...named);
  const last = Math.max(...named);
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/** Cumulative organisations per analysis year, carrying the last stated count forward (0 before the first). */
export function adoptionByYear(adoption: Readonly<Record<number, number>>, years: readonly number[]): number[] {
  let current = 0;
  return years.map((y) => {
    if (adoption[y] !== undefined) current = adoption[y];
    return current;
  });
}

/** Present value of a yearly series with the stated formula. */
export function presentValue(series: readonly { year: number; amount: number }[], rate: number, firstYear: number): number {
  return series.reduce((s, x) => s + x.amount / (1 + rate) ** (x.year - firstYear), 0);
}

function throwIfProblems(input: CbaInput): void {
  const problems = cbaProblems(input);
  if (problems.length) throw new RangeError(`Cost–benefit analysis cannot be computed: ${problems.join(', ')}`);
}

/** Computes the analysis; `scale` multiplies the adoption schedule (critical-mass search uses it). */
export function computeCba(input: CbaInput, scale = 1): CbaResult {
  throwIfProblems(input);
  const years = analysisYears(input);
  const firstYear = years[0];
  const orgs = adoptionByYear(input.adoption, years).map((n) => n * scale);
  let cumulative = 0;
  let pvCosts = 0;
  let pvBenefits = 0;
  let paybackYear: number | null = null;
  const rows: CbaYear[] = years.map((year, k) => {
    let costs = 0;
    let benefits = 0;
    for (const item of input.items) {
      const base = item.amounts[year] ?? 0;
      const amount = item.perOrganisation ? base * orgs[k] : base;
      if (item.kind === 'cost') costs += amount;
      else benefits += amount;
    }
    const discountFactor = 1 / (1 + input.discountRate) ** (year - firstYear);
    pvCosts += costs * discountFactor;
    pvBenefits += benefits * discountFactor;
    const discountedNet = (benefits - costs) * discountFactor;
    cumulative += discountedNet;
    if (paybackYear === null && cumulative >= 0) paybackYear = year;
    return { year, organisations: orgs[k], costs, benefits, discountFactor, discountedNet, cumulativeDiscountedNet: cumulative };
  });
  return {
    years: rows,
    firstYear,
    pvCosts,
    pvBenefits,
    npv: pvBenefits - pvCosts,
    bcr: pvCosts === 0 ? null : pvBenefits / pvCosts,
    paybackYear,
    finalOrganisations: orgs.length ? orgs[orgs.length - 1] / scale : 0,
  };
}

/** NPV when the adoption schedule is scaled so that its final count is `n` organisations. */
export function npvAtOrganisations(input: CbaInput, n: number): number {
  const final = computeCba(input).finalOrganisations;
  if (final <= 0) throw new RangeError('The adoption schedule ends with no organisations; it cannot be scaled.');
  return computeCba(input, n / final).npv;
}

export interface CriticalMass {
  /** Smallest whole N ≥ 0 with NPV ≥ 0 (0: the fixed items alone pay off), or null when none up to the limit reaches it. */
  organisations: number | null;
  /** Why there is no number, when there is none. */
  reason?: 'noAdoption' | 'neverPaysOff';
  limit: number;
}

/**
 * Critical mass by search. NPV(N) is affine in N (per-organisation items scale linearly), so it is
 * monotone: when NPV(0) is short and NPV(limit) reaches 0, bisection finds the smallest N.
 */
export function criticalMass(input: CbaInput, limit = CRITICAL_MASS_LIMIT): CriticalMass {
  if (computeCba(input).finalOrganisations <= 0) return { organisations: null, reason: 'noAdoption', limit };
  const npv = (n: number) => npvAtOrganisations(input, n);
  if (npv(0) >= 0) return { organisations: 0, limit };
  if (npv(limit) < 0) return { organisations: null, reason: 'neverPaysOff', limit };
  let lo = 0; // npv(lo) < 0
  let hi = limit; // npv(hi) ≥ 0
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (npv(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return { organisations: hi, limit };
}

/** NPV(N) at evenly spread N up to `maxN`, for the critical-mass curve. */
export function criticalMassCurve(input: CbaInput, maxN: number, points = 40): Array<{ organisations: number; npv: number }> {
  const step = Math.max(1, Math.ceil(maxN / points));
  const out: Array<{ organisations: number; npv: number }> = [];
  for (let n = 0; n <= maxN; n += step) out.push({ organisations: n, npv: npvAtOrganisations(input, n) });
  if (out[out.length - 1]?.organisations !== maxN) out.push({ organisations: maxN, npv: npvAtOrganisations(input, maxN) });
  return out;
}

export interface TornadoBar {
  /** An item id, or `discountRate`. */
  id: string;
  low: number;
  high: number;
  /** |high − low|: bars are sorted by it, widest first. */
  swing: number;
}

/**
 * Sensitivity of NPV: each item's amounts and the discount rate, in turn, multiplied by
 * (1 − share) and (1 + share) while everything else stays. The rate is varied relatively
 * (3.5 % ± 20 % → 2.8 % … 4.2 %), so a zero rate has no swing.
 */
export function tornado(input: CbaInput, share: number): { base: number; bars: TornadoBar[] } {
  const base = computeCba(input).npv;
  const scaled = (id: string, f: number): CbaInput => ({
    ...input,
    items: input.items.map((i) => (i.id === id ? { ...i, amounts: Object.fromEntries(Object.entries(i.amounts).map(([y, v]) => [y, v * f])) } : i)),
  });
  const bars: TornadoBar[] = input.items.map((i) => {
    const a = computeCba(scaled(i.id, 1 - share)).npv;
    const b = computeCba(scaled(i.id, 1 + share)).npv;
    return { id: i.id, low: Math.min(a, b), high: Math.max(a, b), swing: Math.abs(b - a) };
  });
  const rateLow = computeCba({ ...input, discountRate: input.discountRate * (1 - share) }).npv;
  const rateHigh = computeCba({ ...input, discountRate: input.discountRate * (1 + share) }).npv;
  bars.push({ id: 'discountRate', low: Math.min(rateLow, rateHigh), high: Math.max(rateLow, rateHigh), swing: Math.abs(rateHigh - rateLow) });
  bars.sort((x, y) => y.swing - x.swing || (x.id < y.id ? -1 : 1));
  return { base, bars };
}
