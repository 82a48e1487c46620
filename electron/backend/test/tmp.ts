import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp folder per test, removed afterwards by the caller's afterEach. */
export function tempDir(prefix = 'kohtaanto-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fixed clock, so that stored timestamps are predictable. */
export const fixedNow = () => new Date('2026-01-15T10:00:00.000Z');
