/**
 * `exportWorkspace` / `writeExport`: every export format behind one call, for `kohtaanto export`,
 * the export dialog and the HTTP download.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../store/workspace';
import { exportGexf, exportGraphml, exportWorkspaceJson } from './graph';
import { pickText, type Language } from '../../../shared/model';
import { messages } from './labels';
import { exportRunXlsx } from './run-export';
import { exportCsv, exportXlsx } from './spreadsheet';
import { codedError, said } from '../messages';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Language of the XLSX sheet names and headings (default fi). */
  lang?: Language;
  /** XLSX only: export this saved matching run ("latest" or its id) instead of the workspace. */
  run?: string;
  /** CSV separator; `;` (default) is what Excel on a Finnish Windows opens directly. */
  delimiter?: ';' | ',' | '\t';
  /** Where the content comes from; written into the JSON export. */
  provenance?: string;
  now?: () => Date;
}

/** A file-name part: letters and digits of the text, accents dropped, words joined with hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** What an export of this workspace is called: its title (or file name) and the day, e.g. `laheisen-kuolema-2026-11-30`. */
export function exportBaseName(ws: Workspace, lang: Language, now: Date, what?: string): string {
  const title = pickText(ws.getTitle(), lang) || path.basename(ws.path).replace(/\.[^.]*$/, '');
  const slug = slugify(title).toLowerCase() || 'kohtaanto';
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return [slug, what && slugify(what).toLowerCase(), day].filter(Boolean).join('-');
}

/** The export as files (name and bytes): one for most formats, one per table for CSV. */
export async function exportWorkspace(ws: Workspace, format: ExportFormat, opts: ExportOptions = {}): Promise<{ name: string; bytes: Uint8Array }[]> {
  const lang = opts.lang ?? 'fi';
  const now = (opts.now ?? (() => new Date()))();
  if (opts.run !== undefined) {
    if (format !== 'xlsx') throw codedError('invalid_input', said('export.runXlsxOnly', { format }));
    const { bytes } = await exportRunXlsx(ws, opts.run, lang);
    return [{ name: `${exportBaseName(ws, lang, now, messages(lang).io.xlsx.runFile)}.xlsx`, bytes }];
  }
  const base = exportBaseName(ws, lang, now);
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'json':
      return [{ name: `${base}.json`, bytes: utf8(`${JSON.stringify(exportWorkspaceJson(ws, { provenance: opts.provenance }), null, 2)}\n`) }];
    case 'csv':
      return exportCsv(ws, { delimiter: opts.delimiter }).map((f) => ({ name: f.name, bytes: utf8(f.text) }));
    case 'xlsx':
      return [{ name: `${base}.xlsx`, bytes: await exportXlsx(ws, { lang }) }];
    case 'graphml':
      return [{ name: `${base}.graphml`, bytes: utf8(exportGraphml(ws)) }];
    case 'gexf':
      return [{ name: `${base}.gexf`, bytes: utf8(exportGexf(ws, { now: opts.now })) }];
    default:
      throw codedError('invalid_input', said('export.unknownFormat', { format: String(format), allowed: EXPORT_FORMATS.join(', ') }));
  }
}

/**
 * Writes an export to disk: `target` is the file for one-file formats and a folder for CSV; left
 * out, a one-file export gets its own name (workspace and day) in the current folder.
 * Each file is written beside its final name and renamed, so a crash never leaves half a file.
 */
export async function writeExport(ws: Workspace, format: ExportFormat, target: string | undefined, opts: ExportOptions = {}): Promise<string[]> {
  const files = await exportWorkspace(ws, format, opts);
  if (target === undefined) {
    if (format === 'csv') throw codedError('invalid_input', said('export.csvNeedsFolder'));
    target = files[0].name;
  }
  const dir = format === 'csv' ? target : path.dirname(path.resolve(target));
  try {
    fs.mkdirSync(dir, { recursive: true });
    return files.map((f) => {
      const out = format === 'csv' ? path.join(dir, f.name) : path.resolve(target);
      const tmp = `${out}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, f.bytes);
      fs.renameSync(tmp, out);
      return out;
    });
  } catch (err) {
    throw codedError('io_error', said('export.cannotWrite', { target, reason: (err as Error).message }));
  }
}
