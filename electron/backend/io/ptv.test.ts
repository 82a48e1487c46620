import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { decodeLabel } from '../../../shared/api/history';
import { AppError } from '../../../shared/api/result';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { sayRecord } from '../../../renderer/src/i18n/say';
import { said } from '../messages';
import { EntitySchema, LinkSchema, type Service } from '../../../shared/model';
import { importFiles, type ImportInput } from './import';
import { ptvEntityId, ptvRecords, TAG_REFERENCE_ONLY } from './ptv';
import { cleanupWorkspaces, filesUnder, HAS_SHARED, inputsOf, SHARED_DATA, snapshot, tempWorkspace } from './testing';

afterEach(cleanupWorkspaces);

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** A small v11-shaped service written for these tests (not copied from PTV). */
function service(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'Service',
    fundingType: 'PubliclyFunded',
    serviceNames: [
      { language: 'fi', value: `Palvelu ${id.slice(0, 4)}`, type: 'Name' },
      { language: 'sv', value: `Tjänst ${id.slice(0, 4)}`, type: 'Name' },
    ],
    serviceDescriptions: [
      { language: 'fi', value: 'Lyhyesti.', type: 'Summary' },
      { language: 'fi', value: 'Pidemmin kerrottuna.', type: 'Description' },
      { language: 'fi', value: null, type: 'UserInstruction' },
    ],
    languages: ['fi', 'sv'],
    areaType: 'LimitedType',
    areas: [{ type: 'Municipality', code: null, municipalities: [{ code: '491', name: [] }] }],
    serviceClasses: [{ code: 'P1.2', uri: 'http://urn.fi/URN:NBN:fi:au:ptvl:v1003' }],
    targetGroups: [{ code: null, uri: 'http://urn.fi/URN:NBN:fi:au:ptvl:v2001' }],
    lifeEvents: [{ code: 'KE11' }],
    ontologyTerms: [{ code: null, uri: 'http://www.yso.fi/onto/koko/p14592' }],
    keywords: [{ value: 'asunto', language: 'fi' }],
    organizations: [
      { roleType: 'Producer', organization: { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Testikunta' } },
      { roleType: 'Responsible', organization: { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Testikunta' } },
    ],
    serviceChannels: [{ serviceChannel: { id: 'cccccccc-0000-4000-8000-000000000001', name: 'Asiointipiste' } }],
    ...over,
  };
}

const S1 = '11111111-0000-4000-8000-000000000001';
const S2 = '11111111-0000-4000-8000-000000000002';

describe('PTV import', () => {
  it('maps a service: names, description, classes, areas, languages, funding, links', async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [{ name: 's.json', bytes: enc(service(S1)) }]);
    expect(r.created).toMatchObject({ service: 1, organisation: 1, channel: 1, lifeEvent: 1 });
    expect(r.skipped).toEqual([]);
    const s = ws.getEntity(ptvEntityId('service', S1)) as Service;
    expect(s).toMatchObject({
      kind: 'service',
      ptvId: S1,
      name: { fi: 'Palvelu 1111', sv: 'Tjänst 1111' },
      description: { fi: 'Lyhyesti.\n\nPidemmin kerrottuna.' },
      serviceClasses: ['P1.2'],
      targetGroups: ['KR1'],
      lifeEvents: ['KE11'],
      ontologyTerms: ['http://www.yso.fi/onto/koko/p14592'],
      areaType: 'limited',
      areas: ['491'],
      languages: ['fi', 'sv'],
      fundingType: 'public',
      keywords: ['asunto'],
    });
    const org = ws.getEntity('org-aaaaaaaa-0000-4000-8000-000000000001');
    expect(org).toMatchObject({ kind: 'organisation', name: { fi: 'Testikunta' }, tags: [TAG_REFERENCE_ONLY] });
    // One organisation both producer and responsible: one link, the stronger role.
    const provides = ws.listLinks({ type: 'provides' });
    expect(provides).toHaveLength(1);
    expect(provides[0].data).toEqual({ role: 'responsible' });
    expect(ws.listLinks({ type: 'offeredThrough' })[0]).toMatchObject({ source: s.id, target: 'chn-cccccccc-0000-4000-8000-000000000001' });
    const le = ws.getEntity('le-KE11');
    expect(le).toMatchObject({ kind: 'lifeEvent', code: 'KE11', name: { fi: 'Vakava sairastuminen', sv: 'När man blir allvarligt sjuk', en: 'Falling seriously ill' } });
    expect(ws.listLinks({ type: 'inLifeEvent' })[0]).toMatchObject({ source: s.id, target: 'le-KE11' });
    expect(decodeLabel(ws.historyState().undoLabel!)).toEqual({ text: 'Import s.json', label: { key: 'importOne', params: { file: 's.json' } } });
  });

  it('accepts one service, a JSON array, a page {pageNumber, pageSize, pageCount, itemList} and an id map', async () => {
    const forms: [string, unknown][] = [
      ['single', service(S1)],
      ['array', [service(S1), service(S2)]],
      ['page', { pageNumber: 1, pageSize: 2, pageCount: 1, itemList: [service(S1), service(S2)] }],
      ['map', { [S1]: service(S1), [S2]: service(S2) }],
    ];
    for (const [form, doc] of forms) {
      const ws = tempWorkspace(form);
      const r = await importFiles(ws, [{ name: `${form}.json`, bytes: enc(doc) }], { format: 'ptv' });
      expect(r.created.service, form).toBe(form === 'single' ? 1 : 2);
      expect(ptvRecords(doc), form).toHaveLength(form === 'single' ? 1 : 2);
    }
  });

  it('re-import updates by PTV id, keeps what the workshop added, and removes links PTV no longer lists', async () => {
    const ws = tempWorkspace();
    await importFiles(ws, [{ name: 's.json', bytes: enc([service(S1), service(S2)]) }]);
    const id = ptvEntityId('service', S1);
    // The workshop labels the service and tags it; neither must be lost on update.
    ws.edit('label', (tx) => tx.putEntity({ ...(ws.getEntity(id) as Service), meterAffinities: { housing: 1 }, excluded: true, tags: ['tärkeä'] }));
    const again = await importFiles(ws, [{ name: 's.json', bytes: enc([service(S1), service(S2)]) }]);
    expect(again.created).toMatchObject({ service: 0, organisation: 0, channel: 0, lifeEvent: 0 });
    expect(again.unchanged.service).toBe(2);
    expect(again.links).toMatchObject({ created: 0, removed: 0 });

    const changed = service(S1, {
      serviceNames: [{ language: 'fi', value: 'Uusi nimi', type: 'Name' }],
      serviceChannels: [],
      lifeEvents: [],
    });
    const r = await importFiles(ws, [{ name: 's2.json', bytes: enc(changed) }]);
    expect(r.updated.service).toBe(1);
    expect(r.links.removed).toBe(2); // the channel and the life event
    const s = ws.getEntity(id) as Service;
    expect(s.name).toEqual({ fi: 'Uusi nimi' });
    expect(s.meterAffinities).toEqual({ housing: 1 });
    expect(s.excluded).toBe(true);
    expect(s.tags).toEqual(['tärkeä']);
    expect(ws.listEntities('service')).toHaveLength(2);
    expect(ws.listLinks({ entityId: id }).map((l) => l.type)).toEqual(['provides']);
  });

  it('joins the life event the workshop already has for a code instead of adding a second one', async () => {
    const ws = tempWorkspace();
    ws.edit('mine', (tx) => tx.putEntity(EntitySchema.parse({ id: 'le-oma', kind: 'lifeEvent', code: 'KE11', name: { fi: 'Sairastuminen (työpaja)' } })));
    await importFiles(ws, [{ name: 's.json', bytes: enc(service(S1)) }]);
    expect(ws.listEntities('lifeEvent').map((e) => e.id)).toEqual(['le-oma']);
    expect(ws.getEntity('le-oma')?.name).toEqual({ fi: 'Sairastuminen (työpaja)' });
    expect(ws.listLinks({ type: 'inLifeEvent' })[0].target).toBe('le-oma');
  });

  it('updates a service stored under another id by its PTV id instead of adding a twin', async () => {
    const ws = tempWorkspace();
    ws.edit('by hand', (tx) => tx.putEntity(EntitySchema.parse({ id: 'srv-oma', kind: 'service', ptvId: S1, name: { fi: 'Käsin lisätty' }, capacity: 30 })));
    const r = await importFiles(ws, [{ name: 's.json', bytes: enc(service(S1)) }]);
    expect(r.created.service).toBe(0);
    expect(r.updated.service).toBe(1);
    expect(ws.listEntities('service').map((e) => e.id)).toEqual(['srv-oma']);
    expect(ws.getEntity('srv-oma')).toMatchObject({ name: { fi: 'Palvelu 1111' }, capacity: 30 });
    expect(ws.listLinks({ entityId: 'srv-oma' }).map((l) => l.type).sort()).toEqual(['inLifeEvent', 'offeredThrough', 'provides']);
  });

  it('a reference without a name to something not in the workspace is skipped with a reason, never fatal', async () => {
    const ws = tempWorkspace();
    const rec = service(S1, { serviceChannels: [{ serviceChannel: { id: 'dddddddd-0000-4000-8000-000000000001', name: null } }] });
    const r = await importFiles(ws, [{ name: 's.json', bytes: enc(rec) }], { onError: 'stop' });
    expect(r.created.service).toBe(1);
    expect(r.created.channel).toBe(0);
    expect(r.skipped).toEqual([
      {
        file: 's.json',
        record: `service ${S1}, Palvelu 1111, channel reference #1`,
        at: [
          { code: 'where.ptvService', params: { id: S1 } },
          { code: 'where.name', params: { name: 'Palvelu 1111' } },
          { code: 'where.channelRef', params: { n: 1 } },
        ],
        reason: 'the referenced service channel dddddddd-0000-4000-8000-000000000001 is neither in the workspace nor in the import, and the reference gives no name; no link made',
        code: 'ptv.referenceNoName',
        params: { kind: 'channel', id: 'dddddddd-0000-4000-8000-000000000001' },
      },
    ]);
    // Once the channel is known, the same reference links to it.
    ws.edit('chn', (tx) => tx.putEntity(EntitySchema.parse({ id: 'chn-dddddddd-0000-4000-8000-000000000001', kind: 'channel', name: { fi: 'Verkkosivu' } })));
    const again = await importFiles(ws, [{ name: 's.json', bytes: enc(rec) }]);
    expect(again.skipped).toEqual([]);
    expect(ws.listLinks({ type: 'offeredThrough' })).toHaveLength(1);
  });

  it('a full record replaces the placeholder an earlier reference made', async () => {
    const ws = tempWorkspace();
    await importFiles(ws, [{ name: 's.json', bytes: enc(service(S1)) }]);
    const channel = {
      id: 'cccccccc-0000-4000-8000-000000000001',
      serviceChannelType: 'Phone',
      serviceChannelNames: [{ language: 'fi', value: 'Neuvontapuhelin', type: 'Name' }],
      phoneNumbers: [{ prefixNumber: '+358', number: '291234567', isFinnishServiceNumber: false, language: 'fi' }],
      services: [{ service: { id: S1, name: 'Palvelu' } }],
    };
    const r = await importFiles(ws, [{ name: 'c.json', bytes: enc(channel) }]);
    expect(r.updated.channel).toBe(1);
    expect(ws.getEntity('chn-cccccccc-0000-4000-8000-000000000001')).toMatchObject({
      name: { fi: 'Neuvontapuhelin' },
      channelType: 'phone',
      phone: '+358 291234567',
      tags: [],
    });
    expect(ws.listLinks({ type: 'offeredThrough' })).toHaveLength(1);
  });

  it("with onError 'skip' imports the good records and reports each bad one with its reason", async () => {
    const ws = tempWorkspace();
    const r = await importFiles(ws, [
      { name: 'mixed.json', bytes: enc([service(S1), service(S2, { serviceNames: [] }), 'text', { id: 'x' }, service('not an id!')]) },
      { name: 'broken.json', bytes: new TextEncoder().encode('{"id": "1111') },
    ]);
    expect(r.created.service).toBe(1);
    expect(r.skipped.map((s) => [s.file, s.reason])).toEqual([
      ['mixed.json', 'no name in Finnish, Swedish or English'],
      ['mixed.json', 'not a JSON object but string'],
      ['mixed.json', expect.stringMatching(/^not a PTV service/)],
      ['mixed.json', 'the PTV id "not an id!" is not an identifier'],
      ['broken.json', expect.stringMatching(/^not valid JSON \(/)],
    ]);
    expect(r.skipped[0].record).toBe(`service ${S2}`);
    expect(r.skippedTotal).toBe(5);
  });

  it("with onError 'stop' throws on the first bad record and leaves the workspace exactly as it was", async () => {
    const ws = tempWorkspace();
    await importFiles(ws, [{ name: 'base.json', bytes: enc(service(S1)) }]);
    const before = snapshot(ws);
    const err = await importFiles(ws, [{ name: 'bad.json', bytes: enc([service(S2), service('22222222-0000-4000-8000-000000000003', { serviceNames: [{ language: 'se', value: 'Sámegiella', type: 'Name' }] })]) }], {
      onError: 'stop',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_input');
    expect((err as AppError).message).toBe('bad.json: service 22222222-0000-4000-8000-000000000003: no name in Finnish, Swedish or English');
    expect(snapshot(ws)).toEqual(before);
  });

  it('a cancel (AbortSignal) leaves nothing written, in the read phase and in the write phase', async () => {
    const ws = tempWorkspace();
    const before = snapshot(ws);
    const many = Array.from({ length: 600 }, (_, i) => service(`33333333-0000-4000-8000-${String(i).padStart(12, '0')}`));

    const early = new AbortController();
    const p1 = importFiles(ws, [{ name: 'a.json', bytes: enc(many) }, { name: 'b.json', bytes: enc(service(S1)) }], { signal: early.signal });
    early.abort();
    const e1 = await p1.catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AppError);
    expect((e1 as AppError).details).toMatchObject({ reason: 'cancelled' });
    expect(snapshot(ws)).toEqual(before);

    // Abort from inside the write transaction (the progress callback runs there): it rolls back.
    const late = new AbortController();
    const e2 = await importFiles(ws, [{ name: 'a.json', bytes: enc(many) }], {
      signal: late.signal,
      onProgress: (done, _total, phase) => {
        if (phase === 'write' && done >= 256) late.abort();
      },
    }).catch((e: unknown) => e);
    expect((e2 as AppError).details).toMatchObject({ reason: 'cancelled' });
    expect(snapshot(ws)).toEqual(before);
  });

  it('tolerates messy records: empty strings, nulls, wrong types, missing languages', async () => {
    const ws = tempWorkspace();
    const messy = service(S1, {
      serviceNames: [
        { language: 'fi', value: '', type: 'Name' },
        { language: 'en', value: '  Only   English  ', type: 'Name' },
      ],
      serviceDescriptions: 'not a list',
      languages: null,
      serviceClasses: [],
      targetGroups: [{ code: 'KR99' }, { uri: 'http://example.org/unknown' }, null],
      areaType: 'LimitedType',
      areas: [{ type: 'Province', code: '02' }],
      keywords: ['', 42, { value: null }],
      fundingType: 'MarketFunded',
      organizations: [{ roleType: 'Producer', organization: null, additionalInformation: [{ language: 'fi', value: 'Yritys Oy' }] }],
    });
    const r = await importFiles(ws, [{ name: 'messy.json', bytes: enc(messy) }]);
    expect(r.created.service).toBe(1);
    const s = ws.getEntity(ptvEntityId('service', S1)) as Service;
    expect(s.name).toEqual({ en: 'Only English' });
    expect(s.languages).toEqual(['en']);
    expect(s.fundingType).toBe('market');
    expect(s.targetGroups).toEqual(['KR99']);
    expect(s.keywords).toEqual(['42']);
    expect(s.areas).toContain('853'); // the region's municipalities
    expect(r.skipped).toEqual([
      {
        file: 'messy.json',
        record: `service ${S1}, Only English, organisation reference #1`,
        at: [said('where.ptvService', { id: S1 }), said('where.name', { name: 'Only English' }), said('where.orgRef', { n: 1 })],
        reason: expect.stringContaining('"Yritys Oy" is named only as free text'),
        code: 'ptv.providerFreeText',
        params: { name: 'Yritys Oy' },
      },
    ]);
    // The place is said in the user's language too.
    expect(sayRecord(translator('sv'), r.skipped[0])).toBe(`tjänst ${S1}, Only English, organisationsreferens 1`);
    expect(sayRecord(translator('fi'), r.skipped[0])).toBe(`palvelu ${S1}, Only English, organisaatioviittaus 1`);
    const reasons = r.warnings.map((w) => w.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'field "serviceDescriptions" is not a list; ignored',
        'service without service classes',
        'target group code not in the bundled code list; kept as is',
        'target group without a known code or URI; dropped',
      ]),
    );
  });
});

function folderSummary(r: Awaited<ReturnType<typeof importFiles>>) {
  const reasons: Record<string, number> = {};
  for (const s of r.skipped) {
    const key = s.reason.replace(/"[^"]*"/g, '"…"');
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return reasons;
}

describe.skipIf(!HAS_SHARED)('PTV import of the real data (reads ../shared/data)', () => {
  const ptv = path.join(SHARED_DATA, 'ptv');
  const folder = (sub: string) => inputsOf(sub === 'general-descriptions' ? [path.join(ptv, 'general-descriptions.json')] : filesUnder(path.join(ptv, sub)));

  it('imports every real file under ../shared/data/ptv, folder by folder', async () => {
    const ws = tempWorkspace();
    const expected: Record<string, { created: Record<string, number>; skipped: Record<string, number> }> = {
      v11: { created: { service: 2, channel: 8, organisation: 3 }, skipped: {} },
      'legacy/organizations': { created: { organisation: 6 }, skipped: {} },
      'legacy/channels': { created: { channel: 359 }, skipped: {} },
      'legacy/services': {
        created: { service: 160, organisation: 1, lifeEvent: 6 },
        skipped: {
          'the producer has no PTV organisation; no link made': 5,
          'the producer "…" is named only as free text, not as a PTV organisation; no link made': 8,
        },
      },
      'general-descriptions': { created: { service: 458, lifeEvent: 6 }, skipped: {} },
    };
    for (const [sub, want] of Object.entries(expected)) {
      const r = await importFiles(ws, folder(sub), { onError: 'skip' });
      expect(r.created, sub).toMatchObject(want.created);
      expect(folderSummary(r), sub).toEqual(want.skipped);
    }
    const counts = ws.counts();
    expect(counts.entities).toEqual({ service: 620, channel: 367, organisation: 10, lifeEvent: 12 });
    // Every stored record is valid by the model.
    for (const e of ws.listEntities()) expect(EntitySchema.safeParse(e).success, e.id).toBe(true);
    for (const l of ws.listLinks()) expect(LinkSchema.safeParse(l).success, l.id).toBe(true);
    // Old urn.fi classifications came through as codes.
    const gd = ws.getEntity('srv-00101b14-33b7-4da8-8c13-3a994c50a472') as Service;
    expect(gd.serviceClasses).toEqual(['P4.13']); // v1036, Sosiaalipalvelujen neuvonta- ja ohjauspalvelut
    expect(gd.targetGroups).toEqual(['KR1.2', 'KR1']);
    expect(gd.description.fi).not.toContain('entityMap');
  });

  it("imports all of it in one call with onError 'stop' (real data has no bad records), and again without duplicating", async () => {
    const ws = tempWorkspace();
    const inputs = inputsOf(filesUnder(ptv));
    const first = await importFiles(ws, inputs, { onError: 'stop' });
    expect(first.created).toMatchObject({ service: 620, channel: 367, organisation: 10, lifeEvent: 12 });
    const once = snapshot(ws);
    const second = await importFiles(ws, inputs, { onError: 'stop' });
    expect(second.created).toMatchObject({ service: 0, channel: 0, organisation: 0, lifeEvent: 0 });
    expect(second.updated).toMatchObject({ service: 0, channel: 0, organisation: 0, lifeEvent: 0 });
    expect(second.links).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(ws.listEntities()).toEqual(once.entities);
    expect(ws.listLinks()).toEqual(once.links);
    // One import, one undo step; undoing it empties the workspace again.
    ws.undo();
    expect(ws.listEntities()).toEqual([]);
  });

  it("onError 'stop' with one broken real file leaves the workspace as it was", async () => {
    const ws = tempWorkspace();
    await importFiles(ws, folder('legacy/organizations'));
    const before = snapshot(ws);
    const services = folder('legacy/services');
    const bad = JSON.parse(Buffer.from(services[3].bytes).toString('utf8'));
    bad.serviceNames = [];
    services[3] = { name: services[3].name, bytes: enc(bad) };
    const err = await importFiles(ws, services, { onError: 'stop' }).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(new RegExp(`^${services[3].name.replace(/[.]/g, '\\.')}: service [0-9a-f-]+: no name`));
    expect(snapshot(ws)).toEqual(before);
  });
});

// ---------------------------------------------------------------- property test

type Mutation =
  | { t: 'drop'; rec: number; key: number }
  | { t: 'wrongType'; rec: number; key: number; value: unknown }
  | { t: 'huge'; rec: number; key: number; size: number }
  | { t: 'deep'; rec: number; key: number; depth: number }
  | { t: 'badUtf8'; at: number }
  | { t: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ t: fc.constant('drop' as const), rec: fc.nat(), key: fc.nat() }),
  fc.record({
    t: fc.constant('wrongType' as const),
    rec: fc.nat(),
    key: fc.nat(),
    value: fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.string(), fc.constant({}), fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 3 })),
  }),
  fc.record({ t: fc.constant('huge' as const), rec: fc.nat(), key: fc.nat(), size: fc.integer({ min: 20_001, max: 300_000 }) }),
  fc.record({ t: fc.constant('deep' as const), rec: fc.nat(), key: fc.nat(), depth: fc.integer({ min: 1_000, max: 100_000 }) }),
  fc.record({ t: fc.constant('badUtf8' as const), at: fc.nat() }),
  fc.record({ t: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies a mutation to a file's text; records are the file's PTV records (single, list, page or map). */
function mutate(text: string, m: Mutation): Uint8Array {
  if (m.t === 'badUtf8' || m.t === 'truncate') {
    const bytes = new TextEncoder().encode(text);
    const at = m.at % Math.max(1, bytes.length);
    if (m.t === 'truncate') return bytes.subarray(0, at);
    const out = new Uint8Array(bytes.length + 2);
    out.set(bytes.subarray(0, at));
    out.set([0xc3, 0x28], at); // a lead byte followed by a non-continuation byte
    out.set(bytes.subarray(at), at + 2);
    return out;
  }
  const doc = JSON.parse(text);
  const recs = ptvRecords(doc) as Record<string, unknown>[];
  const rec = recs[m.rec % recs.length];
  const keys = Object.keys(rec);
  const key = keys[m.key % keys.length];
  if (m.t === 'drop') delete rec[key];
  else if (m.t === 'wrongType') rec[key] = m.value;
  else if (m.t === 'huge') rec[key] = Array.isArray(rec[key]) ? [{ language: 'fi', value: 'x'.repeat(m.size), type: 'Name' }] : 'ä'.repeat(m.size);
  else {
    let nested: unknown = 'pohja';
    for (let i = 0; i < m.depth; i++) nested = [nested];
    rec[key] = nested;
  }
  // Deep nesting cannot go through JSON.stringify (it recurses); splice it in as text instead.
  if (m.t === 'deep') {
    const marker = '"__DEEP__"';
    rec[key] = '__DEEP__';
    return new TextEncoder().encode(JSON.stringify(doc).replace(marker, `${'['.repeat(m.depth)}"pohja"${']'.repeat(m.depth)}`));
  }
  return new TextEncoder().encode(JSON.stringify(doc));
}

describe.skipIf(!HAS_SHARED)('PTV import under mutated real files (reads ../shared/data)', () => {
  const ptv = path.join(SHARED_DATA, 'ptv');
  const sources = [
    'v11/services-list.json',
    'v11/service-etalukio.json',
    'v11/channel-otava.json',
    'legacy/services/017d82bd-6e95-4eaf-a618-00bcd72e2907.json',
    'legacy/channels/0100928c-c0a8-4018-b628-e74625d74655.json',
    'legacy/organizations/3d1759a2-e47a-4947-9a31-cab1c1e2512b.json',
  ]
    // describe.skipIf still runs this body to collect tests, so read only where the data exists.
    .map((f) => ({ name: f, text: HAS_SHARED ? fs.readFileSync(path.join(ptv, f), 'utf8') : '' }));

  it('never crashes, stops with a clear AppError, and never writes part of an import', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: sources.length - 1 }), mutation), { minLength: 1, maxLength: 3 }), async (muts) => {
        const ws = tempWorkspace('prop');
        await importFiles(ws, [{ name: 'base.json', bytes: new TextEncoder().encode(sources[1].text) }]);
        const before = snapshot(ws);
        const inputs: ImportInput[] = muts.map(([i, m], n) => ({ name: `${n}-${sources[i].name}`, bytes: mutate(sources[i].text, m) }));
        // Unmutated files beside the mutated ones: a stop must not let them in either.
        inputs.push({ name: 'clean.json', bytes: new TextEncoder().encode(sources[0].text) });

        const stopped = await importFiles(ws, inputs, { onError: 'stop' }).then(
          () => null,
          (e: unknown) => e,
        );
        if (stopped) {
          expect(stopped).toBeInstanceOf(AppError);
          const e = stopped as AppError;
          expect(['invalid_input', 'too_large']).toContain(e.code);
          expect(e.message.length).toBeGreaterThan(10);
          expect(e.message.length).toBeLessThan(1000);
          expect(inputs.some((i) => e.message.startsWith(i.name))).toBe(true);
          expect(snapshot(ws)).toEqual(before);
        }

        const skipped = await importFiles(ws, inputs, { onError: 'skip' });
        for (const s of skipped.skipped) expect(s.reason.length).toBeGreaterThan(5);
        for (const e of ws.listEntities()) expect(EntitySchema.safeParse(e).success).toBe(true);
        expect(ws.getEntity('srv-6c00d407-d3fd-4c7e-a373-57be9f3b2cff')).toBeDefined();
        cleanupWorkspaces();
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
