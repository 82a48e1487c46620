import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import { sv } from '../../renderer/src/i18n/sv';
import { translator } from '../../renderer/src/i18n/catalogue';
import { historyText } from '../../renderer/src/app/historyText';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.ts$/.test(d.name) && !/\.(test|testkit|fixture)\.ts$/.test(d.name) && d.name !== 'testing.ts' ? [p] : [];
  });
}

describe('every undoable step has a label the UI can say in fi, sv and en', () => {
  it('no workspace edit in the backend records a plain English sentence as its undo label', () => {
    // `edit(<string literal>` stores English only; undoable steps go through encodeLabel. The
    // one exception is a starting state, which is not undoable.
    const plain: string[] = [];
    const keys = new Set<string>();
    for (const file of sources(path.join(ROOT, 'electron'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.edit\(\s*(['"`])/g)) {
        const rest = text.slice(m.index!, m.index! + 1200);
        if (/undoable:\s*false/.test(rest)) continue;
        plain.push(`${path.relative(ROOT, file)}:${text.slice(0, m.index!).split('\n').length}`);
      }
      for (const k of text.matchAll(/\bkey:\s*'([A-Za-z]+)'/g)) if (/encodeLabel/.test(text)) keys.add(k[1]);
    }
    expect(plain).toEqual([]);
    // Every key a label names is in all three catalogues (plural keys as _one/_other).
    const has = (cat: { history: Record<string, unknown> }, k: string) => k in cat.history || `${k}_one` in cat.history;
    const missing = [...keys].filter((k) => !(has(en, k) && has(fi, k) && has(sv, k)));
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThan(10);
  });

  it('says the newly structured steps in Swedish', () => {
    const t = translator('sv');
    expect(historyText(t, 'sv', { key: 'merge', params: { count: 2, kind: 'service', name: { fi: 'Kotihoito', sv: 'Hemvård' } } }, 'Merge 2 services into "Kotihoito"')).toBe(
      'sammanslagning av 2 dubbletter med tjänst ”Hemvård”',
    );
    expect(historyText(t, 'sv', { key: 'measureFromRun', params: { count: 1 } }, 'x')).toBe('1 indikator mätt från en matchningsanalys');
    expect(historyText(translator('fi'), 'fi', { key: 'workshopSurveys', params: { count: 2, title: 'Kevät' } }, 'x')).toBe('2 kyselyä työpajasta ”Kevät”');
  });
});
