import { summariseBudget, type BudgetSummary } from './budget';
import { cbaProblems, computeCba, criticalMass, tornado, type CbaInput, type CbaProblem, type CbaResult, type CriticalMass, type TornadoBar } from './cba';
import { indicatorStatus, type StatusResult } from './indicator';
import type { CbaItemDoc, CbaSettings, Goal, ImpactBox, ImpactLink, Indicator, PictureItem, Survey } from './schemas';
import { summariseLikert, type LikertSummary } from './survey';
import type { MatchingDigest } from './matching-digest';

/** One indicator with its computed status and the rule's figures. */
export interface IndicatorSummary {
  id: string;
  status: StatusResult;
  measurements: number;
}

export interface CbaSummary {
  /** Why nothing could be computed, when nothing could. */
  problems: CbaProblem[];
  result?: CbaResult;
  criticalMass?: CriticalMass;
  tornado?: { base: number; bars: TornadoBar[] };
  discountRate?: number;
}

export interface SurveySummary {
  id: string;
  /** N as the source reports it when the answer counts are not available. */
  reportedN?: number;
  questions: Array<{ id: string; summary: LikertSummary }>;
}

/** Everything a leader reads, computed from the stored items; a review freezes exactly this. */
export interface PictureSummary {
  goals: Goal[];
  impact: { boxes: ImpactBox[]; links: ImpactLink[] };
  indicators: IndicatorSummary[];
  budget: BudgetSummary;
  cba: CbaSummary;
  surveys: SurveySummary[];
  /** The latest saved matching run, when there is one (a review freezes it with the rest). */
  matching?: MatchingDigest;
}

const byKind = <K extends PictureItem['kind']>(items: readonly PictureItem[], kind: K) =>
  items.filter((i): i is Extract<PictureItem, { kind: K }> => i.kind === kind);

/** The CBA input as the formulas take it, from the stored items and settings. */
export function cbaInput(items: readonly CbaItemDoc[], settings: CbaSettings): CbaInput {
  const numberKeys = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([y, v]) => [Number(y), v]));
  return {
    discountRate: settings.discountRate,
    adoption: numberKeys(settings.adoption),
    items: items.map((i) => ({ id: i.id, kind: i.type, perOrganisation: i.perOrganisation, amounts: numberKeys(i.amounts) })),
  };
}

/** Computes the whole picture: indicator statuses, budget, CBA with critical mass and tornado, surveys. */
export function summarisePicture(items: readonly PictureItem[], matching?: MatchingDigest): PictureSummary {
  const indicators = byKind(items, 'indicator').map((ind: Indicator) => ({
    id: ind.id,
    status: indicatorStatus({ direction: ind.direction, baseline: ind.baseline, target: ind.target, measurements: ind.measurements, tolerance: ind.tolerance }),
    measurements: ind.measurements.length,
  }));
  const budget = summariseBudget(
    byKind(items, 'budgetLine').map((l) => ({ item: l.item, organisation: l.organisation, category: l.category, year: l.year, yearTo: l.yearTo, planned: l.planned, actual: l.actual })),
  );
  const settings = byKind(items, 'cbaSettings')[0];
  let cba: CbaSummary = { problems: ['noYears'] };
  if (settings) {
    const input = cbaInput(byKind(items, 'cbaItem'), settings);
    const problems = cbaProblems(input);
    cba = problems.length
      ? { problems, discountRate: settings.discountRate }
      : { problems, discountRate: settings.discountRate, result: computeCba(input), criticalMass: criticalMass(input), tornado: tornado(input, settings.sensitivity) };
  }
  const surveys = byKind(items, 'survey').map((s: Survey) => ({
    id: s.id,
    ...(s.reportedN !== undefined ? { reportedN: s.reportedN } : {}),
    questions: s.questions.map((q) => ({ id: q.id, summary: summariseLikert({ counts: q.counts, cannotSay: q.cannotSay }) })),
  }));
  return {
    goals: byKind(items, 'goal'),
    impact: { boxes: byKind(items, 'impactBox'), links: byKind(items, 'impactLink') },
    indicators,
    budget,
    cba,
    surveys,
    ...(matching ? { matching } : {}),
  };
}

/** What changed between two reviews, in the order a leader reads it. */
export interface ReviewComparison {
  indicators: Array<{ id: string; before?: { status: string; value?: number }; after?: { status: string; value?: number }; statusChanged: boolean; delta?: number }>;
  budget: {
    plannedBefore: number;
    plannedAfter: number;
    actualBefore: number;
    actualAfter: number;
    /** Categories whose planned or actual money changed (0 where a category did not exist). */
    categories: Array<{ key: string; plannedBefore: number; plannedAfter: number; actualBefore: number; actualAfter: number }>;
  };
  cba: { npvBefore?: number; npvAfter?: number; bcrBefore?: number | null; bcrAfter?: number | null; criticalMassBefore?: number | null; criticalMassAfter?: number | null; paybackBefore?: number | null; paybackAfter?: number | null };
  surveys: Array<{ surveyId: string; questionId: string; meanBefore: number | null; meanAfter: number | null; nBefore: number; nAfter: number }>;
  /** Gaps of the latest matching run in each review; undefined when either review has no run. */
  gaps?: {
    coverageBefore: number;
    coverageAfter: number;
    opened: MatchingDigest['gaps'];
    closed: MatchingDigest['gaps'];
  };
}

function budgetCategoryChanges(a: PictureSummary, b: PictureSummary): ReviewComparison['budget']['categories'] {
  const keys = [...new Set([...a.budget.byCategory.map((g) => g.key), ...b.budget.byCategory.map((g) => g.key)])].sort();
  return keys
    .map((key) => {
      const x = a.budget.byCategory.find((g) => g.key === key);
      const y = b.budget.byCategory.find((g) => g.key === key);
      return { key, plannedBefore: x?.planned ?? 0, plannedAfter: y?.planned ?? 0, actualBefore: x?.actual ?? 0, actualAfter: y?.actual ?? 0 };
    })
    .filter((c) => c.plannedBefore !== c.plannedAfter || c.actualBefore !== c.actualAfter);
}

function gapChanges(a: PictureSummary, b: PictureSummary): ReviewComparison['gaps'] {
  if (!a.matching || !b.matching) return undefined;
  const before = new Set(a.matching.gaps.map((g) => g.need));
  const after = new Set(b.matching.gaps.map((g) => g.need));
  return {
    coverageBefore: a.matching.coverage,
    coverageAfter: b.matching.coverage,
    opened: b.matching.gaps.filter((g) => !before.has(g.need)),
    closed: a.matching.gaps.filter((g) => !after.has(g.need)),
  };
}

/** Compares two frozen summaries: indicators that moved or changed status, budget, CBA and survey changes. */
export function compareSummaries(a: PictureSummary, b: PictureSummary): ReviewComparison {
  const ids = [...new Set([...a.indicators.map((i) => i.id), ...b.indicators.map((i) => i.id)])].sort();
  const find = (s: PictureSummary, id: string) => s.indicators.find((i) => i.id === id);
  const indicators = ids
    .map((id) => {
      const x = find(a, id);
      const y = find(b, id);
      const before = x ? { status: x.status.status, value: x.status.latest?.value } : undefined;
      const after = y ? { status: y.status.status, value: y.status.latest?.value } : undefined;
      const delta = before?.value !== undefined && after?.value !== undefined ? after.value - before.value : undefined;
      return { id, before, after, statusChanged: before?.status !== after?.status, delta };
    })
    .filter((r) => r.statusChanged || (r.delta !== undefined && r.delta !== 0) || (r.before?.value === undefined) !== (r.after?.value === undefined));
  const surveys: ReviewComparison['surveys'] = [];
  for (const s of b.surveys) {
    const old = a.surveys.find((o) => o.id === s.id);
    for (const q of s.questions) {
      const oq = old?.questions.find((o) => o.id === q.id);
      if (!oq || oq.summary.mean !== q.summary.mean || oq.summary.n !== q.summary.n) {
        surveys.push({ surveyId: s.id, questionId: q.id, meanBefore: oq?.summary.mean ?? null, meanAfter: q.summary.mean, nBefore: oq?.summary.n ?? 0, nAfter: q.summary.n });
      }
    }
  }
  const gaps = gapChanges(a, b);
  return {
    indicators,
    budget: {
      plannedBefore: a.budget.planned,
      plannedAfter: b.budget.planned,
      actualBefore: a.budget.actual,
      actualAfter: b.budget.actual,
      categories: budgetCategoryChanges(a, b),
    },
    cba: {
      npvBefore: a.cba.result?.npv,
      npvAfter: b.cba.result?.npv,
      bcrBefore: a.cba.result?.bcr,
      bcrAfter: b.cba.result?.bcr,
      criticalMassBefore: a.cba.criticalMass?.organisations,
      criticalMassAfter: b.cba.criticalMass?.organisations,
      paybackBefore: a.cba.result?.paybackYear,
      paybackAfter: b.cba.result?.paybackYear,
    },
    surveys,
    ...(gaps ? { gaps } : {}),
  };
}
