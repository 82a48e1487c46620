import { useTranslation } from 'react-i18next';
import type { MatchingRunRecord } from '../../../../shared/api/matching';
import type { Entity } from '../../../../shared/model';
import { Linked } from './Linked';

type Row = MatchingRunRecord['run']['coverage'][number];

/**
 * Coverage as a table of needs × personas (needs down, as a workshop has more needs than
 * personas and need names are the longer ones to read). Every cell says in text whether the need
 * is covered and how close the best service came; colour only repeats what the text says.
 */
export function Heatmap({ record, byId, name }: { record: MatchingRunRecord; byId: Map<string, Entity>; name: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const { run } = record;
  const cells = new Map<string, Row>(run.coverage.map((r) => [`${r.persona}\u0000${r.need}`, r]));
  // Only needs some persona in scope has: an empty row says nothing.
  const needs = run.scope.needs.filter((n) => run.coverage.some((r) => r.need === n));
  const personas = run.scope.personas;
  const threshold = run.params.threshold;
  const fmt = (x: number) => x.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const shade = (r: Row) => {
    // Covered: greener the higher the score; not covered: redder the further below the threshold.
    if (r.covered) return `color-mix(in srgb, var(--ok) ${Math.round(14 + 22 * Math.min(1, (r.bestScore - threshold) / Math.max(0.01, 1 - threshold)))}%, var(--surface))`;
    return `color-mix(in srgb, var(--danger) ${Math.round(14 + 26 * Math.min(1, (threshold - r.bestScore) / Math.max(0.01, threshold)))}%, var(--surface))`;
  };
  const summary = new Map(run.personas.map((p) => [p.persona, p]));
  return (
    <div className="heatmap-scroll" tabIndex={0} role="region" aria-labelledby="heatmap-caption">
      <table className="data-table heatmap">
        <caption id="heatmap-caption">{t('matching.heatmapCaption', { threshold: fmt(threshold) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="heat-corner">
              {t('matching.needPersona')}
            </th>
            {personas.map((p) => (
              <th scope="col" key={p} className="heat-persona">
                <Linked id={p} byId={byId} name={name} />
              </th>
            ))}
            <th scope="col" className="num heat-total">
              {t('matching.coveredFor')}
            </th>
          </tr>
        </thead>
        <tbody>
          {needs.map((n) => {
            const rows = personas.map((p) => cells.get(`${p}\u0000${n}`)).filter((r): r is Row => !!r);
            return (
              <tr key={n}>
                <th scope="row" className="heat-need">
                  <Linked id={n} byId={byId} name={name} />
                </th>
                {personas.map((p) => {
                  const r = cells.get(`${p}\u0000${n}`);
                  if (!r) {
                    return (
                      <td key={p} className="heat-cell heat-none">
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('matching.notANeed')}</span>
                      </td>
                    );
                  }
                  const best = r.bestService ? name(r.bestService) : t('matching.noService');
                  return (
                    <td
                      key={p}
                      className={`heat-cell ${r.covered ? 'heat-covered' : 'heat-gap'}`}
                      style={{ background: shade(r) }}
                      title={t('matching.cellTitle', { service: best, score: fmt(r.bestScore), count: r.servicesAbove })}
                    >
                      <span aria-hidden="true">{r.covered ? '✓' : '✗'} </span>
                      <span className="visually-hidden">{r.covered ? t('matching.covered') : t('matching.notCovered')}, </span>
                      {fmt(r.bestScore)}
                    </td>
                  );
                })}
                <td className="num heat-total">
                  {rows.filter((r) => r.covered).length} / {rows.length}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('matching.personaCoverage')}</th>
            {personas.map((p) => (
              <td key={p} className="num heat-total">
                {summary.get(p) ? `${Math.round(summary.get(p)!.coverage * 100)}\u00a0%` : '–'}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
