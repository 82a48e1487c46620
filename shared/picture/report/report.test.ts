import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../model';
import { PictureItemSchema } from '../schemas';
import { summarisePicture } from '../summary';
import { NASTY_NAME, REPORT_FIXTURE_ITEMS } from './fixture.testkit';
import { buildReportHtml, reportFormat, type ReportInput } from './html';
import { placeholders, REPORT_STRINGS } from './strings';

const items = REPORT_FIXTURE_ITEMS.map((i) => PictureItemSchema.parse(i));

function report(lang: Language, extra: Partial<ReportInput> = {}): string {
  return buildReportHtml({
    lang,
    title: { fi: 'Ohjelma', sv: 'Programmet', en: 'The programme' },
    generatedAt: '2026-01-15T10:00:00.000Z',
    items,
    summary: summarisePicture(items),
    names: {},
    matching: {
      createdAt: '2026-01-10T08:00:00.000Z',
      label: 'Syksy',
      coverage: 0.625,
      people: 1200,
      gaps: 2,
      overlaps: 1,
      topGaps: [{ need: 'Tulkkaus <b>', people: 300, personas: 2, bestScore: 0.12 }],
    },
    ...extra,
  });
}

/** The visible text of the report: tags out, entities decoded, white space (incl. no-break) as one space. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('report strings', () => {
  it('has the same keys and the same placeholders in fi, sv and en, none empty', () => {
    const keys = Object.keys(REPORT_STRINGS.en).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(REPORT_STRINGS[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const s = REPORT_STRINGS[lang][k as keyof typeof REPORT_STRINGS.en];
        expect(s.trim(), `${lang}.${k}`).not.toBe('');
        expect(placeholders(s), `${lang}.${k}`).toEqual(placeholders(REPORT_STRINGS.en[k as keyof typeof REPORT_STRINGS.en]));
      }
    }
  });
});

describe('situational-picture report', () => {
  it('prints every part in each language with its figures', () => {
    const expected: Record<Language, string[]> = {
      fi: ['Tilannekuva: Ohjelma', 'Tavoitteet ja mittarit', 'Sujuvampi asiointi', 'Vaarassa', 'Vaikutuslogiikka', 'Organisaatiot osallistuvat', 'epävarma', 'Talousarvio', 'Kustannus-hyötyanalyysi', 'Takaisinmaksuvuosi', '3 organisaatiota', 'Kyselyt', 'Ohjelma on hyödyllinen', 'Viimeisin kohtaantoajo: Syksy'],
      sv: ['Lägesbild: Programmet', 'Mål och indikatorer', 'Smidigare ärenden', 'I riskzonen', 'Effektlogik', 'Organisationerna deltar', 'osäkert', 'Budget', 'Kostnads–nyttoanalys', 'Återbetalningsår', '3 organisationer', 'Enkäter', 'Programmet är nyttigt', 'Senaste matchningskörning: Syksy'],
      en: ['Situational picture: The programme', 'Goals and indicators', 'Smoother dealings', 'At risk', 'Impact logic', 'Organisations take part', 'uncertain', 'Budget', 'Cost–benefit analysis', 'Payback year', '3 organisations', 'Surveys', 'The programme is useful', 'Latest matching run: Syksy'],
    };
    for (const lang of LANGUAGES) {
      const html = report(lang);
      const body = text(html);
      for (const s of expected[lang]) expect(body, `${lang}: ${s}`).toContain(s);
      const f = reportFormat(lang);
      // Hand-computed: NPV 78.51 → 79 €, BCR 1.79, payback 2022, planned 4,000 €, 75 % share, survey N 20, mean 3.67, 4–5 60 %.
      for (const figure of [f.eur(78.51), f.num(1.79), '2022', f.eur(4000), f.pct(0.75), 'N = 20', f.num(3.67), f.pct(0.6), f.pct(0.625)]) expect(body, `${lang}: ${figure}`).toContain(norm(figure));
      expect(html).toContain(`<html lang="${lang}">`);
    }
    expect(reportFormat('fi').eur(78.51)).toMatch(/^79\s€$/);
    expect(reportFormat('en').eur(4000)).toBe('€4,000');
  });

  it('shows the status rule with its figures next to the status', () => {
    const body = text(report('en'));
    expect(body).toContain('The path expects 15 % on 01/01/2022; the latest is 0.5 % behind it (at risk allowed up to 1 %).');
  });

  it('escapes names from users: a <script> name is text, never markup', () => {
    const html = report('fi');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(text(html)).toContain(NASTY_NAME);
    expect(html).toContain('Tulkkaus &lt;b&gt;');
  });

  it('makes no external request of any kind', () => {
    const html = report('sv');
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/\b(src|srcset|href)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    expect(html).toContain("default-src 'none'");
  });

  it('names the review it was made from, and says when it is the current picture', () => {
    const withReview = text(report('fi', { review: { label: 'Kevään <katselmointi>', createdAt: '2026-01-12T09:30:00.000Z' } }));
    expect(withReview).toContain('Katselmointi ”Kevään <katselmointi>”, tallennettu');
    expect(withReview).toContain(norm(reportFormat('fi').dateTime('2026-01-12T09:30:00.000Z')));
    expect(text(report('fi'))).toContain('Nykyinen tilannekuva (ei tallennettu katselmointi).');
    expect(text(report('en', { review: { label: 'Spring', createdAt: '2026-01-12T09:30:00.000Z' } }))).toContain('Review “Spring”, saved on');
  });

  it('says plainly what is missing in an empty picture', () => {
    const empty = buildReportHtml({ lang: 'en', title: {}, generatedAt: '2026-01-15T10:00:00.000Z', items: [], summary: summarisePicture([]), names: {} });
    const body = text(empty);
    for (const s of ['No goals have been set.', 'The impact logic has no boxes yet.', 'No budget lines.', 'No cost–benefit analysis.', 'No surveys.', 'No matching run has been saved.']) expect(body).toContain(s);
  });

  it('keeps charts and headings whole when printed', () => {
    const html = report('fi');
    expect(html).toMatch(/@media print\{[\s\S]*h1,h2,h3\{break-after:avoid/);
    expect(html).toMatch(/figure,svg,\.keep[^{]*\{break-inside:avoid/);
    // Each chart with its heading sits in one unbreakable block.
    expect(html.match(/<div class="keep"><h3>[^<]*<\/h3><figure><svg/g)?.length).toBeGreaterThanOrEqual(6);
  });
});
