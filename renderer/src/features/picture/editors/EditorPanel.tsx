import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language, type Organisation } from '../../../../../shared/model';
import { analysisYears, MATCHING_FIGURES, type BudgetLineItem, type CbaItemDoc, type CbaSettings, type Goal, type ImpactBox, type Indicator, type PictureItem, type Survey } from '../../../../../shared/picture';
import { api } from '../../../api';
import { attempt, useApp } from '../../../app/store';
import { useFocusAfterRender } from '../../../app/useFocusAfterRender';
import {
  buildBudgetLine,
  buildCbaItem,
  buildCbaSettings,
  buildGoal,
  buildIndicator,
  buildSurvey,
  budgetDraft,
  cbaItemDraft,
  cbaSettingsDraft,
  COUNT_KEYS,
  goalDraft,
  indicatorDraft,
  newId,
  newQuestion,
  surveyDraft,
  type Built,
  type YearRow,
} from './drafts';
import { describedBy, ErrorText, fieldId, MlField, SelectField, TextField } from './fields';
import type { EditTarget } from './targets';
import type { FieldErrors } from './validation';

interface ShellProps {
  target: EditTarget;
  heading: string;
  existing?: PictureItem;
  build(): Built;
  onClose(): void;
  children(errors: FieldErrors): ReactNode;
}

/** The side panel every picture form shares: save as one undoable step, cancel, delete with confirmation. */
function Shell({ target, heading, existing, build, onClose, children }: ShellProps) {
  const { t } = useTranslation();
  const notify = useApp((s) => s.notify);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const shown = tried ? build().errors : errors;

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [target.kind, target.id]);

  const save = async () => {
    setTried(true);
    const b = build();
    setErrors(b.errors);
    if (!b.item) {
      setTimeout(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const r = await attempt(() => api.call('picture.put', { item: b.item! }));
    if (!r) return;
    notify({ kind: 'info', text: existing ? t('picture.editor.saved', { name: heading }) : t('picture.editor.created') });
    onClose();
  };
  const remove = async () => {
    if (!existing) return;
    const r = await attempt(() => api.call('picture.delete', { id: existing.id }));
    if (!r) return;
    notify({ kind: 'info', text: t('picture.editor.deleted', { name: heading }) });
    onClose();
  };
  return (
    <aside className="panel picture-editor" aria-labelledby="picture-editor-heading" ref={panel} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="pane-header">
        <h2 id="picture-editor-heading">{heading}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('action.close')}>
          ×
        </button>
      </div>
      <form
        className="entity-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {Object.keys(shown).length > 0 && (
          <p className="form-errors" role="alert">
            {t('picture.editor.fix', { count: Object.keys(shown).length })}
          </p>
        )}
        {children(shown)}
        <div className="form-actions">
          <button type="submit" className="primary">
            {existing ? t('action.save') : t('action.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <span className="spacer" />
          {existing && !confirm && (
            <button type="button" className="danger" onClick={() => setConfirm(true)}>
              {t('action.delete')}
            </button>
          )}
        </div>
        {existing && confirm && (
          <div className="confirm" role="alertdialog" aria-labelledby="picture-confirm-text">
            <p id="picture-confirm-text">{t('picture.editor.confirmDelete', { name: heading })}</p>
            <button type="button" className="danger" onClick={() => void remove()} autoFocus>
              {t('action.confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirm(false)}>
              {t('action.cancel')}
            </button>
          </div>
        )}
      </form>
    </aside>
  );
}

/** Rows of year → number (CBA amounts, the adoption schedule) with add and remove. */
function YearRows({ fieldKey, legend, valueLabel, rows, onChange, errors, hint }: { fieldKey: string; legend: string; valueLabel: string; rows: YearRow[]; onChange(rows: YearRow[]): void; errors: FieldErrors; hint?: string }) {
  const { t } = useTranslation();
  const focusAdded = useFocusAfterRender();
  const add = () => {
    const years = rows.map((r) => Number(r.year)).filter(Number.isFinite);
    const next = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
    onChange([...rows, { year: String(next), value: rows[rows.length - 1]?.value ?? '' }]);
    focusAdded(fieldId(`${fieldKey}.${rows.length}.value`));
  };
  return (
    <fieldset className="year-rows">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {rows.length > 0 && (
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">{t('picture.field.year')}</th>
              <th scope="col">{valueLabel}</th>
              <th scope="col">
                <span className="visually-hidden">{t('action.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const yk = `${fieldKey}.${i}.year`;
              const vk = `${fieldKey}.${i}.value`;
              const set = (patch: Partial<YearRow>) => onChange(rows.map((x, k) => (k === i ? { ...x, ...patch } : x)));
              return (
                <tr key={i}>
                  <td>
                    <input id={fieldId(yk)} inputMode="numeric" size={6} value={r.year} aria-label={`${t('picture.field.year')} ${i + 1}`} onChange={(e) => set({ year: e.target.value })} {...describedBy(yk, errors[yk])} />
                    <ErrorText fieldKey={yk} error={errors[yk]} />
                  </td>
                  <td>
                    <input id={fieldId(vk)} inputMode="decimal" value={r.value} aria-label={`${valueLabel} ${r.year || i + 1}`} onChange={(e) => set({ value: e.target.value })} {...describedBy(vk, errors[vk])} />
                    <ErrorText fieldKey={vk} error={errors[vk]} />
                  </td>
                  <td>
                    <button type="button" className="small-button" onClick={() => onChange(rows.filter((_, k) => k !== i))} aria-label={t('picture.editor.removeYear', { year: r.year || i + 1 })}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={add}>
        {t('picture.editor.addYear')}
      </button>
      <ErrorText fieldKey={fieldKey} error={errors[fieldKey]} />
    </fieldset>
  );
}

function useOrganisations(lang: Language) {
  const entities = useApp((s) => s.entities);
  return useMemo(
    () =>
      entities
        .filter((e): e is Organisation => e.kind === 'organisation')
        .map((o) => ({ value: o.id, label: pickText(o.name, lang) || o.id }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [entities, lang],
  );
}

function GoalEditor({ target, existing, onClose }: { target: EditTarget; existing?: Goal; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => goalDraft(existing));
  const id = useMemo(() => existing?.id ?? newId('goal'), [existing]);
  return (
    <Shell target={target} existing={existing} heading={existing ? pickText(existing.name, lang) || existing.id : t('picture.editor.newGoal')} build={() => buildGoal(id, d)} onClose={onClose}>
      {(errors) => (
        <>
          <MlField fieldKey="name" label={t('picture.field.name')} value={d.name} onChange={(name) => setD({ ...d, name })} errors={errors} required />
          <MlField fieldKey="description" label={t('picture.field.description')} value={d.description} onChange={(description) => setD({ ...d, description })} errors={errors} multiline />
        </>
      )}
    </Shell>
  );
}

function IndicatorEditor({ target, existing, items, onClose }: { target: EditTarget; existing?: Indicator; items: readonly PictureItem[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => indicatorDraft(lang, existing, target.goal));
  const id = useMemo(() => existing?.id ?? newId('indicator'), [existing]);
  const orgs = useOrganisations(lang);
  const entities = useApp((st) => st.entities);
  const named = (kind: 'lifeEvent' | 'persona') =>
    entities
      .filter((e) => e.kind === kind)
      .map((e) => ({ value: e.id, label: pickText(e.name, lang) || e.id }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  const lifeEvents = named('lifeEvent');
  const personas = named('persona');
  const measures = [
    { value: '', label: t('picture.editor.none') },
    ...items.filter((i): i is Goal => i.kind === 'goal').map((g) => ({ value: g.id, label: pickText(g.name, lang) || g.id, group: t('picture.editor.goals') })),
    ...items.filter((i): i is ImpactBox => i.kind === 'impactBox').map((b) => ({ value: b.id, label: `${pickText(b.name, lang) || b.id} (${t(`picture.stage.${b.stage}`)})`, group: t('picture.editor.impactBoxes') })),
  ];
  const focusAdded = useFocusAfterRender();
  const setM = (i: number, patch: Partial<(typeof d.measurements)[number]>) => setD({ ...d, measurements: d.measurements.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const addMeasurement = () => {
    setD({ ...d, measurements: [...d.measurements, { date: new Date().toISOString().slice(0, 10), value: '', note: '', source: '' }] });
    focusAdded(fieldId(`measurements.${d.measurements.length}.value`));
  };
  return (
    <Shell target={target} existing={existing} heading={existing ? pickText(existing.name, lang) || existing.id : t('picture.editor.newIndicator')} build={() => buildIndicator(id, d, existing)} onClose={onClose}>
      {(errors) => (
        <>
          <MlField fieldKey="name" label={t('picture.field.name')} value={d.name} onChange={(name) => setD({ ...d, name })} errors={errors} required />
          <div className="field-pair">
            <TextField fieldKey="unit" label={t('picture.field.unit')} value={d.unit} onChange={(unit) => setD({ ...d, unit })} errors={errors} size={8} />
            <SelectField
              fieldKey="direction"
              label={t('picture.field.direction')}
              value={d.direction}
              onChange={(v) => setD({ ...d, direction: v as 'higher' | 'lower' })}
              errors={errors}
              options={[
                { value: 'higher', label: t('picture.direction.higher') },
                { value: 'lower', label: t('picture.direction.lower') },
              ]}
            />
          </div>
          <fieldset>
            <legend>{t('picture.field.baseline')}</legend>
            <div className="field-pair">
              <TextField fieldKey="baseline.value" label={t('picture.field.value')} value={d.baselineValue} onChange={(v) => setD({ ...d, baselineValue: v })} errors={errors} inputMode="decimal" />
              <TextField fieldKey="baseline.date" label={t('picture.field.date')} type="date" value={d.baselineDate} onChange={(v) => setD({ ...d, baselineDate: v })} errors={errors} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('picture.field.target')}</legend>
            <div className="field-pair">
              <TextField fieldKey="target.value" label={t('picture.field.value')} value={d.targetValue} onChange={(v) => setD({ ...d, targetValue: v })} errors={errors} inputMode="decimal" />
              <TextField fieldKey="target.date" label={t('picture.field.date')} type="date" value={d.targetDate} onChange={(v) => setD({ ...d, targetDate: v })} errors={errors} />
            </div>
          </fieldset>
          <TextField fieldKey="tolerance" label={t('picture.field.tolerance')} value={d.tolerance} onChange={(tolerance) => setD({ ...d, tolerance })} errors={errors} inputMode="decimal" size={6} hint={t('picture.editor.toleranceHint')} />
          <TextField fieldKey="dataSource" label={t('picture.field.dataSource')} value={d.dataSource} onChange={(dataSource) => setD({ ...d, dataSource })} errors={errors} />
          <SelectField fieldKey="owner" label={t('picture.field.owner')} value={d.owner} onChange={(owner) => setD({ ...d, owner })} errors={errors} options={[{ value: '', label: t('picture.editor.none') }, ...orgs]} hint={orgs.length ? undefined : t('picture.editor.noOrganisations')} />
          <SelectField fieldKey="measures" label={t('picture.field.measures')} value={d.measures} onChange={(measures) => setD({ ...d, measures })} errors={errors} options={measures} />
          <fieldset>
            <legend>{t('picture.binding.legend')}</legend>
            <SelectField
              fieldKey="bindingFigure"
              label={t('picture.binding.figure')}
              value={d.bindingFigure}
              onChange={(bindingFigure) => setD({ ...d, bindingFigure })}
              errors={errors}
              options={[{ value: '', label: t('picture.binding.none') }, ...MATCHING_FIGURES.map((f) => ({ value: f, label: t(`picture.binding.option.${f}`) }))]}
              hint={t('picture.binding.hint')}
            />
            {d.bindingFigure && (
              <SelectField
                fieldKey="bindingLifeEvent"
                label={t('picture.binding.lifeEvent')}
                value={d.bindingLifeEvent}
                onChange={(bindingLifeEvent) => setD({ ...d, bindingLifeEvent })}
                errors={errors}
                options={[{ value: '', label: t('picture.binding.wholeWorkspace') }, ...lifeEvents]}
              />
            )}
            {d.bindingFigure === 'countersToVisit' && (
              <SelectField fieldKey="bindingPersona" label={t('picture.binding.persona')} value={d.bindingPersona} onChange={(bindingPersona) => setD({ ...d, bindingPersona })} errors={errors} options={[{ value: '', label: t('picture.editor.none') }, ...personas]} />
            )}
          </fieldset>
          <fieldset className="measurements">
            <legend>{t('picture.field.measurements')}</legend>
            {d.measurements.length > 0 && (
              <table className="form-table">
                <thead>
                  <tr>
                    <th scope="col">{t('picture.field.date')}</th>
                    <th scope="col">{t('picture.field.value')}</th>
                    <th scope="col">{t('picture.field.note')}</th>
                    <th scope="col">{t('picture.field.source')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('action.delete')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.measurements.map((m, i) => {
                    const k = (f: string) => `measurements.${i}.${f}`;
                    return (
                      <tr key={i}>
                        <td>
                          <input id={fieldId(k('date'))} type="date" value={m.date} aria-label={t('picture.editor.measurementField', { field: t('picture.field.date'), n: i + 1 })} onChange={(e) => setM(i, { date: e.target.value })} {...describedBy(k('date'), errors[k('date')])} />
                          <ErrorText fieldKey={k('date')} error={errors[k('date')]} />
                        </td>
                        <td>
                          <input id={fieldId(k('value'))} inputMode="decimal" size={8} value={m.value} aria-label={t('picture.editor.measurementField', { field: t('picture.field.value'), n: i + 1 })} onChange={(e) => setM(i, { value: e.target.value })} {...describedBy(k('value'), errors[k('value')])} />
                          <ErrorText fieldKey={k('value')} error={errors[k('value')]} />
                        </td>
                        <td>
                          <input id={fieldId(k('note'))} value={m.note} aria-label={t('picture.editor.measurementField', { field: t('picture.field.note'), n: i + 1 })} onChange={(e) => setM(i, { note: e.target.value })} />
                        </td>
                        <td>
                          <input id={fieldId(k('source'))} value={m.source} aria-label={t('picture.editor.measurementField', { field: t('picture.field.source'), n: i + 1 })} onChange={(e) => setM(i, { source: e.target.value })} />
                        </td>
                        <td>
                          <button type="button" className="small-button" onClick={() => setD({ ...d, measurements: d.measurements.filter((_, j) => j !== i) })} aria-label={t('picture.editor.removeMeasurement', { n: i + 1, date: m.date })}>
                            ×
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <button type="button" onClick={addMeasurement}>
              {t('picture.editor.addMeasurement')}
            </button>
          </fieldset>
        </>
      )}
    </Shell>
  );
}

function BudgetEditor({ target, existing, items, onClose }: { target: EditTarget; existing?: BudgetLineItem; items: readonly PictureItem[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => budgetDraft(lang, existing));
  const id = useMemo(() => existing?.id ?? newId('budgetLine'), [existing]);
  const orgs = useOrganisations(lang);
  const categories = [...new Set(items.filter((i): i is BudgetLineItem => i.kind === 'budgetLine').map((l) => l.category))].sort();
  return (
    <Shell target={target} existing={existing} heading={existing ? existing.item : t('picture.editor.newBudgetLine')} build={() => buildBudgetLine(id, d)} onClose={onClose}>
      {(errors) => (
        <>
          <TextField fieldKey="item" label={t('picture.field.item')} value={d.item} onChange={(item) => setD({ ...d, item })} errors={errors} required />
          <TextField fieldKey="category" label={t('picture.field.category')} value={d.category} onChange={(category) => setD({ ...d, category })} errors={errors} required list="budget-categories" hint={categories.length ? t('picture.editor.categoryHint') : undefined}>
            <datalist id="budget-categories">
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </TextField>
          <SelectField fieldKey="organisation" label={t('picture.field.organisation')} value={d.organisation} onChange={(organisation) => setD({ ...d, organisation })} errors={errors} options={[{ value: '', label: t('picture.editor.none') }, ...orgs]} />
          <TextField fieldKey="year" label={t('picture.field.year')} value={d.year} onChange={(year) => setD({ ...d, year })} errors={errors} inputMode="numeric" size={6} required />
          <div className="field-pair">
            <TextField fieldKey="planned" label={t('picture.budget.plannedEur')} value={d.planned} onChange={(planned) => setD({ ...d, planned })} errors={errors} inputMode="decimal" required />
            <TextField fieldKey="actual" label={t('picture.budget.actualEur')} value={d.actual} onChange={(actual) => setD({ ...d, actual })} errors={errors} inputMode="decimal" hint={t('picture.editor.actualHint')} />
          </div>
        </>
      )}
    </Shell>
  );
}

function CbaItemEditor({ target, existing, onClose }: { target: EditTarget; existing?: CbaItemDoc; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => cbaItemDraft(lang, existing));
  const id = useMemo(() => existing?.id ?? newId('cbaItem'), [existing]);
  return (
    <Shell target={target} existing={existing} heading={existing ? pickText(existing.name, lang) || existing.id : t('picture.editor.newCbaItem')} build={() => buildCbaItem(id, d)} onClose={onClose}>
      {(errors) => (
        <>
          <MlField fieldKey="name" label={t('picture.field.name')} value={d.name} onChange={(name) => setD({ ...d, name })} errors={errors} required />
          <SelectField
            fieldKey="type"
            label={t('picture.field.cbaType')}
            value={d.type}
            onChange={(v) => setD({ ...d, type: v as 'cost' | 'benefit' })}
            errors={errors}
            options={[
              { value: 'cost', label: t('picture.cba.type.cost') },
              { value: 'benefit', label: t('picture.cba.type.benefit') },
            ]}
          />
          <fieldset className="radio-group">
            <legend>{t('picture.cba.basis')}</legend>
            <label className="checkbox-line">
              <input type="radio" name="cba-basis" checked={!d.perOrganisation} onChange={() => setD({ ...d, perOrganisation: false })} />
              {t('picture.cba.fixedLong')}
            </label>
            <label className="checkbox-line">
              <input type="radio" name="cba-basis" checked={d.perOrganisation} onChange={() => setD({ ...d, perOrganisation: true })} />
              {t('picture.cba.perOrganisationLong')}
            </label>
          </fieldset>
          <YearRows fieldKey="amounts" legend={t('picture.cba.amounts')} valueLabel={d.perOrganisation ? t('picture.cba.amountPerOrg') : t('picture.cba.amountEur')} rows={d.amounts} onChange={(amounts) => setD({ ...d, amounts })} errors={errors} />
        </>
      )}
    </Shell>
  );
}

function CbaSettingsEditor({ target, existing, items, onClose }: { target: EditTarget; existing?: CbaSettings; items: readonly PictureItem[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => cbaSettingsDraft(lang, existing));
  const built = buildCbaSettings(d);
  const cbaItems = items.filter((i): i is CbaItemDoc => i.kind === 'cbaItem');
  const years = analysisYears({
    items: cbaItems.map((i) => ({ id: i.id, kind: i.type, perOrganisation: i.perOrganisation, amounts: Object.fromEntries(Object.entries(i.amounts).map(([y, v]) => [Number(y), v])) })),
    adoption: Object.fromEntries(d.adoption.filter((r) => /^\d{4}$/.test(r.year.trim())).map((r) => [Number(r.year), 0])),
  });
  return (
    <Shell target={target} existing={existing} heading={t('picture.editor.cbaSettings')} build={() => built} onClose={onClose}>
      {(errors) => (
        <>
          <div className="field-pair">
            <TextField fieldKey="discountRate" label={t('picture.cba.discountRatePct')} value={d.discountRate} onChange={(discountRate) => setD({ ...d, discountRate })} errors={errors} inputMode="decimal" size={6} required />
            <TextField fieldKey="sensitivity" label={t('picture.cba.sensitivityPct')} value={d.sensitivity} onChange={(sensitivity) => setD({ ...d, sensitivity })} errors={errors} inputMode="decimal" size={6} required />
          </div>
          <p className="hint" role="status">
            {years.length ? t('picture.editor.firstYear', { first: years[0], last: years[years.length - 1] }) : t('picture.editor.firstYearNone')}
          </p>
          <YearRows fieldKey="adoption" legend={t('picture.cba.adoption')} valueLabel={t('picture.cba.organisationsJoined')} rows={d.adoption} onChange={(adoption) => setD({ ...d, adoption })} errors={errors} hint={t('picture.editor.adoptionHint')} />
          <MlField fieldKey="assumptions" label={t('picture.cba.assumptions')} value={d.assumptions} onChange={(assumptions) => setD({ ...d, assumptions })} errors={errors} multiline />
        </>
      )}
    </Shell>
  );
}

function SurveyEditor({ target, existing, onClose }: { target: EditTarget; existing?: Survey; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [d, setD] = useState(() => surveyDraft(existing));
  const id = useMemo(() => existing?.id ?? newId('survey'), [existing]);
  const focusAdded = useFocusAfterRender();
  const setQ = (i: number, patch: Partial<(typeof d.questions)[number]>) => setD({ ...d, questions: d.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) });
  const addQuestion = () => {
    setD({ ...d, questions: [...d.questions, newQuestion(newId('question'))] });
    focusAdded(fieldId(`questions.${d.questions.length}.text-fi`));
  };
  return (
    <Shell target={target} existing={existing} heading={existing ? pickText(existing.name, lang) || existing.id : t('picture.editor.newSurvey')} build={() => buildSurvey(id, d)} onClose={onClose}>
      {(errors) => (
        <>
          <MlField fieldKey="name" label={t('picture.field.name')} value={d.name} onChange={(name) => setD({ ...d, name })} errors={errors} required />
          <TextField fieldKey="date" label={t('picture.field.date')} type="date" value={d.date} onChange={(date) => setD({ ...d, date })} errors={errors} />
          {d.questions.map((q, i) => (
            <fieldset key={q.id} className="question">
              <legend>{t('picture.survey.questionN', { n: i + 1 })}</legend>
              <MlField fieldKey={`questions.${i}.text`} label={t('picture.survey.questionText')} value={q.text} onChange={(text) => setQ(i, { text })} errors={errors} required />
              <div className="counts-row" role="group" aria-label={t('picture.survey.countsOf', { n: i + 1 })}>
                {COUNT_KEYS.map((k) => {
                  const key = k === 'cannotSay' ? `questions.${i}.cannotSay` : `questions.${i}.counts.${k}`;
                  return (
                    <div className="field count-field" key={k}>
                      <label htmlFor={fieldId(key)}>{k === 'cannotSay' ? t('picture.survey.cannotSay') : t(`picture.survey.option${k}`)}</label>
                      <input id={fieldId(key)} inputMode="numeric" size={5} value={q.counts[k]} onChange={(e) => setQ(i, { counts: { ...q.counts, [k]: e.target.value } })} {...describedBy(key, errors[key])} />
                      <ErrorText fieldKey={key} error={errors[key]} />
                    </div>
                  );
                })}
              </div>
              <button type="button" className="small-button" onClick={() => setD({ ...d, questions: d.questions.filter((_, k) => k !== i) })}>
                {t('picture.survey.removeQuestion', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" onClick={addQuestion}>
            {t('picture.survey.addQuestion')}
          </button>
        </>
      )}
    </Shell>
  );
}

/** The editor for one picture item (or a new one), keyed so that switching items starts a fresh draft. */
export function EditorPanel({ target, items, onClose }: { target: EditTarget; items: readonly PictureItem[]; onClose(): void }) {
  const existing = target.id ? items.find((i) => i.id === target.id && i.kind === target.kind) : undefined;
  const key = `${target.kind}:${target.id ?? 'new'}:${target.goal ?? ''}`;
  switch (target.kind) {
    case 'goal':
      return <GoalEditor key={key} target={target} existing={existing as Goal | undefined} onClose={onClose} />;
    case 'indicator':
      return <IndicatorEditor key={key} target={target} existing={existing as Indicator | undefined} items={items} onClose={onClose} />;
    case 'budgetLine':
      return <BudgetEditor key={key} target={target} existing={existing as BudgetLineItem | undefined} items={items} onClose={onClose} />;
    case 'cbaItem':
      return <CbaItemEditor key={key} target={target} existing={existing as CbaItemDoc | undefined} onClose={onClose} />;
    case 'cbaSettings':
      return <CbaSettingsEditor key={key} target={target} existing={existing as CbaSettings | undefined} items={items} onClose={onClose} />;
    case 'survey':
      return <SurveyEditor key={key} target={target} existing={existing as Survey | undefined} onClose={onClose} />;
  }
}
