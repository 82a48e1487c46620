import { describe, expect, it } from 'vitest';
import { compareAssessments } from './assessment-compare';
import { SurveySchema, type PictureItem } from './schemas';

const c = (x: Partial<Record<1 | 2 | 3 | 4 | 5, number>>) => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, ...x });
const survey = (id: string, session: string, date: string, organisation: string, questions: Array<[string, Partial<Record<1 | 2 | 3 | 4 | 5, number>>, number]>, series = 'mirror-assess') =>
  SurveySchema.parse({
    id,
    kind: 'survey',
    name: { fi: `Peili: ${organisation} (${date})` },
    date,
    assessment: { series, organisation, session, title: series === 'mirror-assess' ? 'Itsearviointi' : 'Muu' },
    questions: questions.map(([q, counts, cannotSay]) => ({ id: q, text: { fi: `Väite ${q}` }, counts: c(counts), cannotSay })),
  }) as PictureItem;

/**
 * Session A (2 March): VM answered q1 with a 2 and a 4 (mean 3, N 2) and q2 with a 5 and one
 * "cannot say" (mean 5, N 2); DVV answered q1 with a 5 (mean 5, N 1). Pooled: q1 = (2+4+5)/3 =
 * 3.67 with N 3, q2 = 5 with N 2. Session B (1 September): VM answered q1 3,3,4,4 (mean 3.5, N 4),
 * q2 4,5 and two "cannot say" (mean 4.5, N 4), and a new q3 with a 1 (mean 1, N 1).
 */
const ITEMS: PictureItem[] = [
  survey('s-b-vm', 'ws-b', '2026-09-01', 'org-vm', [
    ['q1', { 3: 2, 4: 2 }, 0],
    ['q2', { 4: 1, 5: 1 }, 2],
    ['q3', { 1: 1 }, 0],
  ]),
  survey('s-a-vm', 'ws-a', '2026-03-02', 'org-vm', [
    ['q1', { 2: 1, 4: 1 }, 0],
    ['q2', { 5: 1 }, 1],
  ]),
  survey('s-a-dvv', 'ws-a', '2026-03-02', 'org-dvv', [['q1', { 5: 1 }, 0]]),
  survey('s-other', 'ws-a', '2026-03-02', 'org-vm', [['x1', { 3: 1 }, 0]], 'other-step'),
  // A survey typed in by hand is not a self-assessment: left out.
  SurveySchema.parse({ id: 'typed', kind: 'survey', name: { fi: 'Kysely' }, questions: [{ id: 'q1', text: { fi: 'x' }, counts: c({ 5: 9 }), cannotSay: 0 }] }) as PictureItem,
];

describe('comparing readiness self-assessments', () => {
  const series = compareAssessments(ITEMS);
  const mirror = series.find((s) => s.series === 'mirror-assess')!;

  it('groups the linked surveys by assessment and session, oldest session first', () => {
    expect(series.map((s) => s.series).sort()).toEqual(['mirror-assess', 'other-step']);
    expect(mirror.title).toBe('Itsearviointi');
    expect(mirror.sessions.map((s) => [s.session, s.date, s.organisations.map((o) => o.organisation)])).toEqual([
      ['ws-a', '2026-03-02', ['org-dvv', 'org-vm']],
      ['ws-b', '2026-09-01', ['org-vm']],
    ]);
    // The latest session's questions first, then what only earlier sessions asked.
    expect(mirror.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('gives each organisation its mean (without "cannot say") and N per question', () => {
    const [a] = mirror.sessions;
    const vm = a.organisations.find((o) => o.organisation === 'org-vm')!;
    const dvv = a.organisations.find((o) => o.organisation === 'org-dvv')!;
    expect([vm.questions.q1.summary.mean, vm.questions.q1.summary.n]).toEqual([3, 2]);
    expect([vm.questions.q2.summary.mean, vm.questions.q2.summary.n, vm.questions.q2.summary.nScale]).toEqual([5, 2, 1]);
    expect([dvv.questions.q1.summary.mean, dvv.questions.q1.summary.n]).toEqual([5, 1]);
    expect(dvv.questions.q2).toBeUndefined();
  });

  it('pools a session’s organisations per question: mean over every scale answer, N over every answer', () => {
    const [a, b] = mirror.sessions;
    expect(a.pooled.q1.counts).toEqual(c({ 2: 1, 4: 1, 5: 1 }));
    expect(a.pooled.q1.summary.mean).toBeCloseTo(11 / 3, 10);
    expect(a.pooled.q1.summary.n).toBe(3);
    expect([a.pooled.q2.summary.mean, a.pooled.q2.summary.n]).toEqual([5, 2]);
    expect(a.pooled.q3).toBeUndefined();
    expect([b.pooled.q1.summary.mean, b.pooled.q1.summary.n]).toEqual([3.5, 4]);
    expect([b.pooled.q2.summary.mean, b.pooled.q2.summary.n]).toEqual([4.5, 4]);
    expect([b.pooled.q3.summary.mean, b.pooled.q3.summary.n]).toEqual([1, 1]);
  });

  it('orders sessions of one day by when they started, not by their random ids', () => {
    const at = (id: string, session: string, startedAt: string) => {
      const s = survey(id, session, '2026-03-02', 'org-vm', [['q1', { 3: 1 }, 0]]) as Extract<PictureItem, { kind: 'survey' }>;
      return { ...s, assessment: { ...s.assessment!, startedAt } } as PictureItem;
    };
    const [one] = compareAssessments([at('s1', 'ws-zzz', '2026-03-02T08:00:00.000Z'), at('s2', 'ws-aaa', '2026-03-02T13:00:00.000Z')]);
    expect(one.sessions.map((s) => s.session)).toEqual(['ws-zzz', 'ws-aaa']);
  });

  it('orders organisations as asked, and has nothing to compare without linked surveys', () => {
    const byName = compareAssessments(ITEMS, (x, y) => (x === 'org-vm' ? -1 : y === 'org-vm' ? 1 : 0));
    expect(byName.find((s) => s.series === 'mirror-assess')!.sessions[0].organisations.map((o) => o.organisation)).toEqual(['org-vm', 'org-dvv']);
    expect(compareAssessments(ITEMS.filter((i) => i.id === 'typed'))).toEqual([]);
  });
});
