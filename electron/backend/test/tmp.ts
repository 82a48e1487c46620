import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Registry } from '../registry';

/** A fresh temp folder per test, removed afterwards by the caller's afterEach. */
export function tempDir(prefix = 'kohtaanto-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh temp folder and a workspace path in it (`w.kohtaanto`, not created) for each test of
 * the calling file, removed after each; read them through the getters inside a test.
 */
export function workspaceFileEach(): { readonly dir: string; readonly file: string } {
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    get file() {
      return path.join(dir, 'w.kohtaanto');
    },
  };
}

/** A fixed clock, so that stored timestamps are predictable. */
export const fixedNow = () => new Date('2026-01-15T10:00:00.000Z');

/** Calls a method through the registry and unwraps its value; a refusal throws with its code and message. */
export async function callOk<T = unknown>(registry: Pick<Registry, 'call'>, method: string, input: unknown = {}): Promise<T> {
  const r = await registry.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
