/**
 * The participants' own small API: what a person in the room can do from their browser.
 * It is NOT part of the facilitator's contract (shared/api/contract.ts) and no facilitator
 * method, path, import/export, workspace switching or undo can be reached through it.
 *
 * HTTP routes (same origin as the participant page; served on loopback and, during a session
 * started on a LAN address, on that address, where nothing else but these and the page is served):
 *
 *   GET  /w/                     the participant page (out/renderer/participant.html); the join
 *                                URL may carry the code in the fragment: /w/#c=ABC234
 *   POST /w/api/participant.join body {code, displayName?, anonymous?, role?}, no token;
 *                                → {ok:true, value:{token, state}}
 *   POST /w/api/<method>         every other method, with the header
 *                                `Authorization: Bearer <token>`; JSON body (≤ 16 KiB);
 *                                answers `{ok:true,value}` or `{ok:false,error:{code,message,details:{reason}}}`
 *   GET  /w/events?since=ID&t=TOKEN
 *                                server-sent events (EventSource cannot send headers, so the token
 *                                rides in `t` here only). Each frame: `id: N` and
 *                                `data: <WorkshopEvent JSON>` with no event name, so all arrive at
 *                                EventSource.onmessage; switch on `data.type`. On reconnect the
 *                                browser sends Last-Event-ID, which wins over `since`; every event
 *                                after it is sent once, in order. A frame without id whose data is
 *                                `{"type":"reset","lastId":N}` means the events are no longer
 *                                kept: read participant.state again. After
 *                                `session.ended` or `you.removed` the stream closes and the token
 *                                is dead (401 with details.reason 'ended' / 'removed').
 *
 * Refusals: HTTP status + `error.details.reason` (Refusal in shared/workshop/types.ts; the UI says
 * each in fi/sv/en as t('workshop.server.<reason>')): 400 invalid, 401 badToken/ended/removed,
 * 403 observer/notAllowed, 404 notFound, 409 roundClosed/alreadyDecided/tooManyDots,
 * 413 tooLarge, 429 rateLimited/wait (with Retry-After and details.retryAfterSeconds), 503 full.
 */
import { z } from 'zod';
import { IdSchema, LanguageSchema } from '../model';
import {
  AssessmentAnswersSchema,
  CommentTargetSchema,
  JoinRoleSchema,
  LIMITS,
  oneLine,
  plainText,
  ProposalInputSchema,
  type MapSnapshot,
  type ParticipantState,
  type WorkshopEvent,
} from '../workshop/types';
import { command, Empty, query, type MethodSpec } from './contract-kit';

/** The route prefix of the participant API and its event stream. */
export const PARTICIPANT_PREFIX = '/w/';
export const PARTICIPANT_API = '/w/api/';
export const PARTICIPANT_EVENTS = '/w/events';
/**
 * A participant's course file, while the trainer receives them (ParticipantState.collecting):
 * `POST /w/api/participant.courseFile` with the file's bytes as the body
 * (Content-Type: application/octet-stream) and the token as Authorization: Bearer. Not a JSON
 * method, so not in participantMethods; the server names the stored file itself (no name or path
 * from the participant is used). Answers {ok, value: CourseFileReceipt}; refusals as below, plus
 * 409 notCollecting, 413 tooLarge (over PARTICIPANT_COURSE_FILE_MAX, refused before the body is
 * read) and 422 courseFile with details.code (notWorkspace, damagedCopy, newerWorkspace, notCopy,
 * otherPack, newerRevision) and details.params. Sending again replaces one's earlier file.
 */
export const PARTICIPANT_COURSE_FILE = '/w/api/participant.courseFile';
/** A course copy is a small workspace; this caps one participant's file. */
export const PARTICIPANT_COURSE_FILE_MAX = 20 * 1024 * 1024;
export interface CourseFileReceipt {
  receivedAt: string;
  /** The name the copy was made for (as the trainer's table shows it). */
  participant: string | null;
  passed: number;
  total: number;
}

/** The query parameter that carries the token on the event stream only. */
export const PARTICIPANT_TOKEN_QUERY = 't';

const StateSchema = z.custom<ParticipantState>((v) => typeof v === 'object' && v !== null && 'me' in v);
const MapSchema = z.custom<MapSnapshot>((v) => typeof v === 'object' && v !== null && 'entities' in v);
const EventSchema = z.custom<WorkshopEvent>((v) => typeof v === 'object' && v !== null && 'id' in v);

export const participantMethods = {
  /**
   * Joins with the code on the projector. A display name, or `anonymous: true` where the
   * facilitator allows it; `role: 'observer'` only reads. Wrong codes are answered with a growing
   * delay per client address (429 'wait').
   */
  'participant.join': command(
    z
      .object({
        code: z.string().min(1).max(20),
        displayName: oneLine(LIMITS.displayName).optional(),
        anonymous: z.boolean().default(false),
        role: JoinRoleSchema.default('participant'),
      })
      .strict(),
    z.object({ token: z.string(), state: StateSchema }),
  ),
  /** Everything the page shows, with the event id to resume the stream from. */
  'participant.state': query(Empty, StateSchema),
  /** The map, read-only: every entity and link. */
  'participant.map': query(Empty, MapSchema),
  /** Events after `since` without a stream (a fallback for networks that break event streams). */
  'participant.events': query(
    z.object({ since: z.number().int().min(0) }).strict(),
    z.object({ events: z.array(EventSchema), lastId: z.number().int(), reset: z.boolean() }),
  ),
  /** A proposal for the facilitator's moderation queue: a need, a service, a link "this service addresses that need", or a correction. */
  'participant.propose': command(z.object({ proposal: ProposalInputSchema, lang: LanguageSchema.optional() }).strict(), z.object({ proposalId: z.string() })),
  /** A brainstorm note under a brainstorm step's prompt. */
  'participant.note': command(z.object({ stepId: IdSchema, text: plainText(LIMITS.note) }).strict(), z.object({ noteId: z.string() })),
  /** Removes one's own note while it is not yet grouped. */
  'participant.deleteNote': command(z.object({ noteId: IdSchema }).strict(), z.null()),
  /** Sets one's whole ballot in a round (target id → dots); sending it again is harmless. */
  'participant.vote': command(
    z.object({ roundId: IdSchema, ballot: z.record(IdSchema, z.number().int().min(0).max(LIMITS.dots)) }).strict(),
    z.object({ used: z.number().int(), left: z.number().int() }),
  ),
  /** A comment on a map item (entity or link), a proposal or a note. */
  'participant.comment': command(z.object({ target: CommentTargetSchema, text: plainText(LIMITS.comment) }).strict(), z.object({ commentId: z.string() })),
  /** Answers of an assessment step for one organisation (question id → 1–5 or null for "cannot say"); sending again replaces them. */
  'participant.answer': command(
    z.object({ stepId: IdSchema, organisation: IdSchema, answers: AssessmentAnswersSchema }).strict(),
    z.object({ answered: z.number().int() }),
  ),
  /** Leaves the session: the token dies. */
  'participant.leave': command(Empty, z.null()),
} satisfies Record<string, MethodSpec>;

export type ParticipantMethod = keyof typeof participantMethods;
export type ParticipantInput<M extends ParticipantMethod> = z.input<(typeof participantMethods)[M]['input']>;
export type ParticipantOutput<M extends ParticipantMethod> = z.output<(typeof participantMethods)[M]['output']>;
