/**
 * `importFiles`: the one entry point behind `kohtaanto import`, the import dialog and drag and
 * drop. Files are read and checked first (asynchronously, cancellable, writing nothing); then
 * everything is written in one workspace edit, so an import is one undo step and either goes in
 * whole (less what was reported as skipped) or not at all.
 */
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { Workspace } from '../store/workspace';
import { codeLists, type CodeLists } from './codes';
import { importDuplicates } from './duplicates';
import { looksLikeWorkspaceJson, planGraphml, planWorkspaceJson } from './graph';
import { looksLikePtv, planPtvFile, planPtvParsed } from './ptv';
import { ImportSession, WHOLE_FILE, type ImportResult, type SessionOptions } from './session';
import { planSpreadsheetFile, type SpreadsheetImportOptions } from './spreadsheet';
import { planPictureFile, type PictureMapping, type PicturePreview } from './picture-import';
import type { ImportKind } from '../../../shared/api/io';
import type { Language } from '../../../shared/model';
import { tryParseJson } from './text';
import { encodeLabel } from '../../../shared/api/history';
import { codedError, said } from '../messages';

export type { ImportResult, Skipped, ImportWarning } from './session';

export const IMPORT_FORMATS = ['auto', 'ptv', 'csv', 'xlsx', 'json', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportInput {
  /** File name as the user knows it (used for format detection and in every message). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions extends SessionOptions, Omit<SpreadsheetImportOptions, 'mapping'> {
  format?: ImportFormat;
  /** What the files hold: the ecosystem (default), or one part of the situational picture (CSV/XLSX). */
  kind?: ImportKind;
  /** Column mapping: services roles for the ecosystem, the kind's roles for a picture import. */
  mapping?: SpreadsheetImportOptions['mapping'] | PictureMapping;
  /** Language of the messages about bad rows (picture imports) and of names they create. */
  lang?: Language;
  /** Survey responses: the survey to count into (id), or the name of a new one. */
  survey?: { id?: string; name?: string };
  /** Plan and check everything inside a transaction that is rolled back: nothing is written. */
  dryRun?: boolean;
  /** Code lists to classify with (tests pass their own; default: the bundled lists). */
  codes?: CodeLists;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The format a file is in, from its name and, when that does not tell, its first bytes. */
export function detectFormat(input: ImportInput): Exclude<ImportFormat, 'auto'> | 'json-sniff' {
  const ext = path.extname(input.name).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.graphml' || ext === '.xml') return 'graphml';
  if (ext === '.json') return 'json-sniff';
  const b = input.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b) return 'xlsx';
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  if (b[i] === 0x3c) return 'graphml';
  if (b[i] === 0x7b || b[i] === 0x5b) return 'json-sniff';
  return 'csv';
}

async function planJsonSniffed(session: ImportSession, input: ImportInput, codes: CodeLists): Promise<void> {
  const parsed = tryParseJson(input.bytes);
  if ('problem' in parsed) {
    session.fail(input.name, WHOLE_FILE, parsed.msg);
    return;
  }
  if (looksLikeWorkspaceJson(parsed.value)) planWorkspaceJson(session, input.name, parsed.value);
  else if (looksLikePtv(parsed.value)) await planPtvParsed(session, input.name, parsed.value, codes);
  else session.fail(input.name, WHOLE_FILE, said('import.unknownJson'));
}

async function planFile(session: ImportSession, input: ImportInput, opts: ImportOptions, codes: CodeLists, ws: Workspace): Promise<PicturePreview | undefined> {
  const format = !opts.format || opts.format === 'auto' ? detectFormat(input) : opts.format;
  if (opts.kind && opts.kind !== 'ecosystem') {
    if (format !== 'csv' && format !== 'xlsx') {
      session.fail(input.name, WHOLE_FILE, new AppError('invalid_input', `${opts.kind} are read from CSV or XLSX files, not ${format === 'json-sniff' ? 'json' : format}`, undefined, said('import.pictureNeedsTable', { format: format === 'json-sniff' ? 'JSON' : format.toUpperCase() })));
      return undefined;
    }
    return planPictureFile(session, input, format, ws, { kind: opts.kind, mapping: opts.mapping as PictureMapping | undefined, lang: opts.lang, survey: opts.survey, limits: opts.limits, dryRun: opts.dryRun });
  }
  const spreadsheetOpts = { ...opts, mapping: opts.mapping as SpreadsheetImportOptions['mapping'] };
  switch (format) {
    case 'ptv':
      await planPtvFile(session, input.name, input.bytes, codes);
      break;
    case 'json':
    case 'json-sniff':
      await planJsonSniffed(session, input, codes);
      break;
    case 'csv':
    case 'xlsx':
      await planSpreadsheetFile(session, input, format, { codes, ws }, spreadsheetOpts);
      break;
    case 'graphml':
      planGraphml(session, input.name, input.bytes);
      break;
  }
  return undefined;
}

/**
 * Imports files into the workspace as one undoable edit.
 *
 * - onError 'skip' (default): good records go in; each bad one is listed in `skipped` with why.
 * - onError 'stop': the first bad record throws AppError and nothing is written.
 * - signal: aborting throws AppError (details.reason 'cancelled') and nothing is written.
 * - onProgress(done, total, phase): 'read' counts files, 'write' counts planned records.
 *
 * Refusals that protect the machine (zip bombs, XML with a DOCTYPE, oversized files) always throw.
 */
export async function importFiles(ws: Workspace, inputs: ImportInput[], opts: ImportOptions = {}): Promise<ImportResult & { preview?: PicturePreview; dryRun?: boolean }> {
  if (!inputs.length) throw codedError('invalid_input', said('import.noFiles'));
  const session = new ImportSession(opts);
  const codes = opts.codes ?? codeLists();
  let preview: PicturePreview | undefined;
  session.progress(0, inputs.length, 'read');
  for (let i = 0; i < inputs.length; i++) {
    session.checkAborted();
    preview ??= await planFile(session, inputs[i], opts, codes, ws);
    session.progress(i + 1, inputs.length, 'read');
    await yieldToLoop();
  }
  session.checkAborted();
  const label =
    inputs.length === 1
      ? encodeLabel(`Import ${inputs[0].name}`, { key: 'importOne', params: { file: inputs[0].name } })
      : encodeLabel(`Import ${inputs.length} files`, { key: 'importMany', params: { count: inputs.length } });
  if (opts.dryRun) {
    // The same writes as a real import, so the preview reports exactly what it would; then rolled back.
    const rollback = new Error('dry run');
    try {
      ws.edit(label, (tx) => {
        session.apply(tx, ws);
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    }
    return { ...session.result(), ...(preview ? { preview } : {}), dryRun: true };
  }
  ws.edit(label, (tx) => session.apply(tx, ws));
  // Unchanged records count too: importing the same file again must still say what is doubled.
  return { ...session.result(), duplicates: importDuplicates(ws, [...session.written.keys()]) };
}
