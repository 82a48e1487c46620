import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_KINDS, LANGUAGES } from '../../../shared/model';
import { EXPORT_FORMATS, IMPORT_FORMATS, IMPORT_KINDS, PICTURE_COLUMN_ROLES, type ImportKind, type PictureImportKind } from '../../../shared/api/io';
import { AppError } from '../../../shared/api/result';
import { importFiles, writeExport, type ExportFormat, type ImportFormat, type ImportResult } from '../../backend/io';
import { cliLanguage, errorText, UsageError, withWorkspace, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { sayExample, sayOr, sayRecord } from '../../../renderer/src/i18n/say';
import type { Language } from '../../../shared/model';

function pick<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${String(value)}".`);
  return value as T;
}

/** What an import wrote, as the app's import summary says it: a table of kinds by created, updated and unchanged. */
function printSummary(r: ImportResult & { dryRun?: boolean }, kind: ImportKind, lang: Language): void {
  const t = translator(lang);
  const n = (x: number | undefined) => (x ?? 0).toLocaleString(lang);
  const head = [t('io.what'), t('io.created'), t('io.updated'), t('io.unchanged')];
  if (r.dryRun) console.log(t('io.cli.dryRun'));
  const p = r.picture;
  if (p) {
    const items = [...new Set([...Object.keys(p.created), ...Object.keys(p.updated), ...Object.keys(p.unchanged)])];
    printTable([head, ...items.map((k) => [t(`picture.import.item.${k}`, { defaultValue: k }), n(p.created[k]), n(p.updated[k]), n(p.unchanged[k])])]);
    if (kind === 'measurements' || kind === 'survey') console.log(t(`picture.import.values.${kind}`, { count: p.values }));
  }
  const kinds = ENTITY_KINDS.filter((k) => r.created[k] || r.updated[k] || r.unchanged[k]);
  if (kinds.length) {
    const links = [t('overview.links'), n(r.links.created), n(r.links.updated), n(r.links.unchanged)];
    printTable([head, ...kinds.map((k) => [t(`kind.${k}.plural`), n(r.created[k]), n(r.updated[k]), n(r.unchanged[k])]), links]);
    if (r.links.removed) console.log(t('io.cli.linksRemoved', { count: r.links.removed }));
  } else if (!p) console.log(t('io.nothingImported'));
  printProblems(r, lang);
  const d = r.duplicates;
  if (d?.groups) {
    console.log(t('io.importDuplicates', { imported: d.imported, distinct: d.distinctNames, count: d.groups, likely: d.likely }));
    console.log(t('io.cli.reviewDuplicates', { where: `${t('menu.workspace')} → ${t('io.findDuplicates')}` }));
  }
}

/** Rows in columns: the first column to the left, the numbers to the right, each as wide as its widest cell. */
function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}

/** Skipped records and warnings, each said in `lang` (the reasons are what a person acts on). */
function printProblems(r: ImportResult, lang: Language): void {
  const t = translator(lang);
  console.log(`${t('io.cli.skipped').padEnd(10)} ${r.skippedTotal}`);
  for (const s of r.skipped.slice(0, 50)) console.log(`  - ${[s.file, sayRecord(t, s)].filter(Boolean).join(': ')}: ${sayOr(t, s, s.reason)}`);
  if (r.skippedTotal > 50) console.log(`  ${t('io.cli.more', { count: r.skippedTotal - 50 })}`);
  for (const w of r.warnings) console.log(t('io.cli.warning', { reason: sayOr(t, w, w.reason), count: w.count, example: sayExample(t, w) }));
}

/** `--map "Heading=role"` flags as a mapping; `Heading=` ignores that column. */
function parseMap(values: unknown, kind: ImportKind): Record<string, string | null> | undefined {
  const list = (Array.isArray(values) ? values : values === undefined ? [] : [values]).map(String);
  if (!list.length) return undefined;
  if (kind === 'ecosystem') throw new UsageError('--map is for --kind measurements, budget, cba or survey.');
  const roles: readonly string[] = PICTURE_COLUMN_ROLES[kind];
  const out: Record<string, string | null> = {};
  for (const entry of list) {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map takes "COLUMN HEADING=ROLE", not "${entry}".`);
    const heading = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (role && !roles.includes(role)) throw new UsageError(`--map: "${role}" is not a role of ${kind} (roles: ${roles.join(', ')}).`);
    out[heading] = role || null;
  }
  return out;
}

/** The headings and the mapping that was tried, so the user can write the --map flags. */
function explainMapping(err: AppError, kind: PictureImportKind, lang: Language): void {
  const d = err.details as { headers?: string[]; proposal?: Record<string, string | null> } | undefined;
  if (!d?.headers) return;
  const t = translator(lang);
  // The roles stay as codes: they are what --map takes.
  console.error(t('io.cli.columns'));
  for (const h of d.headers) console.error(`  ${JSON.stringify(h)} → ${d.proposal?.[h.trim()] ?? t('io.cli.ignored')}`);
  console.error(t('io.cli.roles', { kind, roles: PICTURE_COLUMN_ROLES[kind].join(', ') }));
}

export const ioCommands: Record<string, Command> = {
  import: {
    summary: 'Import PTV JSON, spreadsheets, workspace JSON or GraphML, or measurements, budget, cost–benefit or survey data',
    usage:
      'kohtaanto import FILE INPUT... [--kind ecosystem|measurements|budget|cba|survey] [--format auto|ptv|csv|xlsx|json|graphml]\n                 [--map "COLUMN=ROLE"]... [--survey ID | --survey-name TEXT] [--on-error skip|stop] [--lang fi|sv|en] [--dry-run] [--json]\n\n  --kind       what the inputs hold (default: ecosystem: services, organisations… in any format above);\n               measurements, budget, cba, survey: a part of the situational picture, from CSV or XLSX\n  --format     how to read the inputs (default: auto, from name and content)\n  --map        which column holds what (picture kinds; repeat the flag; "COLUMN=" ignores a column);\n               columns not named keep the guess from their headings. Roles:\n                 measurements: indicator (id or name), date, value, type (measurement|baseline|target), note, source\n                 budget: item, organisation, category, year, planned, actual\n                 cba: name, type (cost|benefit|adoption|discount rate), perOrganisation, amount (a year column)\n                 survey: question (one column per question)\n  --survey     survey responses: count them into this survey (its id); --survey-name: a new survey\n               of that name (default: named after the file)\n  --on-error   skip (default): import the good records and report the bad ones;\n               stop: any bad record cancels the whole import and changes nothing\n  --lang       language of the messages about bad rows and of names the import makes\n               (default: the system locale, LC_ALL/LANG, if Finnish or Swedish, else en)\n  --dry-run    check everything and report what would be imported; write nothing\n  --json       print the full result as JSON\n\nThe whole import is one transaction and one undo step. Ctrl+C cancels it and writes nothing.',
    options: {
      format: { type: 'string' },
      kind: { type: 'string' },
      map: { type: 'string', multiple: true },
      survey: { type: 'string' },
      'survey-name': { type: 'string' },
      'on-error': { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    async run({ values, positionals }) {
      if (positionals.length < 2) throw new UsageError('Expected FILE and at least one INPUT.');
      const [file, ...inputs] = positionals;
      const format = pick(values.format, IMPORT_FORMATS, '--format', 'auto') as ImportFormat;
      const onError = pick(values['on-error'], ['skip', 'stop'] as const, '--on-error', 'skip');
      const kind = pick(values.kind, IMPORT_KINDS, '--kind', 'ecosystem');
      const lang = cliLanguage(values.lang);
      const mapping = parseMap(values.map, kind);
      if ((values.survey !== undefined || values['survey-name'] !== undefined) && kind !== 'survey') throw new UsageError('--survey and --survey-name go with --kind survey.');
      if (values.survey !== undefined && values['survey-name'] !== undefined) throw new UsageError('Give --survey or --survey-name, not both.');
      const survey = values.survey !== undefined ? { id: String(values.survey) } : values['survey-name'] !== undefined ? { name: String(values['survey-name']) } : undefined;
      const files = inputs.map((p) => {
        if (!fs.existsSync(p)) throw new UsageError(`No such input file: ${p}`);
        return { name: path.basename(p), bytes: fs.readFileSync(p) };
      });
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        let result;
        try {
          result = await withWorkspace(file, (ws) => importFiles(ws, files, { format, onError, kind, lang, mapping, survey, dryRun: Boolean(values['dry-run']), signal: controller.signal }), {
            owner: 'kohtaanto import',
          });
        } catch (err) {
          if (err instanceof AppError && kind !== 'ecosystem' && (err.details as { reason?: string } | undefined)?.reason === 'needs-mapping') {
            console.error(`kohtaanto import: ${errorText(err, lang)}`);
            explainMapping(err, kind, lang);
            return 1;
          }
          throw err;
        }
        if (values.json) console.log(JSON.stringify(result, null, 2));
        else printSummary(result, kind, lang);
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
      const t = translator(cliLanguage(values.lang));
      for (const f of written) console.log(t('io.cli.wrote', { file: f }));
      return 0;
    },
  },
};
