import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickText, type Language, type OptionalText } from '../../../../../shared/model';
import { ASSUMPTION_STATUSES, IMPACT_STAGES, type Goal, type ImpactBox, type ImpactLink, type ImpactStage } from '../../../../../shared/picture';
import { entityIndex, useApp } from '../../../app/store';
import { EntityChooser } from '../../entities/EntityPicker';
import { boxName, connectBoxes, deleteTarget, putItem, useImpactUi, type Target } from './actions';
import { linkCandidates, linksBrokenByStage, newItemId, stageIndex, type ImpactModel } from './model';

type Status = ImpactLink['assumptionStatus'];

/** The UI language first, then the others: people fill in their own language before translating. */
function languagesFor(lang: Language): Language[] {
  return [lang, ...LANGUAGES.filter((l) => l !== lang)];
}

/** Drops empty translations, so stored text stays `{ fi }` rather than `{ fi, sv: '', en: '' }`. */
function clean(text: OptionalText): OptionalText {
  const out: OptionalText = {};
  for (const l of LANGUAGES) {
    const v = text[l]?.trim();
    if (v) out[l] = v;
  }
  return out;
}

/** The status of an assumption as a mark and a word: never colour alone. */
export const STATUS_MARK: Record<NonNullable<Status> | 'none', string> = { holds: '✓', uncertain: '?', failed: '✗', none: '–' };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  const s = status ?? 'none';
  return (
    <span className={`impact-status status-${s}`}>
      <span aria-hidden="true">{STATUS_MARK[s]}</span> {t(`picture.impact.status.${s}`)}
    </span>
  );
}

function TextFields({ idBase, label, value, onChange, multiline, required }: { idBase: string; label: string; value: OptionalText; onChange(v: OptionalText): void; multiline?: boolean; required?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  return (
    <fieldset className="impact-texts">
      <legend>{label}</legend>
      {languagesFor(lang).map((l) => {
        const id = `${idBase}-${l}`;
        const common = { id, value: value[l] ?? '', lang: l, onChange: (e: { target: { value: string } }) => onChange({ ...value, [l]: e.target.value }) };
        return (
          <div key={l} className="impact-field">
            <label htmlFor={id}>
              {label} {t(`picture.impact.editor.inLang.${l}`)}
            </label>
            {multiline ? <textarea {...common} rows={2} maxLength={20_000} /> : <input {...common} maxLength={500} aria-required={required && l === lang ? true : undefined} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Edits one box: its texts, stage and goal (saved together as one step), its entity references. */
export function BoxEditor({ box, model, onClose, headingLevel = 2 }: { box: ImpactBox; model: ImpactModel; onClose(): void; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const [name, setName] = useState<OptionalText>(box.name);
  const [description, setDescription] = useState<OptionalText>(box.description ?? {});
  const [stage, setStage] = useState<ImpactStage>(box.stage);
  const [goal, setGoal] = useState<string>(box.goal ?? '');
  const [newGoal, setNewGoal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const H = `h${headingLevel}` as 'h2';

  const save = async () => {
    const n = clean(name);
    if (!Object.keys(n).length) {
      setError(t('picture.impact.editor.nameRequired'));
      return;
    }
    if (stage !== box.stage) {
      const broken = linksBrokenByStage(box, stage, model.boxes, model.links);
      if (broken.length) {
        const others = broken.map((l) => `”${boxName(model.boxes.find((b) => b.id === (l.source === box.id ? l.target : l.source)), lang)}”`).join(', ');
        setError(t('picture.impact.refusal.stageMove', { name: boxName(box, lang), stage: t(`picture.stage.${stage}`), others }));
        return;
      }
    }
    setError(null);
    const { goal: _old, ...rest } = box;
    const next: ImpactBox = { ...rest, name: n as ImpactBox['name'], description: clean(description), stage, ...(goal ? { goal } : {}) };
    const saved = await putItem(t, next);
    if (saved) useApp.getState().notify({ kind: 'info', text: t('picture.impact.editor.saved', { name: boxName(saved, lang) }) });
  };

  const addGoal = async () => {
    const text = newGoal.trim();
    if (!text) return;
    const g = await putItem<Goal>(t, { id: newItemId('goal'), kind: 'goal', name: { [lang]: text }, description: {} });
    if (g) {
      setGoal(g.id);
      setNewGoal('');
      useApp.getState().notify({ kind: 'info', text: t('picture.impact.editor.goalCreated', { name: text }) });
    }
  };

  return (
    <section className="impact-editor" aria-labelledby={`${uid}-title`}>
      <div className="impact-editor-head">
        <H id={`${uid}-title`}>
          {t('picture.impact.editor.boxTitle')}: {boxName(box, lang)}
        </H>
        <button type="button" onClick={onClose}>
          {t('picture.impact.editor.close')}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextFields idBase={`${uid}-name`} label={t('picture.impact.editor.name')} value={name} onChange={setName} required />
        <TextFields idBase={`${uid}-desc`} label={t('picture.impact.editor.description')} value={description} onChange={setDescription} multiline />
        <div className="impact-field">
          <label htmlFor={`${uid}-stage`}>{t('picture.impact.editor.stage')}</label>
          <select id={`${uid}-stage`} value={stage} onChange={(e) => setStage(e.target.value as ImpactStage)}>
            {IMPACT_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`picture.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="impact-field">
          <label htmlFor={`${uid}-goal`}>{t('picture.impact.editor.goal')}</label>
          <select id={`${uid}-goal`} value={goal} onChange={(e) => setGoal(e.target.value)}>
            <option value="">{t('picture.impact.editor.noGoal')}</option>
            {model.goals.map((g) => (
              <option key={g.id} value={g.id}>
                {pickText(g.name, lang) || g.id}
              </option>
            ))}
          </select>
        </div>
        <div className="impact-field impact-inline">
          <label htmlFor={`${uid}-newgoal`}>{t('picture.impact.editor.newGoal')}</label>
          <input
            id={`${uid}-newgoal`}
            value={newGoal}
            maxLength={500}
            onChange={(e) => setNewGoal(e.target.value)}
            onKeyDown={(e) => {
              // Enter here adds the goal; it must not submit the box's form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void addGoal();
              }
            }}
          />
          <button type="button" disabled={!newGoal.trim()} onClick={() => void addGoal()}>
            {t('picture.impact.editor.addGoal')}
          </button>
        </div>
        {error && (
          <p className="impact-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('picture.impact.editor.save')}
          </button>
        </div>
      </form>
      <RefsEditor box={box} />
      <LinksOf box={box} model={model} />
      <DeleteButton target={{ kind: 'box', id: box.id }} model={model} label={t('picture.impact.editor.deleteBox')} />
    </section>
  );
}

/** The ecosystem entities a box is about; each addition or removal is one step of its own. */
function RefsEditor({ box }: { box: ImpactBox }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const byId = entityIndex(entities);
  const uid = useId();
  const candidates = useMemo(() => entities.filter((e) => !box.refs.includes(e.id)), [entities, box.refs]);
  const setRefs = async (refs: string[]) => !!(await putItem(t, { ...box, refs }));
  return (
    <section className="impact-refs" aria-labelledby={`${uid}-refs`}>
      <h3 id={`${uid}-refs`}>{t('picture.impact.editor.refs')}</h3>
      {box.refs.length === 0 ? (
        <p className="muted small">{t('picture.impact.editor.noRefs')}</p>
      ) : (
        <ul className="chips">
          {box.refs.map((id) => {
            const e = byId.get(id);
            const name = e ? pickText(e.name, lang) || e.id : id;
            return (
              <li key={id} className="chip">
                {e && <span className={`palette-marker kind-${e.kind}`} aria-hidden="true" />}
                <span>{name}</span>
                {e && <span className="visually-hidden"> ({t(`kind.${e.kind}.one`)})</span>}
                <button type="button" className="chip-remove" aria-label={t('picture.impact.editor.removeRef', { name })} onClick={() => void setRefs(box.refs.filter((r) => r !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {entities.length === 0 ? (
        <p className="muted small">{t('picture.impact.editor.noEntities')}</p>
      ) : (
        <EntityChooser
          candidates={candidates}
          inputId={`${uid}-refs-input`}
          label={t('picture.impact.editor.refsLabel')}
          showKind
          hint={t('picture.impact.editor.refsHint')}
          confirmLabel={(n) => (n ? t('picture.impact.editor.refsAdd', { count: n }) : t('picture.impact.editor.refsAddNone'))}
          onConfirm={(ids: string[]) => setRefs([...box.refs, ...ids.filter((id) => !box.refs.includes(id))])}
        />
      )}
    </section>
  );
}

/** The links leaving a box, each editable, and a form to add one. */
function LinksOf({ box, model }: { box: ImpactBox; model: ImpactModel }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const out = model.links.filter((l) => l.source === box.id);
  return (
    <section className="impact-links-of" aria-labelledby={`${uid}-links`}>
      <h3 id={`${uid}-links`}>{t('picture.impact.editor.links')}</h3>
      {out.length === 0 ? (
        <p className="muted small">{t('picture.impact.editor.noLinks')}</p>
      ) : (
        <ul className="impact-link-list">
          {out.map((l) => {
            const to = model.boxes.find((b) => b.id === l.target);
            return (
              <li key={l.id}>
                <span>→ {boxName(to, lang)}</span> <StatusBadge status={l.assumptionStatus} />
                {pickText(l.assumption, lang) && <span className="muted"> {pickText(l.assumption, lang)}</span>}{' '}
                <button type="button" className="link-button" onClick={() => useImpactUi.getState().set({ editing: { kind: 'link', id: l.id } })}>
                  {t('picture.impact.editor.editLink', { name: boxName(to, lang) })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ConnectForm box={box} model={model} />
    </section>
  );
}

/** Links a box to a later one, with the assumption and its status at once (one step). */
export function ConnectForm({ box, model, onDone, autoFocus }: { box: ImpactBox; model: ImpactModel; onDone?(): void; autoFocus?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const [target, setTarget] = useState('');
  const [assumption, setAssumption] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const candidates = linkCandidates(box, model.boxes, model.links);
  if (!candidates.length) return <p className="muted small">{t('picture.impact.editor.noLater')}</p>;
  const stages = IMPACT_STAGES.filter((s) => candidates.some((c) => c.stage === s));
  const submit = async () => {
    if (!target) return;
    const text = assumption.trim();
    const made = await connectBoxes(t, lang, model.boxes, model.links, box.id, target, {
      assumption: text ? { [lang]: text } : {},
      ...(status ? { assumptionStatus: status } : {}),
    });
    if (made) {
      setTarget('');
      setAssumption('');
      setStatus('');
      onDone?.();
    }
  };
  return (
    <form
      className="impact-connect"
      aria-label={t('picture.impact.editor.connect')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="impact-field">
        <label htmlFor={`${uid}-target`}>{t('picture.impact.editor.connectTarget')}</label>
        <select id={`${uid}-target`} value={target} onChange={(e) => setTarget(e.target.value)} autoFocus={autoFocus} aria-describedby={`${uid}-only`}>
          <option value="">{t('picture.impact.editor.choose')}</option>
          {stages.map((s) => (
            <optgroup key={s} label={t(`picture.stage.${s}`)}>
              {candidates
                .filter((c) => c.stage === s)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {boxName(c, lang)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <span id={`${uid}-only`} className="muted small">
          {t('picture.impact.editor.onlyLater')}
        </span>
      </div>
      <div className="impact-field">
        <label htmlFor={`${uid}-assumption`}>{t('picture.impact.editor.assumption')}</label>
        <input id={`${uid}-assumption`} value={assumption} maxLength={2000} onChange={(e) => setAssumption(e.target.value)} aria-describedby={`${uid}-ahelp`} />
        <span id={`${uid}-ahelp`} className="muted small">
          {t('picture.impact.editor.assumptionHelp')}
        </span>
      </div>
      <div className="impact-field">
        <label htmlFor={`${uid}-status`}>{t('picture.impact.status.label')}</label>
        <select id={`${uid}-status`} value={status ?? ''} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t('picture.impact.status.none')}</option>
          {ASSUMPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_MARK[s]} {t(`picture.impact.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={!target}>
          {t('picture.impact.editor.connectButton')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('action.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Edits a link's assumption (in every language) and its status: saved as one step. */
export function LinkEditor({ link, model, onClose, headingLevel = 2 }: { link: ImpactLink; model: ImpactModel; onClose(): void; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const [assumption, setAssumption] = useState<OptionalText>(link.assumption ?? {});
  const [status, setStatus] = useState<Status | ''>(link.assumptionStatus ?? '');
  const from = model.boxes.find((b) => b.id === link.source);
  const to = model.boxes.find((b) => b.id === link.target);
  const H = `h${headingLevel}` as 'h2';
  const save = async () => {
    const { assumptionStatus: _old, ...rest } = link;
    const saved = await putItem(t, { ...rest, assumption: clean(assumption), ...(status ? { assumptionStatus: status } : {}) });
    if (saved) useApp.getState().notify({ kind: 'info', text: t('picture.impact.editor.saved', { name: `${boxName(from, lang)} → ${boxName(to, lang)}` }) });
  };
  return (
    <section className="impact-editor" aria-labelledby={`${uid}-title`}>
      <div className="impact-editor-head">
        <H id={`${uid}-title`}>{t('picture.impact.editor.linkTitle')}</H>
        <button type="button" onClick={onClose}>
          {t('picture.impact.editor.close')}
        </button>
      </div>
      <p className="impact-link-ends">
        <button type="button" className="link-button" onClick={() => from && useImpactUi.getState().set({ editing: { kind: 'box', id: from.id } })}>
          {boxName(from, lang)}
        </button>{' '}
        → {t('picture.impact.link.to')} →{' '}
        <button type="button" className="link-button" onClick={() => to && useImpactUi.getState().set({ editing: { kind: 'box', id: to.id } })}>
          {boxName(to, lang)}
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted small">{t('picture.impact.editor.assumptionHelp')}</p>
        <TextFields idBase={`${uid}-assumption`} label={t('picture.impact.editor.assumption')} value={assumption} onChange={setAssumption} multiline />
        <fieldset className="impact-status-choice">
          <legend>{t('picture.impact.status.label')}</legend>
          {(['', ...ASSUMPTION_STATUSES] as const).map((s) => (
            <label key={s || 'none'} className={`check status-${s || 'none'}`}>
              <input type="radio" name={`${uid}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
              <span aria-hidden="true" className="impact-status-mark">
                {STATUS_MARK[s || 'none']}
              </span>
              <span>{t(`picture.impact.status.${s || 'none'}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary">
            {t('picture.impact.editor.save')}
          </button>
        </div>
      </form>
      <DeleteButton target={{ kind: 'link', id: link.id }} model={model} label={t('picture.impact.editor.deleteLink')} />
    </section>
  );
}

/** The question asked before a delete: what goes, and how many links go with a box. */
export function deleteQuestion(t: (k: string, o?: Record<string, unknown>) => string, lang: Language, target: Target, model: ImpactModel): string {
  if (target.kind === 'box') {
    const box = model.boxes.find((b) => b.id === target.id);
    const count = model.links.filter((l) => l.source === target.id || l.target === target.id).length;
    return count ? t('picture.impact.del.box', { name: boxName(box, lang), count }) : t('picture.impact.del.boxNoLinks', { name: boxName(box, lang) });
  }
  const l = model.links.find((x) => x.id === target.id);
  const name = (id: string | undefined) => boxName(model.boxes.find((b) => b.id === id), lang);
  return t('picture.impact.del.link', { from: name(l?.source), to: name(l?.target) });
}

/** A delete button that asks first, in place. */
export function DeleteButton({ target, model, label, ariaLabel, className }: { target: Target; model: ImpactModel; label: string; ariaLabel?: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [asking, setAsking] = useState(false);
  const uid = useId();
  if (!asking)
    return (
      <button type="button" className={`danger ${className ?? ''}`} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${uid}-q`}>
      <p id={`${uid}-q`}>{deleteQuestion(t, lang, target, model)}</p>
      <button type="button" className="danger" autoFocus onClick={() => void deleteTarget(t, lang, target, model.boxes, model.links).then((ok) => ok || setAsking(false))}>
        {t('action.confirmDelete')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
    </div>
  );
}

/** Boxes in stage order for lists: stage, then name. */
export function sortedBoxes(boxes: readonly ImpactBox[], lang: Language): ImpactBox[] {
  return [...boxes].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || boxName(a, lang).localeCompare(boxName(b, lang), lang));
}

