/**
 * Participants' course files received live through a workshop session (issue 11, "Collect").
 * Each file is checked exactly as a dropped one is (collectOne: a workspace of a schema this app
 * reads, a copy of this pack, not of a newer revision) before anything is kept; a refused file
 * leaves nothing behind. Kept files live in the session's own folder under the app's data folder,
 * one per participant (the latest wins), named by the server; nothing here is ever served by path.
 * The folder goes when the session ends with nothing received, when the trainer clears the
 * files or starts receiving for another pack, and when the app exits (the trainer's table goes
 * with it). One left over by an app that did not exit cleanly goes when receiving starts again
 * after LEFTOVER_MS (not sooner: another app on the same data folder may be receiving into it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CollectRow, InboxState } from '../../../shared/api/course';
import type { CoursePack } from '../../../shared/course/types';
import type { AppContext } from '../context';
import type { WorkshopHub } from '../workshop/hub';
import { refuse, type Person, type WorkshopSession } from '../workshop/session';
import { collectOne, IndexCache } from './results';
import { errorText } from './text';

/** The folder under the app's data folder that holds each session's received files. */
export const INBOX_ROOT = 'workshop-course-files';

/** A session folder this old that no inbox of this process holds is left over from an earlier run. */
export const LEFTOVER_MS = 12 * 60 * 60 * 1000;

/** Every SQLite database file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

interface Entry {
  file: string;
  row: CollectRow;
}

export class CourseInbox {
  readonly dir: string;
  private readonly entries = new Map<string, Entry>();
  private readonly indexes = new IndexCache();
  receiving = true;
  private unsubscribe: () => void = () => undefined;

  constructor(
    readonly session: WorkshopSession,
    readonly pack: CoursePack,
    root: string,
    private readonly opts: { nativeBinding?: string; now: () => Date; onEmptyEnd: () => void },
  ) {
    this.dir = path.join(root, session.id);
    fs.mkdirSync(this.dir, { recursive: true });
    removeOnExit(this.dir);
    // The session's end (as the facilitator sees it: every stream closes) stops receiving; with
    // nothing received the folder goes at once, otherwise it stays while the trainer's table has it.
    this.unsubscribe = session.subscribe(
      {
        viewer: { kind: 'facilitator' },
        send: () => undefined,
        close: () => {
          this.receiving = false;
          if (!this.entries.size) this.opts.onEmptyEnd();
        },
      },
      session.lastEventId,
    ).unsubscribe;
  }

  /** Whether `session` may send to this inbox now. */
  accepts(session: WorkshopSession): boolean {
    return this.receiving && !session.ended && session === this.session;
  }

  /**
   * Checks a participant's file and, when it is a copy of this pack, keeps it (replacing their
   * earlier one) and returns its row; otherwise refuses with the row's code and keeps nothing.
   */
  receive(person: Person, bytes: Buffer): CollectRow {
    if (!this.accepts(this.session)) throw refuse('notCollecting', 'The trainer is not receiving course files in this session now.');
    if (bytes.length < SQLITE_HEADER.length || !bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
      throw courseRefusal('notWorkspace', {});
    }
    const receivedAt = this.opts.now().toISOString();
    // The server's own name: the participant's id (from the session) and the time, nothing of theirs.
    const name = `${person.id}-${receivedAt.replace(/[^0-9TZ]/g, '')}.kohtaanto`;
    const row = collectOne(this.pack, { name, bytes }, { nativeBinding: this.opts.nativeBinding, indexes: this.indexes });
    if (row.error) throw courseRefusal(row.error.code, row.error.params);
    const file = path.join(this.dir, name);
    const part = `${file}.part`;
    fs.writeFileSync(part, bytes);
    fs.renameSync(part, file);
    const before = this.entries.get(person.id);
    if (before && before.file !== file) fs.rmSync(before.file, { force: true });
    const counted: CollectRow = { ...row, source: { participantId: person.id, name: person.name, receivedAt } };
    this.entries.set(person.id, { file, row: counted });
    this.session.courseReceived(person, counted);
    return counted;
  }

  rows(): CollectRow[] {
    return [...this.entries.values()].map((e) => e.row);
  }

  /** A received file's bytes (for a comparison), under the name its row shows. */
  fileOf(participantId: string): { name: string; bytes: Buffer } {
    const e = this.entries.get(participantId);
    if (!e) throw refuse('notFound', `No course file from ${participantId}.`);
    return { name: e.row.file, bytes: fs.readFileSync(e.file) };
  }

  dispose(): void {
    liveDirs.delete(this.dir);
    this.unsubscribe();
    this.receiving = false;
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function courseRefusal(code: string, params: Record<string, string | number>) {
  return refuse('courseFile', errorText(code, params, 'en'), { code, params });
}

/** Session folders this process holds: removed when it exits. */
const liveDirs = new Set<string>();
let exitHooked = false;
function removeOnExit(dir: string): void {
  liveDirs.add(dir);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const d of liveDirs) fs.rmSync(d, { recursive: true, force: true });
  });
}

/** Removes session folders left over by earlier runs (see LEFTOVER_MS). */
function sweepLeftovers(root: string, nowMs: number): void {
  if (!fs.existsSync(root)) return;
  for (const d of fs.readdirSync(root)) {
    const dir = path.join(root, d);
    if (liveDirs.has(dir)) continue;
    try {
      if (nowMs - fs.statSync(dir).mtimeMs > LEFTOVER_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* gone meanwhile */
    }
  }
}

const inboxes = new WeakMap<WorkshopHub, CourseInbox>();

/** The inbox of the app's workshop hub, if the trainer started one (the participant door asks). */
export function inboxOf(hub: WorkshopHub): CourseInbox | undefined {
  return inboxes.get(hub);
}

function drop(hub: WorkshopHub): void {
  const inbox = inboxes.get(hub);
  inboxes.delete(hub);
  inbox?.dispose();
}

/**
 * Starts receiving copies of `pack` in the running session. The same pack again keeps what was
 * received; another pack (or another session) starts afresh, and folders left by earlier runs go.
 */
export function startInbox(ctx: AppContext, hub: WorkshopHub, pack: CoursePack): CourseInbox {
  const session = hub.requireSession();
  const root = path.join(ctx.dataDir, INBOX_ROOT);
  let inbox = inboxes.get(hub);
  const same = inbox && inbox.session === session && inbox.pack.manifest.id === pack.manifest.id && inbox.pack.manifest.revision === pack.manifest.revision;
  if (!same) {
    drop(hub);
    sweepLeftovers(root, Date.now());
    inbox = new CourseInbox(session, pack, root, {
      nativeBinding: ctx.nativeBinding,
      now: ctx.now,
      onEmptyEnd: () => {
        if (inboxes.get(hub) === inbox) drop(hub);
      },
    });
    inboxes.set(hub, inbox);
  }
  inbox!.receiving = true;
  session.setCourseCollecting({ packId: pack.manifest.id, revision: pack.manifest.revision, title: pack.manifest.title });
  return inbox!;
}

/** Stops receiving; `clear` also deletes what was received. */
export function stopInbox(hub: WorkshopHub, clear: boolean): void {
  const inbox = inboxes.get(hub);
  if (inbox) inbox.receiving = false;
  if (hub.session && !hub.session.ended) hub.session.setCourseCollecting(null);
  if (clear) drop(hub);
}

export function inboxState(hub: WorkshopHub): InboxState {
  const s = hub.session;
  const inbox = inboxes.get(hub);
  return {
    session: s ? { id: s.id, title: s.settings.title } : null,
    pack: inbox ? { id: inbox.pack.manifest.id, revision: inbox.pack.manifest.revision, sessionId: inbox.session.id } : null,
    receiving: !!inbox && inbox.accepts(inbox.session),
    rows: inbox?.rows() ?? [],
  };
}
