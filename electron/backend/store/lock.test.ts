import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/result';
import { lockPathOf } from './lock';
import { validEntity, Workspace } from './workspace';
import { tempDir } from '../test/tmp';

let dir: string;
let children: ChildProcess[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

const ROOT = path.resolve(__dirname, '../../..');

/** Starts lock-holder.fixture.ts; `lines` collects its stdout lines as they arrive. */
function fixture(mode: 'hold' | 'exit' | 'busy', file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'lock-holder.fixture.ts'), mode, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let stderr = '';
  let buf = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  /** Resolves once `pred` holds for the lines so far. */
  const until = (pred: (l: string[]) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const tick = () => {
        if (pred(lines)) return resolve();
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`fixture ${mode} ended early: ${stderr}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  return { child, lines, until, exited };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('one writing process per workspace file', () => {
  it('refuses a second process while another writes, names the holder, loses nothing, and recovers the lock after kill -9', async () => {
    const file = path.join(dir, 'shared.kohtaanto');
    const holder = fixture('hold', file);
    await holder.until((l) => l.filter((x) => x.startsWith('ack ')).length >= 50);

    const err = refusal(() => Workspace.open(file));
    expect(err.code).toBe('workspace_locked');
    expect(err.message).toMatch(new RegExp(`shared\\.kohtaanto is already open in kohtaanto serve \\(process ${holder.child.pid} on this computer, since \\d{4}-`));
    expect(err.details).toMatchObject({ holder: { pid: holder.child.pid, hostname: os.hostname(), owner: 'kohtaanto serve' }, lockFile: `${file}.lock` });

    // Reading is still possible, and says it is read-only; writing through it is refused.
    const reader = Workspace.open(file, { readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.listEntities().length).toBeGreaterThanOrEqual(50);
    expect(refusal(() => reader.edit('x', (tx) => tx.putEntity(validEntity({ id: 'mine', kind: 'service', name: { fi: 'Oma' } })))).code).toBe('workspace_locked');
    reader.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(true);

    await holder.until((l) => l.filter((x) => x.startsWith('ack ')).length >= 300);
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(holder.child.signalCode).toBe('SIGKILL');
    const acked = holder.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
    // The crashed process left its lock behind …
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(holder.child.pid);

    // … which the next opener recovers by itself, finding every acknowledged edit.
    const ws = Workspace.open(file, { owner: 'the test' });
    const lock = JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, owner: 'the test', hostname: os.hostname() });
    const ids = new Set(ws.listEntities().map((e) => e.id));
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    ws.edit('after recovery', (tx) => tx.putEntity(validEntity({ id: 'after', kind: 'service', name: { fi: 'Jälkeen' } })));
    ws.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);

  it('leaves no lock behind when a process exits normally without closing the file', async () => {
    const file = path.join(dir, 'exit.kohtaanto');
    const p = fixture('exit', file);
    await p.exited;
    expect(p.child.exitCode).toBe(0);
    expect(p.lines).toEqual(['open']);
    expect(fs.readdirSync(dir).sort()).toEqual(['exit.kohtaanto']);
    Workspace.open(file).close();
  }, 30_000);

  it('waits for a busy file instead of failing at once: edits, undo and redo use immediate transactions', async () => {
    const file = path.join(dir, 'busy.kohtaanto');
    const ws = Workspace.open(file, { create: true });
    ws.edit('one', (tx) => tx.putEntity(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Kela' } })));
    for (const step of ['edit', 'undo', 'redo'] as const) {
      // Another SQLite connection (not Kohtaanto: that would be refused) holds the write lock for 600 ms.
      const busy = fixture('busy', file);
      await busy.until((l) => l.includes('locked'));
      const t = performance.now();
      // Reads before it writes: under a deferred transaction this failed at once with "database is locked".
      if (step === 'edit') ws.edit('rename', (tx) => tx.putEntity({ ...tx.getEntity('o1')!, name: { fi: 'Kansaneläkelaitos' } }));
      else if (step === 'undo') ws.undo();
      else ws.redo();
      expect(performance.now() - t).toBeGreaterThan(100);
      await busy.exited;
    }
    expect(ws.getEntity('o1')?.name.fi).toBe('Kansaneläkelaitos');
    ws.close();
  }, 60_000);

  it('refuses a second open in the same process, and lets the file go on close', () => {
    const file = path.join(dir, 'same.kohtaanto');
    const ws = Workspace.open(file, { create: true, owner: 'the Kohtaanto app' });
    const err = refusal(() => Workspace.open(file));
    expect(err.code).toBe('workspace_locked');
    expect(err.message).toMatch(/already open in the Kohtaanto app \(this program\)/);
    ws.close();
    expect(fs.existsSync(lockPathOf(file))).toBe(false);
    Workspace.open(file).close();
  });

  it('recovers a lock of an earlier process with this same pid, of a process from before a restart, and an empty lock file left by a crash', () => {
    const file = path.join(dir, 'stale.kohtaanto');
    Workspace.open(file, { create: true }).close();
    const lock = lockPathOf(file);
    const base = { hostname: os.hostname(), owner: 'kohtaanto serve', startedAt: '2026-01-01T00:00:00.000Z', token: 'old' };
    const bootedAt = new Date(Date.now() - os.uptime() * 1000).toISOString();

    fs.writeFileSync(lock, JSON.stringify({ ...base, pid: process.pid, bootedAt }));
    Workspace.open(file).close();
    expect(fs.existsSync(lock)).toBe(false);

    // pid 1 is alive, but the lock was written before this machine last started.
    fs.writeFileSync(lock, JSON.stringify({ ...base, pid: 1, bootedAt: '2020-01-01T00:00:00.000Z' }));
    Workspace.open(file).close();
    expect(fs.existsSync(lock)).toBe(false);

    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    Workspace.open(file).close();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('refuses a lock held by a live process, and one held on another computer, naming it', () => {
    const file = path.join(dir, 'held.kohtaanto');
    Workspace.open(file, { create: true }).close();
    const lock = lockPathOf(file);
    const bootedAt = new Date(Date.now() - os.uptime() * 1000).toISOString();
    // pid 1 (init) is always alive.
    fs.writeFileSync(lock, JSON.stringify({ pid: 1, hostname: os.hostname(), owner: 'the Kohtaanto app', startedAt: '2026-11-30T08:00:00.000Z', bootedAt, token: 't' }));
    expect(refusal(() => Workspace.open(file)).message).toBe(
      'held.kohtaanto is already open in the Kohtaanto app (process 1 on this computer, since 2026-11-30T08:00:00.000Z). Only one program may write to a workspace at a time. Close it there first.',
    );
    fs.writeFileSync(lock, JSON.stringify({ pid: 4242, hostname: 'fasilitaattorin-kone', owner: 'kohtaanto serve', startedAt: '2026-11-30T08:00:00.000Z', bootedAt, token: 't' }));
    const remote = refusal(() => Workspace.open(file));
    expect(remote.code).toBe('workspace_locked');
    expect(remote.message).toMatch(/process 4242 on the computer "fasilitaattorin-kone".*delete .*held\.kohtaanto\.lock/);
    // Refused opens touch nothing: the lock is still the holder's.
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(4242);
  });
});
