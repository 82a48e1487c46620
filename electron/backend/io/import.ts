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
import { tryParseJson } from './text';
import { encodeLabel } from '../../../shared/api/history';

export type { ImportResult, Skipped, ImportWarning } from './session';

export const IMPORT_FORMATS = ['auto', 'ptv', 'csv', 'xlsx', 'json', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportInput {
  /** File name as the user knows it (used for format detection and in every message). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions extends SessionOptions, SpreadsheetImportOptions {
  format?: ImportFormat;
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
    session.fail(input.name, WHOLE_FILE, parsed.problem);
    return;
  }
  if (looksLikeWorkspaceJson(parsed.value)) planWorkspaceJson(session, input.name, parsed.value);
  else if (looksLikePtv(parsed.value)) await planPtvParsed(session, input.name, parsed.value, codes);
  else session.fail(input.name, WHOLE_FILE, 'JSON that is neither a Kohtaanto workspace export nor PTV data (services, channels, organisations)');
}

async function planFile(session: ImportSession, input: ImportInput, opts: ImportOptions, codes: CodeLists, ws: Workspace): Promise<void> {
  const format = !opts.format || opts.format === 'auto' ? detectFormat(input) : opts.format;
  switch (format) {
    case 'ptv':
      return planPtvFile(session, input.name, input.bytes, codes);
    case 'json':
    case 'json-sniff':
      return planJsonSniffed(session, input, codes);
    case 'csv':
    case 'xlsx':
      return planSpreadsheetFile(session, input, format, { codes, ws }, opts);
    case 'graphml':
      return planGraphml(session, input.name, input.bytes);
  }
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
export async function importFiles(ws: Workspace, inputs: ImportInput[], opts: ImportOptions = {}): Promise<ImportResult> {
  if (!inputs.length) throw new AppError('invalid_input', 'No files to import.');
  const session = new ImportSession(opts);
  const codes = opts.codes ?? codeLists();
  session.progress(0, inputs.length, 'read');
  for (let i = 0; i < inputs.length; i++) {
    session.checkAborted();
    await planFile(session, inputs[i], opts, codes, ws);
    session.progress(i + 1, inputs.length, 'read');
    await yieldToLoop();
  }
  session.checkAborted();
  const label =
    inputs.length === 1
      ? encodeLabel(`Import ${inputs[0].name}`, { key: 'importOne', params: { file: inputs[0].name } })
      : encodeLabel(`Import ${inputs.length} files`, { key: 'importMany', params: { count: inputs.length } });
  ws.edit(label, (tx) => session.apply(tx, ws));
  // Unchanged records count too: importing the same file again must still say what is doubled.
  return { ...session.result(), duplicates: importDuplicates(ws, [...session.written.keys()]) };
}
