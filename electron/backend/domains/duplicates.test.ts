import { decodeLabel } from '../../../shared/api/history';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '..';
import type { DuplicateReport, MergeResult } from '../../../shared/api/duplicates';
import type { ImportSummary } from '../../../shared/api/io';
import { neutralMeters, type Entity, type Link } from '../../../shared/model';
import type { AppContext } from '../context';
import { nameSimilarity, normalizeName } from '../io/duplicates';
import type { Registry } from '../registry';
import { tempDir } from '../test/tmp';

const SHARED_DATA = path.resolve(__dirname, '../../../../shared/data');

let dir: string;
let ctx: AppContext;
let registry: Registry;
beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' }));
  expect((await registry.call('workspace.create', { name: 'Kaksoset' })).ok).toBe(true);
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await registry.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

/** Everything merge may change, in a form two states can be compared by. */
function everything() {
  const ws = ctx.requireWorkspace();
  return { entities: ws.listEntities(), links: ws.listLinks() };
}

async function sample() {
  const e = (entity: Record<string, unknown>) => call<Entity>('entities.create', { entity });
  await e({ id: 'org-kela', kind: 'organisation', name: { fi: 'Kela' } });
  await e({ id: 'org-oulu', kind: 'organisation', name: { fi: 'Oulun kaupunki' } });
  await e({ id: 'srv-a', kind: 'service', name: { fi: 'Kotisairaanhoito' }, languages: ['fi'], description: { fi: 'Kotiin annettava hoito' } });
  await e({ id: 'srv-b', kind: 'service', name: { fi: 'kotisairaanhoito ', sv: 'Hemsjukvård' }, languages: ['fi', 'sv'], ptvId: '11111111-2222-4333-8444-555555555555', keywords: ['koti'] });
  await e({ id: 'srv-c', kind: 'service', name: { fi: 'Muu palvelu' } });
  await e({ id: 'need-1', kind: 'need', name: { fi: 'Hoito kotona' } });
  await e({ id: 'le-own', kind: 'lifeEvent', name: { fi: 'Läheisen kuolema' } });
  await e({ id: 'le-KE14', kind: 'lifeEvent', name: { fi: 'Omaisen kuolema', sv: 'När en anhörig avlider' }, code: 'KE14' });
  await e({ id: 'le-KE1', kind: 'lifeEvent', name: { fi: 'Lapsen saaminen' }, code: 'KE1' });
  await e({ id: 'per-1', kind: 'persona', name: { fi: 'Aino' }, ageMin: 70, ageMax: 80, meters: neutralMeters(), expectedServices: ['srv-b', 'srv-c'] });
  const l = (type: string, source: string, target: string, data = {}) => call<Link>('links.create', { type, source, target, data });
  await l('provides', 'org-kela', 'srv-a', { role: 'producer' });
  await l('provides', 'org-kela', 'srv-b');
  await l('provides', 'org-oulu', 'srv-b', { role: 'responsible' });
  await l('addresses', 'srv-b', 'need-1');
  await l('refersTo', 'srv-a', 'srv-b');
  await l('refersTo', 'srv-b', 'srv-c');
  await l('inLifeEvent', 'srv-b', 'le-KE14');
}

describe('duplicate detection', () => {
  it('normalises case, spacing, punctuation and accents, and rates similar names', () => {
    expect(normalizeName('  Kotisairaan-HOITO ')).toBe('kotisairaan hoito');
    expect(normalizeName('Café  Ääni')).toBe(normalizeName('cafe aani'));
    expect(nameSimilarity(normalizeName('Omaisen kuolema'), normalizeName('Läheisen kuolema'))).toBeGreaterThanOrEqual(0.5);
    expect(nameSimilarity(normalizeName('Lapsen saaminen'), normalizeName('Läheisen kuolema'))).toBeLessThan(0.5);
  });

  it('groups same-named services and the user’s life event with the PTV one, saying what tells them apart', async () => {
    await sample();
    const report = await call<DuplicateReport>('duplicates.find', {});
    const byKind = Object.fromEntries(report.groups.map((g) => [g.kind, g]));
    expect(report.groups).toHaveLength(2);
    expect(byKind.service.members.map((m) => m.id).sort()).toEqual(['srv-a', 'srv-b']);
    expect(byKind.service.reasons).toEqual(['name']);
    // srv-b is also provided by Oulu: a different provider, so not "likely", but still offered.
    expect(byKind.service.likely).toBe(false);
    expect(byKind.service.differences).toEqual(expect.arrayContaining(['organisations', 'languages', 'ptvId']));
    expect(byKind.service.members.find((m) => m.id === 'srv-b')!.organisations.map((o) => o.name.fi)).toEqual(['Kela', 'Oulun kaupunki']);
    expect(byKind.lifeEvent.members.map((m) => m.id).sort()).toEqual(['le-KE14', 'le-own']);
    expect(byKind.lifeEvent.reasons).toEqual(['similarName']);
    expect(report.distinctNames).toBe(report.entities - 1);
  });

  it('does not chain similar service names into one group (children’s and adults’ psychiatry stay apart)', async () => {
    for (const [id, fi] of [
      ['srv-p1', 'Psykiatrian päivystyspalvelut'],
      ['srv-p2', 'Psykiatrian  päivystyspalvelut'],
      ['srv-l1', 'Lastenpsykiatrian päivystyspalvelut'],
      ['srv-n1', 'Nuorisopsykiatrian päivystyspalvelut'],
    ]) {
      await call('entities.create', { entity: { id, kind: 'service', name: { fi } } });
    }
    const report = await call<DuplicateReport>('duplicates.find', {});
    expect(report.groups.map((g) => [g.members.map((m) => m.id).sort(), g.likely])).toEqual([[['srv-p1', 'srv-p2'], true]]);
  });

  it('matches life events by PTV code when both have one, and never pairs different codes', async () => {
    await call('entities.create', { entity: { id: 'le-x', kind: 'lifeEvent', name: { fi: 'Kuolemantapaus' }, code: 'KE14' } });
    await call('entities.create', { entity: { id: 'le-y', kind: 'lifeEvent', name: { fi: 'Omaisen kuolema' }, code: 'KE14' } });
    await call('entities.create', { entity: { id: 'le-z', kind: 'lifeEvent', name: { fi: 'Omaisen kuolema ja perintö' }, code: 'KE14.1' } });
    await call('entities.create', { entity: { id: 'le-w', kind: 'lifeEvent', name: { fi: 'Omaisen kuolema' }, code: 'KE14.2' } });
    const report = await call<DuplicateReport>('duplicates.find', { kind: 'lifeEvent' });
    expect(report.groups.map((g) => [g.members.map((m) => m.id).sort(), g.reasons, g.likely])).toEqual([[['le-x', 'le-y'], ['code'], true]]);
  });

  it('an import says how many names are doubled (real PTV general descriptions, reads ../shared/data)', async () => {
    if (!fs.existsSync(path.join(SHARED_DATA, 'ptv/general-descriptions.json'))) return;
    await call('entities.create', { entity: { id: 'le-own', kind: 'lifeEvent', name: { fi: 'Läheisen kuolema' } } });
    const bytes = fs.readFileSync(path.join(SHARED_DATA, 'ptv/general-descriptions.json'));
    const r = await call<ImportSummary>('io.import', { importId: 'gd', files: [{ name: 'general-descriptions.json', dataBase64: bytes.toString('base64') }] });
    expect(r.created.service).toBe(458);
    expect(r.duplicates).toMatchObject({ imported: 467 });
    expect(r.duplicates!.distinctNames).toBeLessThan(300);
    expect(r.duplicates!.groups).toBeGreaterThan(100);
    const report = await call<DuplicateReport>('duplicates.find', { kind: 'lifeEvent' });
    expect(report.groups.map((g) => g.members.map((m) => m.id).sort())).toContainEqual(['le-KE14', 'le-own']);
  });
});

describe('merge', () => {
  it('moves every link onto the kept entity, drops twins and self-links, fills empty fields, and deletes the rest', async () => {
    await sample();
    const r = await call<MergeResult>('duplicates.merge', { keep: 'srv-a', merge: ['srv-b'] });
    const ws = ctx.requireWorkspace();
    expect(ws.getEntity('srv-b')).toBeUndefined();
    const kept = ws.getEntity('srv-a')!;
    expect(kept).toMatchObject({ name: { fi: 'Kotisairaanhoito', sv: 'Hemsjukvård' }, languages: ['fi'], ptvId: '11111111-2222-4333-8444-555555555555', keywords: ['koti'] });
    expect(r.filled.sort()).toEqual(['keywords', 'name.sv', 'ptvId']);
    const links = ws.linksOf('srv-a').map((l) => `${l.type} ${l.source}>${l.target} ${JSON.stringify(l.data)}`).sort();
    expect(links).toEqual([
      'addresses srv-a>need-1 {}',
      'inLifeEvent srv-a>le-KE14 {}',
      'provides org-kela>srv-a {"role":"producer"}',
      'provides org-oulu>srv-a {"role":"responsible"}',
      'refersTo srv-a>srv-c {}',
    ]);
    // Kela → srv-b duplicated Kela → srv-a; srv-a → srv-b became a self-link.
    expect(r).toMatchObject({ movedLinks: 4, droppedLinks: 2, merged: ['srv-b'] });
    expect((ws.getEntity('per-1') as { expectedServices: string[] }).expectedServices).toEqual(['srv-a', 'srv-c']);
    const label = decodeLabel(ws.historyState().undoLabel!);
    expect(label.text).toBe('Merge 1 service into "Kotisairaanhoito"');
    // Structured, so the undo button says it in the user's language.
    expect(label.label).toEqual({ key: 'merge', params: { count: 1, kind: 'service', name: { fi: 'Kotisairaanhoito' } }, entity: { kind: 'service', id: 'srv-a' } });
  });

  it('is one undo step that restores everything exactly, and redo repeats it', async () => {
    await sample();
    const before = everything();
    await call('duplicates.merge', { keep: 'le-own', merge: ['le-KE14'] });
    const after = everything();
    expect(ctx.requireWorkspace().getEntity('le-own')).toMatchObject({ code: 'KE14', name: { fi: 'Läheisen kuolema', sv: 'När en anhörig avlider' } });
    expect(ctx.requireWorkspace().findLink('inLifeEvent', 'srv-b', 'le-own')).toBeDefined();
    await call('history.undo', {});
    expect(everything()).toEqual(before);
    await call('history.redo', {});
    expect(everything()).toEqual(after);
    await call('history.undo', {});
    await call('duplicates.merge', { keep: 'srv-b', merge: ['srv-a'] });
    await call('history.undo', {});
    expect(everything()).toEqual(before);
  });

  it('refuses merging different kinds, unknown ids and the kept one into itself, changing nothing', async () => {
    await sample();
    const before = everything();
    const history = ctx.requireWorkspace().historyState();
    const cases: [unknown, RegExp][] = [
      [{ keep: 'srv-a', merge: ['need-1'] }, /one kind/],
      [{ keep: 'srv-a', merge: ['srv-b', 'srv-nope'] }, /No entity srv-nope/],
      [{ keep: 'srv-nope', merge: ['srv-a'] }, /No entity srv-nope/],
      [{ keep: 'srv-a', merge: ['srv-a'] }, /cannot also be merged/],
      [{ keep: 'srv-a', merge: ['srv-b', 'srv-b'] }, /twice/],
      [{ keep: 'srv-a', merge: [] }, /Invalid input/],
    ];
    for (const [input, message] of cases) {
      const r = await registry.call('duplicates.merge', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(!r.ok && r.error.message).toMatch(message);
    }
    expect(everything()).toEqual(before);
    expect(ctx.requireWorkspace().historyState()).toEqual(history);
  });
});
