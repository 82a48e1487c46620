/** The numbers behind a chart: shown as an accessible table and exported as CSV or XLSX. */
import type { Language } from '../../../../../shared/model';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';

export type ColumnKind = 'text' | 'number' | 'money' | 'percent';
export interface Column {
  header: string;
  kind?: ColumnKind;
}
export type CellValue = string | number | null;
export interface TableData {
  title: string;
  columns: Column[];
  /** Raw values: money in euros, percent columns as shares (0–1). */
  rows: CellValue[][];
}

/** A cell as the table shows it. */
export function displayCell(v: CellValue, kind: ColumnKind | undefined, lang: Language): string {
  if (v === null || v === '') return '–';
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'money':
      return fmtMoney(v, lang);
    case 'percent':
      return fmtPercent(v, lang);
    default:
      return fmtNumber(v, lang);
  }
}

/**
 * The table as a spreadsheet gets it: numbers stay numbers (a spreadsheet formats them itself),
 * shares become percentages rounded to a tenth, with the unit in the heading.
 */
export function exportable(table: TableData): { title: string; headers: string[]; rows: CellValue[][] } {
  return {
    title: table.title,
    headers: table.columns.map((c) => (c.kind === 'percent' ? `${c.header} (%)` : c.kind === 'money' ? `${c.header} (EUR)` : c.header)),
    rows: table.rows.map((r) => r.map((v, i) => (typeof v === 'number' && table.columns[i]?.kind === 'percent' ? Math.round(v * 1000) / 10 : v))),
  };
}
