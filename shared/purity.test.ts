import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ runs in the renderer and in Node: it may not import platform modules.
const FORBIDDEN = /from ['"](node:|fs['"]|path['"]|electron|react|better-sqlite3)/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('shared/ stays pure', () => {
  it('imports no node:, electron, react or better-sqlite3 module', () => {
    const offenders = sources(__dirname).filter((f) => FORBIDDEN.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(__dirname, f))).toEqual([]);
  });
  it('finds the files it checks', () => {
    expect(sources(__dirname).length).toBeGreaterThan(5);
  });
});
