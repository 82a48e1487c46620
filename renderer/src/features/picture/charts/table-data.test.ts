import { describe, expect, it } from 'vitest';
import { displayCell, exportable } from './table-data';

describe('chart tables', () => {
  it('exports raw numbers with units in the headings and shares as percentages', () => {
    const t = { title: 'Budjetti', columns: [{ header: 'Luokka' }, { header: 'Suunniteltu', kind: 'money' as const }, { header: 'Osuus', kind: 'percent' as const }], rows: [['Verkosto', 6019264, 0.79916], ['Muu', null, null]] };
    expect(exportable(t)).toEqual({ title: 'Budjetti', headers: ['Luokka', 'Suunniteltu (EUR)', 'Osuus (%)'], rows: [['Verkosto', 6019264, 79.9], ['Muu', null, null]] });
  });
  it('shows empty cells as a dash and numbers in the UI language', () => {
    expect(displayCell(null, 'money', 'fi')).toBe('–');
    expect(displayCell(0.5, 'percent', 'en')).toBe('50%');
    expect(displayCell(1234.567, 'number', 'en')).toBe('1,234.57');
  });
});
