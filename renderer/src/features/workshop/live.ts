import type {
  AgendaState,
  AssessmentResults,
  CommentView,
  GroupView,
  NoteView,
  ParticipantView,
  Presence,
  ProposalView,
  TimerState,
  VoteRoundView,
  WorkshopEvent,
} from '../../../../shared/workshop/types';

/**
 * What the facilitator's view and the participants' page both keep of a session, and how one
 * live event changes it. Pure (no React, no transport), so both bundles share it and a test can
 * replay a dropped connection.
 */
export interface LiveCommon {
  agenda: AgendaState;
  proposals: ProposalView[];
  notes: NoteView[];
  groups: GroupView[];
  rounds: VoteRoundView[];
  comments: CommentView[];
  assessments: AssessmentResults[];
  lastEventId: number;
  mapRevision: number;
  presence?: Presence;
  participants?: ParticipantView[];
  me?: { id: string; name: string | null; role: 'participant' | 'observer' };
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0) return [...list, item];
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

/**
 * Applies one event. An event at or below `lastEventId` was already applied (a resumed stream
 * overlapping what a catch-up read gave) and changes nothing, so nothing is ever counted twice.
 */
export function applyEvent<S extends LiveCommon>(s: S, ev: WorkshopEvent): S {
  if (ev.id <= s.lastEventId) return s;
  const next: S = { ...s, lastEventId: ev.id };
  switch (ev.type) {
    case 'agenda':
      next.agenda = ev.data;
      break;
    case 'presence':
      if ('presence' in s) next.presence = ev.data;
      break;
    case 'participant.joined':
    case 'participant.updated':
      if (s.participants) next.participants = upsert(s.participants, ev.data);
      break;
    case 'participant.left':
      if (s.participants) next.participants = s.participants.filter((p) => p.id !== ev.data.id);
      break;
    case 'you.updated':
      if (s.me) next.me = { ...s.me, role: ev.data.role };
      break;
    case 'proposal':
      next.proposals = upsert(s.proposals, ev.data);
      break;
    case 'note':
      next.notes = upsert(s.notes, ev.data);
      break;
    case 'note.deleted':
      next.notes = s.notes.filter((n) => n.id !== ev.data.id);
      break;
    case 'group':
      next.groups = upsert(s.groups, ev.data);
      break;
    case 'group.deleted':
      next.groups = s.groups.filter((g) => g.id !== ev.data.id);
      next.notes = s.notes.map((n) => (n.groupId === ev.data.id ? { ...n, groupId: null } : n));
      break;
    case 'vote':
      next.rounds = upsert(s.rounds, ev.data);
      break;
    case 'comment':
      next.comments = upsert(s.comments, ev.data);
      break;
    case 'comment.deleted':
      next.comments = s.comments.filter((c) => c.id !== ev.data.id);
      break;
    case 'assessment': {
      const i = s.assessments.findIndex((a) => a.stepId === ev.data.stepId);
      next.assessments = i < 0 ? [...s.assessments, ev.data] : s.assessments.map((a, j) => (j === i ? ev.data : a));
      break;
    }
    case 'map.changed':
      next.mapRevision = Math.max(s.mapRevision, ev.data.revision);
      break;
    case 'session.ended':
    case 'you.removed':
      break;
  }
  return next;
}

/** Applies events in id order (a catch-up read and a live stream may interleave). */
export function applyEvents<S extends LiveCommon>(s: S, events: readonly WorkshopEvent[]): S {
  return [...events].sort((a, b) => a.id - b.id).reduce(applyEvent, s);
}

/** Milliseconds left in the time box (negative when over), on the server's clock: `clockOffsetMs` = server time − local time. */
export function remainingMs(timer: TimerState, clockOffsetMs: number, now: number = Date.now()): number {
  let elapsed = timer.elapsedMs;
  if (timer.state === 'running' && timer.startedAt) elapsed += Math.max(0, now + clockOffsetMs - Date.parse(timer.startedAt));
  return timer.durationMs - elapsed;
}

/** "12:05", or "−0:42" once the time box is over; rounds up so a fresh 10-minute box shows 10:00. */
export function formatTimer(ms: number): string {
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${over ? '−' : ''}${m}:${String(s).padStart(2, '0')}`;
}

/** Dots per target in a round, biggest first, for its bar chart. */
export function roundResults(round: VoteRoundView): { id: string; label: string; dots: number; names?: string[] }[] {
  return round.targets
    .map((tg) => ({ id: tg.id, label: tg.label, dots: round.totals[tg.id] ?? 0, names: round.names?.[tg.id] }))
    .sort((a, b) => b.dots - a.dots || a.label.localeCompare(b.label));
}
