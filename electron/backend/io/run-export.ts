/**
 * A saved matching run as an Excel workbook for people: a summary, coverage per persona and per
 * persona × need, gaps, overlaps and counters to visit, with names beside ids.
 *
 * The run is read from the `matching_runs` table as stored JSON, and every field is read
 * defensively: the run's shape grows (new fields, renamed ones), and an export must still write
 * whatever figures the stored run has rather than fail on what it lacks.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { pickText, type Language, type OptionalText } from '../../../shared/model';
import type { Workspace } from '../store/workspace';
import { fill, messages } from './labels';
import { escapeCell } from './spreadsheet';
import { codedError, said } from '../messages';

type Json = Record<string, unknown>;

interface RunRow {
  id: string;
  created_at: string;
  label: string | null;
  run: string;
  names: string;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The stored run `ref` names: "latest" or a run id. */
export function storedRun(ws: Workspace, ref: string): RunRow {
  const hasTable = ws.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matching_runs'").get();
  const row = !hasTable
    ? undefined
    : ref === 'latest'
      ? (ws.db.prepare('SELECT id, created_at, label, run, names FROM matching_runs ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as RunRow | undefined)
      : (ws.db.prepare('SELECT id, created_at, label, run, names FROM matching_runs WHERE id = ?').get(ref) as RunRow | undefined);
  if (!row) throw codedError('not_found', ref === 'latest' ? said('matching.noRunYet') : said('matching.noRun', { id: ref }));
  return row;
}

/** The run as a workbook (sheet names and headings in `lang`). */
export async function exportRunXlsx(ws: Workspace, ref: string, lang: Language): Promise<{ id: string; bytes: Buffer }> {
  const row = storedRun(ws, ref);
  let run: Json;
  let saved: Record<string, OptionalText>;
  try {
    run = obj(JSON.parse(row.run));
    saved = obj(JSON.parse(row.names)) as Record<string, OptionalText>;
  } catch {
    throw codedError('invalid_input', said('matching.runUnreadable', { id: row.id }));
  }
  const m = messages(lang).io.xlsx.run;
  // Names now first (what the user sees in the app), then as saved with the run for what is gone.
  const name = (id: unknown): string => {
    const s = str(id);
    if (s.startsWith('service:')) return fill(m.noProvider, { name: name(s.slice('service:'.length)) });
    const e = ws.getEntity(s);
    return pickText(e?.name ?? saved[s], lang) || s;
  };
  const names = (ids: unknown) => arr(ids).map(name).join('; ');
  // Since matching v2 a service without a provider is listed apart from organisations; it still counts as a place.
  const providers = (o: Record<string, unknown>) => [...arr(o.organisations).map(name), ...arr(o.noProvider).map((id) => fill(m.noProvider, { name: name(id) }))];
  const share = (v: unknown) => num(v);

  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Kohtaanto';
  const sheet = (title: string, headers: string[], rows: (string | number | null)[][], percentCols: number[] = []) => {
    const ws = wb.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? escapeCell(c) : c)));
    ws.columns.forEach((col, i) => {
      col.width = Math.max(12, Math.min(50, headers[i].length + 4));
      if (percentCols.includes(i)) col.numFmt = '0.0 %';
    });
    return ws;
  };

  const totals = obj(run.totals);
  const params = obj(run.params);
  const scope = obj(run.scope);
  const equityFlags = arr(run.equity).reduce<number>((n, d) => n + arr(obj(d).groups).filter((g) => obj(g).flagged === true).length, 0);
  const summary: [string, string | number | null][] = [
    [m.id, row.id],
    [m.createdAt, row.created_at],
    [m.label, row.label ?? ''],
    [m.scope, scope.lifeEventId ? name(scope.lifeEventId) : m.wholeWorkspace],
    [m.threshold, num(params.threshold)],
    [m.coverageWeighted, share(totals.coverage)],
    [m.coverageUnweighted, share(totals.coverageUnweighted)],
    [m.personaNeeds, num(totals.personaNeeds)],
    [m.coveredPairs, num(totals.covered)],
    [m.personaCount, num(totals.personas)],
    [m.people, num(totals.people)],
    [m.needs, num(totals.needs)],
    [m.services, num(totals.services)],
    [m.gapCount, arr(run.gaps).length],
    [m.overlapCount, arr(run.overlaps).length],
    [m.equityFlags, equityFlags],
  ];
  const sum = sheet(m.summary, [m.figure, m.value], summary);
  sum.getColumn(1).width = 44;
  sum.getColumn(2).width = 40;
  for (const r of [7, 8]) sum.getCell(r, 2).numFmt = '0.0 %';

  sheet(
    m.personas,
    [m.persona, m.people, m.needs, m.coveredNeeds, m.share],
    arr(run.personas).map((p) => {
      const o = obj(p);
      return [name(o.persona), num(o.people), num(o.needs), num(o.covered), share(o.coverage)];
    }),
    [4],
  );
  sheet(
    m.coverage,
    [m.persona, m.need, m.importance, m.people, m.covered, m.bestService, m.bestScore, m.servicesAbove],
    arr(run.coverage).map((c) => {
      const o = obj(c);
      return [name(o.persona), name(o.need), num(o.importance), num(o.people), o.covered === true ? m.yes : m.no, o.bestService ? name(o.bestService) : '', num(o.bestScore), num(o.servicesAbove)];
    }),
  );
  sheet(
    m.gaps,
    [m.need, m.personaNames, m.people, m.nearest, m.bestScore],
    arr(run.gaps).map((g) => {
      const o = obj(g);
      return [name(o.need), names(o.personas), num(o.people), o.bestService ? name(o.bestService) : '', num(o.bestScore)];
    }),
  );
  sheet(
    m.overlaps,
    [m.need, m.organisationCount, m.organisations, m.serviceNames],
    arr(run.overlaps).map((x) => {
      const o = obj(x);
      return [name(o.need), providers(o).length, providers(o).join('; '), arr(o.services).map((s) => name(obj(s).service)).join('; ')];
    }),
  );
  sheet(
    m.counters,
    [m.persona, m.counterCount, m.organisations, m.method],
    arr(run.counters).map((c) => {
      const o = obj(c);
      return [name(o.persona), num(o.count), providers(o).join('; '), o.method === 'exact' ? m.exact : o.method === 'greedy' ? m.greedy : str(o.method)];
    }),
  );
  return { id: row.id, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
