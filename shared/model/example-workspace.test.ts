import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityKind } from './entities';
import { LINK_TYPES, linkKindError, type LinkType } from './links';
import { METERS } from './meters';
import { WorkspaceJsonSchema, type WorkspaceJson } from './workspace-file';

/** The built-in example workspace (resources/examples), built by resources/examples/build-example.ts. */
const EXAMPLE = path.resolve(__dirname, '../../resources/examples/nuoret-kiinni-yhteiskunnassa.json');
/** The real public data the example was taken from (read-only, outside the repository). */
const DATA = path.resolve(__dirname, '../../../shared/data');
const HAVE_DATA = fs.existsSync(DATA);

const PTV_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PILOT_MUNICIPALITIES = ['564', '853', '491', '837']; // Oulu, Turku, Mikkeli, Tampere

function load(): WorkspaceJson {
  return WorkspaceJsonSchema.parse(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')));
}

const ws = load();
const byId = new Map<string, Entity>(ws.entities.map((e) => [e.id, e]));
const ofKind = <K extends EntityKind>(kind: K) => ws.entities.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);
const linksOf = (type: LinkType) => ws.links.filter((l) => l.type === type);

describe('built-in example workspace "Nuoret kiinni yhteiskunnassa"', () => {
  it('parses with WorkspaceJsonSchema and carries a trilingual title and a provenance', () => {
    expect(ws.format).toBe('kohtaanto-workspace');
    expect(ws.title.fi).toBeTruthy();
    expect(ws.title.sv).toBeTruthy();
    expect(ws.title.en).toBeTruthy();
    expect(ws.description.fi).toBeTruthy();
    expect(ws.provenance).toMatch(/auroraai-core-components/);
    expect(ws.provenance).toMatch(/ptv-releases/);
    expect(ws.provenance).toMatch(/MIT/);
  });

  it('has unique entity ids, unique link ids and at most one link of a type per pair', () => {
    const ids = ws.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const linkIds = ws.links.map((l) => l.id);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    // The workspace store refuses a second link of the same type between the same two entities.
    const triples = ws.links.map((l) => `${l.type}|${l.source}|${l.target}`);
    expect(new Set(triples).size).toBe(triples.length);
  });

  it('has every link point to existing entities of the kinds LINK_TYPES allows', () => {
    for (const l of ws.links) {
      const s = byId.get(l.source);
      const t = byId.get(l.target);
      expect(s, `${l.id}: source ${l.source}`).toBeDefined();
      expect(t, `${l.id}: target ${l.target}`).toBeDefined();
      expect(linkKindError(l.type, s!.kind, t!.kind), l.id).toBeNull();
      expect(s!.kind).toBe(LINK_TYPES[l.type].source);
      expect(t!.kind).toBe(LINK_TYPES[l.type].target);
      expect(l.source, `${l.id} links an entity to itself`).not.toBe(l.target);
    }
  });

  it('gives every provides link a role and every personaNeed link an importance 1–5', () => {
    for (const l of linksOf('provides')) expect(l.data.role, l.id).toBeDefined();
    for (const l of linksOf('personaNeed')) {
      expect(l.data.importance, l.id).toBeGreaterThanOrEqual(1);
      expect(l.data.importance, l.id).toBeLessThanOrEqual(5);
    }
    for (const type of Object.keys(LINK_TYPES) as LinkType[]) expect(linksOf(type).length, type).toBeGreaterThan(0);
  });

  it('has enough content for a workshop', () => {
    expect(ofKind('organisation').length).toBeGreaterThanOrEqual(8);
    expect(ofKind('service').length).toBeGreaterThanOrEqual(25);
    expect(ofKind('need').length).toBeGreaterThanOrEqual(10);
    expect(ofKind('persona').length).toBeGreaterThanOrEqual(4);
    expect(ofKind('lifeEvent').length).toBeGreaterThanOrEqual(1);
    expect(ofKind('channel').length).toBeGreaterThanOrEqual(5);
  });

  it('names the actors of the AuroraAI evaluation', () => {
    const names = ofKind('organisation').map((o) => o.name.fi ?? '');
    for (const actor of ['Valtiovarainministeriö', 'Digi- ja väestötietovirasto', 'DigiFinland', 'Oulun kaupunki', 'Turun kaupunki', 'Mikkelin kaupunki', 'Tampereen kaupunki', 'Verohallinto', 'Kela'])
      expect(names.some((n) => n.includes(actor)), actor).toBe(true);
  });

  it('gives every service a PTV id, an id derived from it, a provider, a need and a life event', () => {
    const provided = new Set(linksOf('provides').map((l) => l.target));
    const addressing = new Set(linksOf('addresses').map((l) => l.source));
    const inEvent = new Set(linksOf('inLifeEvent').map((l) => l.source));
    for (const s of ofKind('service')) {
      expect(s.ptvId, s.id).toMatch(PTV_UUID);
      expect(s.id).toBe(`srv-${s.ptvId!.slice(0, 8)}`);
      expect(s.name.fi, s.id).toBeTruthy();
      expect(s.name.sv, s.id).toBeTruthy();
      expect(s.name.en, s.id).toBeTruthy();
      expect(s.description.fi, s.id).toBeTruthy();
      expect(provided.has(s.id), `${s.id} has no provider`).toBe(true);
      expect(addressing.has(s.id), `${s.id} addresses no need`).toBe(true);
      expect(inEvent.has(s.id), `${s.id} is in no life event`).toBe(true);
      expect(s.serviceClasses.length, s.id).toBeGreaterThan(0);
      for (const c of s.serviceClasses) expect(c).toMatch(/^P\d+(\.\d+)?$/);
      for (const c of s.targetGroups) expect(c).toMatch(/^KR\d+(\.\d+)?$/);
      for (const c of s.lifeEvents) expect(c).toMatch(/^KE\d+(\.\d+)?$/);
      expect(s.languages.length, s.id).toBeGreaterThan(0);
      if (s.areaType === 'limited') expect(s.areas.length, s.id).toBeGreaterThan(0);
      if (s.meterAffinities) {
        expect(Object.keys(s.meterAffinities).sort()).toEqual([...METERS].sort());
        for (const v of Object.values(s.meterAffinities)) expect([0, 1]).toContain(v);
      }
    }
    // The example shows both labelled and unlabelled services, and the "EI MUKAAN" ones.
    expect(ofKind('service').filter((s) => s.meterAffinities).length).toBeGreaterThan(10);
    expect(ofKind('service').some((s) => s.excluded)).toBe(true);
  });

  it('links every need from a life event and from at least one service', () => {
    const fromEvent = new Set(linksOf('hasNeed').map((l) => l.target));
    const addressed = new Set(linksOf('addresses').map((l) => l.target));
    for (const n of ofKind('need')) {
      expect(n.name.fi && n.name.sv && n.name.en, n.id).toBeTruthy();
      expect(fromEvent.has(n.id), `${n.id} belongs to no life event`).toBe(true);
      expect(addressed.has(n.id), `${n.id} is addressed by no service`).toBe(true);
    }
  });

  it('has anonymous synthetic personas with needs, meters and expected services that exist', () => {
    const personas = ofKind('persona');
    const withNeeds = new Set(linksOf('personaNeed').map((l) => l.source));
    for (const p of personas) {
      expect(withNeeds.has(p.id), `${p.id} has no needs`).toBe(true);
      expect(PILOT_MUNICIPALITIES).toContain(p.municipality);
      expect(p.peoplePerYear).toBeGreaterThan(0);
      expect(p.ageMin).toBeGreaterThanOrEqual(15);
      expect(p.ageMax).toBeLessThanOrEqual(29);
      expect(Object.keys(p.meters).sort()).toEqual([...METERS].sort());
      expect(p.expectedServices.length, p.id).toBeGreaterThan(0);
      for (const s of p.expectedServices) expect(byId.get(s)?.kind, `${p.id} expects ${s}`).toBe('service');
    }
    expect(new Set(personas.map((p) => p.language))).toEqual(new Set(['fi', 'sv', 'en']));
    expect(new Set(personas.map((p) => p.municipality))).toEqual(new Set(PILOT_MUNICIPALITIES));
  });
});

// ------------------------------------------------------------------------------------------------
// Checks against the real data the example was built from. Skipped when the data folder is absent.
// ------------------------------------------------------------------------------------------------

interface LabelRow {
  id: string;
  sheet: string;
  excluded: string;
  [meter: string]: string;
}

function readLabelRows(): LabelRow[] {
  const text = fs.readFileSync(path.join(DATA, 'labels/auroraai-3x10d-labels.csv'), 'utf8');
  return Papa.parse<LabelRow>(text, { header: true, skipEmptyLines: true }).data;
}

function readJsonFiles(dir: string): unknown[] {
  const full = path.join(DATA, dir);
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(full, f), 'utf8')) as unknown);
}

/** Every value of an `id` key anywhere in the JSON (services, channels, organisations, references). */
function collectIds(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectIds(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === 'organizationId') && typeof v === 'string') out.add(v);
      else collectIds(v, out);
    }
  }
  return out;
}

describe('built-in example workspace against the real data', () => {
  it.skipIf(!HAVE_DATA)('every service ptvId really occurs in ../shared/data (labels CSV, legacy PTV services or PTV v11)', () => {
    const known = new Set<string>(readLabelRows().map((r) => r.id));
    for (const s of readJsonFiles('ptv/legacy/services')) known.add((s as { id: string }).id);
    const v11 = readJsonFiles('ptv/v11');
    const v11Services = v11.flatMap((doc) => {
      const d = doc as Record<string, unknown>;
      if (d.type === 'Service') return [d];
      if (Array.isArray(d.itemList)) return d.itemList as Record<string, unknown>[];
      return Object.values(d).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && (v as Record<string, unknown>).type === 'Service');
    });
    for (const s of v11Services) known.add(String(s.id));
    const missing = ofKind('service')
      .map((s) => s.ptvId!)
      .filter((id) => !known.has(id));
    expect(missing).toEqual([]);
  });

  it.skipIf(!HAVE_DATA)('copies the 3X10D labels and "EI MUKAAN" marks of ../shared/data exactly', () => {
    const rows = new Map<string, LabelRow>();
    for (const r of readLabelRows()) if (!rows.has(r.id)) rows.set(r.id, r);
    for (const s of ofKind('service')) {
      const row = rows.get(s.ptvId!);
      if (!row) continue;
      const marked = METERS.some((m) => row[m] === '1');
      if (marked) {
        for (const m of METERS) expect(s.meterAffinities?.[m], `${s.id} ${m}`).toBe(row[m] === '1' ? 1 : 0);
        expect(s.excluded, s.id).toBe(false);
      } else {
        expect(s.meterAffinities, `${s.id} is unlabelled in the sheet`).toBeUndefined();
        expect(s.excluded, s.id).toBe(row.excluded === '1');
      }
    }
  });

  it.skipIf(!HAVE_DATA)('uses only organisation and channel PTV ids and codes that occur in ../shared/data', () => {
    const ids = new Set<string>();
    for (const dir of ['ptv/legacy/organizations', 'ptv/legacy/channels', 'ptv/legacy/services', 'ptv/v11']) collectIds(readJsonFiles(dir), ids);
    for (const e of ws.entities) {
      if ((e.kind === 'organisation' || e.kind === 'channel') && e.ptvId) expect(ids.has(e.ptvId), `${e.id} ${e.ptvId}`).toBe(true);
    }
    const codes = (file: string) =>
      new Set((JSON.parse(fs.readFileSync(path.join(DATA, 'codes', file), 'utf8')) as { Notation: string }[]).map((c) => c.Notation));
    const classes = codes('service-classes.json');
    const groups = codes('target-groups.json');
    const events = codes('life-events.json');
    for (const s of ofKind('service')) {
      for (const c of s.serviceClasses) expect(classes.has(c), `${s.id} ${c}`).toBe(true);
      for (const c of s.targetGroups) expect(groups.has(c), `${s.id} ${c}`).toBe(true);
      for (const c of s.lifeEvents) expect(events.has(c), `${s.id} ${c}`).toBe(true);
    }
    for (const n of ofKind('need')) for (const c of n.serviceClasses) expect(classes.has(c), `${n.id} ${c}`).toBe(true);
    for (const le of ofKind('lifeEvent')) if (le.code) expect(events.has(le.code), le.id).toBe(true);
  });
});
