/**
 * A second, real Kohtaanto process: `kohtaanto serve FILE` as a user starts it, in its own data
 * folder, serving that workspace's AuroraAI-compatible API on loopback. Used as the "remote"
 * recommender by the remote tests and the bench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'kohtaanto.mjs');

export interface Peer {
  /** Base URL (`http://127.0.0.1:PORT/`). */
  url: string;
  key: string;
  file: string;
  pid: number;
  stop(): Promise<void>;
}

/** Runs the real `kohtaanto` command (through bin/, as a user would) and returns its output. */
export function kohtaanto(dataDir: string, args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  // An English terminal whatever this machine's locale: the test reads what the command prints.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', KOHTAANTO_DATA_DIR: dataDir, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Makes `name.kohtaanto` holding the example workspace in a fresh folder; returns its path. */
export function exampleFile(name: string, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-peer-'))): string {
  const file = path.join(dir, `${name}.kohtaanto`);
  const r = kohtaanto(path.join(dir, 'data'), ['new', file, '--example']);
  if (r.code !== 0) throw new Error(`kohtaanto new failed: ${r.err}`);
  return file;
}

/** Starts `kohtaanto serve FILE --port 0 --no-open` and waits for the address it prints. */
export async function startPeer(file: string): Promise<Peer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-peer-data-'));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', file, '--port', '0', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const address = await new Promise<{ url: string; key: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kohtaanto serve did not start in 90 s:\n${out}\n${err}`)), 90_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)#k=([A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], key: m[2] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kohtaanto serve exited with ${code}:\n${out}\n${err}`));
    });
  });
  return {
    ...address,
    file,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
