/**
 * Spreadsheets in and out.
 *
 * Export: one table per entity kind (organisation, service, channel, lifeEvent, need, persona)
 * plus `links` — as CSV files in a folder (`service.csv`, …, `links.csv`) or as sheets of one
 * XLSX workbook. One table per kind keeps the columns meaningful for the people who edit them in
 * Excel; every entity table still carries a `kind` column, so tables can be concatenated into a
 * single CSV and re-imported. CSVs are UTF-8 with a BOM and `;`-separated, which is what Excel
 * on a Finnish Windows opens directly. Multilingual text is `name.fi`, `name.sv`, `name.en`;
 * lists are `; `-joined (a JSON array when an item itself holds a `;`); meters are one column
 * each (`meterAffinities.health`); numbers use a decimal point (a decimal comma is also read).
 *
 * Cells that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or CR) get a
 * leading apostrophe; so does a cell that starts with an apostrophe, so import can strip exactly
 * one and get the original back.
 *
 * Import: our own tables merge by id (columns present overwrite, columns left out keep what is
 * stored). Any other sheet of services (a municipality's list, the AuroraAI labelling sheet) goes
 * through a column mapping: `proposeMapping(headers)` guesses it, the user corrects it, and
 * `planServicesTable` imports with it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import Papa from 'papaparse';
import { COLUMN_ROLES, type ColumnRole } from '../../../shared/api/io';
import { AppError } from '../../../shared/api/result';
import type { CodedMessage, Place } from '../../../shared/api/messages';
import { codedError, said } from '../messages';
import {
  ENTITY_KINDS,
  LinkDataSchema,
  LinkTypeSchema,
  METERS,
  pickText,
  type Entity,
  type EntityKind,
  type Language,
  type Meter,
  type Organisation,
  type Service,
} from '../../../shared/model';
import type { Workspace } from '../store/workspace';
import type { CodeLists } from './codes';
import { planLifeEventFor, ptvEntityId } from './ptv';
import { checkedEntity, describeIssues, invalidRecord, WHOLE_FILE, type ImportSession, type LinkOp } from './session';
import { messages } from './labels';
import { clip, decodeSpreadsheetText } from './text';
import { guardZip, type ZipLimits } from './zip-guard';

// ---------------------------------------------------------------- columns

type FieldType = 'text' | 'string' | 'list' | 'number' | 'int' | 'bool' | 'meters';
interface FieldSpec {
  field: string;
  type: FieldType;
}

const COMMON: FieldSpec[] = [
  { field: 'id', type: 'string' },
  { field: 'kind', type: 'string' },
  { field: 'name', type: 'text' },
  { field: 'description', type: 'text' },
  { field: 'ptvId', type: 'string' },
  { field: 'tags', type: 'list' },
];

/** Columns of each kind, in the order people read them; a test keeps this in step with shared/model. */
export const FIELDS: Record<EntityKind, FieldSpec[]> = {
  organisation: [
    ...COMMON,
    { field: 'orgType', type: 'string' },
    { field: 'businessId', type: 'string' },
    { field: 'municipality', type: 'string' },
  ],
  service: [
    ...COMMON,
    { field: 'serviceClasses', type: 'list' },
    { field: 'targetGroups', type: 'list' },
    { field: 'lifeEvents', type: 'list' },
    { field: 'ontologyTerms', type: 'list' },
    { field: 'areaType', type: 'string' },
    { field: 'areas', type: 'list' },
    { field: 'languages', type: 'list' },
    { field: 'fundingType', type: 'string' },
    { field: 'keywords', type: 'list' },
    { field: 'meterAffinities', type: 'meters' },
    { field: 'excluded', type: 'bool' },
    { field: 'capacity', type: 'int' },
  ],
  channel: [
    ...COMMON,
    { field: 'channelType', type: 'string' },
    { field: 'url', type: 'string' },
    { field: 'phone', type: 'string' },
    { field: 'address', type: 'string' },
    { field: 'languages', type: 'list' },
  ],
  lifeEvent: [...COMMON, { field: 'code', type: 'string' }],
  need: [...COMMON, { field: 'serviceClasses', type: 'list' }, { field: 'keywords', type: 'list' }],
  persona: [
    ...COMMON,
    { field: 'ageMin', type: 'int' },
    { field: 'ageMax', type: 'int' },
    { field: 'municipality', type: 'string' },
    { field: 'language', type: 'string' },
    { field: 'meters', type: 'meters' },
    { field: 'peoplePerYear', type: 'int' },
    { field: 'expectedServices', type: 'list' },
  ],
};

const LANGS = ['fi', 'sv', 'en'] as const;
export const LINK_HEADERS = ['id', 'type', 'source', 'target', 'role', 'importance'];

function columnsOf(spec: FieldSpec): string[] {
  if (spec.type === 'text') return LANGS.map((l) => `${spec.field}.${l}`);
  if (spec.type === 'meters') return METERS.map((m) => `${spec.field}.${m}`);
  return [spec.field];
}

export function headersFor(kind: EntityKind): string[] {
  return FIELDS[kind].flatMap(columnsOf);
}

// ---------------------------------------------------------------- formula escaping

const FORMULA_START = /^[=+\-@\t\r']/;

/** A string cell as a spreadsheet must show it: never as a formula to run. */
export function escapeCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Undoes escapeCell: strips the one apostrophe export added. */
export function unescapeCell(s: string): string {
  return s.startsWith("'") ? s.slice(1) : s;
}

// ---------------------------------------------------------------- export

export type Cell = string | number | boolean | null;
export interface ExportTable {
  /** An entity kind or "links": the CSV file name without `.csv`, or the sheet name. */
  name: EntityKind | 'links';
  headers: string[];
  rows: Cell[][];
}

/**
 * A list as one cell: `a; b; c`, or a JSON array when that would not read back the same (an item
 * holding `;`, starting with `[`, or with spaces at either end).
 */
export function listCell(items: string[]): string {
  return items.some((i) => i.includes(';') || i.startsWith('[') || i !== i.trim() || i === '') ? JSON.stringify(items) : items.join('; ');
}

function entityRow(e: Entity): Cell[] {
  const rec = e as unknown as Record<string, unknown>;
  const out: Cell[] = [];
  for (const spec of FIELDS[e.kind]) {
    const v = rec[spec.field];
    switch (spec.type) {
      case 'text': {
        const t = (v ?? {}) as Record<string, string | undefined>;
        for (const l of LANGS) out.push(t[l] ? escapeCell(t[l]!) : null);
        break;
      }
      case 'meters': {
        const m = (v ?? {}) as Partial<Record<Meter, number>>;
        for (const k of METERS) out.push(typeof m[k] === 'number' ? m[k]! : null);
        break;
      }
      case 'list':
        out.push(Array.isArray(v) && v.length ? escapeCell(listCell(v as string[])) : null);
        break;
      case 'bool':
        out.push(typeof v === 'boolean' ? v : null);
        break;
      case 'number':
      case 'int':
        out.push(typeof v === 'number' ? v : null);
        break;
      default:
        out.push(typeof v === 'string' && v !== '' ? escapeCell(v) : null);
    }
  }
  return out;
}

/** Every entity kind (even empty ones, as a template to fill in) and the links, as tables. */
export function workspaceTables(ws: Workspace): ExportTable[] {
  const tables: ExportTable[] = ENTITY_KINDS.map((kind) => ({
    name: kind,
    headers: headersFor(kind),
    rows: ws.listEntities(kind).map(entityRow),
  }));
  tables.push({
    name: 'links',
    headers: LINK_HEADERS,
    rows: ws.listLinks().map((l) => [escapeCell(l.id), l.type, escapeCell(l.source), escapeCell(l.target), l.data?.role ?? null, l.data?.importance ?? null]),
  });
  return tables;
}

/** A table as CSV text: UTF-8 with a BOM, CRLF lines, as Excel on a Finnish Windows opens it. */
export function csvText(table: Pick<ExportTable, 'headers' | 'rows'>, delimiter: string): string {
  const rows = table.rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'boolean' ? (c ? '1' : '0') : String(c))));
  return `\uFEFF${Papa.unparse({ fields: table.headers, data: rows }, { delimiter, newline: '\r\n', quotes: false })}\r\n`;
}

/** CSV text of each table (`service.csv`, …, `links.csv`). */
export function exportCsv(ws: Workspace, opts: { delimiter?: ';' | ',' | '\t' } = {}): { name: string; text: string }[] {
  return workspaceTables(ws).map((t) => ({ name: `${t.name}.csv`, text: csvText(t, opts.delimiter ?? ';') }));
}

/** Writes one CSV per table into `dir` (created if needed); returns the paths written. */
export function exportCsvFolder(ws: Workspace, dir: string, opts: { delimiter?: ';' | ',' | '\t' } = {}): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return exportCsv(ws, opts).map(({ name, text }) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text, 'utf8');
    return file;
  });
}

/** Headings of the links sheet: ids for import, names and the type's label for people. */
export const XLSX_LINK_HEADERS = ['id', 'type', 'typeLabel', 'source', 'sourceName', 'target', 'targetName', 'role', 'importance'] as const;

/** A column key (`name.fi`, `meterAffinities.health`, `sourceName`) as a heading in the user's language. */
export function headerLabel(header: string, lang: Language, links = false): string {
  const m = messages(lang);
  if (links) return m.io.xlsx.link[header as keyof typeof m.io.xlsx.link] ?? header;
  const [field, sub] = header.split('.') as [string, string | undefined];
  const fields = m.field as Record<string, string>;
  const extra: Record<string, string> = { kind: m.io.xlsx.kind, tags: m.io.xlsx.tags, expectedServices: m.io.xlsx.expectedServices };
  const base = extra[field] ?? fields[field] ?? field;
  if (!sub) return base;
  if (field === 'name' || field === 'description') return `${base} (${m.io.xlsx.lang[sub as Language] ?? sub})`;
  return `${base}: ${(m.meter as Record<string, string>)[sub] ?? sub}`;
}

/** A sheet name as Excel allows it: at most 31 characters, none of []:*?/\\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export interface XlsxOptions {
  /** Language of sheet names and headings (the column keys under them stay the same). Default fi. */
  lang?: Language;
}

/**
 * One workbook: a sheet per entity kind and a links sheet. Each sheet has two frozen heading rows:
 * the field names in the user's language, and under them the column keys that import reads, so the
 * workbook imports back into the same workspace whatever language it was written in.
 */
export async function exportXlsx(ws: Workspace, opts: XlsxOptions = {}): Promise<Buffer> {
  const lang = opts.lang ?? 'fi';
  const m = messages(lang);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Kohtaanto';
  const names = new Map(ws.listEntities().map((e) => [e.id, pickText(e.name, lang)]));
  const linkLabel = m.link as Record<string, { name: string }>;
  for (const t of workspaceTables(ws)) {
    const links = t.name === 'links';
    const headers = links ? [...XLSX_LINK_HEADERS] : t.headers;
    const rows = links
      ? ws.listLinks().map((l) => [
          escapeCell(l.id),
          l.type,
          linkLabel[l.type]?.name ?? l.type,
          escapeCell(l.source),
          escapeCell(names.get(l.source) ?? ''),
          escapeCell(l.target),
          escapeCell(names.get(l.target) ?? ''),
          l.data?.role ?? null,
          l.data?.importance ?? null,
        ])
      : t.rows;
    const title = links ? m.io.xlsx.links : m.kind[t.name as EntityKind].plural;
    const sheet = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow(headers.map((h) => headerLabel(h, lang, links))).font = { bold: true };
    const keys = sheet.addRow(headers);
    keys.font = { italic: true, color: { argb: 'FF6B6B6B' }, size: 9 };
    for (const r of rows) sheet.addRow(r);
    sheet.columns.forEach((col, i) => {
      const h = headers[i];
      col.width = h.startsWith('description') ? 60 : h.startsWith('name') || h.endsWith('Name') ? 40 : Math.max(12, Math.min(30, headerLabel(h, lang, links).length + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading tables

export interface Table {
  file: string;
  /** Sheet name (XLSX); undefined for a CSV. */
  sheet?: string;
  headers: string[];
  /** Data rows as text, header excluded; `rowNumbers[i]` is the row's number as the spreadsheet shows it. */
  rows: string[][];
  rowNumbers: number[];
}

const MAX_ROWS = 1_000_000;

/** Our column keys (`id`, `name.fi`, `type`/`source`/`target`): the row an import reads headers from. */
function isMachineHeader(cells: string[]): boolean {
  const h = new Set(cells.map((c) => c.trim()));
  return h.has('id') && ((h.has('type') && h.has('source') && h.has('target')) || [...h].some((x) => /^(name|description)\.(fi|sv|en)$/.test(x)));
}

function tableFrom(file: string, sheet: string | undefined, matrix: { cells: string[]; number: number }[]): Table | null {
  let headerAt = matrix.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) return null;
  // Our XLSX export puts headings in the user's language first and the column keys under them.
  const next = matrix.findIndex((r, i) => i > headerAt && r.cells.some((c) => c.trim() !== ''));
  if (next > 0 && !isMachineHeader(matrix[headerAt].cells) && isMachineHeader(matrix[next].cells)) headerAt = next;
  const headers = matrix[headerAt].cells.map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of matrix.slice(headerAt + 1)) {
    if (!r.cells.some((c) => c.trim() !== '')) continue;
    rows.push(headers.map((_, i) => r.cells[i] ?? ''));
    rowNumbers.push(r.number);
  }
  return { file, sheet, headers, rows, rowNumbers };
}

/**
 * The separator of a CSV from its header line: the candidate that occurs most there outside
 * quotes. Papa's own guess samples data rows, which multi-line quoted descriptions mislead.
 */
export function guessDelimiter(text: string): string {
  let line = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    if (!quoted) line += ch;
  }
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = line.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** A CSV's one table; the delimiter (`,` `;` tab `|`) and the encoding are detected. */
export function readCsv(file: string, bytes: Uint8Array): Table | null {
  const { text } = decodeSpreadsheetText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  if (parsed.data.length > MAX_ROWS) {
    throw codedError('too_large', said('import.tooManyRows', { max: MAX_ROWS }), { file, details: { reason: 'rows' } });
  }
  return tableFrom(
    file,
    undefined,
    parsed.data.map((cells, i) => ({ cells: cells.map((c) => String(c ?? '')), number: i + 1 })),
  );
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    // A formula's cached result is read; the formula itself never runs.
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in v) return '';
  }
  return '';
}

/** Every sheet of a workbook as a table, after the ZIP guard has checked the file. */
export async function readXlsx(file: string, bytes: Uint8Array, limits: ZipLimits = {}): Promise<Table[]> {
  guardZip(bytes, file, limits);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw codedError('invalid_input', said('import.notXlsx'), { file, details: { reason: 'xlsx' }, detail: (err as Error).message.slice(0, 200) });
  }
  const tables: Table[] = [];
  for (const sheet of wb.worksheets) {
    const matrix: { cells: string[]; number: number }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      matrix.push({ cells, number });
    });
    if (matrix.length > MAX_ROWS) throw codedError('too_large', said('import.sheetTooManyRows', { sheet: sheet.name, max: MAX_ROWS }), { file, details: { reason: 'rows' } });
    const t = tableFrom(file, sheet.name, matrix);
    if (t) tables.push(t);
  }
  return tables;
}

/** The tables of a CSV or XLSX file, for a mapping step to show before importing. */
export async function readTables(input: { name: string; bytes: Uint8Array }, limits: ZipLimits = {}): Promise<Table[]> {
  if (/\.xlsx$/i.test(input.name)) return readXlsx(input.name, input.bytes, limits);
  const t = readCsv(input.name, input.bytes);
  return t ? [t] : [];
}

/** Where a row is: its sheet (in a workbook) and its row number. */
function where(t: Table, i: number): Place {
  const row = said('where.row', { row: t.rowNumbers[i] });
  return t.sheet ? [said('where.sheet', { sheet: t.sheet }), row] : [row];
}

/** The sheet of a workbook, or the whole file of a CSV. */
const sheetOf = (t: Table): Place => (t.sheet ? [said('where.sheet', { sheet: t.sheet })] : WHOLE_FILE);

/** A row's place with the id it gives, if it gives one: "row 5, id srv-1". */
const withId = (at: Place, id: string | undefined): Place => (id ? [...at, said('where.id', { id })] : at);

// ---------------------------------------------------------------- round-trip import

export type TableKind = { kind: 'entities' } | { kind: 'links' } | { kind: 'services' };

function kindFromName(name: string | undefined): EntityKind | undefined {
  if (!name) return undefined;
  const base = path.basename(name).replace(/\.(csv|tsv|txt|xlsx)$/i, '').toLowerCase();
  return ENTITY_KINDS.find((k) => base === k.toLowerCase() || base === `${k.toLowerCase()}s`);
}

/** Ours (entities or links, as exported) or someone else's services list that needs a mapping. */
export function tableKind(t: Table): TableKind {
  const h = new Set(t.headers);
  if (h.has('type') && h.has('source') && h.has('target')) return { kind: 'links' };
  const ours = [...h].some((x) => /^(name|description)\.(fi|sv|en)$/.test(x));
  if (h.has('id') && ours && (h.has('kind') || kindFromName(t.sheet ?? t.file))) return { kind: 'entities' };
  return { kind: 'services' };
}

function parseList(s: string): string[] {
  const v = s.trim();
  if (!v) return [];
  if (v.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      throw new CellProblem('import.notJsonList', v.slice(0, 40), `"${v.slice(0, 40)}" starts like a JSON list but is not one`);
    }
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new CellProblem('import.listNotText', v.slice(0, 40), `a JSON list must hold text items ("${v.slice(0, 40)}")`);
    return parsed;
  }
  return v
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A cell that does not hold what its column needs; the caller adds the column. */
class CellProblem extends Error {
  constructor(
    readonly code: 'import.notNumber' | 'import.notWholeNumber' | 'import.notYesNo' | 'import.notJsonList' | 'import.listNotText',
    readonly value: string,
    message: string,
  ) {
    super(message);
  }
}

function parseNumber(s: string, int: boolean): number | undefined {
  const v = s.trim();
  if (!v) return undefined;
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n)) throw new CellProblem('import.notNumber', v.slice(0, 40), `"${v.slice(0, 40)}" is not a number`);
  if (int && !Number.isInteger(n)) throw new CellProblem('import.notWholeNumber', v.slice(0, 40), `"${v}" is not a whole number`);
  return n;
}

const TRUE = new Set(['1', 'true', 'x', 'kyllä', 'kylla', 'yes', 'ja', 'tosi', 'ei mukaan']);
const FALSE = new Set(['0', 'false', 'ei', 'no', 'nej', 'epätosi', 'epatosi']);

function parseBool(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  if (!v) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new CellProblem('import.notYesNo', s.slice(0, 40), `"${s.slice(0, 40)}" is not yes/no (1/0)`);
}

type PatchOp =
  | { field: string; sub: string; value: string | number | undefined }
  | { field: string; sub?: undefined; value: unknown };

/**
 * What one row of our own export says, parsed while reading (so a bad cell is reported in row
 * order, before anything is written): one entry per column present.
 */
function rowPatch(row: string[], kind: EntityKind, col: Map<string, number>): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const spec of FIELDS[kind]) {
    if (spec.field === 'id' || spec.field === 'kind') continue;
    try {
      if (spec.type === 'text') {
        for (const l of LANGS) {
          const at = col.get(`${spec.field}.${l}`);
          if (at !== undefined) ops.push({ field: spec.field, sub: l, value: row[at].trim() || undefined });
        }
      } else if (spec.type === 'meters') {
        for (const k of METERS) {
          const at = col.get(`${spec.field}.${k}`);
          if (at !== undefined) ops.push({ field: spec.field, sub: k, value: parseNumber(row[at], false) });
        }
      } else {
        const at = col.get(spec.field);
        if (at === undefined) continue;
        const cell = row[at];
        const value =
          spec.type === 'list'
            ? parseList(cell)
            : spec.type === 'bool'
              ? parseBool(cell)
              : spec.type === 'number' || spec.type === 'int'
                ? parseNumber(cell, spec.type === 'int')
                : cell.trim() || undefined;
        ops.push({ field: spec.field, value });
      }
    } catch (err) {
      throw new AppError('invalid_input', `column ${spec.field}: ${(err as Error).message}`, undefined, err instanceof CellProblem ? said(err.code, { column: spec.field, value: err.value }) : undefined);
    }
  }
  return ops;
}

/** The row laid over what is stored: present columns overwrite, absent ones keep. */
function applyPatch(id: string, kind: EntityKind, existing: Entity | undefined, ops: PatchOp[]): Entity {
  const out: Record<string, unknown> = existing && existing.kind === kind ? structuredClone(existing) : { id, kind };
  for (const op of ops) {
    if (op.sub === undefined) {
      out[op.field] = op.value;
      continue;
    }
    const obj = { ...((out[op.field] as Record<string, unknown>) ?? {}) };
    if (op.value === undefined) delete obj[op.sub];
    else obj[op.sub] = op.value;
    out[op.field] = obj;
  }
  // Unknown meters are left out, so a service whose meter columns are all empty has no labels.
  if (kind === 'service' && out.meterAffinities && Object.keys(out.meterAffinities).length === 0) out.meterAffinities = undefined;
  return checkedEntity(out);
}

/** Plans a table of our own entity columns (also GraphML nodes, which use the same names); `escaped` when cells went through escapeCell. */
export function planEntityTable(session: ImportSession, t: Table, escaped = true): void {
  const un = escaped ? unescapeCell : (x: string) => x;
  const col = new Map(t.headers.map((h, i) => [h, i] as const));
  const known = new Set(['kind', ...ENTITY_KINDS.flatMap(headersFor)]);
  for (const h of t.headers) if (h && !known.has(h)) session.warn(said('import.unknownColumn'), { file: t.file, ...(t.sheet ? { at: sheetOf(t) } : {}), detail: `"${h}"` });
  const fallbackKind = kindFromName(t.sheet ?? t.file);
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i].map((c) => un(c ?? ''));
    const id = (row[col.get('id')!] ?? '').trim();
    const kindText = col.has('kind') ? row[col.get('kind')!].trim() : '';
    const kind = (kindText || fallbackKind) as EntityKind | undefined;
    const label = withId(where(t, i), id);
    if (!id) {
      session.fail(t.file, label, said('import.noId'));
      continue;
    }
    if (!kind || !(ENTITY_KINDS as readonly string[]).includes(kind)) {
      session.fail(t.file, label, said('import.badKind', { value: kindText.slice(0, 40), allowed: ENTITY_KINDS.join(', ') }));
      continue;
    }
    let ops: PatchOp[];
    try {
      ops = rowPatch(row, kind, col);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      session.fail(t.file, label, err);
      continue;
    }
    session.addEntity({ file: t.file, record: label, id, kind, build: (existing) => applyPatch(id, kind, existing, ops) });
  }
}

/** Plans a links table (`id, type, source, target, role, importance`). */
export function planLinkTable(session: ImportSession, t: Table, escaped = true): void {
  const un = escaped ? unescapeCell : (x: string) => x;
  const col = new Map(t.headers.map((h, i) => [h, i] as const));
  const get = (row: string[], h: string) => (col.has(h) ? un(row[col.get(h)!] ?? '').trim() : '');
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i];
    const label = withId(where(t, i), get(row, 'id') || undefined);
    const type = LinkTypeSchema.safeParse(get(row, 'type'));
    if (!type.success) {
      session.fail(t.file, label, said('import.badLinkType', { value: get(row, 'type').slice(0, 40), allowed: LinkTypeSchema.options.join(', ') }));
      continue;
    }
    let importance: number | undefined;
    try {
      importance = parseNumber(get(row, 'importance'), true);
    } catch (err) {
      session.fail(t.file, label, new AppError('invalid_input', `column importance: ${(err as Error).message}`, undefined, err instanceof CellProblem ? said(err.code, { column: 'importance', value: err.value }) : undefined));
      continue;
    }
    const data = LinkDataSchema.safeParse({ ...(get(row, 'role') ? { role: get(row, 'role') } : {}), ...(importance !== undefined ? { importance } : {}) });
    if (!data.success) {
      session.fail(t.file, label, new AppError('invalid_input', describeIssues(data.error.issues), undefined, invalidRecord(data.error.issues)));
      continue;
    }
    const source = get(row, 'source');
    const target = get(row, 'target');
    if (!source || !target) {
      session.fail(t.file, label, said('import.linkNeedsEnds'));
      continue;
    }
    const id = get(row, 'id') || `lnk-${createHash('sha1').update(`${type.data}>${source}>${target}`).digest('hex').slice(0, 13)}`;
    session.addLink({ file: t.file, record: label, type: type.data, source, target, data: data.data, id });
  }
}

// ---------------------------------------------------------------- services with a column mapping

// The roles live in shared/api/io.ts so that the renderer's mapping step offers the same list.
export { COLUMN_ROLES, type ColumnRole } from '../../../shared/api/io';

/** Header text → what the column holds; null (or a header left out) means "ignore". */
export type ColumnMapping = Record<string, ColumnRole | null>;

function normHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LANG_WORDS: Record<string, 'fi' | 'sv' | 'en'> = {
  fi: 'fi',
  fin: 'fi',
  suomi: 'fi',
  suomeksi: 'fi',
  finnish: 'fi',
  finska: 'fi',
  sv: 'sv',
  swe: 'sv',
  ruotsi: 'sv',
  ruotsiksi: 'sv',
  swedish: 'sv',
  svenska: 'sv',
  en: 'en',
  eng: 'en',
  englanti: 'en',
  englanniksi: 'en',
  english: 'en',
  engelska: 'en',
};

const SYNONYMS: [Exclude<ColumnRole, `name.${string}` | `description.${string}`> | 'name' | 'description', string[]][] = [
  ['id', ['id', 'ptv id', 'ptvid', 'service id', 'palvelu id', 'palvelun id', 'tunniste', 'palvelun tunniste', 'uuid', 'identifier']],
  ['name', ['name', 'nimi', 'service name', 'palvelu', 'palvelun nimi', 'namn', 'title', 'otsikko']],
  [
    'description',
    ['description', 'kuvaus', 'summary', 'service summary', 'service description', 'tiivistelma', 'lyhyt kuvaus', 'yhteenveto', 'beskrivning', 'sammanfattning', 'palvelun kuvaus'],
  ],
  ['municipalities', ['municipality', 'municipalities', 'municipality code', 'municipality codes', 'kunta', 'kunnat', 'kuntakoodi', 'kuntakoodit', 'kommun', 'kommuner']],
  ['serviceClasses', ['service class', 'service classes', 'palveluluokka', 'palveluluokat', 'serviceklass', 'service class code', 'service class codes']],
  ['targetGroups', ['target group', 'target groups', 'kohderyhma', 'kohderyhmat', 'malgrupp', 'malgrupper']],
  ['lifeEvents', ['life event', 'life events', 'elamantilanne', 'elamantilanteet', 'elamantapahtuma', 'livssituation', 'livshandelse']],
  [
    'organisation',
    ['organisation', 'organization', 'organisaatio', 'organisation id', 'organization id', 'tuottaja', 'jarjestaja', 'palveluntuottaja', 'provider', 'producer', 'vastuuorganisaatio'],
  ],
  ['excluded', ['excluded', 'exclude', 'ei mukaan', 'poissuljettu', 'pois', 'not included']],
  ['meter.health', ['health', 'terveys']],
  ['meter.resilience', ['resilience', 'vaikeuksien voittaminen']],
  ['meter.housing', ['housing', 'asuminen']],
  ['meter.working_studying', ['working studying', 'opiskelu tai tyo', 'tyo tai opiskelu', 'work or study']],
  ['meter.family', ['family', 'perhe']],
  ['meter.friends', ['friends', 'ystavat']],
  ['meter.finance', ['finance', 'raha asiat', 'talous']],
  ['meter.improvement_of_strengths', ['improvement of strengths', 'itsensa kehittaminen']],
  ['meter.self_esteem', ['self esteem', 'itsetunto']],
  ['meter.life_satisfaction', ['life satisfaction', 'tyytyvaisyys elamaan']],
];

const SYNONYM_INDEX = new Map<string, (typeof SYNONYMS)[number][0]>();
for (const [role, words] of SYNONYMS) for (const w of words) SYNONYM_INDEX.set(w, role);

/** Guesses what each column holds, from Finnish, Swedish and English header words. */
export function proposeMapping(headers: string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const taken = new Set<ColumnRole>();
  for (const header of headers) {
    const key = header.trim();
    if (!key || key in out) continue;
    const words = normHeader(key).split(' ').filter(Boolean);
    let lang: 'fi' | 'sv' | 'en' | undefined;
    const rest = words.filter((w) => {
      if (!lang && LANG_WORDS[w] && words.length > 1) {
        lang = LANG_WORDS[w];
        return false;
      }
      return true;
    });
    const base = SYNONYM_INDEX.get(rest.join(' ')) ?? SYNONYM_INDEX.get(words.join(' '));
    let role: ColumnRole | null = null;
    if (base === 'name' || base === 'description') role = `${base}.${lang ?? 'fi'}`;
    else if (base) role = base;
    // A role claimed twice (two "name" columns) keeps the first; the user decides about the rest.
    if (role && taken.has(role) && !['serviceClasses', 'targetGroups', 'lifeEvents', 'municipalities'].includes(role)) role = null;
    if (role) taken.add(role);
    out[key] = role;
  }
  return out;
}

/** What a mapping still lacks to import services: an id or a name column. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const roles = new Set(Object.values(mapping));
  const problems: string[] = [];
  if (!roles.has('id') && !roles.has('name.fi') && !roles.has('name.sv') && !roles.has('name.en')) problems.push('no column holds the id or the name of the service');
  for (const [h, r] of Object.entries(mapping)) if (r !== null && !COLUMN_ROLES.includes(r)) problems.push(`column "${h}": "${String(r)}" is not a known role`);
  return problems;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_OK = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export interface ServicesTableOptions {
  /**
   * Overwrite names and descriptions of services already stored. Off by default: a labelling
   * sheet's one-line summary must not replace the catalogue's full description.
   */
  overwriteText?: boolean;
}

interface RowValues {
  id?: string;
  name: Partial<Record<'fi' | 'sv' | 'en', string>>;
  description: Partial<Record<'fi' | 'sv' | 'en', string>>;
  municipalities: string[];
  serviceClasses: string[];
  targetGroups: string[];
  lifeEvents: string[];
  organisations: string[];
  excluded: boolean;
  meters: Partial<Record<Meter, number>>;
  marked: boolean;
}

function splitCodes(s: string): string[] {
  return s
    .split(/[;,|\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function markValue(s: string): number | undefined {
  const v = s.trim().toLowerCase();
  if (!v || v === '0' || FALSE.has(v)) return 0;
  if (TRUE.has(v)) return 1;
  const n = Number(v.replace(',', '.'));
  if (Number.isFinite(n) && n >= 0 && n <= 1) return n;
  return undefined;
}

/**
 * Plans a services table with a column mapping. Rows merge by id onto stored services: codes are
 * added, names and descriptions fill in what is missing (see ServicesTableOptions), a row with any
 * meter mark sets all mapped meters (marked 1, unmarked 0 — the reviewer looked at every meter),
 * a row without marks leaves the meters unknown, and "EI MUKAAN" sets `excluded`.
 */
export function planServicesTable(
  session: ImportSession,
  t: Table,
  mapping: ColumnMapping,
  ctx: { codes: CodeLists; ws: Workspace },
  opts: ServicesTableOptions = {},
): void {
  const problems = mappingProblems(mapping);
  if (problems.length) {
    const unknown = Object.entries(mapping).find(([, r]) => r !== null && !COLUMN_ROLES.includes(r));
    const msg = problems[0].startsWith('no column') || !unknown ? said('import.mappingNoIdName') : said('import.mappingUnknownRole', { column: unknown[0], value: String(unknown[1]) });
    session.fail(t.file, sheetOf(t), new AppError('invalid_input', `the column mapping cannot import services: ${problems.join('; ')}`, undefined, msg));
    return;
  }
  const roles = t.headers.map((h) => mapping[h.trim()] ?? null);
  const meterCols = METERS.filter((m) => roles.includes(`meter.${m}`));
  const sheetMunicipality = !roles.includes('municipalities') && t.sheet ? ctx.codes.municipalityByName(t.sheet) : undefined;
  const orgByName = new Map<string, string>();
  for (const o of ctx.ws.listEntities('organisation')) {
    for (const n of [o.name.fi, o.name.sv, o.name.en]) if (n) orgByName.set(n.trim().toLocaleLowerCase('fi'), o.id);
  }

  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i];
    const v: RowValues = {
      name: {},
      description: {},
      municipalities: sheetMunicipality ? [sheetMunicipality] : [],
      serviceClasses: [],
      targetGroups: [],
      lifeEvents: [],
      organisations: [],
      excluded: false,
      meters: {},
      marked: false,
    };
    let label = where(t, i);
    let bad: CodedMessage | undefined;
    roles.forEach((role, c) => {
      if (!role || bad) return;
      const cell = unescapeCell(row[c] ?? '').trim();
      if (role === 'id') v.id = cell || undefined;
      else if (role.startsWith('name.')) v.name[role.slice(5) as 'fi'] = cell ? clip(cell.replace(/\s+/g, ' '), 20_000) : undefined;
      else if (role.startsWith('description.')) v.description[role.slice(12) as 'fi'] = cell ? clip(cell, 20_000) : undefined;
      else if (role === 'excluded') v.excluded ||= markValue(cell) === 1;
      else if (role.startsWith('meter.')) {
        const n = markValue(cell);
        if (n === undefined) bad = said('import.notAMark', { column: t.headers[c], value: cell.slice(0, 40) });
        else {
          v.meters[role.slice(6) as Meter] = n;
          if (n > 0) v.marked = true;
        }
      } else if (role === 'municipalities') {
        for (const token of splitCodes(cell)) {
          // Excel turns "091" into 91; a name ("Turku", "Åbo") is looked up in the code list.
          const code = /^\d{1,3}$/.test(token) ? token.padStart(3, '0') : ctx.codes.municipalityByName(token);
          if (code && ctx.codes.has('municipalities', code)) v.municipalities.push(code);
          else session.warn(said('import.unknownMunicipality'), { file: t.file, at: label, detail: `"${token.slice(0, 40)}"` });
        }
      } else if (role === 'organisation') v.organisations.push(...splitCodes(cell));
      else {
        const list = role as 'serviceClasses' | 'targetGroups' | 'lifeEvents';
        for (const token of splitCodes(cell)) {
          const ref = ctx.codes.has(list, token) ? { list, code: token } : ctx.codes.fromUri(token);
          if (ref && ref.list === list) v[list].push(ref.code);
          else session.warn(said('import.unknownCode', { list }), { file: t.file, at: label, detail: `"${token.slice(0, 40)}"` });
        }
      }
    });
    if (bad) {
      session.fail(t.file, label, bad);
      continue;
    }
    const name = Object.fromEntries(Object.entries(v.name).filter(([, x]) => x)) as Service['name'];
    let id: string;
    let ptvId: string | undefined;
    if (v.id && UUID.test(v.id)) {
      ptvId = v.id.toLowerCase();
      id = ptvEntityId('service', ptvId);
    } else if (v.id && ID_OK.test(v.id) && v.id.length <= 200) id = v.id;
    else if (v.id) {
      session.fail(t.file, label, said('import.badId', { value: v.id.slice(0, 60) }));
      continue;
    } else if (name.fi || name.sv || name.en) {
      // No id column: the name and area identify the row, so importing the same sheet again
      // updates these services instead of adding copies.
      const key = `${(name.fi ?? name.sv ?? name.en ?? '').toLocaleLowerCase('fi')}|${[...v.municipalities].sort().join(',')}`;
      id = `srv-t-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
    } else {
      session.fail(t.file, label, said('import.noIdOrName'));
      continue;
    }
    label = [...label, said('where.id', { id }), ...(name.fi ? [said('where.name', { name: name.fi.slice(0, 50) })] : [])];
    const description = Object.fromEntries(Object.entries(v.description).filter(([, x]) => x));
    const rowLabel = label;
    const meters = v.marked ? Object.fromEntries(meterCols.map((m) => [m, v.meters[m] ?? 0])) : undefined;

    session.addEntity({
      file: t.file,
      record: rowLabel,
      id,
      kind: 'service',
      ptvId,
      build: (existing) => {
        if (existing && existing.kind !== 'service') {
          throw codedError('conflict', said('import.idTaken', { id, otherKind: existing.kind, kind: 'service' }));
        }
        const base: Partial<Service> = existing ?? { id, kind: 'service', name: {}, ...(ptvId ? { ptvId } : {}) };
        const keepOrSet = <T extends Record<string, string | undefined>>(old: T | undefined, incoming: Record<string, string>): T => {
          const out = { ...(old ?? {}) } as Record<string, string | undefined>;
          for (const [l, x] of Object.entries(incoming)) if (opts.overwriteText || !out[l]?.trim()) out[l] = x;
          return out as T;
        };
        const areas = v.municipalities;
        const limited = existing ? existing.areaType === 'limited' : areas.length > 0;
        const next: Record<string, unknown> = {
          ...base,
          name: keepOrSet(base.name, name),
          description: keepOrSet(base.description, description),
          serviceClasses: [...new Set([...(base.serviceClasses ?? []), ...v.serviceClasses])],
          targetGroups: [...new Set([...(base.targetGroups ?? []), ...v.targetGroups])],
          lifeEvents: [...new Set([...(base.lifeEvents ?? []), ...v.lifeEvents])],
          ...(limited ? { areaType: 'limited', areas: [...new Set([...(base.areas ?? []), ...areas])] } : {}),
          ...(meters ? { meterAffinities: meters } : {}),
          ...(v.excluded ? { excluded: true } : {}),
        };
        if (!existing && !(name.fi || name.sv || name.en)) {
          throw codedError('invalid_input', said('import.serviceNeedsName'));
        }
        return checkedEntity(next);
      },
    });

    for (const code of new Set(v.lifeEvents)) {
      session.addLink({ file: t.file, record: rowLabel, type: 'inLifeEvent', source: id, target: planLifeEventFor(session, ctx.codes, t.file, code), data: {} });
    }
    for (const org of new Set(v.organisations)) {
      let orgId: string;
      if (UUID.test(org)) orgId = ptvEntityId('organisation', org);
      else if (ID_OK.test(org) && ctx.ws.getEntity(org)?.kind === 'organisation') orgId = org;
      else {
        const known = orgByName.get(org.toLocaleLowerCase('fi'));
        if (known) orgId = known;
        else {
          orgId = `org-t-${createHash('sha1').update(org.toLocaleLowerCase('fi')).digest('hex').slice(0, 16)}`;
          orgByName.set(org.toLocaleLowerCase('fi'), orgId);
          const orgName = clip(org, 20_000);
          session.addEntity({
            file: t.file,
            record: [...rowLabel, said('where.orgNamed', { name: org.slice(0, 60) })],
            id: orgId,
            kind: 'organisation',
            stub: true,
            build: () => checkedEntity({ id: orgId, kind: 'organisation', name: { fi: orgName } } satisfies Partial<Organisation>),
          });
        }
      }
      const link: LinkOp = { file: t.file, record: rowLabel, type: 'provides', source: orgId, target: id, data: {}, optional: true };
      session.addLink(link);
    }
  }
}

// ---------------------------------------------------------------- files

export interface SpreadsheetImportOptions extends ServicesTableOptions {
  /** Column mapping for services tables that are not our own export; proposed from the headers when absent. */
  mapping?: ColumnMapping;
  limits?: ZipLimits;
}

/** Plans every table of a CSV or XLSX file: our own tables by id, anything else as services. */
export async function planSpreadsheetFile(
  session: ImportSession,
  input: { name: string; bytes: Uint8Array },
  format: 'csv' | 'xlsx',
  ctx: { codes: CodeLists; ws: Workspace },
  opts: SpreadsheetImportOptions = {},
): Promise<void> {
  let tables: Table[];
  try {
    tables = format === 'xlsx' ? await readXlsx(input.name, input.bytes, opts.limits) : [readCsv(input.name, input.bytes)].filter((t): t is Table => !!t);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (session.onError === 'stop' || err.code === 'too_large') throw err;
    const text = err.message.startsWith(`${input.name}: `) ? err.message.slice(input.name.length + 2) : err.message;
    session.fail(input.name, WHOLE_FILE, new AppError(err.code, text, err.details, err.msg));
    return;
  }
  if (!tables.length) {
    session.fail(input.name, WHOLE_FILE, said('import.noRows'));
    return;
  }
  // Entity tables first, so that the links of the same workbook find their ends.
  const kinds = tables.map((t) => ({ t, k: tableKind(t) }));
  for (const { t, k } of kinds) if (k.kind === 'entities') planEntityTable(session, t);
  for (const { t, k } of kinds) {
    session.checkAborted();
    if (k.kind === 'links') planLinkTable(session, t);
    else if (k.kind === 'services') {
      const given = opts.mapping ?? proposeMapping(t.headers);
      const mapping: ColumnMapping = Object.fromEntries(t.headers.map((h) => [h.trim(), given[h.trim()] ?? null]));
      const problems = mappingProblems(mapping);
      if (problems.length && tables.length > 1) {
        // A workbook's notes or definitions sheet (the labelling sheet's "mittarit") is not a list of services.
        session.warn(said('import.sheetIgnored'), { file: t.file, at: sheetOf(t), detail: t.headers.slice(0, 5).join(', ') });
        continue;
      }
      if (problems.length) {
        throw new AppError(
          'invalid_input',
          `${input.name}: ${opts.mapping ? 'the column mapping names no id or name column' : 'which column holds what could not be recognised'} (headers: ${t.headers.slice(0, 12).join(', ').slice(0, 300)}). Choose a column mapping and import again.`,
          { file: input.name, reason: 'needs-mapping', headers: t.headers, proposal: proposeMapping(t.headers) },
          said(opts.mapping ? 'import.mappingNamesNoIdName' : 'import.needsMapping', { headers: t.headers.slice(0, 12).join(', ').slice(0, 300) }),
        );
      }
      planServicesTable(session, t, mapping, ctx, opts);
    }
  }
}
