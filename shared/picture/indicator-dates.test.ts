import { describe, expect, it } from 'vitest';
import { dayNumber, latestMeasurement } from './indicator';

// dayNumber checks dates by arithmetic (it runs for every measurement); it must agree with the
// calendar exactly as Date does.
describe('dayNumber', () => {
  it('agrees with the calendar on every day from 1900 to 2100, leap days included', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
    }
  });

  it('refuses days that do not exist', () => {
    for (const bad of ['1900-02-29', '2100-02-29', '2023-02-29', '2021-04-31', '2021-00-10', '2021-01-00', '2021-01-32', '2021-1-01', '20210101', '']) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
    }
    expect(dayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(dayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });

  it('latestMeasurement takes the latest date, the last given on a tie', () => {
    const a = { date: '2022-01-01', value: 1 };
    const b = { date: '2021-12-31', value: 2 };
    const c = { date: '2022-01-01', value: 3 };
    expect(latestMeasurement([a, b, c])).toBe(c);
    expect(latestMeasurement([b, a])).toBe(a);
    expect(latestMeasurement([])).toBeUndefined();
  });
});
