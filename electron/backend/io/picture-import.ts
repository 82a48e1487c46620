/**
 * Situational-picture imports from CSV/XLSX: indicator measurements, budget lines, cost–benefit
 * items and survey responses. Each goes through a column mapping (proposed from the headings, or
 * from the cells for a survey, and corrected by the user), is checked row by row with messages
 * that name the file, row and column in the user's language, and is planned as picture items
 * that the import session writes in the same one edit as everything else (one undo step; nothing
 * written when the import fails).
 */
import { createHash } from 'node:crypto';
import { PICTURE_COLUMN_ROLES, PICTURE_REQUIRED_ROLES, type PictureColumnRole, type PictureImportKind } from '../../../shared/api/io';
import type { CodedMessage, Place } from '../../../shared/api/messages';
import { AppError } from '../../../shared/api/result';
import { said } from '../messages';
import type { Language, LocalizedText, Organisation } from '../../../shared/model';
import { dayNumber, type BudgetLineItem, type CbaItemDoc, type CbaSettings, type Indicator, type LikertOption, type PictureItem, type Survey } from '../../../shared/picture';
import type { Workspace } from '../store/workspace';
import { fill, messages } from './labels';
import { checkedEntity, WHOLE_FILE, type ImportSession } from './session';
import { readCsv, readXlsx, unescapeCell, type Table } from './spreadsheet';
import type { ZipLimits } from './zip-guard';

export type PictureMapping = Record<string, string | null>;
type ErrorCode = keyof ReturnType<typeof messages>['picture']['import']['error'];

export interface PictureImportOptions {
  kind: PictureImportKind;
  mapping?: PictureMapping;
  lang?: Language;
  /** Survey responses: count into this survey (id), or into a new one of this name. */
  survey?: { id?: string; name?: string };
  limits?: ZipLimits;
}

export interface PicturePreview {
  file: string;
  sheet?: string;
  headers: string[];
  mapping: PictureMapping;
  missingRoles: string[];
  rows: { row: number; cells: string[] }[];
  totalRows: number;
}

const PREVIEW_ROWS = 20;

// ---------------------------------------------------------------- reading cells

/** Lower-case words without accents or punctuation, so "Täysin samaa mieltä!" meets "taysin samaa mielta". */
export function normWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A number as people type it in Finnish, Swedish or English spreadsheets: spaces (also no-break)
 * between thousands, a decimal comma or point, a Unicode minus, "EUR" or "€" after it. Undefined
 * when the text is not a number.
 */
export function parseAmount(raw: string): number | undefined {
  let v = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(/(€|eur|e)$/i, '');
  if (!v) return undefined;
  const comma = v.lastIndexOf(',');
  const dot = v.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) v = comma > dot ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
  else if (comma >= 0) v = v.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** A rate: "3,5 %" is 0.035; a number without a percent sign is the fraction itself (Excel stores 3.5 % as 0.035). */
export function parseRate(raw: string): number | undefined {
  const v = raw.trim();
  const pct = /%\s*$/.test(v);
  const n = parseAmount(v.replace(/%\s*$/, ''));
  return n === undefined ? undefined : pct ? n / 100 : n;
}

/** An ISO date from 2024-03-31, 31.3.2024 (Finnish and Swedish habit) or an XLSX date cell; undefined when not a date. */
export function parseDate(raw: string): string | undefined {
  const v = raw.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})(T00:00:00(\.000)?Z?)?$/.exec(v);
  const fiMatch = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2].padStart(2, '0')}-${isoMatch[3].padStart(2, '0')}`;
  else if (fiMatch) iso = `${fiMatch[3]}-${fiMatch[2].padStart(2, '0')}-${fiMatch[1].padStart(2, '0')}`;
  if (!iso) return undefined;
  try {
    dayNumber(iso);
    return iso;
  } catch {
    return undefined;
  }
}

/** The year a column heading names ("2024", "v. 2024", "2024 (EUR)"); undefined when it names none. */
export function yearOfHeading(h: string): number | undefined {
  const m = /(?:^|\D)(\d{4})(?:\D|$)/.exec(h);
  const y = m ? Number(m[1]) : NaN;
  return y >= 1900 && y <= 2200 ? y : undefined;
}

const LIKERT_WORDS: Record<string, LikertOption | 'cannotSay'> = {};
const likert = (answer: LikertOption | 'cannotSay', words: string[]) => words.forEach((w) => (LIKERT_WORDS[normWords(w)] = answer));
likert(1, ['täysin eri mieltä', 'helt av annan åsikt', 'helt oenig', 'strongly disagree', 'completely disagree', 'ei lainkaan tärkeä', 'inte alls viktig', 'not at all important']);
likert(2, ['jokseenkin eri mieltä', 'osittain eri mieltä', 'jonkin verran eri mieltä', 'delvis av annan åsikt', 'delvis oenig', 'somewhat disagree', 'disagree', 'tend to disagree', 'vähän tärkeä', 'slightly important']);
likert(3, ['ei samaa eikä eri mieltä', 'en samaa enkä eri mieltä', 'varken av samma eller annan åsikt', 'varken enig eller oenig', 'neither agree nor disagree', 'neutral', 'jonkin verran tärkeä', 'moderately important']);
likert(4, ['jokseenkin samaa mieltä', 'osittain samaa mieltä', 'jonkin verran samaa mieltä', 'delvis av samma åsikt', 'delvis enig', 'somewhat agree', 'agree', 'tend to agree', 'melko tärkeä', 'ganska viktig', 'very important']);
likert(5, ['täysin samaa mieltä', 'helt av samma åsikt', 'helt enig', 'strongly agree', 'completely agree', 'erittäin tärkeä', 'mycket viktig', 'extremely important']);
likert('cannotSay', ['en osaa sanoa', 'ei osaa sanoa', 'eos', 'kan inte säga', 'kan ej säga', 'vet inte', 'cannot say', "can't say", 'cant say', "don't know", 'dont know', 'do not know']);

/** A survey answer: 1–5, "cannot say", null for an empty cell (no answer), undefined when it is not on the scale. */
export function parseLikert(raw: string): LikertOption | 'cannotSay' | null | undefined {
  const v = raw.trim();
  if (!v) return null;
  const n = Number(v.replace(',', '.'));
  if (Number.isFinite(n)) return Number.isInteger(n) && n >= 1 && n <= 5 ? (n as LikertOption) : undefined;
  const words = normWords(v);
  if (LIKERT_WORDS[words] !== undefined) return LIKERT_WORDS[words];
  // Survey tools often write the number in front of the words: "5 = Täysin samaa mieltä".
  const lead = /^([1-5])(?:\s|$)/.exec(words);
  if (lead) return Number(lead[1]) as LikertOption;
  return undefined;
}

const YES = new Set(['1', 'x', 'true', 'yes', 'kylla', 'ja', 'per organisation', 'per organization', 'organisaatiota kohden', 'per ansluten organisation']);
const NO = new Set(['0', 'false', 'no', 'ei', 'nej', 'fixed', 'kiintea', 'fast', 'kiintea summa']);

const MEASUREMENT_TYPES: Record<string, 'measurement' | 'baseline' | 'target'> = {};
for (const [t, words] of [
  ['measurement', ['measurement', 'mittaus', 'matning', 'value', 'arvo', 'varde']],
  ['baseline', ['baseline', 'lahtotaso', 'lahtoarvo', 'utgangsvarde', 'utgangslage', 'utgangsniva', 'base']],
  ['target', ['target', 'tavoite', 'tavoitearvo', 'mal', 'malvarde', 'goal']],
] as const) {
  for (const w of words) MEASUREMENT_TYPES[w] = t;
}

type CbaRowType = 'cost' | 'benefit' | 'adoption' | 'discountRate';
const CBA_TYPES: Record<string, CbaRowType> = {};
for (const [t, words] of [
  ['cost', ['cost', 'costs', 'kustannus', 'kustannukset', 'kostnad', 'kostnader', 'meno', 'menot']],
  ['benefit', ['benefit', 'benefits', 'hyoty', 'hyodyt', 'nytta', 'nyttor', 'saasto', 'saastot', 'besparing', 'besparingar', 'savings']],
  ['adoption', ['adoption', 'kayttoonotto', 'liittyneet', 'liittyneet organisaatiot', 'inforande', 'anslutna', 'anslutna organisationer', 'organisations joined', 'organizations joined', 'joined']],
  ['discountRate', ['discount rate', 'diskonttokorko', 'diskonteringsranta', 'korko', 'ranta', 'rate']],
] as const) {
  for (const w of words) CBA_TYPES[w] = t;
}

// ---------------------------------------------------------------- mapping

const HEADER_WORDS: { [K in PictureImportKind]: Partial<Record<PictureColumnRole, string[]>> } = {
  measurements: {
    indicator: ['indicator', 'indicator id', 'indicator name', 'mittari', 'mittarin nimi', 'mittarin tunniste', 'indikator', 'indikatorns namn', 'kpi'],
    date: ['date', 'pvm', 'paivamaara', 'paiva', 'ajankohta', 'mittauspaiva', 'datum', 'period', 'ajanjakso', 'time'],
    value: ['value', 'arvo', 'varde', 'luku', 'tulos', 'result', 'measurement', 'mittaus', 'matning'],
    type: ['type', 'tyyppi', 'typ', 'laji', 'kind'],
    note: ['note', 'notes', 'huomautus', 'huom', 'kommentti', 'comment', 'lisatieto', 'anmarkning', 'kommentar'],
    source: ['source', 'lahde', 'tietolahde', 'kalla', 'datakalla', 'data source'],
  },
  budget: {
    item: ['item', 'budget item', 'era', 'budjettiera', 'kohde', 'nimike', 'post', 'budgetpost', 'name', 'nimi', 'namn'],
    organisation: ['organisation', 'organization', 'organisaatio', 'org', 'toimija', 'virasto'],
    category: ['category', 'luokka', 'kategoria', 'kategori', 'ryhma', 'grupp', 'osa alue'],
    year: ['year', 'vuosi', 'ar'],
    planned: ['planned', 'plan', 'suunniteltu', 'budjetti', 'budget', 'budgeted', 'talousarvio', 'planerat', 'budgeterat'],
    actual: ['actual', 'actuals', 'toteutunut', 'toteuma', 'toteutuma', 'utfall', 'spent', 'kaytetty'],
  },
  cba: {
    name: ['name', 'nimi', 'namn', 'item', 'era', 'post', 'kohde'],
    type: ['type', 'tyyppi', 'typ', 'laji', 'kind'],
    perOrganisation: ['per organisation', 'per organization', 'organisaatiota kohden', 'per organisaatio', 'per ansluten organisation', 'per org'],
  },
  survey: {},
};

const SKIP_SURVEY_HEADERS = new Set(['id', 'respondent', 'respondent id', 'vastaaja', 'vastaajan tunnus', 'respondent nr', 'timestamp', 'aikaleima', 'tidsstampel', 'date', 'paivamaara', 'datum', 'start', 'end', 'ip', 'email', 'sahkoposti', 'e post']);

/** Guesses what each column holds: from the headings, and for a survey from whether the cells are answers on the scale. */
export function proposePictureMapping(kind: PictureImportKind, t: Pick<Table, 'headers' | 'rows'>): PictureMapping {
  const out: PictureMapping = {};
  const taken = new Set<string>();
  t.headers.forEach((header, c) => {
    const key = header.trim();
    if (!key || key in out) return;
    const words = normWords(key);
    let role: string | null = null;
    if (kind === 'survey') {
      const cells = t.rows.slice(0, 500).map((r) => r[c] ?? '').filter((x) => x.trim());
      // Most cells on the scale: a question, whose few stray cells the import then names one by one.
      const onScale = cells.filter((x) => parseLikert(x) !== undefined).length;
      if (!SKIP_SURVEY_HEADERS.has(words) && cells.length > 0 && onScale >= 0.8 * cells.length) role = 'question';
    } else if (kind === 'cba' && yearOfHeading(key) !== undefined && !/[a-z]{4,}/.test(words.replace(/\d+/g, ''))) {
      role = 'amount';
    } else {
      for (const [r, list] of Object.entries(HEADER_WORDS[kind])) if (list?.includes(words)) role = r;
    }
    if (role && role !== 'amount' && role !== 'question' && taken.has(role)) role = null;
    if (role) taken.add(role);
    out[key] = role;
  });
  return out;
}

/** Required roles no column holds yet. */
export function missingRoles(kind: PictureImportKind, mapping: PictureMapping): PictureColumnRole[] {
  const roles = new Set(Object.values(mapping));
  return PICTURE_REQUIRED_ROLES[kind].filter((r) => !roles.has(r));
}

/**
 * The mapping for a table: what the caller gave for a heading wins (null: ignore the column),
 * headings it does not name keep the proposal, so `--map Arvo=value` need not repeat the rest.
 */
function cleanMapping(kind: PictureImportKind, t: Table, given: PictureMapping | undefined): PictureMapping {
  const allowed = new Set<string>(PICTURE_COLUMN_ROLES[kind]);
  const proposal = proposePictureMapping(kind, t);
  return Object.fromEntries(
    t.headers.map((h) => {
      const key = h.trim();
      const role = given && key in given ? given[key] : proposal[key];
      return [key, role && allowed.has(role) ? role : null];
    }),
  );
}

// ---------------------------------------------------------------- messages

/** Messages in the user's language, and where in a table a problem is. */
class Say {
  private readonly m: ReturnType<typeof messages>['picture']['import'];
  constructor(
    readonly lang: Language,
    private readonly session: ImportSession,
  ) {
    this.m = messages(lang).picture.import;
  }
  text(code: ErrorCode, params: Record<string, string | number> = {}): string {
    const clipped = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v.length > 60 ? `${v.slice(0, 59)}…` : v]));
    return fill(this.m.error[code], clipped);
  }
  roles(kind: PictureImportKind, roles: string[]): string {
    const labels = this.m.role[kind] as Record<string, string>;
    return roles.map((r) => labels[r] ?? r).join(', ');
  }
  where(t: Table, i?: number, column?: number): Place {
    const parts: CodedMessage[] = [];
    if (t.sheet) parts.push(said('where.sheet', { sheet: t.sheet }));
    if (i !== undefined) parts.push(said('where.row', { row: t.rowNumbers[i] }));
    if (column !== undefined) parts.push(said('where.column', { column: t.headers[column] }));
    return parts.length ? parts : WHOLE_FILE;
  }
  /** A bad row or cell: skipped and reported, or the end of the import with onError 'stop'. */
  fail(t: Table, i: number | undefined, column: number | undefined, code: ErrorCode, params: Record<string, string | number> = {}): void {
    this.session.fail(t.file, this.where(t, i, column), this.text(code, params), {
      ...(i !== undefined ? { row: t.rowNumbers[i] } : {}),
      ...(column !== undefined ? { column: t.headers[column] } : {}),
    });
  }
  warn(t: Table, code: ErrorCode, params: Record<string, string | number> = {}): void {
    this.session.warn(this.text(code, params), { file: t.file });
  }
}

function hashId(prefix: string, key: string): string {
  return `${prefix}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

const lower = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

interface Ctx {
  ws: Workspace;
  say: Say;
  lang: Language;
  opts: PictureImportOptions;
  fileBase: string;
}

/** Column indexes of each role in a table, given the mapping. */
function columns(t: Table, mapping: PictureMapping): Map<string, number[]> {
  const out = new Map<string, number[]>();
  t.headers.forEach((h, c) => {
    const role = mapping[h.trim()];
    if (role) out.set(role, [...(out.get(role) ?? []), c]);
  });
  return out;
}

const cell = (t: Table, i: number, c: number | undefined) => (c === undefined ? '' : unescapeCell(t.rows[i][c] ?? '').trim());

// ---------------------------------------------------------------- measurements

interface MeasurementRow {
  i: number;
  type: 'measurement' | 'baseline' | 'target';
  date: string;
  value: number;
  note?: string;
  source?: string;
}

function planMeasurements(session: ImportSession, t: Table, cols: Map<string, number[]>, ctx: Ctx): void {
  const { say } = ctx;
  const col = (r: string) => cols.get(r)?.[0];
  const byId = new Map<string, Indicator>();
  const byName = new Map<string, Indicator[]>();
  for (const item of ctx.ws.listItems('indicator')) {
    const ind = item as Indicator;
    byId.set(ind.id, ind);
    for (const n of new Set([ind.name.fi, ind.name.sv, ind.name.en].filter((x): x is string => !!x?.trim()).map(lower))) byName.set(n, [...(byName.get(n) ?? []), ind]);
  }
  const perIndicator = new Map<string, MeasurementRow[]>();
  const seen = new Map<string, number>();
  for (let i = 0; i < t.rows.length; i++) {
    const ref = cell(t, i, col('indicator'));
    if (!ref) {
      say.fail(t, i, col('indicator'), 'empty');
      continue;
    }
    const matches = byId.has(ref) ? [byId.get(ref)!] : (byName.get(lower(ref)) ?? []);
    if (matches.length !== 1) {
      say.fail(t, i, col('indicator'), matches.length ? 'ambiguousIndicator' : 'unknownIndicator', { value: ref });
      continue;
    }
    const ind = matches[0];
    const typeText = cell(t, i, col('type'));
    const type = typeText ? MEASUREMENT_TYPES[normWords(typeText)] : 'measurement';
    if (!type) {
      say.fail(t, i, col('type'), 'badMeasurementType', { value: typeText });
      continue;
    }
    const dateText = cell(t, i, col('date'));
    const date = parseDate(dateText);
    if (!date) {
      say.fail(t, i, col('date'), dateText ? 'badDate' : 'empty', { value: dateText });
      continue;
    }
    const valueText = cell(t, i, col('value'));
    const value = parseAmount(valueText);
    if (value === undefined || Math.abs(value) > 1e15) {
      say.fail(t, i, col('value'), valueText ? 'notNumber' : 'empty', { value: valueText });
      continue;
    }
    const key = `${ind.id}\u0000${type}\u0000${type === 'measurement' ? date : ''}`;
    if (seen.has(key)) {
      say.fail(t, i, col('date'), 'duplicateDate', { date, other: t.rowNumbers[seen.get(key)!] });
      continue;
    }
    seen.set(key, i);
    const note = cell(t, i, col('note')).slice(0, 2000);
    const source = cell(t, i, col('source')).slice(0, 500);
    perIndicator.set(ind.id, [...(perIndicator.get(ind.id) ?? []), { i, type, date, value, ...(note ? { note } : {}), ...(source ? { source } : {}) }]);
  }

  for (const [id, rows] of perIndicator) {
    const stored = byId.get(id)!;
    // The plan must stay measurable: checked here against what is stored, so the message names the row.
    const baselineRow = rows.find((r) => r.type === 'baseline');
    const targetRow = rows.find((r) => r.type === 'target');
    const baseline = baselineRow ? { date: baselineRow.date, value: baselineRow.value } : stored.baseline;
    const target = targetRow ? { date: targetRow.date, value: targetRow.value } : stored.target;
    let planOk = true;
    if (baseline && target && (baselineRow || targetRow)) {
      const at = (targetRow ?? baselineRow)!;
      if (target.value === baseline.value) {
        say.fail(t, at.i, col('value'), 'targetEqualsBaseline', { value: target.value });
        planOk = false;
      } else if (dayNumber(target.date) <= dayNumber(baseline.date)) {
        say.fail(t, at.i, col('date'), 'targetBeforeBaseline', { target: target.date, baseline: baseline.date });
        planOk = false;
      }
    }
    const measurements = rows.filter((r) => r.type === 'measurement');
    if (!planOk && !measurements.length) continue;
    const first = rows[0];
    const apply = (existing: PictureItem | undefined) => {
      if (!existing || existing.kind !== 'indicator') throw new AppError('not_found', say.text('unknownIndicator', { value: id }));
      const byDate = new Map(existing.measurements.map((m) => [m.date, m]));
      let changed = 0;
      for (const r of measurements) {
        const next = { date: r.date, value: r.value, ...(r.note ? { note: r.note } : {}), ...(r.source ? { source: r.source } : {}) };
        const before = byDate.get(r.date);
        if (!before || before.value !== next.value || before.note !== next.note || before.source !== next.source) changed++;
        byDate.set(r.date, next);
      }
      const item: Indicator = {
        ...existing,
        ...(planOk && baselineRow ? { baseline: { date: baselineRow.date, value: baselineRow.value } } : {}),
        ...(planOk && targetRow ? { target: { date: targetRow.date, value: targetRow.value } } : {}),
        measurements: [...byDate.values()].sort((a, b) => dayNumber(a.date) - dayNumber(b.date)),
      };
      return { item, changed };
    };
    session.addPictureItem({
      file: t.file,
      record: say.where(t, first.i),
      id,
      build: (existing) => apply(existing).item,
      values: (existing) => apply(existing).changed,
    });
  }
}

// ---------------------------------------------------------------- budget

function planBudget(session: ImportSession, t: Table, cols: Map<string, number[]>, ctx: Ctx): void {
  const { say } = ctx;
  const col = (r: string) => cols.get(r)?.[0];
  const orgs = new Map<string, string>();
  const orgIds = new Set<string>();
  for (const o of ctx.ws.listEntities('organisation')) {
    orgIds.add(o.id);
    for (const n of [o.name.fi, o.name.sv, o.name.en]) if (n?.trim()) orgs.set(lower(n), o.id);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < t.rows.length; i++) {
    const item = cell(t, i, col('item')).replace(/\s+/g, ' ').slice(0, 300);
    if (!item) {
      say.fail(t, i, col('item'), 'empty');
      continue;
    }
    const category = cell(t, i, col('category')).replace(/\s+/g, ' ').slice(0, 100);
    if (!category) {
      say.fail(t, i, col('category'), 'empty');
      continue;
    }
    const yearText = cell(t, i, col('year'));
    const year = parseAmount(yearText);
    if (year === undefined || !Number.isInteger(year) || year < 1900 || year > 2200) {
      say.fail(t, i, col('year'), yearText ? 'notYear' : 'empty', { value: yearText });
      continue;
    }
    const plannedText = cell(t, i, col('planned'));
    const planned = parseAmount(plannedText);
    if (planned === undefined || Math.abs(planned) > 1e15) {
      say.fail(t, i, col('planned'), plannedText ? 'notNumber' : 'empty', { value: plannedText });
      continue;
    }
    const actualText = cell(t, i, col('actual'));
    const actual = actualText ? parseAmount(actualText) : undefined;
    if (actualText && (actual === undefined || Math.abs(actual) > 1e15)) {
      say.fail(t, i, col('actual'), 'notNumber', { value: actualText });
      continue;
    }
    const orgText = cell(t, i, col('organisation')).replace(/\s+/g, ' ');
    let organisation: string | undefined;
    if (orgText) {
      organisation = orgIds.has(orgText) ? orgText : orgs.get(lower(orgText));
      if (!organisation) {
        // The same placeholder the services import makes for an organisation named only by text.
        organisation = hashId('org-t', orgText.toLocaleLowerCase('fi'));
        orgs.set(lower(orgText), organisation);
        const id = organisation;
        const name = orgText.slice(0, 20_000);
        session.addEntity({
          file: t.file,
          record: say.where(t, i, col('organisation')),
          id,
          kind: 'organisation',
          stub: true,
          build: () => checkedEntity({ id, kind: 'organisation', name: { fi: name } } satisfies Partial<Organisation>),
        });
      }
    }
    const key = `${lower(item)}|${organisation ?? ''}|${lower(category)}|${year}`;
    if (seen.has(key)) {
      say.fail(t, i, undefined, 'duplicateLine', { other: t.rowNumbers[seen.get(key)!] });
      continue;
    }
    seen.set(key, i);
    const line: BudgetLineItem = { id: hashId('bud', key), kind: 'budgetLine', item, ...(organisation ? { organisation } : {}), category, year, planned, ...(actual !== undefined ? { actual } : {}) };
    session.addPictureItem({ file: t.file, record: say.where(t, i), id: line.id, build: () => line });
  }
}

// ---------------------------------------------------------------- cost–benefit

function planCba(session: ImportSession, t: Table, cols: Map<string, number[]>, ctx: Ctx): void {
  const { say } = ctx;
  const col = (r: string) => cols.get(r)?.[0];
  const yearCols: { c: number; year: number }[] = [];
  for (const c of cols.get('amount') ?? []) {
    const year = yearOfHeading(t.headers[c]);
    if (year === undefined) {
      say.fail(t, undefined, c, 'headingNotYear', { value: t.headers[c] });
      return;
    }
    yearCols.push({ c, year });
  }
  if (!yearCols.length) {
    say.fail(t, undefined, undefined, 'noYears');
    return;
  }
  const seen = new Map<string, number>();
  let adoption: { i: number; counts: Record<string, number> } | undefined;
  let rate: { i: number; value: number } | undefined;
  let anyAmount = false;
  for (let i = 0; i < t.rows.length; i++) {
    const name = cell(t, i, col('name')).replace(/\s+/g, ' ');
    const typeText = cell(t, i, col('type'));
    const type = CBA_TYPES[normWords(typeText)];
    if (!type) {
      say.fail(t, i, col('type'), typeText ? 'badCbaType' : 'empty', { value: typeText });
      continue;
    }
    if (type === 'discountRate') {
      const given = yearCols.map(({ c }) => ({ c, text: cell(t, i, c) })).find((x) => x.text);
      if (!given) {
        say.fail(t, i, undefined, 'noAmounts');
        continue;
      }
      const value = parseRate(given.text);
      if (value === undefined) say.fail(t, i, given.c, 'notNumber', { value: given.text });
      else if (value <= -1) say.fail(t, i, given.c, 'discountTooLow', { value: given.text });
      else if (value > 10) say.fail(t, i, given.c, 'discountTooHigh', { value: given.text });
      else if (rate) say.fail(t, i, given.c, 'twoRates', { value: given.text, other: t.rowNumbers[rate.i] });
      else rate = { i, value };
      continue;
    }
    if (!name && type !== 'adoption') {
      say.fail(t, i, col('name'), 'empty');
      continue;
    }
    const amounts: Record<string, number> = {};
    let bad = false;
    for (const { c, year } of yearCols) {
      const text = cell(t, i, c);
      if (!text) continue;
      const n = parseAmount(text);
      if (n === undefined || Math.abs(n) > 1e15) {
        say.fail(t, i, c, 'notNumber', { value: text });
        bad = true;
        break;
      }
      if (type === 'adoption' && n < 0) {
        say.fail(t, i, c, 'negativeCount', { value: text });
        bad = true;
        break;
      }
      amounts[String(year)] = n;
    }
    if (bad) continue;
    if (!Object.keys(amounts).length) {
      say.fail(t, i, undefined, 'noAmounts');
      continue;
    }
    const key = type === 'adoption' ? 'adoption' : `${type}|${lower(name)}`;
    if (seen.has(key)) {
      say.fail(t, i, col('name'), 'duplicateName', { other: t.rowNumbers[seen.get(key)!] });
      continue;
    }
    seen.set(key, i);
    anyAmount = true;
    if (type === 'adoption') {
      adoption = { i, counts: amounts };
      continue;
    }
    const flagText = cell(t, i, col('perOrganisation'));
    const flag = normWords(flagText);
    const perOrganisation = !flag ? false : YES.has(flag) ? true : NO.has(flag) ? false : undefined;
    if (perOrganisation === undefined) {
      say.fail(t, i, col('perOrganisation'), 'badFlag', { value: flagText });
      seen.delete(key);
      continue;
    }
    const item: CbaItemDoc = { id: hashId('cba', key), kind: 'cbaItem', name: { [ctx.lang]: name.slice(0, 20_000) } as LocalizedText, description: {}, type, perOrganisation, amounts };
    session.addPictureItem({
      file: t.file,
      record: say.where(t, i),
      id: item.id,
      // Names in other languages typed in the app stay; the amounts are the file's.
      build: (existing) => (existing?.kind === 'cbaItem' ? { ...existing, type, perOrganisation, amounts, name: { ...existing.name, ...item.name } } : item),
    });
  }
  if (!anyAmount && !rate) {
    say.fail(t, undefined, undefined, 'noYears');
    return;
  }
  const storedSettings = ctx.ws.getItem('cba');
  if (!adoption && !rate && storedSettings) return;
  if (!rate && !storedSettings) say.warn(t, 'noDiscountRate');
  session.addPictureItem({
    file: t.file,
    record: say.where(t, (rate ?? adoption)?.i),
    id: 'cba',
    build: (existing) => {
      const base: CbaSettings =
        existing?.kind === 'cbaSettings' ? existing : { id: 'cba', kind: 'cbaSettings', discountRate: 0, adoption: {}, sensitivity: 0.2, assumptions: {} };
      return { ...base, ...(rate ? { discountRate: rate.value } : {}), ...(adoption ? { adoption: adoption.counts } : {}) };
    },
  });
}

// ---------------------------------------------------------------- survey

function planSurvey(session: ImportSession, t: Table, cols: Map<string, number[]>, ctx: Ctx): void {
  const { say } = ctx;
  const wanted = ctx.opts.survey;
  let stored: Survey | undefined;
  if (wanted?.id) {
    const item = ctx.ws.getItem(wanted.id);
    if (!item || item.kind !== 'survey') {
      say.fail(t, undefined, undefined, 'noSurvey', { value: wanted.id });
      return;
    }
    stored = item;
  }
  const name = (wanted?.name ?? ctx.fileBase).trim().slice(0, 300) || 'survey';
  const id = stored?.id ?? hashId('survey', lower(name));
  stored ??= ctx.ws.getItem(id)?.kind === 'survey' ? (ctx.ws.getItem(id) as Survey) : undefined;

  const questionCols = cols.get('question') ?? [];
  const tallies = questionCols.map((c) => ({ c, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<LikertOption, number>, cannotSay: 0 }));
  let answers = 0;
  for (let i = 0; i < t.rows.length; i++) {
    for (const q of tallies) {
      const text = cell(t, i, q.c);
      const a = parseLikert(text);
      // A bad cell is one answer: the respondent's other answers still count.
      if (a === undefined) say.fail(t, i, q.c, 'notOnScale', { value: text });
      else if (a === 'cannotSay') q.cannotSay++;
      else if (a !== null) q.counts[a]++;
      if (a !== undefined && a !== null) answers++;
    }
  }
  session.addPictureItem({
    file: t.file,
    record: say.where(t),
    id,
    values: () => answers,
    build: (existing) => {
      const base: Survey = existing?.kind === 'survey' ? existing : { id, kind: 'survey', name: { [ctx.lang]: name } as LocalizedText, questions: [] };
      const questions = base.questions.map((q) => ({ ...q }));
      const used = new Set(questions.map((q) => q.id));
      for (const q of tallies) {
        const heading = t.headers[q.c].trim().slice(0, 20_000);
        const words = normWords(heading);
        // The same question asked again: by its id, or by its text in any language.
        const match = questions.find((x) => x.id === heading || [x.text.fi, x.text.sv, x.text.en].some((s) => s && normWords(s) === words));
        // The file is the survey tool's whole export, so its counts replace the stored ones (importing it twice changes nothing).
        if (match) Object.assign(match, { counts: { ...q.counts }, cannotSay: q.cannotSay });
        else {
          let qid = hashId('q', words || heading).slice(0, 12);
          for (let k = 2; used.has(qid); k++) qid = `${hashId('q', words || heading).slice(0, 12)}-${k}`;
          used.add(qid);
          questions.push({ id: qid, text: { [ctx.lang]: heading } as LocalizedText, counts: { ...q.counts }, cannotSay: q.cannotSay });
        }
      }
      return { ...base, questions };
    },
  });
}

// ---------------------------------------------------------------- files

const PLANNERS: Record<PictureImportKind, (s: ImportSession, t: Table, cols: Map<string, number[]>, ctx: Ctx) => void> = {
  measurements: planMeasurements,
  budget: planBudget,
  cba: planCba,
  survey: planSurvey,
};

/**
 * Plans one CSV/XLSX file of a picture kind. Returns the preview of its first table (what a
 * dry run shows). Without a usable mapping a real import stops with 'needs-mapping' and the
 * headings and a proposal, like the services import; a dry run just reports what is missing.
 */
export async function planPictureFile(
  session: ImportSession,
  input: { name: string; bytes: Uint8Array },
  format: 'csv' | 'xlsx',
  ws: Workspace,
  opts: PictureImportOptions & { dryRun?: boolean },
): Promise<PicturePreview | undefined> {
  const lang = opts.lang ?? 'fi';
  const say = new Say(lang, session);
  let tables: Table[];
  try {
    tables = format === 'xlsx' ? await readXlsx(input.name, input.bytes, opts.limits) : [readCsv(input.name, input.bytes)].filter((t): t is Table => !!t);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (session.onError === 'stop' || err.code === 'too_large') throw err;
    session.fail(input.name, WHOLE_FILE, err.message.startsWith(`${input.name}: `) ? err.message.slice(input.name.length + 2) : err.message);
    return undefined;
  }
  if (!tables.length) {
    session.fail(input.name, WHOLE_FILE, say.text('noRows'));
    return undefined;
  }
  const fileBase = input.name.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt|xlsx)$/i, '');
  const ctx: Ctx = { ws, say, lang, opts, fileBase };
  let preview: PicturePreview | undefined;
  let planned = 0;
  for (const t of tables) {
    session.checkAborted();
    const mapping = cleanMapping(opts.kind, t, opts.mapping);
    const missing = missingRoles(opts.kind, mapping);
    preview ??= {
      file: t.file,
      ...(t.sheet ? { sheet: t.sheet } : {}),
      headers: t.headers,
      mapping,
      missingRoles: missing,
      rows: t.rows.slice(0, PREVIEW_ROWS).map((cells, i) => ({ row: t.rowNumbers[i], cells })),
      totalRows: t.rows.length,
    };
    if (missing.length) {
      // A workbook's other sheets (notes, totals) need not be tables of this kind.
      if (tables.length > 1) continue;
      if (opts.dryRun) return preview;
      throw new AppError('invalid_input', `${input.name}: ${say.text('missingRoles', { roles: say.roles(opts.kind, missing) })}`, {
        file: input.name,
        reason: 'needs-mapping',
        kind: opts.kind,
        headers: t.headers,
        proposal: mapping,
      });
    }
    planned++;
    PLANNERS[opts.kind](session, t, columns(t, mapping), ctx);
  }
  if (!planned && tables.length > 1) {
    const first = tables[0];
    if (opts.dryRun) return preview;
    throw new AppError('invalid_input', `${input.name}: ${say.text('missingRoles', { roles: say.roles(opts.kind, missingRoles(opts.kind, cleanMapping(opts.kind, first, opts.mapping))) })}`, {
      file: input.name,
      reason: 'needs-mapping',
      kind: opts.kind,
      headers: first.headers,
      proposal: cleanMapping(opts.kind, first, opts.mapping),
    });
  }
  return preview;
}

