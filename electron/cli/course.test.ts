import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../backend';
import { writePack } from '../backend/course/pack';
import { createWorkspaceFile, seedWorkspace } from '../backend/domains/workspace';
import { tempDir } from '../backend/test/tmp';
import { answerEntities, samplePack, workspaceJson } from '../../shared/course/testkit';
import { CHECKS_FAILED_EXIT } from './commands/course';
import { main } from './main';

// In-process through main(): argument parsing and exit codes are what is tested, without a spawned tsx per case.
let dir: string;
let pack: string;
const env = process.env.KOHTAANTO_DATA_DIR;

beforeEach(async () => {
  dir = tempDir();
  process.env.KOHTAANTO_DATA_DIR = path.join(dir, 'data');
  pack = path.join(dir, 'kurssi.kohtaanto-course');
  fs.writeFileSync(pack, await writePack(samplePack()));
});
afterEach(() => {
  if (env === undefined) delete process.env.KOHTAANTO_DATA_DIR;
  else process.env.KOHTAANTO_DATA_DIR = env;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A workspace file holding the model answer of exercise 1 (not a participant's copy). */
function answerFile(): string {
  const { ctx } = createBackend({ dataDir: path.join(dir, 'maker'), mode: 'browser' });
  const file = path.join(dir, 'malli.kohtaanto');
  const ws = createWorkspaceFile(ctx, { path: file, name: 'Malli' });
  seedWorkspace(ws, workspaceJson(answerEntities()));
  ws.close();
  return file;
}

describe('kohtaanto course', () => {
  it('new-copy makes a copy whose checks fail at the start with figures and hints (exit 3)', async () => {
    const copy = path.join(dir, 'aino.kohtaanto');
    const made = await run('course', 'new-copy', pack, '--out', copy, '--participant', 'Aino');
    expect(made).toMatchObject({ code: 0 });
    expect(made.out).toContain('Aino');
    expect(fs.existsSync(copy)).toBe(true);

    const checked = await run('course', 'check', pack, copy, '--exercise', '1');
    expect(checked.code).toBe(CHECKS_FAILED_EXIT);
    expect(checked.out).toContain('1. Fill the gap: 0 of 3 checks passed, coverage 0.75');
    expect(checked.out).toContain('FAIL Ei aukkoja: “Muutto Ouluun” has 1 gaps, at most 0 allowed');
    expect(checked.out).toContain('Hint: Linkitä palvelu tarpeeseen Ystävät.');
    expect(checked.out).toContain('FAIL Perustelu: Write your answer first');

    const json = JSON.parse((await run('course', 'check', pack, copy, '--json', '--exercise', 'e1')).out);
    expect(json).toMatchObject({ pack: { id: 'test-pack', revision: 1 }, passed: false, exercises: [{ exerciseId: 'e1', passed: 0, total: 3 }] });
    expect(json.exercises[0].results[1].explanation).toEqual({ key: 'coverage', params: { needed: 0.9, comparison: 'atLeast', lifeEvent: 'Muutto Ouluun', actual: 0.75 } });
  });

  it('check passes (exit 0) on the model answer; free answers of a plain workspace are for review', async () => {
    const file = answerFile();
    const r = await run('course', 'check', pack, file, '--lang', 'fi', '--exercise', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. Täytä aukko: 2/3 tarkistusta kunnossa, kattavuus 1');
    expect(r.out).toContain('rev  Perustelu: Vapaa vastaus: kouluttaja arvioi sen');
    // Exercise 2 asks for a persona the first answer does not have.
    const all = await run('course', 'check', pack, file, '--lang', 'fi');
    expect(all.code).toBe(CHECKS_FAILED_EXIT);
    expect(all.out).toContain('2. Persoona: 0/1 tarkistusta kunnossa');
    expect(all.out).not.toMatch(/checks passed|, coverage |hint: /i);
  });

  it('results writes one row per file; a damaged file gets its reason and the others still count', async () => {
    const copy = path.join(dir, 'aino.kohtaanto');
    expect((await run('course', 'new-copy', pack, '--out', copy, '--participant', 'Aino')).code).toBe(0);
    const junk = path.join(dir, 'roska.kohtaanto');
    fs.writeFileSync(junk, 'not a workspace');
    const out = path.join(dir, 'tulokset.xlsx');
    const r = await run('course', 'results', pack, copy, junk, answerFile(), '--out', out, '--lang', 'fi');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tulokset.xlsx: 1/3 tiedostoa laskettu, 2 ei voitu laskea (syyt yllä ja taulukossa).');
    expect(r.err).toContain('roska.kohtaanto: Tiedosto ei ole Kohtaannon työtila.');
    expect(r.err).toContain('malli.kohtaanto: Tiedosto ei ole osallistujan kopio kurssipaketista.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Tulokset')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Aino', 'aino.kohtaanto', '0/3', 0, 0.75, '0/1', 0, undefined, '']);
    expect(sheet.getRow(3).getCell(9).value).toBe('Tiedosto ei ole Kohtaannon työtila.');
  });

  it('refuses bad input with a clear line: usage (2) and a damaged pack (1)', async () => {
    expect(await run('course', 'results', pack, 'a.kohtaanto', '--out', 'x.pdf')).toMatchObject({ code: 2, err: expect.stringContaining('--out must end in .xlsx or .csv') });
    expect(await run('course', 'check', pack)).toMatchObject({ code: 2 });
    expect(await run('course', 'frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown course command') });
    expect(await run('course', 'check', pack, 'x', '--participant', 'A')).toMatchObject({ code: 2, err: expect.stringContaining('--participant does not go with course check') });
    const bad = path.join(dir, 'rikki.kohtaanto-course');
    fs.writeFileSync(bad, 'PK nothing');
    const r = await run('course', 'new-copy', bad, '--out', path.join(dir, 'x.kohtaanto'));
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('not a course pack') });
    expect(fs.existsSync(path.join(dir, 'x.kohtaanto'))).toBe(false);
    expect((await run('course', 'check', pack, answerFile(), '--exercise', '7')).err).toContain('the pack has exercises 1–2 (e1, e2)');
  });
});
