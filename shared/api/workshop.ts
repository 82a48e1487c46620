import { z } from 'zod';
import { IdSchema } from '../model';
import {
  AgendaSchema,
  AgendaStepSchema,
  CommentTargetSchema,
  LIMITS,
  oneLine,
  plainText,
  TemplateStepSchema,
  VoteTargetInputSchema,
  WorkshopSettingsInputSchema,
  WorkshopTemplateSchema,
  JoinRoleSchema,
  type InterfaceAddress,
  type WorkshopEvent,
  type WorkshopRecord,
  type WorkshopRecordInfo,
  type WorkshopState,
} from '../workshop/types';
import type { WorkshopDigest } from '../workshop/digest';
import { command, Empty, query, type MethodSpec } from './contract-kit';

/**
 * The facilitator's side of a workshop session, on the normal (key-protected) API: IPC in the
 * desktop window, POST /api/workshop.* in browser mode. Participants never reach these; they
 * have their own small API (shared/api/participant.ts).
 *
 * Live updates for the facilitator: every session event is also pushed as the app event
 * `workshop.event` (see ApiEvents), and `workshop.events { since }` returns what was missed.
 * Refusals carry `error.details.reason` (a Refusal of shared/workshop/types.ts).
 */

// The backend computes these from validated state; their shapes are the TypeScript types.
const StateSchema = z.custom<WorkshopState>((v) => typeof v === 'object' && v !== null && 'code' in v);
const RecordSchema = z.custom<WorkshopRecord>((v) => typeof v === 'object' && v !== null && 'agenda' in v);
const DigestSchema = z.custom<WorkshopDigest>((v) => typeof v === 'object' && v !== null && 'agenda' in v && 'votes' in v);
const RecordInfoSchema = z.custom<WorkshopRecordInfo>((v) => typeof v === 'object' && v !== null && 'endedAt' in v);
const EventSchema = z.custom<WorkshopEvent>((v) => typeof v === 'object' && v !== null && 'id' in v && 'type' in v);
const InterfaceSchema = z.custom<InterfaceAddress>((v) => typeof v === 'object' && v !== null && 'address' in v);

const ProposalId = IdSchema;

export const workshopMethods = {
  /** Addresses of this machine's network interfaces, loopback first, to pick the room's network from. */
  'workshop.interfaces': query(Empty, z.array(InterfaceSchema)),
  /**
   * Starts a session on the open workspace. `interface` is a LAN address from workshop.interfaces
   * (the server then also listens there until the session ends); left out, the session is
   * reachable on loopback only. `template` starts from a template's agenda; `agenda` from one's own.
   */
  'workshop.start': command(
    z
      .object({
        interface: z.string().min(1).max(100).optional(),
        /** Port on the LAN address; 0 or left out: the loopback server's port when free, else any free one. */
        port: z.number().int().min(0).max(65535).optional(),
        settings: WorkshopSettingsInputSchema.default({ maxParticipants: 40, allowAnonymous: true, namesInRecord: false, language: 'fi' }),
        template: IdSchema.optional(),
        agenda: AgendaSchema.optional(),
      })
      .strict(),
    StateSchema,
  ),
  /** The running session, or null when none runs. */
  'workshop.state': query(Empty, StateSchema.nullable()),
  /** Events after `since` (for a facilitator view that missed some); `reset` when they are no longer kept: read workshop.state again. */
  'workshop.events': query(
    z.object({ since: z.number().int().min(0) }).strict(),
    z.object({ events: z.array(EventSchema), lastId: z.number().int(), reset: z.boolean() }),
  ),
  /**
   * Ends the session: every participant token dies, the LAN address stops listening, and (unless
   * `saveRecord` is false) the record is saved in the workspace; pending assessment answers are
   * saved as surveys first.
   */
  'workshop.end': command(z.object({ saveRecord: z.boolean().default(true) }).strict().default({ saveRecord: true }), z.object({ recordId: z.string().nullable() })),

  /** Replaces the agenda (steps keep their actual times by id). */
  'workshop.setAgenda': command(z.object({ steps: AgendaSchema }).strict(), StateSchema),
  /** Moves to a step (index; -1 before the first): the step before gets its end time, the new one its start, the timer restarts with its time box. */
  'workshop.gotoStep': command(z.object({ index: z.number().int().min(-1).max(LIMITS.steps) }).strict(), StateSchema),
  /** The time box timer: start or resume, pause, reset to the step's box, or add minutes (negative to take off). */
  'workshop.timer': command(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('start') }).strict(),
      z.object({ action: z.literal('pause') }).strict(),
      z.object({ action: z.literal('reset') }).strict(),
      z.object({ action: z.literal('extend'), minutes: z.number().int().min(-LIMITS.minutes).max(LIMITS.minutes) }).strict(),
    ]),
    StateSchema,
  ),

  /** Removes a person: their token dies at once and their stream closes; what they wrote stays. */
  'workshop.removeParticipant': command(z.object({ participantId: IdSchema }).strict(), z.null()),
  /** Makes a participant an observer (read only) or back. */
  'workshop.setRole': command(z.object({ participantId: IdSchema, role: JoinRoleSchema }).strict(), z.null()),

  /**
   * The moderation queue. Accept: the proposal becomes one normal undoable edit, credited to its
   * author (or "anonymous"); `edit` lets the facilitator tidy the name or description first.
   * Reject: with a reason the author sees. Merge: a duplicate joins `into` (its author is credited
   * when `into` is accepted).
   */
  'workshop.moderate': command(
    z.discriminatedUnion('action', [
      z
        .object({
          action: z.literal('accept'),
          proposalId: ProposalId,
          edit: z.object({ name: oneLine(LIMITS.name).optional(), description: plainText(LIMITS.description).optional() }).strict().optional(),
        })
        .strict(),
      z.object({ action: z.literal('reject'), proposalId: ProposalId, reason: plainText(LIMITS.reason) }).strict(),
      z.object({ action: z.literal('merge'), proposalId: ProposalId, into: ProposalId }).strict(),
    ]),
    z.object({ proposalId: z.string(), status: z.enum(['accepted', 'rejected', 'merged']), entities: z.array(z.string()), links: z.array(z.string()) }),
  ),

  /** Puts notes into a group (a new one when `groupId` is left out; `title` names it). */
  'workshop.groupNotes': command(
    z.object({ noteIds: z.array(IdSchema).min(1).max(500), groupId: IdSchema.optional(), title: oneLine(LIMITS.title).optional() }).strict(),
    z.object({ groupId: z.string() }),
  ),
  /** Takes notes out of their groups; a group left empty goes away. */
  'workshop.ungroupNotes': command(z.object({ noteIds: z.array(IdSchema).min(1).max(500) }).strict(), z.null()),
  'workshop.renameGroup': command(z.object({ groupId: IdSchema, title: oneLine(LIMITS.title) }).strict(), z.null()),
  /** Removes a note (off-topic or unwanted); kept out of the record. */
  'workshop.deleteNote': command(z.object({ noteId: IdSchema }).strict(), z.null()),
  /** Turns groups into needs (named by the group, described by its notes), in one undoable step, linked to `lifeEvent` when given. */
  'workshop.groupsToNeeds': command(
    z.object({ groupIds: z.array(IdSchema).min(1).max(200), lifeEvent: IdSchema.optional() }).strict(),
    z.object({ needs: z.array(z.string()) }),
  ),

  /** Opens a dot-voting round; anonymous unless said otherwise. Opening one closes any open round. */
  'workshop.openVote': command(
    z
      .object({
        title: oneLine(LIMITS.title),
        targets: z.array(VoteTargetInputSchema).min(1).max(LIMITS.targets),
        dotsPerPerson: z.number().int().min(1).max(LIMITS.dots).default(3),
        anonymous: z.boolean().default(true),
      })
      .strict(),
    z.object({ roundId: z.string() }),
  ),
  'workshop.closeVote': command(z.object({ roundId: IdSchema }).strict(), z.null()),

  /** The facilitator's own comment on a map item, proposal or note. */
  'workshop.comment': command(z.object({ target: CommentTargetSchema, text: plainText(LIMITS.comment) }).strict(), z.object({ commentId: z.string() })),
  'workshop.deleteComment': command(z.object({ commentId: IdSchema }).strict(), z.null()),

  /** Saves an assessment step's answers as picture surveys now (one per organisation); also done at the end. */
  'workshop.saveAssessment': command(z.object({ stepId: IdSchema }).strict(), z.object({ surveys: z.array(z.string()) })),

  /** Built-in templates and the facilitator's own (kept in the app's data folder, for every workspace). */
  'workshop.templates': query(Empty, z.array(WorkshopTemplateSchema)),
  /** Saves an agenda as one's own template; without `steps`, the running session's agenda (in its language). Same `id` replaces. */
  'workshop.saveTemplate': command(
    z
      .object({
        name: oneLine(LIMITS.title),
        id: IdSchema.optional(),
        steps: z.array(TemplateStepSchema).min(1).max(LIMITS.steps).optional(),
      })
      .strict(),
    WorkshopTemplateSchema,
  ),
  'workshop.deleteTemplate': command(z.object({ id: IdSchema }).strict(), z.null()),

  /** Records of ended sessions in this workspace, newest first. */
  'workshop.records': query(Empty, z.array(RecordInfoSchema)),
  'workshop.record': query(z.object({ id: z.string().min(1).max(100) }).strict(), RecordSchema),
  /**
   * Every record as the situational picture shows it (agenda planned against actual, people,
   * proposals' fates, top votes, counts), newest first; `before` (ISO time, e.g. a review's) keeps
   * the sessions that had ended by then.
   */
  'workshop.digests': query(z.object({ before: z.string().min(1).max(40).optional() }).strict().default({}), z.array(DigestSchema)),
} satisfies Record<string, MethodSpec>;

export { AgendaStepSchema };
