import { describe, expect, it } from 'vitest';
import { METERS } from '../model';
import { explain, explainSentences, joinList, METER_NAMES, STRINGS, t } from './explain';
import type { ExplanationPart } from './types';

describe('strings table', () => {
  it('has every sentence in Finnish, Swedish and English with the same placeholders', () => {
    for (const [key, byLang] of Object.entries(STRINGS)) {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of ['fi', 'sv', 'en'] as const) expect(byLang[lang], `${key}.${lang}`).toBeTruthy();
      expect(holes(byLang.sv), key).toEqual(holes(byLang.fi));
      expect(holes(byLang.en), key).toEqual(holes(byLang.fi));
    }
  });
  it('names every meter in all three languages', () => {
    for (const m of METERS) for (const lang of ['fi', 'sv', 'en'] as const) expect(METER_NAMES[m][lang]).toBeTruthy();
  });
});

describe('explain', () => {
  const parts: ExplanationPart[] = [
    { kind: 'meter', meter: 'housing', value: 1, affinity: 1, source: 'label', words: [], points: 0.8 },
    { kind: 'meter', meter: 'finance', value: 4, affinity: 0.6, source: 'inferred', words: ['velka', 'raha'], points: 0.2 },
    { kind: 'need', need: 'n1', name: { fi: 'Asunto', sv: 'Bostad' }, importance: 4, strength: 0.8, via: [{ type: 'keyword', words: ['asunto'] }, { type: 'class', codes: ['P1'] }], points: 0.64 },
    { kind: 'text', words: ['asunto'], translated: [], points: 0.5 },
    { kind: 'area', fit: 'municipality', area: '091', points: 0.05 },
  ];
  it('renders one sentence per part, the strongest reason of a need, in each language', () => {
    expect(explainSentences(parts, 'en')).toEqual([
      'The “housing” meter is very low (1/10), and the service is labelled for this area.',
      'The “finances” meter is low (4/10), and the service appears to address this area (inferred from the words: velka and raha).',
      'The service shares the service class P1 with the need “Asunto” (importance 4/5).',
      'Your search words matched the service’s text: asunto.',
      'The service is offered in your municipality (091).',
    ]);
    expect(explain(parts, 'sv')).toContain('Tjänsten har samma tjänsteklass (P1) som behovet ”Bostad” (betydelse 4/5).');
    expect(explain(parts, 'fi')).toContain('Mittari ”asuminen” on hyvin matala (1/10)');
  });
  it('uses a caller-supplied label for codes', () => {
    const s = explain(parts, 'fi', { label: (c, lang) => (c === '091' ? 'Helsinki' : c === 'P1' && lang === 'fi' ? 'Asuminen' : undefined) });
    expect(s).toContain('kotikunnassasi (Helsinki)');
    expect(s).toContain('(Asuminen)');
  });
  it('joins lists in the language and leaves unknown placeholders visible', () => {
    expect(joinList(['a', 'b', 'c'], 'sv')).toBe('a, b och c');
    expect(joinList(['a'], 'fi')).toBe('a');
    expect(t('text', 'en', {})).toContain('{words}');
  });
});
