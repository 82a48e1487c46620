/**
 * Reads the national service catalogue (PTV, Palvelutietovaranto) open API JSON — v11 and the
 * older v7–v9 shapes — into services, service channels, organisations and life events.
 *
 * Every entity's id is derived from its PTV id (`srv-<uuid>`, `chn-<uuid>`, `org-<uuid>`), so
 * importing the same records again updates them instead of adding copies. Fields PTV owns are
 * replaced; what a workshop added (meter affinities, exclusion, capacity, its own tags) is kept.
 */
import { AppError } from '../../../shared/api/result';
import type { CodedMessage, Place } from '../../../shared/api/messages';
import { codedError, said } from '../messages';
import {
  FUNDING_TYPES,
  type Channel,
  type Entity,
  type Language,
  type LifeEvent,
  type Organisation,
  type OptionalText,
  type Service,
} from '../../../shared/model';
import type { CodeListName, CodeLists } from './codes';
import { checkedEntity, numbered, WHOLE_FILE, type ImportSession, type LinkData } from './session';
import { clip, draftJsToText, tryParseJson } from './text';

type Obj = Record<string, unknown>;
type RecordKind = 'service' | 'channel' | 'organisation' | 'generalDescription';

const TEXT_MAX = 20_000;
const LANGS: Language[] = ['fi', 'sv', 'en'];
/** Tags an import manages; every other tag on an entity belongs to the user and is kept. */
const MANAGED_TAG_PREFIX = 'ptv-';
export const TAG_REFERENCE_ONLY = 'ptv-reference-only';
export const TAG_GENERAL_DESCRIPTION = 'ptv-general-description';

const ID_PREFIX: Record<'service' | 'channel' | 'organisation', string> = { service: 'srv', channel: 'chn', organisation: 'org' };

/** The entity id for a PTV id: deterministic, so a re-import finds what the last one wrote. */
export function ptvEntityId(kind: 'service' | 'channel' | 'organisation', ptvId: string): string {
  return `${ID_PREFIX[kind]}-${ptvId.toLowerCase()}`;
}

const PTV_ID = /^[0-9A-Za-z][0-9A-Za-z-]{0,94}$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
function nonEmpty(v: unknown): string | undefined {
  const s = str(v)?.trim();
  return s ? s : undefined;
}

/** Per-record context: where warnings go and how the record is named in them. */
interface Ctx {
  session: ImportSession;
  codes: CodeLists;
  file: string;
  label: Place;
}

function warn(ctx: Ctx, reason: CodedMessage, detail = ''): void {
  ctx.session.warn(reason, { file: ctx.file, at: ctx.label, ...(detail ? { detail: `(${detail})` } : {}) });
}

/** A list field that should be a list; anything else is reported and treated as empty. */
function list(ctx: Ctx, rec: Obj, key: string): unknown[] {
  const v = rec[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    warn(ctx, said('ptv.notList', { field: key }));
    return [];
  }
  return v;
}

interface LangValue {
  lang: string;
  value: string;
  type?: string;
}

/** `[{language, value, type}]` (current API) and `[{Lang, Label}]` (general descriptions). */
function langValues(v: unknown): LangValue[] {
  const out: LangValue[] = [];
  for (const x of arr(v)) {
    if (!isObj(x)) continue;
    const lang = (str(x.language) ?? str(x.Lang))?.toLowerCase();
    const value = str(x.value) ?? str(x.Label);
    if (!lang || value === undefined) continue;
    out.push({ lang, value: draftJsToText(value).trim(), type: str(x.type) });
  }
  return out;
}

function clipText(ctx: Ctx, s: string, what: 'ptv.nameCut' | 'ptv.descriptionCut'): string {
  if (s.length <= TEXT_MAX) return s;
  warn(ctx, said(what, { max: TEXT_MAX }));
  return clip(s, TEXT_MAX);
}

/** The first value per language among the preferred types, in order of preference. */
function pickNames(ctx: Ctx, values: LangValue[], types: (string | undefined)[]): OptionalText {
  const out: OptionalText = {};
  for (const lang of LANGS) {
    for (const type of types) {
      const hit = values.find((v) => v.lang === lang && v.value && (type === undefined || v.type === type));
      if (hit) {
        out[lang] = clipText(ctx, hit.value.replace(/\s+/g, ' '), 'ptv.nameCut');
        break;
      }
    }
  }
  return out;
}

/** Summary and full description read as one text: the summary is the description's first paragraph. */
function joinDescriptions(ctx: Ctx, parts: LangValue[][]): OptionalText {
  const out: OptionalText = {};
  for (const lang of LANGS) {
    const texts: string[] = [];
    for (const group of parts) {
      for (const v of group) if (v.lang === lang && v.value && !texts.includes(v.value)) texts.push(v.value);
    }
    if (texts.length) out[lang] = clipText(ctx, texts.join('\n\n'), 'ptv.descriptionCut');
  }
  return out;
}

function byType(values: LangValue[], ...types: string[]): LangValue[] {
  return values.filter((v) => v.type !== undefined && types.includes(v.type));
}

function hasText(t: OptionalText): boolean {
  return LANGS.some((l) => t[l]?.trim());
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

const CODE_PATTERN: Record<'serviceClasses' | 'targetGroups' | 'lifeEvents', RegExp> = {
  serviceClasses: /^P\d+(\.\d+)*$/,
  targetGroups: /^KR\d+(\.\d+)*$/,
  lifeEvents: /^KE\d+(\.\d+)*$/,
};

/**
 * Codes of a classification list. Current data has `code`; older data only the `urn.fi` URI,
 * which the code lists' OldUri maps; general descriptions call the URI `Key`.
 */
function classify(ctx: Ctx, items: unknown[], list: 'serviceClasses' | 'targetGroups' | 'lifeEvents'): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (!isObj(item)) continue;
    const code = nonEmpty(item.code);
    if (code && ctx.codes.has(list, code)) {
      out.push(code);
      continue;
    }
    let resolved: string | undefined;
    for (const uri of [item.uri, item.newUri, item.Key]) {
      const u = nonEmpty(uri);
      const ref = u ? ctx.codes.fromUri(u) : undefined;
      if (ref && ref.list === (list as CodeListName)) {
        resolved = ref.code;
        break;
      }
    }
    if (resolved) out.push(resolved);
    else if (code && CODE_PATTERN[list].test(code) && code.length <= 100) {
      // A code newer than the bundled list is still a real PTV code: keep it, but say so.
      warn(ctx, said('ptv.codeKept', { list }), code);
      out.push(code);
    } else warn(ctx, said('ptv.codeDropped', { list }), nonEmpty(item.uri) ?? nonEmpty(item.Key) ?? '');
  }
  return uniq(out).slice(0, 500);
}

/** Ontology terms (YSO/KOKO concepts) have no short code: their URI is their identity. */
function ontologyTerms(ctx: Ctx, items: unknown[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (!isObj(item)) continue;
    const id = nonEmpty(item.uri) ?? nonEmpty(item.Key) ?? nonEmpty(item.code);
    if (!id) continue;
    if (id.length > 100) warn(ctx, said('ptv.ontologyUriLong'), id.slice(0, 100));
    else out.push(id);
  }
  return uniq(out).slice(0, 500);
}

function keywords(ctx: Ctx, items: unknown[]): string[] {
  const out: string[] = [];
  for (const k of items) {
    const v = nonEmpty(isObj(k) ? k.value : k);
    if (!v) continue;
    if (v.length > 200) warn(ctx, said('ptv.keywordCut'));
    out.push(clip(v, 200));
  }
  const all = uniq(out);
  if (all.length > 500) warn(ctx, said('ptv.tooManyKeywords'));
  return all.slice(0, 500);
}

function languages(ctx: Ctx, rec: Obj): string[] {
  const out: string[] = [];
  for (const l of list(ctx, rec, 'languages')) {
    const v = nonEmpty(l)?.toLowerCase();
    if (v && v.length >= 2 && v.length <= 10) out.push(v);
  }
  return uniq(out).slice(0, 50);
}

function areaType(ctx: Ctx, raw: unknown): Service['areaType'] {
  const v = nonEmpty(raw);
  switch (v) {
    case undefined:
    case 'Nationwide':
    case 'WholeCountry':
      return 'nationwide';
    case 'NationwideExceptAlandIslands':
    case 'WholeCountryExceptAlandIslands':
      return 'nationwideExceptAland';
    // 'AreaType' is how some v7-era records said "limited".
    case 'LimitedType':
    case 'AreaType':
      return 'limited';
    default:
      warn(ctx, said('ptv.unknownAreaType'), v);
      return 'nationwide';
  }
}

/** Municipality codes of the service's areas; a region given without its municipalities is expanded. */
function areaMunicipalities(ctx: Ctx, items: unknown[]): string[] {
  const out: string[] = [];
  for (const a of items) {
    if (!isObj(a)) continue;
    const listed = arr(a.municipalities)
      .map((m) => (isObj(m) ? nonEmpty(m.code) : undefined))
      .filter((c): c is string => !!c);
    if (listed.length) {
      for (const c of listed) {
        if (!ctx.codes.has('municipalities', c)) warn(ctx, said('ptv.municipalityKept'), c);
        out.push(c);
      }
      continue;
    }
    const type = nonEmpty(a.type);
    const code = nonEmpty(a.code);
    if (type === 'Municipality' && code) out.push(code);
    else if ((type === 'Province' || type === 'Region') && code && ctx.codes.has('regions', code)) out.push(...ctx.codes.municipalitiesOf('region', code));
    else warn(ctx, said('ptv.areaDropped'), `${type ?? '?'} ${code ?? ''}`);
  }
  return uniq(out).filter((c) => c.length <= 100).slice(0, 500);
}

function fundingType(ctx: Ctx, raw: unknown): Service['fundingType'] {
  const v = nonEmpty(raw);
  if (!v || v === 'PubliclyFunded') return 'public';
  if (v === 'MarketFunded') return 'market';
  if ((FUNDING_TYPES as readonly string[]).includes(v)) return v as Service['fundingType'];
  warn(ctx, said('ptv.unknownFunding'), v);
  return 'other';
}

function typeTags(type: string | undefined): string[] {
  switch (type) {
    case 'PermitOrObligation':
    case 'PermissionAndObligation':
      return ['ptv-permit-or-obligation'];
    case 'ProfessionalQualifications':
      return ['ptv-professional-qualification'];
    default:
      return [];
  }
}

function mergeTags(existing: string[] | undefined, managed: string[]): string[] {
  return uniq([...(existing ?? []).filter((t) => !t.startsWith(MANAGED_TAG_PREFIX)), ...managed]);
}

/**
 * The build step of a PTV record: a new entity as read, or PTV's fields laid over the stored one.
 * Made here, outside the planners, so that the closure holds only these values and not the raw
 * record (a closure keeps its whole enclosing scope alive: 22,000 raw records are 300 MB).
 */
function ptvBuild(fresh: Entity, owned: readonly string[], tags: string[]): (existing: Entity | undefined) => Entity {
  return (existing) => {
    if (!existing) return fresh;
    const merged: Record<string, unknown> = { ...existing, tags: mergeTags(existing.tags, tags) };
    // Every field PTV owns is taken from the record, also when the record no longer has it.
    for (const key of owned) merged[key] = (fresh as unknown as Record<string, unknown>)[key];
    return checkedEntity(merged);
  };
}

/** The fields a PTV record owns on each kind; the rest (labels, exclusion, capacity, user tags) is the workshop's. */
const OWNED = {
  service: ['name', 'description', 'ptvId', 'serviceClasses', 'targetGroups', 'lifeEvents', 'ontologyTerms', 'areaType', 'areas', 'languages', 'fundingType', 'keywords'],
  channel: ['name', 'description', 'ptvId', 'channelType', 'url', 'phone', 'address', 'languages'],
  organisation: ['name', 'description', 'ptvId', 'orgType', 'businessId', 'municipality'],
} as const satisfies Record<string, readonly string[]>;

/** Exactly the owned fields: the compiler then keeps a planner and OWNED in step. */
type OwnedFields<E, K extends keyof typeof OWNED> = { [F in (typeof OWNED)[K][number]]: F extends keyof E ? E[F] | undefined : never };

const ROLE: Record<string, NonNullable<LinkData['role']>> = {
  Responsible: 'responsible',
  OtherResponsible: 'otherResponsible',
  Producer: 'producer',
};
const ROLE_RANK: Record<NonNullable<LinkData['role']>, number> = { responsible: 3, otherResponsible: 2, producer: 1 };

/**
 * A link holds one role, PTV can list one organisation as both responsible and producer:
 * the stronger role (responsible > other responsible > producer) is kept.
 */
export function strongerRole(a: LinkData, b: LinkData): LinkData {
  if (!a.role) return b;
  if (!b.role) return a;
  return ROLE_RANK[b.role] > ROLE_RANK[a.role] ? b : a;
}

// ---------------------------------------------------------------- record kinds

function recordKind(rec: Obj): RecordKind | null {
  if ('serviceChannelType' in rec || 'serviceChannelNames' in rec) return 'channel';
  if ('organizationNames' in rec || 'organizationType' in rec) return 'organisation';
  if ('serviceNames' in rec) return 'service';
  if (('Name' in rec && ('ServiceClass' in rec || 'ReferenceCode' in rec)) || 'generalDescriptionType' in rec) return 'generalDescription';
  return null;
}

/** The records of a PTV file: one record, an array, a page `{…, itemList}`, or an id → record map. */
export function ptvRecords(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) return parsed;
  if (!isObj(parsed)) return null;
  if (Array.isArray(parsed.itemList)) return parsed.itemList;
  if (recordKind(parsed)) return [parsed];
  const values = Object.values(parsed);
  // The AuroraAI tooling stored service lists keyed by id: {"<uuid>": {service}, …}.
  if (values.length > 0 && values.every((v) => isObj(v) && recordKind(v) !== null)) return values;
  return null;
}

/** True when parsed JSON has the shape of PTV data (used by format detection). */
export function looksLikePtv(parsed: unknown): boolean {
  const recs = ptvRecords(parsed);
  return !!recs && (recs.length === 0 || recs.some((r) => isObj(r) && recordKind(r) !== null));
}

function nameFor(t: OptionalText): string {
  return (t.fi || t.sv || t.en || '').slice(0, 60);
}

// ---------------------------------------------------------------- planning

interface Planner {
  session: ImportSession;
  codes: CodeLists;
  file: string;
  /** Ids already planned as placeholders or life events in this import, so each is planned once. */
  planned: Set<string>;
}

const plannedBySession = new WeakMap<ImportSession, Set<string>>();

function plannedIds(session: ImportSession): Set<string> {
  let planned = plannedBySession.get(session);
  if (!planned) plannedBySession.set(session, (planned = new Set()));
  return planned;
}

/**
 * Plans the life event for a PTV code (named from the code list) once per import, and returns
 * the id to link services to; other importers (spreadsheets) use it too.
 */
export function planLifeEventFor(session: ImportSession, codes: CodeLists, file: string, code: string): string {
  return planLifeEvent({ session, codes, file, planned: plannedIds(session) }, code);
}

function stub(p: Planner, kind: 'organisation' | 'channel', ptvId: string, name: string | undefined, record: Place): string {
  const id = ptvEntityId(kind, ptvId);
  if (p.planned.has(id)) return id;
  p.planned.add(id);
  p.session.addEntity({
    file: p.file,
    record,
    id,
    kind,
    ptvId: ptvId.toLowerCase(),
    stub: true,
    partOfRecord: true,
    build: () => {
      if (!name) throw codedError('invalid_input', said('ptv.referenceNoName', { kind, id: ptvId }));
      return checkedEntity({ id, kind, name: { fi: clip(name, TEXT_MAX) }, ptvId: ptvId.toLowerCase(), tags: [TAG_REFERENCE_ONLY] });
    },
  });
  return id;
}

function planLifeEvent(p: Planner, code: string): string {
  const id = `le-${code}`;
  if (p.planned.has(id)) return id;
  p.planned.add(id);
  const name = p.codes.text('lifeEvents', code);
  p.session.addEntity({
    file: p.file,
    record: [said('where.lifeEvent', { code })],
    id,
    kind: 'lifeEvent',
    lifeEventCode: code,
    // A life event the workspace already has keeps its name: workshops often rename them.
    build: (existing) => existing ?? checkedEntity({ id, kind: 'lifeEvent', code, name: name ?? { fi: code } } satisfies Partial<LifeEvent>),
  });
  return id;
}

function ptvIdOf(rec: Obj): string | undefined {
  const id = nonEmpty(rec.id) ?? nonEmpty(rec.Id);
  return id && PTV_ID.test(id) ? id.toLowerCase() : undefined;
}

function planService(p: Planner, rec: Obj, ptvId: string, general: boolean, ctx: Ctx): void {
  const names = langValues(general ? (rec.Name ?? rec.names) : rec.serviceNames);
  const name = pickNames(ctx, names, general ? [undefined] : ['Name', 'AlternativeName', 'AlternateName', undefined]);
  if (!hasText(name)) {
    p.session.fail(p.file, ctx.label, said('ptv.noName'));
    return;
  }
  ctx.label = [said(general ? 'where.ptvGeneral' : 'where.ptvService', { id: ptvId }), said('where.name', { name: nameFor(name) })];

  let description: OptionalText;
  if (general) {
    const short = langValues(rec.ShortDescription);
    const long = langValues(rec.Description);
    description = joinDescriptions(ctx, [short, long.length ? long : langValues(rec.BackgroundDescription)]);
    if (!hasText(description)) {
      const v11 = langValues(rec.descriptions);
      description = joinDescriptions(ctx, [byType(v11, 'Summary', 'ShortDescription'), byType(v11, 'Description')]);
    }
  } else {
    const d = langValues(list(ctx, rec, 'serviceDescriptions'));
    description = joinDescriptions(ctx, [byType(d, 'Summary', 'ShortDescription'), byType(d, 'Description')]);
  }

  const pick = (a: string, b: string) => list(ctx, rec, a in rec ? a : b);
  const serviceClasses = classify(ctx, pick('serviceClasses', 'ServiceClass'), 'serviceClasses');
  const targetGroups = classify(ctx, pick('targetGroups', 'TargetGroup'), 'targetGroups');
  const lifeEvents = classify(ctx, pick('lifeEvents', 'LifeEvent'), 'lifeEvents');
  const terms = ontologyTerms(ctx, pick('ontologyTerms', 'OntologyTerm'));
  if (!serviceClasses.length) warn(ctx, said('ptv.noServiceClasses'));

  const area = general ? 'nationwide' : areaType(ctx, rec.areaType);
  const areas = area === 'limited' ? areaMunicipalities(ctx, list(ctx, rec, 'areas')) : [];
  if (area === 'limited' && !areas.length) warn(ctx, said('ptv.limitedNoArea'));

  let langs = languages(ctx, rec);
  if (!langs.length) langs = LANGS.filter((l) => name[l]);
  const tags = [...(general ? [TAG_GENERAL_DESCRIPTION] : []), ...typeTags(nonEmpty(rec.type) ?? nonEmpty(rec.ServiceType))];

  const owned: OwnedFields<Service, 'service'> = {
    name,
    description,
    ptvId,
    serviceClasses,
    targetGroups,
    lifeEvents,
    ontologyTerms: terms,
    areaType: area,
    areas,
    languages: langs,
    fundingType: general ? 'public' : fundingType(ctx, rec.fundingType),
    keywords: keywords(ctx, list(ctx, rec, 'keywords')),
  };
  const id = ptvEntityId('service', ptvId);
  const label = ctx.label;
  // Validated now, so a bad record is reported while reading, before anything is written.
  const fresh = checkedEntity({ id, kind: 'service', ...owned, tags });
  p.session.addEntity({
    file: p.file,
    record: label,
    id,
    kind: 'service',
    ptvId,
    build: ptvBuild(fresh, OWNED.service, tags),
  });

  if (!general) {
    const roles = new Map<string, { data: LinkData; index: number; name?: string }>();
    list(ctx, rec, 'organizations').forEach((o, i) => {
      const refLabel = [...label, said('where.orgRef', { n: i + 1 })];
      if (!isObj(o)) return;
      const org = isObj(o.organization) ? o.organization : undefined;
      const orgId = org ? ptvIdOf(org) : undefined;
      if (!orgId) {
        const freeText = langValues(o.additionalInformation).find((v) => v.value)?.value;
        p.session.skipPart(
          p.file,
          refLabel,
          // The English keeps PTV's own role word (producer, responsible…); the coded message says "provider".
          freeText
            ? new AppError(
                'invalid_input',
                `the ${nonEmpty(o.roleType)?.toLowerCase() ?? 'provider'} "${freeText.replace(/\s+/g, ' ').slice(0, 80)}" is named only as free text, not as a PTV organisation; no link made`,
                undefined,
                said('ptv.providerFreeText', { name: freeText.replace(/\s+/g, ' ').slice(0, 80) }),
              )
            : new AppError('invalid_input', `the ${nonEmpty(o.roleType)?.toLowerCase() ?? 'provider'} has no PTV organisation; no link made`, undefined, said('ptv.providerMissing')),
        );
        return;
      }
      const role = ROLE[nonEmpty(o.roleType) ?? ''];
      const data: LinkData = role ? { role } : {};
      const prev = roles.get(orgId);
      roles.set(orgId, { data: prev ? strongerRole(prev.data, data) : data, index: i, name: prev?.name ?? nonEmpty(org?.name) });
    });
    for (const [orgId, { data, index, name: orgName }] of roles) {
      const orgEntity = stub(p, 'organisation', orgId, orgName, [...label, said('where.orgRef', { n: index + 1 })]);
      // A reference without a name may have no entity to point at; its skip is reported with the placeholder.
      p.session.addLink({ file: p.file, record: label, type: 'provides', source: orgEntity, target: id, data, mergeData: strongerRole, optional: !orgName });
    }

    list(ctx, rec, 'serviceChannels').forEach((c, i) => {
      if (!isObj(c)) return;
      const ch = isObj(c.serviceChannel) ? c.serviceChannel : c;
      const chId = ptvIdOf(ch);
      if (!chId) {
        p.session.skipPart(p.file, [...label, said('where.channelRef', { n: i + 1 })], said('ptv.channelRefNoId'));
        return;
      }
      const chName = nonEmpty(ch.name);
      const chEntity = stub(p, 'channel', chId, chName, [...label, said('where.channelRef', { n: i + 1 })]);
      p.session.addLink({ file: p.file, record: label, type: 'offeredThrough', source: id, target: chEntity, data: {}, optional: !chName });
    });
  }

  for (const code of lifeEvents) {
    if (!p.codes.has('lifeEvents', code)) continue;
    p.session.addLink({ file: p.file, record: label, type: 'inLifeEvent', source: id, target: planLifeEvent(p, code), data: {} });
  }

  // The service record is where PTV keeps its connections: links an earlier import made from it
  // and that it no longer lists are removed. Channel and organisation records only add links.
  if (!general) {
    p.session.own({
      entityId: id,
      types: [
        { type: 'provides', side: 'target' },
        { type: 'offeredThrough', side: 'source' },
        { type: 'inLifeEvent', side: 'source' },
      ],
    });
  }
}

const CHANNEL_TYPE: Record<string, Channel['channelType']> = {
  ServiceLocation: 'serviceLocation',
  WebPage: 'webPage',
  Phone: 'phone',
  PrintableForm: 'printableForm',
  EChannel: 'eChannel',
};

function firstByLang<T extends Obj>(items: T[]): T | undefined {
  for (const lang of [...LANGS, undefined]) {
    const hit = items.find((i) => lang === undefined || str(i.language)?.toLowerCase() === lang);
    if (hit) return hit;
  }
  return undefined;
}

function channelUrl(ctx: Ctx, rec: Obj): string | undefined {
  const candidates: Obj[] = [];
  for (const key of ['webPages', 'channelUrls', 'urls']) {
    for (const w of list(ctx, rec, key)) if (isObj(w) && (nonEmpty(w.url) ?? nonEmpty(w.value))?.match(/^[a-z][a-z0-9+.-]*:/i)) candidates.push(w);
    if (candidates.length) break;
  }
  const w = firstByLang(candidates);
  const url = w ? (nonEmpty(w.url) ?? nonEmpty(w.value)) : undefined;
  if (url && url.length > 2000) {
    warn(ctx, said('ptv.urlDropped'));
    return undefined;
  }
  return url;
}

function channelPhone(ctx: Ctx, rec: Obj): string | undefined {
  const phones = [...list(ctx, rec, 'phoneNumbers'), ...list(ctx, rec, 'supportPhones')].filter(isObj);
  const ph = firstByLang(phones.filter((x) => nonEmpty(x.number)));
  if (!ph) return undefined;
  const number = nonEmpty(ph.number)!;
  const prefix = ph.isFinnishServiceNumber === true ? '' : (nonEmpty(ph.prefixNumber) ?? '');
  return clip(`${prefix}${prefix ? ' ' : ''}${number}`, 100);
}

function channelAddress(ctx: Ctx, rec: Obj): string | undefined {
  const addresses = list(ctx, rec, 'addresses').filter(isObj);
  const a = addresses.find((x) => ['Location', 'Visiting'].includes(str(x.type) ?? '')) ?? addresses[0];
  if (!a) return undefined;
  const sa = isObj(a.streetAddress) ? a.streetAddress : undefined;
  if (!sa) return undefined;
  const textIn = (v: unknown) => {
    const values = langValues(v);
    return (values.find((x) => x.lang === 'fi') ?? values[0])?.value;
  };
  const street = [textIn(sa.street), nonEmpty(sa.streetNumber)].filter(Boolean).join(' ');
  const place = [nonEmpty(sa.postalCode), textIn(sa.postOffice)].filter(Boolean).join(' ');
  const out = [street, place].filter(Boolean).join(', ');
  return out ? clip(out, 1000) : undefined;
}

function planChannel(p: Planner, rec: Obj, ptvId: string, ctx: Ctx): void {
  const name = pickNames(ctx, langValues(list(ctx, rec, 'serviceChannelNames')), ['Name', 'AlternativeName', undefined]);
  if (!hasText(name)) {
    p.session.fail(p.file, ctx.label, said('ptv.noName'));
    return;
  }
  ctx.label = [said('where.ptvChannel', { id: ptvId }), said('where.name', { name: nameFor(name) })];
  const d = langValues(list(ctx, rec, 'serviceChannelDescriptions'));
  const rawType = nonEmpty(rec.serviceChannelType);
  const channelType = CHANNEL_TYPE[rawType ?? ''];
  if (!channelType) warn(ctx, said('ptv.unknownChannelType'), rawType ?? '(none)');
  const owned: OwnedFields<Channel, 'channel'> = {
    name,
    description: joinDescriptions(ctx, [byType(d, 'Summary', 'ShortDescription'), byType(d, 'Description')]),
    ptvId,
    channelType: channelType ?? 'webPage',
    url: channelUrl(ctx, rec),
    phone: channelPhone(ctx, rec),
    address: channelAddress(ctx, rec),
    languages: languages(ctx, rec),
  };
  const id = ptvEntityId('channel', ptvId);
  const label = ctx.label;
  const fresh = checkedEntity({ id, kind: 'channel', ...owned, tags: [] });
  p.session.addEntity({
    file: p.file,
    record: label,
    id,
    kind: 'channel',
    ptvId,
    build: ptvBuild(fresh, OWNED.channel, []),
  });
  for (const s of list(ctx, rec, 'services')) {
    const srv = isObj(s) && isObj(s.service) ? s.service : undefined;
    const srvId = srv ? ptvIdOf(srv) : undefined;
    if (!srvId) continue;
    p.session.addLink({ file: p.file, record: label, type: 'offeredThrough', source: ptvEntityId('service', srvId), target: id, data: {}, optional: true });
  }
}

const ORG_TYPE: Record<string, Organisation['orgType']> = {
  State: 'state',
  Municipality: 'municipality',
  // PTV's organisation type for the wellbeing services counties (hyvinvointialueet).
  Region: 'wellbeingCounty',
  Organization: 'ngo',
  Company: 'company',
  SotePrivate: 'company',
  SotePublic: 'other',
  RegionalOrganization: 'other',
};

function planOrganisation(p: Planner, rec: Obj, ptvId: string, ctx: Ctx): void {
  const names = langValues(list(ctx, rec, 'organizationNames'));
  const name = pickNames(ctx, names, ['Name', 'AlternateName', 'AlternativeName', undefined]);
  if (!hasText(name)) {
    const business = nonEmpty(rec.businessName);
    if (business) name.fi = clip(business, TEXT_MAX);
    else {
      p.session.fail(p.file, ctx.label, said('ptv.noName'));
      return;
    }
  }
  ctx.label = [said('where.ptvOrganisation', { id: ptvId }), said('where.name', { name: nameFor(name) })];
  const d = langValues(list(ctx, rec, 'organizationDescriptions'));
  const rawType = nonEmpty(rec.organizationType);
  const orgType = ORG_TYPE[rawType ?? ''];
  if (rawType && !orgType) warn(ctx, said('ptv.unknownOrgType'), rawType);
  let businessId = nonEmpty(rec.businessCode);
  if (businessId && !/^\d{7}-\d$/.test(businessId)) {
    warn(ctx, said('ptv.badBusinessId'), businessId.slice(0, 40));
    businessId = undefined;
  }
  const municipality = isObj(rec.municipality) ? nonEmpty(rec.municipality.code) : undefined;
  const owned: OwnedFields<Organisation, 'organisation'> = {
    name,
    description: joinDescriptions(ctx, [byType(d, 'Summary', 'ShortDescription'), byType(d, 'Description')]),
    ptvId,
    orgType: orgType ?? 'other',
    businessId,
    municipality: municipality && municipality.length <= 100 ? municipality : undefined,
  };
  const id = ptvEntityId('organisation', ptvId);
  const label = ctx.label;
  const fresh = checkedEntity({ id, kind: 'organisation', ...owned, tags: [] });
  p.session.addEntity({
    file: p.file,
    record: label,
    id,
    kind: 'organisation',
    ptvId,
    build: ptvBuild(fresh, OWNED.organisation, []),
  });
  for (const s of list(ctx, rec, 'services')) {
    if (!isObj(s)) continue;
    const srv = isObj(s.service) ? s.service : undefined;
    const srvId = srv ? ptvIdOf(srv) : undefined;
    if (!srvId) continue;
    const role = ROLE[nonEmpty(s.roleType) ?? ''];
    p.session.addLink({
      file: p.file,
      record: label,
      type: 'provides',
      source: id,
      target: ptvEntityId('service', srvId),
      data: role ? { role } : {},
      optional: true,
      mergeData: strongerRole,
    });
  }
}

const PLACE_OF = { service: 'where.ptvService', generalDescription: 'where.ptvGeneral', channel: 'where.ptvChannel', organisation: 'where.ptvOrganisation' } as const;

function planRecord(p: Planner, raw: unknown, index: number): void {
  const label = numbered('where.recordNo', index);
  if (!isObj(raw)) {
    p.session.fail(p.file, label, new AppError('invalid_input', `not a JSON object but ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw}`, undefined, said('ptv.notObject')));
    return;
  }
  const kind = recordKind(raw);
  if (!kind) {
    p.session.fail(p.file, label, said('ptv.notPtvRecord'));
    return;
  }
  const ptvId = ptvIdOf(raw);
  if (!ptvId) {
    const given = str(raw.id) ?? str(raw.Id);
    p.session.fail(p.file, [...label, said('where.ofKind', { kind: kind === 'generalDescription' ? 'service' : kind })], given === undefined ? said('ptv.noPtvId') : said('ptv.badPtvId', { value: given.slice(0, 60) }));
    return;
  }
  const ctx: Ctx = { session: p.session, codes: p.codes, file: p.file, label: [said(PLACE_OF[kind], { id: ptvId })] };
  try {
    if (kind === 'service') planService(p, raw, ptvId, false, ctx);
    else if (kind === 'generalDescription') planService(p, raw, ptvId, true, ctx);
    else if (kind === 'channel') planChannel(p, raw, ptvId, ctx);
    else planOrganisation(p, raw, ptvId, ctx);
  } catch (err) {
    // checkedEntity's message already says what is wrong with the record.
    if (err instanceof AppError && !(err.details as { file?: string } | undefined)?.file) p.session.fail(p.file, ctx.label, err);
    else throw err;
  }
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads one PTV JSON file into the session's plan. Yields to the event loop between chunks so
 * that a cancel from the UI gets through.
 */
export async function planPtvFile(session: ImportSession, file: string, bytes: Uint8Array, codes: CodeLists): Promise<void> {
  const parsed = tryParseJson(bytes);
  if ('problem' in parsed) {
    session.fail(file, WHOLE_FILE, parsed.msg);
    return;
  }
  await planPtvParsed(session, file, parsed.value, codes);
}

/** As planPtvFile, for JSON already parsed (format detection parses once). */
export async function planPtvParsed(session: ImportSession, file: string, parsed: unknown, codes: CodeLists): Promise<void> {
  const records = ptvRecords(parsed);
  if (!records) {
    session.fail(file, WHOLE_FILE, said('ptv.notPtv'));
    return;
  }
  const p: Planner = { session, codes, file, planned: plannedIds(session) };
  for (let i = 0; i < records.length; i++) {
    if (i % 500 === 499) {
      await yieldToLoop();
      session.checkAborted();
    }
    planRecord(p, records[i], i);
  }
}
