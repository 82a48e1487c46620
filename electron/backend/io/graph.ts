/**
 * The ecosystem graph for other tools, and whole workspaces as versioned JSON.
 *
 * GraphML (yEd, Cytoscape, Gephi) and GEXF 1.3 (Gephi) carry every entity field as a node
 * attribute named like the spreadsheet columns (`name.fi`, `serviceClasses`,
 * `meterAffinities.health`), plus `label` and `kind`; links are directed edges with `type`,
 * `role` and `importance`. GraphML nodes also carry yEd shape graphics, so yEd shows names and
 * colours by kind without a properties mapping.
 *
 * GraphML import reads such files back (merging by id). Any DOCTYPE or entity declaration is
 * refused before parsing: they are how "billion laughs" expansion and external-entity file
 * reads get into XML.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/result';
import { said } from '../messages';
import {
  EntitySchema,
  LinkSchema,
  ReviewJsonSchema,
  WORKSPACE_JSON_VERSION,
  WORKSPACE_JSON_VERSIONS,
  pickText,
  type Entity,
  type EntityKind,
  type WorkspaceJson,
} from '../../../shared/model';
import { PictureItemSchema } from '../../../shared/picture';
import type { Workspace } from '../store/workspace';
import { describeIssues, invalidRecord, numbered, WHOLE_FILE, type ImportSession } from './session';
import { FIELDS, LINK_HEADERS, headersFor, listCell, planEntityTable, planLinkTable, type Table } from './spreadsheet';
import { decodeUtf8, xmlEscape } from './text';

type AttrType = 'string' | 'double' | 'int' | 'boolean';

interface NodeAttr {
  name: string;
  type: AttrType;
  get: (e: Entity) => string | number | boolean | undefined;
}

/** Colours by kind, the same in yEd and Gephi so that a picture reads the same in both. */
const KIND_COLOUR: Record<EntityKind, [number, number, number]> = {
  organisation: [0x4e, 0x79, 0xa7],
  service: [0x59, 0xa1, 0x4f],
  channel: [0xf2, 0x8e, 0x2b],
  lifeEvent: [0xe1, 0x57, 0x59],
  need: [0xb0, 0x7a, 0xa1],
  persona: [0xed, 0xc9, 0x48],
};

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}


/** Every attribute any kind has, once, in a stable order: the union of the spreadsheet columns. */
function nodeAttributes(): NodeAttr[] {
  const attrs: NodeAttr[] = [
    { name: 'label', type: 'string', get: (e) => pickText(e.name, 'fi') },
    { name: 'kind', type: 'string', get: (e) => e.kind },
  ];
  const seen = new Set(['id', 'kind', 'label']);
  for (const kind of Object.keys(FIELDS) as EntityKind[]) {
    for (const spec of FIELDS[kind]) {
      const columns = headersFor(kind).filter((h) => h === spec.field || h.startsWith(`${spec.field}.`));
      for (const column of columns) {
        if (seen.has(column)) continue;
        seen.add(column);
        const [field, sub] = column.split('.') as [string, string | undefined];
        const type: AttrType = spec.type === 'meters' || spec.type === 'number' ? 'double' : spec.type === 'int' ? 'int' : spec.type === 'bool' ? 'boolean' : 'string';
        attrs.push({
          name: column,
          type,
          get: (e) => {
            const v = (e as unknown as Record<string, unknown>)[field];
            if (v === undefined || v === null) return undefined;
            if (sub !== undefined) {
              const x = (v as Record<string, unknown>)[sub];
              return typeof x === 'string' || typeof x === 'number' ? x : undefined;
            }
            if (Array.isArray(v)) return v.length ? listCell(v as string[]) : undefined;
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
            return undefined;
          },
        });
      }
    }
  }
  return attrs;
}

const EDGE_ATTRS: { name: string; type: AttrType }[] = [
  { name: 'type', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'importance', type: 'int' },
];

export interface GraphExportOptions {
  /** Fixed clock for reproducible files (GEXF records the date). */
  now?: () => Date;
}

/** GraphML of the whole workspace. */
export function exportGraphml(ws: Workspace): string {
  const attrs = nodeAttributes();
  const entities = ws.listEntities();
  const links = ws.listLinks();
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
  ];
  attrs.forEach((a, i) => out.push(`  <key id="n${i}" for="node" attr.name="${xmlEscape(a.name)}" attr.type="${a.type}"/>`));
  EDGE_ATTRS.forEach((a, i) => out.push(`  <key id="e${i}" for="edge" attr.name="${a.name}" attr.type="${a.type}"/>`));
  out.push('  <key id="yn" for="node" yfiles.type="nodegraphics"/>');
  out.push('  <graph id="kohtaanto" edgedefault="directed">');
  for (const e of entities) {
    out.push(`    <node id="${xmlEscape(e.id)}">`);
    attrs.forEach((a, i) => {
      const v = a.get(e);
      if (v !== undefined && v !== '') out.push(`      <data key="n${i}">${xmlEscape(String(v))}</data>`);
    });
    const label = xmlEscape(pickText(e.name, 'fi'));
    const width = Math.min(240, Math.max(60, label.length * 7));
    out.push(
      `      <data key="yn"><y:ShapeNode><y:Geometry width="${width}" height="30"/><y:Fill color="${hex(KIND_COLOUR[e.kind])}"/><y:Shape type="${e.kind === 'organisation' ? 'rectangle' : e.kind === 'channel' ? 'hexagon' : 'roundrectangle'}"/><y:NodeLabel>${label}</y:NodeLabel></y:ShapeNode></data>`,
    );
    out.push('    </node>');
  }
  for (const l of links) {
    out.push(`    <edge id="${xmlEscape(l.id)}" source="${xmlEscape(l.source)}" target="${xmlEscape(l.target)}">`);
    out.push(`      <data key="e0">${l.type}</data>`);
    if (l.data?.role) out.push(`      <data key="e1">${l.data.role}</data>`);
    if (l.data?.importance !== undefined) out.push(`      <data key="e2">${l.data.importance}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** GEXF 1.3 of the whole workspace, with node colours by kind. */
export function exportGexf(ws: Workspace, opts: GraphExportOptions = {}): string {
  const attrs = nodeAttributes().filter((a) => a.name !== 'label');
  const gexfType = (t: AttrType) => (t === 'int' ? 'integer' : t);
  const date = (opts.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const title = pickText(ws.getTitle(), 'fi');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date}"><creator>Kohtaanto</creator>${title ? `<description>${xmlEscape(title)}</description>` : ''}</meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...attrs.map((a, i) => `      <attribute id="${i}" title="${xmlEscape(a.name)}" type="${gexfType(a.type)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRS.map((a, i) => `      <attribute id="${i}" title="${a.name}" type="${gexfType(a.type)}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const e of ws.listEntities()) {
    out.push(`      <node id="${xmlEscape(e.id)}" label="${xmlEscape(pickText(e.name, 'fi'))}">`);
    out.push('        <attvalues>');
    attrs.forEach((a, i) => {
      const v = a.get(e);
      if (v !== undefined && v !== '') out.push(`          <attvalue for="${i}" value="${xmlEscape(String(v))}"/>`);
    });
    out.push('        </attvalues>');
    const [r, g, b] = KIND_COLOUR[e.kind];
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const l of ws.listLinks()) {
    out.push(`      <edge id="${xmlEscape(l.id)}" source="${xmlEscape(l.source)}" target="${xmlEscape(l.target)}" label="${l.type}">`);
    out.push('        <attvalues>');
    out.push(`          <attvalue for="0" value="${l.type}"/>`);
    if (l.data?.role) out.push(`          <attvalue for="1" value="${l.data.role}"/>`);
    if (l.data?.importance !== undefined) out.push(`          <attvalue for="2" value="${l.data.importance}"/>`);
    out.push('        </attvalues>');
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------- workspace JSON

/** The whole workspace in the versioned interchange format (WorkspaceJsonSchema). */
export function exportWorkspaceJson(ws: Workspace, opts: { provenance?: string; description?: WorkspaceJson['description'] } = {}): WorkspaceJson {
  return {
    format: 'kohtaanto-workspace',
    version: WORKSPACE_JSON_VERSION,
    title: ws.getTitle(),
    description: opts.description ?? {},
    ...(opts.provenance ? { provenance: opts.provenance } : {}),
    entities: ws.listEntities(),
    links: ws.listLinks(),
    picture: { items: ws.listItems(), reviews: listReviewJson(ws) },
  };
}

/** Saved reviews oldest first, their summary and items exactly as frozen. */
function listReviewJson(ws: Workspace): NonNullable<WorkspaceJson['picture']>['reviews'] {
  const rows = ws.db
    .prepare<[], { id: string; label: string; created_at: string; summary: string; items: string }>('SELECT id, label, created_at, summary, items FROM picture_reviews ORDER BY created_at, rowid')
    .all();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, summary: JSON.parse(r.summary), items: JSON.parse(r.items) }));
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when parsed JSON claims to be a workspace export (format detection). */
export function looksLikeWorkspaceJson(parsed: unknown): boolean {
  return isObj(parsed) && parsed.format === 'kohtaanto-workspace';
}

/**
 * Plans a workspace JSON file: each entity and link is validated on its own, so one bad record
 * is reported (or stops the import) without hiding the rest. Entities replace what is stored
 * under their id; the title is taken when the workspace has none.
 */
export function planWorkspaceJson(session: ImportSession, file: string, parsed: unknown): void {
  if (!looksLikeWorkspaceJson(parsed)) {
    session.fail(file, WHOLE_FILE, said('graph.notWorkspaceExport'));
    return;
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc.version === 'number' && doc.version > WORKSPACE_JSON_VERSION) {
    throw new AppError(
      'workspace_newer',
      `${file} was exported by a newer Kohtaanto (format version ${doc.version}; this version reads ${WORKSPACE_JSON_VERSION}). Update Kohtaanto to import it.`,
      { file, fileVersion: doc.version, supported: WORKSPACE_JSON_VERSION },
      said('graph.newerExport', { version: doc.version, supported: WORKSPACE_JSON_VERSION }),
    );
  }
  if (!(WORKSPACE_JSON_VERSIONS as readonly unknown[]).includes(doc.version)) {
    session.fail(file, WHOLE_FILE, said('graph.unknownVersion', { version: String(JSON.stringify(doc.version)?.slice(0, 20)) }));
    return;
  }
  if (!Array.isArray(doc.entities) || !Array.isArray(doc.links)) {
    session.fail(file, WHOLE_FILE, said('graph.notLists'));
    return;
  }
  if (doc.entities.length > 500_000 || doc.links.length > 2_000_000) {
    throw new AppError('too_large', `${file} has more than 500,000 entities or 2,000,000 links.`, { file, reason: 'size' }, said('graph.tooLarge'));
  }
  doc.entities.forEach((raw, i) => {
    const id = isObj(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 100) : undefined;
    const label = numbered('where.entityNo', i, id);
    const parsedEntity = EntitySchema.safeParse(raw);
    if (!parsedEntity.success) {
      session.fail(file, label, new AppError('invalid_input', describeIssues(parsedEntity.error.issues), undefined, invalidRecord(parsedEntity.error.issues)));
      return;
    }
    const entity = parsedEntity.data;
    session.addEntity({ file, record: label, id: entity.id, kind: entity.kind, build: () => entity });
  });
  doc.links.forEach((raw, i) => {
    const label = numbered('where.linkNo', i);
    const link = LinkSchema.safeParse(raw);
    if (!link.success) {
      session.fail(file, label, new AppError('invalid_input', describeIssues(link.error.issues), undefined, invalidRecord(link.error.issues)));
      return;
    }
    session.addLink({ file, record: numbered('where.linkNo', i, link.data.id), ...link.data });
  });
  if (doc.version === 2 && doc.picture !== undefined) planPictureJson(session, file, doc.picture);
  const title = doc.title;
  if (isObj(title)) session.setTitleIfEmpty(title);
}

/**
 * The picture of a version 2 file: each item validated on its own and replacing what is stored
 * under its id; reviews added unless one with the same id is stored (a review is never changed).
 */
function planPictureJson(session: ImportSession, file: string, picture: unknown): void {
  if (!isObj(picture) || (picture.items !== undefined && !Array.isArray(picture.items)) || (picture.reviews !== undefined && !Array.isArray(picture.reviews))) {
    session.fail(file, WHOLE_FILE, said('graph.pictureNotLists'));
    return;
  }
  const items = (picture.items ?? []) as unknown[];
  const reviews = (picture.reviews ?? []) as unknown[];
  if (items.length > 1_000_000 || reviews.length > 10_000) throw new AppError('too_large', `${file} has more than 1,000,000 picture items or 10,000 reviews.`, { file, reason: 'size' }, said('graph.pictureTooLarge'));
  items.forEach((raw, i) => {
    const id = isObj(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 100) : undefined;
    const label = numbered('where.pictureItemNo', i, id);
    const parsed = PictureItemSchema.safeParse(raw);
    if (!parsed.success) {
      session.fail(file, label, new AppError('invalid_input', describeIssues(parsed.error.issues), undefined, invalidRecord(parsed.error.issues)));
      return;
    }
    const item = parsed.data;
    session.addPictureItem({ file, record: label, id: item.id, build: () => item });
  });
  reviews.forEach((raw, i) => {
    const id = isObj(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 100) : undefined;
    const label = numbered('where.reviewNo', i, id);
    const parsed = ReviewJsonSchema.safeParse(raw);
    const badItem = parsed.success ? parsed.data.items.findIndex((it) => !PictureItemSchema.safeParse(it).success) : -1;
    if (!parsed.success || badItem >= 0) {
      session.fail(file, label, parsed.success ? new AppError('invalid_input', `items.${badItem}: not a valid picture item`, undefined, said('graph.badPictureItem', { n: badItem + 1 })) : new AppError('invalid_input', describeIssues(parsed.error.issues), undefined, invalidRecord(parsed.error.issues)));
      return;
    }
    session.addReview({ file, record: label, review: parsed.data });
  });
}

// ---------------------------------------------------------------- GraphML import

/** Refuses DTDs and entity declarations outright, before any parser sees the text. */
export function refuseDoctype(text: string, file: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new AppError(
      'invalid_input',
      `${file} contains a DOCTYPE or entity declaration, which Kohtaanto does not read: such declarations can expand to gigabytes or read files from this computer. Export the graph again without a DTD.`,
      { file, reason: 'doctype' },
      said('graph.doctype'),
    );
  }
}

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObj(v) && typeof v['#text'] === 'string') return v['#text'];
  return '';
}

const MAX_XML = 200 * 1024 * 1024;

/** Plans a GraphML file exported by Kohtaanto (or edited in yEd/Cytoscape/Gephi keeping the attributes). */
export function planGraphml(session: ImportSession, file: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_XML) throw new AppError('too_large', `${file} is larger than 200 MB.`, { file, reason: 'size' }, said('graph.xmlTooLarge'));
  const text = decodeUtf8(bytes, file);
  refuseDoctype(text, file);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    session.fail(file, WHOLE_FILE, new AppError('invalid_input', `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, undefined, said('graph.notWellFormed', { line: valid.err.line })));
    return;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => ['key', 'node', 'edge', 'data', 'graph'].includes(name),
  });
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = doc.graphml;
  if (!isObj(root)) {
    session.fail(file, WHOLE_FILE, said('graph.notGraphml'));
    return;
  }
  const keys = new Map<string, { for: string; name: string }>();
  for (const k of asArray(root.key as Record<string, unknown>[] | undefined)) {
    const id = String(k['@id'] ?? '');
    const name = String(k['@attr.name'] ?? '');
    if (id && name) keys.set(id, { for: String(k['@for'] ?? 'all'), name });
  }
  const graph = asArray(root.graph as Record<string, unknown>[] | undefined)[0];
  if (!graph) {
    session.fail(file, WHOLE_FILE, said('graph.noGraph'));
    return;
  }
  const nodeHeaders = ['id', ...new Set([...keys.values()].filter((k) => k.for === 'node' || k.for === 'all').map((k) => k.name))].filter((h) => h !== 'label');
  const nodes: Table = { file, sheet: undefined, headers: nodeHeaders, rows: [], rowNumbers: [] };
  const col = new Map(nodeHeaders.map((h, i) => [h, i] as const));
  asArray(graph.node as Record<string, unknown>[] | undefined).forEach((n, i) => {
    const row = nodeHeaders.map(() => '');
    row[0] = String(n['@id'] ?? '');
    for (const d of asArray(n.data as Record<string, unknown>[] | undefined)) {
      const key = keys.get(String(d['@key'] ?? ''));
      const at = key ? col.get(key.name) : undefined;
      if (at !== undefined) row[at] = textOf(d);
    }
    nodes.rows.push(row);
    nodes.rowNumbers.push(i + 1);
  });
  const edges: Table = { file, sheet: undefined, headers: LINK_HEADERS, rows: [], rowNumbers: [] };
  asArray(graph.edge as Record<string, unknown>[] | undefined).forEach((e, i) => {
    const data = new Map<string, string>();
    for (const d of asArray(e.data as Record<string, unknown>[] | undefined)) {
      const key = keys.get(String(d['@key'] ?? ''));
      if (key) data.set(key.name, textOf(d));
    }
    edges.rows.push([String(e['@id'] ?? ''), data.get('type') ?? '', String(e['@source'] ?? ''), String(e['@target'] ?? ''), data.get('role') ?? '', data.get('importance') ?? '']);
    edges.rowNumbers.push(i + 1);
  });
  if (!col.has('kind')) {
    session.fail(file, WHOLE_FILE, said('graph.noKind'));
    return;
  }
  planEntityTable(session, { ...nodes, sheet: 'nodes' }, false);
  planLinkTable(session, { ...edges, sheet: 'edges' }, false);
}
