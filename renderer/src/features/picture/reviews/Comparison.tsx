import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { pickText, type Language } from '../../../../../shared/model';
import type { Indicator, PictureItem, ReviewComparison, Survey } from '../../../../../shared/picture';
import { fmtDelta, fmtMoney, fmtMoneyDelta, fmtNumber, fmtPercent } from '../format';

const same = (a: unknown, b: unknown) => a === b || (a == null && b == null);

/** The comparison as sentences, grouped the way a leader reads them; pure so the report and tests can use it. */
export function comparisonLines(cmp: ReviewComparison, t: TFunction, lang: Language, nameOf: (id: string) => string, items: readonly PictureItem[]): Array<{ group: string; lines: string[] }> {
  const num = (v: number | undefined | null) => (v === undefined || v === null ? '–' : fmtNumber(v, lang));
  const money = (v: number | undefined | null) => (v === undefined || v === null ? '–' : fmtMoney(v, lang));
  const status = (s: string | undefined) => (s ? t(`picture.status.${s}`) : t('picture.compare.absent'));
  const groups: Array<{ group: string; lines: string[] }> = [];

  const units = new Map(items.filter((i): i is Indicator => i.kind === 'indicator').map((i) => [i.id, i.unit]));
  const ind = cmp.indicators.map((r) => {
    const name = nameOf(r.id);
    const unit = units.get(r.id) ? ` ${units.get(r.id)}` : '';
    const num = (v: number | undefined | null) => (v === undefined || v === null ? '–' : `${fmtNumber(v, lang)}${unit}`);
    if (!r.before) return t('picture.compare.indicatorNew', { name, status: status(r.after?.status), value: num(r.after?.value) });
    if (!r.after) return t('picture.compare.indicatorGone', { name });
    const parts = [t('picture.compare.value', { before: num(r.before.value), after: num(r.after.value), delta: r.delta === undefined ? '' : ` (${fmtDelta(r.delta, lang)}${unit})` })];
    if (r.statusChanged) parts.push(t('picture.compare.status', { before: status(r.before.status), after: status(r.after.status) }));
    return `${name}: ${parts.join('; ')}`;
  });
  if (ind.length) groups.push({ group: t('picture.compare.indicators'), lines: ind });

  if (cmp.gaps) {
    const g = cmp.gaps;
    const gapName = (x: { need: string; name: Record<string, string | undefined> }) => pickText(x.name, lang) || nameOf(x.need);
    const lines: string[] = [];
    if (g.coverageBefore !== g.coverageAfter) lines.push(t('picture.compare.coverage', { before: fmtPercent(g.coverageBefore, lang), after: fmtPercent(g.coverageAfter, lang) }));
    for (const x of g.opened) lines.push(t('picture.compare.gapOpened', { name: gapName(x), people: num(x.people) }));
    for (const x of g.closed) lines.push(t('picture.compare.gapClosed', { name: gapName(x), people: num(x.people) }));
    if (lines.length) groups.push({ group: t('picture.compare.gaps'), lines });
  }

  const b = cmp.budget;
  const budget: string[] = [];
  if (b.plannedBefore !== b.plannedAfter) budget.push(t('picture.compare.budgetPlanned', { before: money(b.plannedBefore), after: money(b.plannedAfter), delta: fmtMoneyDelta(b.plannedAfter - b.plannedBefore, lang) }));
  if (b.actualBefore !== b.actualAfter) budget.push(t('picture.compare.budgetActual', { before: money(b.actualBefore), after: money(b.actualAfter) }));
  for (const c of b.categories ?? []) {
    const parts = [];
    if (c.plannedBefore !== c.plannedAfter) parts.push(t('picture.compare.plannedChange', { before: money(c.plannedBefore), after: money(c.plannedAfter) }));
    if (c.actualBefore !== c.actualAfter) parts.push(t('picture.compare.actualChange', { before: money(c.actualBefore), after: money(c.actualAfter) }));
    budget.push(`${c.key}: ${parts.join(', ')}`);
  }
  if (budget.length) groups.push({ group: t('picture.compare.budget'), lines: budget });

  const c = cmp.cba;
  const cba: string[] = [];
  if (!same(c.npvBefore, c.npvAfter)) cba.push(t('picture.compare.npv', { before: money(c.npvBefore), after: money(c.npvAfter) }));
  if (!same(c.bcrBefore, c.bcrAfter)) cba.push(t('picture.compare.bcr', { before: num(c.bcrBefore), after: num(c.bcrAfter) }));
  if (!same(c.paybackBefore, c.paybackAfter)) cba.push(t('picture.compare.payback', { before: c.paybackBefore ?? t('picture.compare.none'), after: c.paybackAfter ?? t('picture.compare.none') }));
  if (!same(c.criticalMassBefore, c.criticalMassAfter)) cba.push(t('picture.compare.criticalMass', { before: c.criticalMassBefore ?? t('picture.compare.none'), after: c.criticalMassAfter ?? t('picture.compare.none') }));
  if (cba.length) groups.push({ group: t('picture.compare.cba'), lines: cba });

  const surveys = items.filter((i): i is Survey => i.kind === 'survey');
  const sv = cmp.surveys.map((s) => {
    const survey = surveys.find((x) => x.id === s.surveyId);
    const q = survey?.questions.find((x) => x.id === s.questionId);
    const name = `${survey ? pickText(survey.name, lang) : s.surveyId}: ${q ? pickText(q.text, lang) : s.questionId}`;
    return t('picture.compare.survey', { name, meanBefore: s.meanBefore === null ? '–' : fmtNumber(s.meanBefore, lang), meanAfter: s.meanAfter === null ? '–' : fmtNumber(s.meanAfter, lang), nBefore: s.nBefore, nAfter: s.nAfter });
  });
  if (sv.length) groups.push({ group: t('picture.compare.surveys'), lines: sv });
  return groups;
}

/** Two reviews (or a review and now) compared as one readable list. */
export function ComparisonList({ cmp, nameOf, items, headingId }: { cmp: ReviewComparison; nameOf(id: string): string; items: readonly PictureItem[]; headingId?: string }) {
  const { t, i18n } = useTranslation();
  const groups = comparisonLines(cmp, t, i18n.language as Language, nameOf, items);
  if (groups.length === 0) return <p className="muted">{t('picture.compare.nothing')}</p>;
  return (
    <div className="comparison" aria-labelledby={headingId}>
      {groups.map((g) => (
        <div key={g.group} className="comparison-group">
          <h4>{g.group}</h4>
          <ul>
            {g.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
