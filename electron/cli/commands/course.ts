/**
 * Course packs on the command line (issue 11): run a pack's checks on a workspace, build the
 * results table from participants' files, and make a participant's copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pickText } from '../../../shared/model';
import { CheckRunner } from '../../../shared/course/checks';
import type { Exercise, ExerciseResult } from '../../../shared/course/types';
import { readCopy, freeAnswersOf, secondsOf } from '../../backend/course/copy';
import { readPack } from '../../backend/course/pack';
import { collect, exportResults, lazyIndexOf } from '../../backend/course/results';
import { checkIndexOptions, snapshotOfWorkspace } from '../../backend/course/run';
import { errorText, explainText } from '../../backend/course/text';
import { createCopy } from '../../backend/domains/course';
import { cliBackend, cliLanguage, UsageError, withWorkspace, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { codedError, said } from '../../backend/messages';

/** Exit code of `course check` when a check did not pass (1 is an error, 2 a usage error). */
export const CHECKS_FAILED_EXIT = 3;

const USAGE = [
  'kohtaanto course check PACK WORKSPACE [--exercise N] [--json] [--lang fi|sv|en]',
  '       kohtaanto course results PACK FILES... --out results.xlsx|results.csv [--lang fi|sv|en]',
  '       kohtaanto course new-copy PACK --out FILE [--participant NAME] [--lang fi|sv|en]',
  '',
  '  check     runs the checks of every exercise (or exercise N: its number from 1, or its id) on WORKSPACE;',
  `            exit code 0 when every check passed (free answers are for the trainer), ${CHECKS_FAILED_EXIT} when one did not`,
  '  results   checks each participant file against PACK and writes the table (display names only);',
  '            a file that is not from the pack, newer, or damaged gets its reason in its row',
  '  new-copy  makes a participant’s copy of PACK at FILE (a workspace that opens at the first exercise)',
].join('\n');


function readFileArg(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? codedError('not_found', said('file.noSuchFile', { file })) : codedError('io_error', said('file.cannotRead', { file, reason: (err as Error).message }));
  }
}

function pickExercises(all: Exercise[], which: unknown): Exercise[] {
  if (which === undefined) return all;
  const s = String(which);
  const n = Number(s);
  const ex = Number.isInteger(n) && String(n) === s ? all[n - 1] : all.find((e) => e.id === s);
  if (!ex) throw new UsageError(`--exercise ${s}: the pack has exercises 1–${all.length} (${all.map((e) => e.id).join(', ')}).`);
  return [ex];
}

const MARK: Record<string, string> = { passed: 'ok  ', failed: 'FAIL', review: 'rev ', error: 'ERR ' };

async function check(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length !== 2) throw new UsageError('course check needs PACK and WORKSPACE.');
  const [packFile, wsFile] = positionals;
  const language = cliLanguage(values.lang);
  const t = translator(language);
  const pack = await readPack(readFileArg(packFile), path.basename(packFile));
  const exercises = pickExercises(pack.manifest.exercises, values.exercise);
  const results: ExerciseResult[] = await withWorkspace(
    wsFile,
    (ws) => {
      const copy = readCopy(ws);
      // A participant's copy of this pack brings its free answers and time; any other workspace is checked as it is.
      const own = copy?.packId === pack.manifest.id;
      const snap = snapshotOfWorkspace(ws);
      // A file that was checked in the app has its index snapshot saved: it is assembled from that instead of built.
      const runner = new CheckRunner(snap, { index: checkIndexOptions(), lazyIndex: lazyIndexOf(ws, snap) });
      return exercises.map((ex) => runner.exercise(ex, own ? { secondsSpent: secondsOf(ws, ex.id), freeAnswers: freeAnswersOf(ws, ex.id) } : {}));
    },
    { owner: 'kohtaanto course check', readOnlyIfLocked: true },
  );
  const ok = results.every((r) => r.results.every((c) => c.status === 'passed' || c.status === 'review'));
  if (values.json) {
    console.log(JSON.stringify({ pack: { id: pack.manifest.id, revision: pack.manifest.revision }, passed: ok, exercises: results }, null, 2));
    return ok ? 0 : CHECKS_FAILED_EXIT;
  }
  for (const r of results) {
    const ex = pack.manifest.exercises.find((e) => e.id === r.exerciseId)!;
    const n = pack.manifest.exercises.indexOf(ex) + 1;
    const coverage = r.coverage !== undefined ? `, ${t('cli.course.coverage', { value: r.coverage.toLocaleString(language) })}` : '';
    console.log(`${n}. ${pickText(ex.title, language)}: ${t('course.ui.resultSummary', { passed: r.passed, total: r.total })}${coverage}`);
    for (const c of r.results) {
      const chk = ex.checks.find((x) => x.id === c.checkId)!;
      console.log(`   ${MARK[c.status]} ${pickText(chk.title, language)}: ${explainText(c, language)}`);
      if (c.hint && pickText(c.hint, language)) console.log(`        ${t('course.ui.hint')}: ${pickText(c.hint, language)}`);
    }
  }
  return ok ? 0 : CHECKS_FAILED_EXIT;
}

async function results(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length < 2) throw new UsageError('course results needs PACK and at least one participant file.');
  const out = values.out === undefined ? undefined : String(values.out);
  if (!out) throw new UsageError('course results needs --out results.xlsx or --out results.csv.');
  const format = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
  if (!format) throw new UsageError(`--out must end in .xlsx or .csv, not "${path.basename(out)}".`);
  const language = cliLanguage(values.lang);
  const t = translator(language);
  const [packFile, ...files] = positionals;
  const pack = await readPack(readFileArg(packFile), path.basename(packFile));
  const { ctx } = cliBackend('kohtaanto course results');
  const rows = collect(pack, files.map((f) => ({ name: f, bytes: readFileArg(f) })), { nativeBinding: ctx.nativeBinding });
  const table = await exportResults(rows, format, language, pack.manifest.exercises.map((e) => ({ id: e.id, title: e.title })));
  fs.writeFileSync(out, table.bytes);
  const refused = rows.filter((r) => r.error);
  for (const r of refused) console.error(`${r.file}: ${errorText(r.error!.code, { file: r.file, ...r.error!.params }, language)}`);
  const counted = t('cli.course.counted', { file: out, counted: rows.length - refused.length, total: rows.length });
  console.log(refused.length ? `${counted}${t('cli.course.refused', { count: refused.length })}` : `${counted}.`);
  return 0;
}

async function newCopy(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('course new-copy needs exactly one PACK.');
  const out = values.out === undefined ? undefined : String(values.out);
  if (!out) throw new UsageError('course new-copy needs --out FILE.');
  const pack = await readPack(readFileArg(positionals[0]), path.basename(positionals[0]));
  const participant = values.participant !== undefined ? String(values.participant).trim() : path.basename(out).replace(/\.kohtaanto$/, '');
  if (!participant || participant.length > 100) throw new UsageError('--participant must be 1–100 characters.');
  const language = cliLanguage(values.lang);
  const { ctx } = cliBackend('kohtaanto course new-copy');
  const file = createCopy(ctx, pack, participant, { path: out });
  console.log(translator(language)('cli.course.copy', { file, participant, title: pickText(pack.manifest.title, language), count: pack.manifest.exercises.length }));
  return 0;
}

export const courseCommands: Record<string, Command> = {
  course: {
    summary: 'course packs: check a workspace, collect results, make a participant’s copy',
    usage: USAGE,
    options: {
      exercise: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      participant: { type: 'string' },
      lang: { type: 'string' },
    },
    run: async ({ values, positionals }) => {
      const [sub, ...rest] = positionals;
      const only = (allowed: string[]) => {
        for (const k of Object.keys(values)) if (!allowed.includes(k)) throw new UsageError(`--${k} does not go with course ${sub}.`);
      };
      if (sub === 'check') {
        only(['exercise', 'json', 'lang']);
        return check(values, rest);
      }
      if (sub === 'results') {
        only(['out', 'lang']);
        return results(values, rest);
      }
      if (sub === 'new-copy') {
        only(['out', 'participant']);
        return newCopy(values, rest);
      }
      throw new UsageError(sub ? `unknown course command "${sub}" (check, results or new-copy).` : 'which course command: check, results or new-copy?');
    },
  },
};
