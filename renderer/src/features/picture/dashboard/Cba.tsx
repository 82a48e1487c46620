import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pickText, type Language } from '../../../../../shared/model';
import { cbaInput, cbaProblems, criticalMassCurve, tornado, type CbaItemDoc, type CbaSettings, type CbaSummary, type PictureItem } from '../../../../../shared/picture';
import { Disclosure } from '../charts/Disclosure';
import { ChartFigure, ExportButtons } from '../charts/NumbersTable';
import { NEGATIVE, NEUTRAL, PLANNED, POSITIVE } from '../charts/palette';
import type { TableData } from '../charts/table-data';
import { fmtMoney, fmtMoneyShort, fmtNumber, fmtPercent, parseNumber } from '../format';
import type { EditTarget } from '../editors/targets';

/** The critical-mass curve reaches past both the critical mass and the schedule's own final count. */
export function curveMax(criticalMass: number | null | undefined, finalOrganisations: number): number {
  return Math.max(10, Math.ceil(1.5 * Math.max(criticalMass ?? 0, finalOrganisations)));
}

/** Cost–benefit analysis: the figures with their formulas, the discounted net by year, the critical-mass curve and the tornado. */
export function CbaSection({ cba, items, readOnly, onEdit }: { cba: CbaSummary; items: readonly PictureItem[]; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const settings = items.find((i): i is CbaSettings => i.kind === 'cbaSettings');
  const cbaItems = useMemo(() => items.filter((i): i is CbaItemDoc => i.kind === 'cbaItem'), [items]);
  const nameOf = (id: string) => (id === 'discountRate' ? t('picture.cba.discountRate') : pickText(cbaItems.find((i) => i.id === id)?.name ?? {}, lang) || id);
  const [xText, setXText] = useState<string | null>(null);
  const defaultX = Math.round((settings?.sensitivity ?? 0.2) * 1000) / 10;
  const parsedX = parseNumber(xText ?? String(defaultX));
  const x = parsedX.ok && parsedX.value !== undefined && parsedX.value >= 0 && parsedX.value <= 100 ? parsedX.value : null;
  const input = useMemo(() => (settings ? cbaInput(cbaItems, settings) : null), [settings, cbaItems]);
  const computable = input && cbaProblems(input).length === 0;
  const tornadoNow = useMemo(() => (computable && x !== null ? tornado(input!, x / 100) : cba.tornado), [computable, input, x, cba.tornado]);
  const r = cba.result;
  const cm = cba.criticalMass;
  const curve = useMemo(() => {
    if (!computable || !r || r.finalOrganisations <= 0) return [];
    return criticalMassCurve(input!, curveMax(cm?.organisations, r.finalOrganisations), 40);
  }, [computable, input, r, cm]);
  const money = (v: number) => fmtMoney(v, lang);

  const head = (
    <div className="section-head">
      <h2 id="dash-cba">{t('picture.section.cba')}</h2>
      {!readOnly && (
        <div className="section-actions">
          <button type="button" onClick={() => onEdit({ kind: 'cbaSettings', id: 'cba' })}>
            {settings ? t('picture.action.cbaSettings') : t('picture.action.cbaSetUp')}
          </button>
          <button type="button" onClick={() => onEdit({ kind: 'cbaItem' })}>
            {t('picture.action.newCbaItem')}
          </button>
        </div>
      )}
    </div>
  );

  const itemsTable: TableData = {
    title: t('picture.cba.itemsTitle'),
    columns: [{ header: t('picture.field.name') }, { header: t('picture.field.cbaType') }, { header: t('picture.cba.basis') }, { header: t('picture.cba.years') }, { header: t('picture.cba.sum'), kind: 'money' }],
    rows: cbaItems.map((i) => {
      const years = Object.keys(i.amounts).map(Number).sort((a, b) => a - b);
      return [pickText(i.name, lang) || i.id, t(`picture.cba.type.${i.type}`), i.perOrganisation ? t('picture.cba.perOrganisation') : t('picture.cba.fixed'), years.length ? `${years[0]}–${years[years.length - 1]}` : '–', Object.values(i.amounts).reduce((s, v) => s + v, 0)];
    }),
  };
  const itemList = cbaItems.length > 0 && (
    <Disclosure className="item-list" summary={t('picture.cba.items', { count: cbaItems.length })}>
      {() => (
      <>
      <div className="table-scroll-x">
        <table className="data-table">
          <caption className="visually-hidden">{itemsTable.title}</caption>
          <thead>
            <tr>
              {itemsTable.columns.map((c, i) => (
                <th key={i} scope="col" className={c.kind === 'money' ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
              {!readOnly && <th scope="col"><span className="visually-hidden">{t('picture.action.edit')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {cbaItems.map((item, k) => (
              <tr key={item.id}>
                <th scope="row">{itemsTable.rows[k][0]}</th>
                <td>{itemsTable.rows[k][1]}</td>
                <td>{itemsTable.rows[k][2]}</td>
                <td>{itemsTable.rows[k][3]}</td>
                <td className="num">{money(itemsTable.rows[k][4] as number)}</td>
                {!readOnly && (
                  <td>
                    <button type="button" className="small-button" onClick={() => onEdit({ kind: 'cbaItem', id: item.id })} aria-label={t('picture.action.editNamed', { name: itemsTable.rows[k][0] })}>
                      {t('picture.action.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportButtons table={itemsTable} />
      </>
      )}
    </Disclosure>
  );

  if (!settings && cbaItems.length === 0)
    return (
      <section className="dash-section" aria-labelledby="dash-cba">
        {head}
        <p className="muted">{t('picture.cba.none')}</p>
      </section>
    );

  if (!r) {
    const problems = cba.problems.length ? cba.problems : ['noYears'];
    return (
      <section className="dash-section" aria-labelledby="dash-cba">
        {head}
        {!settings && <p className="muted">{t('picture.cba.noSettings')}</p>}
        {settings && (
          <ul className="problems">
            {problems.map((p) => (
              <li key={p}>{t(`picture.cba.problem.${p}`)}</li>
            ))}
          </ul>
        )}
        {itemList}
      </section>
    );
  }

  const rate = fmtPercent(cba.discountRate ?? settings?.discountRate ?? 0, lang, 2);
  const lastYear = r.years[r.years.length - 1]?.year;
  const byYear: TableData = {
    title: t('picture.cba.byYearTitle'),
    columns: [
      { header: t('picture.field.year') },
      { header: t('picture.cba.organisations'), kind: 'number' },
      { header: t('picture.cba.costs'), kind: 'money' },
      { header: t('picture.cba.benefits'), kind: 'money' },
      { header: t('picture.cba.discountFactor'), kind: 'number' },
      { header: t('picture.cba.discountedNet'), kind: 'money' },
      { header: t('picture.cba.cumulative'), kind: 'money' },
    ],
    rows: r.years.map((y) => [String(y.year), y.organisations, y.costs, y.benefits, Math.round(y.discountFactor * 10000) / 10000, y.discountedNet, y.cumulativeDiscountedNet]),
  };
  const curveTable: TableData = {
    title: t('picture.cba.curveTitle'),
    columns: [{ header: t('picture.cba.organisationsN'), kind: 'number' }, { header: t('picture.cba.npv'), kind: 'money' }],
    rows: curve.map((p) => [p.organisations, p.npv]),
  };
  const bars = (tornadoNow?.bars ?? []).map((b) => ({ name: nameOf(b.id), range: [b.low, b.high] as [number, number], low: b.low, high: b.high, swing: b.swing }));
  const tornadoTable: TableData = {
    title: t('picture.cba.tornadoTitle', { x: x ?? defaultX }),
    columns: [{ header: t('picture.cba.factor') }, { header: t('picture.cba.npvLow'), kind: 'money' }, { header: t('picture.cba.npvHigh'), kind: 'money' }, { header: t('picture.cba.swing'), kind: 'money' }],
    rows: bars.map((b) => [b.name, b.low, b.high, b.swing]),
  };
  const cmText =
    cm?.organisations !== null && cm?.organisations !== undefined
      ? t('picture.cba.criticalMassValue', { count: cm.organisations })
      : cm?.reason === 'noAdoption'
        ? t('picture.cba.criticalMassNoAdoption')
        : t('picture.cba.criticalMassNever', { limit: fmtNumber(cm?.limit ?? 100000, lang) });

  return (
    <section className="dash-section" aria-labelledby="dash-cba">
      {head}
      <dl className="figures formulas">
        <div>
          <dt>{t('picture.cba.npv')}</dt>
          <dd className={r.npv >= 0 ? 'good' : 'bad'}>{money(r.npv)}</dd>
          <dd className="formula">
            {t('picture.cba.npvFormula', { benefits: money(r.pvBenefits), costs: money(r.pvCosts) })}
          </dd>
        </div>
        <div>
          <dt>{t('picture.cba.bcr')}</dt>
          <dd>{r.bcr === null ? '–' : fmtNumber(r.bcr, lang)}</dd>
          <dd className="formula">{r.bcr === null ? t('picture.cba.bcrNoCosts') : t('picture.cba.bcrFormula', { benefits: money(r.pvBenefits), costs: money(r.pvCosts) })}</dd>
        </div>
        <div>
          <dt>{t('picture.cba.payback')}</dt>
          <dd>{r.paybackYear ?? t('picture.cba.paybackNone', { year: lastYear })}</dd>
          <dd className="formula">{t('picture.cba.paybackRule')}</dd>
        </div>
        <div>
          <dt>{t('picture.cba.criticalMass')}</dt>
          <dd>{cmText}</dd>
          <dd className="formula">{t('picture.cba.criticalMassRule', { count: r.finalOrganisations })}</dd>
        </div>
      </dl>
      <p className="formula pv-rule">{t('picture.cba.pvRule', { rate, first: r.firstYear })}</p>
      {settings && pickText(settings.assumptions, lang) && (
        <p className="assumptions">
          <strong>{t('picture.cba.assumptions')}: </strong>
          {pickText(settings.assumptions, lang)}
        </p>
      )}
      <div className="chart-grid">
        <ChartFigure title={byYear.title} table={byYear} summary={t('picture.cba.byYearSummary', { payback: r.paybackYear ?? '–', npv: money(r.npv) })}>
          <ResponsiveContainer width="100%" height={280}>
            <ComposedChart data={r.years} margin={{ top: 16, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis tickFormatter={(v: number) => fmtMoneyShort(v, lang)} width={80} />
              <Tooltip formatter={(v) => money(Number(v))} />
              <ReferenceLine y={0} stroke={NEUTRAL} />
              <Bar dataKey="discountedNet" name={t('picture.cba.discountedNet')} isAnimationActive={false}>
                {r.years.map((y) => (
                  <Cell key={y.year} fill={y.discountedNet >= 0 ? POSITIVE : NEGATIVE} />
                ))}
              </Bar>
              <Line dataKey="cumulativeDiscountedNet" name={t('picture.cba.cumulative')} stroke={PLANNED} strokeWidth={2} isAnimationActive={false} />
              {r.paybackYear !== null && <ReferenceLine x={r.paybackYear} stroke={POSITIVE} strokeDasharray="4 3" label={{ value: t('picture.cba.paybackMark', { year: r.paybackYear }), position: 'top', fontSize: 12 }} />}
            </ComposedChart>
          </ResponsiveContainer>
        </ChartFigure>
        {curve.length > 0 && (
          <ChartFigure title={curveTable.title} table={curveTable} summary={t('picture.cba.curveSummary', { mass: cmText })}>
            <ResponsiveContainer width="100%" height={280}>
              <LineChart data={curve} margin={{ top: 16, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="organisations" type="number" domain={[0, 'dataMax']} />
                <YAxis tickFormatter={(v: number) => fmtMoneyShort(v, lang)} width={80} />
                <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(n) => t('picture.cba.curveLabel', { count: Number(n) })} />
                <ReferenceLine y={0} stroke={NEUTRAL} />
                <Line dataKey="npv" name={t('picture.cba.npv')} stroke={PLANNED} strokeWidth={2} dot={false} isAnimationActive={false} />
                {cm?.organisations !== null && cm?.organisations !== undefined && (
                  <ReferenceLine x={cm.organisations} stroke={POSITIVE} strokeDasharray="4 3" label={{ value: t('picture.cba.criticalMassMark', { count: cm.organisations }), position: 'top', fontSize: 12 }} />
                )}
              </LineChart>
            </ResponsiveContainer>
          </ChartFigure>
        )}
        <div className="tornado-block">
          <div className="field inline-field">
            <label htmlFor="tornado-x">{t('picture.cba.tornadoX')}</label>
            <input id="tornado-x" inputMode="decimal" size={5} value={xText ?? String(defaultX)} aria-invalid={x === null ? true : undefined} aria-describedby={x === null ? 'tornado-x-error' : undefined} onChange={(e) => setXText(e.target.value)} />
            {x === null && (
              <p className="field-error" id="tornado-x-error">
                {t('picture.validation.percent0to100')}
              </p>
            )}
          </div>
          {bars.length > 0 && (
            <ChartFigure title={tornadoTable.title} table={tornadoTable} summary={t('picture.cba.tornadoSummary', { items: bars.slice(0, 3).map((b) => `${b.name} ${money(b.low)} … ${money(b.high)}`).join('; ') })}>
              <ResponsiveContainer width="100%" height={70 + 32 * bars.length}>
                <BarChart data={bars} layout="vertical" margin={{ top: 16, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
                  <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                  <XAxis type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => fmtMoneyShort(v, lang)} />
                  <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} tickFormatter={(s: string) => (s.length > 30 ? `${s.slice(0, 28)}…` : s)} />
                  <Tooltip formatter={(v) => (Array.isArray(v) ? `${money(Number(v[0]))} … ${money(Number(v[1]))}` : money(Number(v)))} />
                  <ReferenceLine x={tornadoNow?.base ?? r.npv} stroke={NEUTRAL} label={{ value: t('picture.cba.npvBase'), position: 'top', fontSize: 12 }} />
                  <Bar dataKey="range" name={t('picture.cba.npvRange')} fill={PLANNED} barSize={14} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          )}
        </div>
      </div>
      <p className="muted small">
        {t('picture.cba.settingsLine', {
          rate,
          adoption: Object.entries(settings?.adoption ?? {})
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([y, n]) => `${y}: ${fmtNumber(n, lang)}`)
            .join(', ') || '–',
        })}
      </p>
      {itemList}
    </section>
  );
}
