import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_KINDS, LANGUAGES } from '../../../shared/model';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../../shared/api/io';
import { importFiles, writeExport, type ExportFormat, type ImportFormat, type ImportResult } from '../../backend/io';
import { UsageError, withWorkspace, type Command } from '../common';

function pick<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${String(value)}".`);
  return value as T;
}

function countLine(label: string, counts: Record<string, number>): string {
  const parts = ENTITY_KINDS.filter((k) => counts[k]).map((k) => `${counts[k]} ${k}`);
  return `${label.padEnd(10)} ${parts.length ? parts.join(', ') : 'nothing'}`;
}

function printSummary(r: ImportResult): void {
  console.log(countLine('created', r.created));
  console.log(countLine('updated', r.updated));
  console.log(countLine('unchanged', r.unchanged));
  console.log(`${'links'.padEnd(10)} ${r.links.created} created, ${r.links.updated} updated, ${r.links.removed} removed, ${r.links.unchanged} unchanged`);
  console.log(`${'skipped'.padEnd(10)} ${r.skippedTotal}`);
  for (const s of r.skipped.slice(0, 50)) console.log(`  - ${s.file}: ${s.record}: ${s.reason}`);
  if (r.skippedTotal > 50) console.log(`  … and ${r.skippedTotal - 50} more (use --json for all)`);
  for (const w of r.warnings) console.log(`warning: ${w.reason} (${w.count}×, e.g. ${w.example})`);
  const d = r.duplicates;
  if (d?.groups) console.log(`duplicates ${d.imported} imported, about ${d.distinctNames} distinct names, ${d.groups} possible duplicate groups (${d.likely} likely); review them in the app (Workspace → Find duplicates)`);
}

export const ioCommands: Record<string, Command> = {
  import: {
    summary: 'Import PTV JSON, spreadsheets, workspace JSON or GraphML into a workspace',
    usage:
      'kohtaanto import FILE INPUT... [--format auto|ptv|csv|xlsx|json|graphml] [--on-error skip|stop] [--json]\n\n  --format     how to read the inputs (default: auto, from name and content)\n  --on-error   skip (default): import the good records and report the bad ones;\n               stop: any bad record cancels the whole import and changes nothing\n  --json       print the full result as JSON\n\nThe whole import is one transaction and one undo step. Ctrl+C cancels it and writes nothing.',
    options: { format: { type: 'string' }, 'on-error': { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      if (positionals.length < 2) throw new UsageError('Expected FILE and at least one INPUT.');
      const [file, ...inputs] = positionals;
      const format = pick(values.format, IMPORT_FORMATS, '--format', 'auto') as ImportFormat;
      const onError = pick(values['on-error'], ['skip', 'stop'] as const, '--on-error', 'skip');
      const files = inputs.map((p) => {
        if (!fs.existsSync(p)) throw new UsageError(`No such input file: ${p}`);
        return { name: path.basename(p), bytes: fs.readFileSync(p) };
      });
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await withWorkspace(file, (ws) => importFiles(ws, files, { format, onError, signal: controller.signal }), {
          owner: 'kohtaanto import',
        });
        if (values.json) console.log(JSON.stringify(result, null, 2));
        else printSummary(result);
        return 0;
      } finally {
        process.off('SIGINT', onSigint);
      }
    },
  },
  export: {
    summary: 'Export a workspace as CSV, XLSX, GraphML, GEXF or JSON, or a matching run as XLSX',
    usage:
      'kohtaanto export FILE --format csv|xlsx|graphml|gexf|json [--out PATH] [--lang fi|sv|en] [--run latest|ID]\n\n  --out    the file to write (for csv: a folder, one CSV per entity type plus links.csv);\n           default: named after the workspace and the day, in the current folder\n  --lang   language of XLSX sheet names and headings (default fi); the column keys\n           under the headings stay the same, so the file imports back in any language\n  --run    xlsx only: export a saved matching run (latest, or its id as listed by the app)\n           with its coverage, gaps, overlaps and counters, instead of the workspace',
    options: { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, run: { type: 'string' } },
    async run({ values, positionals }) {
      if (positionals.length !== 1) throw new UsageError('Expected exactly one FILE.');
      if (values.format === undefined) throw new UsageError('--format is required.');
      const format = pick(values.format, EXPORT_FORMATS, '--format', 'json') as ExportFormat;
      const lang = pick(values.lang, LANGUAGES, '--lang', 'fi');
      const run = values.run === undefined ? undefined : String(values.run);
      if (run !== undefined && format !== 'xlsx') throw new UsageError('--run needs --format xlsx.');
      if (format === 'csv' && (typeof values.out !== 'string' || !values.out)) throw new UsageError('--out (a folder) is required for csv.');
      const out = typeof values.out === 'string' && values.out ? values.out : undefined;
      const written = await withWorkspace(positionals[0], (ws) => writeExport(ws, format, out, { lang, run }), {
        readOnlyIfLocked: true,
      });
      for (const f of written) console.log(`wrote ${f}`);
      return 0;
    },
  },
};
