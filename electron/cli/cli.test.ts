import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../backend/test/tmp';
import { runKohtaanto } from './run-cli.testkit';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const kohtaanto = (...args: string[]) => runKohtaanto(dir, ...args);

describe('the kohtaanto CLI', () => {
  it('creates the example workspace and reports its counts as JSON', () => {
    const made = kohtaanto('new', 'x.kohtaanto', '--example');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const info = kohtaanto('info', 'x.kohtaanto', '--json');
    expect(info.code).toBe(0);
    const j = JSON.parse(info.out);
    expect(j.schemaVersion).toBeGreaterThanOrEqual(20);
    expect(j.entities.organisation).toBeGreaterThanOrEqual(8);
    expect(j.entities.service).toBeGreaterThanOrEqual(25);
    expect(j.entities.need).toBeGreaterThanOrEqual(10);
    expect(j.entities.persona).toBeGreaterThanOrEqual(4);
    expect(j.links.provides).toBeGreaterThan(0);
    expect(j.title.fi).toMatch(/Nuoret/);
    const text = kohtaanto('info', 'x.kohtaanto');
    expect(text.out).toMatch(/schema version: \d+/);
  });

  it('refuses to overwrite an existing file', () => {
    expect(kohtaanto('new', 'a.kohtaanto').code).toBe(0);
    const again = kohtaanto('new', 'a.kohtaanto');
    expect(again.code).toBe(1);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('prints one clear line and exits non-zero on errors', () => {
    fs.writeFileSync(path.join(dir, 'notes.kohtaanto'), 'hello');
    const notDb = kohtaanto('info', 'notes.kohtaanto');
    expect(notDb.code).toBe(1);
    expect(notDb.err.trim()).toBe('kohtaanto info: notes.kohtaanto is not a Kohtaanto workspace (not an SQLite file).');
    const missing = kohtaanto('info', 'nope.kohtaanto');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No workspace at/);
    const usage = kohtaanto('info');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Expected exactly one FILE/);
    const unknown = kohtaanto('frobnicate');
    expect(unknown.code).toBe(2);
    const badPort = kohtaanto('serve', '--port', 'abc');
    expect(badPort.code).toBe(2);
    expect(badPort.err).toMatch(/--port must be a number/);
  });

  it('has --help for every command', () => {
    for (const cmd of ['new', 'info', 'serve']) {
      const r = kohtaanto(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: kohtaanto ${cmd}`));
    }
    expect(kohtaanto('--help').out).toMatch(/Commands:/);
  });

  it.skipIf(!fs.existsSync(path.resolve(ROOT, '../shared/data')))('imports real PTV files and exports them again (reads ../shared/data)', () => {
    const data = path.resolve(ROOT, '../shared/data/ptv');
    expect(kohtaanto('new', 'p.kohtaanto').code).toBe(0);
    const services = fs.readdirSync(path.join(data, 'legacy/services')).slice(0, 20).map((f) => path.join(data, 'legacy/services', f));
    const first = kohtaanto('import', 'p.kohtaanto', ...services, '--json');
    expect(first.code).toBe(0);
    const r = JSON.parse(first.out);
    expect(r.created.service).toBe(20);
    const again = kohtaanto('import', 'p.kohtaanto', ...services, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ created: { service: 0 }, updated: { service: 0 }, unchanged: { service: 20 } });
    const text = kohtaanto('import', 'p.kohtaanto', path.join(data, 'v11/service-etalukio.json'));
    // The app's import summary as a table: kinds by created, updated and unchanged.
    expect(text.out).toMatch(/^What\s+Created\s+Updated\s+Unchanged$/m);
    expect(text.out).toMatch(/^Services\s+1\s+0\s+0$/m);
    for (const format of ['json', 'xlsx', 'graphml', 'gexf']) {
      const out = kohtaanto('export', 'p.kohtaanto', '--format', format, '--out', `p.${format}`);
      expect(out.code).toBe(0);
      expect(fs.statSync(path.join(dir, `p.${format}`)).size).toBeGreaterThan(100);
    }
    expect(kohtaanto('export', 'p.kohtaanto', '--format', 'csv', '--out', 'csv').code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'csv'))).toContain('links.csv');
  });

  it('import and export refuse bad arguments with one line', () => {
    expect(kohtaanto('new', 'q.kohtaanto').code).toBe(0);
    const noInput = kohtaanto('import', 'q.kohtaanto');
    expect(noInput.code).toBe(2);
    expect(noInput.err).toMatch(/at least one INPUT/);
    const badFormat = kohtaanto('export', 'q.kohtaanto', '--format', 'pdf', '--out', 'x');
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toMatch(/--format must be one of json, csv, xlsx, graphml, gexf/);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"id": ');
    const stop = kohtaanto('import', 'q.kohtaanto', 'broken.json', '--on-error', 'stop');
    expect(stop.code).toBe(1);
    expect(stop.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses writing commands on a file another process has open, naming it, while info still reads it', async () => {
    const file = path.join(dir, 'auki.kohtaanto');
    // A stand-in for `kohtaanto serve auki.kohtaanto`: holds the file and keeps writing to it.
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/backend/store/lock-holder.fixture.ts'), 'hold', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('ack srv-10') && resolve());
        holder.once('exit', () => reject(new Error('holder ended early')));
      });
      fs.writeFileSync(path.join(dir, 'in.json'), '{}');
      const message = new RegExp(`auki\\.kohtaanto is already open in kohtaanto serve \\(process ${holder.pid} on this computer, since [0-9T:.-]+Z\\)\\. Only one program may write to a workspace at a time\\.`);
      const imp = kohtaanto('import', 'auki.kohtaanto', 'in.json');
      expect(imp.code).toBe(1);
      expect(imp.err.trim().split('\n')).toHaveLength(1);
      expect(imp.err).toMatch(message);
      const match = kohtaanto('match', 'auki.kohtaanto');
      expect(match.code).toBe(1);
      expect(match.err).toMatch(message);

      const info = kohtaanto('info', 'auki.kohtaanto', '--json');
      expect(info.code).toBe(0);
      expect(info.err).toMatch(new RegExp(`note: auki\\.kohtaanto is open for writing in kohtaanto serve \\(process ${holder.pid}\\); reading it read-only`));
      expect(JSON.parse(info.out).entities.service).toBeGreaterThanOrEqual(10);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('close', r));
    }
    // Its process gone, the file is free again.
    expect(kohtaanto('import', 'auki.kohtaanto', 'in.json').err).not.toMatch(/already open/);
  }, 60_000);
});
