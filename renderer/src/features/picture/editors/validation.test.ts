import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CbaSettingsSchema, IndicatorSchema, SurveySchema } from '../../../../../shared/picture';
import { issuesToErrors } from './validation';

const errorsOf = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? {} : issuesToErrors(r.error.issues);
};

describe('picture form errors', () => {
  it('keeps the schemas’ own codes at their fields', () => {
    const e = errorsOf(IndicatorSchema, {
      id: 'i',
      kind: 'indicator',
      name: { fi: ' ' },
      direction: 'higher',
      baseline: { date: '2022-01-01', value: 5 },
      target: { date: '2021-01-01', value: 5 },
      measurements: [{ date: '2022-02-30', value: 1 }],
    });
    expect(e).toEqual({
      name: { code: 'text.empty' },
      'measurements.0.date': { code: 'date.invalid' },
      'target.value': { code: 'indicator.targetEqualsBaseline' },
      'target.date': { code: 'indicator.targetBeforeBaseline' },
    });
  });

  it('turns zod’s own checks into codes with their limits', () => {
    expect(errorsOf(CbaSettingsSchema, { id: 'cba', kind: 'cbaSettings', discountRate: -1.5, sensitivity: 2 })).toEqual({
      discountRate: { code: 'cba.discountRateTooLow' },
      sensitivity: { code: 'atMost', values: { max: 1 } },
    });
    const s = errorsOf(SurveySchema, { id: 's', kind: 'survey', name: { fi: 'K' }, questions: [{ id: 'q', text: { fi: 'Q' }, counts: { 1: -1, 2: 0, 3: 1.5, 4: 0, 5: 0 } }] });
    expect(s['questions.0.counts.1']).toEqual({ code: 'atLeast', values: { min: 0 } });
    expect(s['questions.0.counts.3'].code).toMatch(/wholeNumber|number/);
  });
});
