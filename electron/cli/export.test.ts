import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../backend/test/tmp';
import { runKohtaanto } from './run-cli.testkit';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const kohtaanto = (...args: string[]) => runKohtaanto(dir, ...args);
const sheets = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
};

describe('kohtaanto export', () => {
  it('names the file after the workspace, writes headings in --lang, and exports the latest matching run', async () => {
    expect(kohtaanto('new', 'x.kohtaanto', '--example').code).toBe(0);
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

    const plain = kohtaanto('export', 'x.kohtaanto', '--format', 'xlsx', '--lang', 'en');
    expect(plain.err).toBe('');
    const name = `young-people-engaged-in-society-${day}.xlsx`;
    expect(plain.out.trim()).toBe(`Wrote ${path.join(fs.realpathSync(dir), name)}`);
    expect((await sheets(path.join(dir, name))).worksheets.map((w) => w.name)).toEqual(['Organisations', 'Services', 'Service channels', 'Life events', 'Service needs', 'Personas', 'Links']);

    const none = kohtaanto('export', 'x.kohtaanto', '--format', 'xlsx', '--run', 'latest');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no saved matching run/);
    expect(kohtaanto('match', 'x.kohtaanto', '--label', 'ennen työpajaa').code).toBe(0);
    const run = kohtaanto('export', 'x.kohtaanto', '--format', 'xlsx', '--run', 'latest', '--out', 'ajo.xlsx');
    expect(run.code).toBe(0);
    const wb = await sheets(path.join(dir, 'ajo.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Yhteenveto', 'Profiilit', 'Kattavuus', 'Aukot', 'Päällekkäisyydet', 'Asiointiluukut']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('Yhteenveto')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('Muistiinpano')).toBe('ennen työpajaa');
    expect(summary.get('Asiakasprofiilit')).toBeGreaterThanOrEqual(4);
    expect(wb.getWorksheet('Profiilit')!.rowCount).toBe(Number(summary.get('Asiakasprofiilit')) + 1);

    const wrong = kohtaanto('export', 'x.kohtaanto', '--format', 'json', '--run', 'latest');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--run needs --format xlsx/);
    const badLang = kohtaanto('export', 'x.kohtaanto', '--format', 'xlsx', '--lang', 'de');
    expect(badLang.code).toBe(2);
    expect(badLang.err).toMatch(/--lang must be one of fi, sv, en/);
  }, 180_000);
});
