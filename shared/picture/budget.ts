/** Budget totals and shares per category, organisation and year; planned against actual. */

export interface BudgetLine {
  item: string;
  organisation?: string;
  category: string;
  year: number;
  /** The last year of a line that covers several years; the line then counts under "year–yearTo". */
  yearTo?: number;
  planned: number;
  /** Undefined while the year's actual figure is not known. */
  actual?: number;
}

export interface BudgetGroup {
  key: string;
  planned: number;
  /** Sum of the actual figures that are known. */
  actual: number;
  /** Lines in the group whose actual figure is not known yet. */
  actualMissing: number;
  /** Share of the total planned budget (0–1); 0 when the total is 0. */
  share: number;
}

export interface BudgetSummary {
  planned: number;
  actual: number;
  byCategory: BudgetGroup[];
  byOrganisation: BudgetGroup[];
  byYear: BudgetGroup[];
}

function groupBy(lines: readonly BudgetLine[], keyOf: (l: BudgetLine) => string, total: number): BudgetGroup[] {
  const groups = new Map<string, BudgetGroup>();
  for (const l of lines) {
    const key = keyOf(l);
    const g = groups.get(key) ?? { key, planned: 0, actual: 0, actualMissing: 0, share: 0 };
    g.planned += l.planned;
    if (l.actual === undefined) g.actualMissing++;
    else g.actual += l.actual;
    groups.set(key, g);
  }
  for (const g of groups.values()) g.share = total === 0 ? 0 : g.planned / total;
  return [...groups.values()].sort((a, b) => b.planned - a.planned || (a.key < b.key ? -1 : 1));
}

/** Totals and shares of planned money per category, organisation (`''` for none) and year. */
export function summariseBudget(lines: readonly BudgetLine[]): BudgetSummary {
  const planned = lines.reduce((s, l) => s + l.planned, 0);
  const actual = lines.reduce((s, l) => s + (l.actual ?? 0), 0);
  return {
    planned,
    actual,
    byCategory: groupBy(lines, (l) => l.category, planned),
    byOrganisation: groupBy(lines, (l) => l.organisation ?? '', planned),
    byYear: groupBy(lines, (l) => (l.yearTo !== undefined && l.yearTo > l.year ? `${l.year}–${l.yearTo}` : String(l.year)), planned).sort(
      (a, b) => parseInt(a.key, 10) - parseInt(b.key, 10) || a.key.length - b.key.length,
    ),
  };
}
