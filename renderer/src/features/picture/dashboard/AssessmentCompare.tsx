import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pickText, type Language } from '../../../../../shared/model';
import { compareAssessments, LIKERT_OPTIONS, type AssessmentSeries, type PictureItem } from '../../../../../shared/picture';
import { ChartFigure } from '../charts/NumbersTable';
import { LIKERT } from '../charts/palette';
import type { TableData } from '../charts/table-data';
import { fmtDate, fmtNumber } from '../format';
import { useNames } from '../names';
import { divergingRow } from './Surveys';

/** Line colours for the questions over time, told apart without red–green (Okabe–Ito); the table says the same. */
const LINES = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8a99ab', '#6a3d9a'];
/** Each session's label: its date, numbered when one day had several sessions. */
function sessionLabels(series: AssessmentSeries, lang: Language): string[] {
  const base = series.sessions.map((s) => (s.date ? fmtDate(s.date, lang) : s.session));
  const seen = new Map<string, number>();
  return base.map((b) => {
    const same = base.filter((x) => x === b).length;
    if (same === 1) return b;
    const k = (seen.get(b) ?? 0) + 1;
    seen.set(b, k);
    return `${b} (${k})`;
  });
}
const round2 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

/** One question: each organisation's answers of the chosen session as a diverging bar, with mean and N. */
function QuestionByOrganisation({ series, sessionIndex, qIndex, orgName }: { series: AssessmentSeries; sessionIndex: number; qIndex: number; orgName(id: string): string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const q = series.questions[qIndex];
  const text = pickText(q.text, lang) || q.id;
  const session = series.sessions[sessionIndex];
  const rows = session.organisations
    .filter((o) => o.questions[q.id])
    .map((o) => {
      const a = o.questions[q.id];
      const mean = a.summary.mean;
      const name = orgName(o.organisation);
      const label = t('workshop.compare.orgLabel', { name: name.length > 34 ? `${name.slice(0, 32)}…` : name, n: fmtNumber(a.summary.n, lang), mean: mean === null ? '–' : fmtNumber(mean, lang) });
      return { name, label, a, ...divergingRow(a.counts, a.cannotSay) };
    });
  if (rows.length === 0) return null;
  const table: TableData = {
    title: `${text} (${sessionLabels(series, lang)[sessionIndex]})`,
    columns: [
      { header: t('workshop.compare.organisation') },
      { header: 'N', kind: 'number' },
      ...LIKERT_OPTIONS.map((o) => ({ header: t(`picture.survey.option${o}`), kind: 'number' as const })),
      { header: t('picture.survey.cannotSay'), kind: 'number' },
      { header: t('picture.survey.mean'), kind: 'number' },
    ],
    rows: rows.map((r) => [r.name, r.a.summary.n, ...LIKERT_OPTIONS.map((o) => r.a.counts[o]), r.a.cannotSay, round2(r.a.summary.mean)]),
  };
  const summary = rows.map((r) => t('workshop.compare.rowSummary', { name: r.name, n: r.a.summary.n, mean: r.a.summary.mean === null ? '–' : fmtNumber(r.a.summary.mean, lang) })).join('; ');
  const seriesName = (k: string) => t(`picture.survey.option${k.replace(/[np]$/, '').slice(1)}`);
  return (
    <ChartFigure title={text} table={table} summary={`${text}: ${summary}`} headingLevel={4}>
      <ResponsiveContainer width="100%" height={50 + 34 * rows.length}>
        <BarChart data={rows} layout="vertical" stackOffset="sign" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} tickFormatter={(v: number) => `${Math.abs(v)} %`} />
          <YAxis type="category" dataKey="label" width={300} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, k) => [`${fmtNumber(Math.abs(Number(v)) * (String(k).startsWith('s3') ? 2 : 1), lang, 1)} %`, seriesName(String(k))]} />
          <ReferenceLine x={0} stroke="#555" />
          {(['s3n', 's2', 's1', 's3p', 's4', 's5'] as const).map((k) => (
            <Bar key={k} dataKey={k} stackId="likert" fill={LIKERT[Number(k[1]) as 1 | 2 | 3 | 4 | 5]} barSize={18} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Every question's mean over the assessment's sessions, all organisations of a session together. */
function OverTime({ series }: { series: AssessmentSeries }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const labels = sessionLabels(series, lang);
  const dateOf = (s: AssessmentSeries['sessions'][number]) => labels[series.sessions.indexOf(s)];
  const qText = (q: AssessmentSeries['questions'][number]) => pickText(q.text, lang) || q.id;
  const data = series.sessions.map((s) => ({ date: dateOf(s), ...Object.fromEntries(series.questions.map((q) => [q.id, round2(s.pooled[q.id]?.summary.mean)])) }));
  const table: TableData = {
    title: t('workshop.compare.overTimeOf', { title: series.title }),
    columns: [{ header: t('picture.survey.question') }, ...series.sessions.flatMap((s) => [{ header: t('workshop.compare.meanOn', { date: dateOf(s) }), kind: 'number' as const }, { header: t('workshop.compare.nOn', { date: dateOf(s) }), kind: 'number' as const }])],
    rows: series.questions.map((q) => [qText(q), ...series.sessions.flatMap((s) => [round2(s.pooled[q.id]?.summary.mean), s.pooled[q.id]?.summary.n ?? null])]),
  };
  const summary = series.questions
    .map((q) => `${qText(q)}: ${series.sessions.map((s) => `${dateOf(s)} ${s.pooled[q.id]?.summary.mean == null ? '–' : fmtNumber(s.pooled[q.id]!.summary.mean!, lang)} (N ${s.pooled[q.id]?.summary.n ?? 0})`).join(', ')}`)
    .join('; ');
  return (
    <ChartFigure title={t('workshop.compare.overTime')} table={table} summary={summary} headingLevel={4}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" interval={0} padding={{ left: 40, right: 40 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={30} />
          <Tooltip formatter={(v, k) => [v === null ? '–' : fmtNumber(Number(v), lang), qText(series.questions.find((q) => q.id === k) ?? { id: String(k), text: {} as never })]} />
          <Legend formatter={(k: string) => {
            const text = qText(series.questions.find((q) => q.id === k) ?? { id: k, text: {} as never });
            return text.length > 50 ? `${text.slice(0, 48)}…` : text;
          }} />
          {series.questions.map((q, i) => (
            <Line key={q.id} dataKey={q.id} stroke={LINES[i % LINES.length]} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function SeriesBlock({ series, orgName }: { series: AssessmentSeries; orgName(id: string): string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [chosen, setChosen] = useState<string | null>(null);
  const index = Math.max(0, chosen ? series.sessions.findIndex((s) => s.session === chosen) : series.sessions.length - 1);
  const selectId = `assess-session-${series.series}`;
  const labels = sessionLabels(series, lang);
  return (
    <div className="assess-compare" data-series={series.series}>
      <h3>{t('workshop.compare.title', { title: series.title })}</h3>
      <p className="muted small">{t('workshop.compare.rule')}</p>
      <div className="assess-by-org">
        <div className="assess-head">
          <h4 className="assess-subhead">{t('workshop.compare.byOrganisation')}</h4>
          {series.sessions.length > 1 && (
            <span className="assess-session-pick">
              <label htmlFor={selectId}>{t('workshop.compare.session')}</label>{' '}
              <select id={selectId} value={series.sessions[index].session} onChange={(e) => setChosen(e.target.value)}>
                {series.sessions.map((s, i) => (
                  <option key={s.session} value={s.session}>
                    {labels[i]}
                  </option>
                ))}
              </select>
            </span>
          )}
        </div>
        <p className="muted small">{t('workshop.compare.sessionOf', { date: labels[index], count: series.sessions[index].organisations.length })}</p>
        {series.questions.map((q, i) => (
          <QuestionByOrganisation key={q.id} series={series} sessionIndex={index} qIndex={i} orgName={orgName} />
        ))}
      </div>
      {series.sessions.length > 1 ? <OverTime series={series} /> : <p className="muted small">{t('workshop.compare.oneSession')}</p>}
    </div>
  );
}

/**
 * Readiness self-assessments from workshops, compared: within a session organisation by
 * organisation (diverging bars with mean and N), and over the assessment's sessions (mean per
 * question per session date). Surveys typed in or imported are not part of it.
 */
export function AssessmentComparison({ items }: { items: readonly PictureItem[] }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Language;
  const names = useNames(items, lang);
  const series = useMemo(() => compareAssessments(items, (a, b) => names.entity(a).localeCompare(names.entity(b), lang)), [items, names, lang]);
  if (series.length === 0) return null;
  return (
    <>
      {series.map((s) => (
        <SeriesBlock key={s.series} series={s} orgName={names.entity} />
      ))}
    </>
  );
}
