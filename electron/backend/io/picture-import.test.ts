import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/result';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { sayRecord } from '../../../renderer/src/i18n/say';
import { said } from '../messages';
import { summarisePicture, type BudgetLineItem, type CbaItemDoc, type CbaSettings, type Indicator, type PictureItem, type Survey } from '../../../shared/picture';
import { Workspace } from '../store/workspace';
import { importFiles, type ImportOptions } from './import';
import { parseAmount, parseDate, parseLikert, parseRate, proposePictureMapping } from './picture-import';
import { cleanupWorkspaces, tempWorkspace } from './testing';

afterEach(cleanupWorkspaces);

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

function putItems(ws: Workspace, items: PictureItem[]): void {
  ws.edit('setup', (tx) => items.forEach((i) => tx.putItem(i)));
}

const coverage: Indicator = {
  id: 'ind-cov',
  kind: 'indicator',
  name: { fi: 'Kattavuus', sv: 'Täckning', en: 'Coverage' },
  unit: '%',
  direction: 'higher',
  baseline: { date: '2021-01-01', value: 10 },
  target: { date: '2023-01-01', value: 20 },
  tolerance: 0.1,
  measurements: [{ date: '2021-06-30', value: 11 }],
};
const visits: Indicator = { id: 'ind-visits', kind: 'indicator', name: { fi: 'Asiointikäynnit' }, unit: '', direction: 'lower', tolerance: 0.1, measurements: [] };

async function refusedWith(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the import to be refused');
}

/** The workspace file's bytes (and its folder's listing) after a clean close. */
function fileState(file: string): { bytes: Buffer; siblings: string[] } {
  return { bytes: fs.readFileSync(file), siblings: fs.readdirSync(path.dirname(file)).sort() };
}

describe('reading cells', () => {
  it('reads numbers, dates, rates and survey answers as Finnish, Swedish and English spreadsheets write them', () => {
    expect(parseAmount('1 300 000')).toBe(1_300_000);
    expect(parseAmount('1\u00a0300\u00a0000,50 €')).toBe(1_300_000.5);
    expect(parseAmount('1,300,000.50')).toBe(1_300_000.5);
    expect(parseAmount('\u221212,5')).toBe(-12.5);
    expect(parseAmount('12,5 %')).toBeUndefined();
    expect(parseAmount('n/a')).toBeUndefined();
    expect(parseDate('31.3.2024')).toBe('2024-03-31');
    expect(parseDate('2024-3-1')).toBe('2024-03-01');
    expect(parseDate('2024-03-31T00:00:00.000Z')).toBe('2024-03-31');
    expect(parseDate('31.2.2024')).toBeUndefined();
    expect(parseDate('2024')).toBeUndefined();
    expect(parseRate('3,5 %')).toBeCloseTo(0.035, 12);
    expect(parseRate('0.035')).toBe(0.035);
    expect(parseLikert('Täysin samaa mieltä')).toBe(5);
    expect(parseLikert('helt av samma åsikt')).toBe(5);
    expect(parseLikert('Strongly disagree')).toBe(1);
    expect(parseLikert('En osaa sanoa')).toBe('cannotSay');
    expect(parseLikert('kan inte säga')).toBe('cannotSay');
    expect(parseLikert('Cannot say')).toBe('cannotSay');
    expect(parseLikert('4 = jokseenkin samaa mieltä')).toBe(4);
    expect(parseLikert('3')).toBe(3);
    expect(parseLikert('')).toBeNull();
    expect(parseLikert('6')).toBeUndefined();
    expect(parseLikert('ehkä')).toBeUndefined();
  });

  it('proposes a mapping from the headings, and for a survey from the cells', () => {
    expect(proposePictureMapping('measurements', { headers: ['Mittari', 'Päivämäärä', 'Arvo', 'Lähde', 'Muuta'], rows: [] })).toEqual({
      Mittari: 'indicator',
      Päivämäärä: 'date',
      Arvo: 'value',
      Lähde: 'source',
      Muuta: null,
    });
    expect(proposePictureMapping('cba', { headers: ['Nimi', 'Tyyppi', 'Per organisaatio', '2023', 'v. 2024', 'Huom'], rows: [] })).toEqual({
      Nimi: 'name',
      Tyyppi: 'type',
      'Per organisaatio': 'perOrganisation',
      '2023': 'amount',
      'v. 2024': 'amount',
      Huom: null,
    });
    expect(
      proposePictureMapping('survey', {
        headers: ['Aikaleima', 'Tavoitteet ovat selkeät', 'Vapaa palaute'],
        rows: [
          ['1.2.2022', 'Täysin samaa mieltä', 'Hyvä'],
          ['2.2.2022', '2', ''],
        ],
      }),
    ).toEqual({ Aikaleima: null, 'Tavoitteet ovat selkeät': 'question', 'Vapaa palaute': null });
  });
});

describe('indicator measurements import', () => {
  it('adds measurements matched by id or by name in any language, sorted by date, as one undo step; the same file again changes nothing', async () => {
    const ws = tempWorkspace();
    putItems(ws, [coverage, visits]);
    const file = csv('mittaukset.csv', 'Mittari;Päivämäärä;Arvo;Huomautus;Lähde\nind-cov;31.12.2022;18,5;vuoden lopussa;Tilastokeskus\nTäckning;2022-06-30;15;;\nasiointikäynnit;1.3.2022;4\n');
    const r = await importFiles(ws, [file], { kind: 'measurements' });
    expect(r.skippedTotal).toBe(0);
    expect(r.picture).toEqual({ created: {}, updated: { indicator: 2 }, unchanged: {}, values: 3 });
    const cov = ws.getItem('ind-cov') as Indicator;
    expect(cov.measurements).toEqual([
      { date: '2021-06-30', value: 11 },
      { date: '2022-06-30', value: 15 },
      { date: '2022-12-31', value: 18.5, note: 'vuoden lopussa', source: 'Tilastokeskus' },
    ]);
    expect((ws.getItem('ind-visits') as Indicator).measurements).toEqual([{ date: '2022-03-01', value: 4 }]);
    expect(summarisePicture(ws.listItems()).indicators.find((i) => i.id === 'ind-cov')!.status.latest).toMatchObject({ date: '2022-12-31', value: 18.5 });
    expect(ws.historyState().undoLabel).toContain('mittaukset.csv');

    const again = await importFiles(ws, [file], { kind: 'measurements' });
    expect(again.picture).toEqual({ created: {}, updated: {}, unchanged: { indicator: 2 }, values: 0 });

    ws.undo(); // the second import wrote nothing, so this undoes the first
    expect(ws.getItem('ind-cov')).toEqual(coverage);
    expect((ws.getItem('ind-visits') as Indicator).measurements).toEqual([]);
  });

  it('takes a baseline and a target from typed rows, and refuses a target equal to its baseline or dated before it', async () => {
    const ws = tempWorkspace();
    putItems(ws, [coverage, visits]);
    const good = await importFiles(ws, [csv('plan.csv', 'indicator,date,value,type\nind-visits,2022-01-01,9,lähtötaso\nind-visits,2025-01-01,3,tavoite\n')], { kind: 'measurements' });
    expect(good.skippedTotal).toBe(0);
    expect(ws.getItem('ind-visits')).toMatchObject({ baseline: { date: '2022-01-01', value: 9 }, target: { date: '2025-01-01', value: 3 } });

    const bad = await importFiles(ws, [csv('plan2.csv', 'indicator,date,value,type\nind-cov,2024-01-01,10,target\nind-visits,2021-01-01,2,target\n')], { kind: 'measurements', lang: 'en' });
    expect(bad.skipped).toEqual([
      { file: 'plan2.csv', record: 'row 2, column "value"', at: [said('where.row', { row: 2 }), said('where.column', { column: 'value' })], row: 2, column: 'value', reason: 'the target (10) equals the baseline, so progress towards it cannot be measured' },
      { file: 'plan2.csv', record: 'row 3, column "date"', at: [said('where.row', { row: 3 }), said('where.column', { column: 'date' })], row: 3, column: 'date', reason: 'the target date 2021-01-01 is not after the baseline date 2022-01-01' },
    ]);
    expect(ws.getItem('ind-cov')).toEqual(coverage);
  });

  it('names file, row and column of each bad row in the user’s language, and imports the good rows', async () => {
    const ws = tempWorkspace();
    putItems(ws, [coverage]);
    const text = 'Indikator;Datum;Värde\nTäckning;2022-01-01;abc\nTäckning;32.1.2022;5\nOkänd;2022-01-01;5\nTäckning;2022-02-01;12\nTäckning;1.2.2022;13\n';
    const r = await importFiles(ws, [csv('mätningar.csv', text)], { kind: 'measurements', lang: 'sv' });
    expect(r.skipped.map((s) => `${s.file}: ${sayRecord(translator('sv'), s)}: ${s.reason}`)).toEqual([
      'mätningar.csv: rad 2, kolumn ”Värde”: ”abc” är inte ett tal',
      'mätningar.csv: rad 3, kolumn ”Datum”: ”32.1.2022” är inte ett datum (skriv t.ex. 31.3.2024 eller 2024-03-31)',
      'mätningar.csv: rad 4, kolumn ”Indikator”: arbetsytan har ingen indikator med id eller namn ”Okänd”',
      'mätningar.csv: rad 6, kolumn ”Datum”: ett andra värde för 2022-02-01: rad 5 har redan ett',
    ]);
    expect((ws.getItem('ind-cov') as Indicator).measurements.map((m) => m.value)).toEqual([11, 12]);

    const fi = await importFiles(ws, [csv('m.csv', 'mittari,pvm,arvo\nKattavuus,2022-05-01,ei tiedossa\n')], { kind: 'measurements', lang: 'fi' });
    expect(fi.skipped[0]).toMatchObject({ record: 'row 2, column "arvo"', reason: '”ei tiedossa” ei ole luku' });
    expect(sayRecord(translator('fi'), fi.skipped[0])).toBe('rivi 2, sarake ”arvo”');
  });

  it('with --on-error stop refuses the whole file and leaves the workspace file byte for byte as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-pic-'));
    const file = path.join(dir, 'w.kohtaanto');
    try {
      let ws = Workspace.open(file, { create: true, now: () => new Date('2024-05-01T12:00:00Z') });
      putItems(ws, [coverage]);
      ws.close();
      const before = fileState(file);
      ws = Workspace.open(file, { now: () => new Date('2024-05-02T12:00:00Z') });
      const err = await refusedWith(importFiles(ws, [csv('m.csv', 'indicator;date;value\nind-cov;2022-01-01;12\nind-cov;2022-02-01;x\n')], { kind: 'measurements', onError: 'stop', lang: 'en' }));
      expect(err.message).toBe('m.csv: row 3, column "value": "x" is not a number');
      expect(err.details).toMatchObject({ file: 'm.csv', row: 3, column: 'value' });
      expect(ws.historyState().undoLabel).toBe('setup');
      ws.close();
      expect(fileState(file)).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a usable mapping stops with the headings and a proposal; a dry run only reports what is missing and writes nothing', async () => {
    const ws = tempWorkspace();
    putItems(ws, [coverage]);
    const file = csv('x.csv', 'A;B;C\nind-cov;2022-01-01;12\n');
    const err = await refusedWith(importFiles(ws, [file], { kind: 'measurements', lang: 'en' }));
    expect(err.details).toMatchObject({ reason: 'needs-mapping', kind: 'measurements', headers: ['A', 'B', 'C'], proposal: { A: null, B: null, C: null } });
    expect(err.message).toBe('x.csv: no column is chosen for: Indicator (id or name), Date, Value');

    const dry = await importFiles(ws, [file], { kind: 'measurements', dryRun: true });
    expect(dry.preview).toMatchObject({ headers: ['A', 'B', 'C'], missingRoles: ['indicator', 'date', 'value'], totalRows: 1, rows: [{ row: 2, cells: ['ind-cov', '2022-01-01', '12'] }] });

    const mapped = await importFiles(ws, [file], { kind: 'measurements', dryRun: true, mapping: { A: 'indicator', B: 'date', C: 'value' } });
    expect(mapped.picture).toEqual({ created: {}, updated: { indicator: 1 }, unchanged: {}, values: 1 });
    expect(mapped.dryRun).toBe(true);
    expect(ws.getItem('ind-cov')).toEqual(coverage);
    expect(ws.historyState().undoLabel).toBe('setup');
  });
});

describe('budget lines import', () => {
  it('reads an XLSX of budget lines, finds organisations by name and makes the unknown ones, and re-imports without copies', async () => {
    const ws = tempWorkspace();
    ws.edit('org', (tx) => tx.putEntity({ id: 'org-vm', kind: 'organisation', name: { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet' } } as never));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Budjetti');
    sheet.addRow(['Erä', 'Organisaatio', 'Luokka', 'Vuosi', 'Suunniteltu', 'Toteutunut']);
    sheet.addRow(['Perustehtävät', 'Finansministeriet', 'Ydintehtävät', 2021, 418418, 400000]);
    sheet.addRow(['AuroraAI-verkko', 'DVV', 'Verkko', 2021, '6 019 264', '']);
    sheet.addRow(['Osaamisohjelma', 'HAUS', 'Osaaminen', 'vuosi 2021', 339300, '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importFiles(ws, [{ name: 'budjetti.xlsx', bytes }], { kind: 'budget' });
    expect(r.skipped).toMatchObject([{ file: 'budjetti.xlsx', record: 'sheet "Budjetti", row 4, column "Vuosi"', row: 4, column: 'Vuosi', reason: '”vuosi 2021” ei ole vuosi (1900–2200)' }]);
    expect(sayRecord(translator('fi'), r.skipped[0])).toBe('taulukko ”Budjetti”, rivi 4, sarake ”Vuosi”');
    expect(r.picture?.created).toEqual({ budgetLine: 2 });
    expect(r.created.organisation).toBe(1);
    const lines = ws.listItems('budgetLine') as BudgetLineItem[];
    const dvv = ws.listEntities('organisation').find((o) => o.name.fi === 'DVV')!;
    expect(lines.map((l) => [l.item, l.organisation, l.year, l.planned, l.actual]).sort()).toEqual([
      ['AuroraAI-verkko', dvv.id, 2021, 6_019_264, undefined],
      ['Perustehtävät', 'org-vm', 2021, 418_418, 400_000],
    ]);
    const again = await importFiles(ws, [{ name: 'budjetti.xlsx', bytes }], { kind: 'budget' });
    expect(again.picture?.unchanged).toEqual({ budgetLine: 2 });
    expect(ws.listItems('budgetLine')).toHaveLength(2);
    expect(ws.listEntities('organisation')).toHaveLength(2);
  });

  it('refuses a planned amount that is not a number and a line given twice', async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [csv('b.csv', 'item,category,year,planned\nA,X,2021,10\nB,X,2021,kymmenen\nA,X,2021,11\n')], { kind: 'budget', lang: 'en' });
    expect(r.skipped.map((s) => `${s.record}: ${s.reason}`)).toEqual(['row 3, column "planned": "kymmenen" is not a number', 'row 4: the same item, organisation, category and year as row 2']);
    expect((ws.listItems('budgetLine') as BudgetLineItem[]).map((l) => l.planned)).toEqual([10]);
  });
});

describe('cost–benefit import', () => {
  const text = [
    'Nimi;Tyyppi;Per organisaatio;2023;2024;2025',
    'Ydinkomponentit;kustannus;ei;1 300 000;1 300 000;1 400 000',
    'Liittyminen;kustannus;kyllä;50 000;50 000;',
    'Asiakaspalvelun säästöt;hyöty;kyllä;;80 000;120 000',
    'Liittyneet organisaatiot;käyttöönotto;;5;20;40',
    'Diskonttokorko;diskonttokorko;;3,5 %;;',
  ].join('\n');

  it('reads items per year, the adoption schedule and the discount rate, and the analysis computes', async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [csv('khk.csv', text)], { kind: 'cba' });
    expect(r.skippedTotal).toBe(0);
    expect(r.picture?.created).toEqual({ cbaItem: 3, cbaSettings: 1 });
    const items = ws.listItems('cbaItem') as CbaItemDoc[];
    expect(items.find((i) => i.name.fi === 'Liittyminen')).toMatchObject({ type: 'cost', perOrganisation: true, amounts: { '2023': 50_000, '2024': 50_000 } });
    expect(items.find((i) => i.name.fi === 'Ydinkomponentit')).toMatchObject({ perOrganisation: false, amounts: { '2023': 1_300_000, '2024': 1_300_000, '2025': 1_400_000 } });
    const settings = ws.getItem('cba') as CbaSettings;
    expect(settings.adoption).toEqual({ '2023': 5, '2024': 20, '2025': 40 });
    expect(settings.discountRate).toBeCloseTo(0.035, 12);
    const cba = summarisePicture(ws.listItems()).cba;
    expect(cba.problems).toEqual([]);
    // Hand-computed: costs 1.3M+250k, 1.3M+1M, 1.4M; benefits 0, 1.6M, 4.8M; discounted at 3.5 %.
    const npv = -1_550_000 + (1_600_000 - 2_300_000) / 1.035 + (4_800_000 - 1_400_000) / 1.035 ** 2;
    expect(cba.result!.npv).toBeCloseTo(npv, 4);
    const again = await importFiles(ws, [csv('khk.csv', text)], { kind: 'cba' });
    expect(again.picture?.unchanged).toEqual({ cbaItem: 3, cbaSettings: 1 });
  });

  it('refuses a file without year columns, and a discount rate of −100 % or below, naming the cell', async () => {
    const ws = tempWorkspace();
    const noYears = await refusedWith(importFiles(ws, [csv('k.csv', 'name;type;amount\nA;cost;5\n')], { kind: 'cba', lang: 'en', onError: 'stop', mapping: { name: 'name', type: 'type', amount: 'amount' } }));
    expect(noYears.message).toBe('k.csv: column "amount": the column heading "amount" is not a year');
    const skipped = await importFiles(ws, [csv('k.csv', 'name;type;2023\nA;cost;\n')], { kind: 'cba', lang: 'en' });
    expect(skipped.skipped.map((s) => `${s.record}: ${s.reason}`)).toEqual(['row 2: the row has no amount in any year', '(whole file): the cost–benefit analysis has no years: no column is headed with a year (such as 2024) over that year’s amounts']);
    const rate = await importFiles(ws, [csv('k.csv', 'Namn;Typ;2023\nA;kostnad;10\nRänta;diskonteringsränta;-100 %\n')], { kind: 'cba', lang: 'sv' });
    expect(rate.skipped).toMatchObject([{ file: 'k.csv', row: 3, column: '2023', reason: 'en diskonteringsränta på -100 % är inte möjlig: den måste vara över −100 %' }]);
    expect(sayRecord(translator('sv'), rate.skipped[0])).toBe('rad 3, kolumn ”2023”');
    expect(rate.warnings.map((w) => w.reason)).toEqual(['ingen diskonteringsränta angavs: den sattes till 0 %; ändra den i inställningarna för kostnads–nyttoanalysen']);
    expect(ws.getItem('cba')).toMatchObject({ discountRate: 0 });
  });
});

describe('survey responses import', () => {
  const text = [
    'Vastaaja,Aikaleima,Tavoitteet ovat selkeät,Viestintä oli riittävää',
    '1,1.2.2022,Täysin samaa mieltä,2',
    '2,1.2.2022,helt av samma åsikt,En osaa sanoa',
    '3,2.2.2022,strongly disagree,',
    '4,2.2.2022,4,cannot say',
    '5,3.2.2022,kanske,3',
  ].join('\n');

  it('counts answers given as numbers and as fi/sv/en words into a new survey; a cell off the scale is named and left out', async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [csv('kysely.csv', text)], { kind: 'survey', lang: 'en', survey: { name: 'Sidosryhmäkysely 2022' } });
    expect(r.skipped).toMatchObject([{ file: 'kysely.csv', record: 'row 6, column "Tavoitteet ovat selkeät"', row: 6, column: 'Tavoitteet ovat selkeät', reason: '"kanske" is not on the 1–5 scale or "cannot say"' }]);
    expect(r.picture).toMatchObject({ created: { survey: 1 }, values: 8 });
    const [survey] = ws.listItems('survey') as Survey[];
    expect(survey.name).toEqual({ en: 'Sidosryhmäkysely 2022' });
    expect(survey.questions.map((q) => [q.text.en, q.counts, q.cannotSay])).toEqual([
      ['Tavoitteet ovat selkeät', { 1: 1, 2: 0, 3: 0, 4: 1, 5: 2 }, 0],
      ['Viestintä oli riittävää', { 1: 0, 2: 1, 3: 1, 4: 0, 5: 0 }, 2],
    ]);
    const q = summarisePicture(ws.listItems()).surveys[0].questions[1].summary;
    expect(q).toMatchObject({ n: 4, nScale: 2, cannotSay: 2, mean: 2.5 });

    // The survey tool's export again (one more answer): counts are replaced, not added twice.
    const more = await importFiles(ws, [csv('kysely.csv', `${text.replace('kanske', '5')}\n6,4.2.2022,5,5`)], { kind: 'survey', survey: { id: survey.id } });
    expect(more.skippedTotal).toBe(0);
    const after = ws.getItem(survey.id) as Survey;
    expect(after.questions.map((x) => x.counts[5])).toEqual([4, 1]);
    expect(after.questions).toHaveLength(2);
  });

  it('refuses an unknown survey id with --on-error stop and writes nothing', async () => {
    const ws = tempWorkspace();
    const err = await refusedWith(importFiles(ws, [csv('kysely.csv', text)], { kind: 'survey', lang: 'fi', onError: 'stop', survey: { id: 'survey-none' } } satisfies ImportOptions));
    expect(err.message).toBe('kysely.csv: työtilassa ei ole kyselyä survey-none');
    expect(ws.listItems()).toEqual([]);
  });
});
