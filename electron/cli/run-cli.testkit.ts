import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

// Every call starts the real command in a new process, which loads its TypeScript sources through
// tsx (about 3 s, several times that on a busy machine): a test of several calls needs more than
// the 30 s a unit test gets. Speed is measured by benchmarks, not by this timeout.
vi.setConfig({ testTimeout: 120_000 });

/** Runs the real `kohtaanto` command in `dir` as a user would (through bin/, with tsx), with its own data folder. */
export function runKohtaanto(dir: string, ...args: string[]): { code: number | null; out: string; err: string } {
  return runKohtaantoIn({}, dir, ...args);
}

/**
 * As runKohtaanto, with a system locale: by default an English one, so that a test does not depend
 * on the machine's LANG (messages follow the locale when no --lang is given).
 */
export function runKohtaantoIn(locale: { LANG?: string; LC_ALL?: string }, dir: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kohtaanto.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, KOHTAANTO_DATA_DIR: path.join(dir, 'data'), LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...locale },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
