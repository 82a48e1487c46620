import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from './workspace';
import { tempDir } from '../test/tmp';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROOT = path.resolve(__dirname, '../../..');

describe('nothing acknowledged is lost', () => {
  it('keeps every acknowledged edit when the process is killed with SIGKILL mid-stream', async () => {
    const file = path.join(dir, 'crash.kohtaanto');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-writer.fixture.ts'), file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (acked.length >= 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => (acked.length >= 300 ? resolve() : reject(new Error(`writer exited early: ${stderr}`))));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(child.signalCode).toBe('SIGKILL');

    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const ws = Workspace.open(file);
    const ids = new Set(ws.listEntities().map((e) => e.id));
    const missing = acked.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    // Every acknowledged edit also has its undo record.
    expect(ws.historyState().canUndo).toBe(true);
    ws.close();
  }, 60_000);
});
