import { describe, expect, it } from 'vitest';
import { buildBudgetLine, buildCbaItem, buildCbaSettings, buildIndicator, buildSurvey, cbaSettingsDraft, indicatorDraft, newQuestion, surveyDraft } from './drafts';

describe('picture form drafts', () => {
  it('builds an indicator from typed text: decimal commas, percent tolerance, measurements', () => {
    const d = { ...indicatorDraft('fi'), name: { fi: 'Kattavuus' }, unit: '%', baselineValue: '10', baselineDate: '2021-01-01', targetValue: '20,5', targetDate: '2023-01-01', tolerance: '15', measurements: [{ date: '2022-01-01', value: '14,5', note: '', source: 'ajo' }] };
    const b = buildIndicator('ind-1', d);
    expect(b.errors).toEqual({});
    expect(b.item).toMatchObject({ id: 'ind-1', kind: 'indicator', baseline: { date: '2021-01-01', value: 10 }, target: { date: '2023-01-01', value: 20.5 }, tolerance: 0.15, measurements: [{ date: '2022-01-01', value: 14.5, source: 'ajo' }] });
    expect(indicatorDraft('fi', b.item as never).tolerance).toBe('15');
  });

  it('collects every problem at its field: a word for a number, a missing date, a target equal to the baseline', () => {
    const d = { ...indicatorDraft('fi'), name: { fi: 'X' }, baselineValue: '5', baselineDate: '2021-01-01', targetValue: '5', targetDate: '2022-01-01', measurements: [{ date: '', value: 'paljon', note: '', source: '' }] };
    expect(buildIndicator('i', d).errors).toEqual({
      'measurements.0.value': { code: 'number' },
      'measurements.0.date': { code: 'required' },
      'target.value': { code: 'indicator.targetEqualsBaseline' },
    });
    const fixed = { ...d, measurements: [] };
    expect(buildIndicator('i', fixed).errors).toEqual({ 'target.value': { code: 'indicator.targetEqualsBaseline' } });
    expect(buildIndicator('i', { ...fixed, targetValue: '6', targetDate: '' }).errors).toEqual({ 'target.date': { code: 'required' } });
    expect(buildIndicator('i', { ...fixed, targetValue: '6', tolerance: '1200' }).errors).toEqual({ tolerance: { code: 'atMost', values: { max: 1000 } } });
  });

  it('binds an indicator to a matching figure, keeps the binding it had, and lets it go', () => {
    const d = { ...indicatorDraft('fi'), name: { fi: 'Kattavuus' } };
    expect(buildIndicator('i', { ...d, bindingFigure: 'coverage', bindingLifeEvent: 'le-1' }).item).toMatchObject({ binding: { figure: 'coverage', lifeEvent: 'le-1' } });
    const bound = indicatorDraft('fi', { id: 'i', kind: 'indicator', name: { fi: 'K' }, unit: '%', direction: 'higher', tolerance: 0.1, measurements: [], binding: { figure: 'peopleInGaps' } } as never);
    expect(buildIndicator('i', bound).item).toMatchObject({ binding: { figure: 'peopleInGaps' } });
    expect(buildIndicator('i', { ...bound, bindingFigure: '' }).item).not.toHaveProperty('binding');
    // Counters to visit are a persona's: the form asks for one.
    expect(buildIndicator('i', { ...d, bindingFigure: 'countersToVisit' }).errors).toEqual({ bindingPersona: { code: 'required' } });
    expect(buildIndicator('i', { ...d, bindingFigure: 'countersToVisit', bindingPersona: 'per-1' }).item).toMatchObject({ binding: { figure: 'countersToVisit', persona: 'per-1' } });
  });

  it('reads budget lines, refusing a word for money', () => {
    expect(buildBudgetLine('b', { item: 'Verkosto', category: 'Kehitys', organisation: '', year: '2021', planned: '6 019 264', actual: '' }).item).toEqual({ id: 'b', kind: 'budgetLine', item: 'Verkosto', category: 'Kehitys', year: 2021, planned: 6019264 });
    expect(buildBudgetLine('b', { item: '', category: 'K', organisation: '', year: '21', planned: 'x', actual: '' }).errors).toEqual({ planned: { code: 'number' }, item: { code: 'required' }, year: { code: 'year.invalid' } });
  });

  it('reads CBA amounts per year and refuses duplicate years, no years, and a rate of −100 %', () => {
    expect(buildCbaItem('c', { name: { fi: 'Liittyminen' }, type: 'cost', perOrganisation: true, amounts: [{ year: '2023', value: '10000' }, { year: '2024', value: '5000' }] }).item).toEqual({ id: 'c', kind: 'cbaItem', name: { fi: 'Liittyminen' }, description: {}, type: 'cost', perOrganisation: true, amounts: { 2023: 10000, 2024: 5000 } });
    expect(buildCbaItem('c', { name: { fi: 'L' }, type: 'cost', perOrganisation: false, amounts: [{ year: '2023', value: '1' }, { year: '2023', value: '2' }] }).errors).toEqual({ 'amounts.1.year': { code: 'year.duplicate' } });
    expect(buildCbaItem('c', { name: { fi: 'L' }, type: 'cost', perOrganisation: false, amounts: [] }).errors).toEqual({ amounts: { code: 'cba.noYears' } });
    const s = { ...cbaSettingsDraft('fi'), discountRate: '-100' };
    expect(buildCbaSettings(s).errors).toEqual({ discountRate: { code: 'cba.discountRateTooLow' } });
    expect(buildCbaSettings({ ...s, discountRate: '3,5', adoption: [{ year: '2023', value: '-2' }] }).errors).toEqual({ 'adoption.0.value': { code: 'atLeast', values: { min: 0 } } });
    expect(buildCbaSettings({ ...s, discountRate: '3,5', adoption: [{ year: '2023', value: '20' }] }).item).toMatchObject({ discountRate: 0.035, sensitivity: 0.2, adoption: { 2023: 20 } });
  });

  it('reads typed survey counts, "cannot say" included, and refuses a fraction', () => {
    const q = { ...newQuestion('q1'), text: { fi: 'Tavoite on tärkeä' }, counts: { 1: '1', 2: '2', 3: '3', 4: '10', 5: '20', cannotSay: '4' } };
    expect(buildSurvey('s', { name: { fi: 'Kysely' }, date: '', questions: [q] }).item).toEqual({ id: 's', kind: 'survey', name: { fi: 'Kysely' }, questions: [{ id: 'q1', text: { fi: 'Tavoite on tärkeä' }, counts: { 1: 1, 2: 2, 3: 3, 4: 10, 5: 20 }, cannotSay: 4 }] });
    expect(buildSurvey('s', { name: { fi: 'Kysely' }, date: '', questions: [{ ...q, counts: { ...q.counts, 3: '2,5' } }] }).errors).toEqual({ 'questions.0.counts.3': { code: 'count' } });
  });

  it('keeps what the form does not edit: the source and a workshop self-assessment’s link', () => {
    const stored = {
      id: 's',
      kind: 'survey' as const,
      name: { fi: 'Peili: VM (2026-03-02)' },
      date: '2026-03-02',
      provenance: 'Työpaja 2.3.2026',
      assessment: { series: 'mirror-assess', organisation: 'org-vm', session: 'ws-1', title: 'Peili' },
      questions: [{ id: 'q1', text: { fi: 'Tieto kulkee' }, counts: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }, cannotSay: 0 }],
    };
    const d = surveyDraft(stored);
    d.questions[0].counts[5] = '2';
    const built = buildSurvey('s', d).item as typeof stored;
    expect(built.assessment).toEqual(stored.assessment);
    expect(built.provenance).toBe('Työpaja 2.3.2026');
    expect(built.questions[0].counts[5]).toBe(2);
  });
});
