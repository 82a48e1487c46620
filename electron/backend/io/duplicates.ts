/**
 * Duplicate detection and merge. An import of the 458 PTV general descriptions brings about 250
 * distinct names, and an imported PTV life event ("Omaisen kuolema", KE14) lands beside the
 * user's own "Läheisen kuolema": both look like one thing twice. Detection only proposes groups
 * and says what tells their members apart; merging is always the user's choice, one group at a
 * time, as one undoable edit.
 */
import { encodeLabel, labelName } from '../../../shared/api/history';
import type { DuplicateGroup, DuplicateMember, DuplicateReason, DuplicateReport, DuplicateTrait, ImportDuplicates, MergeResult } from '../../../shared/api/duplicates';
import { pickText, type Entity, type EntityKind, type Link, type OptionalText, type Persona } from '../../../shared/model';
import { validEntity, validLink, type Workspace } from '../store/workspace';
import { codedError, said } from '../messages';
import { groupBy, groupInOrder } from '../../../shared/util/group';

/** A name as compared: case, accents, punctuation and spacing do not count. */
export function normalizeName(s: string | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.split(' ')) {
    const p = ` ${w} `;
    for (let i = 0; i < p.length - 1; i++) out.add(p.slice(i, i + 2));
  }
  return out;
}

/** Dice coefficient of character bigrams (word-padded) of two normalised names, 0–1. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Life events are few and named freely ("Läheisen kuolema" for PTV's "Omaisen kuolema"), so a
 * similar name makes a candidate. Other kinds compare normalised names only: among the PTV
 * general descriptions, similar names are different services ("Lastenpsykiatrian" and
 * "Psykiatrian päivystyspalvelut"), and chaining them would offer to merge them.
 */
const SIMILAR_LIFE_EVENT = 0.5;

/**
 * What grouping reads of an entity: names and the ids that make two records one. A region's
 * catalogue is read this way (SQLite picks the fields out of each document) instead of parsing
 * 50,000 whole records; only the members of the groups reported are read whole.
 */
interface Compared {
  id: string;
  kind: EntityKind;
  name: OptionalText;
  ptvId?: string;
  /** A life event's PTV code. */
  code?: string;
}

function names(e: Compared): string[] {
  return [...new Set([e.name.fi, e.name.sv, e.name.en].map(normalizeName).filter(Boolean))];
}

function primaryKey(e: Compared): string {
  return normalizeName(pickText(e.name, 'fi'));
}

type ComparedRow = { id: string; kind: EntityKind; fields: string };

/** Every entity (or those of one kind) as grouping reads them, by kind, then id (as `listEntities` gives them). */
function comparedEntities(ws: Workspace, kind?: EntityKind): Compared[] {
  const fields = `json_extract(data, '$.name.fi', '$.name.sv', '$.name.en', '$.ptvId', '$.code') AS fields`;
  const rows = kind
    ? ws.db.prepare<[string], ComparedRow>(`SELECT id, kind, ${fields} FROM entities WHERE kind = ? ORDER BY id`).all(kind)
    : groupInOrder(ws.db.prepare<[], ComparedRow>(`SELECT id, kind, ${fields} FROM entities ORDER BY id`).all(), (r) => r.kind);
  return rows.map((r) => {
    const [fi, sv, en, ptvId, code] = JSON.parse(r.fields) as (string | null)[];
    const name: OptionalText = {};
    if (typeof fi === 'string') name.fi = fi;
    if (typeof sv === 'string') name.sv = sv;
    if (typeof en === 'string') name.en = en;
    return {
      id: r.id,
      kind: r.kind,
      name,
      ...(typeof ptvId === 'string' && ptvId ? { ptvId } : {}),
      ...(r.kind === 'lifeEvent' && typeof code === 'string' && code ? { code } : {}),
    };
  });
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

interface Context {
  /** The organisations providing a service (by `provides` links), in no particular order. */
  orgsOf(id: string): string[];
  /** Links from and to an entity. */
  linkCount(id: string): number;
  /** Whole records: the members shown and their organisations. */
  entity(id: string): Entity | undefined;
}

/** What a member's view needs besides its record, looked up for the members shown only (along the links' source and target indexes). */
function context(ws: Workspace): Context {
  const from = ws.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM links WHERE source = ?');
  const to = ws.db.prepare<[string], { type: string; source: string }>('SELECT type, source FROM links WHERE target = ?');
  const read = new Map<string, Entity | undefined>();
  return {
    orgsOf: (id) => to.all(id).flatMap((l) => (l.type === 'provides' ? [l.source] : [])),
    linkCount: (id) => from.get(id)!.n + to.all(id).length,
    entity: (id) => {
      if (!read.has(id)) read.set(id, ws.getEntity(id));
      return read.get(id);
    },
  };
}

function field<T>(e: Entity, key: string): T | undefined {
  return (e as unknown as Record<string, T | undefined>)[key];
}

function memberView(e: Entity, c: Context): DuplicateMember {
  const orgIds = [...new Set(c.orgsOf(e.id))].sort();
  const cut = (x: string | undefined) => (x && x.length > 200 ? `${x.slice(0, 200)}…` : x);
  const desc = e.description ?? {};
  return {
    id: e.id,
    name: e.name,
    ...(e.ptvId ? { ptvId: e.ptvId } : {}),
    ...(e.kind === 'lifeEvent' && e.code ? { code: e.code } : {}),
    organisations: orgIds.map((id) => ({ id, name: (c.entity(id)?.name ?? {}) as OptionalText })),
    languages: [...(field<string[]>(e, 'languages') ?? (e.kind === 'persona' ? [e.language] : []))].sort(),
    ...(e.kind === 'service' ? { areaType: e.areaType } : {}),
    areas: [...(field<string[]>(e, 'areas') ?? (e.kind === 'persona' || e.kind === 'organisation' ? [e.municipality].filter((x): x is string => !!x) : []))].sort(),
    serviceClasses: [...(field<string[]>(e, 'serviceClasses') ?? [])].sort(),
    description: Object.fromEntries((['fi', 'sv', 'en'] as const).filter((l) => desc[l]?.trim()).map((l) => [l, cut(desc[l])])),
    links: c.linkCount(e.id),
  };
}

const TRAIT_OF: Record<DuplicateTrait, (m: DuplicateMember) => unknown> = {
  organisations: (m) => m.organisations.map((o) => o.id),
  languages: (m) => m.languages,
  area: (m) => [m.areaType ?? '', ...m.areas],
  ptvId: (m) => m.ptvId ?? '',
  code: (m) => m.code ?? '',
  serviceClasses: (m) => m.serviceClasses,
  description: (m) => normalizeName(pickText(m.description, 'fi')),
  names: (m) => [normalizeName(m.name.fi), normalizeName(m.name.sv), normalizeName(m.name.en)],
};

function differences(members: DuplicateMember[]): DuplicateTrait[] {
  return (Object.keys(TRAIT_OF) as DuplicateTrait[]).filter((t) => new Set(members.map((m) => JSON.stringify(TRAIT_OF[t](m)))).size > 1);
}

/** Groups of likely duplicates among the workspace's entities (optionally one kind; optionally only groups touching `ids`). */
export function findDuplicates(ws: Workspace, opts: { kind?: EntityKind; ids?: Iterable<string> } = {}): DuplicateReport {
  return duplicatesAmong(ws, comparedEntities(ws, opts.kind), opts.ids);
}

function duplicatesAmong(ws: Workspace, entities: Compared[], ids?: Iterable<string>): DuplicateReport {
  const uf = new UnionFind();
  const reasons = new Map<string, Set<DuplicateReason>>();
  const pair = (a: Compared, b: Compared, why: DuplicateReason) => {
    uf.union(a.id, b.id);
    const key = [a.id, b.id].sort().join('\n');
    reasons.set(key, (reasons.get(key) ?? new Set()).add(why));
  };
  let distinctNames = 0;

  // Lists grown in place: copying a list for every entity added made a region's catalogue (50,000 services) take 12 s here.
  const byKind = groupBy(entities, (e) => e.kind);
  for (const [kind, list] of byKind) {
    const byName = groupBy(
      list.filter((e) => primaryKey(e)),
      (e) => primaryKey(e),
    );
    distinctNames += byName.size;
    const codeOf = (e: Compared) => e.code;
    for (const same of byName.values()) {
      for (let i = 1; i < same.length; i++) {
        // Two life events with different PTV codes are different events, whatever they are called.
        if (codeOf(same[0]) && codeOf(same[i]) && codeOf(same[0]) !== codeOf(same[i])) continue;
        pair(same[0], same[i], 'name');
      }
    }

    const byPtv = new Map<string, Compared>();
    for (const e of list) {
      if (!e.ptvId) continue;
      const first = byPtv.get(e.ptvId.toLowerCase());
      if (first) pair(first, e, 'ptvId');
      else byPtv.set(e.ptvId.toLowerCase(), e);
    }

    if (kind === 'lifeEvent') {
      // The same PTV code is the same event; otherwise a similar name in any language is a candidate,
      // unless both carry different codes (then they are different events by definition).
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i];
          const b = list[j];
          const ca = a.code;
          const cb = b.code;
          if (ca && cb) {
            if (ca === cb) pair(a, b, 'code');
            continue;
          }
          if (primaryKey(a) === primaryKey(b)) continue;
          const na = names(a);
          const nb = names(b);
          if (na.some((x) => nb.some((y) => nameSimilarity(x, y) >= SIMILAR_LIFE_EVENT))) pair(a, b, 'similarName');
        }
      }
    }
  }

  const components = groupBy(entities, (e) => uf.find(e.id));
  // The reasons of each group: those of its pairs (each pair recorded is within one group).
  const reasonsOf = new Map<string, Set<DuplicateReason>>();
  for (const [key, why] of reasons) {
    const root = uf.find(key.slice(0, key.indexOf('\n')));
    const into = reasonsOf.get(root);
    if (into) for (const r of why) into.add(r);
    else reasonsOf.set(root, new Set(why));
  }
  const touched = ids ? new Set(ids) : undefined;
  const groups: DuplicateGroup[] = [];
  let c: Context | undefined;
  for (const members of components.values()) {
    if (members.length < 2) continue;
    if (touched && !members.some((m) => touched.has(m.id))) continue;
    const memberIds = members.map((m) => m.id).sort();
    const why = reasonsOf.get(uf.find(members[0].id)) ?? new Set<DuplicateReason>();
    c ??= context(ws);
    const views = members.map((m) => memberView(c!.entity(m.id)!, c!));
    const diff = differences(views);
    const strong = why.has('ptvId') || why.has('code');
    // A similar name alone is only a candidate: "likely" needs the same name (or id, or code) and nothing material apart.
    const likely = strong || (why.has('name') && !why.has('similarName') && !diff.includes('organisations') && !diff.includes('area'));
    groups.push({ key: memberIds.join(' '), kind: members[0].kind, reasons: [...why].sort(), likely, differences: diff, members: views });
  }
  // Likely groups first, then larger ones, then by name: the review starts with what matters most.
  groups.sort((a, b) => Number(b.likely) - Number(a.likely) || b.members.length - a.members.length || pickText(a.members[0].name, 'fi').localeCompare(pickText(b.members[0].name, 'fi'), 'fi'));
  return { entities: entities.length, distinctNames, groups };
}

/** What an import's summary says about duplicates among the records it wrote. */
export function importDuplicates(ws: Workspace, ids: string[]): ImportDuplicates {
  if (!ids.length) return { imported: 0, distinctNames: 0, groups: 0, likely: 0 };
  const idSet = new Set(ids);
  const all = comparedEntities(ws);
  const written = all.filter((e) => idSet.has(e.id));
  const distinct = new Set(written.map((e) => `${e.kind}|${primaryKey(e)}`));
  const report = duplicatesAmong(ws, all, idSet);
  return { imported: written.length, distinctNames: distinct.size, groups: report.groups.length, likely: report.groups.filter((g) => g.likely).length };
}

// ------------------------------------------------------------------------------------------------
// Merge
// ------------------------------------------------------------------------------------------------

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every((x) => x === undefined || x === '');
  return false;
}

const TEXT_FIELDS = new Set(['name', 'description']);

/** The kept entity with its empty fields (and missing translations) filled from the others, and which fields changed. */
function filledFrom(keep: Entity, others: Entity[]): { entity: Entity; filled: string[] } {
  const out = structuredClone(keep) as unknown as Record<string, unknown>;
  const filled = new Set<string>();
  for (const o of others) {
    for (const [key, value] of Object.entries(o as unknown as Record<string, unknown>)) {
      if (key === 'id' || key === 'kind' || isEmpty(value)) continue;
      if (TEXT_FIELDS.has(key)) {
        const mine = { ...((out[key] as Record<string, string | undefined>) ?? {}) };
        for (const [l, text] of Object.entries(value as Record<string, string | undefined>)) {
          if (text?.trim() && !mine[l]?.trim()) {
            mine[l] = text;
            filled.add(`${key}.${l}`);
          }
        }
        out[key] = mine;
        continue;
      }
      // Areas only mean something for a limited-area service; a nationwide one keeps none.
      if (key === 'areas' && out.areaType !== 'limited') continue;
      if (isEmpty(out[key])) {
        out[key] = structuredClone(value);
        filled.add(key);
      }
    }
  }
  return { entity: validEntity(out), filled: [...filled] };
}

/**
 * Merges `mergeIds` into `keepId` as one undoable edit: links move to the kept entity (a link
 * that would duplicate one it has, or join it to itself, is dropped; a dropped twin's role or
 * importance fills the kept link's where that has none), empty fields are filled from the others,
 * personas expecting a merged service expect the kept one, and the others are deleted.
 * Anything invalid throws before a single write.
 */
export function mergeEntities(ws: Workspace, keepId: string, mergeIds: string[]): MergeResult {
  if (new Set(mergeIds).size !== mergeIds.length) throw codedError('invalid_input', said('edit.mergeListedTwice'));
  if (mergeIds.includes(keepId)) throw codedError('invalid_input', said('edit.mergeKeepMerged'));
  const keep = ws.getEntity(keepId);
  if (!keep) throw codedError('not_found', said('edit.noEntity', { id: keepId }));
  const others = mergeIds.map((id) => {
    const e = ws.getEntity(id);
    if (!e) throw codedError('not_found', said('edit.noEntity', { id }));
    if (e.kind !== keep.kind) throw codedError('invalid_input', said('edit.mergeKinds', { id, kind: e.kind, keepId, otherKind: keep.kind }), { details: { reason: 'merge.kinds' } });
    return e;
  });
  const { entity: kept, filled } = filledFrom(keep, others);
  const label = encodeLabel(`Merge ${others.length} ${keep.kind}${others.length > 1 ? 's' : ''} into "${pickText(keep.name, 'fi').slice(0, 60)}"`, {
    key: 'merge',
    params: { count: others.length, kind: keep.kind, name: labelName(keep.name) },
    entity: { kind: keep.kind, id: keep.id },
  });
  const merging = new Set(mergeIds);

  return ws.edit(label, (tx) => {
    let moved = 0;
    let dropped = 0;
    if (filled.length) tx.putEntity(kept);
    for (const other of others) {
      for (const l of ws.linksOf(other.id)) {
        const source = l.source === other.id ? keepId : l.source;
        const target = l.target === other.id ? keepId : l.target;
        tx.deleteLink(l.id);
        if (source === target) {
          dropped++;
          continue;
        }
        const twin = ws.findLink(l.type, source, target);
        if (twin) {
          const data = { ...l.data, ...twin.data };
          if (JSON.stringify(data) !== JSON.stringify(twin.data)) tx.putLink(validLink({ ...twin, data }));
          dropped++;
          continue;
        }
        tx.putLink(validLink({ ...l, source, target } satisfies Link));
        moved++;
      }
    }
    if (keep.kind === 'service') {
      for (const p of ws.listEntities('persona') as Persona[]) {
        if (!p.expectedServices.some((s) => merging.has(s))) continue;
        const expectedServices = [...new Set(p.expectedServices.map((s) => (merging.has(s) ? keepId : s)))];
        tx.putEntity(validEntity({ ...p, expectedServices }));
      }
    }
    for (const other of others) tx.deleteEntity(other.id);
    return { kept, merged: [...mergeIds], movedLinks: moved, droppedLinks: dropped, filled, label };
  });
}
