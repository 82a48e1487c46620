import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Language } from '../../../../../shared/model';
import type { BudgetGroup, BudgetLineItem, BudgetSummary, PictureItem } from '../../../../../shared/picture';
import { Disclosure } from '../charts/Disclosure';
import { ChartFigure, ExportButtons } from '../charts/NumbersTable';
import { ACTUAL, PLANNED } from '../charts/palette';
import type { TableData } from '../charts/table-data';
import { fmtMoney, fmtMoneyShort, fmtPercent } from '../format';
import type { Names } from '../names';
import type { EditTarget } from '../editors/targets';

const short = (s: string) => (s.length > 34 ? `${s.slice(0, 32)}…` : s);

function GroupChart({ groups, label, title, lang }: { groups: Array<BudgetGroup & { name: string }>; label: string; title: string; lang: Language }) {
  const { t } = useTranslation();
  const table: TableData = {
    title,
    columns: [{ header: label }, { header: t('picture.budget.planned'), kind: 'money' }, { header: t('picture.budget.share'), kind: 'percent' }, { header: t('picture.budget.actual'), kind: 'money' }, { header: t('picture.budget.actualMissing'), kind: 'number' }],
    rows: groups.map((g) => [g.name, g.planned, g.share, g.actual, g.actualMissing]),
  };
  const summary = t('picture.budget.chartSummary', { title, items: groups.map((g) => `${g.name} ${fmtMoney(g.planned, lang)} (${fmtPercent(g.share, lang)})`).join('; ') });
  return (
    <ChartFigure title={title} table={table} summary={summary}>
      <ResponsiveContainer width="100%" height={70 + 38 * groups.length}>
        <BarChart data={groups} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => fmtMoneyShort(v, lang)} />
          <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} tickFormatter={short} />
          <Tooltip formatter={(v) => fmtMoney(Number(v), lang)} />
          <Legend />
          <Bar dataKey="planned" name={t('picture.budget.planned')} fill={PLANNED} barSize={12} isAnimationActive={false} />
          <Bar dataKey="actual" name={t('picture.budget.actual')} fill={ACTUAL} barSize={12} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Totals, shares per category, organisation and year, planned against actual; the lines to edit. */
export function BudgetSection({ budget, items, names, readOnly, onEdit }: { budget: BudgetSummary; items: readonly PictureItem[]; names: Names; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const lines = items.filter((i): i is BudgetLineItem => i.kind === 'budgetLine').sort((a, b) => a.year - b.year || a.category.localeCompare(b.category, lang) || a.item.localeCompare(b.item, lang));
  const orgName = (key: string) => (key ? names.entity(key) : t('picture.budget.noOrganisation'));
  const linesTable: TableData = {
    title: t('picture.budget.linesTitle'),
    columns: [{ header: t('picture.field.item') }, { header: t('picture.field.category') }, { header: t('picture.field.organisation') }, { header: t('picture.field.year') }, { header: t('picture.budget.planned'), kind: 'money' }, { header: t('picture.budget.actual'), kind: 'money' }],
    rows: lines.map((l) => [l.item, l.category, l.organisation ? names.entity(l.organisation) : null, String(l.year), l.planned, l.actual ?? null]),
  };
  const hasLines = lines.length > 0;
  return (
    <section className="dash-section" aria-labelledby="dash-budget">
      <div className="section-head">
        <h2 id="dash-budget">{t('picture.section.budget')}</h2>
        {!readOnly && (
          <div className="section-actions">
            <button type="button" onClick={() => onEdit({ kind: 'budgetLine' })}>
              {t('picture.action.newBudgetLine')}
            </button>
          </div>
        )}
      </div>
      {!hasLines && budget.byCategory.length === 0 ? (
        <p className="muted">{t('picture.budget.none')}</p>
      ) : (
        <>
          <dl className="figures">
            <div>
              <dt>{t('picture.budget.plannedTotal')}</dt>
              <dd>{fmtMoney(budget.planned, lang)}</dd>
            </div>
            <div>
              <dt>{t('picture.budget.actualTotal')}</dt>
              <dd>{fmtMoney(budget.actual, lang)}</dd>
            </div>
            <div>
              <dt>{t('picture.budget.used')}</dt>
              <dd>{budget.planned ? fmtPercent(budget.actual / budget.planned, lang) : '–'}</dd>
            </div>
          </dl>
          <div className="chart-grid">
            <GroupChart lang={lang} title={t('picture.budget.byCategory')} label={t('picture.field.category')} groups={budget.byCategory.map((g) => ({ ...g, name: g.key }))} />
            <GroupChart lang={lang} title={t('picture.budget.byOrganisation')} label={t('picture.field.organisation')} groups={budget.byOrganisation.map((g) => ({ ...g, name: orgName(g.key) }))} />
            <GroupChart lang={lang} title={t('picture.budget.byYear')} label={t('picture.field.year')} groups={budget.byYear.map((g) => ({ ...g, name: g.key }))} />
          </div>
          {hasLines && (
            <Disclosure className="item-list" summary={t('picture.budget.lines', { count: lines.length })}>
              {() => (
              <>
              <div className="table-scroll-x">
                <table className="data-table">
                  <caption className="visually-hidden">{linesTable.title}</caption>
                  <thead>
                    <tr>
                      {linesTable.columns.map((c, i) => (
                        <th key={i} scope="col" className={c.kind === 'money' ? 'num' : undefined}>
                          {c.header}
                        </th>
                      ))}
                      {!readOnly && <th scope="col"><span className="visually-hidden">{t('picture.action.edit')}</span></th>}
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l) => (
                      <tr key={l.id}>
                        <th scope="row">{l.item}</th>
                        <td>{l.category}</td>
                        <td>{l.organisation ? names.entity(l.organisation) : '–'}</td>
                        <td>{l.year}</td>
                        <td className="num">{fmtMoney(l.planned, lang)}</td>
                        <td className="num">{l.actual === undefined ? '–' : fmtMoney(l.actual, lang)}</td>
                        {!readOnly && (
                          <td>
                            <button type="button" className="small-button" onClick={() => onEdit({ kind: 'budgetLine', id: l.id })} aria-label={t('picture.action.editNamed', { name: `${l.item} ${l.year}` })}>
                              {t('picture.action.edit')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ExportButtons table={linesTable} />
              </>
            )}
            </Disclosure>
          )}
        </>
      )}
    </section>
  );
}
