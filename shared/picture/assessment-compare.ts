/**
 * Readiness self-assessments side by side: the surveys a workshop saved (one per organisation and
 * session, each carrying its `assessment` link) grouped by the assessment they answer, so that
 * organisations can be compared within a session and the whole assessment over its sessions.
 */
import type { LocalizedText } from '../model';
import type { PictureItem, Survey } from './schemas';
import { summariseLikert, type LikertCounts, type LikertSummary } from './survey';

export interface ComparedAnswers extends LikertCounts {
  summary: LikertSummary;
}

/** One organisation's answers in one session: question id → counts and summary. */
export interface OrganisationAnswers {
  organisation: string;
  surveyId: string;
  questions: Record<string, ComparedAnswers>;
}

/** One session of an assessment: each organisation's answers, and all of them pooled. */
export interface AssessmentSession {
  session: string;
  /** The session's date (the surveys' date). */
  date?: string;
  organisations: OrganisationAnswers[];
  /** Every organisation's answers added together, per question: mean and N over all answers of the session. */
  pooled: Record<string, ComparedAnswers>;
  /** When the session started (ISO), '' when the surveys do not say. */
  startedAt: string;
}

export interface AssessmentSeries {
  /** The assessment answered (the agenda step's id). */
  series: string;
  /** Its title as the latest session named it. */
  title: string;
  /** Questions in the order the latest session asked them, then any only earlier sessions asked. */
  questions: Array<{ id: string; text: LocalizedText }>;
  /** Oldest first. */
  sessions: AssessmentSession[];
}

const add = (a: LikertCounts, b: LikertCounts): LikertCounts => ({
  counts: { 1: a.counts[1] + b.counts[1], 2: a.counts[2] + b.counts[2], 3: a.counts[3] + b.counts[3], 4: a.counts[4] + b.counts[4], 5: a.counts[5] + b.counts[5] },
  cannotSay: a.cannotSay + b.cannotSay,
});
const EMPTY: LikertCounts = { counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, cannotSay: 0 };
const withSummary = (c: LikertCounts): ComparedAnswers => ({ counts: { ...c.counts }, cannotSay: c.cannotSay, summary: summariseLikert(c) });

/**
 * Groups the self-assessment surveys among `items` by assessment and session. Surveys without an
 * assessment link (typed in or imported) are not part of it. Organisations within a session are
 * in the order of `order` when given (e.g. by name), otherwise by id.
 */
export function compareAssessments(items: readonly PictureItem[], order?: (a: string, b: string) => number): AssessmentSeries[] {
  const surveys = items.filter((i): i is Survey & { assessment: NonNullable<Survey['assessment']> } => i.kind === 'survey' && !!i.assessment);
  const bySeries = new Map<string, typeof surveys>();
  for (const s of surveys) bySeries.set(s.assessment.series, [...(bySeries.get(s.assessment.series) ?? []), s]);
  const orgOrder = order ?? ((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0));
  const out: AssessmentSeries[] = [];
  for (const [series, list] of bySeries) {
    const bySession = new Map<string, typeof surveys>();
    for (const s of list) bySession.set(s.assessment.session, [...(bySession.get(s.assessment.session) ?? []), s]);
    const sessions: AssessmentSession[] = [...bySession].map(([session, ss]) => {
      const organisations = ss
        .map((s) => ({
          organisation: s.assessment.organisation,
          surveyId: s.id,
          questions: Object.fromEntries(s.questions.map((q) => [q.id, withSummary({ counts: q.counts, cannotSay: q.cannotSay })])),
        }))
        .sort((a, b) => orgOrder(a.organisation, b.organisation));
      const pooledCounts = new Map<string, LikertCounts>();
      for (const s of ss) for (const q of s.questions) pooledCounts.set(q.id, add(pooledCounts.get(q.id) ?? EMPTY, { counts: q.counts, cannotSay: q.cannotSay }));
      const dates = ss.map((s) => s.date).filter((d): d is string => !!d).sort();
      const startedAt = ss.map((s) => s.assessment.startedAt ?? '').sort()[0];
      return { session, ...(dates[0] ? { date: dates[0] } : {}), organisations, pooled: Object.fromEntries([...pooledCounts].map(([id, c]) => [id, withSummary(c)])), startedAt };
    });
    // Sessions of one day in the order they were held (their ids are random).
    sessions.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.startedAt.localeCompare(b.startedAt) || a.session.localeCompare(b.session));
    const latest = sessions.at(-1)!;
    const latestSurveys = bySession.get(latest.session)!;
    const questions: AssessmentSeries['questions'] = [];
    const seen = new Set<string>();
    // Newest session first, so that the questions read as the latest session asked them.
    for (const sess of [...sessions].reverse()) {
      for (const s of bySession.get(sess.session)!) {
        for (const q of s.questions) {
          if (seen.has(q.id)) continue;
          seen.add(q.id);
          questions.push({ id: q.id, text: q.text });
        }
      }
    }
    out.push({ series, title: latestSurveys.find((s) => s.assessment.title)?.assessment.title ?? series, questions, sessions });
  }
  return out.sort((a, b) => (b.sessions.at(-1)?.date ?? '').localeCompare(a.sessions.at(-1)?.date ?? '') || a.series.localeCompare(b.series));
}
