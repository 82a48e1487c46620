// `kohtaanto serve FILE --workshop --interface ADDR` as a facilitator runs it: the session opens on
// the picked address (127.0.0.2 stands in for the room's network), participants join there with the
// printed code, the facilitator's API is not reachable there, and Ctrl+C ends the session, saves its
// record in the file and stops listening on that address.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'kohtaanto.mjs');
let dir: string;
let file: string;
let child: ChildProcess;
let out = '';

function post(base: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: `/w/api/${method}`, headers: { 'Content-Type': 'application/json', ...headers }, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-workshop-serve-'));
  file = path.join(dir, 'paja.kohtaanto');
  // An English terminal whatever this machine's locale: the test reads what the command prints.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', KOHTAANTO_DATA_DIR: path.join(dir, 'data'), KOHTAANTO_NO_BROWSER: '1' };
  expect(spawnSync(process.execPath, [BIN, 'new', file, '--example'], { env, encoding: 'utf8' }).status).toBe(0);
  child = spawn(process.execPath, [BIN, 'serve', file, '--port', '0', '--no-open', '--workshop', '--interface', '127.0.0.2', '--template', 'builtin-ecosystem'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no join code: ${out}`)), 60_000);
    const read = (c: Buffer) => {
      out += c.toString('utf8');
      if (/Join code: \w+/.test(out) && /Participants open \S+/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}, 90_000);
afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kohtaanto serve --workshop', () => {
  it('opens the session on the picked address, and Ctrl+C saves its record and stops listening there', async () => {
    const code = /Join code: (\w+)/.exec(out)![1];
    const joinUrl = /Participants open (\S+)/.exec(out)![1];
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/w\/$/);
    const joined = await post(joinUrl, 'participant.join', { code, displayName: 'Aino' });
    expect(joined.status).toBe(200);
    expect(joined.json.value.state.session.title).toBe('Elämäntapahtuman palveluekosysteemin kartoitus');
    const token = joined.json.value.token;
    const note = await post(joinUrl, 'participant.note', { stepId: 'needs', text: 'Asunto' }, { Authorization: `Bearer ${token}` });
    expect(note.status).toBe(200);
    const key = /X-Kohtaanto-Key: (\S+)/.exec(out)![1];
    const api = await new Promise<number>((resolve, reject) => {
      const u = new URL(joinUrl);
      const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: '/api/workspace.recent', headers: { 'Content-Type': 'application/json', 'X-Kohtaanto-Key': key }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(api).toBe(404);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/Workshop ended; its record rec-\S+ is saved in the workspace\./);
    await expect(post(joinUrl, 'participant.state', {}, { Authorization: `Bearer ${token}` })).rejects.toThrow(/ECONNREFUSED/);
    const info = spawnSync(process.execPath, [BIN, 'info', file, '--json'], { env: { ...process.env, KOHTAANTO_DATA_DIR: path.join(dir, 'data') }, encoding: 'utf8' });
    expect(JSON.parse(info.stdout).schemaVersion).toBeGreaterThanOrEqual(60);
    // The record is in the file itself.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT data FROM workshop_records').all() as { data: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].data).notes.map((n: { text: string }) => n.text)).toEqual(['Asunto']);
  }, 60_000);

  it('refuses workshop options without --workshop', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--interface', '127.0.0.2'], { encoding: 'utf8', env: { ...process.env, KOHTAANTO_DATA_DIR: path.join(dir, 'data2') } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--interface belongs to --workshop/);
  });
});
