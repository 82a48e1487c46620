import type { OptionalText } from '../model';
import type { AgendaStepState, ProposalStatus, StepKind, WorkshopRecord } from './types';

/**
 * A workshop record as the situational picture shows it (dashboard and report): the agenda's
 * planned against actual times, who took part, what became of the proposals, the top of each
 * vote, and counts of comments and notes. Computed from the stored record on every read, so the
 * record stays the one source.
 */
export interface WorkshopDigest {
  id: string;
  title: string;
  templateId?: string;
  /** The template's name, when the session started from one that still exists. */
  template?: OptionalText;
  startedAt: string;
  endedAt: string;
  agenda: WorkshopDigestStep[];
  /** Sum of the time boxes of every step. */
  plannedMinutes: number;
  /** From the first step's start to the last step's end; null when no step was run. */
  actualMinutes: number | null;
  participants: { participants: number; observers: number; anonymous: number; names?: string[] };
  proposals: Record<ProposalStatus, number> & { total: number };
  votes: WorkshopDigestVote[];
  comments: number;
  notes: number;
  /** Readiness self-assessment steps: how many answered, for how many organisations. */
  assessments: Array<{ stepId: string; title: string; respondents: number; organisations: number; surveys: number }>;
}

export interface WorkshopDigestStep {
  id: string;
  kind: StepKind;
  title: string;
  plannedMinutes: number;
  startedAt?: string;
  endedAt?: string;
  /** Whole minutes from the step's start to its end (rounded); null when the step was skipped. */
  actualMinutes: number | null;
}

export interface WorkshopDigestVote {
  id: string;
  title: string;
  voters: number;
  dots: number;
  /** The targets with the most dots, most first; ties by the order they were offered in. */
  top: Array<{ label: string; dots: number }>;
}

/** How many of a round's targets the digest names. */
export const DIGEST_TOP_VOTES = 3;

const minutesBetween = (a: string, b: string) => Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 60_000));

function stepDigest(s: AgendaStepState): WorkshopDigestStep {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    plannedMinutes: s.minutes,
    ...(s.startedAt ? { startedAt: s.startedAt } : {}),
    ...(s.endedAt ? { endedAt: s.endedAt } : {}),
    actualMinutes: s.startedAt && s.endedAt ? minutesBetween(s.startedAt, s.endedAt) : null,
  };
}

/** The digest of one record; `templateName` finds a template's name by id. */
export function digestRecord(rec: WorkshopRecord, templateName?: (id: string) => OptionalText | undefined): WorkshopDigest {
  const agenda = rec.agenda.map(stepDigest);
  const run = agenda.filter((s) => s.startedAt);
  const firstStart = run.map((s) => s.startedAt!).sort()[0];
  const lastEnd = run
    .map((s) => s.endedAt)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  const proposals = { total: rec.proposals.length, pending: 0, accepted: 0, rejected: 0, merged: 0 };
  for (const p of rec.proposals) proposals[p.status]++;
  const votes = rec.rounds.map((r) => {
    const ranked = r.targets.map((t, i) => ({ label: t.label, dots: r.totals[t.id] ?? 0, i })).filter((t) => t.dots > 0);
    ranked.sort((a, b) => b.dots - a.dots || a.i - b.i);
    return {
      id: r.id,
      title: r.title,
      voters: r.voters,
      dots: ranked.reduce((s, t) => s + t.dots, 0),
      top: ranked.slice(0, DIGEST_TOP_VOTES).map(({ label, dots }) => ({ label, dots })),
    };
  });
  const template = rec.templateId ? templateName?.(rec.templateId) : undefined;
  return {
    id: rec.id,
    title: rec.title,
    ...(rec.templateId ? { templateId: rec.templateId } : {}),
    ...(template ? { template } : {}),
    startedAt: rec.startedAt,
    endedAt: rec.endedAt,
    agenda,
    plannedMinutes: agenda.reduce((s, x) => s + x.plannedMinutes, 0),
    actualMinutes: firstStart && lastEnd ? minutesBetween(firstStart, lastEnd) : null,
    participants: { ...rec.participants, ...(rec.participants.names ? { names: [...rec.participants.names] } : {}) },
    proposals,
    votes,
    comments: rec.comments.length,
    notes: rec.notes.length,
    assessments: rec.assessments.map((a) => ({
      stepId: a.stepId,
      title: rec.agenda.find((s) => s.id === a.stepId)?.title ?? a.stepId,
      respondents: a.respondents,
      organisations: Object.keys(a.counts).length,
      surveys: a.surveys?.length ?? 0,
    })),
  };
}
