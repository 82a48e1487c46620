import { describe, expect, it } from 'vitest';
import { fold, stemEn, stemFi, stemSv, tokenize } from './text';
import { priorHitsForToken, codeUnder, METER_PRIOR } from './prior';
import { METERS } from '../model';

describe('fold', () => {
  it('keeps å, ä and ö, strips other diacritics and maps Nordic variants', () => {
    expect(fold('Äänestäminen Åbo Öljy')).toBe('äänestäminen åbo öljy');
    expect(fold('Café Müller')).toBe('cafe muller');
    expect(fold('Ærø')).toBe('ärö');
  });
});

describe('tokenize', () => {
  it('splits hyphenated compounds and drops stop words of all three languages', () => {
    expect(tokenize('Vuokra-asunnot ja tuet')).toEqual(['vuokra', 'asunnot', 'tuet']);
    expect(tokenize('Stöd för unga och familjer')).toEqual(['stöd', 'unga', 'familjer']);
    expect(tokenize('Help for the young')).toEqual(['help', 'young']);
  });
});

describe('stemmers', () => {
  const same = (stem: (w: string) => string, words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
  it('conflates Finnish inflected forms, including consonant gradation', () => {
    same(stemFi, ['asunto', 'asunnon', 'asunnot', 'asunnoissa']);
    same(stemFi, ['kunta', 'kunnan', 'kunnassa']);
    same(stemFi, ['terveys', 'terveyden']);
    same(stemFi, ['harrastus', 'harrastukset', 'harrastuksia']);
    same(stemFi, ['perhe', 'perheen', 'perheille', 'perheiden']);
    same(stemFi, ['nuoret', 'nuorille', 'nuorten']);
  });
  it('conflates Swedish and English forms', () => {
    same(stemSv, ['bostad', 'bostaden']);
    same(stemSv, ['familj', 'familjen', 'familjer']);
    same(stemEn, ['family', 'families']);
    same(stemEn, ['debt', 'debts']);
    same(stemEn, ['study', 'studies', 'studying']);
  });
  it('leaves short words and numbers alone', () => {
    expect(stemFi('työ')).toBe('työ');
    expect(stemFi('2023')).toBe('2023');
  });
});

describe('prior', () => {
  const meterOf = (token: string) => priorHitsForToken(token).filter((h) => h.weight >= 1).map((h) => METERS[h.meter]);
  it('recognises each meter in Finnish, Swedish and English, including inside Finnish compounds', () => {
    expect(meterOf('kouluterveydenhuolto')).toContain('health');
    expect(meterOf('hälsovård')).toContain('health');
    expect(meterOf('hospital')).toContain('health');
    expect(meterOf('vuokra-asunto'.split('-')[1])).toContain('housing');
    expect(meterOf('bostadsbidrag')).toContain('housing');
    expect(meterOf('velkaneuvonta')).toContain('finance');
    expect(meterOf('skuldrådgivning')).toContain('finance');
    expect(meterOf('loneliness')).toContain('friends');
    expect(meterOf('yksinäisyys')).toContain('friends');
  });
  it('finds a compound-inner stem at any place in a word, as trying every stem on the word does', () => {
    // The reference: every stem tried on every word, as the matcher did before it indexed the inner stems.
    const reference = (token: string) => {
      const best = new Map<number, number>();
      METERS.forEach((m, mi) => {
        for (const lang of ['fi', 'sv', 'en'] as const) {
          for (const [raw, w] of Object.entries(METER_PRIOR[m].stems[lang])) {
            const anchored = raw.startsWith('=');
            const stem = anchored ? raw.slice(1) : raw;
            const hit = !anchored && stem.length >= 5 ? token.includes(stem) : token.startsWith(stem);
            if (hit) best.set(mi, Math.max(best.get(mi) ?? -Infinity, w));
          }
        }
      });
      return [...best.entries()].sort((a, b) => a[0] - b[0]).map(([meter, weight]) => ({ meter, weight }));
    };
    const tokens = ['kouluterveydenhuolto', 'lastensuojelu', 'nuorisotilat', 'opiskeluterveydenhuolto', 'aikuissosiaalityö', 'velkaneuvonta',
      'perheneuvola', 'mielenterveyspalvelut', 'ensiapu', 'kriisikeskus', 'vertaistukiryhmä', 'talousneuvonta', 'kirjastopalvelut', 'xterveyd', 'terveys'];
    for (const t of tokens) expect(priorHitsForToken(t).map(({ meter, weight }) => ({ meter, weight })), t).toEqual(reference(t));
    expect(reference('xterveyd').map((h) => METERS[h.meter])).toContain('health');
  });
  it('matches codes hierarchically by whole segments', () => {
    expect(codeUnder('P5.1', 'P5')).toBe(true);
    expect(codeUnder('P5', 'P5')).toBe(true);
    expect(codeUnder('P50', 'P5')).toBe(false);
    expect(codeUnder('P5', 'P5.1')).toBe(false);
  });
});
