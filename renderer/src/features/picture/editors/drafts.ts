/**
 * Drafts of the picture's forms (what the user types, numbers as text) and their conversion to
 * items: numbers read in the user's way, every problem collected per field, then the same zod
 * schema as the backend. Pure, so that every rule is tested without a browser.
 */
import type { z } from 'zod';
import type { Language, OptionalText } from '../../../../../shared/model';
import {
  BudgetLineSchema,
  CbaItemSchema,
  CbaSettingsSchema,
  GoalSchema,
  IndicatorSchema,
  SurveySchema,
  type BudgetLineItem,
  type CbaItemDoc,
  type CbaSettings,
  type Goal,
  type Indicator,
  type PictureItem,
  type Survey,
} from '../../../../../shared/picture';
import { numberToText, parseNumber } from '../format';
import type { EditableKind } from './targets';
import { issuesToErrors, readNumber, type FieldErrors } from './validation';

const clean = (v: OptionalText): OptionalText => {
  const out: OptionalText = {};
  for (const l of ['fi', 'sv', 'en'] as const) if (v[l]?.trim()) out[l] = v[l]!.trim();
  return out;
};
const opt = (s: string) => (s.trim() ? s.trim() : undefined);
const pctText = (share: number | undefined, lang: Language) => (share === undefined ? '' : numberToText(Math.round(share * 1e8) / 1e6, lang));

export interface Built {
  item?: PictureItem;
  errors: FieldErrors;
}

function finish(schema: z.ZodType, candidate: unknown, errors: FieldErrors): Built {
  const r = schema.safeParse(candidate);
  const all = r.success ? { ...errors } : { ...issuesToErrors(r.error.issues), ...errors };
  if (Object.keys(all).length || !r.success) return { errors: all };
  return { item: r.data as PictureItem, errors: {} };
}

// ---------------------------------------------------------------- goal

export interface GoalDraft {
  name: OptionalText;
  description: OptionalText;
}
export const goalDraft = (g?: Goal): GoalDraft => ({ name: { ...(g?.name ?? {}) }, description: { ...(g?.description ?? {}) } });
export function buildGoal(id: string, d: GoalDraft): Built {
  return finish(GoalSchema, { id, kind: 'goal', name: clean(d.name), description: clean(d.description) }, {});
}

// ---------------------------------------------------------------- indicator

export interface MeasurementDraft {
  date: string;
  value: string;
  note: string;
  source: string;
}
export interface IndicatorDraft {
  name: OptionalText;
  unit: string;
  direction: 'higher' | 'lower';
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  /** Percent of the planned change. */
  tolerance: string;
  dataSource: string;
  owner: string;
  measures: string;
  /** A matching figure that feeds the indicator ('' = measured by hand only). */
  bindingFigure: string;
  /** The life event whose runs measure it ('' = runs over the whole workspace). */
  bindingLifeEvent: string;
  /** For counters to visit: the persona. */
  bindingPersona: string;
  measurements: MeasurementDraft[];
}
export function indicatorDraft(lang: Language, ind?: Indicator, goal?: string): IndicatorDraft {
  return {
    name: { ...(ind?.name ?? {}) },
    unit: ind?.unit ?? '',
    direction: ind?.direction ?? 'higher',
    baselineValue: numberToText(ind?.baseline?.value, lang),
    baselineDate: ind?.baseline?.date ?? '',
    targetValue: numberToText(ind?.target?.value, lang),
    targetDate: ind?.target?.date ?? '',
    tolerance: pctText(ind?.tolerance ?? 0.1, lang),
    dataSource: ind?.dataSource ?? '',
    owner: ind?.owner ?? '',
    measures: ind?.measures ?? goal ?? '',
    bindingFigure: ind?.binding?.figure ?? '',
    bindingLifeEvent: ind?.binding?.lifeEvent ?? '',
    bindingPersona: ind?.binding?.persona ?? '',
    measurements: (ind?.measurements ?? []).map((m) => ({ date: m.date, value: numberToText(m.value, lang), note: m.note ?? '', source: m.source ?? '' })),
  };
}
/** A dated value from two fields: both empty is none; one empty is an error at that field. */
function datedValue(errors: FieldErrors, key: string, value: string, date: string) {
  if (!value.trim() && !date.trim()) return undefined;
  const v = readNumber(errors, `${key}.value`, parseNumber(value), true);
  if (!date.trim()) errors[`${key}.date`] = { code: 'required' };
  return v === undefined || !date.trim() ? undefined : { date: date.trim(), value: v };
}
export function buildIndicator(id: string, d: IndicatorDraft, original?: Indicator): Built {
  const errors: FieldErrors = {};
  const baseline = datedValue(errors, 'baseline', d.baselineValue, d.baselineDate);
  const target = datedValue(errors, 'target', d.targetValue, d.targetDate);
  const tol = readNumber(errors, 'tolerance', parseNumber(d.tolerance), true);
  const measurements = d.measurements.map((m, i) => {
    const value = readNumber(errors, `measurements.${i}.value`, parseNumber(m.value), true);
    if (!m.date.trim()) errors[`measurements.${i}.date`] = { code: 'required' };
    return { date: m.date.trim(), value: value ?? 0, ...(opt(m.note) ? { note: opt(m.note) } : {}), ...(opt(m.source) ? { source: opt(m.source) } : {}) };
  });
  // Counters to visit are a persona's: without one, no run could ever measure the indicator.
  if (d.bindingFigure === 'countersToVisit' && !d.bindingPersona) errors.bindingPersona = { code: 'required' };
  const candidate = {
    id,
    kind: 'indicator',
    name: clean(d.name),
    unit: d.unit.trim(),
    direction: d.direction,
    ...(baseline ? { baseline } : {}),
    ...(target ? { target } : {}),
    tolerance: tol === undefined ? 0.1 : tol / 100,
    ...(opt(d.dataSource) ? { dataSource: opt(d.dataSource) } : {}),
    ...(d.owner ? { owner: d.owner } : {}),
    ...(d.measures ? { measures: d.measures } : {}),
    ...(d.bindingFigure
      ? {
          binding: {
            figure: d.bindingFigure,
            ...(d.bindingLifeEvent ? { lifeEvent: d.bindingLifeEvent } : {}),
            ...(d.bindingFigure === 'countersToVisit' && d.bindingPersona ? { persona: d.bindingPersona } : {}),
          },
        }
      : {}),
    measurements,
  };
  const built = finish(IndicatorSchema, candidate, errors);
  // The schema speaks of the tolerance as a share; the form asks for percent.
  if (built.errors.tolerance?.values?.max !== undefined) built.errors.tolerance = { code: 'atMost', values: { max: Number(built.errors.tolerance.values.max) * 100 } };
  if (built.errors.tolerance?.code === 'atLeast') built.errors.tolerance = { code: 'atLeast', values: { min: 0 } };
  return built;
}

// ---------------------------------------------------------------- budget line

export interface BudgetDraft {
  item: string;
  category: string;
  organisation: string;
  year: string;
  planned: string;
  actual: string;
}
export const budgetDraft = (lang: Language, l?: BudgetLineItem): BudgetDraft => ({
  item: l?.item ?? '',
  category: l?.category ?? '',
  organisation: l?.organisation ?? '',
  year: l ? String(l.year) : String(new Date().getFullYear()),
  planned: numberToText(l?.planned, lang),
  actual: numberToText(l?.actual, lang),
});
export function buildBudgetLine(id: string, d: BudgetDraft): Built {
  const errors: FieldErrors = {};
  const year = readNumber(errors, 'year', parseNumber(d.year), true);
  const planned = readNumber(errors, 'planned', parseNumber(d.planned), true);
  const actual = readNumber(errors, 'actual', parseNumber(d.actual), false);
  return finish(
    BudgetLineSchema,
    { id, kind: 'budgetLine', item: d.item.trim(), category: d.category.trim(), ...(d.organisation ? { organisation: d.organisation } : {}), year: year ?? 0, planned: planned ?? 0, ...(actual !== undefined ? { actual } : {}) },
    errors,
  );
}

// ---------------------------------------------------------------- CBA item and settings

export interface YearRow {
  year: string;
  value: string;
}
export interface CbaItemDraft {
  name: OptionalText;
  type: 'cost' | 'benefit';
  perOrganisation: boolean;
  amounts: YearRow[];
}
const yearRows = (r: Record<string, number> | undefined, lang: Language): YearRow[] =>
  Object.entries(r ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([year, v]) => ({ year, value: numberToText(v, lang) }));
export const cbaItemDraft = (lang: Language, i?: CbaItemDoc): CbaItemDraft => ({ name: { ...(i?.name ?? {}) }, type: i?.type ?? 'cost', perOrganisation: i?.perOrganisation ?? false, amounts: i ? yearRows(i.amounts, lang) : [{ year: String(new Date().getFullYear()), value: '' }] });

/** Year rows as a record keyed by year; errors at `key.i.year` / `key.i.value`. */
function readYearRows(errors: FieldErrors, key: string, rows: YearRow[], min = -Infinity): Record<string, number> {
  const out: Record<string, number> = {};
  rows.forEach((r, i) => {
    const y = readNumber(errors, `${key}.${i}.year`, parseNumber(r.year), true);
    const v = readNumber(errors, `${key}.${i}.value`, parseNumber(r.value), true);
    if (y !== undefined && !(Number.isInteger(y) && y >= 1900 && y <= 2200)) errors[`${key}.${i}.year`] = { code: 'year.invalid' };
    else if (y !== undefined && String(y) in out) errors[`${key}.${i}.year`] = { code: 'year.duplicate' };
    if (v !== undefined && v < min) errors[`${key}.${i}.value`] = { code: 'atLeast', values: { min } };
    if (y !== undefined && v !== undefined && !errors[`${key}.${i}.year`] && !errors[`${key}.${i}.value`]) out[String(y)] = v;
  });
  return out;
}
export function buildCbaItem(id: string, d: CbaItemDraft): Built {
  const errors: FieldErrors = {};
  const amounts = readYearRows(errors, 'amounts', d.amounts);
  if (d.amounts.length === 0) errors.amounts = { code: 'cba.noYears' };
  return finish(CbaItemSchema, { id, kind: 'cbaItem', name: clean(d.name), type: d.type, perOrganisation: d.perOrganisation, amounts }, errors);
}

export interface CbaSettingsDraft {
  /** Percent. */
  discountRate: string;
  /** Percent. */
  sensitivity: string;
  adoption: YearRow[];
  assumptions: OptionalText;
}
export const cbaSettingsDraft = (lang: Language, s?: CbaSettings): CbaSettingsDraft => ({
  discountRate: pctText(s?.discountRate ?? 0.035, lang),
  sensitivity: pctText(s?.sensitivity ?? 0.2, lang),
  adoption: yearRows(s?.adoption, lang),
  assumptions: { ...(s?.assumptions ?? {}) },
});
export function buildCbaSettings(d: CbaSettingsDraft): Built {
  const errors: FieldErrors = {};
  const rate = readNumber(errors, 'discountRate', parseNumber(d.discountRate), true);
  const sens = readNumber(errors, 'sensitivity', parseNumber(d.sensitivity), true);
  const adoption = readYearRows(errors, 'adoption', d.adoption, 0);
  const built = finish(CbaSettingsSchema, { id: 'cba', kind: 'cbaSettings', discountRate: rate === undefined ? 0 : rate / 100, sensitivity: sens === undefined ? 0 : sens / 100, adoption, assumptions: clean(d.assumptions) }, errors);
  // Limits in the schema are shares; the form speaks percent.
  for (const k of ['discountRate', 'sensitivity']) {
    const e = built.errors[k];
    if (e?.values?.max !== undefined) built.errors[k] = { code: e.code, values: { max: Number(e.values.max) * 100 } };
    if (e?.values?.min !== undefined) built.errors[k] = { code: e.code, values: { min: Number(e.values.min) * 100 } };
  }
  return built;
}

// ---------------------------------------------------------------- survey

export interface QuestionDraft {
  id: string;
  text: OptionalText;
  counts: Record<'1' | '2' | '3' | '4' | '5' | 'cannotSay', string>;
}
export interface SurveyDraft {
  name: OptionalText;
  date: string;
  questions: QuestionDraft[];
  /** What the form does not edit but the survey carries (its source; a workshop self-assessment's link): kept as it was. */
  keep?: Pick<Survey, 'provenance' | 'assessment'>;
}
export const COUNT_KEYS = ['1', '2', '3', '4', '5', 'cannotSay'] as const;
export const newQuestion = (id: string): QuestionDraft => ({ id, text: {}, counts: { 1: '0', 2: '0', 3: '0', 4: '0', 5: '0', cannotSay: '0' } });
export const surveyDraft = (s?: Survey): SurveyDraft => ({
  ...(s?.provenance !== undefined || s?.assessment ? { keep: { ...(s.provenance !== undefined ? { provenance: s.provenance } : {}), ...(s.assessment ? { assessment: s.assessment } : {}) } } : {}),
  name: { ...(s?.name ?? {}) },
  date: s?.date ?? '',
  questions: (s?.questions ?? []).map((q) => ({ id: q.id, text: { ...q.text }, counts: { 1: String(q.counts[1]), 2: String(q.counts[2]), 3: String(q.counts[3]), 4: String(q.counts[4]), 5: String(q.counts[5]), cannotSay: String(q.cannotSay) } })),
});
export function buildSurvey(id: string, d: SurveyDraft): Built {
  const errors: FieldErrors = {};
  const questions = d.questions.map((q, i) => {
    const n = (k: (typeof COUNT_KEYS)[number]) => {
      const key = k === 'cannotSay' ? `questions.${i}.cannotSay` : `questions.${i}.counts.${k}`;
      const v = readNumber(errors, key, parseNumber(q.counts[k]), true) ?? 0;
      if (!Number.isInteger(v) || v < 0) errors[key] = { code: 'count' };
      return v;
    };
    return { id: q.id, text: clean(q.text), counts: { 1: n('1'), 2: n('2'), 3: n('3'), 4: n('4'), 5: n('5') }, cannotSay: n('cannotSay') };
  });
  return finish(SurveySchema, { id, kind: 'survey', name: clean(d.name), ...(d.date.trim() ? { date: d.date.trim() } : {}), questions, ...(d.keep ?? {}) }, errors);
}

/** A fresh id for a new item of a kind (ids are the user's never-seen handles; uniqueness is what counts). */
export function newId(kind: EditableKind | 'question'): string {
  const rnd = globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `${kind}-${rnd}`;
}
