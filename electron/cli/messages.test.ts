import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliLanguage, languageOfArgs } from './common';
import { runKohtaantoIn } from './run-cli.testkit';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-cli-msg-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the command line says import problems in the user language', () => {
  it('takes the language from --lang, else from LC_ALL, LC_MESSAGES or LANG, else English', () => {
    expect(cliLanguage(undefined, { LANG: 'fi_FI.UTF-8' })).toBe('fi');
    expect(cliLanguage(undefined, { LANG: 'fi_FI.UTF-8', LC_ALL: 'sv_FI.UTF-8' })).toBe('sv');
    expect(cliLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage('sv', { LANG: 'fi_FI.UTF-8' })).toBe('sv');
    expect(() => cliLanguage('de', {})).toThrow(/--lang must be one of fi, sv, en/);
    expect(languageOfArgs(['x', '--lang=sv'], { LANG: 'fi_FI' })).toBe('sv');
    expect(languageOfArgs(['x', '--lang', 'fi'], {})).toBe('fi');
  }, 30_000);

  it('prints skipped rows and warnings in Swedish under a Swedish locale, in Finnish with --lang fi, and the error that stops an import too', () => {
    fs.writeFileSync(path.join(dir, 'rader.csv'), 'id;kind;name.fi;capacity;lempiväri\nsrv-9;service;Uusi;kymmenen;sininen\n;service;Ei tunnistetta;;\nsrv-10;service;Toimiva;;\n');
    const sv = { LANG: 'sv_FI.UTF-8' };
    expect(runKohtaantoIn(sv, dir, 'new', 'w.kohtaanto').code).toBe(0);
    const r = runKohtaantoIn(sv, dir, 'import', 'w.kohtaanto', 'rader.csv');
    expect(r.code).toBe(0);
    expect(r.out).toContain('  - rader.csv: rad 2, id srv-9: kolumn capacity: ”kymmenen” är inte ett tal');
    expect(r.out).toContain('  - rader.csv: rad 3: id saknas');
    expect(r.out).toContain('varning: kolumnen är inget fält i något objekt; hoppades över (1×, t.ex. rader.csv "lempiväri")');
    expect(r.out).toContain('överhoppade 2');
    // What was written, as the app's import summary says it, and nothing of it in English.
    expect(r.out).toMatch(/^Vad\s+Skapade\s+Uppdaterade\s+Oförändrade$/m);
    expect(r.out).toMatch(/^Tjänster\s+1\s+0\s+0$/m);
    expect(r.out).toMatch(/^Länkar\s+0\s+0\s+0$/m);
    expect(r.out).not.toMatch(/created|service|links|skipped|warning/i);
    const dry = runKohtaantoIn(sv, dir, 'import', 'w.kohtaanto', 'rader.csv', '--dry-run');
    expect(dry.out).toContain('Provkörning: inget skrevs.');
    expect(dry.out).toMatch(/^Tjänster\s+0\s+0\s+1$/m);
    const fi = runKohtaantoIn(sv, dir, 'import', 'w.kohtaanto', 'rader.csv', '--lang', 'fi');
    expect(fi.out).toContain('  - rader.csv: rivi 2, tunniste srv-9: sarake capacity: ”kymmenen” ei ole luku');
    expect(fi.out).toMatch(/^Mitä\s+Luotu\s+Päivitetty\s+Ennallaan$/m);
    expect(fi.out).toMatch(/^Palvelut\s+0\s+0\s+1$/m);
    const stop = runKohtaantoIn(sv, dir, 'import', 'w.kohtaanto', 'rader.csv', '--on-error', 'stop');
    expect(stop.code).toBe(1);
    expect(stop.err.trim()).toBe('kohtaanto import: rader.csv: rad 2, id srv-9: kolumn capacity: ”kymmenen” är inte ett tal');
    const en = runKohtaantoIn({}, dir, 'import', 'w.kohtaanto', 'rader.csv', '--on-error', 'stop');
    expect(en.err.trim()).toBe('kohtaanto import: rader.csv: row 2, id srv-9: column capacity: "kymmenen" is not a number');
  }, 120_000);

  it('says why a workspace file cannot be opened in the user language', () => {
    fs.writeFileSync(path.join(dir, 'muistio.kohtaanto'), 'tämä on tekstiä, ei tietokanta\n'.repeat(10));
    fs.writeFileSync(path.join(dir, 'rader.csv'), 'id;kind;name.fi\nsrv-1;service;Uusi\n');
    const fi = runKohtaantoIn({ LANG: 'fi_FI.UTF-8' }, dir, 'import', 'muistio.kohtaanto', 'rader.csv');
    expect(fi.code).toBe(1);
    expect(fi.err.trim()).toBe('kohtaanto import: muistio.kohtaanto ei ole Kohtaanto-työtila (se ei ole SQLite-tiedosto).');
    const sv = runKohtaantoIn({}, dir, 'import', 'muistio.kohtaanto', 'rader.csv', '--lang', 'sv');
    expect(sv.err.trim()).toBe('kohtaanto import: muistio.kohtaanto är inte en Kohtaanto-arbetsyta (inte en SQLite-fil).');
    const en = runKohtaantoIn({}, dir, 'import', 'muistio.kohtaanto', 'rader.csv');
    expect(en.err.trim()).toBe('kohtaanto import: muistio.kohtaanto is not a Kohtaanto workspace (not an SQLite file).');
  }, 60_000);
});
