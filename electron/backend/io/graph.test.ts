import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/result';
import { EntitySchema, WorkspaceJsonSchema, type Service } from '../../../shared/model';
import { EXPORT_FORMATS, writeExport } from './export';
import { exportGexf, exportGraphml, exportWorkspaceJson } from './graph';
import { importFiles } from './import';
import { cleanupWorkspaces, fillSample, filesUnder, HAS_SHARED, inputsOf, SHARED_DATA, snapshot, tempWorkspace } from './testing';

afterEach(cleanupWorkspaces);

const enc = (s: string) => new TextEncoder().encode(s);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue'].includes(n) });

describe('GraphML and GEXF export', () => {
  it('GraphML: well-formed, typed keys, every entity a node, every link an edge, yEd labels', () => {
    const ws = tempWorkspace();
    fillSample(ws);
    // A control character is not allowed anywhere in XML 1.0: it must be dropped, not written.
    ws.edit('bell', (tx) => tx.putEntity(EntitySchema.parse({ id: 'need-2', kind: 'need', name: { fi: 'Kello\u0007 soi <&> "ok"' } })));
    const xml = exportGraphml(ws);
    expect(XMLValidator.validate(xml)).toBe(true);
    const g = parser.parse(xml).graphml;
    expect(g['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = new Map<string, { name: string; type: string }>(g.key.filter((k: Record<string, string>) => k['@attr.name']).map((k: Record<string, string>) => [k['@id'], { name: k['@attr.name'], type: k['@attr.type'] }]));
    const byName = new Map([...keys.entries()].map(([id, k]) => [k.name, { id, type: k.type }]));
    expect(byName.get('label')?.type).toBe('string');
    expect(byName.get('meterAffinities.health')?.type).toBe('double');
    expect(byName.get('capacity')?.type).toBe('int');
    expect(byName.get('excluded')?.type).toBe('boolean');
    const graph = g.graph;
    expect(graph['@edgedefault']).toBe('directed');
    expect(graph.node).toHaveLength(ws.listEntities().length);
    expect(graph.edge).toHaveLength(ws.listLinks().length);
    const srv = graph.node.find((n: Record<string, unknown>) => n['@id'] === 'srv-1');
    const data = (name: string) => srv.data.find((d: Record<string, string>) => d['@key'] === byName.get(name)?.id)?.['#text'];
    expect(data('kind')).toBe('service');
    expect(data('serviceClasses')).toBe('P1.2; P4');
    expect(data('keywords')).toBe('["a;b","c"]');
    expect(data('meterAffinities.finance')).toBe('0.5');
    expect(xml).toContain('<y:NodeLabel>Kello soi &lt;&amp;&gt; &quot;ok&quot;</y:NodeLabel>');
    const edge = graph.edge.find((e: Record<string, string>) => e['@id'] === 'l1');
    expect(edge).toMatchObject({ '@source': 'org-1', '@target': 'srv-1' });
  });

  it('GEXF 1.3: well-formed, attributes declared, nodes coloured by kind, edges typed', () => {
    const ws = tempWorkspace();
    fillSample(ws);
    ws.setTitle({ fi: 'Nuoret & työ' });
    const xml = exportGexf(ws, { now: () => new Date('2024-05-01T00:00:00Z') });
    expect(XMLValidator.validate(xml)).toBe(true);
    const gexf = parser.parse(xml).gexf;
    expect(gexf['@version']).toBe('1.3');
    expect(gexf.meta['@lastmodifieddate']).toBe('2024-05-01');
    expect(gexf.meta.description).toBe('Nuoret & työ');
    const [nodeAttrs, edgeAttrs] = gexf.graph.attributes;
    expect(nodeAttrs['@class']).toBe('node');
    expect(nodeAttrs.attribute.map((a: Record<string, string>) => a['@title'])).toContain('meterAffinities.health');
    expect(edgeAttrs.attribute.map((a: Record<string, string>) => a['@title'])).toEqual(['type', 'role', 'importance']);
    const nodes = gexf.graph.nodes.node;
    expect(nodes).toHaveLength(ws.listEntities().length);
    const per = nodes.find((n: Record<string, string>) => n['@id'] === 'per-1');
    expect(per['@label']).toBe('Aino, 19 🙂');
    expect(per['viz:color']).toEqual({ '@r': '237', '@g': '201', '@b': '72' });
    const edges = gexf.graph.edges.edge;
    expect(edges.find((e: Record<string, string>) => e['@id'] === 'l4')).toMatchObject({ '@label': 'personaNeed', '@source': 'per-1', '@target': 'need-1' });
  });
});

describe('GraphML import', () => {
  it('reads its own export back into a new workspace', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    const b = tempWorkspace('b');
    const r = await importFiles(b, [{ name: 'graph.graphml', bytes: enc(exportGraphml(a)) }], { onError: 'stop' });
    expect(r.created).toEqual({ organisation: 1, service: 2, channel: 1, lifeEvent: 1, need: 1, persona: 1 });
    const crlf = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/\\r/g, '\\n'));
    expect(crlf(b.listEntities())).toEqual(crlf(a.listEntities()));
    expect(b.listLinks()).toEqual(a.listLinks());
  });

  const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="kind"/><graph edgedefault="directed"><node id="n1"><data key="k">&lol3;</data></node></graph></graphml>`;
  const EXTERNAL = `<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="n1"><data key="k">&xxe;</data></node></graph></graphml>`;
  const BARE_ENTITY = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><!ENTITY x "y"><graph/></graphml>`;

  for (const [what, xml] of [
    ['entity expansion ("billion laughs")', LAUGHS],
    ['an external entity', EXTERNAL],
    ['an entity declaration without DOCTYPE', BARE_ENTITY],
  ] as const) {
    it(`refuses XML with ${what}, whatever onError says, and writes nothing`, async () => {
      const ws = tempWorkspace();
      fillSample(ws);
      const before = snapshot(ws);
      for (const onError of ['skip', 'stop'] as const) {
        const err = await importFiles(ws, [{ name: 'x.graphml', bytes: enc(xml) }], { onError }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).details).toMatchObject({ reason: 'doctype' });
        expect((err as AppError).message).toMatch(/^x\.graphml contains a DOCTYPE or entity declaration/);
      }
      expect(snapshot(ws)).toEqual(before);
    });
  }

  it('reports malformed XML and nodes without a kind', async () => {
    const ws = tempWorkspace();
    const r1 = await importFiles(ws, [{ name: 'rikki.graphml', bytes: enc('<graphml><graph><node id="a"></graph></graphml>') }]);
    expect(r1.skipped[0]).toMatchObject({ file: 'rikki.graphml', reason: expect.stringMatching(/^not well-formed XML \(line 1: /) });
    const r2 = await importFiles(ws, [{ name: 'eilajia.graphml', bytes: enc('<graphml><key id="l" for="node" attr.name="name.fi"/><graph><node id="a"><data key="l">A</data></node></graph></graphml>') }]);
    expect(r2.skipped[0].reason).toMatch(/no "kind" attribute/);
  });
});

describe('workspace JSON', () => {
  it('exports the versioned format and imports it into a new workspace unchanged', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    a.setTitle({ fi: 'Nuoret kiinni yhteiskunnassa', sv: 'Unga i samhället' });
    const doc = exportWorkspaceJson(a, { provenance: 'Test' });
    expect(WorkspaceJsonSchema.parse(doc)).toEqual(doc);
    const b = tempWorkspace('b');
    const r = await importFiles(b, [{ name: 'ws.json', bytes: enc(JSON.stringify(doc)) }], { onError: 'stop' });
    expect(r.links.created).toBe(4);
    expect(b.listEntities()).toEqual(a.listEntities());
    expect(b.listLinks()).toEqual(a.listLinks());
    expect(b.getTitle()).toEqual(a.getTitle());
    // An undo takes the whole import back; the title stays (titles are not in the undo log).
    b.undo();
    expect(b.listEntities()).toEqual([]);
  });

  it('refuses a file from a newer version with a clear message', async () => {
    const ws = tempWorkspace();
    const doc = { format: 'kohtaanto-workspace', version: 99, entities: [], links: [] };
    const err = await importFiles(ws, [{ name: 'uusi.json', bytes: enc(JSON.stringify(doc)) }]).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('workspace_newer');
    expect((err as AppError).message).toBe('uusi.json was exported by a newer Kohtaanto (format version 99; this version reads 2). Update Kohtaanto to import it.');
  });

  it('checks each entity and link on its own: skip reports, stop leaves the workspace as it was', async () => {
    const a = tempWorkspace('a');
    fillSample(a);
    const doc = exportWorkspaceJson(a) as unknown as { entities: Record<string, unknown>[]; links: Record<string, unknown>[] };
    doc.entities.push({ id: 'srv-bad', kind: 'service', name: { fi: '' } });
    doc.links.push({ id: 'l9', type: 'provides', source: 'srv-1', target: 'org-1', data: {} });
    const bytes = enc(JSON.stringify(doc));
    const b = tempWorkspace('b');
    const before = snapshot(b);
    const err = await importFiles(b, [{ name: 'ws.json', bytes }], { onError: 'stop' }).catch((e: unknown) => e);
    expect((err as AppError).message).toBe('ws.json: entity #8, id srv-bad: name: text.empty');
    expect(snapshot(b)).toEqual(before);
    const r = await importFiles(b, [{ name: 'ws.json', bytes }]);
    expect(r.skipped.map((s) => [s.record, s.reason])).toEqual([
      ['entity #8, id srv-bad', 'name: text.empty'],
      ['link #5, id l9', 'A "provides" link goes from a organisation to a service, not from a service to a organisation.'],
    ]);
    expect(b.listEntities()).toHaveLength(7);
  });
});

describe('writeExport', () => {
  it('writes every format to disk, and each reads back through importFiles', async () => {
    const ws = tempWorkspace();
    fillSample(ws);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-export-'));
    try {
      for (const format of EXPORT_FORMATS) {
        const target = format === 'csv' ? path.join(dir, 'csv') : path.join(dir, `out.${format}`);
        const written = await writeExport(ws, format, target, { now: () => new Date('2024-05-01T00:00:00Z') });
        expect(written.length, format).toBe(format === 'csv' ? 7 : 1);
        expect(fs.readdirSync(path.dirname(written[0])).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        if (format === 'gexf') continue; // GEXF is for Gephi; Kohtaanto reads GraphML back
        const b = tempWorkspace(format);
        await importFiles(b, inputsOf(written, dir), { onError: 'stop' });
        expect(b.listEntities().map((e) => e.id), format).toEqual(ws.listEntities().map((e) => e.id));
        expect(b.listLinks(), format).toEqual(ws.listLinks());
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAS_SHARED)('graph export of the real PTV data (reads ../shared/data)', () => {
  it('exports the 1,009 entities of the real PTV data to GraphML and GEXF that parse and round-trip', async () => {
    const ws = tempWorkspace();
    await importFiles(ws, inputsOf(filesUnder(path.join(SHARED_DATA, 'ptv'))));
    const n = ws.listEntities().length;
    expect(n).toBe(1009);
    const graphml = exportGraphml(ws);
    const gexf = exportGexf(ws);
    expect(XMLValidator.validate(graphml)).toBe(true);
    expect(XMLValidator.validate(gexf)).toBe(true);
    expect(parser.parse(gexf).gexf.graph.nodes.node).toHaveLength(n);
    const b = tempWorkspace('b');
    await importFiles(b, [{ name: 'ptv.graphml', bytes: enc(graphml) }], { onError: 'stop' });
    expect(b.listEntities()).toEqual(ws.listEntities());
    expect(b.listLinks()).toEqual(ws.listLinks());
    const s = b.getEntity('srv-6c00d407-d3fd-4c7e-a373-57be9f3b2cff') as Service;
    expect(s.areas).toEqual(['426', '123']);
  });
});
