// Participants' course files received live through a workshop session, over the real HTTP server
// on loopback: the upload door's refusals (nothing stored on any of them) and its success
// (stored under the server's own name, listed for the trainer, replaced on resend).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTICIPANT_COURSE_FILE, PARTICIPANT_COURSE_FILE_MAX } from '../../shared/api/participant';
import { UPLOADS_AT_ONCE } from './participant';
import type { CollectRow, InboxState } from '../../shared/api/course';
import { samplePack } from '../../shared/course/testkit';
import type { WorkshopEvent } from '../../shared/workshop/types';
import { createBackend } from '../backend';
import { INBOX_ROOT, LEFTOVER_MS } from '../backend/course/inbox';
import { writePack } from '../backend/course/pack';
import { createCopy } from '../backend/domains/course';
import { createWorkspaceFile } from '../backend/domains/workspace';
import { answerOf, EventReader, fcall, join, pcall, startRig, type Answer, type Rig } from './workshop.testkit';

let rig: Rig;
let base: string;
/** Copies made as participants would (course new-copy), by name. */
const copies: Record<string, Buffer> = {};

async function packFile(over: Parameters<typeof samplePack>[0] = {}) {
  return { name: 'kurssi.kohtaanto-course', dataBase64: Buffer.from(await writePack(samplePack(over))).toString('base64') };
}

/** A participant's copy made in its own app data folder, as its bytes. */
function copyOf(dir: string, participant: string, over: Parameters<typeof samplePack>[0] = {}): Buffer {
  const { ctx } = createBackend({ dataDir: path.join(dir, `copy-${participant}-${over.id ?? ''}-${over.revision ?? ''}`), mode: 'browser' });
  try {
    const file = createCopy(ctx, samplePack(over), participant);
    return fs.readFileSync(file);
  } finally {
    ctx.close();
  }
}

function plainWorkspace(dir: string): Buffer {
  const { ctx } = createBackend({ dataDir: path.join(dir, 'plain'), mode: 'browser' });
  try {
    const ws = createWorkspaceFile(ctx, { name: 'Tavallinen' });
    const file = ws.path;
    ws.close();
    return fs.readFileSync(file);
  } finally {
    ctx.close();
  }
}

/** POSTs bytes to the upload door; `declare` sends a Content-Length larger than what is written, and waits for the answer without finishing. */
function upload(token: string | undefined, bytes: Buffer, opts: { declare?: number; type?: string } = {}): Promise<Answer & { bodyComplete: boolean }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: PARTICIPANT_COURSE_FILE,
        agent: false,
        headers: {
          Host: u.host,
          'Content-Type': opts.type ?? 'application/octet-stream',
          'Content-Length': String(opts.declare ?? bytes.length),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) =>
        void answerOf(res).then((answer) => {
          resolve({ ...answer, bodyComplete: req.writableFinished });
          req.destroy();
        }, reject),
    );
    req.on('error', (e) => (opts.declare ? undefined : reject(e)));
    if (opts.declare) req.write(bytes);
    else req.end(bytes);
  });
}

const inboxDir = () => path.join(rig.ctx.dataDir, INBOX_ROOT);
/** Every file under the inbox folder, relative to it. */
function stored(): string[] {
  const root = inboxDir();
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

async function startSession() {
  return fcall<{ id: string; code: string }>(rig.registry, 'workshop.start', { settings: { title: 'Kurssipäivä' } });
}

describe('course files from a workshop session', () => {
  beforeEach(async () => {
    rig = await startRig({ hub: { limits: { writeBurst: 1000, writePerSecond: 1000, readBurst: 1000, readPerSecond: 1000 } } });
    base = rig.srv.url;
    if (!copies.aino) {
      copies.aino = copyOf(rig.dir, 'Aino Virtanen');
      copies.bertil = copyOf(rig.dir, 'Bertil');
      copies.other = copyOf(rig.dir, 'Cecilia', { id: 'other-pack' });
      copies.newer = copyOf(rig.dir, 'Daniel', { revision: 2 });
      copies.plain = plainWorkspace(rig.dir);
    }
  });
  afterEach(async () => {
    await rig.close();
  });

  it('refuses while the trainer is not receiving, and without a token or with a stranger\'s', async () => {
    const s = await startSession();
    const { token } = await join(base, s.code, 'Aino');
    const r = await upload(token, copies.aino);
    expect([r.status, r.body.ok || r.body.error.details.reason]).toEqual([409, 'notCollecting']);
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    for (const t of [undefined, 'not-a-token']) {
      const x = await upload(t, copies.aino);
      expect([x.status, x.body.ok || x.body.error.details.reason]).toEqual([401, 'badToken']);
    }
    // Not JSON's door: a JSON body is not a file.
    const j = await upload(token, Buffer.from('{}'), { type: 'application/json' });
    expect([j.status, j.body.ok || j.body.error.details.reason]).toEqual([400, 'invalid']);
    // An observer follows, and sends nothing.
    const obs = await join(base, s.code, 'Olli', { role: 'observer' });
    const o = await upload(obs.token, copies.aino);
    expect([o.status, o.body.ok || o.body.error.details.reason]).toEqual([403, 'observer']);
    // Stopped: refused again, and the page's state says so.
    await fcall(rig.registry, 'course.sessionStop', {});
    const after = await upload(token, copies.aino);
    expect([after.status, after.body.ok || after.body.error.details.reason]).toEqual([409, 'notCollecting']);
    expect(stored()).toEqual([]);
  });

  it('refuses a token of an earlier session', async () => {
    const first = await startSession();
    const old = await join(base, first.code, 'Aino');
    await fcall(rig.registry, 'workshop.end', { saveRecord: false });
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    const r = await upload(old.token, copies.aino);
    // Its token belongs to no running session: refused as any stranger's.
    expect([r.status, r.body.ok || r.body.error.details.reason]).toEqual([401, 'badToken']);
    const now = await join(base, s.code, 'Aino');
    expect((await upload(now.token, copies.aino)).status).toBe(200);
    expect(stored()).toHaveLength(1);
  });

  it('refuses a file over the limit with 413 before its body is read, and keeps nothing', async () => {
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    const { token } = await join(base, s.code, 'Aino');
    // Declared too large: answered at once, with only a few bytes sent of the 25 MB promised.
    const declared = await upload(token, copies.aino.subarray(0, 1024), { declare: 25 * 1024 * 1024 });
    expect([declared.status, declared.body.ok || declared.body.error.details.reason]).toEqual([413, 'tooLarge']);
    expect(declared.bodyComplete).toBe(false);
    expect(declared.headers.connection).toBe('close');
    // Just over the limit, all sent.
    const over = Buffer.concat([copies.aino, Buffer.alloc(PARTICIPANT_COURSE_FILE_MAX + 1 - copies.aino.length)]);
    const sent = await upload(token, over);
    expect([sent.status, sent.body.ok || sent.body.error.details.reason]).toEqual([413, 'tooLarge']);
    expect(stored()).toEqual([]);
    expect((await fcall<InboxState>(rig.registry, 'course.sessionInbox')).rows).toEqual([]);
  });

  it('refuses what is not a copy of this pack with its code and keeps nothing: not a workspace, not a copy, another pack, a newer revision', async () => {
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    const { token } = await join(base, s.code, 'Aino');
    const cases: [Buffer, string, Record<string, unknown>][] = [
      [Buffer.from('garbage, not a database'), 'notWorkspace', {}],
      // An SQLite header on something that is not a database underneath: damaged.
      [Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(4096, 7)]), 'damagedCopy', {}],
      [copies.plain, 'notCopy', {}],
      [copies.other, 'otherPack', { packId: 'other-pack' }],
      [copies.newer, 'newerRevision', { revision: 2, packRevision: 1 }],
    ];
    for (const [bytes, code, params] of cases) {
      const r = await upload(token, bytes);
      expect([code, r.status, r.body.ok || r.body.error.details.reason, r.body.ok || r.body.error.details.code]).toEqual([code, 422, 'courseFile', code]);
      if (!r.body.ok) expect(r.body.error.details.params).toMatchObject(params);
    }
    expect(stored()).toEqual([]);
    expect((await fcall<InboxState>(rig.registry, 'course.sessionInbox')).rows).toEqual([]);
  });

  it('counts the rate limit: a person sending too fast is refused with 429', async () => {
    await rig.close();
    rig = await startRig({ hub: { limits: { writeBurst: 2, writePerSecond: 0.01, readBurst: 1000, readPerSecond: 1000 } } });
    base = rig.srv.url;
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    const { token } = await join(base, s.code, 'Aino');
    expect((await upload(token, copies.aino)).status).toBe(200);
    expect((await upload(token, copies.aino)).status).toBe(200);
    const r = await upload(token, copies.aino);
    expect([r.status, r.body.ok || r.body.error.details.reason]).toEqual([429, 'rateLimited']);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('takes one file at a time from a person and a few at once in all; a slow sender does not block the rest for ever', async () => {
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    const people = await Promise.all(Array.from({ length: UPLOADS_AT_ONCE + 1 }, (_, i) => join(base, s.code, `Hidas ${i}`)));
    /** An upload whose body is still on its way (a slow phone). */
    const u = new URL(base);
    const stalled = people.slice(0, UPLOADS_AT_ONCE).map((p) => {
      const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: PARTICIPANT_COURSE_FILE, agent: false, headers: { Host: u.host, 'Content-Type': 'application/octet-stream', 'Content-Length': String(copies.aino.length), Authorization: `Bearer ${p.token}` } });
      req.on('error', () => undefined);
      req.write(copies.aino.subarray(0, 100));
      return req;
    });
    await new Promise((r) => setTimeout(r, 300));
    const again = await upload(people[0].token, copies.aino);
    expect([again.status, again.body.ok || again.body.error.details.reason, again.headers['retry-after']]).toEqual([429, 'rateLimited', '2']);
    const last = await upload(people[UPLOADS_AT_ONCE].token, copies.aino);
    expect([last.status, last.body.ok || last.body.error.details.reason]).toEqual([429, 'rateLimited']);
    // The slow ones give up: their places are free again, and nothing of theirs was kept.
    for (const r of stalled) r.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect(stored()).toEqual([]);
    expect((await upload(people[UPLOADS_AT_ONCE].token, copies.aino)).status).toBe(200);
    expect((await upload(people[0].token, copies.aino)).status).toBe(200);
    expect(stored()).toHaveLength(2);
  });

  it('stores a copy under the server\'s name, lists it for the trainer live, and a resend replaces it', async () => {
    const s = await startSession();
    const aino = await join(base, s.code, 'Aino V.');
    const bertil = await join(base, s.code, 'Bertil');
    // The participant's page hears that the trainer receives, and for which pack.
    const reader = new EventReader(base, aino.token);
    await reader.open({ since: aino.state.lastEventId });
    const facilitator: WorkshopEvent[] = [];
    const off = rig.ctx.subscribe((event, payload) => {
      if (event === 'workshop.event') facilitator.push(payload as WorkshopEvent);
    });
    const started = await fcall<InboxState>(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    expect(started).toMatchObject({ session: { id: s.id }, pack: { id: 'test-pack', revision: 1, sessionId: s.id }, receiving: true, rows: [] });
    await reader.until((r) => r.events.some((e) => e.type === 'course.collecting'));
    expect(reader.events.find((e) => e.type === 'course.collecting')).toMatchObject({ data: { packId: 'test-pack', revision: 1 } });
    const st = await pcall(base, 'participant.state', {}, aino.token);
    expect(st.body.ok && st.body.value.collecting).toMatchObject({ packId: 'test-pack', revision: 1 });

    const r = await upload(aino.token, copies.aino);
    expect(r.status).toBe(200);
    expect(r.body.ok && r.body.value).toMatchObject({ participant: 'Aino Virtanen', passed: 0, receivedAt: '2026-03-02T08:00:00.000Z' });
    const files = stored();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${s.id}/${aino.state.me.id}-\\d{8}T\\d{9}Z\\.kohtaanto$`));
    expect(fs.readFileSync(path.join(inboxDir(), files[0])).equals(copies.aino)).toBe(true);
    let inbox = await fcall<InboxState>(rig.registry, 'course.sessionInbox');
    expect(inbox.rows.map((x) => [x.participant, x.source?.name, x.error ?? null, x.exercises.length])).toEqual([['Aino Virtanen', 'Aino V.', null, 2]]);
    expect(inbox.rows[0].file).toBe(path.basename(files[0]));
    // The participant's own stream never carries the trainer's rows.
    expect(reader.events.some((e) => e.type === 'course.received')).toBe(false);
    const st2 = await pcall(base, 'participant.state', {}, aino.token);
    expect(st2.body.ok && st2.body.value.courseFileSentAt).toBe('2026-03-02T08:00:00.000Z');

    // Bertil, then Aino again a minute later: two rows, Aino's replaced, one file each.
    expect((await upload(bertil.token, copies.bertil)).status).toBe(200);
    rig.advance(60_000);
    expect((await upload(aino.token, copies.aino)).status).toBe(200);
    inbox = await fcall<InboxState>(rig.registry, 'course.sessionInbox');
    expect(inbox.rows.map((x) => [x.source?.name, x.source?.receivedAt]).sort()).toEqual([
      ['Aino V.', '2026-03-02T08:01:00.000Z'],
      ['Bertil', '2026-03-02T08:00:00.000Z'],
    ]);
    expect(stored().sort()).toEqual(inbox.rows.map((x) => `${s.id}/${x.file}`).sort());
    // The trainer's app heard each arrival as it came, with its row.
    const received = facilitator.filter((e) => e.type === 'course.received');
    expect(received.map((e) => (e.data as CollectRow).source?.name)).toEqual(['Aino V.', 'Bertil', 'Aino V.']);
    off();

    // Exported with the dropped files' rows, a received file is named by who sent it, not by the server's name for it.
    const csv = await fcall<{ dataBase64: string }>(rig.registry, 'course.exportResults', { rows: inbox.rows, format: 'csv', language: 'fi' });
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(text).toContain('Työpajasta: Aino V.');
    expect(text).toContain('Työpajasta: Bertil');
    expect(text).not.toContain('.kohtaanto');

    // The file can be read back for a comparison, by participant id only.
    const back = await fcall<{ name: string; dataBase64: string }>(rig.registry, 'course.sessionFile', { participantId: aino.state.me.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(copies.aino)).toBe(true);

    // Ended: the files stay while the trainer has them in the table, and go when cleared.
    await fcall(rig.registry, 'workshop.end', { saveRecord: false });
    inbox = await fcall<InboxState>(rig.registry, 'course.sessionInbox');
    expect([inbox.session, inbox.receiving, inbox.rows.length]).toEqual([null, false, 2]);
    expect(stored()).toHaveLength(2);
    await fcall(rig.registry, 'course.sessionStop', { clear: true });
    expect(stored()).toEqual([]);
    expect((await fcall<InboxState>(rig.registry, 'course.sessionInbox')).rows).toEqual([]);
    reader.close();
  });

  it('clears folders left over by an earlier run when receiving starts, but not a recent one another app may be using', async () => {
    const old = path.join(inboxDir(), 'ws-vanha');
    const recent = path.join(inboxDir(), 'ws-tuore');
    for (const d of [old, recent]) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'p-x-1.kohtaanto'), 'x');
    }
    const past = new Date(Date.now() - LEFTOVER_MS - 60_000);
    fs.utimesSync(old, past, past);
    const s = await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    expect(fs.readdirSync(inboxDir()).sort()).toEqual(['ws-tuore', s.id].sort());
  });

  it('removes the session\'s folder when the session ends with nothing received', async () => {
    await startSession();
    await fcall(rig.registry, 'course.sessionCollect', { pack: await packFile() });
    expect(fs.readdirSync(inboxDir())).toHaveLength(1);
    await fcall(rig.registry, 'workshop.end', { saveRecord: false });
    expect(fs.readdirSync(inboxDir())).toEqual([]);
    expect((await fcall<InboxState>(rig.registry, 'course.sessionInbox')).pack).toBeNull();
  });
});
