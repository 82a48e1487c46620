import { describe, expect, it } from 'vitest';
import { analysisYears, cbaProblems, computeCba, criticalMass, criticalMassCurve, npvAtOrganisations, tornado, type CbaInput } from './cba';
import { dayNumber, indicatorPlanProblems, indicatorStatus, plannedValue } from './indicator';
import { countLikert, divergingSegments, summariseLikert } from './survey';
import { summariseBudget } from './budget';
import { figureFromRun } from './binding';

// Every expected figure below was computed by hand from the formulas in the issue.

describe('indicator status', () => {
  const plan = { baseline: { date: '2021-01-01', value: 10 }, target: { date: '2023-01-01', value: 20 }, tolerance: 0.1 };

  it('follows the straight path from baseline to target, flat outside it', () => {
    expect(plannedValue(plan.baseline, plan.target, '2022-01-01')).toBe(15); // 365 of 730 days
    expect(plannedValue(plan.baseline, plan.target, '2020-06-01')).toBe(10);
    expect(plannedValue(plan.baseline, plan.target, '2024-01-01')).toBe(20);
  });

  it('is on track on or ahead of the path, at risk within the tolerance, off track beyond it', () => {
    const at = (value: number) => indicatorStatus({ ...plan, direction: 'higher', measurements: [{ date: '2022-01-01', value }] });
    expect(at(15).status).toBe('onTrack');
    expect(at(16).status).toBe('onTrack');
    const risk = at(14.5);
    expect(risk.status).toBe('atRisk');
    expect(risk.expected).toBe(15);
    expect(risk.shortfall).toBeCloseTo(0.5, 12);
    expect(risk.allowed).toBe(1); // 10 % of |20 − 10|
    expect(risk.progress).toBeCloseTo(0.45, 12);
    expect(at(14).status).toBe('atRisk'); // exactly at the allowance
    expect(at(13.9).status).toBe('offTrack');
  });

  it('reads "lower is better" the other way round', () => {
    const lower = { baseline: { date: '2021-01-01', value: 100 }, target: { date: '2023-01-01', value: 50 }, tolerance: 0.1, direction: 'lower' as const };
    expect(indicatorStatus({ ...lower, measurements: [{ date: '2022-01-01', value: 70 }] }).status).toBe('onTrack');
    expect(indicatorStatus({ ...lower, measurements: [{ date: '2022-01-01', value: 79 }] }).status).toBe('atRisk'); // 4 behind, 5 allowed
    expect(indicatorStatus({ ...lower, measurements: [{ date: '2022-01-01', value: 81 }] }).status).toBe('offTrack');
  });

  it('judges the latest measurement by date, not by order of entry', () => {
    const r = indicatorStatus({ ...plan, direction: 'higher', measurements: [{ date: '2022-01-01', value: 30 }, { date: '2021-07-02', value: 11 }] });
    expect(r.latest).toEqual({ date: '2022-01-01', value: 30 });
    expect(r.status).toBe('onTrack');
  });

  it('says why there is no data', () => {
    expect(indicatorStatus({ ...plan, direction: 'higher', measurements: [] })).toEqual({ status: 'noData', reason: 'noMeasurements' });
    expect(indicatorStatus({ tolerance: 0.1, direction: 'higher', target: plan.target, measurements: [{ date: '2022-01-01', value: 1 }] }).reason).toBe('noBaseline');
    expect(indicatorStatus({ tolerance: 0.1, direction: 'higher', baseline: plan.baseline, measurements: [{ date: '2022-01-01', value: 1 }] }).reason).toBe('noTarget');
  });

  it('names plans that cannot be judged and dates that are not dates', () => {
    expect(indicatorPlanProblems({ baseline: { date: '2021-01-01', value: 5 }, target: { date: '2020-01-01', value: 5 }, tolerance: -1 })).toEqual([
      'targetEqualsBaseline',
      'targetBeforeBaseline',
      'toleranceNegative',
    ]);
    expect(indicatorPlanProblems(plan)).toEqual([]);
    expect(() => dayNumber('2021-02-30')).toThrow(RangeError);
    expect(() => dayNumber('1.1.2021')).toThrow(RangeError);
    expect(() => dayNumber('2022-13-01')).toThrow(RangeError);
  });
});

describe('cost–benefit analysis', () => {
  // Fixed cost 100 in 2020; a benefit of 10 per joined organisation in 2021 and 2022; 2 and then 5 organisations; r = 10 %.
  const input: CbaInput = {
    discountRate: 0.1,
    adoption: { 2021: 2, 2022: 5 },
    items: [
      { id: 'build', kind: 'cost', perOrganisation: false, amounts: { 2020: 100 } },
      { id: 'savings', kind: 'benefit', perOrganisation: true, amounts: { 2021: 10, 2022: 10 } },
    ],
  };

  it('discounts to the first year and sums PV, NPV and BCR as stated', () => {
    const r = computeCba(input);
    expect(r.firstYear).toBe(2020);
    expect(r.years.map((y) => y.organisations)).toEqual([0, 2, 5]);
    expect(r.pvCosts).toBe(100);
    expect(r.pvBenefits).toBeCloseTo(20 / 1.1 + 50 / 1.21, 10); // 59.5041…
    expect(r.npv).toBeCloseTo(-40.49587, 4);
    expect(r.bcr).toBeCloseTo(0.595041, 5);
    expect(r.paybackYear).toBeNull();
    expect(r.years[2].cumulativeDiscountedNet).toBeCloseTo(r.npv, 10);
  });

  it('finds the payback year as the first with a cumulative discounted net ≥ 0', () => {
    const r = computeCba({ discountRate: 0, adoption: {}, items: [{ id: 'c', kind: 'cost', perOrganisation: false, amounts: { 2020: 100 } }, { id: 'b', kind: 'benefit', perOrganisation: false, amounts: { 2021: 60, 2022: 60 } }] });
    expect(r.years.map((y) => y.cumulativeDiscountedNet)).toEqual([-100, -40, 20]);
    expect(r.paybackYear).toBe(2022);
    expect(r.bcr).toBeCloseTo(1.2, 12);
  });

  it('finds the critical mass: the smallest whole N with NPV ≥ 0', () => {
    // NPV(N) = 10·(0.4N)/1.1 + 10·N/1.21 − 100 = 11.90083·N − 100 → N ≥ 8.40 → 9.
    expect(npvAtOrganisations(input, 8)).toBeLessThan(0);
    expect(npvAtOrganisations(input, 9)).toBeGreaterThanOrEqual(0);
    expect(criticalMass(input)).toEqual({ organisations: 9, limit: 100_000 });
    const curve = criticalMassCurve(input, 20, 4);
    expect(curve.map((p) => p.organisations)).toEqual([0, 5, 10, 15, 20]);
    expect(curve[0].npv).toBeCloseTo(-100, 10);
  });

  it('says when no number of organisations pays off, or there is nothing to scale', () => {
    const losing: CbaInput = { ...input, items: [input.items[0], { ...input.items[1], kind: 'cost' }] };
    expect(criticalMass(losing)).toEqual({ organisations: null, reason: 'neverPaysOff', limit: 100_000 });
    expect(criticalMass({ ...input, adoption: {} })).toEqual({ organisations: null, reason: 'noAdoption', limit: 100_000 });
    const paysAlone: CbaInput = { ...input, items: [...input.items, { id: 'grant', kind: 'benefit', perOrganisation: false, amounts: { 2020: 150 } }] };
    expect(criticalMass(paysAlone).organisations).toBe(0);
  });

  it('ranks NPV sensitivity in a tornado, widest bar first', () => {
    const t = tornado(input, 0.1);
    expect(t.base).toBeCloseTo(-40.49587, 4);
    expect(t.bars.map((b) => b.id)).toEqual(['build', 'savings', 'discountRate']);
    expect(t.bars[0].low).toBeCloseTo(-50.49587, 4);
    expect(t.bars[0].high).toBeCloseTo(-30.49587, 4);
    expect(t.bars[1].swing).toBeCloseTo(0.2 * 59.50413, 4);
    const at = (r: number) => 20 / (1 + r) + 50 / (1 + r) ** 2 - 100;
    expect(t.bars[2].low).toBeCloseTo(at(0.11), 8);
    expect(t.bars[2].high).toBeCloseTo(at(0.09), 8);
  });

  it('refuses input it cannot compute, with the reasons', () => {
    expect(cbaProblems({ discountRate: 0.03, adoption: {}, items: [] })).toEqual(['noYears']);
    expect(cbaProblems({ ...input, discountRate: -1 })).toEqual(['discountRateTooLow']);
    expect(cbaProblems({ ...input, discountRate: Number.NaN })).toEqual(['discountRateTooLow', 'notFinite']);
    expect(() => computeCba({ ...input, discountRate: -1.5 })).toThrow(/discountRateTooLow/);
    expect(analysisYears({ items: [{ id: 'x', kind: 'cost', perOrganisation: false, amounts: { 2023: 1, 2020: 1 } }], adoption: {} })).toEqual([2020, 2021, 2022, 2023]);
  });
});

describe('Likert summary', () => {
  const c = { counts: { 1: 2, 2: 3, 3: 5, 4: 6, 5: 4 }, cannotSay: 5 };

  it('gives N, the mean without "cannot say" and the share of 4–5', () => {
    const s = summariseLikert(c);
    expect(s.n).toBe(25);
    expect(s.nScale).toBe(20);
    expect(s.mean).toBeCloseTo(3.35, 12); // 67 / 20
    expect(s.shareAgree).toBe(0.5);
    expect(s.shareDisagree).toBe(0.25);
    expect(s.shares.cannotSay).toBe(0.2);
  });

  it('centres the neutral answers on zero in the diverging bar', () => {
    const seg = divergingSegments(c);
    expect(seg.map((x) => [x.option, +x.start.toFixed(3), +x.end.toFixed(3)])).toEqual([
      [1, -0.375, -0.275], // 2 of 20 scale answers
      [2, -0.275, -0.125], // 3 of 20
      [3, -0.125, 0.125],
      [4, 0.125, 0.425],
      [5, 0.425, 0.625],
    ]);
  });

  it('counts raw answers and refuses values off the scale', () => {
    expect(countLikert([1, 5, 5, null, undefined])).toEqual({ counts: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 2 }, cannotSay: 2 });
    expect(() => countLikert([6])).toThrow(RangeError);
    expect(() => countLikert([2.5])).toThrow(RangeError);
    expect(summariseLikert({ counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, cannotSay: 3 }).mean).toBeNull();
  });
});

describe('budget summary', () => {
  it("reproduces the shares of the programme's Table 1", () => {
    const s = summariseBudget([
      { item: 'Ydintehtävät', category: 'core', year: 2020, planned: 418_418 },
      { item: 'AuroraAI-verkko', category: 'network', year: 2020, planned: 6_019_264 },
      { item: 'Toimintamalli', category: 'model', year: 2020, planned: 755_000 },
      { item: 'Osaamisohjelma', category: 'competence', year: 2020, planned: 339_300, actual: 300_000 },
    ]);
    expect(s.planned).toBe(7_531_982);
    expect(s.actual).toBe(300_000);
    expect(s.byCategory.map((g) => [g.key, +(g.share * 100).toFixed(1)])).toEqual([
      ['network', 79.9],
      ['model', 10.0],
      ['core', 5.6],
      ['competence', 4.5],
    ]);
    expect(s.byCategory.find((g) => g.key === 'competence')).toMatchObject({ actual: 300_000, actualMissing: 0 });
    expect(s.byYear).toEqual([{ key: '2020', planned: 7_531_982, actual: 300_000, actualMissing: 3, share: 1 }]);
  });
});

describe('indicators fed by a matching run', () => {
  const run = {
    scope: { lifeEventId: 'le-1', personas: [], needs: [], services: [] },
    totals: { personas: 2, needs: 3, services: 4, personaNeeds: 6, covered: 4, coverage: 0.61834, coverageUnweighted: 0.6667, people: 300 },
    gaps: [
      { need: 'n1', personas: ['p1'], people: 120, weight: 1, bestScore: 0.3, bestService: null },
      { need: 'n2', personas: ['p2'], people: 80, weight: 1, bestScore: 0.2, bestService: null },
    ],
    counters: [{ persona: 'p1', needs: 2, organisations: ['o1', 'o2'], noProvider: ['s9'], count: 3, method: 'exact' as const, candidates: 3, lowerBound: 3, ratio: 1 }],
    equity: [
      { dimension: 'language' as const, groups: [], spread: 0.25, flagged: true },
      { dimension: 'municipality' as const, groups: [], spread: 0.4, flagged: true },
    ],
  };

  it('reads each figure from the run in the units a leader reads', () => {
    expect(figureFromRun({ figure: 'coverage', lifeEvent: 'le-1' }, run)).toBe(61.834);
    expect(figureFromRun({ figure: 'peopleInGaps', lifeEvent: 'le-1' }, run)).toBe(200);
    expect(figureFromRun({ figure: 'countersToVisit', lifeEvent: 'le-1', persona: 'p1' }, run)).toBe(3);
    expect(figureFromRun({ figure: 'equitySpread', lifeEvent: 'le-1' }, run)).toBe(40);
  });

  it('measures nothing the run does not cover', () => {
    expect(figureFromRun({ figure: 'coverage', lifeEvent: 'le-2' }, run)).toBeUndefined();
    expect(figureFromRun({ figure: 'coverage' }, run)).toBeUndefined(); // a whole-workspace indicator, a one-event run
    expect(figureFromRun({ figure: 'countersToVisit', lifeEvent: 'le-1', persona: 'p-none' }, run)).toBeUndefined();
    expect(figureFromRun({ figure: 'countersToVisit', lifeEvent: 'le-1' }, run)).toBeUndefined();
  });
});
