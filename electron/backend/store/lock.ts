import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CodedMessage } from '../../../shared/api/messages';
import { codedError, said } from '../messages';

/** What a lock file beside a workspace says about the process that has the workspace open. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** The program and how it runs, e.g. "kohtaanto serve" or "Kohtaanto (desktop app)". */
  owner: string;
  startedAt: string;
  /** When the holder's machine booted: a pid recorded before a restart names some other process now. */
  bootedAt: string;
  /** Tells this holder's lock from a later one with the same pid. */
  token: string;
}

export function lockPathOf(file: string): string {
  return `${file}.lock`;
}

/** Locks this process holds, by lock path: a lock naming our own pid but not listed here was left by an earlier process. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lock: string): { raw: string; holder?: LockHolder; mtimeMs: number } | undefined {
  try {
    const raw = fs.readFileSync(lock, 'utf8');
    const mtimeMs = fs.statSync(lock).mtimeMs;
    try {
      const h = JSON.parse(raw) as LockHolder;
      if (typeof h.pid === 'number' && typeof h.hostname === 'string') return { raw, holder: h, mtimeMs };
    } catch {
      // Unreadable content: judged by age below.
    }
    return { raw, mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Whether a lock can be taken over: its process is gone (crash, kill -9, power loss). */
function isStale(lock: string, found: { holder?: LockHolder; mtimeMs: number }): boolean {
  const h = found.holder;
  // A lock file without readable content is one whose writer died between creating and filling it.
  if (!h) return Date.now() - found.mtimeMs > 10_000;
  if (h.hostname !== os.hostname()) return false;
  if (h.bootedAt && Math.abs(Date.parse(h.bootedAt) - bootTime()) > 120_000) return true;
  if (h.pid === process.pid) return held.get(lock) !== h.token;
  return !isAlive(h.pid);
}

/**
 * Moves a stale lock aside and deletes it, unless another process replaced it in the meantime
 * (two openers recovering the same stale lock at once): that fresh lock is put back.
 */
function breakStale(lock: string, staleRaw: string): void {
  const aside = `${lock}.${process.pid}.${randomUUID().slice(0, 8)}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (fs.readFileSync(aside, 'utf8') !== staleRaw) {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // Yet another opener holds it now; the one moved aside has lost anyway.
    }
  }
  fs.rmSync(aside, { force: true });
}

function heldMessage(file: string, lock: string, h: LockHolder | undefined): CodedMessage {
  const name = path.basename(file);
  if (!h) return said('file.lockOpening', { file: name });
  const at = { file: name, owner: h.owner, pid: h.pid, since: h.startedAt };
  if (h.hostname !== os.hostname()) return said('file.lockedElsewhere', { ...at, host: h.hostname, lock });
  return said(h.pid === process.pid ? 'file.lockedHereSelf' : 'file.lockedHere', at);
}

function releaseAllOnExit(): void {
  for (const [lock, token] of held) releaseIfOurs(lock, token);
  held.clear();
}

function releaseIfOurs(lock: string, token: string): void {
  try {
    const found = readHolder(lock);
    if (found?.holder?.token === token) fs.rmSync(lock, { force: true });
  } catch {
    // Leaving a lock behind is recoverable: the next opener finds its process gone.
  }
}

/**
 * Takes the write lock of a workspace file: `<file>.lock`, created atomically, naming this
 * process. Refuses with `workspace_locked` (holder in details) when a live process has it.
 * Returns the function that releases it.
 */
export function acquireLock(file: string, owner: string, now: () => Date = () => new Date()): () => void {
  const lock = lockPathOf(file);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    owner,
    startedAt: now().toISOString(),
    bootedAt: new Date(bootTime()).toISOString(),
    token: randomUUID(),
  };
  const text = `${JSON.stringify(holder, null, 2)}\n`;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw codedError('io_error', said('file.lockCreate', { lock, reason: (err as Error).message }));
      const found = readHolder(lock);
      if (!found) continue; // released just now
      if (attempt < 3 && isStale(lock, found)) {
        breakStale(lock, found.raw);
        continue;
      }
      const h = found.holder;
      throw codedError('workspace_locked', heldMessage(file, lock, h), {
        details: { lockFile: lock, holder: h ? { pid: h.pid, hostname: h.hostname, owner: h.owner, startedAt: h.startedAt } : null },
      });
    }
    try {
      // No fsync: a lock lost or left empty by a power cut is recovered like any stale one.
      fs.writeSync(fd, text);
      fs.closeSync(fd);
    } catch (err) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already closed: only the write failed.
      }
      fs.rmSync(lock, { force: true });
      throw codedError('io_error', said('file.lockWrite', { lock, reason: (err as Error).message }));
    }
    break;
  }
  held.set(lock, holder.token);
  if (!exitHookInstalled) {
    // A normal exit that skipped close() (an error, process.exit) still leaves no lock behind.
    process.on('exit', releaseAllOnExit);
    exitHookInstalled = true;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (held.get(lock) === holder.token) held.delete(lock);
    releaseIfOurs(lock, holder.token);
  };
}

/** Who holds the file's lock now, if a live process does (for read-only opens to say so). */
export function currentHolder(file: string): LockHolder | undefined {
  const lock = lockPathOf(file);
  const found = readHolder(lock);
  if (!found?.holder || isStale(lock, found)) return undefined;
  return found.holder;
}
