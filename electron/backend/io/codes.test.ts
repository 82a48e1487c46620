import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildCodeLists, compareCodes, readClassificationMap } from './codes-build';
import { codeLists, codesDir } from './codes';
import { HAS_SHARED, SHARED_DATA } from './testing';

describe('bundled code lists', () => {
  const codes = codeLists();

  it('labels a code in Finnish, Swedish and English', () => {
    expect(codes.label('serviceClasses', 'P1')).toBe('Asuminen');
    expect(codes.label('serviceClasses', 'P1', 'sv')).toBe('Boende');
    expect(codes.label('serviceClasses', 'P1', 'en')).toBe('Housing');
    expect(codes.label('lifeEvents', 'KE11', 'en')).toBe('Falling seriously ill');
    expect(codes.label('targetGroups', 'KR1', 'fi')).toBe('Kansalaiset');
    expect(codes.label('municipalities', '853', 'sv')).toBe('Åbo');
    expect(codes.label('regions', '02')).toBe('Varsinais-Suomi');
    expect(codes.label('wellbeingCounties', '05')).toBe('Varsinais-Suomen hyvinvointialue');
    expect(codes.label('serviceClasses', 'P999')).toBeUndefined();
  });

  it('lists the children of a class, and a top class includes all its sub-classes', () => {
    expect(codes.children('serviceClasses', 'P1')).toEqual(['P1.1', 'P1.2', 'P1.3', 'P1.4', 'P1.5']);
    const p1 = codes.withDescendants('serviceClasses', 'P1');
    expect(p1).toEqual(['P1', 'P1.1', 'P1.2', 'P1.3', 'P1.4', 'P1.5']);
    expect(codes.withDescendants('serviceClasses', 'P1.2')).toEqual(['P1.2']);
    expect(codes.topOf('serviceClasses', 'P7.12')).toBe('P7');
    expect(codes.children('targetGroups', 'KR1')).toContain('KR1.2');
    expect(codes.children('lifeEvents', 'KE4')).toEqual(['KE4.1', 'KE4.2', 'KE4.3', 'KE4.4']);
  });

  it('gives the municipalities of a region and of a wellbeing services county', () => {
    const vs = codes.municipalitiesOf('region', '02');
    expect(vs).toContain('853'); // Turku
    expect(vs).toContain('529'); // Naantali
    expect(vs).not.toContain('091'); // Helsinki is in Uusimaa
    expect(codes.municipalitiesOf('wellbeingCounty', '90')).toEqual(['091']); // Helsinki organises its own
    expect(codes.regionOf('491')).toBe('10'); // Mikkeli, Etelä-Savo
    expect(codes.countyOf('491')).toBe('12');
    // Every municipality is in exactly one region and one county.
    const all = codes.items('municipalities').map((m) => m.code);
    expect(all).toHaveLength(309);
    const byRegion = codes.items('regions').flatMap((r) => codes.municipalitiesOf('region', r.code));
    const byCounty = codes.items('wellbeingCounties').flatMap((c) => codes.municipalitiesOf('wellbeingCounty', c.code));
    expect([...byRegion].sort()).toEqual([...all].sort());
    expect([...byCounty].sort()).toEqual([...all].sort());
  });

  it('maps old urn.fi URIs and current code URIs to codes', () => {
    const map = codes.oldUriMap('serviceClasses');
    expect(map.get('http://urn.fi/URN:NBN:fi:au:ptvl:v1001')).toBe('P1');
    expect(codes.oldUriMap().get('http://urn.fi/URN:NBN:fi:au:ptvl:v2001')).toBe('KR1');
    expect(codes.fromUri('http://urn.fi/URN:NBN:fi:au:ptvl:v3004')).toEqual({ list: 'lifeEvents', code: 'KE11' });
    expect(codes.fromUri('http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR1.2')).toEqual({ list: 'targetGroups', code: 'KR1.2' });
    expect(codes.fromUri('http://www.yso.fi/onto/koko/p14592')).toBeUndefined();
  });

  it('finds municipalities by name in any of the three languages', () => {
    expect(codes.municipalityByName('Turku')).toBe('853');
    expect(codes.municipalityByName('åbo')).toBe('853');
    expect(codes.municipalityByName(' Mikkeli ')).toBe('491');
    expect(codes.municipalityByName('kansalliset')).toBeUndefined();
  });

  it('keeps a provenance line in every list and the licences beside them', () => {
    for (const p of Object.values(codes.provenance)) expect(p).toMatch(/MIT licence, see LICENSE-/);
    const dir = codesDir();
    expect(fs.readFileSync(path.join(dir, 'LICENSE-ptv-releases'), 'utf8')).toMatch(/MIT License/);
    expect(fs.readFileSync(path.join(dir, 'LICENSE-auroraai-core-components'), 'utf8')).toMatch(/MIT License/);
  });

  it('orders codes as people read them', () => {
    expect(['P10', 'P2', 'P1.10', 'P1.2', 'P1'].sort(compareCodes)).toEqual(['P1', 'P1.2', 'P1.10', 'P2', 'P10']);
  });

  it('reads a Windows-1252 classification map with its extra header lines', () => {
    const csv = '\n\nWindows-1252;;kunta_1_20220101#maakunta_1_20220101;;\nsourcecode;sourcename;targetcode;targetname\n\n"\'020\'";"Akaa";"\'06\'";"Pirkanmaa"\n"\'989\'";"Ähtäri";"\'14\'";"Etelä-Pohjanmaa"\n';
    const map = readClassificationMap(iconv.encode(csv, 'win1252'));
    expect(map.scheme).toBe('kunta_1_20220101#maakunta_1_20220101');
    expect([...map.pairs]).toEqual([
      ['020', '06'],
      ['989', '14'],
    ]);
  });
});

describe.skipIf(!HAS_SHARED)('bundled code lists match the published ones (reads ../shared/data)', () => {
  it('rebuilding resources/codes from ../shared/data/codes changes nothing', () => {
    const built = buildCodeLists(path.join(SHARED_DATA, 'codes'));
    for (const [name, text] of Object.entries(built)) {
      expect(fs.readFileSync(path.join(codesDir(), name), 'utf8'), name).toBe(text);
    }
  });
});
