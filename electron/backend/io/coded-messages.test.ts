import { afterEach, describe, expect, it } from 'vitest';
import { isMessageCode } from '../../../shared/api/messages';
import { AppError } from '../../../shared/api/result';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { sayMessage, sayRecord, sayWithPlace } from '../../../renderer/src/i18n/say';
import { importFiles } from './import';
import { cleanupWorkspaces, fillSample, snapshot, tempWorkspace } from './testing';

afterEach(() => cleanupWorkspaces());

const csv = 'id;kind;name.fi;capacity;lempiväri\nsrv-9;service;Uusi;kymmenen;sininen\n;service;Ei tunnistetta;;\nx-1;widget;Outo;;\n';
const bytes = new TextEncoder().encode(csv);

describe('import problems travel as codes with parameters', () => {
  it('codes every skipped row and warning, with the row, column and value, and says them in Swedish', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const r = await importFiles(ws, [{ name: 'service.csv', bytes }]);
    expect(r.skipped.map((s) => [s.code, s.params])).toEqual([
      ['import.notNumber', { column: 'capacity', value: 'kymmenen' }],
      ['import.noId', undefined],
      ['import.badKind', { value: 'widget', allowed: 'organisation, service, channel, lifeEvent, need, persona' }],
    ]);
    expect(r.warnings.map((w) => [w.code, w.count, w.example])).toEqual([['import.unknownColumn', 1, 'service.csv "lempiväri"']]);
    // Where each one is, by codes too: said in Swedish, nothing English is left.
    expect(r.skipped.map((s) => s.record)).toEqual(['row 2, id srv-9', 'row 3', 'row 4, id x-1']);
    expect(r.skipped.map((s) => sayRecord(translator('sv'), s))).toEqual(['rad 2, id srv-9', 'rad 3', 'rad 4, id x-1']);
    expect(r.skipped.map((s) => sayRecord(translator('fi'), s))).toEqual(['rivi 2, tunniste srv-9', 'rivi 3', 'rivi 4, tunniste x-1']);
    // The English sentence stays beside the code for logs and API clients.
    expect(r.skipped[0].reason).toBe('column capacity: "kymmenen" is not a number');
    const sv = translator('sv');
    expect(r.skipped.map((s) => sayMessage(sv, { code: s.code!, params: s.params }))).toEqual([
      'kolumn capacity: ”kymmenen” är inte ett tal',
      'id saknas',
      'typen ”widget” är ingen av dessa: organisation, service, channel, lifeEvent, need, persona',
    ]);
    expect(sayMessage(sv, { code: r.warnings[0].code!, params: r.warnings[0].params })).toBe('kolumnen är inget fält i något objekt; hoppades över');
  });

  it('codes the error that stops an import, and leaves the workspace as it was', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const before = snapshot(ws);
    const err = (await importFiles(ws, [{ name: 'service.csv', bytes }], { onError: 'stop' }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toBe('service.csv: row 2, id srv-9: column capacity: "kymmenen" is not a number');
    expect(sayWithPlace(translator('sv'), err)).toBe('service.csv: rad 2, id srv-9: kolumn capacity: ”kymmenen” är inte ett tal');
    expect(err.msg).toEqual({ code: 'import.notNumber', params: { column: 'capacity', value: 'kymmenen' } });
    expect(sayMessage(translator('fi'), err.msg!)).toBe('sarake capacity: ”kymmenen” ei ole luku');
    expect(snapshot(ws)).toEqual(before);
  });

  it('codes problems with whole files (not JSON, not UTF-8, not a workbook)', async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [
      { name: 'a.json', bytes: new TextEncoder().encode('{"x": ') },
      { name: 'b.json', bytes: new Uint8Array([0x7b, 0xff, 0x7d]) },
      { name: 'c.xlsx', bytes: new TextEncoder().encode('not a zip') },
    ]);
    expect(r.skipped.map((s) => s.code)).toEqual(['import.notJson', 'import.notUtf8', 'zip.notZip']);
    for (const s of r.skipped) expect(isMessageCode(s.code)).toBe(true);
    expect(sayMessage(translator('sv'), { code: r.skipped[2].code!, params: r.skipped[2].params })).toBe('inte en läsbar .xlsx-fil (det är inte ett ZIP-paket).');
  });

  it('codes a list cell that looks like JSON but is not a list of texts', async () => {
    const ws = tempWorkspace();
    const lists = 'id;kind;name.fi;keywords\nsrv-1;service;Yksi;[nuoret, työ\nsrv-2;service;Kaksi;[1, 2]\n';
    const r = await importFiles(ws, [{ name: 'listat.csv', bytes: new TextEncoder().encode(lists) }]);
    expect(r.skipped.map((s) => [s.code, s.params])).toEqual([
      ['import.notJsonList', { column: 'keywords', value: '[nuoret, työ' }],
      ['import.listNotText', { column: 'keywords', value: '[1, 2]' }],
    ]);
    expect(sayMessage(translator('fi'), { code: r.skipped[1].code!, params: r.skipped[1].params })).toBe('sarake keywords: JSON-luettelossa saa olla vain tekstiä (”[1, 2]”)');
  });
});
