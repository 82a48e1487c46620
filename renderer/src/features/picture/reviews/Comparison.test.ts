import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { compareSummaries, summarisePicture, type PictureItem } from '../../../../../shared/picture';
import { en } from '../../../i18n/en';
import { comparisonLines } from './Comparison';

const t = i18next.createInstance();
await t.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });

const indicator = (value: number): PictureItem => ({
  id: 'ind',
  kind: 'indicator',
  name: { en: 'Coverage' },
  unit: '%',
  direction: 'higher',
  baseline: { date: '2021-01-01', value: 10 },
  target: { date: '2023-01-01', value: 20 },
  tolerance: 0.1,
  measurements: [{ date: '2022-01-01', value }],
});
const line = (planned: number, actual?: number): PictureItem => ({ id: 'b1', kind: 'budgetLine', item: 'Network', category: 'Network', year: 2021, planned, ...(actual !== undefined ? { actual } : {}) });
const digest = (gaps: string[]) => ({ runId: 'r', createdAt: '2026-01-01T00:00:00Z', label: null, lifeEventId: null, coverage: 0.5, personas: 1, needs: 2, services: 3, people: 10, overlapCount: 0, gaps: gaps.map((need) => ({ need, name: { en: need.toUpperCase() }, people: 5, personas: 1 })) });

describe('review comparison as sentences', () => {
  it('says what moved, in groups, with units and signs', () => {
    const before = summarisePicture([indicator(14.5), line(100)], digest(['a', 'b']));
    const after = summarisePicture([indicator(19), line(150, 120)], { ...digest(['b', 'c']), coverage: 0.6 });
    const lines = comparisonLines(compareSummaries(before, after), t.t.bind(t), 'en', (id) => (id === 'ind' ? 'Coverage' : id), [indicator(19)]);
    expect(lines).toEqual([
      { group: 'Indicators', lines: ['Coverage: latest value 14.5 % → 19 % (+4.5 %); status At risk → On track'] },
      { group: 'Matching', lines: ['Coverage 50% → 60%', 'New gap: C (5 people a year)', 'Gap closed: A (5 people a year)'] },
      { group: 'Budget', lines: ['Planned in total €100 → €150 (+€50)', 'Actual in total €0 → €120', 'Network: planned €100 → €150, actual €0 → €120'] },
    ]);
  });

  it('says so when nothing changed', () => {
    const s = summarisePicture([indicator(14.5)]);
    expect(comparisonLines(compareSummaries(s, s), t.t.bind(t), 'en', (id) => id, [])).toEqual([]);
  });
});
