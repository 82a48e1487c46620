import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { fixedNow, tempDir } from '../test/tmp';
import { createWorkspaceFile, openAsCurrent } from './workspace';

let dir: string;
const contexts: AppContext[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const c of contexts.splice(0)) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function backend(mode: 'desktop' | 'browser', dataDir = path.join(dir, `data-${mode}`)): { ctx: AppContext; registry: Registry } {
  const b = createBackend({ dataDir, mode, now: fixedNow });
  contexts.push(b.ctx);
  return b;
}

/** A Kohtaanto file made outside any data folder, as another tool or an earlier session would. */
function workspaceAt(file: string): string {
  const { ctx } = backend('desktop', path.join(dir, 'maker'));
  createWorkspaceFile(ctx, { path: file, name: 'Muualla' }).close();
  return file;
}

/** Every entry of a folder (recursively) with its size and mtime, to show that nothing was touched. */
function listing(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const st = fs.statSync(path.join(root, name));
    out[name] = `${st.isDirectory() ? 'dir' : st.size}@${st.mtimeMs}`;
  }
  return out;
}

describe('paths the workspace API takes', () => {
  it('refuses NUL and other control characters in a path, before SQLite could cut the name short', async () => {
    // Another program's database: "f.db\0" would have opened (and filled) this file.
    const foreign = path.join(dir, 'f.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (t TEXT)');
    db.close();
    const before = fs.readFileSync(foreign);
    const files = listing(dir);

    for (const mode of ['desktop', 'browser'] as const) {
      const { registry } = backend(mode);
      for (const bad of [`${foreign}\u0000`, `${foreign}\u0000.kohtaanto`, path.join(dir, 'a\nb.kohtaanto'), path.join(dir, 'tab\t.kohtaanto'), path.join(dir, 'c1\u0085.kohtaanto')]) {
        for (const method of ['workspace.create', 'workspace.open'] as const) {
          const r = await registry.call(method, { path: bad });
          expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(JSON.stringify(r)).toMatch(/control characters/);
        }
      }
    }
    // The command line's door (no contract schema in front of it) refuses them as well.
    expect(() => createWorkspaceFile(backend('desktop').ctx, { path: `${foreign}\u0000` })).toThrow(/control characters/);
    expect(fs.readFileSync(foreign)).toEqual(before);
    const after = listing(dir);
    for (const name of Object.keys(files)) expect(after[name]).toBe(files[name]);
    expect(Object.keys(after).filter((n) => n.startsWith('f.db') || n.includes('kohtaanto'))).toEqual(['f.db']);
  });

  it('answers a clear io_error, not a server error, when the folder cannot be made (its parent is a file), and creates nothing', async () => {
    const { registry } = backend('desktop');
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'not a folder');
    const before = listing(dir);
    const r = await registry.call('workspace.create', { path: path.join(dir, 'plain.txt', 'sub', 'x.kohtaanto') });
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    expect(JSON.stringify(r)).toMatch(/Cannot create the folder for .*x\.kohtaanto/);
    expect(listing(dir)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'plain.txt'), 'utf8')).toBe('not a folder');
  });
});

describe('browser mode keeps API paths in the workspaces folder or the recent list', () => {
  it('opens and creates inside the workspaces folder; creating by name alone still works', async () => {
    const { ctx, registry } = backend('browser');
    const named = await registry.call('workspace.create', { name: 'Työpaja' });
    expect(named).toMatchObject({ ok: true, value: { path: path.join(ctx.workspacesDir, 'Tyopaja.kohtaanto'), readOnly: false } });
    const inside = path.join(ctx.workspacesDir, 'sub', 'toinen.kohtaanto');
    expect(await registry.call('workspace.create', { path: inside })).toMatchObject({ ok: true, value: { path: inside } });
    expect(await registry.call('workspace.open', { path: path.join(ctx.workspacesDir, 'Tyopaja.kohtaanto') })).toMatchObject({ ok: true });
  });

  it('refuses paths outside it, also through "..", a symlinked file or a symlinked folder, and touches nothing', async () => {
    const { ctx, registry } = backend('browser');
    const outside = workspaceAt(path.join(dir, 'elsewhere', 'salainen.kohtaanto'));
    fs.symlinkSync(outside, path.join(ctx.workspacesDir, 'linkki.kohtaanto'));
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(ctx.workspacesDir, 'kansio'));
    const before = listing(dir);
    const attempts: [string, string][] = [
      ['workspace.open', outside],
      ['workspace.open', path.join(ctx.workspacesDir, '..', '..', 'elsewhere', 'salainen.kohtaanto')],
      ['workspace.open', path.join(ctx.workspacesDir, 'linkki.kohtaanto')],
      ['workspace.open', path.join(ctx.workspacesDir, 'kansio', 'salainen.kohtaanto')],
      ['workspace.create', path.join(dir, 'elsewhere', 'uusi.kohtaanto')],
      ['workspace.create', path.join(ctx.workspacesDir, 'kansio', 'uusi.kohtaanto')],
      ['workspace.create', path.join(ctx.workspacesDir, '..', 'uusi.kohtaanto')],
      ['workspace.create', '/tmp/kohtaanto-should-never-exist.kohtaanto'],
      // An existing file outside: refused for where it is, not answered "already exists".
      ['workspace.create', outside],
    ];
    for (const [method, p] of attempts) {
      const r = await registry.call(method, { path: p });
      expect(r, `${method} ${p}`).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { reason: 'path.outsideWorkspaces' } } });
    }
    expect(ctx.workspace).toBeNull();
    expect(listing(dir)).toEqual(before);
    expect(fs.existsSync('/tmp/kohtaanto-should-never-exist.kohtaanto')).toBe(false);
  });

  it('opens a file on the recent list wherever it is; `serve FILE` (trusted) puts it there', async () => {
    const { ctx, registry } = backend('browser');
    const outside = workspaceAt(path.join(dir, 'elsewhere', 'oma.kohtaanto'));
    expect(await registry.call('workspace.open', { path: outside })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // What `kohtaanto serve FILE` does with the FILE on its command line.
    expect(openAsCurrent(ctx, outside)).toMatchObject({ path: outside, readOnly: false });
    expect(await registry.call('workspace.create', { name: 'Toinen' })).toMatchObject({ ok: true });
    expect(await registry.call('workspace.open', { path: outside })).toMatchObject({ ok: true, value: { path: outside } });
    // Opening the file this program already has open is a no-op, not a lock conflict.
    expect(await registry.call('workspace.open', { path: outside })).toMatchObject({ ok: true, value: { path: outside } });
    expect(ctx.workspace?.path).toBe(outside);
  });

  it('leaves the desktop app (paths from its own dialogs) free to open and create anywhere', async () => {
    const { registry } = backend('desktop');
    const outside = workspaceAt(path.join(dir, 'elsewhere', 'vapaa.kohtaanto'));
    expect(await registry.call('workspace.open', { path: outside })).toMatchObject({ ok: true });
    expect(await registry.call('workspace.create', { path: path.join(dir, 'elsewhere', 'uusi.kohtaanto') })).toMatchObject({ ok: true });
  });
});

describe('workspace.open of a file another opener holds', () => {
  it('is refused with workspace_locked naming the holder, and the current workspace stays open', async () => {
    const first = backend('desktop');
    const file = path.join(dir, 'yhteinen.kohtaanto');
    expect(await first.registry.call('workspace.create', { path: file })).toMatchObject({ ok: true });
    const second = backend('desktop', path.join(dir, 'data-second'));
    const own = await second.registry.call('workspace.create', { name: 'Oma' });
    expect(own.ok).toBe(true);
    const r = await second.registry.call('workspace.open', { path: file });
    expect(r).toMatchObject({ ok: false, error: { code: 'workspace_locked', details: { holder: { pid: process.pid, owner: 'the Kohtaanto app' } } } });
    expect(second.ctx.workspace?.path).toBe(path.join(second.ctx.workspacesDir, 'Oma.kohtaanto'));
    first.ctx.close();
    expect(await second.registry.call('workspace.open', { path: file })).toMatchObject({ ok: true, value: { path: file } });
  });
});
