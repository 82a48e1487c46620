/**
 * The app's workshop state: at most one running session, the join-code guard (a growing delay
 * per client address after wrong codes), the network the session is opened on, the records of
 * ended sessions and the facilitator's own templates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  agendaFromTemplate,
  BUILT_IN_TEMPLATES,
  digestRecord,
  normaliseJoinCode,
  templateFromAgenda,
  WorkshopTemplateSchema,
  type AgendaStep,
  type InterfaceAddress,
  type JoinRole,
  type ListeningAddress,
  type TemplateStep,
  type WorkshopDigest,
  type WorkshopRecord,
  type WorkshopRecordInfo,
  type WorkshopSettings,
  type WorkshopTemplate,
} from '../../../shared/workshop';
import type { AppContext } from '../context';
import type { Workspace } from '../store/workspace';
import { refuse, tokenDigest, WorkshopSession, type Person, type RateLimits } from './session';
import { codedError, said } from '../messages';

/** A listener the session opened on a LAN address; closed when the session ends. */
export interface OpenedListener {
  address: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** What the HTTP side offers the session: its loopback address, and opening the room's network. */
export interface WorkshopNetwork {
  /** The loopback server's base URL (`http://127.0.0.1:5183/`), when one runs; participants' page is `<url>w/`. */
  loopbackUrl?: string;
  /** Opens a participants-only listener on `address` (port: preferred, 0 = any). */
  open(address: string, port: number): Promise<OpenedListener>;
}

export interface HubOptions {
  /** Rate limits of each participant (tests use small ones). */
  limits?: Partial<RateLimits>;
  /** Wrong join codes from one address before the delay starts. */
  freeTries?: number;
  /** Interfaces as the machine reports them (tests give their own). */
  interfaces?: () => InterfaceAddress[];
}

const FREE_TRIES = 3;
const MAX_DELAY_SECONDS = 300;

interface Tries {
  wrong: number;
  until: number;
}

const hubs = new WeakMap<AppContext, WorkshopHub>();

/** The workshop hub of an app context (one per running app). */
export function workshopHub(ctx: AppContext, opts?: HubOptions): WorkshopHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    hub = new WorkshopHub(ctx, opts);
    hubs.set(ctx, hub);
  } else if (opts) {
    hub.configure(opts);
  }
  return hub;
}

const TemplatesFileSchema = z.object({ templates: z.array(WorkshopTemplateSchema).default([]) });

export class WorkshopHub {
  session: WorkshopSession | null = null;
  private network: WorkshopNetwork | null = null;
  private lan: OpenedListener | null = null;
  /** Tokens of the last ended session, so that their holders hear "ended" rather than "unknown". */
  private endedDigests = new Set<string>();
  private readonly tries = new Map<string, Tries>();
  private opts: HubOptions;

  constructor(
    private readonly ctx: AppContext,
    opts: HubOptions = {},
  ) {
    this.opts = opts;
    ctx.onBeforeClose((ws) => {
      // Switching or closing the workspace ends the session and keeps its record in that workspace.
      if (this.session && this.session.ws === ws) this.endSync(true);
    });
    ctx.onChange((method) => {
      // Accepting a proposal announces its own map change; the facilitator's other workshop calls change no map.
      if (this.session && !method.startsWith('workshop.')) this.session.mapChanged();
    });
  }

  configure(opts: HubOptions): void {
    this.opts = { ...this.opts, ...opts };
  }

  // ---- network ----

  /** Called by the HTTP server that can serve participants; returns a function that withdraws it. */
  attachNetwork(network: WorkshopNetwork): () => Promise<void> {
    this.network = network;
    return async () => {
      if (this.network !== network) return;
      if (this.session) this.endSync(true);
      await this.closeLan();
      this.network = null;
    };
  }

  private async closeLan(): Promise<void> {
    const lan = this.lan;
    this.lan = null;
    if (lan) await lan.close();
  }

  interfaces(): InterfaceAddress[] {
    if (this.opts.interfaces) return this.opts.interfaces();
    const out: InterfaceAddress[] = [];
    for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
      for (const a of addrs ?? []) out.push({ name, address: a.address, family: a.family === 'IPv6' ? 'IPv6' : 'IPv4', internal: a.internal });
    }
    // Loopback first (always offered), then IPv4 before IPv6, as a facilitator most likely wants.
    return out.sort((a, b) => Number(b.internal) - Number(a.internal) || (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
  }

  // ---- start and end ----

  async start(input: {
    interface?: string;
    port?: number;
    settings: Omit<WorkshopSettings, 'title'> & { title?: string };
    template?: string;
    agenda?: AgendaStep[];
  }): Promise<WorkshopSession> {
    if (this.session) throw refuse('running', 'A workshop session is already running; end it first.');
    const ws = this.ctx.requireWorkspace();
    if (ws.readOnly) throw codedError('workspace_locked', said('workshop.readOnly'));
    let agenda = input.agenda;
    let templateId: string | undefined;
    let templateName: string | undefined;
    if (input.template) {
      const t = this.templates().find((x) => x.id === input.template);
      if (!t) throw refuse('notFound', `No template ${input.template}.`);
      templateId = t.id;
      templateName = t.name[input.settings.language] || t.name.fi || t.name.sv || t.name.en;
      agenda ??= agendaFromTemplate(t, input.settings.language);
    }
    const listening: ListeningAddress[] = [];
    const loopback = this.network?.loopbackUrl;
    if (loopback) {
      const u = new URL(loopback);
      listening.push({ address: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port), url: `${loopback}w/` });
    }
    const address = input.interface?.trim();
    if (address && !isLoopback(address)) {
      if (!this.interfaces().some((i) => i.address === address)) {
        throw refuse('badInterface', `${address} is not an address of this computer; choose one of: ${this.interfaces().map((i) => i.address).join(', ')}.`);
      }
    }
    // Without a loopback server (the desktop app) and without a LAN address, the session listens on loopback only.
    const listenOn = address || (loopback ? undefined : '127.0.0.1');
    if (listenOn && !(loopback && sameLoopback(listenOn, loopback))) {
      if (!this.network) throw refuse('listenFailed', 'This app has no server for participants running.', { message: 'no server' });
      try {
        this.lan = await this.network.open(listenOn, input.port ?? 0);
      } catch (err) {
        const message = (err as Error).message ?? String(err);
        throw refuse('listenFailed', `Could not listen on ${listenOn}: ${message}`, { message });
      }
      listening.push({ address: this.lan.address, port: this.lan.port, url: this.lan.url });
    }
    if (!listening.length) throw refuse('listenFailed', 'Participants could not reach this session: no server is listening.', { message: 'no server' });
    const settings: WorkshopSettings = { ...input.settings, title: input.settings.title ?? templateName ?? (pickTitle(ws) || 'Workshop') };
    this.endedDigests = new Set();
    this.session = new WorkshopSession({
      ws,
      settings,
      agenda: agenda ?? [],
      templateId,
      listening,
      joinUrl: (this.lan?.url ?? listening[0].url),
      now: this.ctx.now,
      limits: this.opts.limits,
      toFacilitator: (event) => this.ctx.emit('workshop.event', event),
    });
    return this.session;
  }

  requireSession(): WorkshopSession {
    if (!this.session) throw refuse('noSession', 'No workshop session is running.');
    return this.session;
  }

  /** Ends the session: the record is saved (unless not wanted), everyone is told, tokens die, the LAN address stops listening. */
  async end(saveRecord: boolean): Promise<{ recordId: string | null }> {
    const out = this.endSync(saveRecord);
    await this.closeLan();
    return out;
  }

  private endSync(saveRecord: boolean): { recordId: string | null } {
    const s = this.requireSession();
    let recordId: string | null = null;
    let endedAt: string;
    try {
      const ended = s.end({ saveAssessments: saveRecord && s.ws.db.open });
      endedAt = ended.endedAt;
      this.endedDigests = new Set(ended.digests);
      if (saveRecord && s.ws.db.open) {
        const rec = s.record(endedAt);
        saveRecordRow(s.ws, rec);
        recordId = rec.id;
      }
    } finally {
      this.session = null;
      s.ended = true;
    }
    s.announceEnd(endedAt!, recordId);
    // The LAN listener closes here too (the async end awaits it; a workspace switch does not wait).
    void this.closeLan();
    return { recordId };
  }

  // ---- participants ----

  /**
   * Checks a join code from one client address. After a few wrong codes the address must wait,
   * longer after each further wrong one; the right code clears its count.
   */
  join(clientAddress: string, input: { code: string; displayName?: string; anonymous: boolean; role: JoinRole }): { token: string; person: Person; session: WorkshopSession } {
    const nowMs = this.ctx.now().getTime();
    const t = this.tries.get(clientAddress) ?? { wrong: 0, until: 0 };
    if (t.until > nowMs) {
      const retryAfterSeconds = Math.ceil((t.until - nowMs) / 1000);
      throw refuse('wait', `Too many wrong codes; wait ${retryAfterSeconds} s.`, { retryAfterSeconds, count: retryAfterSeconds });
    }
    const s = this.session;
    if (!s || normaliseJoinCode(input.code) !== s.code) {
      t.wrong++;
      const free = this.opts.freeTries ?? FREE_TRIES;
      const delay = t.wrong >= free ? Math.min(MAX_DELAY_SECONDS, 2 ** (t.wrong - free)) : 0;
      t.until = delay ? nowMs + delay * 1000 : 0;
      this.tries.set(clientAddress, t);
      if (this.tries.size > 10_000) this.tries.delete(this.tries.keys().next().value!);
      throw refuse('wrongCode', 'That join code is not right.', delay ? { retryAfterSeconds: delay } : {});
    }
    this.tries.delete(clientAddress);
    const { token, person } = s.join(input);
    return { token, person, session: s };
  }

  /** The running session and the person a token belongs to, or why not. */
  authenticate(token: string | undefined): { session: WorkshopSession; person: Person } {
    if (!token) throw refuse('badToken', 'This call needs the token from joining, as Authorization: Bearer <token>.');
    const s = this.session;
    if (!s) {
      if (this.endedDigests.has(tokenDigest(token))) throw refuse('ended', 'The session has ended.');
      throw refuse('badToken', 'No workshop session is running.');
    }
    return { session: s, person: s.personByToken(token) };
  }

  // ---- records ----

  records(ws: Workspace): WorkshopRecordInfo[] {
    return ws.db
      .prepare<[], { data: string }>('SELECT data FROM workshop_records ORDER BY ended_at DESC, rowid DESC')
      .all()
      .map((r) => {
        const rec = JSON.parse(r.data) as WorkshopRecord;
        return {
          id: rec.id,
          title: rec.title,
          startedAt: rec.startedAt,
          endedAt: rec.endedAt,
          participants: rec.participants.participants,
          proposals: rec.proposals.length,
          accepted: rec.proposals.filter((p) => p.status === 'accepted').length,
        };
      });
  }

  /**
   * Every record as the situational picture shows it, newest first; `before` (ISO) keeps those
   * that had ended by then (what a review saved at that moment would have seen).
   */
  digests(ws: Workspace, before?: string): WorkshopDigest[] {
    const hasTable = ws.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workshop_records'").get();
    if (!hasTable) return [];
    const templates = new Map(this.templates().map((t) => [t.id, t.name]));
    const rows = ws.db.prepare<[], { data: string }>('SELECT data FROM workshop_records ORDER BY ended_at DESC, rowid DESC').all();
    const out: WorkshopDigest[] = [];
    for (const r of rows) {
      const rec = JSON.parse(r.data) as WorkshopRecord;
      if (before !== undefined && rec.endedAt > before) continue;
      out.push(digestRecord(rec, (id) => templates.get(id)));
    }
    return out;
  }

  record(ws: Workspace, id: string): WorkshopRecord {
    const row = ws.db.prepare<[string], { data: string }>('SELECT data FROM workshop_records WHERE id = ?').get(id);
    if (!row) throw codedError('not_found', said('workshop.noRecord', { id }));
    return JSON.parse(row.data) as WorkshopRecord;
  }

  // ---- templates ----

  private get templatesFile(): string {
    return path.join(this.ctx.dataDir, 'workshop-templates.json');
  }

  private ownTemplates(): WorkshopTemplate[] {
    try {
      return TemplatesFileSchema.parse(JSON.parse(fs.readFileSync(this.templatesFile, 'utf8'))).templates;
    } catch {
      // A missing or damaged file costs only the facilitator's own templates, never the built-in ones.
      return [];
    }
  }

  private writeOwn(list: WorkshopTemplate[]): void {
    const tmp = `${this.templatesFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ templates: list }, null, 2));
    fs.renameSync(tmp, this.templatesFile);
  }

  templates(): WorkshopTemplate[] {
    return [...BUILT_IN_TEMPLATES, ...this.ownTemplates()];
  }

  saveTemplate(input: { name: string; id?: string; steps?: TemplateStep[] }): WorkshopTemplate {
    if (input.id && BUILT_IN_TEMPLATES.some((t) => t.id === input.id)) throw refuse('invalid', 'A built-in template cannot be replaced; save under another name.');
    const id = input.id ?? `own-${randomUUID().slice(0, 13)}`;
    let template: WorkshopTemplate;
    if (input.steps) {
      const lang = this.session?.settings.language ?? 'fi';
      template = WorkshopTemplateSchema.parse({ id, name: { [lang]: input.name }, builtIn: false, steps: input.steps });
    } else {
      const s = this.requireSession();
      const steps = s.agendaState().steps.map(({ startedAt: _s, endedAt: _e, ...step }) => step);
      if (!steps.length) throw refuse('invalid', 'The session has no agenda to save.');
      template = WorkshopTemplateSchema.parse(templateFromAgenda(id, input.name, s.settings.language, steps));
    }
    const own = this.ownTemplates().filter((t) => t.id !== id);
    this.writeOwn([...own, template]);
    return template;
  }

  deleteTemplate(id: string): void {
    const own = this.ownTemplates();
    if (!own.some((t) => t.id === id)) throw refuse('notFound', BUILT_IN_TEMPLATES.some((t) => t.id === id) ? 'Built-in templates cannot be deleted.' : `No template ${id}.`);
    this.writeOwn(own.filter((t) => t.id !== id));
  }
}

function saveRecordRow(ws: Workspace, rec: WorkshopRecord): void {
  ws.db
    .prepare('INSERT INTO workshop_records (id, title, started_at, ended_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, ended_at = excluded.ended_at')
    .run(rec.id, rec.title, rec.startedAt, rec.endedAt, JSON.stringify(rec));
}

function pickTitle(ws: Workspace): string {
  const t = ws.getTitle();
  return (t.fi || t.sv || t.en || '').slice(0, 200);
}

/** 127.0.0.0/8 and ::1: reachable only from this machine, so always allowed. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

function sameLoopback(address: string, loopbackUrl: string): boolean {
  const host = new URL(loopbackUrl).hostname.replace(/^\[|\]$/g, '');
  return address === host || (address === 'localhost' && host === '127.0.0.1');
}
