import { z } from 'zod';
import { IdSchema, LanguageSchema, LocalizedTextSchema, type EntityKind, type Language, type LinkType, type OptionalText } from '../model';
import type { CollectRow } from '../api/course';

/**
 * The workshop session's shapes, shared by the facilitator's app, the participant pages and the
 * backend. Participant text is plain text (rendered as text, never as HTML) with length limits;
 * everything that crosses the network is validated against these schemas.
 */

/** Length limits of participant text, in characters. */
export const LIMITS = {
  displayName: 40,
  note: 280,
  comment: 1000,
  name: 200,
  description: 2000,
  reason: 500,
  title: 200,
  prompt: 1000,
  /** Request body of the participant API, in bytes. */
  body: 16 * 1024,
  /** Steps in one agenda. */
  steps: 40,
  /** Minutes in one time box. */
  minutes: 600,
  /** Targets of one voting round. */
  targets: 60,
  /** Dots per person in one round. */
  dots: 20,
  /** Participants a facilitator may allow at most. */
  participants: 200,
} as const;

/** Control characters other than tab and line breaks: nobody types them, and some break terminals and logs. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/** Plain text from a person: trimmed, not empty, no control characters, at most `max` characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'workshop.empty')
    .max(max, 'workshop.tooLong')
    .refine((s) => !CONTROL.test(s), { message: 'workshop.controlCharacters' });
}
/** Like plainText, but on one line (names, titles). */
export function oneLine(max: number) {
  return plainText(max).refine((s) => !/[\r\n\t]/.test(s), { message: 'workshop.oneLine' });
}

export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a person who joins can have; the facilitator is the app itself. */
export const JoinRoleSchema = z.enum(['participant', 'observer']);
export type JoinRole = z.infer<typeof JoinRoleSchema>;

/** What a step of the agenda asks people to do; the participant page shows the matching form. */
export const STEP_KINDS = ['info', 'brainstorm', 'propose', 'vote', 'assessment', 'discuss', 'break'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const AssessmentQuestionSchema = z.object({ id: IdSchema, text: oneLine(LIMITS.prompt) }).strict();
export type AssessmentQuestion = z.infer<typeof AssessmentQuestionSchema>;

/** One step of a running session's agenda, in the session's language. */
export const AgendaStepSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(STEP_KINDS),
    title: oneLine(LIMITS.title),
    /** What participants are asked to do ("What does Aino need in her first month in Finland?"). */
    prompt: plainText(LIMITS.prompt).optional(),
    /** The time box. */
    minutes: z.number().int().min(0).max(LIMITS.minutes),
    /** An assessment step: the statements answered 1–5 for each organisation. */
    questions: z.array(AssessmentQuestionSchema).max(50).optional(),
    /** An assessment step: the organisations (entity ids) answered for; empty: every organisation in the workspace. */
    organisations: z.array(IdSchema).max(200).optional(),
  })
  .strict();
export type AgendaStep = z.infer<typeof AgendaStepSchema>;
export type AgendaStepInput = z.input<typeof AgendaStepSchema>;
export const AgendaSchema = z.array(AgendaStepSchema).max(LIMITS.steps);

/** A step as it ran: when it was actually started and left (server time, ISO). */
export interface AgendaStepState extends AgendaStep {
  startedAt?: string;
  endedAt?: string;
}

/** The time box timer, server-time based: a client shows `durationMs − elapsedNow`, with elapsedNow = elapsedMs + (its clock − startedAt) corrected by serverNow. */
export interface TimerState {
  state: 'stopped' | 'running' | 'paused';
  durationMs: number;
  /** Time run before the current run started (pauses excluded). */
  elapsedMs: number;
  /** When the current run started (ISO), while running. */
  startedAt?: string;
}

export interface AgendaState {
  steps: AgendaStepState[];
  /** Index into steps; -1 before the first step. */
  current: number;
  timer: TimerState;
}

export interface WorkshopSettings {
  maxParticipants: number;
  allowAnonymous: boolean;
  /** The record keeps participants' display names; otherwise only counts. */
  namesInRecord: boolean;
  /** Language of the session's agenda texts and of what accepted proposals become. */
  language: Language;
  title: string;
}

export const WorkshopSettingsInputSchema = z
  .object({
    maxParticipants: z.number().int().min(1).max(LIMITS.participants).default(40),
    allowAnonymous: z.boolean().default(true),
    namesInRecord: z.boolean().default(false),
    language: LanguageSchema.default('fi'),
    title: oneLine(LIMITS.title).optional(),
  })
  .strict();

// ---- proposals ----

export const PROPOSAL_KINDS = ['need', 'service', 'link', 'correction'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** What a participant proposes; accepted, it becomes one undoable edit of the map. */
export const ProposalInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('need'),
      name: oneLine(LIMITS.name),
      description: plainText(LIMITS.description).optional(),
      /** The life event the need belongs to. */
      lifeEvent: IdSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('service'),
      name: oneLine(LIMITS.name),
      description: plainText(LIMITS.description).optional(),
      /** The organisation that provides it. */
      organisation: IdSchema.optional(),
      /** Needs it addresses. */
      addresses: z.array(IdSchema).max(20).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('link'),
      /** "This service addresses that need." */
      service: IdSchema,
      need: IdSchema,
      note: plainText(LIMITS.comment).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('correction'),
      /** The entity the correction is about. */
      entity: IdSchema,
      /** What is wrong, in the participant's words. */
      text: plainText(LIMITS.comment),
      /** A better name, if that is the correction. */
      name: oneLine(LIMITS.name).optional(),
      /** A better description. */
      description: plainText(LIMITS.description).optional(),
    })
    .strict(),
]);
export type ProposalInput = z.infer<typeof ProposalInputSchema>;

export type ProposalStatus = 'pending' | 'accepted' | 'rejected' | 'merged';

/** A proposal as everyone sees it. `author` is the display name, or null when anonymous. */
export interface ProposalView {
  id: string;
  proposal: ProposalInput;
  /** Language the text was written in. */
  lang: Language;
  author: string | null;
  createdAt: string;
  status: ProposalStatus;
  /** Why it was rejected. */
  reason?: string;
  /** The proposal this duplicate was merged into. */
  mergedInto?: string;
  /** Proposals merged into this one (their authors are credited too). */
  merged: string[];
  /** What accepting it wrote into the map. */
  result?: { entities: string[]; links: string[] };
  decidedAt?: string;
}

// ---- brainstorm ----

export interface NoteView {
  id: string;
  /** The agenda step (a brainstorm step) whose prompt the note answers. */
  stepId: string;
  text: string;
  author: string | null;
  createdAt: string;
  groupId: string | null;
}

export interface GroupView {
  id: string;
  stepId: string;
  title: string;
  /** The need this group was turned into. */
  needId?: string;
}

// ---- voting ----

/** What a dot can go on: a map item, a proposal, a brainstorm group, or free text (a gap named by the facilitator). */
export const VoteTargetRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entity'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('proposal'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('group'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('text') }).strict(),
]);
export const VoteTargetInputSchema = z.object({ ref: VoteTargetRefSchema, label: oneLine(LIMITS.title).optional() }).strict();
export interface VoteTarget {
  id: string;
  ref: z.infer<typeof VoteTargetRefSchema>;
  label: string;
}

export interface VoteRoundView {
  id: string;
  title: string;
  targets: VoteTarget[];
  dotsPerPerson: number;
  anonymous: boolean;
  open: boolean;
  openedAt: string;
  closedAt?: string;
  /** Dots per target id. */
  totals: Record<string, number>;
  /** People who have placed at least one dot. */
  voters: number;
  /** Who put dots where, only when the round is not anonymous. */
  names?: Record<string, string[]>;
}

// ---- comments ----

export const CommentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entity'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('link'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('proposal'), id: IdSchema }).strict(),
  z.object({ kind: z.literal('note'), id: IdSchema }).strict(),
]);
export type CommentTarget = z.infer<typeof CommentTargetSchema>;

export interface CommentView {
  id: string;
  target: CommentTarget;
  text: string;
  author: string | null;
  /** Written by the facilitator. */
  byFacilitator?: boolean;
  createdAt: string;
}

// ---- readiness self-assessment ----

/** Answers of one person for one organisation: question id → 1–5, or null for "cannot say". */
export const AssessmentAnswersSchema = z.record(IdSchema, z.union([z.number().int().min(1).max(5), z.null()]));
export type AssessmentAnswers = z.infer<typeof AssessmentAnswersSchema>;

/** Live results of an assessment step: per organisation and question, answer counts. */
export interface AssessmentResults {
  stepId: string;
  /** Organisation id → question id → counts of 1–5 and cannot say. */
  counts: Record<string, Record<string, { 1: number; 2: number; 3: number; 4: number; 5: number; cannotSay: number }>>;
  /** People who answered anything. */
  respondents: number;
  /** Picture survey items written from it (one per organisation), once saved. */
  surveys?: string[];
}

// ---- people ----

export interface ParticipantView {
  id: string;
  /** Null for someone who joined anonymously. */
  name: string | null;
  role: JoinRole;
  joinedAt: string;
  /** Has a live event stream open now. */
  connected: boolean;
}

export interface Presence {
  participants: number;
  observers: number;
}

// ---- events ----

/**
 * One live event. Ids increase by one per event of the session; each person receives the
 * events meant for them, so a participant may see gaps, but never an id twice or out of order.
 */
export type WorkshopEventBody =
  | { type: 'session.ended'; data: { endedAt: string; recordId: string | null } }
  | { type: 'agenda'; data: AgendaState }
  | { type: 'presence'; data: Presence }
  | { type: 'participant.joined'; data: ParticipantView }
  | { type: 'participant.updated'; data: ParticipantView }
  | { type: 'participant.left'; data: { id: string; removed: boolean } }
  /** Sent to a removed person just before their stream closes. */
  | { type: 'you.removed'; data: { reason: 'removed' } }
  | { type: 'you.updated'; data: { role: JoinRole } }
  | { type: 'proposal'; data: ProposalView }
  | { type: 'note'; data: NoteView }
  | { type: 'note.deleted'; data: { id: string } }
  | { type: 'group'; data: GroupView }
  | { type: 'group.deleted'; data: { id: string } }
  | { type: 'vote'; data: VoteRoundView }
  | { type: 'comment'; data: CommentView }
  | { type: 'comment.deleted'; data: { id: string } }
  | { type: 'assessment'; data: AssessmentResults }
  /** The map changed (an accepted proposal, or the facilitator's own edit): read it again. */
  | { type: 'map.changed'; data: { revision: number } }
  /** The trainer started (data) or stopped (null) receiving participants' course files. */
  | { type: 'course.collecting'; data: CourseCollecting | null }
  /** Facilitator only: a participant's course file arrived and was counted (it replaces their earlier one). */
  | { type: 'course.received'; data: CollectRow };
export type WorkshopEventType = WorkshopEventBody['type'];
export type WorkshopEvent = WorkshopEventBody & {
  id: number;
  at: string;
  /** Only in the facilitator's copy: the participant whose action it was (anonymous ones too, for moderation). */
  authorId?: string;
};

// ---- states ----

/** What the participant pages read on joining and after a reset. */
export interface ParticipantState {
  session: { id: string; title: string; language: Language; startedAt: string; allowAnonymous: boolean };
  me: { id: string; name: string | null; role: JoinRole };
  agenda: AgendaState;
  presence: Presence;
  proposals: ProposalView[];
  /** Ids of this person's own proposals, notes and comments. */
  mine: { proposals: string[]; notes: string[]; comments: string[] };
  notes: NoteView[];
  groups: GroupView[];
  rounds: VoteRoundView[];
  /** This person's dots in each round: round id → target id → dots. */
  ballots: Record<string, Record<string, number>>;
  comments: CommentView[];
  /** This person's assessment answers: step id → organisation id → answers. */
  answers: Record<string, Record<string, AssessmentAnswers>>;
  assessments: AssessmentResults[];
  /** Organisations an assessment step may name, for its form. */
  organisations: { id: string; name: string }[];
  /** The newest event id included in this state: resume the stream from here. */
  lastEventId: number;
  /** The server's clock, for the timer. */
  serverNow: string;
  mapRevision: number;
  /** The course pack the trainer receives participants' files for, or null when not receiving. */
  collecting?: CourseCollecting | null;
  /** When this person's course file last arrived (in this session), or null. */
  courseFileSentAt?: string | null;
}

/** What a participant's page needs to offer "send my course file": which pack it is for. */
export interface CourseCollecting {
  packId: string;
  revision: number;
  title: OptionalText;
}

export interface ListeningAddress {
  address: string;
  port: number;
  /** The participants' page on this address. */
  url: string;
}

/** The facilitator's view of the running session. */
export interface WorkshopState {
  id: string;
  title: string;
  code: string;
  language: Language;
  startedAt: string;
  settings: WorkshopSettings;
  templateId?: string;
  /** Where participants can reach the session: loopback always, the chosen LAN address when one was picked. */
  listening: ListeningAddress[];
  /** The address to show and put in the QR code (the LAN one when there is one). */
  joinUrl: string;
  agenda: AgendaState;
  participants: ParticipantView[];
  /** Participant id of each proposal's, note's and comment's author (anonymous ones included), for moderation. */
  authors: Record<string, string>;
  proposals: ProposalView[];
  notes: NoteView[];
  groups: GroupView[];
  rounds: VoteRoundView[];
  comments: CommentView[];
  assessments: AssessmentResults[];
  lastEventId: number;
  serverNow: string;
  mapRevision: number;
}

/** One network interface address the facilitator may open the session on. */
export interface InterfaceAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

// ---- record ----

/** What a session leaves in the workspace when it ends. */
export interface WorkshopRecord {
  id: string;
  title: string;
  startedAt: string;
  endedAt: string;
  templateId?: string;
  language: Language;
  settings: WorkshopSettings;
  agenda: AgendaStepState[];
  participants: { participants: number; observers: number; anonymous: number; names?: string[] };
  proposals: ProposalView[];
  notes: NoteView[];
  groups: GroupView[];
  rounds: VoteRoundView[];
  comments: CommentView[];
  assessments: AssessmentResults[];
}
export interface WorkshopRecordInfo {
  id: string;
  title: string;
  startedAt: string;
  endedAt: string;
  participants: number;
  proposals: number;
  accepted: number;
}

// ---- templates ----

export const TemplateStepSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(STEP_KINDS),
    title: LocalizedTextSchema,
    prompt: LocalizedTextSchema.optional(),
    minutes: z.number().int().min(0).max(LIMITS.minutes),
    questions: z.array(z.object({ id: IdSchema, text: LocalizedTextSchema }).strict()).max(50).optional(),
  })
  .strict();
export type TemplateStep = z.infer<typeof TemplateStepSchema>;

/** A ready-made session: agenda, prompts and time boxes in fi/sv/en. */
export const WorkshopTemplateSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** Shipped with Kohtaanto, or saved by a facilitator. */
    builtIn: z.boolean().default(false),
    steps: z.array(TemplateStepSchema).min(1).max(LIMITS.steps),
  })
  .strict();
export type WorkshopTemplate = z.infer<typeof WorkshopTemplateSchema>;

/** Refusal reasons the participant API and workshop methods give in `error.details.reason`; the UI has a sentence for each in fi/sv/en (`workshop.server.<reason>`). */
export const REFUSALS = [
  'wrongCode',
  'wait',
  'anonymousNotAllowed',
  'full',
  'ended',
  'removed',
  'badToken',
  'observer',
  'rateLimited',
  'tooLarge',
  'notAllowed',
  'invalid',
  'notFound',
  'roundClosed',
  'tooManyDots',
  'notAssessment',
  'alreadyDecided',
  'noSession',
  'running',
  'badInterface',
  'listenFailed',
  'tooManyStreams',
  'notCollecting',
  'courseFile',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** One map item as a participant's page shows it: its name already in the session's language. */
export interface MapEntityView {
  id: string;
  kind: EntityKind;
  name: string;
}
/** One link as a participant's page draws it; link attributes (roles, evidence) stay with the facilitator. */
export interface MapLinkView {
  id: string;
  type: LinkType;
  source: string;
  target: string;
}

/**
 * The map as participants read it, read-only: only what the page renders (ids, kinds, names in
 * the session's language, links), never the full records (descriptions, codes, keywords, meters,
 * persona details), which are the facilitator's working material and would multiply the payload
 * every phone downloads after each accepted proposal.
 */
export interface MapSnapshot {
  language: Language;
  entities: MapEntityView[];
  links: MapLinkView[];
  revision: number;
}

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** A join code as a person may type it: case and spaces or dashes do not matter. */
export function normaliseJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
