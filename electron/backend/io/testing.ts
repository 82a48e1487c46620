/** Helpers for the io tests: real workspace files in a temp folder, and the shared real data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntitySchema, LinkSchema, METERS, type Entity, type EntityInput, type Link } from '../../../shared/model';
import { Workspace } from '../store/workspace';

/** ../shared/data beside the checkout (CI has it); tests that need it say so and skip without it. */
export const SHARED_DATA = path.resolve(__dirname, '../../../../shared/data');
export const HAS_SHARED = fs.existsSync(path.join(SHARED_DATA, 'ptv'));

const made: { dir: string; ws: Workspace }[] = [];

/** A new workspace file in its own temp folder; closed and removed by cleanupWorkspaces(). */
export function tempWorkspace(name = 'test'): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-io-'));
  const ws = Workspace.open(path.join(dir, `${name}.kohtaanto`), { create: true, now: () => new Date('2024-05-01T12:00:00Z') });
  made.push({ dir, ws });
  return ws;
}

export function cleanupWorkspaces(): void {
  for (const { dir, ws } of made.splice(0)) {
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything a workspace holds that an import may change, for before/after comparison. */
export function snapshot(ws: Workspace): { entities: Entity[]; links: Link[]; history: ReturnType<Workspace['historyState']>; title: unknown } {
  return { entities: ws.listEntities(), links: ws.listLinks(), history: ws.historyState(), title: ws.getTitle() };
}

/** Every file under a folder, recursively, sorted. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]))
    .sort();
}

/** Files as importFiles takes them, named relative to `base`. */
export function inputsOf(files: string[], base = SHARED_DATA): { name: string; bytes: Uint8Array }[] {
  return files.map((f) => ({ name: path.relative(base, f), bytes: fs.readFileSync(f) }));
}

export const TRICKY = ['=1+1', '+358 40 123 4567', '-5 astetta', '@SUM(A1)', '\tsarkain', '\rrivinvaihto', "'lainaus", 'tavallinen'];

/** A small workspace with every kind, every field type and the strings spreadsheets misread. */
export function fillSample(ws: Workspace): void {
  const entities: EntityInput[] = [
    { id: 'org-1', kind: 'organisation', name: { fi: 'Mikkelin kaupunki', sv: 'S:t Michels stad' }, orgType: 'municipality', businessId: '0165116-3', municipality: '491' },
    {
      id: 'srv-1',
      kind: 'service',
      name: { fi: '=HYPERLINK("http://example.org","klikkaa")', en: 'Youth outreach' },
      description: { fi: 'Rivi 1\nRivi 2, "lainattu"; puolipiste', sv: '-' },
      ptvId: '11111111-0000-4000-8000-000000000001',
      tags: ['nuoret', 'työpaja 3'],
      serviceClasses: ['P1.2', 'P4'],
      targetGroups: ['KR1'],
      lifeEvents: ['KE11'],
      areaType: 'limited',
      areas: ['491', '091'],
      languages: ['fi', 'sv'],
      fundingType: 'public',
      keywords: ['a;b', 'c'],
      meterAffinities: { health: 1, housing: 0, finance: 0.5 },
      excluded: true,
      capacity: 120,
    },
    { id: 'srv-2', kind: 'service', name: { fi: TRICKY.join(' | ') }, keywords: TRICKY },
    { id: 'chn-1', kind: 'channel', name: { fi: 'Puhelin' }, channelType: 'phone', phone: '+358 44 794 3552', url: 'https://example.org/?a=1&b=2', languages: ['fi'] },
    { id: 'le-1', kind: 'lifeEvent', name: { fi: 'Vakava sairastuminen' }, code: 'KE11' },
    { id: 'need-1', kind: 'need', name: { fi: 'Asunto' }, serviceClasses: ['P1'], keywords: ['asunto'] },
    {
      id: 'per-1',
      kind: 'persona',
      name: { fi: 'Aino, 19 🙂' },
      ageMin: 18,
      ageMax: 24,
      municipality: '491',
      language: 'sv',
      meters: Object.fromEntries(METERS.map((m, i) => [m, i % 11])) as never,
      peoplePerYear: 40,
      expectedServices: ['srv-1'],
    },
  ];
  ws.edit('fill', (tx) => {
    for (const e of entities) tx.putEntity(EntitySchema.parse(e));
    const links = [
      { id: 'l1', type: 'provides', source: 'org-1', target: 'srv-1', data: { role: 'producer' } },
      { id: 'l2', type: 'offeredThrough', source: 'srv-1', target: 'chn-1', data: {} },
      { id: 'l3', type: 'inLifeEvent', source: 'srv-1', target: 'le-1', data: {} },
      { id: 'l4', type: 'personaNeed', source: 'per-1', target: 'need-1', data: { importance: 4 } },
    ];
    for (const l of links) tx.putLink(LinkSchema.parse(l));
  });
}
