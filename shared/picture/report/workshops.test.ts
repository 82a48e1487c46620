import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../model';
import { digestRecord } from '../../workshop/digest';
import type { WorkshopRecord } from '../../workshop/types';
import { summarisePicture } from '../summary';
import { buildReportHtml } from './html';
import { placeholders } from './strings';
import { WORKSHOP_REPORT_STRINGS } from './workshops';

const settings = { maxParticipants: 40, allowAnonymous: true, namesInRecord: true, language: 'fi' as const, title: 'Kartoitus' };
const proposal = (id: string, status: 'pending' | 'accepted' | 'rejected' | 'merged') => ({
  id,
  proposal: { kind: 'need' as const, name: `Tarve ${id}` },
  lang: 'fi' as const,
  author: null,
  createdAt: '2026-03-02T08:10:00.000Z',
  status,
  merged: [],
});

/**
 * A session of 08:00–09:10 UTC: step 1 (time box 15) ran 08:00–08:20 = 20 min, step 2 (30) ran
 * 08:20–09:10 = 50 min, step 3 (10) was skipped; planned 55, actual 70 minutes. Five proposals:
 * 2 accepted, 1 rejected, 1 merged, 1 pending. A round with dots 1 / 4 / 0 / 4 on four targets:
 * top three are B (4), D (4, offered later) and A (1), 9 dots from 3 voters.
 */
const RECORD: WorkshopRecord = {
  id: 'rec-1',
  title: 'Kartoitus <b>',
  startedAt: '2026-03-02T08:00:00.000Z',
  endedAt: '2026-03-02T09:10:00.000Z',
  templateId: 'builtin-ecosystem',
  language: 'fi',
  settings,
  agenda: [
    { id: 's1', kind: 'info', title: 'Aloitus', minutes: 15, startedAt: '2026-03-02T08:00:00.000Z', endedAt: '2026-03-02T08:20:00.000Z' },
    { id: 's2', kind: 'propose', title: 'Ehdotukset', minutes: 30, startedAt: '2026-03-02T08:20:00.000Z', endedAt: '2026-03-02T09:10:00.000Z' },
    { id: 's3', kind: 'discuss', title: 'Yhteenveto', minutes: 10 },
  ],
  participants: { participants: 4, observers: 1, anonymous: 1, names: ['Aino', 'Olli & <Co>'] },
  proposals: [proposal('p1', 'accepted'), proposal('p2', 'accepted'), proposal('p3', 'rejected'), proposal('p4', 'merged'), proposal('p5', 'pending')],
  notes: [{ id: 'n1', stepId: 's2', text: 'Asunto', author: null, createdAt: '2026-03-02T08:30:00.000Z', groupId: null }],
  groups: [],
  rounds: [
    {
      id: 'v1',
      title: 'Tärkein aukko',
      targets: ['A', 'B', 'C', 'D'].map((l, i) => ({ id: `t${i + 1}`, ref: { kind: 'text' as const }, label: l })),
      dotsPerPerson: 3,
      anonymous: true,
      open: false,
      openedAt: '2026-03-02T08:40:00.000Z',
      totals: { t1: 1, t2: 4, t3: 0, t4: 4 },
      voters: 3,
    },
  ],
  comments: [
    { id: 'c1', target: { kind: 'entity', id: 'need-x' }, text: 'Hyvä', author: null, createdAt: '2026-03-02T08:50:00.000Z' },
    { id: 'c2', target: { kind: 'entity', id: 'need-x' }, text: 'Samaa mieltä', author: null, createdAt: '2026-03-02T08:51:00.000Z' },
  ],
  assessments: [],
};

function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

const report = (lang: 'fi' | 'sv' | 'en', workshops = [digestRecord(RECORD, () => ({ fi: 'Ekosysteemin kartoitus', sv: 'Kartläggning', en: 'Mapping' }))]) =>
  buildReportHtml({ lang, title: { fi: 'Ohjelma' }, generatedAt: '2026-03-03T10:00:00.000Z', items: [], summary: summarisePicture([]), names: {}, workshops });

describe('workshop digest', () => {
  it('computes planned against actual time, proposals by fate, the top of each vote and counts', () => {
    const d = digestRecord(RECORD);
    expect(d.agenda.map((s) => [s.id, s.plannedMinutes, s.actualMinutes])).toEqual([
      ['s1', 15, 20],
      ['s2', 30, 50],
      ['s3', 10, null],
    ]);
    expect([d.plannedMinutes, d.actualMinutes]).toEqual([55, 70]);
    expect(d.proposals).toEqual({ total: 5, accepted: 2, rejected: 1, merged: 1, pending: 1 });
    expect(d.votes).toEqual([{ id: 'v1', title: 'Tärkein aukko', voters: 3, dots: 9, top: [{ label: 'B', dots: 4 }, { label: 'D', dots: 4 }, { label: 'A', dots: 1 }] }]);
    expect([d.comments, d.notes]).toEqual([2, 1]);
    expect(d.participants).toEqual({ participants: 4, observers: 1, anonymous: 1, names: ['Aino', 'Olli & <Co>'] });
    expect(d.template).toBeUndefined();
  });
});

describe('report: workshops part', () => {
  it('has the same keys and placeholders in fi, sv and en, none empty', () => {
    const keys = Object.keys(WORKSHOP_REPORT_STRINGS.en).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(WORKSHOP_REPORT_STRINGS[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const s = WORKSHOP_REPORT_STRINGS[lang][k as keyof typeof WORKSHOP_REPORT_STRINGS.en];
        expect(s.trim().length, `${lang}.${k}`).toBeGreaterThan(0);
        expect(placeholders(s), `${lang}.${k}`).toEqual(placeholders(WORKSHOP_REPORT_STRINGS.en[k as keyof typeof WORKSHOP_REPORT_STRINGS.en]));
      }
    }
  });

  it('shows each session with its agenda times, people, proposals by fate and top votes, in Finnish', () => {
    const html = report('fi');
    const tx = text(html);
    expect(html).toContain('<a href="#workshops">Työpajat</a>');
    expect(tx).toContain('Kartoitus <b>');
    expect(html).not.toContain('Kartoitus <b>');
    expect(tx).toContain('Pohja: Ekosysteemin kartoitus');
    expect(tx).toContain('Osallistujia: 4; tarkkailijoita: 1; heistä nimettömänä: 1.');
    expect(tx).toContain('Mukana: Aino, Olli & <Co>.');
    expect(tx).toMatch(/Aloitus 15 08\.00 UTC – 08\.20 UTC 20/);
    expect(tx).toMatch(/Ehdotukset 30 08\.20 UTC – 09\.10 UTC 50/);
    expect(tx).toContain('Yhteenveto 10 ei pidetty ei pidetty');
    expect(tx).toContain('Koko työpaja 55 70');
    expect(tx).toContain('Ehdotukset 5 Hyväksytty karttaan 2 Hylätty 1 Yhdistetty päällekkäisinä 1 Jäi ratkaisematta 1 Kommentit 2 Ideointilaput 1');
    expect(tx).toContain('Tärkein aukko: 3 äänesti, yhteensä 9 pistettä.');
    expect(tx).toContain('Eniten pisteitä Pisteet B 4 D 4 A 1');
    expect(tx).not.toMatch(/\bC 0\b/);
  });

  it('says the same in Swedish and English, and that nothing was recorded when nothing was', () => {
    expect(text(report('sv'))).toContain('Deltagare: 4; observatörer: 1; av dem anonyma: 1.');
    expect(text(report('sv'))).toContain('Godkända till kartan 2 Avslagna 1');
    expect(text(report('en'))).toContain('Tärkein aukko: 3 voted, 9 dots in all.');
    expect(text(report('en'))).toContain('Template: Mapping');
    expect(text(report('fi', []))).toContain('Yhtään työpajaa ei ole kirjattu.');
    // A caller that gives no workshops (an older one) gets the report without the part.
    const without = buildReportHtml({ lang: 'fi', title: {}, generatedAt: '2026-03-03T10:00:00.000Z', items: [], summary: summarisePicture([]), names: {} });
    expect(without).not.toContain('id="workshops"');
  });
});
