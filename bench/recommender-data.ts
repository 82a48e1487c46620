/**
 * Loads the real data under ../shared/data for the recommender benches: the AuroraAI 3X10D
 * labelling sheet (as CSV) and the legacy PTV services, turned into Kohtaanto services.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { METERS, type Meter, type Service } from '../shared/model';

export const DATA_DIR = process.env.KOHTAANTO_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');

/** One row of labels/auroraai-3x10d-labels.csv. */
export interface LabelRow {
  id: string;
  municipality: string;
  sheet: string;
  name: string;
  summary: string;
  excluded: boolean;
  marks: Record<Meter, boolean>;
  /** At least one meter marked: a reviewed, relevant service. */
  labelled: boolean;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** The labelling sheet's rows. */
export function loadLabelRows(): LabelRow[] {
  const [header, ...rows] = parseCsv(readFileSync(join(DATA_DIR, 'labels', 'auroraai-3x10d-labels.csv'), 'utf8'));
  const col = (name: string) => header.indexOf(name);
  return rows.map((r) => {
    const marks = Object.fromEntries(METERS.map((m) => [m, r[col(m)] === '1'])) as Record<Meter, boolean>;
    return {
      id: r[col('id')],
      municipality: r[col('municipality_code')],
      sheet: r[col('sheet')],
      name: r[col('name')],
      summary: r[col('summary')],
      excluded: r[col('excluded')] === '1',
      marks,
      labelled: METERS.some((m) => marks[m]),
    };
  });
}

/** A label row as a workspace service; `withLabels` false hides its meter marks (an unlabelled service). */
export function labelRowToService(row: LabelRow, withLabels: boolean, id = row.id): Service {
  return {
    id,
    kind: 'service',
    name: { fi: row.name },
    description: { fi: row.summary },
    tags: [],
    serviceClasses: [],
    targetGroups: [],
    lifeEvents: [],
    ontologyTerms: [],
    areaType: row.municipality ? 'limited' : 'nationwide',
    areas: row.municipality ? [row.municipality] : [],
    languages: ['fi'],
    fundingType: 'public',
    keywords: [],
    meterAffinities:
      withLabels && row.labelled ? (Object.fromEntries(METERS.map((m) => [m, row.marks[m] ? 1 : 0])) as Service['meterAffinities']) : undefined,
    excluded: row.excluded,
  };
}

type Lv = { language: string; value: string | null; type?: string }[] | null | undefined;
const pick = (list: Lv, types?: string[]) => {
  const out: Record<string, string> = {};
  for (const x of list ?? []) {
    if (!x.value || (types && x.type && !types.includes(x.type))) continue;
    if (x.language === 'fi' || x.language === 'sv' || x.language === 'en') out[x.language] ??= x.value;
  }
  return out;
};
const uriTail = (u: string | null | undefined) => (u ? u.replace(/\/$/, '').split('/').pop()! : '');

/** Legacy PTV services (API v7–v9 JSON files) as workspace services, with the organisation that is responsible. */
export function loadLegacyServices(): { service: Service; organisationId: string | undefined }[] {
  const dir = join(DATA_DIR, 'ptv', 'legacy', 'services');
  if (!existsSync(dir)) return [];
  const out: { service: Service; organisationId: string | undefined }[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json')) continue;
    try {
      const d = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const name = pick(d.serviceNames, ['Name']);
      if (!name.fi && !name.sv && !name.en) continue;
      const municipalities: string[] = [];
      for (const a of d.areas ?? []) for (const m of a.municipalities ?? []) if (m.code) municipalities.push(m.code);
      const codes = (list: { code?: string | null; uri?: string }[] | null | undefined) =>
        (list ?? []).map((x) => x.code || uriTail(x.uri)).filter(Boolean);
      const service: Service = {
        id: d.id,
        kind: 'service',
        name,
        description: pick(d.serviceDescriptions, ['Description', 'Summary', 'ShortDescription']),
        tags: [],
        serviceClasses: codes(d.serviceClasses),
        targetGroups: codes(d.targetGroups),
        lifeEvents: codes(d.lifeEvents),
        ontologyTerms: codes(d.ontologyTerms),
        areaType: d.areaType === 'LimitedType' ? 'limited' : d.areaType === 'NationwideExceptAlandIslands' ? 'nationwideExceptAland' : 'nationwide',
        areas: municipalities,
        languages: (d.languages ?? []).filter((l: unknown) => typeof l === 'string'),
        fundingType: d.fundingType === 'MarketFunded' ? 'market' : 'public',
        keywords: (d.keywords ?? []).map((k: { value?: string }) => k.value).filter(Boolean),
        excluded: false,
      };
      const org = (d.organizations ?? []).find((o: { roleType: string }) => o.roleType === 'Responsible');
      out.push({ service, organisationId: org?.organization?.id });
    } catch {
      // A broken file is one lost example, not a failed bench.
    }
  }
  return out;
}

/** Municipality → region and → wellbeing county, from the published Windows-1252 CSVs. */
export function loadAreaMaps(): { region: Map<string, string[]>; wellbeingCounty: Map<string, string[]> } {
  const read = (file: string) => {
    const p = join(DATA_DIR, 'codes', file);
    const groups = new Map<string, string[]>();
    if (!existsSync(p)) return groups;
    const text = new TextDecoder('windows-1252').decode(readFileSync(p));
    for (const line of text.split(/\r?\n/)) {
      const cells = line.split(';').map((c) => c.replace(/["']/g, '').trim());
      if (cells.length < 3 || !/^\d{3}$/.test(cells[0]) || !/^\d+$/.test(cells[2])) continue;
      const list = groups.get(cells[2]) ?? [];
      list.push(cells[0]);
      groups.set(cells[2], list);
    }
    return groups;
  };
  return { region: read('municipality-to-region.cp1252.csv'), wellbeingCounty: read('municipality-to-wellbeing-county.cp1252.csv') };
}

/** Deterministic PRNG so benches print the same figures on every run. */
export { seededRandom } from '../shared/util/random';

/** Municipality names in Finnish and Swedish (code list), for the model to ignore as evidence. */
export function loadMunicipalityNames(): string[] {
  const p = join(DATA_DIR, 'codes', 'municipalities-2023.json');
  if (!existsSync(p)) return [];
  const d = JSON.parse(readFileSync(p, 'utf8')) as { results: { prefLabel: Record<string, string> }[] };
  return [...new Set(d.results.flatMap((r) => [r.prefLabel.fi, r.prefLabel.sv].filter(Boolean)))].sort();
}
