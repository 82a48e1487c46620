import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pickText, type Language } from '../../../../../shared/model';
import { divergingSegments, LIKERT_OPTIONS, type PictureItem, type Survey, type SurveySummary } from '../../../../../shared/picture';
import { ChartFigure } from '../charts/NumbersTable';
import { LIKERT } from '../charts/palette';
import type { TableData } from '../charts/table-data';
import { fmtDate, fmtNumber, fmtPercent } from '../format';
import type { EditTarget } from '../editors/targets';
import { AssessmentComparison } from './AssessmentCompare';

const pct = (v: number) => Math.round(v * 1000) / 10;

/** One row of a diverging bar: 1–2 and half of 3 left of zero, the rest right, in % of scale answers. */
export function divergingRow(counts: Record<1 | 2 | 3 | 4 | 5, number>, cannotSay: number) {
  const seg = divergingSegments({ counts, cannotSay });
  const w = (o: number) => {
    const s = seg.find((x) => x.option === o);
    return s ? pct(s.end - s.start) : 0;
  };
  return { s3n: -w(3) / 2, s2: -w(2), s1: -w(1), s3p: w(3) / 2, s4: w(4), s5: w(5) };
}

function SurveyFigure({ survey, summary }: { survey: Survey; summary?: SurveySummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const title = pickText(survey.name, lang) || survey.id;
  const rows = survey.questions.map((q) => {
    const s = summary?.questions.find((x) => x.id === q.id)?.summary;
    const text = pickText(q.text, lang) || q.id;
    const n = s?.n ?? 0;
    const label = `${text.length > 48 ? `${text.slice(0, 46)}…` : text} (N\u00a0=\u00a0${fmtNumber(n, lang)})`;
    return { q, s, text, label, ...divergingRow(q.counts, q.cannotSay) };
  });
  const table: TableData = {
    title,
    columns: [
      { header: t('picture.survey.question') },
      { header: 'N', kind: 'number' },
      ...LIKERT_OPTIONS.map((o) => ({ header: t(`picture.survey.option${o}`), kind: 'number' as const })),
      { header: t('picture.survey.cannotSay'), kind: 'number' },
      { header: t('picture.survey.shareAgree'), kind: 'percent' },
      { header: t('picture.survey.mean'), kind: 'number' },
    ],
    rows: rows.map((r) => [r.text, r.s?.n ?? 0, ...LIKERT_OPTIONS.map((o) => r.q.counts[o]), r.q.cannotSay, r.s?.shareAgree ?? null, r.s?.mean === null || r.s?.mean === undefined ? null : Math.round(r.s.mean * 100) / 100]),
  };
  const summaryText = rows
    .map((r) => t('picture.survey.rowSummary', { text: r.text, n: r.s?.n ?? 0, agree: r.s?.shareAgree === null || r.s?.shareAgree === undefined ? '–' : fmtPercent(r.s.shareAgree, lang), mean: r.s?.mean === null || r.s?.mean === undefined ? '–' : fmtNumber(r.s.mean, lang) }))
    .join('; ');
  const seriesName = (k: string) => t(`picture.survey.option${k.replace(/[np]$/, '').slice(1)}`);
  return (
    <div className="survey-block">
      <ChartFigure title={title + (survey.date ? ` (${fmtDate(survey.date, lang)})` : '')} table={table} summary={summaryText}>
        <ResponsiveContainer width="100%" height={60 + 40 * rows.length}>
          <BarChart data={rows} layout="vertical" stackOffset="sign" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} tickFormatter={(v: number) => `${Math.abs(v)} %`} />
            <YAxis type="category" dataKey="label" width={330} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v, k) => [`${fmtNumber(Math.abs(Number(v)) * (String(k).startsWith('s3') ? 2 : 1), lang, 1)} %`, seriesName(String(k))]} />
            <ReferenceLine x={0} stroke="#555" />
            {(['s3n', 's2', 's1', 's3p', 's4', 's5'] as const).map((k) => (
              <Bar key={k} dataKey={k} stackId="likert" fill={LIKERT[Number(k[1]) as 1 | 2 | 3 | 4 | 5]} barSize={20} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ul className="likert-legend" aria-label={t('picture.survey.legend')}>
        {LIKERT_OPTIONS.map((o) => (
          <li key={o}>
            <span className="swatch" style={{ background: LIKERT[o] }} aria-hidden="true" />
            {t(`picture.survey.option${o}`)}
          </li>
        ))}
      </ul>
      <ul className="survey-figures">
        {rows.map((r) => (
          <li key={r.q.id}>
            <span className="survey-q">{r.text}</span>{' '}
            <span className="muted">
              {t('picture.survey.figures', {
                n: fmtNumber(r.s?.n ?? 0, lang),
                cannotSay: fmtNumber(r.q.cannotSay, lang),
                agree: r.s?.shareAgree === null || r.s?.shareAgree === undefined ? '–' : fmtPercent(r.s.shareAgree, lang),
                mean: r.s?.mean === null || r.s?.mean === undefined ? '–' : fmtNumber(r.s.mean, lang),
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Stakeholder surveys as diverging stacked bars (the Likert convention), every bar with its N. */
export function SurveysSection({ items, surveys, readOnly, onEdit }: { items: readonly PictureItem[]; surveys: readonly SurveySummary[]; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const list = items.filter((i): i is Survey => i.kind === 'survey');
  return (
    <section className="dash-section" aria-labelledby="dash-surveys">
      <div className="section-head">
        <h2 id="dash-surveys">{t('picture.section.surveys')}</h2>
        {!readOnly && (
          <div className="section-actions">
            <button type="button" onClick={() => onEdit({ kind: 'survey' })}>
              {t('picture.action.newSurvey')}
            </button>
          </div>
        )}
      </div>
      {list.length === 0 && <p className="muted">{t('picture.survey.none')}</p>}
      <AssessmentComparison items={items} />
      <p className="muted small">{list.length > 0 && t('picture.survey.rule')}</p>
      {list.map((s) => (
        <div key={s.id} className="survey-wrap">
          {!readOnly && (
            <button type="button" className="small-button survey-edit" onClick={() => onEdit({ kind: 'survey', id: s.id })} aria-label={t('picture.action.editNamed', { name: pickText(s.name, lang) || s.id })}>
              {t('picture.action.edit')}
            </button>
          )}
          {s.questions.length === 0 ? <p className="muted">{t('picture.survey.noQuestions', { name: pickText(s.name, lang) })}</p> : <SurveyFigure survey={s} summary={surveys.find((x) => x.id === s.id)} />}
        </div>
      ))}
    </section>
  );
}
