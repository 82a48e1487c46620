/**
 * What the shipped course packs' builders share: a starting workspace assembled from the real public
 * data in ../shared/data through the app's own importers (PTV JSON, the AuroraAI labelling sheet as
 * a services table), plus the hand-entered part of a pack (needs, personas, the life event's needs),
 * and small pure edits that turn one workspace state into the next (an exercise's model answer).
 *
 * Deterministic on purpose: entity ids come from PTV ids or are written here, link ids from the
 * importer's hash or are written here, and nothing carries a time, so rebuilding a pack reproduces
 * the committed file byte for byte (resources/courses/courses.test.ts checks it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { CourseManifestSchema, COURSE_FORMAT, COURSE_FORMAT_VERSION, type CourseManifestInput, type CoursePack } from '../../shared/course/types';
import { EntitySchema, LinkSchema, WorkspaceJsonSchema, linkKindError, type Entity, type EntityInput, type Link, type LinkInput, type WorkspaceJson } from '../../shared/model';
import { PictureItemSchema } from '../../shared/picture/schemas';
import { importFiles } from '../../electron/backend/io/import';
import { exportWorkspaceJson } from '../../electron/backend/io/graph';
import { Workspace } from '../../electron/backend/store/workspace';

/** The real data beside the checkout (as the example builder finds it), or $KOHTAANTO_DATA. */
export const DATA_DIR = process.env.KOHTAANTO_DATA ?? path.resolve(__dirname, '../../../shared/data');
export const HAS_DATA = fs.existsSync(path.join(DATA_DIR, 'labels/auroraai-3x10d-labels.csv'));

/** Tag on everything the pack's authors entered by hand (needs, personas, links without a data source). */
export const HAND_TAG = 'käsin-syötetty';
/** Tag on a service whose "EI MUKAAN" mark the pack's authors cleared by hand. */
export const CLEARED_TAG = 'ei-mukaan-poistettu-käsin';

export type Text = { fi: string; sv: string; en: string };

/** What a starting workspace is made of. */
export interface BaseSpec {
  title: Text;
  description: Text;
  provenance: string;
  /** Rows of labels/auroraai-3x10d-labels.csv by PTV id, imported as a services table (the sheet's own columns). */
  labelRows?: string[];
  /** PTV general descriptions (pohjakuvaukset) by id, imported as PTV records. */
  generalDescriptions?: string[];
  /** PTV legacy service files by id (ptv/legacy/services/<id>.json), with the channel files they link to. */
  legacyServices?: string[];
  /**
   * Services whose "EI MUKAAN" mark of the youth labelling the pack's authors clear for this life
   * event (the labellers judged relevance to the youth life event only); tagged CLEARED_TAG.
   */
  clearExcluded?: string[];
  /** Entered by the pack's authors: tagged HAND_TAG here. */
  entities: EntityInput[];
  links: LinkInput[];
}

function readData(rel: string): Buffer {
  return fs.readFileSync(path.join(DATA_DIR, rel));
}

/** The labelling sheet's header and the chosen rows, unchanged, in the sheet's order. */
function labelRowsCsv(ids: readonly string[]): Uint8Array {
  const text = readData('labels/auroraai-3x10d-labels.csv').toString('utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  const seen = new Set<string>();
  const picked = rows.filter((r) => {
    const id = r[0]?.toLowerCase();
    if (!wanted.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const missing = [...wanted].filter((id) => !seen.has(id));
  if (missing.length) throw new Error(`not in the labelling sheet: ${missing.join(', ')}`);
  return new TextEncoder().encode(Papa.unparse([header, ...picked]));
}

function generalDescriptionsJson(ids: readonly string[]): Uint8Array {
  const all = JSON.parse(readData('ptv/general-descriptions.json').toString('utf8')) as { Id: string }[];
  const picked = ids.map((id) => {
    const g = all.find((x) => x.Id === id);
    if (!g) throw new Error(`no general description ${id}`);
    return g;
  });
  return new TextEncoder().encode(JSON.stringify(picked));
}

function legacyInputs(ids: readonly string[]): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const channels = new Set<string>();
  for (const id of ids) {
    const rel = `ptv/legacy/services/${id}.json`;
    const bytes = readData(rel);
    out.push({ name: rel, bytes });
    const rec = JSON.parse(bytes.toString('utf8')) as { serviceChannels?: { serviceChannel?: { id?: string } }[] };
    for (const c of rec.serviceChannels ?? []) if (c.serviceChannel?.id) channels.add(c.serviceChannel.id);
  }
  for (const id of [...channels].sort()) {
    const rel = `ptv/legacy/channels/${id}.json`;
    if (fs.existsSync(path.join(DATA_DIR, rel))) out.push({ name: rel, bytes: readData(rel) });
  }
  return out;
}

/**
 * Builds a starting workspace: the real records through importFiles (the same code as
 * `kohtaanto import`) into a temporary workspace file, then the hand-entered records, then
 * exported as workspace JSON.
 */
export async function buildBase(spec: BaseSpec): Promise<WorkspaceJson> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-course-build-'));
  const ws = Workspace.open(path.join(dir, 'base.kohtaanto'), { create: true, now: () => new Date('2026-01-01T00:00:00Z') });
  try {
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    if (spec.labelRows?.length) inputs.push({ name: 'labels/auroraai-3x10d-labels.csv', bytes: labelRowsCsv(spec.labelRows) });
    if (spec.generalDescriptions?.length) inputs.push({ name: 'ptv/general-descriptions.json', bytes: generalDescriptionsJson(spec.generalDescriptions) });
    if (spec.legacyServices?.length) inputs.push(...legacyInputs(spec.legacyServices));
    if (inputs.length) {
      const result = await importFiles(ws, inputs, { onError: 'stop' });
      if (result.skipped.length) throw new Error(`import skipped records: ${JSON.stringify(result.skipped.slice(0, 5))}`);
    }
    ws.setTitle(spec.title);
    ws.edit('Hand-entered part of the course pack', (tx) => {
      for (const e of spec.entities) tx.putEntity(EntitySchema.parse({ ...e, tags: [...new Set([...(e.tags ?? []), HAND_TAG])] }));
      for (const l of spec.links) tx.putLink(LinkSchema.parse(l));
      for (const id of spec.clearExcluded ?? []) {
        const e = tx.getEntity(id);
        if (!e || e.kind !== 'service' || !e.excluded) throw new Error(`${id} is not an excluded service of the import`);
        tx.putEntity({ ...e, excluded: false, tags: [...new Set([...e.tags, CLEARED_TAG])] });
      }
    });
    const json = exportWorkspaceJson(ws, { provenance: spec.provenance, description: spec.description });
    return sortWorkspace(json);
  } finally {
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A stable order (by id), so that the same content always gives the same file. */
export function sortWorkspace(ws: WorkspaceJson): WorkspaceJson {
  return { ...ws, entities: [...ws.entities].sort(byId), links: [...ws.links].sort(byId), picture: { items: [...(ws.picture?.items ?? [])].sort(byId), reviews: ws.picture?.reviews ?? [] } };
}

// ---------------------------------------------------------------------------------------------
// Edits: each exercise's model answer is the previous state with these applied
// ---------------------------------------------------------------------------------------------

export type Edit =
  | { op: 'addEntity'; entity: EntityInput }
  | { op: 'updateEntity'; id: string; set: Record<string, unknown> }
  | { op: 'removeEntity'; id: string }
  | { op: 'addLink'; link: LinkInput }
  | { op: 'removeLink'; id: string }
  | { op: 'addItem'; item: unknown };

/** Applies edits to a copy; every edit must make sense (no silent no-ops), and the result is validated. */
export function applyEdits(ws: WorkspaceJson, edits: readonly Edit[]): WorkspaceJson {
  let entities: Entity[] = ws.entities.map((e) => ({ ...e }));
  let links: Link[] = ws.links.map((l) => ({ ...l }));
  const items = [...(ws.picture?.items ?? [])];
  for (const e of edits) {
    switch (e.op) {
      case 'addEntity': {
        if (entities.some((x) => x.id === e.entity.id)) throw new Error(`entity ${e.entity.id} exists already`);
        entities.push(EntitySchema.parse({ ...e.entity, tags: [...new Set([...(e.entity.tags ?? []), HAND_TAG])] }));
        break;
      }
      case 'updateEntity': {
        const i = entities.findIndex((x) => x.id === e.id);
        if (i < 0) throw new Error(`no entity ${e.id} to update`);
        entities[i] = EntitySchema.parse({ ...entities[i], ...e.set });
        break;
      }
      case 'removeEntity': {
        if (!entities.some((x) => x.id === e.id)) throw new Error(`no entity ${e.id} to remove`);
        entities = entities.filter((x) => x.id !== e.id);
        links = links.filter((l) => l.source !== e.id && l.target !== e.id);
        break;
      }
      case 'addLink': {
        const link = LinkSchema.parse(e.link);
        if (links.some((x) => x.id === link.id || (x.type === link.type && x.source === link.source && x.target === link.target))) throw new Error(`link ${link.id} exists already`);
        links.push(link);
        break;
      }
      case 'removeLink': {
        if (!links.some((x) => x.id === e.id)) throw new Error(`no link ${e.id} to remove`);
        links = links.filter((x) => x.id !== e.id);
        break;
      }
      case 'addItem':
        items.push(PictureItemSchema.parse(e.item));
        break;
    }
  }
  const out = sortWorkspace(WorkspaceJsonSchema.parse({ ...ws, entities, links, picture: { items, reviews: ws.picture?.reviews ?? [] } }));
  assertLinksSound(out);
  return out;
}

/** Every link joins existing entities of the kinds its type allows. */
export function assertLinksSound(ws: WorkspaceJson): void {
  const kinds = new Map(ws.entities.map((e) => [e.id, e.kind]));
  for (const l of ws.links) {
    const s = kinds.get(l.source);
    const t = kinds.get(l.target);
    if (!s || !t) throw new Error(`link ${l.id} points to a missing entity`);
    const err = linkKindError(l.type, s, t);
    if (err) throw new Error(`link ${l.id}: ${err}`);
  }
}

/** A hand-entered link with a readable, stable id. */
export function link(type: Link['type'], source: string, target: string, data: Link['data'] = {}): LinkInput {
  return { id: `lnk-${type}-${source}-${target}`.slice(0, 200), type, source, target, data };
}

// ---------------------------------------------------------------------------------------------
// Assembling a pack
// ---------------------------------------------------------------------------------------------

export interface ExerciseSource {
  exercise: CourseManifestInput['exercises'][number];
  /** Edits from the exercise's starting state to its model answer. */
  answer: Edit[];
  /** When the exercise starts from a workspace of its own: that workspace's id and content. */
  startWorkspace?: { id: string; title: Text; json: WorkspaceJson };
}

/**
 * The pack: manifest validated by the pack schema; each exercise's model answer is its starting
 * state (a workspace of the pack, or the previous model answer) with the exercise's edits.
 */
export function assemblePack(manifest: Omit<CourseManifestInput, 'format' | 'formatVersion' | 'workspaces' | 'exercises'>, exercises: ExerciseSource[]): CoursePack {
  const workspaces: CoursePack['workspaces'] = {};
  const answers: CoursePack['answers'] = {};
  const wsList: { id: string; title: Text }[] = [];
  let previous: WorkspaceJson | undefined;
  for (const ex of exercises) {
    let start: WorkspaceJson;
    const from = ex.exercise.start;
    if (from.from === 'workspace') {
      if (!ex.startWorkspace || ex.startWorkspace.id !== from.workspace) throw new Error(`exercise ${ex.exercise.id}: its starting workspace is not given`);
      if (!workspaces[from.workspace]) {
        workspaces[from.workspace] = ex.startWorkspace.json;
        wsList.push({ id: from.workspace, title: ex.startWorkspace.title });
      }
      start = workspaces[from.workspace];
    } else {
      if (!previous) throw new Error(`exercise ${ex.exercise.id} continues from nothing`);
      start = previous;
    }
    const answer = applyEdits(start, ex.answer);
    answers[ex.exercise.id] = answer;
    previous = answer;
  }
  const parsed = CourseManifestSchema.parse({
    format: COURSE_FORMAT,
    formatVersion: COURSE_FORMAT_VERSION,
    ...manifest,
    workspaces: wsList,
    exercises: exercises.map((e) => e.exercise),
  });
  return { manifest: parsed, workspaces, answers };
}

/** The state an exercise starts from, as a participant's copy gets it. */
export function startingState(pack: CoursePack, exerciseId: string): WorkspaceJson {
  const i = pack.manifest.exercises.findIndex((e) => e.id === exerciseId);
  if (i < 0) throw new Error(`no exercise ${exerciseId}`);
  const start = pack.manifest.exercises[i].start;
  if (start.from === 'workspace') return pack.workspaces[start.workspace];
  if (i === 0) throw new Error(`the first exercise ${exerciseId} has no previous answer`);
  return pack.answers[pack.manifest.exercises[i - 1].id];
}
