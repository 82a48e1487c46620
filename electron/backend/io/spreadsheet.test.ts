import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/result';
import { ENTITY_KINDS, EntitySchema, METERS, type Service } from '../../../shared/model';
import { importFiles } from './import';
import { escapeCell, exportCsv, exportCsvFolder, exportXlsx, FIELDS, proposeMapping, readTables, unescapeCell } from './spreadsheet';
import { cleanupWorkspaces, fillSample, HAS_SHARED, SHARED_DATA, snapshot, tempWorkspace, TRICKY } from './testing';
import { guardZip } from './zip-guard';

afterEach(cleanupWorkspaces);

describe('spreadsheet columns', () => {
  it('cover every field of every entity kind in shared/model', () => {
    const shapes: Record<string, object> = {};
    for (const option of EntitySchema.options) shapes[(option.shape.kind as unknown as { value: string }).value] = option.shape;
    for (const kind of ENTITY_KINDS) {
      expect(FIELDS[kind].map((f) => f.field).sort(), kind).toEqual(Object.keys(shapes[kind]).sort());
    }
  });
});

describe('formula escaping', () => {
  it('prefixes cells a spreadsheet would run as formulas, and import strips exactly that', () => {
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell('+358')).toBe("'+358");
    expect(escapeCell('-x')).toBe("'-x");
    expect(escapeCell('@x')).toBe("'@x");
    expect(escapeCell('\tx')).toBe("'\tx");
    expect(escapeCell('\rx')).toBe("'\rx");
    expect(escapeCell("'x")).toBe("''x");
    expect(escapeCell('Helsinki=Helsingfors')).toBe('Helsinki=Helsingfors');
    for (const s of [...TRICKY, '', "''"]) expect(unescapeCell(escapeCell(s))).toBe(s);
  });

  it('CSV and XLSX exports contain no cell that starts a formula', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    let cells = 0;
    for (const { text } of exportCsv(ws, { delimiter: ',' })) {
      for (const row of Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',' }).data) {
        for (const cell of row) {
          cells++;
          // A number cell may be negative; any other cell must not start a formula.
          if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    expect(exportCsv(ws).find((f) => f.name === 'service.csv')!.text).toContain(`"'=HYPERLINK(""http://example.org"",""klikkaa"")"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(ws)) as unknown as ExcelJS.Buffer);
    let strings = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            strings++;
            expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(20);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Organisaatiot', 'Palvelut', 'Asiointikanavat', 'Elämäntapahtumat', 'Palvelutarpeet', 'Asiakasprofiilit', 'Linkit']);
  });
});

describe('spreadsheet export and re-import', () => {
  it('CSV folder → new workspace gives back the same entities and links', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-csv-'));
    try {
      const files = exportCsvFolder(a, dir);
      expect(files.map((f) => path.basename(f))).toEqual([...ENTITY_KINDS.map((k) => `${k}.csv`), 'links.csv']);
      const service = fs.readFileSync(path.join(dir, 'service.csv'), 'utf8');
      expect(service.charCodeAt(0)).toBe(0xfeff);
      expect(service.split('\r\n')[0]).toMatch(/^\uFEFFid;kind;name\.fi;name\.sv;name\.en;description\.fi/);
      const b = tempWorkspace('b');
      const r = await importFiles(b, files.map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) })), { onError: 'stop' });
      expect(r.created).toEqual({ organisation: 1, service: 2, channel: 1, lifeEvent: 1, need: 1, persona: 1 });
      expect(r.links.created).toBe(4);
      expect(b.listEntities()).toEqual(a.listEntities());
      expect(b.listLinks()).toEqual(a.listLinks());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('XLSX → new workspace gives back the same entities and links', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    const b = tempWorkspace('b');
    await importFiles(b, [{ name: 'export.xlsx', bytes: await exportXlsx(a) }], { onError: 'stop' });
    // XML (and so XLSX) reads a lone carriage return as a line feed; everything else comes back as it was.
    const crlf = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/\\r/g, '\\n'));
    expect(crlf(b.listEntities())).toEqual(crlf(a.listEntities()));
    expect(b.listLinks()).toEqual(a.listLinks());
  });

  it('XLSX in Swedish and English: headings in the language, the key row under them, and it still imports back the same', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    for (const lang of ['sv', 'en'] as const) {
      const bytes = await exportXlsx(a, { lang });
      const b = tempWorkspace(`b-${lang}`);
      const r = await importFiles(b, [{ name: `export-${lang}.xlsx`, bytes }], { onError: 'stop' });
      expect(r.warnings).toEqual([]);
      const crlf = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/\\r/g, '\\n'));
      expect(crlf(b.listEntities())).toEqual(crlf(a.listEntities()));
      expect(b.listLinks()).toEqual(a.listLinks());
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(a, { lang: 'sv' })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Organisationer', 'Tjänster', 'Servicekanaler', 'Livshändelser', 'Servicebehov', 'Kundprofiler', 'Länkar']);
    const services = wb.getWorksheet('Tjänster')!;
    const labels = (services.getRow(1).values as unknown[]).slice(1);
    const keys = (services.getRow(2).values as unknown[]).slice(1);
    expect(keys.slice(0, 4)).toEqual(['id', 'kind', 'name.fi', 'name.sv']);
    expect(labels.slice(0, 4)).toEqual(['Id', 'Typ', 'Namn (på finska)', 'Namn (på svenska)']);
    expect(labels[keys.indexOf('meterAffinities.health')]).toMatch(/: Hälsa$/);
    expect(labels.every((l) => typeof l === 'string' && !/^[a-z]+[A-Z.]/.test(l))).toBe(true);
    expect(services.getRow(3).getCell(1).value).toBe('srv-1');
    const links = wb.getWorksheet('Länkar')!;
    expect((links.getRow(2).values as unknown[]).slice(1)).toEqual(['id', 'type', 'typeLabel', 'source', 'sourceName', 'target', 'targetName', 'role', 'importance']);
    const provides = [3, 4, 5, 6].map((n) => (links.getRow(n).values as unknown[]).slice(1)).find((r) => r[0] === 'l1')!;
    const row = Object.fromEntries(['id', 'type', 'typeLabel', 'source', 'sourceName', 'target', 'targetName'].map((k, i) => [k, provides[i]]));
    expect(row).toMatchObject({ source: 'org-1', sourceName: 'S:t Michels stad', target: 'srv-1', type: 'provides' });
    expect(row.typeLabel).not.toBe('provides');
    expect(row.targetName).toBe(`'=HYPERLINK("http://example.org","klikkaa")`);
  });

  it('re-import merges by id: present columns overwrite, absent columns keep what is stored', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const csv = exportCsv(ws).find((f) => f.name === 'service.csv')!.text;
    const [head, row1] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const headers = head.split(';');
    // Keep only id, kind and name.fi: a person renamed the service in Excel and deleted the rest.
    const keep = ['id', 'kind', 'name.fi'].map((h) => headers.indexOf(h));
    const cells = row1.split(';');
    expect(cells[0]).toBe('srv-1');
    const edited = `${keep.map((i) => headers[i]).join(';')}\r\nsrv-1;service;Etsivä nuorisotyö\r\n`;
    const r = await importFiles(ws, [{ name: 'service.csv', bytes: new TextEncoder().encode(edited) }]);
    expect(r.updated.service).toBe(1);
    const s = ws.getEntity('srv-1') as Service;
    expect(s.name).toEqual({ fi: 'Etsivä nuorisotyö', en: 'Youth outreach' });
    expect(s.capacity).toBe(120);
    expect(s.meterAffinities).toEqual({ health: 1, housing: 0, finance: 0.5 });
    expect(ws.listLinks()).toHaveLength(4);
  });

  it('reports bad rows with their row number and reason, and stops on them when asked', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const before = snapshot(ws);
    const csv = 'id;kind;name.fi;capacity\nsrv-9;service;Uusi;kymmenen\n;service;Ei tunnistetta;\nx-1;widget;Outo;\n';
    const bytes = new TextEncoder().encode(csv);
    const err = await importFiles(ws, [{ name: 'service.csv', bytes }], { onError: 'stop' }).catch((e: unknown) => e);
    expect((err as AppError).message).toBe('service.csv: row 2, id srv-9: column capacity: "kymmenen" is not a number');
    expect(snapshot(ws)).toEqual(before);
    const r = await importFiles(ws, [{ name: 'service.csv', bytes }]);
    expect(r.skipped.map((s) => `${s.record}: ${s.reason}`)).toEqual([
      'row 2, id srv-9: column capacity: "kymmenen" is not a number',
      'row 3: no id',
      'row 4, id x-1: kind "widget" is not one of organisation, service, channel, lifeEvent, need, persona',
    ]);
  });
});

// ---------------------------------------------------------------- ZIP guard

function crc32(buf: Buffer): number {
  const z = zlib as unknown as { crc32?: (b: Buffer) => number };
  return z.crc32 ? z.crc32(buf) : 0;
}

/** A minimal ZIP writer for the guard tests; `declare` overrides the sizes the directory claims. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = zlib.deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc32(e.data), 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc32(e.data), 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('XLSX size cap', () => {
  it('refuses a zip bomb before unpacking it, with a clear message', async () => {
    // 80 MB of zeros deflate to about 80 kB: more than the 64 MB default cap once unpacked.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const ws = tempWorkspace();
    const before = snapshot(ws);
    for (const onError of ['skip', 'stop'] as const) {
      const err = await importFiles(ws, [{ name: 'pommi.xlsx', bytes: bomb }], { onError }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('too_large');
      expect((err as AppError).message).toMatch(/^pommi\.xlsx: would unpack to more than 64 MB .* it was not opened/);
    }
    expect(snapshot(ws)).toEqual(before);
  });

  it('refuses a file whose parts are larger than they declare', () => {
    const liar = zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(5_000_000, 0x41), declare: 1000 }]);
    expect(() => guardZip(liar, 'valehtelija.xlsx')).toThrow(/valehtelija\.xlsx: a part inside \(xl\/sharedStrings\.xml\) is larger than it declares/);
  });

  it('honours a smaller cap, and refuses a truncated workbook as unreadable', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const book = await exportXlsx(ws);
    expect(guardZip(book, 'ok.xlsx').length).toBeGreaterThan(5);
    expect(() => guardZip(book, 'ok.xlsx', { maxUncompressed: 10_000 })).toThrow(/would unpack to more than/);
    const cut = book.subarray(0, Math.floor(book.length / 2));
    const r = await importFiles(tempWorkspace('b'), [{ name: 'puolikas.xlsx', bytes: cut }]);
    expect(r.skipped).toEqual([{ file: 'puolikas.xlsx', record: '(whole file)', at: [{ code: 'where.wholeFile' }], reason: expect.stringMatching(/^not a readable \.xlsx file/), code: 'zip.truncated' }]);
  });
});

// ---------------------------------------------------------------- services with a column mapping

describe('services sheets with a column mapping', () => {
  it('proposes a mapping from Finnish, Swedish and English headers', () => {
    expect(
      proposeMapping(['Palvelun tunniste', 'Nimi', 'Nimi ruotsiksi', 'Name (en)', 'Kuvaus', 'Kuntakoodi', 'Palveluluokat', 'Kohderyhmä', 'Elämäntilanne', 'Organisaatio', 'Terveys', 'Opiskelu tai työ', 'Muistiinpanot']),
    ).toEqual({
      'Palvelun tunniste': 'id',
      Nimi: 'name.fi',
      'Nimi ruotsiksi': 'name.sv',
      'Name (en)': 'name.en',
      Kuvaus: 'description.fi',
      Kuntakoodi: 'municipalities',
      Palveluluokat: 'serviceClasses',
      Kohderyhmä: 'targetGroups',
      Elämäntilanne: 'lifeEvents',
      Organisaatio: 'organisation',
      Terveys: 'meter.health',
      'Opiskelu tai työ': 'meter.working_studying',
      Muistiinpanot: null,
    });
  });

  it('asks for a mapping when it cannot tell, and imports with the one given (Windows-1252, semicolons)', async () => {
    const ws = tempWorkspace();
    const csv = 'Tunnus;Otsake;Selite;Alue\r\nA-1;Nuorten työpaja;Työtä ja tukea;Mikkeli\r\nA-2;Perheneuvola;;491;\r\n';
    const bytes = iconv.encode(csv, 'win1252');
    const err = await importFiles(ws, [{ name: 'lista.csv', bytes }]).catch((e: unknown) => e);
    expect((err as AppError).details).toMatchObject({ reason: 'needs-mapping', headers: ['Tunnus', 'Otsake', 'Selite', 'Alue'] });
    const r = await importFiles(ws, [{ name: 'lista.csv', bytes }], {
      mapping: { Tunnus: 'id', Otsake: 'name.fi', Selite: 'description.fi', Alue: 'municipalities' },
    });
    expect(r.created.service).toBe(2);
    expect(ws.getEntity('A-1')).toMatchObject({ name: { fi: 'Nuorten työpaja' }, description: { fi: 'Työtä ja tukea' }, areaType: 'limited', areas: ['491'] });
    expect(ws.getEntity('A-2')).toMatchObject({ name: { fi: 'Perheneuvola' }, areas: ['491'] });
  });

  it('links organisations named in a column and life events by code', async () => {
    const ws = tempWorkspace();
    const csv = 'id,name,organisation,life events\nB-1,Kotihoito,Mikkelin kaupunki,KE11\nB-2,Kotisairaala,Mikkelin kaupunki,\n';
    const r = await importFiles(ws, [{ name: 'b.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(r.created).toMatchObject({ service: 2, organisation: 1, lifeEvent: 1 });
    expect(ws.listLinks({ type: 'provides' })).toHaveLength(2);
    expect(ws.listLinks({ type: 'inLifeEvent' })).toEqual([expect.objectContaining({ source: 'B-1', target: 'le-KE11' })]);
    // Again: nothing new.
    const again = await importFiles(ws, [{ name: 'b.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(again.created).toMatchObject({ service: 0, organisation: 0, lifeEvent: 0 });
    expect(ws.listEntities('organisation')).toHaveLength(1);
  });
});

describe.skipIf(!HAS_SHARED)('AuroraAI 3X10D labelling sheet (reads ../shared/data)', () => {
  const labels = path.join(SHARED_DATA, 'labels');

  async function check(file: string) {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [{ name: file, bytes: fs.readFileSync(path.join(labels, file)) }], { onError: 'stop' });
    const services = ws.listEntities('service') as Service[];
    return { r, ws, services };
  }

  for (const file of ['auroraai-3x10d-labels.csv', 'auroraai-3x10d-labels.xlsx']) {
    it(`${file}: 1,790 services, 1,119 "EI MUKAAN" excluded, 205 labelled, unreviewed rows unlabelled`, async () => {
      const { r, services } = await check(file);
      expect(r.created.service).toBe(1790); // 1,801 rows, some services on several sheets
      expect(services.filter((s) => s.excluded)).toHaveLength(1119);
      const labelled = services.filter((s) => s.meterAffinities);
      expect(labelled).toHaveLength(205);
      expect(labelled.filter((s) => s.excluded)).toHaveLength(0);
      // A labelled row sets all ten meters: the reviewer looked at each.
      for (const s of labelled) expect(Object.keys(s.meterAffinities!).sort()).toEqual([...METERS].sort());
      // Mikkeli's "Aikuissosiaalityö": resilience, housing, family, finance.
      const a = services.find((s) => s.id === 'srv-ad75fe5d-cce3-4961-b764-4a93b98567ff')!;
      expect(a.meterAffinities).toEqual({
        health: 0,
        resilience: 1,
        housing: 1,
        working_studying: 0,
        family: 1,
        friends: 0,
        finance: 1,
        improvement_of_strengths: 0,
        self_esteem: 0,
        life_satisfaction: 0,
      });
      expect(a.areas).toEqual(['491']);
      expect(a.name.fi).toBe('Aikuissosiaalityö');
      // A service on the Turku and Oulu sheets (never reviewed) and excluded on Mikkeli's.
      const c = services.find((s) => s.id === 'srv-c6af661b-60fc-413c-980f-349b25db2da8')!;
      expect(c.excluded).toBe(true);
      expect(c.meterAffinities).toBeUndefined();
      expect([...c.areas].sort()).toEqual(['491', '564', '853']);
      expect(r.skipped).toEqual([]);
    });
  }

  it('proposes the right mapping for both forms of the sheet', async () => {
    const csvHeaders = (await readTables({ name: 'l.csv', bytes: fs.readFileSync(path.join(labels, 'auroraai-3x10d-labels.csv')) }))[0].headers;
    expect(proposeMapping(csvHeaders)).toEqual({
      id: 'id',
      municipality_code: 'municipalities',
      sheet: null,
      name: 'name.fi',
      summary: 'description.fi',
      excluded: 'excluded',
      ...Object.fromEntries(METERS.map((m) => [m, `meter.${m}`])),
    });
    const xlsx = await readTables({ name: 'l.xlsx', bytes: fs.readFileSync(path.join(labels, 'auroraai-3x10d-labels.xlsx')) });
    expect(xlsx.map((t) => t.sheet)).toEqual(['kansalliset', 'Turku', 'Oulu', 'Mikkeli', 'mittarit']);
    expect(proposeMapping(xlsx[0].headers)).toMatchObject({ id: 'id', Name: 'name.fi', serviceSummary: 'description.fi', terveys: 'meter.health', 'tyytyväisyys elämään': 'meter.life_satisfaction', 'EI MUKAAN': 'excluded' });
  });

  it('labels merge onto services already imported from PTV without replacing their texts', async () => {
    const ws = tempWorkspace();
    const ptv = path.join(SHARED_DATA, 'ptv/v11/service-etalukio.json');
    await importFiles(ws, [{ name: 'etalukio.json', bytes: fs.readFileSync(ptv) }]);
    const before = ws.getEntity('srv-3668d250-cd80-45c4-abcc-9b2d3a2b3e42') as Service;
    const csv = `id,name,summary,health,housing\n3668d250-cd80-45c4-abcc-9b2d3a2b3e42,Toinen nimi,Lyhyt,x,\n`;
    const r = await importFiles(ws, [{ name: 'l.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(r.updated.service).toBe(1);
    const after = ws.getEntity(before.id) as Service;
    expect(after.name).toEqual(before.name);
    expect(after.description).toEqual(before.description);
    expect(after.meterAffinities).toEqual({ health: 1, housing: 0 });
    expect(after.serviceClasses).toEqual(before.serviceClasses);
  });
});
