import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/model';
import { api } from '../../../api';
import { attempt, useApp } from '../../../app/store';
import { downloadBase64 } from '../../io/files';
import { Disclosure } from './Disclosure';
import { displayCell, exportable, type TableData } from './table-data';

/** Saves a table as CSV or XLSX through the backend's spreadsheet writer (the same as the workspace export). */
export function ExportButtons({ table }: { table: TableData }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const file = await attempt(() => api.call('picture.exportTable', { ...exportable(table), format }));
      if (!file) return;
      downloadBase64(file.name, file.mime, file.dataBase64);
      useApp.getState().notify({ kind: 'info', text: t('picture.table.exported', { name: file.name }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="table-export">
      <button type="button" disabled={busy || table.rows.length === 0} onClick={() => void run('csv')} aria-label={t('picture.table.exportCsvOf', { title: table.title })}>
        {t('picture.table.csv')}
      </button>
      <button type="button" disabled={busy || table.rows.length === 0} onClick={() => void run('xlsx')} aria-label={t('picture.table.exportXlsxOf', { title: table.title })}>
        {t('picture.table.xlsx')}
      </button>
    </div>
  );
}

/** A table of numbers with a caption and its export buttons; the first column heads each row. */
export function NumbersTable({ table, captionHidden = false }: { table: TableData; captionHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  return (
    <div className="numbers-table">
      <div className="table-scroll-x">
        <table className="data-table compact">
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} scope="col" className={c.kind && c.kind !== 'text' ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 && (
              <tr>
                <td colSpan={table.columns.length} className="muted">
                  {t('picture.table.noRows')}
                </td>
              </tr>
            )}
            {table.rows.map((r, ri) => (
              <tr key={ri}>
                {r.map((v, ci) => {
                  const kind = table.columns[ci]?.kind;
                  const text = displayCell(v, kind, lang);
                  const cls = kind && kind !== 'text' ? 'num' : undefined;
                  return ci === 0 ? (
                    <th key={ci} scope="row" className={cls}>
                      {text}
                    </th>
                  ) : (
                    <td key={ci} className={cls}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportButtons table={table} />
    </div>
  );
}

/**
 * A chart with its title and, one click away, the same numbers as a table (for screen readers,
 * and for leaders who copy them). The drawing itself is an image with a text alternative.
 */
export function ChartFigure({ title, table, summary, children, headingLevel = 3 }: { title: string; table: TableData; summary: string; children: ReactNode; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const id = useId();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <H id={`${id}-title`} className="chart-title">
        {title}
      </H>
      <div className="chart-area" role="img" aria-label={summary}>
        {children}
      </div>
      <Disclosure className="chart-numbers" summary={t('picture.table.show')}>
        {() => <NumbersTable table={table} captionHidden />}
      </Disclosure>
    </figure>
  );
}
