/**
 * Builds the built-in example workspace `nuoret-kiinni-yhteiskunnassa.json` from the real public
 * data in ../shared/data (or $KOHTAANTO_DATA): the AuroraAI 3X10D labelling sheet, PTV general
 * descriptions, PTV code lists, PTV v11 responses and legacy PTV service channels. The hand-entered
 * part (organisations, needs, life events, personas, which services, channels without a PTV id) is
 * nuoret-kiinni-yhteiskunnassa.data.json, checked by example-data.ts. build-example.ts writes the
 * result; electron/backend/shipped-example.test.ts rebuilds it and compares with the committed file.
 *
 * The PTV records (the v11 service and channel, the legacy channels, the general descriptions) are
 * read by the app's own importer (importFiles, the code behind `kohtaanto import`) into a temporary
 * workspace, and the example takes what the importer made of them: names, descriptions, classes,
 * target groups, life events, ontology terms, areas, languages, funding and contact details. Only
 * the ontology terms' Finnish labels are read from the records themselves: the app keeps a term's
 * URI, and the evidence rules read the words.
 *
 * What comes from the data: service ids, Finnish names and summaries, municipalities, 3X10D labels,
 * the "EI MUKAAN" marks, sv/en names and descriptions, service classes, target groups, life
 * events and ontology terms of the matching general description (pohjakuvaus) or the v11 record, the
 * Nettilukio service and the Otavia / Kansalaisneuvonta / Nuortenelämä.fi channels. What the authors
 * wrote (and mark as such in the provenance): which organisation is responsible after the 2023
 * wellbeing-county reform, the needs and their evidence rules, the personas, and sv/en names where the
 * data has none. No PTV id is invented: every ptvId is checked against the data.
 *
 * How the links are made (no service→need link is chosen by hand):
 * - addresses (service → need): only where the need's rule in ./evidence-rules.ts holds for the
 *   service's record: a PTV service class, a PTV target group and/or a word stem in the service's own
 *   Finnish text. The link's data.evidence names what held ("class P4.1; words: asumista"). The rules
 *   were written as a definition of each need, not fitted so that every need gets a service; a need or
 *   persona left without supply is a finding, not a bug. Classes, target groups and life-event codes
 *   are never added by hand, so the rules read nothing the authors put there.
 * - inLifeEvent: every service belongs to the youth life event the set was chosen for; to the other two
 *   when it addresses their own need (coreNeeds) or carries their PTV code.
 * - expectedServices of a persona: services that address one of its needs of importance 4–5 by the same
 *   evidence, in its area and language (see expectedServices()).
 * - provides / offeredThrough: the v11 record's organisations and channels, and the PTV channels of
 *   the data (Kansalaisneuvonta, Nuortenelämä.fi, Otavan Opisto); otherwise the authors' reading: the
 *   organisation that runs the service today, and the channel the service's text names (Ohjaamo
 *   Olkkari, Byströmin Ohjaamo, NuortenTurku) or its well-known e-service, marked as without a PTV id.
 * - Areas: the labelling sheet's municipality, or the municipality a service's name names; else
 *   nationwide. Languages: the record's, else its PTV channels', else the Language Act minimum of the
 *   responsible organisation plus any language the service's own text names (serviceLanguages()).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { METERS, ServiceSchema, WorkspaceJsonSchema, linkKindError } from '../../shared/model';
import type { Channel, Entity, EntityInput, LinkInput, LinkType, Meter, Service, WorkspaceJsonInput } from '../../shared/model';
import { importFiles, type ImportInput } from '../../electron/backend/io/import';
import { ptvEntityId } from '../../electron/backend/io/ptv';
import { Workspace } from '../../electron/backend/store/workspace';
import { NEED_RULES, needEvidence, type ServiceRecord } from './evidence-rules';
import { readExampleData, type ExampleData, type PersonaSpec, type ServiceSpec } from './example-data';

/** The real data beside the checkout, or $KOHTAANTO_DATA. */
export const EXAMPLE_DATA_DIR = process.env.KOHTAANTO_DATA ?? path.resolve(__dirname, '../../../shared/data');
export const EXAMPLE_OUT = path.resolve(__dirname, 'nuoret-kiinni-yhteiskunnassa.json');
/** Whether the real data the example is built from is here (CI and this machine have it). */
export const HAS_EXAMPLE_DATA = fs.existsSync(path.join(EXAMPLE_DATA_DIR, 'labels/auroraai-3x10d-labels.csv'));

type Lang = 'fi' | 'sv' | 'en';
type Text = Partial<Record<Lang, string>>;

// ---------------------------------------------------------------------------------------------
// The labelling sheet (not a PTV format: the AuroraAI network's own spreadsheet)
// ---------------------------------------------------------------------------------------------

interface LabelRow {
  id: string;
  municipality_code: string;
  sheet: string;
  name: string;
  summary: string;
  excluded: string;
  [meter: string]: string;
}

function readLabels(dataDir: string): Map<string, LabelRow> {
  const text = fs.readFileSync(path.join(dataDir, 'labels/auroraai-3x10d-labels.csv'), 'utf8');
  const parsed = Papa.parse<LabelRow>(text, { header: true, skipEmptyLines: true });
  const out = new Map<string, LabelRow>();
  // The same PTV id can sit on several sheets (e.g. a national service listed under Oulu too):
  // keep the first row, which is the one with the sheet the service belongs to.
  for (const row of parsed.data) if (row.id && !out.has(row.id)) out.set(row.id, row);
  return out;
}

/** Cleans the Excel artefacts of the labelling sheet (`_x000D_` line ends, stray spaces). */
function clean(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/_x000D_/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// PTV records through the app's importer
// ---------------------------------------------------------------------------------------------

interface Imported {
  service(ptv: string): Service | undefined;
  channel(ptv: string): Channel | undefined;
  /** Finnish labels of a record's ontology terms (the app keeps only their URIs). */
  ontologyLabels(ptv: string): string[];
}

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/**
 * Imports the PTV records the example uses into a temporary workspace with importFiles, exactly as
 * `kohtaanto import` would, and hands back the entities it made.
 */
async function importPtv(dataDir: string, data: ExampleData): Promise<Imported> {
  const read = (rel: string) => fs.readFileSync(path.join(dataDir, rel));
  const inputs: ImportInput[] = [];
  const labels = new Map<string, string[]>();
  const fiLabels = (terms: unknown): string[] =>
    (Array.isArray(terms) ? terms : []).flatMap((o: { Value?: string; name?: { language: string; value: string }[] }) => {
      const fi = o.Value ?? o.name?.find((n) => n.language === 'fi')?.value;
      return fi ? [fi] : [];
    });

  const gdIds = [...new Set(data.services.flatMap((s) => (s.gd ? [s.gd] : [])))];
  const allGds = JSON.parse(read('ptv/general-descriptions.json').toString('utf8')) as { Id: string; OntologyTerm?: unknown }[];
  const gds = gdIds.map((id) => {
    const g = allGds.find((x) => x.Id === id);
    if (!g) throw new Error(`general description ${id} is not in the data`);
    labels.set(id, fiLabels(g.OntologyTerm));
    return g;
  });
  if (gds.length) inputs.push({ name: 'ptv/general-descriptions.json', bytes: jsonBytes(gds) });

  for (const c of Object.values(data.channels)) {
    if (!c.ptv) continue;
    const rel = `ptv/legacy/channels/${c.ptv}.json`;
    if (fs.existsSync(path.join(dataDir, rel))) inputs.push({ name: rel, bytes: read(rel) });
  }
  for (const rel of ['ptv/v11/channel-otava.json', 'ptv/v11/service-etalukio.json']) {
    const bytes = read(rel);
    const rec = JSON.parse(bytes.toString('utf8')) as { id: string; ontologyTerms?: unknown };
    labels.set(rec.id, fiLabels(rec.ontologyTerms));
    inputs.push({ name: rel, bytes });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-example-build-'));
  const ws = Workspace.open(path.join(dir, 'ptv.kohtaanto'), { create: true, now: () => new Date('2026-01-01T00:00:00Z') });
  try {
    const result = await importFiles(ws, inputs, { onError: 'stop' });
    if (result.skipped.length) throw new Error(`the import skipped records: ${JSON.stringify(result.skipped.slice(0, 5))}`);
    const entities = new Map<string, Entity>(ws.listEntities().map((e) => [e.id, e]));
    return {
      service: (ptv) => entities.get(ptvEntityId('service', ptv)) as Service | undefined,
      channel: (ptv) => entities.get(ptvEntityId('channel', ptv)) as Channel | undefined,
      ontologyLabels: (ptv) => labels.get(ptv) ?? [],
    };
  } finally {
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Evidence rules: areas, languages, expected services
// ---------------------------------------------------------------------------------------------

/** Genitive forms that start a service name tied to one municipality ("Tampereen seudun …"). */
const MUNICIPALITY_GENITIVE: Record<string, string> = { '564': 'Oulun', '853': 'Turun', '491': 'Mikkelin', '837': 'Tampereen' };
/** The labelling sheet's municipal sheets. */
const SHEET_AREA: Record<string, string> = { Oulu: '564', Turku: '853', Mikkeli: '491' };

/** Words of a service's own text that say it is offered in a language ("englanninkielinen … koulu"). */
const LANGUAGE_WORDS: [string, RegExp][] = [
  ['sv', /ruotsinkiel|ruotsiksi/i],
  ['en', /englanninkiel|englanniksi/i],
];

const order = (set: Set<string>) => ['fi', 'sv', 'en'].filter((l) => set.has(l));

/**
 * Languages of a service whose record states none (the labelling sheet has no language column): the
 * languages of its PTV channels in the data; else the responsible organisation's Language-Act
 * languages and any language the service's own text names. English only where the data says so.
 */
function serviceLanguages(data: ExampleData, s: ServiceSpec, ownText: string, imported: Imported): string[] {
  const fromChannels = new Set<string>();
  for (const key of s.channels ?? []) {
    const ptv = data.channels[key]?.ptv;
    const ch = ptv ? imported.channel(ptv) : undefined;
    for (const l of ch?.languages ?? []) fromChannels.add(l);
  }
  if (fromChannels.size) return order(fromChannels);
  const responsible = s.providers.find(([, role]) => role === 'responsible')?.[0] ?? s.providers[0][0];
  const out = new Set<string>(data.orgLanguages[responsible]);
  for (const [lang, re] of LANGUAGE_WORDS) if (re.test(ownText)) out.add(lang);
  return order(out);
}

/**
 * A persona's expected services, by the same evidence as the links: services that address one of its
 * needs of importance 4 or 5, in its area (nationwide or its municipality) and in its language.
 */
function expectedServices(p: PersonaSpec, services: Service[], addressed: Map<string, Set<string>>): string[] {
  const important = p.needs.filter(([, imp]) => imp >= 4).map(([n]) => n);
  return services
    .filter((s) => important.some((n) => addressed.get(s.id)!.has(n)))
    .filter((s) => s.areaType !== 'limited' || s.areas.includes(p.municipality))
    .filter((s) => !s.languages.length || s.languages.includes(p.language))
    .map((s) => s.id)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

function srvId(ptv: string): string {
  return `srv-${ptv.slice(0, 8)}`;
}

/** The example workspace, built from the real data and the hand-entered part; checked before it is returned. */
export async function buildExample(dataDir = EXAMPLE_DATA_DIR, data: ExampleData = readExampleData()): Promise<WorkspaceJsonInput> {
  const labels = readLabels(dataDir);
  const imported = await importPtv(dataDir, data);
  const lifeEventNames = new Map<string, { Fi?: string; Sv?: string; En?: string }>();
  for (const c of JSON.parse(fs.readFileSync(path.join(dataDir, 'codes/life-events.json'), 'utf8')) as { Notation: string; Label: { Fi?: string; Sv?: string; En?: string } }[])
    lifeEventNames.set(c.Notation, c.Label);
  const counties = (JSON.parse(fs.readFileSync(path.join(dataDir, 'codes/wellbeing-counties.json'), 'utf8')) as { codes: { codeValue: string; prefLabel: Text }[] }).codes;
  const v11ServiceId = (JSON.parse(fs.readFileSync(path.join(dataDir, 'ptv/v11/service-etalukio.json'), 'utf8')) as { id: string }).id;

  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  const addLink = (type: LinkType, source: string, target: string, linkData: LinkInput['data'] = {}) => {
    // The workspace store allows one link of a type between two entities: fail here, not on import.
    const id = `${type}:${source}:${target}`;
    if (links.some((l) => l.id === id)) throw new Error(`duplicate link ${id}`);
    links.push({ id, type, source, target, data: linkData });
  };

  // Organisations
  for (const [key, o] of Object.entries(data.organisations)) {
    let name: Text = o.name;
    if (o.countyCode) {
      const c = counties.find((x) => x.codeValue === o.countyCode);
      if (!c) throw new Error(`wellbeing county ${o.countyCode} missing`);
      name = { fi: c.prefLabel.fi, sv: c.prefLabel.sv, en: c.prefLabel.en };
    }
    entities.push({
      kind: 'organisation',
      id: `org-${key}`,
      name,
      description: o.description,
      orgType: o.orgType,
      ...(o.ptvId ? { ptvId: o.ptvId } : {}),
      ...(o.businessId ? { businessId: o.businessId } : {}),
      ...(o.municipality ? { municipality: o.municipality } : {}),
      tags: o.tags ?? [],
    });
  }

  // Life events
  for (const [key, le] of Object.entries(data.lifeEvents)) {
    let name: Text = le.name;
    if (le.code) {
      const l = lifeEventNames.get(le.code);
      if (!l) throw new Error(`life event ${le.code} missing`);
      if (!name.fi) name = { fi: l.Fi, sv: l.Sv, en: l.En };
    }
    entities.push({ kind: 'lifeEvent', id: `le-${key}`, name, description: le.description, ...(le.code ? { code: le.code } : {}), tags: le.tags });
    for (const n of le.needs) addLink('hasNeed', `le-${key}`, `need-${n}`);
  }

  // Needs
  for (const [key, n] of Object.entries(data.needs)) {
    const rule = NEED_RULES[key];
    entities.push({
      kind: 'need',
      id: `need-${key}`,
      name: n.name,
      description: n.description,
      // The classes any clause accepts without a further condition: what the recommender may use alone.
      serviceClasses: [...new Set(rule.filter((c) => c.classes && !c.stems && !c.targetGroups).flatMap((c) => c.classes!))],
      keywords: n.keywords,
    });
  }

  // Channels: a PTV channel as the importer read it, under the hand-entered names where given.
  for (const [key, c] of Object.entries(data.channels)) {
    let name: Text = { ...(c.name ?? {}) };
    let description: Text = { ...(c.description ?? {}) };
    let { url, phone, address } = c;
    let languages: string[] = c.languages ?? [];
    if (c.ptv) {
      const rec = imported.channel(c.ptv);
      if (!rec) throw new Error(`channel ${c.ptv} is not in the data`);
      name = { ...rec.name, ...name };
      description = { ...rec.description, ...description };
      url ??= rec.url;
      phone ??= rec.phone;
      address ??= rec.address;
      if (!languages.length) languages = rec.languages;
    }
    entities.push({
      kind: 'channel',
      id: c.ptv ? `ch-${c.ptv.slice(0, 8)}` : `ch-${key}`,
      name,
      description,
      ...(c.ptv ? { ptvId: c.ptv } : {}),
      channelType: c.channelType,
      ...(url ? { url } : {}),
      ...(phone ? { phone } : {}),
      ...(address ? { address } : {}),
      languages,
    });
  }
  const channelId = (key: string): string => {
    const c = data.channels[key];
    return c.ptv ? `ch-${c.ptv.slice(0, 8)}` : `ch-${key}`;
  };

  // Services
  const servicesByPrefix = new Map<string, string>();
  /** Per service: what its record says, for the evidence rules below. */
  const records = new Map<string, ServiceRecord>();
  const serviceEntities: Service[] = [];
  for (const s of data.services) {
    const id = srvId(s.ptv);
    servicesByPrefix.set(s.ptv.slice(0, 8), id);

    const row = labels.get(s.ptv);
    const v11 = s.ptv === v11ServiceId ? imported.service(s.ptv) : undefined;
    if (!row && !v11) throw new Error(`service ${s.ptv} is not in the data`);

    const name: Text = {};
    const description: Text = {};
    // Classes, target groups, life events and keywords only from the PTV data (the v11 record or the
    // general description the service was described by), never added by hand.
    const classes = new Set<string>();
    const groups = new Set<string>();
    const events = new Set<string>();
    const ontology: string[] = [];
    const keywords = new Set<string>();
    /** The service's own Finnish text in the data: the evidence rules read only this. */
    const ownText: string[] = [];
    const tags: string[] = [];
    let areaType: Service['areaType'] = 'nationwide';
    let areas: string[] = [];
    let languages: string[] = [];
    let fundingType: Service['fundingType'] = s.fundingType ?? 'public';

    if (row) {
      name.fi = clean(row.name);
      description.fi = clean(row.summary);
      ownText.push(name.fi, description.fi);
      const area = SHEET_AREA[row.sheet];
      if (area) {
        areaType = 'limited';
        areas = [area];
      } else {
        // A service on the national sheet whose own name names a municipality ("Tampereen seudun
        // työväenopisto") serves that municipality, not the whole country.
        const named = Object.entries(MUNICIPALITY_GENITIVE).find(([, g]) => name.fi!.startsWith(`${g} `));
        if (named) {
          areaType = 'limited';
          areas = [named[0]];
        }
      }
    }
    if (v11) {
      name.fi = v11.name.fi ?? name.fi;
      description.fi = clean(v11.description.fi);
      ownText.push(name.fi!, description.fi);
      for (const c of v11.serviceClasses) classes.add(c);
      for (const c of v11.targetGroups) groups.add(c);
      for (const c of v11.lifeEvents) events.add(c);
      ontology.push(...v11.ontologyTerms);
      for (const k of [...imported.ontologyLabels(s.ptv), ...v11.keywords]) {
        keywords.add(k);
        ownText.push(k);
      }
      areaType = v11.areaType;
      areas = v11.areaType === 'limited' ? v11.areas : [];
      languages = [...v11.languages];
      fundingType = v11.fundingType;
      tags.push('ptv-v11');
    }
    if (s.gd) {
      const g = imported.service(s.gd);
      if (!g) throw new Error(`general description ${s.gd} is not in the data`);
      if (g.name.sv) name.sv = g.name.sv;
      if (g.name.en) name.en = g.name.en;
      if (s.gdDescription !== false) {
        if (g.description.sv) description.sv = g.description.sv;
        if (g.description.en) description.en = g.description.en;
      }
      for (const c of g.serviceClasses) classes.add(c);
      for (const c of g.targetGroups) groups.add(c);
      for (const c of g.lifeEvents) events.add(c);
      ontology.push(...g.ontologyTerms);
      for (const k of imported.ontologyLabels(s.gd)) {
        keywords.add(k);
        ownText.push(k);
      }
      tags.push(`pohjakuvaus:${s.gd}`);
    }
    if (s.name?.sv) name.sv = s.name.sv;
    if (s.name?.en) name.en = s.name.en;
    if (s.place) {
      const p = data.placeNames[s.place];
      for (const l of ['fi', 'sv', 'en'] as Lang[]) if (name[l]) name[l] = `${name[l]} – ${p[l]}`;
    }
    // Every service of the labelling sheet is a service for citizens (KR1); narrower groups only from PTV.
    if (groups.size === 0) groups.add('KR1');
    if (!languages.length) languages = serviceLanguages(data, s, ownText.join('\n'), imported);
    if (s.note) description.fi = `${description.fi}\n\n${s.note}`;

    // 3X10D labels of the AuroraAI labelling sheet
    let meterAffinities: Partial<Record<Meter, number>> | undefined;
    let excluded = false;
    if (row) {
      const marks = METERS.map((m) => row[m] === '1');
      if (marks.some(Boolean)) {
        meterAffinities = Object.fromEntries(METERS.map((m, i) => [m, marks[i] ? 1 : 0])) as Record<Meter, number>;
        tags.push('3x10d:luokiteltu');
      } else if (row.excluded === '1') {
        excluded = true;
        tags.push('3x10d:ei-mukaan');
      } else {
        tags.push('3x10d:luokittelematon');
      }
      tags.push(`3x10d-taulukko:${row.sheet}`);
    }

    const entity = {
      kind: 'service' as const,
      id,
      name,
      description,
      ptvId: s.ptv,
      tags,
      serviceClasses: [...classes].sort(),
      targetGroups: [...groups].sort(),
      lifeEvents: [...events].sort(),
      ontologyTerms: [...new Set(ontology)],
      areaType,
      areas,
      languages,
      fundingType,
      keywords: [...keywords],
      ...(meterAffinities ? { meterAffinities } : {}),
      excluded,
    };
    entities.push(entity);
    serviceEntities.push(ServiceSchema.parse(entity));
    records.set(id, { classes: entity.serviceClasses, targetGroups: entity.targetGroups, text: ownText.join('\n') });

    for (const [org, role] of s.providers) addLink('provides', `org-${org}`, id, { role });
    for (const ch of s.channels ?? []) addLink('offeredThrough', id, channelId(ch));
  }

  // addresses: only where a need's rule holds for the service's record; the link says why.
  const addressed = new Map<string, Set<string>>();
  for (const svc of serviceEntities) {
    const rec = records.get(svc.id)!;
    const met = new Set<string>();
    for (const key of Object.keys(data.needs)) {
      const evidence = needEvidence(NEED_RULES[key], rec);
      if (!evidence) continue;
      met.add(key);
      addLink('addresses', svc.id, `need-${key}`, { evidence });
    }
    addressed.set(svc.id, met);
  }

  // inLifeEvent: every service of the set belongs to the youth life event it was chosen for; to the
  // other two when it addresses that life event's own need, or carries its PTV life-event code.
  for (const svc of serviceEntities) {
    for (const [key, le] of Object.entries(data.lifeEvents)) {
      const core = le.coreNeeds === 'all' || le.coreNeeds.some((n) => addressed.get(svc.id)!.has(n));
      const coded = !!le.code && svc.lifeEvents.some((c) => c === le.code || c.startsWith(`${le.code}.`));
      if (core || coded) addLink('inLifeEvent', svc.id, `le-${key}`);
    }
  }
  const serviceRef = (prefix: string): string => servicesByPrefix.get(prefix)!;
  for (const [a, b] of data.refersTo) addLink('refersTo', serviceRef(a), serviceRef(b));
  for (const [a, b] of data.collaborates) addLink('collaborates', `org-${a}`, `org-${b}`);

  // Personas
  for (const p of data.personas) {
    const id = `persona-${p.key}`;
    entities.push({
      kind: 'persona',
      id,
      name: p.name,
      description: p.description,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      municipality: p.municipality,
      language: p.language,
      meters: p.meters,
      peoplePerYear: p.peoplePerYear,
      expectedServices: expectedServices(p, serviceEntities, addressed),
      tags: ['synteettinen'],
    });
    for (const [n, importance] of p.needs) addLink('personaNeed', id, `need-${n}`, { importance });
  }

  const ws: WorkspaceJsonInput = {
    format: 'kohtaanto-workspace',
    version: 1,
    title: data.title,
    description: data.description,
    provenance: data.provenance.join('\n'),
    entities,
    links,
  };
  const parsed = WorkspaceJsonSchema.parse(ws);
  // Every link joins existing entities of the right kinds.
  const kinds = new Map(parsed.entities.map((e) => [e.id, e.kind]));
  for (const l of parsed.links) {
    const s = kinds.get(l.source);
    const t = kinds.get(l.target);
    if (!s || !t) throw new Error(`link ${l.id} points to a missing entity`);
    const err = linkKindError(l.type, s, t);
    if (err) throw new Error(`link ${l.id}: ${err}`);
  }
  // The input, not the parsed form: the file carries what was entered, without the schema's defaults.
  return ws;
}

/** The committed file's text for a built workspace. */
export function exampleFileText(ws: WorkspaceJsonInput): string {
  return `${JSON.stringify(ws, null, 2)}\n`;
}
