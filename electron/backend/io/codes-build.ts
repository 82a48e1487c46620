/**
 * Converts the published code lists (PTV classifications from vrk-kpa/ptv-releases, and the
 * koodistot.suomi.fi municipality, region and wellbeing-county lists from
 * vrk-kpa/auroraai-core-components) into the compact JSON under resources/codes that the app
 * bundles. Run again when a newer list is published:
 *
 *   npx tsx electron/backend/io/codes-build.ts <folder with the published lists> resources/codes
 *
 * The published files are large (notes, URLs, audit fields) and the municipality mappings are
 * Windows-1252 CSVs with extra header lines; the app only needs codes, labels, hierarchy and the
 * old `urn.fi` URIs that older PTV data still uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CodeItem, CodeListFile, CodeListName } from './codes';

interface PtvConcept {
  Id: string;
  Notation: string;
  BroaderUris: string[] | null;
  Label: { Fi?: string; Sv?: string; En?: string };
  OldUri?: string | null;
}

interface KoodistotCode {
  codeValue: string;
  status?: string;
  prefLabel: { fi?: string; sv?: string; en?: string };
}

const PTV_SOURCE = 'vrk-kpa/ptv-releases';
const AURORA_SOURCE = 'vrk-kpa/auroraai-core-components';

/** Orders P2 before P10 and P7.2 before P7.12, as people read codes. */
export function compareCodes(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function ptvList(file: string, describe: string): CodeItem[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as PtvConcept[];
  const codes = new Set(raw.map((c) => c.Notation));
  const items = raw.map((c): CodeItem => {
    // One published class (P7.12) points at its parent through the previous scheme's URI
    // (ptvserclass instead of ptvserclass2); the code at the end of the URI is what matters.
    let parent = c.BroaderUris?.[0] ? lastSegment(c.BroaderUris[0]) : undefined;
    if (!parent && c.Notation.includes('.')) parent = c.Notation.slice(0, c.Notation.lastIndexOf('.'));
    if (parent && !codes.has(parent)) throw new Error(`${describe}: ${c.Notation} has an unknown parent ${parent}.`);
    const item: CodeItem = { code: c.Notation, fi: c.Label.Fi ?? c.Notation };
    if (c.Label.Sv) item.sv = c.Label.Sv;
    if (c.Label.En) item.en = c.Label.En;
    if (parent) item.parent = parent;
    if (c.OldUri) item.oldUri = c.OldUri;
    return item;
  });
  return items.sort((a, b) => compareCodes(a.code, b.code));
}

function koodistotList(codes: KoodistotCode[]): CodeItem[] {
  return codes
    .map((c): CodeItem => {
      const item: CodeItem = { code: c.codeValue, fi: c.prefLabel.fi ?? c.codeValue };
      if (c.prefLabel.sv) item.sv = c.prefLabel.sv;
      if (c.prefLabel.en) item.en = c.prefLabel.en;
      return item;
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}

/**
 * Reads a koodistot.suomi.fi classification map as published: Windows-1252, `;`-separated, two
 * blank lines and an encoding/scheme line before the header, codes wrapped as `"'020'"` so that
 * Excel keeps their leading zeros.
 */
export function readClassificationMap(bytes: Buffer): { scheme: string; pairs: Map<string, string> } {
  const text = iconv.decode(bytes, 'win1252');
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim().toLowerCase().startsWith('sourcecode;'));
  if (headerAt < 0) throw new Error('No "sourcecode;sourcename;targetcode;targetname" header line.');
  const scheme = lines.slice(0, headerAt).find((l) => l.includes('#'))?.split(';').find((p) => p.includes('#')) ?? '';
  const parsed = Papa.parse<Record<string, string>>(lines.slice(headerAt).join('\n'), {
    delimiter: ';',
    header: true,
    skipEmptyLines: 'greedy',
  });
  const clean = (v: string | undefined) => (v ?? '').trim().replace(/^'+|'+$/g, '');
  const pairs = new Map<string, string>();
  for (const row of parsed.data) {
    const from = clean(row.sourcecode);
    const to = clean(row.targetcode);
    if (!/^\d{3}$/.test(from) || !/^\d{2}$/.test(to)) throw new Error(`Unexpected row ${JSON.stringify(row)}.`);
    pairs.set(from, to);
  }
  return { scheme, pairs };
}

function fileOf(name: CodeListName, provenance: string, items: CodeItem[]): CodeListFile {
  return { list: name, provenance, items };
}

/** One item a line: small, and a new published version shows as a readable diff. */
function serialise(file: CodeListFile): string {
  const head = JSON.stringify({ list: file.list, provenance: file.provenance });
  return `${head.slice(0, -1)},"items":[\n${file.items.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`;
}

/** Builds every bundled list from the published files in `srcDir`; returns them keyed by file name. */
export function buildCodeLists(srcDir: string): Record<string, string> {
  const src = (f: string) => path.join(srcDir, f);
  const out: Record<string, string> = {};

  const ptvNote = (what: string, file: string) =>
    `${what} from ${PTV_SOURCE} (${file}), MIT licence, see LICENSE-ptv-releases. Codes, fi/sv/en labels, hierarchy and old urn.fi URIs only.`;
  out['service-classes.json'] = serialise(
    fileOf('serviceClasses', ptvNote('PTV service classes (Palveluluokitus)', 'service-classes.json'), ptvList(src('service-classes.json'), 'service classes')),
  );
  out['life-events.json'] = serialise(
    fileOf('lifeEvents', ptvNote('PTV life events (Elämäntilanteet)', 'life-events.json'), ptvList(src('life-events.json'), 'life events')),
  );
  out['target-groups.json'] = serialise(
    fileOf('targetGroups', ptvNote('PTV target groups (Kohderyhmät)', 'target-groups.json'), ptvList(src('target-groups.json'), 'target groups')),
  );

  const regionsRaw = JSON.parse(fs.readFileSync(src('regions.json'), 'utf8')) as { codeValue: string; codes: KoodistotCode[] };
  const countiesRaw = JSON.parse(fs.readFileSync(src('wellbeing-counties.json'), 'utf8')) as { codeValue: string; codes: KoodistotCode[] };
  const munRaw = JSON.parse(fs.readFileSync(src('municipalities-2023.json'), 'utf8')) as { results: KoodistotCode[] };
  const regions = koodistotList(regionsRaw.codes);
  const counties = koodistotList(countiesRaw.codes);
  const municipalities = koodistotList(munRaw.results);

  const toRegion = readClassificationMap(fs.readFileSync(src('municipality-to-region.cp1252.csv')));
  const toCounty = readClassificationMap(fs.readFileSync(src('municipality-to-wellbeing-county.cp1252.csv')));
  const regionCodes = new Set(regions.map((r) => r.code));
  const countyCodes = new Set(counties.map((r) => r.code));
  for (const m of municipalities) {
    const region = toRegion.pairs.get(m.code);
    const county = toCounty.pairs.get(m.code);
    if (!region || !regionCodes.has(region)) throw new Error(`Municipality ${m.code} has no known region (${region}).`);
    if (!county || !countyCodes.has(county)) throw new Error(`Municipality ${m.code} has no known wellbeing county (${county}).`);
    m.region = region;
    m.county = county;
  }
  const aurora = `from ${AURORA_SOURCE} (koodistot.suomi.fi exports), MIT licence, see LICENSE-auroraai-core-components.`;
  out['municipalities.json'] = serialise(
    fileOf(
      'municipalities',
      `Finnish municipalities 2023 (kunta_1_20230101) ${aurora} Region and wellbeing county of each from municipality-to-region.cp1252.csv (${toRegion.scheme}) and municipality-to-wellbeing-county.cp1252.csv (${toCounty.scheme}) of the same repository.`,
      municipalities,
    ),
  );
  out['regions.json'] = serialise(fileOf('regions', `Regions (maakunnat, ${regionsRaw.codeValue}) ${aurora}`, regions));
  out['wellbeing-counties.json'] = serialise(
    fileOf('wellbeingCounties', `Wellbeing services counties (hyvinvointialueet, ${countiesRaw.codeValue}) ${aurora}`, counties),
  );
  out['LICENSE-ptv-releases'] = fs.readFileSync(src('LICENSE-ptv-releases'), 'utf8');
  out['LICENSE-auroraai-core-components'] = fs.readFileSync(src('LICENSE-auroraai-core-components'), 'utf8');
  return out;
}

function main(): void {
  const [srcDir, outDir] = process.argv.slice(2);
  if (!srcDir || !outDir) {
    console.error('usage: tsx electron/backend/io/codes-build.ts <published code lists folder> <resources/codes>');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(buildCodeLists(srcDir))) {
    fs.writeFileSync(path.join(outDir, name), text);
    console.log(`${name}: ${text.length} bytes`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
