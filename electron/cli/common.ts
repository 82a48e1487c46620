import { AppError, type ApiError } from '../../shared/api/result';
import { LANGUAGES, type Language } from '../../shared/model';
import { translator } from '../../renderer/src/i18n/catalogue';
import { sayWithPlace } from '../../renderer/src/i18n/say';
import { createBackend, defaultDataDir } from '../backend';
import { openWorkspaceFile } from '../backend/domains/workspace';
import type { AppContext } from '../backend/context';
import type { Registry } from '../backend/registry';
import type { Workspace } from '../backend/store/workspace';

/**
 * The language of messages on the command line: `--lang` (or `--language`) when given, else the
 * system locale (LC_ALL, LC_MESSAGES, LANG: "fi_FI.UTF-8" is Finnish), else English.
 */
export function cliLanguage(flag?: unknown, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(String(flag))) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${String(flag)}".`);
    return flag as Language;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = /^([a-z]{2})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : 'en';
}

/** A number in the language's format (decimal comma, spaces between thousands) with a fixed number of decimals; a dash for none. */
export function decimal(x: number | null | undefined, lang: Language, digits = 0): string {
  return x === null || x === undefined ? '—' : x.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share (0–1) as a percentage with one decimal, in the language's format; a dash for none. */
export function percent(x: number | null | undefined, lang: Language): string {
  return x === null || x === undefined ? '—' : `${decimal(x * 100, lang, 1)} %`;
}

/** The language a command line asks for, read before (or without) parsing its options, for its error line. */
export function languageOfArgs(args: string[], env: NodeJS.ProcessEnv = process.env): Language {
  for (let i = 0; i < args.length; i++) {
    const m = /^--(?:lang|language)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const v = m[1] ?? args[i + 1];
    if ((LANGUAGES as readonly string[]).includes(v)) return v as Language;
  }
  return cliLanguage(undefined, env);
}

/** An AppError for a person at the command line: in English as it came, or said in `lang` when it carries a coded message. */
export function errorText(err: AppError, lang: Language): string {
  if (lang === 'en') return err.message;
  return sayWithPlace(translator(lang), err) || err.message;
}

/** A usage error: printed as one line with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** One `kohtaanto` sub-command. Options follow node:util parseArgs. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<import('node:util').ParseArgsConfig['options']>;
  run(args: { values: Record<string, unknown>; positionals: string[] }): Promise<number> | number;
}

/** Exactly one positional argument, or a usage error naming it. */
export function one(positionals: string[], name: string): string {
  if (positionals.length !== 1) throw new UsageError(`Expected exactly one ${name}.`);
  return positionals[0];
}

/** A backend for one CLI run, with the data folder of the user (or KOHTAANTO_DATA_DIR); `owner` is named in the lock of a file it opens. */
export function cliBackend(owner = 'the kohtaanto command line') {
  return createBackend({ dataDir: defaultDataDir(), mode: 'browser', owner });
}

function openForCli(ctx: ReturnType<typeof cliBackend>['ctx'], file: string, readOnlyIfLocked = false): Workspace {
  try {
    return openWorkspaceFile(ctx, file);
  } catch (err) {
    if (!readOnlyIfLocked || !(err instanceof AppError) || err.code !== 'workspace_locked') throw err;
    let ws: Workspace;
    try {
      ws = openWorkspaceFile(ctx, file, { readOnly: true });
    } catch {
      throw err;
    }
    const holder = (err.details as { holder?: { owner: string; pid: number } | null }).holder;
    const t = translator(cliLanguage());
    console.error(t('cli.readOnly', { file, holder: holder ? t('cli.holder', { owner: holder.owner, pid: holder.pid }) : t('cli.anotherProgram') }));
    return ws;
  }
}

/**
 * Opens FILE for the length of `fn`, always closing it. A command that only reads
 * (`readOnlyIfLocked`) still works on a file another program has open: it reads it read-only
 * and says so on stderr; a command that writes is refused with the holder's name.
 */
export async function withWorkspace<T>(file: string, fn: (ws: Workspace) => T | Promise<T>, opts: { owner?: string; readOnlyIfLocked?: boolean } = {}): Promise<T> {
  const { ctx } = cliBackend(opts.owner);
  const ws = openForCli(ctx, file, opts.readOnlyIfLocked);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

/** Throws the API error of a failed registry call, so the CLI prints its message. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: ApiError }): T {
  // The coded message travels on, so the CLI says it in its --lang.
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details, r.error.msg);
  return r.value;
}

/**
 * Runs `fn` with a registry whose open workspace is FILE. The file is opened directly rather than
 * through workspace.open, so a command-line query does not change the app's recent-files list.
 * With `readOnlyIfLocked`, a command that only reads works on a file another program holds.
 */
export async function withRegistry<T>(
  file: string,
  fn: (registry: Registry) => Promise<T>,
  opts: { readOnlyIfLocked?: boolean; prepare?: (ctx: AppContext) => void } = {},
): Promise<T> {
  const { ctx, registry } = cliBackend();
  ctx.workspace = openForCli(ctx, file, opts.readOnlyIfLocked);
  opts.prepare?.(ctx);
  try {
    return await fn(registry);
  } finally {
    ctx.close();
  }
}
