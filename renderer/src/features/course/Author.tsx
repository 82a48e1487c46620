import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ENTITY_KINDS, LINK_TYPES, pickText, type EntityKind, type Language, type LinkType, type OptionalText } from '../../../../shared/model';
import { COURSE_FORMAT, COURSE_FORMAT_VERSION, type Check, type CheckRule, type CheckType, type CourseManifest, type EntityMatch, type EntityRef, type Exercise, type ExerciseResult } from '../../../../shared/course/types';
import { AppError } from '../../../../shared/api/result';
import { attempt, entityIndex, useApp } from '../../app/store';
import { EntityChooser } from '../entities/EntityPicker';
import { downloadBase64 } from '../io/files';
import { codeText, courseCall, courseErrorText } from './courseApi';
import { explainText, STATUS_ICON } from './explain';
import { ExercisePanel } from './ExercisePanel';

const LANGS = ['fi', 'sv', 'en'] as const;
const CHECK_TYPES: CheckType[] = ['entityExists', 'linkExists', 'matching', 'recommenderTopK', 'indicator', 'freeAnswer'];

function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The same words in each of the three languages, as one group of fields. */
function TextFields({ id, legend, value, onChange, multiline }: { id: string; legend: string; value: OptionalText | undefined; onChange(v: OptionalText): void; multiline?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="course-text-fields">
      <legend>{legend}</legend>
      {LANGS.map((l) => {
        const fid = `${id}-${l}`;
        const props = { id: fid, value: value?.[l] ?? '', onChange: (e: { target: { value: string } }) => onChange({ ...(value ?? {}), [l]: e.target.value }) };
        return (
          <div key={l} className="course-text-field">
            <label htmlFor={fid}>{t(`languageName.${l}`)}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Chooses the entity a check names, among the open workspace's of a kind. */
function RefPicker({ id, label, kind, value, onChange, optional }: { id: string; label: string; kind?: EntityKind; value: EntityRef | undefined; onChange(v: EntityRef | undefined): void; optional?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const byId = entityIndex(entities);
  const [open, setOpen] = useState(false);
  const chosen = value ? ('id' in value ? pickText(byId.get(value.id)?.name, lang) || t('course.ui.author.missingEntity', { id: value.id }) : value.name) : t('course.ui.author.noEntity');
  const missing = value && 'id' in value && !byId.has(value.id);
  return (
    <div className="course-ref">
      <span className="course-ref-label" id={`${id}-label`}>
        {label}
      </span>
      <span className={missing ? 'form-error' : undefined} aria-labelledby={`${id}-label`}>
        {chosen}
      </span>
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('course.ui.author.choose')}
      </button>
      {optional && value && (
        <button type="button" onClick={() => onChange(undefined)}>
          {t('course.ui.author.clear')}
        </button>
      )}
      {open && (
        <EntityChooser
          candidates={kind ? entities.filter((e) => e.kind === kind) : entities}
          inputId={`${id}-chooser`}
          label={label}
          showKind={!kind}
          hint={t('course.ui.author.chooserHint')}
          confirmLabel={() => t('course.ui.author.useThis')}
          onConfirm={async (ids) => {
            if (!ids.length) return false;
            onChange({ id: ids[0] });
            setOpen(false);
            return true;
          }}
        />
      )}
    </div>
  );
}

function NumberField({ id, label, value, onChange, min, max, step }: { id: string; label: string; value: number | undefined; onChange(v: number | undefined): void; min?: number; max?: number; step?: number }) {
  return (
    <div className="course-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={value ?? ''} min={min} max={max} step={step ?? 1} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    </div>
  );
}

/** Conditions on an entity: kind, name, age range, municipality, a link to another entity. */
function MatchEditor({ id, legend, value, onChange }: { id: string; legend: string; value: EntityMatch; onChange(v: EntityMatch): void }) {
  const { t } = useTranslation();
  const set = (p: Partial<EntityMatch>) => {
    const next = { ...value, ...p } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as EntityMatch);
  };
  return (
    <fieldset className="course-match">
      <legend>{legend}</legend>
      <div className="course-field">
        <label htmlFor={`${id}-kind`}>{t('course.ui.author.kind')}</label>
        <select id={`${id}-kind`} value={value.kind} onChange={(e) => set({ kind: e.target.value as EntityKind })}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}.one`)}
            </option>
          ))}
        </select>
      </div>
      <div className="course-field">
        <label htmlFor={`${id}-name`}>{t('course.ui.author.nameContains')}</label>
        <input id={`${id}-name`} value={value.nameContains ?? ''} onChange={(e) => set({ nameContains: e.target.value || undefined })} />
      </div>
      {value.kind === 'persona' && (
        <>
          <NumberField id={`${id}-agemin`} label={t('course.ui.author.ageMin')} value={value.ageMin} min={0} max={120} onChange={(v) => set({ ageMin: v })} />
          <NumberField id={`${id}-agemax`} label={t('course.ui.author.ageMax')} value={value.ageMax} min={0} max={120} onChange={(v) => set({ ageMax: v })} />
        </>
      )}
      {(value.kind === 'persona' || value.kind === 'organisation') && (
        <div className="course-field">
          <label htmlFor={`${id}-mun`}>{t('course.ui.author.municipality')}</label>
          <input id={`${id}-mun`} value={value.municipality ?? ''} onChange={(e) => set({ municipality: e.target.value || undefined })} aria-describedby={`${id}-mun-hint`} />
          <span id={`${id}-mun-hint`} className="muted">
            {t('course.ui.author.municipalityHint')}
          </span>
        </div>
      )}
      <RefPicker id={`${id}-linked`} label={t('course.ui.author.linkedTo')} value={value.linkedTo} optional onChange={(v) => set({ linkedTo: v })} />
    </fieldset>
  );
}

function defaultRule(type: CheckType, t: TFunction, lang: Language, firstOf: (k: EntityKind) => string | undefined): CheckRule {
  const ref = (k: EntityKind): EntityRef => {
    const id = firstOf(k);
    return id ? { id } : { kind: k, name: t(`kind.${k}.one`) };
  };
  switch (type) {
    case 'entityExists':
      return { type, match: { kind: 'persona' }, min: 1 };
    case 'linkExists':
      return { type, linkType: 'addresses', source: { kind: 'service' }, target: { kind: 'need' }, min: 1 };
    case 'matching':
      return { type, lifeEvent: ref('lifeEvent'), measure: 'coverage', comparison: 'atLeast', value: 0.75 };
    case 'recommenderTopK':
      return { type, persona: ref('persona'), service: ref('service'), k: 5 };
    case 'indicator':
      return { type, needsBaseline: true, needsTarget: true };
    case 'freeAnswer':
      return { type, prompt: { [lang]: t('course.ui.author.defaultPrompt') } };
  }
}

/** The parameters of one check, by its kind of rule. */
function RuleEditor({ id, rule, onChange }: { id: string; rule: CheckRule; onChange(r: CheckRule): void }) {
  const { t } = useTranslation();
  switch (rule.type) {
    case 'entityExists':
      return (
        <>
          <MatchEditor id={`${id}-m`} legend={t('course.ui.author.entityMatch')} value={rule.match} onChange={(match) => onChange({ ...rule, match })} />
          <NumberField id={`${id}-min`} label={t('course.ui.author.min')} value={rule.min} min={1} onChange={(v) => onChange({ ...rule, min: v ?? 1 })} />
        </>
      );
    case 'linkExists':
      return (
        <>
          <div className="course-field">
            <label htmlFor={`${id}-lt`}>{t('course.ui.author.linkType')}</label>
            <select
              id={`${id}-lt`}
              value={rule.linkType}
              onChange={(e) => {
                const lt = e.target.value as LinkType;
                const ends = LINK_TYPES[lt];
                onChange({ ...rule, linkType: lt, source: { ...rule.source, kind: ends.source as EntityKind }, target: { ...rule.target, kind: ends.target as EntityKind } });
              }}
            >
              {(Object.keys(LINK_TYPES) as LinkType[]).map((lt) => (
                <option key={lt} value={lt}>
                  {t(`link.${lt}.name`)}
                </option>
              ))}
            </select>
          </div>
          <MatchEditor id={`${id}-s`} legend={t('course.ui.author.source')} value={rule.source} onChange={(source) => onChange({ ...rule, source })} />
          <MatchEditor id={`${id}-t`} legend={t('course.ui.author.target')} value={rule.target} onChange={(target) => onChange({ ...rule, target })} />
          <NumberField id={`${id}-min`} label={t('course.ui.author.min')} value={rule.min} min={1} onChange={(v) => onChange({ ...rule, min: v ?? 1 })} />
        </>
      );
    case 'matching':
      return (
        <>
          <RefPicker id={`${id}-le`} label={t('kind.lifeEvent.one')} kind="lifeEvent" value={rule.lifeEvent} onChange={(v) => v && onChange({ ...rule, lifeEvent: v })} />
          <div className="course-field">
            <label htmlFor={`${id}-measure`}>{t('course.ui.author.measure')}</label>
            <select id={`${id}-measure`} value={rule.measure} onChange={(e) => onChange({ ...rule, measure: e.target.value as typeof rule.measure })}>
              {(['coverage', 'gaps', 'countersToVisit'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`course.ui.author.measures.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {rule.measure === 'countersToVisit' && <RefPicker id={`${id}-p`} label={t('kind.persona.one')} kind="persona" value={rule.persona} onChange={(v) => onChange({ ...rule, persona: v })} />}
          <div className="course-field">
            <label htmlFor={`${id}-cmp`}>{t('course.ui.author.comparison')}</label>
            <select id={`${id}-cmp`} value={rule.comparison} onChange={(e) => onChange({ ...rule, comparison: e.target.value as 'atLeast' | 'atMost' })}>
              <option value="atLeast">{t('course.ui.comparison.atLeast')}</option>
              <option value="atMost">{t('course.ui.comparison.atMost')}</option>
            </select>
          </div>
          <NumberField id={`${id}-value`} label={t('course.ui.author.value')} value={rule.value} min={0} step={rule.measure === 'coverage' ? 0.05 : 1} onChange={(v) => onChange({ ...rule, value: v ?? 0 })} />
        </>
      );
    case 'recommenderTopK':
      return (
        <>
          <RefPicker id={`${id}-p`} label={t('kind.persona.one')} kind="persona" value={rule.persona} onChange={(v) => v && onChange({ ...rule, persona: v })} />
          <RefPicker id={`${id}-s`} label={t('kind.service.one')} kind="service" value={rule.service} onChange={(v) => v && onChange({ ...rule, service: v })} />
          <NumberField id={`${id}-k`} label={t('course.ui.author.k')} value={rule.k} min={1} max={100} onChange={(v) => onChange({ ...rule, k: v ?? 1 })} />
        </>
      );
    case 'indicator':
      return (
        <>
          <div className="course-field">
            <label htmlFor={`${id}-name`}>{t('course.ui.author.nameContains')}</label>
            <input id={`${id}-name`} value={rule.nameContains ?? ''} onChange={(e) => onChange({ ...rule, nameContains: e.target.value || undefined })} />
          </div>
          <label className="course-check-box">
            <input type="checkbox" checked={rule.needsBaseline} onChange={(e) => onChange({ ...rule, needsBaseline: e.target.checked })} /> {t('course.ui.author.needsBaseline')}
          </label>
          <label className="course-check-box">
            <input type="checkbox" checked={rule.needsTarget} onChange={(e) => onChange({ ...rule, needsTarget: e.target.checked })} /> {t('course.ui.author.needsTarget')}
          </label>
        </>
      );
    case 'freeAnswer':
      return <TextFields id={`${id}-prompt`} legend={t('course.ui.author.prompt')} value={rule.prompt} onChange={(prompt) => onChange({ ...rule, prompt })} multiline />;
  }
}

function CheckEditor({ check, index, count, onChange, onMove, onDelete }: { check: Check; index: number; count: number; onChange(c: Check): void; onMove(d: -1 | 1): void; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const id = `chk-${check.id}`;
  return (
    <li className="course-check-editor">
      <div className="course-item-head">
        <h4 id={`${id}-h`}>
          {index + 1}. {t(`course.ui.checkType.${check.rule.type}`)}: {pickText(check.title, lang)}
        </h4>
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('course.ui.author.moveUp')}>
          ↑
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('course.ui.author.moveDown')}>
          ↓
        </button>
        <button type="button" className="danger" onClick={onDelete} disabled={count === 1} aria-label={t('course.ui.author.deleteCheck')}>
          ✕
        </button>
      </div>
      <TextFields id={`${id}-title`} legend={t('course.ui.author.checkTitle')} value={check.title} onChange={(title) => onChange({ ...check, title: title as Check['title'] })} />
      <TextFields id={`${id}-hint`} legend={t('course.ui.author.checkHint')} value={check.hint} onChange={(hint) => onChange({ ...check, hint })} />
      <RuleEditor id={id} rule={check.rule} onChange={(rule) => onChange({ ...check, rule })} />
    </li>
  );
}

function move<T>(list: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** A refusal to export: the model answer's failing checks, each with its explanation. */
function failingOf(e: AppError): ExerciseResult[] {
  const d = (e.details ?? {}) as { results?: unknown; params?: { results?: unknown } };
  const r = Array.isArray(d.results) ? d.results : Array.isArray(d.params?.results) ? d.params.results : [];
  return r as ExerciseResult[];
}

/** Authoring a pack from the open workspace: its texts, exercises, checks, answers and the export. */
export function Author() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const info = useApp((s) => s.info);
  const entities = useApp((s) => s.entities);
  const notify = useApp((s) => s.notify);
  const [loaded, setLoaded] = useState(false);
  const [manifest, setManifest] = useState<CourseManifest | null>(null);
  const [recorded, setRecorded] = useState<{ workspaces: string[]; answers: string[] }>({ workspaces: [], answers: [] });
  const [selected, setSelected] = useState(0);
  const [saveState, setSaveState] = useState<{ kind: 'saved' | 'saving' | 'error'; text?: string }>({ kind: 'saved' });
  const [refusal, setRefusal] = useState<{ text: string; results: ExerciseResult[] } | null>(null);
  const [preview, setPreview] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [newCheckType, setNewCheckType] = useState<CheckType>('entityExists');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const [loadError, setLoadError] = useState('');
  const reload = async () => {
    let d: Awaited<ReturnType<typeof courseCall<'course.draftGet'>>>;
    try {
      d = await courseCall('course.draftGet', {});
      setLoadError('');
    } catch (e) {
      // Not "no draft yet": a draft that cannot be read must not be offered to be started over.
      setLoadError(courseErrorText(t, e instanceof AppError ? e : new AppError('internal', (e as Error).message), lang));
      setLoaded(true);
      return;
    }
    setLoaded(true);
    setManifest(d?.manifest ?? null);
    if (d) setRecorded(d.recorded);
  };
  useEffect(() => {
    void reload();
  }, [info?.path]);

  const save = (m: CourseManifest) => {
    setManifest(m);
    setSaveState({ kind: 'saving' });
    if (timer.current) clearTimeout(timer.current);
    // Saved as the author pauses, not on each key.
    timer.current = setTimeout(() => {
      courseCall('course.draftPut', { manifest: m })
        .then(() => setSaveState({ kind: 'saved' }))
        .catch((e: AppError) => setSaveState({ kind: 'error', text: courseErrorText(t, e, lang) }));
    }, 500);
  };
  useEffect(() => () => timer.current && clearTimeout(timer.current), []);

  const firstOf = (k: EntityKind) => entities.find((e) => e.kind === k)?.id;
  const newExercise = (n: number, ws: string): Exercise => ({
    id: newId('ex'),
    title: { [lang]: t('course.ui.author.newExercise', { n }) },
    instructions: { [lang]: t('course.ui.author.newInstructions') },
    hints: [],
    start: n === 1 ? { from: 'workspace', workspace: ws } : { from: 'continue' },
    checks: [{ id: newId('c'), title: { [lang]: t('course.ui.author.newCheck') }, hint: {}, rule: defaultRule('entityExists', t, lang, firstOf) }],
  });
  const start = async () => {
    const title = info?.title && pickText(info.title, lang) ? info.title : { [lang]: t('course.ui.author.newPack') };
    const m: CourseManifest = {
      format: COURSE_FORMAT,
      formatVersion: COURSE_FORMAT_VERSION,
      id: newId('course'),
      revision: 1,
      title: title as CourseManifest['title'],
      description: {},
      learningGoals: [],
      workspaces: [{ id: 'start', title: { [lang]: t('course.ui.author.startWorkspace') } as CourseManifest['title'] }],
      exercises: [newExercise(1, 'start')],
      provenance: [],
    };
    const ok = await attempt(async () => {
      await courseCall('course.draftPut', { manifest: m });
      await courseCall('course.draftRecord', { as: { workspace: 'start' } });
      return true;
    }, (e) => courseErrorText(t, e, lang));
    if (ok) await reload();
  };
  const record = async (as: { workspace: string } | { answer: string }) => {
    if (manifest) await courseCall('course.draftPut', { manifest }).catch(() => undefined);
    const ok = await attempt(() => courseCall('course.draftRecord', { as }), (e) => courseErrorText(t, e, lang));
    if (ok === undefined) return;
    notify({ kind: 'info', text: 'answer' in as ? t('course.ui.author.answerRecorded') : t('course.ui.author.workspaceRecorded') });
    await reload();
  };
  const exTitleById = (id: string) => pickText(manifest?.exercises.find((x) => x.id === id)?.title, lang) || id;
  const checkTitleOf = (exId: string, checkId: string) => pickText(manifest?.exercises.find((x) => x.id === exId)?.checks.find((c) => c.id === checkId)?.title, lang) || checkId;
  const exportPack = async () => {
    setRefusal(null);
    if (manifest) {
      const put = await attempt(() => courseCall('course.draftPut', { manifest }), (e) => courseErrorText(t, e, lang));
      if (put === undefined) return;
    }
    try {
      const r = await courseCall('course.draftExport', {});
      downloadBase64(r.file.name, r.file.mime, r.file.dataBase64);
      notify({ kind: 'info', text: t('course.ui.author.exported', { name: r.file.name }) });
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError('internal', (e as Error).message);
      const results = failingOf(err);
      const first = results.find((r) => r.results.some((c) => c.status === 'failed' || c.status === 'error'));
      // The refusal names the exercise and checks by their titles, not by their ids.
      const text = first
        ? codeText(t, 'answerFails', { exercise: exTitleById(first.exerciseId), checks: first.results.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => checkTitleOf(first.exerciseId, c.checkId)).join(', ') }, lang)
        : '';
      setRefusal({ text: text || courseErrorText(t, err, lang), results });
      requestAnimationFrame(() => document.getElementById(`${uid}-refusal`)?.focus());
    }
  };

  if (!loaded) return <p className="muted">{t('app.loading')}</p>;
  if (loadError)
    return (
      <p className="form-error" role="alert">
        {loadError}
      </p>
    );
  if (!manifest)
    return (
      <div className="course-author-empty">
        <p>{t('course.ui.author.emptyLead')}</p>
        <button type="button" className="primary" onClick={() => void start()}>
          {t('course.ui.author.start')}
        </button>
      </div>
    );

  const ex = manifest.exercises[Math.min(selected, manifest.exercises.length - 1)];
  const exIndex = manifest.exercises.indexOf(ex);
  const setEx = (next: Exercise) => save({ ...manifest, exercises: manifest.exercises.map((x) => (x.id === ex.id ? next : x)) });
  const titleOf = (x: Exercise) => pickText(x.title, lang) || x.id;

  return (
    <div className={`course-author${preview ? ' with-preview' : ''}`}>
      <div className="course-author-main">
        <p className="course-save-state" role="status">
          {saveState.kind === 'saving' ? t('course.ui.saving') : saveState.kind === 'saved' ? t('course.ui.author.draftSaved') : <span className="form-error">{t('course.ui.author.draftNotSaved', { reason: saveState.text })}</span>}
        </p>
        <section aria-labelledby={`${uid}-pack`}>
          <h2 id={`${uid}-pack`}>{t('course.ui.author.packDetails')}</h2>
          <TextFields id="pack-title" legend={t('course.ui.author.title')} value={manifest.title} onChange={(v) => save({ ...manifest, title: v as CourseManifest['title'] })} />
          <TextFields id="pack-desc" legend={t('course.ui.author.description')} value={manifest.description} onChange={(v) => save({ ...manifest, description: v })} multiline />
          <h3>{t('course.ui.author.goals')}</h3>
          <ol className="course-goals">
            {manifest.learningGoals.map((g, i) => (
              <li key={i}>
                <TextFields id={`goal-${i}`} legend={t('course.ui.author.goalN', { n: i + 1 })} value={g} onChange={(v) => save({ ...manifest, learningGoals: manifest.learningGoals.map((x, j) => (j === i ? (v as typeof g) : x)) })} />
                <button type="button" onClick={() => save({ ...manifest, learningGoals: manifest.learningGoals.filter((_, j) => j !== i) })}>
                  {t('course.ui.author.removeGoal', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => save({ ...manifest, learningGoals: [...manifest.learningGoals, { [lang]: t('course.ui.author.newGoal') } as (typeof manifest.learningGoals)[number]] })}>
            + {t('course.ui.author.addGoal')}
          </button>
        </section>

        <section aria-labelledby={`${uid}-ex`} className="course-author-exercises">
          <h2 id={`${uid}-ex`}>{t('course.ui.exercises')}</h2>
          <ol className="course-author-list">
            {manifest.exercises.map((x, i) => (
              <li key={x.id} className={i === exIndex ? 'is-selected' : undefined}>
                <button type="button" className="link-button" aria-current={i === exIndex ? 'true' : undefined} onClick={() => setSelected(i)}>
                  {i + 1}. {titleOf(x)}
                </button>
                <span className={`badge${recorded.answers.includes(x.id) ? '' : ' badge-warn'}`}>
                  <span aria-hidden="true">{recorded.answers.includes(x.id) ? '✓ ' : '! '}</span>
                  {recorded.answers.includes(x.id) ? t('course.ui.author.hasAnswer') : t('course.ui.author.noAnswer')}
                </span>
                <button type="button" onClick={() => (save({ ...manifest, exercises: move(manifest.exercises, i, -1) }), setSelected(Math.max(0, i - 1)))} disabled={i === 0} aria-label={t('course.ui.author.moveExerciseUp', { title: titleOf(x) })}>
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => (save({ ...manifest, exercises: move(manifest.exercises, i, 1) }), setSelected(Math.min(manifest.exercises.length - 1, i + 1)))}
                  disabled={i === manifest.exercises.length - 1}
                  aria-label={t('course.ui.author.moveExerciseDown', { title: titleOf(x) })}
                >
                  ↓
                </button>
                {confirmDelete === i ? (
                  <>
                    <button
                      type="button"
                      className="danger"
                      autoFocus
                      onClick={() => {
                        setConfirmDelete(null);
                        save({ ...manifest, exercises: manifest.exercises.filter((_, j) => j !== i) });
                        setSelected(0);
                      }}
                    >
                      {t('course.ui.author.confirmDelete', { title: titleOf(x) })}
                    </button>
                    <button type="button" onClick={() => setConfirmDelete(null)}>
                      {t('action.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirmDelete(i)} disabled={manifest.exercises.length === 1} aria-label={t('course.ui.author.deleteExercise', { title: titleOf(x) })}>
                    ✕
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => {
              save({ ...manifest, exercises: [...manifest.exercises, newExercise(manifest.exercises.length + 1, manifest.workspaces[0].id)] });
              setSelected(manifest.exercises.length);
            }}
          >
            + {t('course.ui.author.addExercise')}
          </button>
        </section>

        <section aria-labelledby={`${uid}-edit`} className="course-author-exercise" key={ex.id}>
          <h2 id={`${uid}-edit`}>{t('course.ui.exerciseN', { n: exIndex + 1, total: manifest.exercises.length })}: {titleOf(ex)}</h2>
          <TextFields id="ex-title" legend={t('course.ui.author.exerciseTitle')} value={ex.title} onChange={(v) => setEx({ ...ex, title: v as Exercise['title'] })} />
          <TextFields id="ex-instr" legend={t('course.ui.author.instructions')} value={ex.instructions} onChange={(v) => setEx({ ...ex, instructions: v as Exercise['instructions'] })} multiline />
          <h3>{t('course.ui.hints')}</h3>
          <ol>
            {ex.hints.map((h, i) => (
              <li key={i}>
                <TextFields id={`hint-${i}`} legend={t('course.ui.author.hintN', { n: i + 1 })} value={h} onChange={(v) => setEx({ ...ex, hints: ex.hints.map((x, j) => (j === i ? (v as typeof h) : x)) })} multiline />
                <button type="button" onClick={() => setEx({ ...ex, hints: ex.hints.filter((_, j) => j !== i) })}>
                  {t('course.ui.author.removeHint', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setEx({ ...ex, hints: [...ex.hints, { [lang]: t('course.ui.author.newHint') } as Exercise['hints'][number]] })}>
            + {t('course.ui.author.addHint')}
          </button>

          <h3>{t('course.ui.author.startState')}</h3>
          <div className="course-field">
            <label htmlFor="ex-start">{t('course.ui.author.startFrom')}</label>
            <select
              id="ex-start"
              value={ex.start.from === 'workspace' ? `ws:${ex.start.workspace}` : ex.start.from}
              onChange={(e) => {
                const v = e.target.value;
                setEx({ ...ex, start: v.startsWith('ws:') ? { from: 'workspace', workspace: v.slice(3) } : v === 'previousAnswer' ? { from: 'previousAnswer' } : { from: 'continue' } });
              }}
            >
              {manifest.workspaces.map((w) => (
                <option key={w.id} value={`ws:${w.id}`}>
                  {t('course.ui.author.startWorkspaceNamed', { name: pickText(w.title, lang) || w.id })}
                </option>
              ))}
              <option value="previousAnswer" disabled={exIndex === 0}>
                {t('course.ui.author.startPrevious')}
              </option>
              <option value="continue" disabled={exIndex === 0}>
                {t('course.ui.author.startContinue')}
              </option>
            </select>
          </div>
          {ex.start.from === 'workspace' && (
            <p>
              <span className="muted">{recorded.workspaces.includes(ex.start.workspace) ? t('course.ui.author.workspaceIsRecorded') : t('course.ui.author.workspaceNotRecorded')}</span>{' '}
              <button type="button" onClick={() => ex.start.from === 'workspace' && void record({ workspace: ex.start.workspace })}>
                {t('course.ui.author.recordWorkspace')}
              </button>
            </p>
          )}

          <h3>{t('course.ui.checksTitle')}</h3>
          <ol className="course-checks-editor">
            {ex.checks.map((c, i) => (
              <CheckEditor
                key={c.id}
                check={c}
                index={i}
                count={ex.checks.length}
                onChange={(next) => setEx({ ...ex, checks: ex.checks.map((x) => (x.id === c.id ? next : x)) })}
                onMove={(d) => setEx({ ...ex, checks: move(ex.checks, i, d) })}
                onDelete={() => setEx({ ...ex, checks: ex.checks.filter((x) => x.id !== c.id) })}
              />
            ))}
          </ol>
          <div className="course-add-check">
            <label htmlFor="new-check-type">{t('course.ui.author.checkKind')}</label>
            <select id="new-check-type" value={newCheckType} onChange={(e) => setNewCheckType(e.target.value as CheckType)}>
              {CHECK_TYPES.map((ct) => (
                <option key={ct} value={ct}>
                  {t(`course.ui.checkType.${ct}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() =>
                setEx({ ...ex, checks: [...ex.checks, { id: newId('c'), title: { [lang]: t(`course.ui.checkType.${newCheckType}`) } as Check['title'], hint: {}, rule: defaultRule(newCheckType, t, lang, firstOf) }] })
              }
            >
              + {t('course.ui.author.addCheck')}
            </button>
          </div>

          <h3>{t('course.ui.author.modelAnswer')}</h3>
          <p className="muted">{recorded.answers.includes(ex.id) ? t('course.ui.author.answerIsRecorded') : t('course.ui.author.answerNotRecorded')}</p>
          <button type="button" onClick={() => void record({ answer: ex.id })}>
            {t('course.ui.author.recordAnswer')}
          </button>
        </section>

        <section className="course-author-foot" aria-label={t('course.ui.author.finish')}>
          <button type="button" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
            {t('course.ui.author.preview')}
          </button>
          <button type="button" className="primary" onClick={() => void exportPack()}>
            {t('course.ui.author.export')}
          </button>
          {refusal && (
            <div id={`${uid}-refusal`} className="course-refusal" role="alert" tabIndex={-1}>
              <p>{refusal.text}</p>
              {refusal.results.length > 0 && (
                <ul>
                  {refusal.results.flatMap((r) =>
                    r.results
                      .filter((c) => c.status === 'failed' || c.status === 'error')
                      .map((c) => (
                        <li key={`${r.exerciseId}-${c.checkId}`}>
                          <span aria-hidden="true">{STATUS_ICON[c.status]} </span>
                          {t('course.ui.author.failingCheck', { exercise: exTitleById(r.exerciseId), check: checkTitleOf(r.exerciseId, c.checkId) })} — {explainText(t, lang, c.explanation)}
                        </li>
                      )),
                  )}
                </ul>
              )}
            </div>
          )}
        </section>
      </div>
      {preview && <ExercisePanel preview={{ manifest, onClose: () => setPreview(false) }} />}
    </div>
  );
}
