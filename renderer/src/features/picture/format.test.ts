import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtPercent, numberToText, parseNumber } from './format';

describe('picture number formats', () => {
  it('reads numbers the way people type them and refuses what is not one', () => {
    expect(parseNumber('')).toEqual({ ok: true, value: undefined });
    expect(parseNumber(' 1 234,5 ')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('\u22123')).toEqual({ ok: true, value: -3 });
    expect(parseNumber('0.035')).toEqual({ ok: true, value: 0.035 });
    expect(parseNumber('12a')).toEqual({ ok: false });
    expect(parseNumber('1,2,3')).toEqual({ ok: false });
    expect(parseNumber('-')).toEqual({ ok: false });
  });

  it('writes numbers back for editing with the language’s decimal sign', () => {
    expect(numberToText(1.5, 'fi')).toBe('1,5');
    expect(numberToText(1.5, 'en')).toBe('1.5');
    expect(numberToText(0.1 + 0.2, 'sv')).toBe('0,3');
    expect(numberToText(undefined, 'fi')).toBe('');
  });

  it('shows money and shares in the UI language', () => {
    expect(fmtMoney(7531982, 'fi').replace(/\s/g, ' ')).toBe('7 531 982 €');
    expect(fmtMoney(7531982, 'en')).toBe('€7,531,982');
    expect(fmtPercent(0.055, 'fi').replace(/\s/g, ' ')).toBe('5,5 %');
    expect(fmtPercent(0.799, 'en')).toBe('79.9%');
  });
});
