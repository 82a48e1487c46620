/**
 * One running workshop session: the people in it, the agenda and timer, proposals and their
 * moderation, brainstorm notes, dot voting, comments and the readiness self-assessment, and the
 * live event log (ids increasing by one, kept for resuming). Plain Node, no HTTP: the participant
 * router (electron/server/participant.ts) and the facilitator's registry methods both call in here.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { encodeLabel, labelName, type HistoryName } from '../../../shared/api/history';
import { AppError, type ErrorCode } from '../../../shared/api/result';
import { pickText, type Entity, type Language, type Link, type LinkType } from '../../../shared/model';
import { SurveySchema, type Survey } from '../../../shared/picture';
import type { CollectRow } from '../../../shared/api/course';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type AgendaState,
  type AgendaStep,
  type AgendaStepState,
  type AssessmentAnswers,
  type AssessmentResults,
  type CourseCollecting,
  type CommentTarget,
  type CommentView,
  type GroupView,
  type JoinRole,
  type ListeningAddress,
  type MapSnapshot,
  type NoteView,
  type ParticipantState,
  type ParticipantView,
  type Presence,
  type ProposalInput,
  type ProposalView,
  type Refusal,
  type TimerState,
  type VoteRoundView,
  type VoteTarget,
  type WorkshopEvent,
  type WorkshopEventBody,
  type WorkshopRecord,
  type WorkshopSettings,
  type WorkshopState,
} from '../../../shared/workshop/types';
import { newEntityId, newLinkId } from '../store/ids';
import { validEntity, validLink, type Workspace } from '../store/workspace';

/** An error with a refusal reason the participant page can say in its language. */
export function refuse(reason: Refusal, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(REFUSAL_CODE[reason], message, { reason, ...extra });
}

const REFUSAL_CODE: Record<Refusal, ErrorCode> = {
  wrongCode: 'unauthorized',
  wait: 'rate_limited',
  anonymousNotAllowed: 'invalid_input',
  full: 'conflict',
  ended: 'unauthorized',
  removed: 'unauthorized',
  badToken: 'unauthorized',
  observer: 'forbidden',
  rateLimited: 'rate_limited',
  tooLarge: 'too_large',
  notAllowed: 'forbidden',
  invalid: 'invalid_input',
  notFound: 'not_found',
  roundClosed: 'conflict',
  tooManyDots: 'conflict',
  notAssessment: 'invalid_input',
  alreadyDecided: 'conflict',
  noSession: 'not_found',
  running: 'conflict',
  badInterface: 'invalid_input',
  listenFailed: 'io_error',
  tooManyStreams: 'conflict',
  notCollecting: 'conflict',
  courseFile: 'invalid_input',
};

/** A token bucket: `burst` at once, then `perSecond` steadily. */
export class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }
  /** Takes one token; returns 0, or the seconds to wait when there is none. */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return (1 - this.tokens) / this.perSecond;
  }
}

export interface RateLimits {
  writeBurst: number;
  writePerSecond: number;
  readBurst: number;
  readPerSecond: number;
}
/** A person may send a handful of things at once, then about three a second; reads are cheaper. */
export const DEFAULT_RATE_LIMITS: RateLimits = { writeBurst: 12, writePerSecond: 3, readBurst: 40, readPerSecond: 10 };
/** Events kept for resuming; a client further behind is told to read the state again. */
export const EVENT_LOG_LIMIT = 50_000;

export interface Person {
  id: string;
  name: string | null;
  role: JoinRole;
  joinedAt: string;
  digest: string;
  gone?: 'removed' | 'left';
  writes: Bucket;
  reads: Bucket;
  streams: number;
}

type Audience = 'all' | 'facilitator' | { person: string };
interface Logged {
  event: WorkshopEvent;
  audience: Audience;
}
export type Viewer = { kind: 'facilitator' } | { kind: 'person'; id: string };
export interface Subscriber {
  viewer: Viewer;
  send(event: WorkshopEvent): void;
  /** The stream is over (session ended, person removed or left). */
  close(): void;
}

interface Proposal {
  view: ProposalView;
  authorId: string;
}
interface Note {
  view: NoteView;
  authorId: string;
}
interface Comment {
  view: CommentView;
  authorId: string | null;
}
interface Round {
  view: Omit<VoteRoundView, 'totals' | 'voters' | 'names'>;
  ballots: Map<string, Record<string, number>>;
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

const shortId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 13)}`;

export interface SessionOptions {
  ws: Workspace;
  settings: WorkshopSettings;
  agenda: AgendaStep[];
  templateId?: string;
  listening: ListeningAddress[];
  joinUrl: string;
  now: () => Date;
  limits?: Partial<RateLimits>;
  /** Every event also goes to the facilitator's app (ctx.emit). */
  toFacilitator: (event: WorkshopEvent) => void;
  code?: string;
}

export class WorkshopSession {
  readonly id = shortId('ws');
  readonly code: string;
  readonly startedAt: string;
  readonly settings: WorkshopSettings;
  readonly templateId?: string;
  listening: ListeningAddress[];
  joinUrl: string;
  readonly ws: Workspace;
  private readonly now: () => Date;
  private readonly limits: RateLimits;
  private readonly toFacilitator: (event: WorkshopEvent) => void;

  readonly people = new Map<string, Person>();
  private readonly byDigest = new Map<string, Person>();
  private steps: AgendaStepState[];
  private current = -1;
  private timer: TimerState = { state: 'stopped', durationMs: 0, elapsedMs: 0 };
  private readonly proposals = new Map<string, Proposal>();
  private readonly notes = new Map<string, Note>();
  private readonly groups = new Map<string, GroupView>();
  private readonly rounds = new Map<string, Round>();
  private readonly comments = new Map<string, Comment>();
  /** step id → person id → organisation id → answers */
  private readonly answers = new Map<string, Map<string, Map<string, AssessmentAnswers>>>();
  private readonly savedSurveys = new Map<string, string[]>();
  private mapRevision = 0;
  /** The course pack whose copies participants may send now (the trainer's Collect screen), or null. */
  private collecting: CourseCollecting | null = null;
  /** person id → when their course file last arrived. */
  private readonly courseSent = new Map<string, string>();

  private log: Logged[] = [];
  private nextEventId = 1;
  private readonly subscribers = new Set<Subscriber>();
  ended = false;

  constructor(opts: SessionOptions) {
    this.ws = opts.ws;
    this.now = opts.now;
    this.settings = opts.settings;
    this.templateId = opts.templateId;
    this.listening = opts.listening;
    this.joinUrl = opts.joinUrl;
    this.code = opts.code ?? newJoinCode();
    this.limits = { ...DEFAULT_RATE_LIMITS, ...opts.limits };
    this.toFacilitator = opts.toFacilitator;
    this.startedAt = this.iso();
    this.steps = opts.agenda.map((s) => ({ ...s }));
  }

  private iso(): string {
    return this.now().toISOString();
  }
  private ms(): number {
    return this.now().getTime();
  }

  // ---- events ----

  private emit(body: WorkshopEventBody, audience: Audience = 'all', authorId?: string): void {
    const event = { ...body, id: this.nextEventId++, at: this.iso() } as WorkshopEvent;
    this.log.push({ event, audience });
    if (this.log.length > EVENT_LOG_LIMIT) this.log = this.log.slice(this.log.length - Math.floor(EVENT_LOG_LIMIT * 0.9));
    for (const s of this.subscribers) if (sees(s.viewer, audience)) s.send(event);
    if (audience === 'all' || audience === 'facilitator') this.toFacilitator(authorId ? { ...event, authorId } : event);
  }

  get lastEventId(): number {
    return this.nextEventId - 1;
  }

  /** Events after `since` that this viewer may see; `reset` when some are no longer kept. */
  eventsSince(viewer: Viewer, since: number): { events: WorkshopEvent[]; lastId: number; reset: boolean } {
    const first = this.log[0]?.event.id ?? this.nextEventId;
    const reset = since < first - 1;
    const events: WorkshopEvent[] = [];
    // Ids are consecutive in the log, so the start is found by arithmetic, not a scan.
    for (let i = Math.max(0, since + 1 - first); i < this.log.length; i++) {
      const l = this.log[i];
      if (sees(viewer, l.audience)) events.push(l.event);
    }
    return { events: reset ? [] : events, lastId: this.lastEventId, reset };
  }

  /**
   * Sends the backlog after `since` and then every new event, with nothing lost or repeated in
   * between: both happen in one synchronous turn. Returns the unsubscribe function.
   */
  subscribe(sub: Subscriber, since: number): { unsubscribe: () => void; reset: boolean } {
    const backlog = this.eventsSince(sub.viewer, since);
    for (const e of backlog.events) sub.send(e);
    this.subscribers.add(sub);
    if (sub.viewer.kind === 'person') {
      const p = this.people.get(sub.viewer.id);
      if (p && ++p.streams === 1) this.emit({ type: 'participant.updated', data: this.personView(p) }, 'facilitator');
    }
    let done = false;
    return {
      reset: backlog.reset,
      unsubscribe: () => {
        if (done) return;
        done = true;
        this.subscribers.delete(sub);
        if (sub.viewer.kind === 'person' && !this.ended) {
          const p = this.people.get(sub.viewer.id);
          if (p && --p.streams === 0 && !p.gone) this.emit({ type: 'participant.updated', data: this.personView(p) }, 'facilitator');
        }
      },
    };
  }

  /** Streams open for one person (to cap how many one person may hold). */
  streamsOf(personId: string): number {
    return this.people.get(personId)?.streams ?? 0;
  }
  get streamCount(): number {
    return this.subscribers.size;
  }

  private closeStreamsOf(personId: string): void {
    for (const s of [...this.subscribers]) if (s.viewer.kind === 'person' && s.viewer.id === personId) s.close();
  }

  /** The map changed outside the session (the facilitator's own edit, undo): participants read it again. */
  mapChanged(): void {
    this.mapRevision++;
    this.emit({ type: 'map.changed', data: { revision: this.mapRevision } });
  }

  // ---- people ----

  private active(): Person[] {
    return [...this.people.values()].filter((p) => !p.gone);
  }

  presence(): Presence {
    const a = this.active();
    return { participants: a.filter((p) => p.role === 'participant').length, observers: a.filter((p) => p.role === 'observer').length };
  }

  private personView(p: Person): ParticipantView {
    return { id: p.id, name: p.name, role: p.role, joinedAt: p.joinedAt, connected: p.streams > 0 };
  }

  /** Adds a person who gave the right code; returns their token (only its digest is kept). */
  join(input: { displayName?: string; anonymous: boolean; role: JoinRole }): { token: string; person: Person } {
    if (this.ended) throw refuse('ended', 'The session has ended.');
    if (input.anonymous && !this.settings.allowAnonymous) throw refuse('anonymousNotAllowed', 'This session does not allow joining anonymously; enter a display name.');
    if (!input.anonymous && !input.displayName) throw refuse('invalid', 'Enter a display name (or join anonymously where that is allowed).', { field: 'displayName' });
    if (this.active().length >= this.settings.maxParticipants) {
      throw refuse('full', `The session is full (${this.settings.maxParticipants} people).`, { max: this.settings.maxParticipants });
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.ms();
    const person: Person = {
      id: shortId('p'),
      name: input.anonymous ? null : (input.displayName ?? null),
      role: input.role,
      joinedAt: this.iso(),
      digest: tokenDigest(token),
      writes: new Bucket(this.limits.writeBurst, this.limits.writePerSecond, now),
      reads: new Bucket(this.limits.readBurst, this.limits.readPerSecond, now),
      streams: 0,
    };
    this.people.set(person.id, person);
    this.byDigest.set(person.digest, person);
    this.emit({ type: 'participant.joined', data: this.personView(person) }, 'facilitator');
    this.emit({ type: 'presence', data: this.presence() });
    return { token, person };
  }

  /** The person a token belongs to, or a refusal saying why not. */
  personByToken(token: string): Person {
    const p = this.byDigest.get(tokenDigest(token));
    if (!p) throw refuse('badToken', 'This token does not belong to the running session; join again with the code.');
    if (p.gone === 'removed') throw refuse('removed', 'The facilitator removed you from the session.');
    if (p.gone === 'left') throw refuse('badToken', 'You left the session; join again with the code.');
    return p;
  }

  /** Counts a request against the person's rate limit. */
  charge(p: Person, kind: 'read' | 'write'): void {
    const wait = (kind === 'read' ? p.reads : p.writes).take(this.ms());
    if (wait > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(wait));
      throw refuse('rateLimited', `Too many requests; wait ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
  }

  private requireWriter(p: Person): void {
    if (p.role === 'observer') throw refuse('observer', 'Observers can follow the session but not write in it.');
  }

  remove(personId: string, how: 'removed' | 'left' = 'removed'): void {
    const p = this.people.get(personId);
    if (!p) throw refuse('notFound', `No participant ${personId}.`);
    if (p.gone) return;
    p.gone = how;
    if (how === 'removed') this.emit({ type: 'you.removed', data: { reason: 'removed' } }, { person: p.id });
    this.closeStreamsOf(p.id);
    this.emit({ type: 'participant.left', data: { id: p.id, removed: how === 'removed' } }, 'facilitator');
    this.emit({ type: 'presence', data: this.presence() });
  }

  setRole(personId: string, role: JoinRole): void {
    const p = this.people.get(personId);
    if (!p || p.gone) throw refuse('notFound', `No participant ${personId}.`);
    if (p.role === role) return;
    p.role = role;
    this.emit({ type: 'you.updated', data: { role } }, { person: p.id });
    this.emit({ type: 'participant.updated', data: this.personView(p) }, 'facilitator');
    this.emit({ type: 'presence', data: this.presence() });
  }

  // ---- agenda and timer ----

  agendaState(): AgendaState {
    return { steps: this.steps.map((s) => ({ ...s })), current: this.current, timer: { ...this.timer } };
  }

  private emitAgenda(): void {
    this.emit({ type: 'agenda', data: this.agendaState() });
  }

  setAgenda(steps: AgendaStep[]): void {
    const ids = new Set<string>();
    for (const s of steps) {
      if (ids.has(s.id)) throw refuse('invalid', `Two steps have the id ${s.id}.`);
      ids.add(s.id);
    }
    const before = new Map(this.steps.map((s) => [s.id, s]));
    const currentId = this.steps[this.current]?.id;
    this.steps = steps.map((s) => ({ ...s, startedAt: before.get(s.id)?.startedAt, endedAt: before.get(s.id)?.endedAt }));
    const at = currentId ? this.steps.findIndex((s) => s.id === currentId) : -1;
    if (this.current >= 0 && at < 0) this.timer = { state: 'stopped', durationMs: 0, elapsedMs: 0 };
    this.current = at;
    this.emitAgenda();
  }

  goto(index: number): void {
    if (index >= this.steps.length) throw refuse('notFound', `The agenda has ${this.steps.length} steps.`);
    const now = this.iso();
    const leaving = this.steps[this.current];
    if (leaving && index !== this.current) leaving.endedAt = now;
    this.current = index;
    const step = this.steps[index];
    if (step) {
      step.startedAt ??= now;
      delete step.endedAt;
      this.timer = { state: 'running', durationMs: step.minutes * 60_000, elapsedMs: 0, startedAt: now };
    } else {
      this.timer = { state: 'stopped', durationMs: 0, elapsedMs: 0 };
    }
    this.emitAgenda();
  }

  timerAction(a: { action: 'start' } | { action: 'pause' } | { action: 'reset' } | { action: 'extend'; minutes: number }): void {
    const t = this.timer;
    switch (a.action) {
      case 'start':
        if (t.state !== 'running') this.timer = { ...t, state: 'running', startedAt: this.iso() };
        break;
      case 'pause':
        if (t.state === 'running') this.timer = { state: 'paused', durationMs: t.durationMs, elapsedMs: t.elapsedMs + (this.ms() - Date.parse(t.startedAt!)) };
        break;
      case 'reset': {
        const step = this.steps[this.current];
        this.timer = { state: 'stopped', durationMs: (step?.minutes ?? 0) * 60_000, elapsedMs: 0 };
        break;
      }
      case 'extend':
        this.timer = { ...t, durationMs: Math.max(0, t.durationMs + a.minutes * 60_000) };
        break;
    }
    this.emitAgenda();
  }

  private step(stepId: string): AgendaStepState {
    const s = this.steps.find((x) => x.id === stepId);
    if (!s) throw refuse('notFound', `No agenda step ${stepId}.`);
    return s;
  }

  // ---- proposals and moderation ----

  propose(p: Person, proposal: ProposalInput, lang: Language): string {
    this.requireWriter(p);
    this.checkProposalRefs(proposal);
    const view: ProposalView = { id: shortId('prop'), proposal, lang, author: p.name, createdAt: this.iso(), status: 'pending', merged: [] };
    this.proposals.set(view.id, { view, authorId: p.id });
    this.emit({ type: 'proposal', data: view }, 'all', p.id);
    return view.id;
  }

  /** Refuses a proposal that names what is not in the map, so the queue holds only what can be accepted. */
  private checkProposalRefs(pr: ProposalInput): void {
    const need = (id: string | undefined, kind: Entity['kind'], field: string) => {
      if (id === undefined) return;
      if (this.ws.kindOf(id) !== kind) throw refuse('notFound', `${field}: no ${kind} ${id} on the map.`, { field });
    };
    switch (pr.kind) {
      case 'need':
        need(pr.lifeEvent, 'lifeEvent', 'lifeEvent');
        break;
      case 'service':
        need(pr.organisation, 'organisation', 'organisation');
        for (const n of pr.addresses ?? []) need(n, 'need', 'addresses');
        break;
      case 'link':
        need(pr.service, 'service', 'service');
        need(pr.need, 'need', 'need');
        break;
      case 'correction':
        if (!this.ws.getEntity(pr.entity)) throw refuse('notFound', `entity: no entity ${pr.entity} on the map.`, { field: 'entity' });
        break;
    }
  }

  private proposal(id: string): Proposal {
    const p = this.proposals.get(id);
    if (!p) throw refuse('notFound', `No proposal ${id}.`);
    return p;
  }

  /** Named authors of a proposal and of those merged into it; anonymous ones are counted, not named. */
  private credit(pr: Proposal): { names: string[]; anonymous: number } {
    const all = [pr, ...pr.view.merged.map((id) => this.proposals.get(id)).filter((x): x is Proposal => !!x)];
    const names = [...new Set(all.map((x) => x.view.author).filter((n): n is string => !!n))];
    return { names, anonymous: all.filter((x) => !x.view.author).length };
  }

  /**
   * Accept: one undoable edit of the map, labelled with whom it came from. Reject: with a reason.
   * Merge: a duplicate joins another pending proposal. Nothing changes if any part fails.
   */
  moderate(
    input:
      | { action: 'accept'; proposalId: string; edit?: { name?: string; description?: string } }
      | { action: 'reject'; proposalId: string; reason: string }
      | { action: 'merge'; proposalId: string; into: string },
  ): { proposalId: string; status: 'accepted' | 'rejected' | 'merged'; entities: string[]; links: string[] } {
    const pr = this.proposal(input.proposalId);
    if (pr.view.status !== 'pending') throw refuse('alreadyDecided', `The proposal was already ${pr.view.status}.`);
    if (input.action === 'reject') {
      pr.view = { ...pr.view, status: 'rejected', reason: input.reason, decidedAt: this.iso() };
      this.emit({ type: 'proposal', data: pr.view }, 'all', pr.authorId);
      return { proposalId: pr.view.id, status: 'rejected', entities: [], links: [] };
    }
    if (input.action === 'merge') {
      const into = this.proposal(input.into);
      if (into === pr) throw refuse('invalid', 'A proposal cannot be merged into itself.');
      if (into.view.status !== 'pending') throw refuse('alreadyDecided', `The proposal ${into.view.id} was already ${into.view.status}.`);
      pr.view = { ...pr.view, status: 'merged', mergedInto: into.view.id, decidedAt: this.iso() };
      into.view = { ...into.view, merged: [...into.view.merged, pr.view.id, ...pr.view.merged] };
      this.emit({ type: 'proposal', data: pr.view }, 'all', pr.authorId);
      this.emit({ type: 'proposal', data: into.view }, 'all', into.authorId);
      return { proposalId: pr.view.id, status: 'merged', entities: [], links: [] };
    }
    const result = this.applyProposal(pr, input.edit ?? {});
    pr.view = { ...pr.view, status: 'accepted', result, decidedAt: this.iso() };
    // Duplicates merged into it are settled with it.
    for (const id of pr.view.merged) {
      const m = this.proposals.get(id);
      if (m && m.view.status === 'merged') m.view = { ...m.view, result };
    }
    this.emit({ type: 'proposal', data: pr.view }, 'all', pr.authorId);
    if (result.entities.length || result.links.length) this.mapChanged();
    return { proposalId: pr.view.id, status: 'accepted', ...result };
  }

  private applyProposal(pr: Proposal, edit: { name?: string; description?: string }): { entities: string[]; links: string[] } {
    const ws = this.ws;
    const lang = pr.view.lang;
    const p = pr.view.proposal;
    const credit = this.credit(pr);
    const by = credit.names.join(', ');
    const suffix = credit.names.length ? ` (proposed by ${by})` : ' (proposed anonymously)';
    const keySuffix = credit.names.length ? '' : 'Anonymous';
    const params: Record<string, string | HistoryName> = credit.names.length ? { by } : {};
    const text = (s: string) => ({ [lang]: s });
    const entities: string[] = [];
    const links: string[] = [];

    if (p.kind === 'need' || p.kind === 'service') {
      const name = edit.name ?? p.name;
      const description = edit.description ?? p.description;
      const entity = validEntity({ id: newEntityId(p.kind), kind: p.kind, name: text(name), description: description ? text(description) : {} });
      const newLinks: Link[] = [];
      const link = (type: LinkType, source: string, target: string) => newLinks.push(validLink({ id: newLinkId(), type, source, target, data: {} }));
      if (p.kind === 'need' && p.lifeEvent) link('hasNeed', p.lifeEvent, entity.id);
      if (p.kind === 'service') {
        if (p.organisation) link('provides', p.organisation, entity.id);
        for (const n of p.addresses ?? []) link('addresses', entity.id, n);
      }
      const label = encodeLabel(`Create ${entity.kind} "${name.slice(0, 60)}"${suffix}`, {
        key: `workshopCreate${keySuffix}`,
        params: { ...params, kind: entity.kind, name: labelName(entity.name) },
        entity: { kind: entity.kind, id: entity.id },
      });
      ws.edit(label, (tx) => {
        tx.putEntity(entity);
        for (const l of newLinks) tx.putLink(l);
      });
      entities.push(entity.id);
      links.push(...newLinks.map((l) => l.id));
    } else if (p.kind === 'link') {
      const link = validLink({ id: newLinkId(), type: 'addresses', source: p.service, target: p.need, data: p.note ? { evidence: p.note.slice(0, 1000) } : {} });
      const s = ws.getEntity(p.service);
      const n = ws.getEntity(p.need);
      const label = encodeLabel(`Link addresses ${pickText(s?.name, 'fi').slice(0, 60)} → ${pickText(n?.name, 'fi').slice(0, 60)}${suffix}`, {
        key: `workshopLink${keySuffix}`,
        params: { ...params, source: labelName(s?.name), target: labelName(n?.name) },
        ...(s ? { entity: { kind: s.kind, id: s.id } } : {}),
      });
      ws.edit(label, (tx) => tx.putLink(link));
      links.push(link.id);
    } else {
      const before = ws.getEntity(p.entity);
      if (!before) throw refuse('notFound', `The entity ${p.entity} is no longer on the map.`);
      const name = edit.name ?? p.name;
      const description = edit.description ?? p.description;
      // A correction in words only changes nothing on the map; accepting it records that it was agreed.
      if (name !== undefined || description !== undefined) {
        const entity = validEntity({
          ...before,
          ...(name !== undefined ? { name: { ...before.name, [lang]: name } } : {}),
          ...(description !== undefined ? { description: { ...before.description, [lang]: description } } : {}),
        });
        const label = encodeLabel(`Edit ${entity.kind} "${pickText(entity.name, 'fi').slice(0, 60)}"${suffix}`, {
          key: `workshopCorrect${keySuffix}`,
          params: { ...params, kind: entity.kind, name: labelName(entity.name) },
          entity: { kind: entity.kind, id: entity.id },
        });
        ws.edit(label, (tx) => tx.putEntity(entity));
        entities.push(entity.id);
      }
    }
    return { entities, links };
  }

  // ---- brainstorm ----

  note(p: Person, stepId: string, text: string): string {
    this.requireWriter(p);
    const step = this.step(stepId);
    if (step.kind !== 'brainstorm') throw refuse('invalid', 'Notes go under a brainstorm step.');
    const view: NoteView = { id: shortId('note'), stepId, text, author: p.name, createdAt: this.iso(), groupId: null };
    this.notes.set(view.id, { view, authorId: p.id });
    this.emit({ type: 'note', data: view }, 'all', p.id);
    return view.id;
  }

  deleteOwnNote(p: Person, noteId: string): void {
    this.requireWriter(p);
    const n = this.notes.get(noteId);
    if (!n || n.authorId !== p.id) throw refuse('notFound', `No note ${noteId} of yours.`);
    if (n.view.groupId) throw refuse('alreadyDecided', 'The facilitator has already grouped this note.');
    this.deleteNote(noteId);
  }

  deleteNote(noteId: string): void {
    const n = this.notes.get(noteId);
    if (!n) throw refuse('notFound', `No note ${noteId}.`);
    this.notes.delete(noteId);
    this.emit({ type: 'note.deleted', data: { id: noteId } });
    if (n.view.groupId) this.dropEmptyGroup(n.view.groupId);
  }

  group(noteIds: string[], groupId: string | undefined, title: string | undefined): string {
    const notes = noteIds.map((id) => {
      const n = this.notes.get(id);
      if (!n) throw refuse('notFound', `No note ${id}.`);
      return n;
    });
    const stepId = notes[0].view.stepId;
    if (notes.some((n) => n.view.stepId !== stepId)) throw refuse('invalid', 'Notes of different prompts cannot share a group.');
    let group: GroupView;
    if (groupId) {
      const g = this.groups.get(groupId);
      if (!g) throw refuse('notFound', `No group ${groupId}.`);
      if (g.stepId !== stepId) throw refuse('invalid', 'The group belongs to another prompt.');
      group = title ? { ...g, title } : g;
    } else {
      group = { id: shortId('grp'), stepId, title: title ?? notes[0].view.text.split('\n')[0].slice(0, 200) };
    }
    this.groups.set(group.id, group);
    this.emit({ type: 'group', data: group });
    const left = new Set<string>();
    for (const n of notes) {
      if (n.view.groupId === group.id) continue;
      if (n.view.groupId) left.add(n.view.groupId);
      n.view = { ...n.view, groupId: group.id };
      this.emit({ type: 'note', data: n.view }, 'all', n.authorId);
    }
    for (const g of left) this.dropEmptyGroup(g);
    return group.id;
  }

  ungroup(noteIds: string[]): void {
    const left = new Set<string>();
    for (const id of noteIds) {
      const n = this.notes.get(id);
      if (!n) throw refuse('notFound', `No note ${id}.`);
      if (!n.view.groupId) continue;
      left.add(n.view.groupId);
      n.view = { ...n.view, groupId: null };
      this.emit({ type: 'note', data: n.view }, 'all', n.authorId);
    }
    for (const g of left) this.dropEmptyGroup(g);
  }

  renameGroup(groupId: string, title: string): void {
    const g = this.groups.get(groupId);
    if (!g) throw refuse('notFound', `No group ${groupId}.`);
    const next = { ...g, title };
    this.groups.set(groupId, next);
    this.emit({ type: 'group', data: next });
  }

  private dropEmptyGroup(groupId: string): void {
    const g = this.groups.get(groupId);
    if (!g || g.needId) return;
    if ([...this.notes.values()].some((n) => n.view.groupId === groupId)) return;
    this.groups.delete(groupId);
    this.emit({ type: 'group.deleted', data: { id: groupId } });
  }

  /** Groups become needs, named by the group and described by its notes, in one undoable step. */
  groupsToNeeds(groupIds: string[], lifeEvent: string | undefined): string[] {
    const lang = this.settings.language;
    if (lifeEvent && this.ws.kindOf(lifeEvent) !== 'lifeEvent') throw refuse('notFound', `No life event ${lifeEvent} on the map.`);
    const made = groupIds.map((id) => {
      const g = this.groups.get(id);
      if (!g) throw refuse('notFound', `No group ${id}.`);
      if (g.needId) throw refuse('alreadyDecided', `The group "${g.title}" is already a need.`);
      const texts = [...this.notes.values()].filter((n) => n.view.groupId === id).map((n) => `– ${n.view.text}`);
      const description = texts.join('\n').slice(0, 20_000);
      const need = validEntity({ id: newEntityId('need'), kind: 'need', name: { [lang]: g.title }, description: description ? { [lang]: description } : {} });
      const link = lifeEvent ? validLink({ id: newLinkId(), type: 'hasNeed', source: lifeEvent, target: need.id, data: {} }) : undefined;
      return { g, need, link };
    });
    const n = made.length;
    const label = encodeLabel(`Create ${n} need${n === 1 ? '' : 's'} from the workshop brainstorm`, { key: 'workshopNeeds', params: { count: n } });
    this.ws.edit(label, (tx) => {
      for (const m of made) {
        tx.putEntity(m.need);
        if (m.link) tx.putLink(m.link);
      }
    });
    for (const m of made) {
      const next = { ...m.g, needId: m.need.id };
      this.groups.set(next.id, next);
      this.emit({ type: 'group', data: next });
    }
    this.mapChanged();
    return made.map((m) => m.need.id);
  }

  // ---- dot voting ----

  private roundView(r: Round): VoteRoundView {
    const totals: Record<string, number> = Object.fromEntries(r.view.targets.map((t) => [t.id, 0]));
    let voters = 0;
    const names: Record<string, string[]> | undefined = r.view.anonymous ? undefined : Object.fromEntries(r.view.targets.map((t) => [t.id, []]));
    for (const [personId, ballot] of r.ballots) {
      let any = false;
      for (const [target, n] of Object.entries(ballot)) {
        if (n <= 0) continue;
        any = true;
        totals[target] = (totals[target] ?? 0) + n;
        const name = this.people.get(personId)?.name;
        if (names && name) names[target].push(name);
      }
      if (any) voters++;
    }
    return { ...r.view, totals, voters, ...(names ? { names } : {}) };
  }

  openVote(input: { title: string; targets: { ref: VoteTarget['ref']; label?: string }[]; dotsPerPerson: number; anonymous: boolean }): string {
    const targets: VoteTarget[] = input.targets.map((t, i) => {
      let label = t.label;
      if (t.ref.kind === 'entity') {
        const e = this.ws.getEntity(t.ref.id);
        if (!e) throw refuse('notFound', `No entity ${t.ref.id} on the map.`);
        label ??= pickText(e.name, this.settings.language).slice(0, 200);
      } else if (t.ref.kind === 'proposal') {
        const p = this.proposal(t.ref.id).view.proposal;
        label ??= 'name' in p && p.name ? p.name : p.kind === 'correction' ? p.text.slice(0, 200) : p.kind;
      } else if (t.ref.kind === 'group') {
        const g = this.groups.get(t.ref.id);
        if (!g) throw refuse('notFound', `No group ${t.ref.id}.`);
        label ??= g.title;
      }
      if (!label) throw refuse('invalid', 'A free-text target needs a label.');
      return { id: `t${i + 1}`, ref: t.ref, label };
    });
    for (const r of this.rounds.values()) if (r.view.open) this.closeVote(r.view.id);
    const round: Round = {
      view: { id: shortId('vote'), title: input.title, targets, dotsPerPerson: input.dotsPerPerson, anonymous: input.anonymous, open: true, openedAt: this.iso() },
      ballots: new Map(),
    };
    this.rounds.set(round.view.id, round);
    this.emit({ type: 'vote', data: this.roundView(round) });
    return round.view.id;
  }

  closeVote(roundId: string): void {
    const r = this.rounds.get(roundId);
    if (!r) throw refuse('notFound', `No voting round ${roundId}.`);
    if (!r.view.open) return;
    r.view = { ...r.view, open: false, closedAt: this.iso() };
    this.emit({ type: 'vote', data: this.roundView(r) });
  }

  vote(p: Person, roundId: string, ballot: Record<string, number>): { used: number; left: number } {
    this.requireWriter(p);
    const r = this.rounds.get(roundId);
    if (!r) throw refuse('notFound', `No voting round ${roundId}.`);
    if (!r.view.open) throw refuse('roundClosed', 'The voting round has closed.');
    const ids = new Set(r.view.targets.map((t) => t.id));
    for (const t of Object.keys(ballot)) if (!ids.has(t)) throw refuse('notFound', `The round has no target ${t}.`);
    const used = Object.values(ballot).reduce((a, b) => a + b, 0);
    if (used > r.view.dotsPerPerson) throw refuse('tooManyDots', `You have ${r.view.dotsPerPerson} dots in this round.`, { count: r.view.dotsPerPerson });
    r.ballots.set(p.id, Object.fromEntries(Object.entries(ballot).filter(([, n]) => n > 0)));
    // An anonymous round's event names nobody: the author id is not attached even for the facilitator.
    this.emit({ type: 'vote', data: this.roundView(r) }, 'all', r.view.anonymous ? undefined : p.id);
    return { used, left: r.view.dotsPerPerson - used };
  }

  // ---- comments ----

  private checkCommentTarget(t: CommentTarget): void {
    const ok =
      t.kind === 'entity' ? !!this.ws.getEntity(t.id) : t.kind === 'link' ? !!this.ws.getLink(t.id) : t.kind === 'proposal' ? this.proposals.has(t.id) : this.notes.has(t.id);
    if (!ok) throw refuse('notFound', `No ${t.kind} ${t.id}.`);
  }

  comment(p: Person | null, target: CommentTarget, text: string): string {
    if (p) this.requireWriter(p);
    this.checkCommentTarget(target);
    const view: CommentView = { id: shortId('cmt'), target, text, author: p ? p.name : null, ...(p ? {} : { byFacilitator: true }), createdAt: this.iso() };
    this.comments.set(view.id, { view, authorId: p?.id ?? null });
    this.emit({ type: 'comment', data: view }, 'all', p?.id);
    return view.id;
  }

  deleteComment(commentId: string): void {
    if (!this.comments.delete(commentId)) throw refuse('notFound', `No comment ${commentId}.`);
    this.emit({ type: 'comment.deleted', data: { id: commentId } });
  }

  // ---- readiness self-assessment ----

  /** Organisations an assessment step asks about: its own list, or every organisation on the map. */
  assessmentOrganisations(step: AgendaStep): { id: string; name: string }[] {
    const all = this.ws.listEntities('organisation');
    const chosen = step.organisations?.length ? all.filter((o) => step.organisations!.includes(o.id)) : all;
    return chosen.map((o) => ({ id: o.id, name: pickText(o.name, this.settings.language) }));
  }

  answer(p: Person, stepId: string, organisation: string, answers: AssessmentAnswers): number {
    this.requireWriter(p);
    const step = this.step(stepId);
    if (step.kind !== 'assessment') throw refuse('notAssessment', 'This step is not a self-assessment.');
    if (!this.assessmentOrganisations(step).some((o) => o.id === organisation)) throw refuse('notFound', `The assessment does not ask about ${organisation}.`);
    const questions = new Set((step.questions ?? []).map((q) => q.id));
    for (const q of Object.keys(answers)) if (!questions.has(q)) throw refuse('notFound', `The assessment has no question ${q}.`);
    let byPerson = this.answers.get(stepId);
    if (!byPerson) this.answers.set(stepId, (byPerson = new Map()));
    let byOrg = byPerson.get(p.id);
    if (!byOrg) byPerson.set(p.id, (byOrg = new Map()));
    byOrg.set(organisation, { ...answers });
    this.emit({ type: 'assessment', data: this.assessmentResults(stepId) });
    return Object.keys(answers).length;
  }

  assessmentResults(stepId: string): AssessmentResults {
    const step = this.step(stepId);
    const counts: AssessmentResults['counts'] = {};
    const byPerson = this.answers.get(stepId) ?? new Map<string, Map<string, AssessmentAnswers>>();
    for (const byOrg of byPerson.values()) {
      for (const [org, ans] of byOrg) {
        const perQ = (counts[org] ??= {});
        for (const q of step.questions ?? []) {
          if (!(q.id in ans)) continue;
          const c = (perQ[q.id] ??= { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, cannotSay: 0 });
          const a = ans[q.id];
          if (a === null) c.cannotSay++;
          else c[a as 1 | 2 | 3 | 4 | 5]++;
        }
      }
    }
    const surveys = this.savedSurveys.get(stepId);
    return { stepId, counts, respondents: byPerson.size, ...(surveys ? { surveys } : {}) };
  }

  /** Writes an assessment step's results into the situational picture: one survey per organisation, in one undoable step. */
  saveAssessment(stepId: string): string[] {
    const step = this.step(stepId);
    if (step.kind !== 'assessment') throw refuse('notAssessment', 'This step is not a self-assessment.');
    const results = this.assessmentResults(stepId);
    const lang = this.settings.language;
    const date = this.startedAt.slice(0, 10);
    const orgNames = new Map(this.assessmentOrganisations(step).map((o) => [o.id, o.name]));
    const surveys: Survey[] = Object.entries(results.counts).map(([org, perQ]) =>
      SurveySchema.parse({
        id: `survey-${this.id}-${step.id}-${org}`.slice(0, 200),
        kind: 'survey',
        name: { [lang]: `${step.title}: ${orgNames.get(org) ?? org} (${date})`.slice(0, 20_000) },
        date,
        assessment: { series: step.id, organisation: org, session: this.id, title: step.title, startedAt: this.startedAt },
        questions: (step.questions ?? [])
          .filter((q) => perQ[q.id])
          .map((q) => {
            const c = perQ[q.id];
            return { id: q.id, text: { [lang]: q.text }, counts: { 1: c[1], 2: c[2], 3: c[3], 4: c[4], 5: c[5] }, cannotSay: c.cannotSay };
          }),
      }),
    );
    if (surveys.length) {
      const label = encodeLabel(`Save ${surveys.length} survey${surveys.length === 1 ? '' : 's'} from the workshop "${this.settings.title.slice(0, 60)}"`, {
        key: 'workshopSurveys',
        params: { count: surveys.length, title: this.settings.title.slice(0, 60) },
      });
      this.ws.edit(label, (tx) => {
        for (const s of surveys) tx.putItem(s);
      });
    }
    const ids = surveys.map((s) => s.id);
    this.savedSurveys.set(stepId, ids);
    this.emit({ type: 'assessment', data: this.assessmentResults(stepId) });
    return ids;
  }

  // ---- course files (the trainer collects participants' copies) ----

  get courseCollecting(): CourseCollecting | null {
    return this.collecting;
  }

  /** Starts (a pack) or stops (null) offering participants "send my course file". */
  setCourseCollecting(c: CourseCollecting | null): void {
    if (JSON.stringify(c) === JSON.stringify(this.collecting)) return;
    this.collecting = c ? { ...c } : null;
    this.emit({ type: 'course.collecting', data: this.collecting });
  }

  /** A person who may send a course file now, or why not (checked before their file is read). */
  requireCourseSender(p: Person): CourseCollecting {
    this.requireWriter(p);
    if (!this.collecting) throw refuse('notCollecting', 'The trainer is not receiving course files in this session now.');
    return this.collecting;
  }

  /** A person's file was stored: the trainer's table gets its row. */
  courseReceived(p: Person, row: CollectRow): void {
    this.courseSent.set(p.id, row.source?.receivedAt ?? this.iso());
    this.emit({ type: 'course.received', data: row }, 'facilitator', p.id);
  }

  // ---- reads ----

  private assessmentsAll(): AssessmentResults[] {
    return this.steps.filter((s) => s.kind === 'assessment').map((s) => this.assessmentResults(s.id));
  }

  map(): MapSnapshot {
    const lang = this.settings.language;
    return {
      language: lang,
      entities: this.ws.listEntities().map((e) => ({ id: e.id, kind: e.kind, name: pickText(e.name, lang) })),
      links: this.ws.listLinks().map((l) => ({ id: l.id, type: l.type, source: l.source, target: l.target })),
      revision: this.mapRevision,
    };
  }

  participantState(p: Person): ParticipantState {
    const ballots: ParticipantState['ballots'] = {};
    for (const r of this.rounds.values()) {
      const b = r.ballots.get(p.id);
      if (b) ballots[r.view.id] = { ...b };
    }
    const answers: ParticipantState['answers'] = {};
    for (const [stepId, byPerson] of this.answers) {
      const mine = byPerson.get(p.id);
      if (mine) answers[stepId] = Object.fromEntries(mine);
    }
    const assessmentSteps = this.steps.filter((s) => s.kind === 'assessment');
    const orgs = new Map<string, string>();
    for (const s of assessmentSteps) for (const o of this.assessmentOrganisations(s)) orgs.set(o.id, o.name);
    return {
      session: { id: this.id, title: this.settings.title, language: this.settings.language, startedAt: this.startedAt, allowAnonymous: this.settings.allowAnonymous },
      me: { id: p.id, name: p.name, role: p.role },
      agenda: this.agendaState(),
      presence: this.presence(),
      proposals: [...this.proposals.values()].map((x) => x.view),
      mine: {
        proposals: [...this.proposals.values()].filter((x) => x.authorId === p.id).map((x) => x.view.id),
        notes: [...this.notes.values()].filter((x) => x.authorId === p.id).map((x) => x.view.id),
        comments: [...this.comments.values()].filter((x) => x.authorId === p.id).map((x) => x.view.id),
      },
      notes: [...this.notes.values()].map((x) => x.view),
      groups: [...this.groups.values()],
      rounds: [...this.rounds.values()].map((r) => this.roundView(r)),
      ballots,
      comments: [...this.comments.values()].map((x) => x.view),
      answers,
      assessments: this.assessmentsAll(),
      organisations: [...orgs].map(([id, name]) => ({ id, name })),
      lastEventId: this.lastEventId,
      serverNow: this.iso(),
      mapRevision: this.mapRevision,
      collecting: this.collecting,
      courseFileSentAt: this.courseSent.get(p.id) ?? null,
    };
  }

  state(): WorkshopState {
    const authors: Record<string, string> = {};
    for (const x of this.proposals.values()) authors[x.view.id] = x.authorId;
    for (const x of this.notes.values()) authors[x.view.id] = x.authorId;
    for (const x of this.comments.values()) if (x.authorId) authors[x.view.id] = x.authorId;
    return {
      id: this.id,
      title: this.settings.title,
      code: this.code,
      language: this.settings.language,
      startedAt: this.startedAt,
      settings: { ...this.settings },
      ...(this.templateId ? { templateId: this.templateId } : {}),
      listening: this.listening,
      joinUrl: this.joinUrl,
      agenda: this.agendaState(),
      participants: this.active().map((p) => this.personView(p)),
      authors,
      proposals: [...this.proposals.values()].map((x) => x.view),
      notes: [...this.notes.values()].map((x) => x.view),
      groups: [...this.groups.values()],
      rounds: [...this.rounds.values()].map((r) => this.roundView(r)),
      comments: [...this.comments.values()].map((x) => x.view),
      assessments: this.assessmentsAll(),
      lastEventId: this.lastEventId,
      serverNow: this.iso(),
      mapRevision: this.mapRevision,
    };
  }

  // ---- the end ----

  /** What the session leaves in the workspace; names only when the facilitator chose so. */
  record(endedAt: string): WorkshopRecord {
    const names = this.settings.namesInRecord;
    const strip = <T extends { author: string | null }>(v: T): T => (names ? v : { ...v, author: null });
    const everyone = [...this.people.values()].filter((p) => p.gone !== 'removed' || names);
    const stepsAsRun = this.steps.map((s, i) => (i === this.current && s.startedAt && !s.endedAt ? { ...s, endedAt } : { ...s }));
    const rounds = [...this.rounds.values()].map((r) => {
      const v = this.roundView(r);
      return names ? v : { ...v, names: undefined };
    });
    return {
      id: `rec-${this.id}`,
      title: this.settings.title,
      startedAt: this.startedAt,
      endedAt,
      ...(this.templateId ? { templateId: this.templateId } : {}),
      language: this.settings.language,
      settings: { ...this.settings },
      agenda: stepsAsRun,
      participants: {
        participants: [...this.people.values()].filter((p) => p.role === 'participant').length,
        observers: [...this.people.values()].filter((p) => p.role === 'observer').length,
        anonymous: [...this.people.values()].filter((p) => !p.name).length,
        ...(names ? { names: [...new Set(everyone.map((p) => p.name).filter((n): n is string => !!n))] } : {}),
      },
      proposals: [...this.proposals.values()].map((x) => strip(x.view)),
      notes: [...this.notes.values()].map((x) => strip(x.view)),
      groups: [...this.groups.values()],
      rounds,
      comments: [...this.comments.values()].map((x) => strip(x.view)),
      assessments: this.assessmentsAll(),
    };
  }

  /** Saves pending assessments, then ends: everyone is told, every stream closes, every token dies. */
  end(opts: { saveAssessments: boolean }): { endedAt: string; digests: string[] } {
    if (opts.saveAssessments) {
      for (const s of this.steps) if (s.kind === 'assessment' && (this.answers.get(s.id)?.size ?? 0) > 0) this.saveAssessment(s.id);
    }
    const endedAt = this.iso();
    this.ended = true;
    return { endedAt, digests: [...this.byDigest.keys()] };
  }

  /** The last event: after it, streams close. */
  announceEnd(endedAt: string, recordId: string | null): void {
    this.emit({ type: 'session.ended', data: { endedAt, recordId } });
    for (const s of [...this.subscribers]) s.close();
    this.subscribers.clear();
  }
}

function sees(viewer: Viewer, audience: Audience): boolean {
  if (audience === 'all') return true;
  if (audience === 'facilitator') return viewer.kind === 'facilitator';
  return viewer.kind === 'person' && viewer.id === audience.person;
}
