import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntitySchema, METERS, neutralMeters, pickText, type Entity, type EntityKind, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, useApp } from '../../app/store';
import { dropDraft, registerLeaveGuard, stashDraft, takeStashedDraft } from '../../app/leaveGuard';
import { emptyDraft, FIELDS, type FieldSpec } from './fields';
import { LinksEditor } from './LinksEditor';
import { FieldCompanion } from '../tryout/FieldCompanion';
import { CodePicker } from './CodePicker';
import { useCodes } from './codes';

type Draft = Record<string, unknown>;


/** Field errors keyed by the first path segment, from the same zod schema the backend uses. */
function validate(draft: Draft): Record<string, string> {
  const r = EntitySchema.safeParse({ id: 'draft', ...draft });
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (key === 'id') continue;
    out[key] ??= issue.message;
  }
  return out;
}

const cleanDraft = (kind: EntityKind, entity?: Entity): Draft => (entity ? structuredClone(entity) : emptyDraft(kind)) as Draft;

export function EntityPanel(props: { kind: EntityKind; entity?: Entity; onClose(): void; onSaved(id: string): void }) {
  const { kind, entity } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const wsPath = useApp((s) => s.info?.path ?? '');
  // Drafts are kept per workspace file and entity (or per kind for a new one).
  const draftKey = `${wsPath}|${entity ? entity.id : `new:${kind}`}`;
  const baseline = useRef(JSON.stringify(cleanDraft(kind, entity)));
  const [initial] = useState(() => {
    const stashed = takeStashedDraft(draftKey);
    return stashed && JSON.stringify(stashed) !== baseline.current ? { draft: stashed, restored: true } : { draft: cleanDraft(kind, entity), restored: false };
  });
  const [restored, setRestored] = useState(initial.restored);
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const [touched, setTouched] = useState(false);
  const [, setSavedCount] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const links = useApp((s) => s.links);
  const notify = useApp((s) => s.notify);
  const errors = touched ? validate(draft) : {};
  const linkCount = entity ? links.filter((l) => l.source === entity.id || l.target === entity.id).length : 0;
  const panelRef = useRef<HTMLElement>(null);
  const discarded = useRef(false);
  const isDirty = (d: Draft) => !discarded.current && JSON.stringify(d) !== baseline.current;
  const dirty = isDirty(draft);

  const set = (key: string, value: unknown) => {
    discarded.current = false;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  // Another client (or undo) changed the entity while nothing was typed here: show the new state.
  const entityJson = entity ? JSON.stringify(entity) : undefined;
  useEffect(() => {
    if (!entityJson) return;
    const wasClean = JSON.stringify(draftRef.current) === baseline.current;
    baseline.current = entityJson;
    if (wasClean) setDraft(JSON.parse(entityJson) as Draft);
  }, [entityJson]);

  // Every unsaved state is also in local storage until it is saved or discarded.
  useEffect(() => {
    if (dirty) stashDraft(draftKey, draft);
    else dropDraft(draftKey);
  }, [dirty, draft, draftKey]);

  const heading = entity ? pickText(entity.name, lang) || entity.id : t(`kind.${kind}.new`);

  /** Saves the draft; `leaving` saves without the follow-up navigation to the saved entity. */
  const save = async (draftNow: Draft, leaving = false): Promise<boolean> => {
    setTouched(true);
    if (Object.keys(validate(draftNow)).length > 0) {
      setTimeout(() => panelRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return false;
    }
    const saved = entity
      ? await attempt(() => api.call('entities.update', { entity: { ...draftNow, id: entity.id } as never }))
      : await attempt(() => api.call('entities.create', { entity: draftNow as never }));
    if (!saved) return false;
    baseline.current = JSON.stringify(draftNow);
    dropDraft(draftKey);
    setRestored(false);
    setSavedCount((n) => n + 1); // the baseline lives in a ref: draw "no unsaved changes" now
    notify({ kind: 'info', text: leaving ? t('unsaved.savedOnLeave', { name: pickText(saved.name, lang) || saved.id }) : t('notice.saved') });
    if (!leaving) props.onSaved(saved.id);
    return true;
  };

  // The latest values for the guard and the unmount check, which outlive a render.
  const saveRef = useRef(save);
  saveRef.current = save;
  const headingRef = useRef(heading);
  headingRef.current = heading;

  useEffect(() => {
    let inFlight: Promise<boolean> | undefined;
    const flush = () => {
      inFlight ??= saveRef.current(draftRef.current, true).then((ok) => {
        inFlight = undefined;
        if (!ok) notify({ kind: 'error', text: t('unsaved.invalid', { name: headingRef.current }) });
        return ok;
      });
      return inFlight;
    };
    const off = registerLeaveGuard({ dirty: () => isDirty(draftRef.current), flush });
    return () => {
      off();
      // Taken away without asking (the map selects another node, the entity vanished): save what
      // can be saved; what cannot stays in local storage and is offered when the panel reopens.
      if (isDirty(draftRef.current)) {
        if (Object.keys(validate(draftRef.current)).length === 0) void saveRef.current(draftRef.current, true);
        else notify({ kind: 'error', text: t('unsaved.kept', { name: headingRef.current }) });
      }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- registered once; reads refs
  }, []);

  const close = async () => {
    if (dirty && !(await save(draft, true))) {
      notify({ kind: 'error', text: t('unsaved.invalid', { name: heading }) });
      return;
    }
    props.onClose();
  };

  const discard = () => {
    discarded.current = true;
    dropDraft(draftKey);
    props.onClose();
  };

  const remove = async () => {
    if (!entity) return;
    const r = await attempt(() => api.call('entities.delete', { id: entity.id }));
    if (r) {
      notify({ kind: 'info', text: t('notice.deleted', { count: r.deletedLinks }) });
      props.onClose();
    }
  };

  return (
    <aside className="panel" aria-labelledby="panel-heading" ref={panelRef}>
      <div className="pane-header">
        <h2 id="panel-heading">{heading}</h2>
        <button type="button" className="icon-button" onClick={() => void close()} aria-label={dirty ? t('unsaved.saveAndClose') : t('action.close')} title={dirty ? t('unsaved.saveAndClose') : undefined}>
          ×
        </button>
      </div>
      {(restored || dirty) && (
        <p className="unsaved-note" role="status">
          {restored ? t('unsaved.restored') : t('unsaved.pending')}
        </p>
      )}
      <form
        className="entity-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(draft);
        }}
      >
        {FIELDS[kind].map((f) => (
          <Fragment key={f.key}>
            <Field spec={f} value={draft[f.key]} error={errors[f.key]} onChange={(v) => set(f.key, v)} />
            <FieldCompanion spec={f} kind={kind} draft={draft} entity={entity} set={set} />
          </Fragment>
        ))}
        <div className="form-actions">
          <button type="submit" className="primary">
            {entity ? t('action.save') : t('action.create')}
          </button>
          {dirty ? (
            <button type="button" onClick={discard}>
              {t('unsaved.discard')}
            </button>
          ) : (
            <button type="button" onClick={props.onClose}>
              {t('action.cancel')}
            </button>
          )}
          <span className="spacer" />
          {entity && !confirmDelete && (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('action.delete')}
            </button>
          )}
        </div>
        {entity && confirmDelete && (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">{t('confirm.delete', { name: heading, count: linkCount })}</p>
            <button type="button" className="danger" onClick={() => void remove()} autoFocus>
              {t('action.confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('action.cancel')}
            </button>
          </div>
        )}
      </form>
      {entity && <LinksEditor entity={entity} />}
      {entity && <p className="muted small">{t('field.id')}: {entity.id}</p>}
    </aside>
  );
}

function Field({ spec, value, error, onChange }: { spec: FieldSpec; value: unknown; error?: string; onChange(v: unknown): void }) {
  const { t } = useTranslation();
  const id = `field-${spec.key}`;
  const label = t(`field.${spec.key}`);
  const errorId = error ? `${id}-error` : undefined;
  const errorText = error ? <p className="field-error" id={errorId}>{t(`validation.${error}`, { defaultValue: error })}</p> : null;

  switch (spec.type) {
    case 'picker':
      return <CodePicker id={id} label={label} list={spec.list} value={(value as string[] | undefined) ?? []} onChange={onChange} />;
    case 'municipality':
      return <MunicipalitySelect id={id} label={label} value={value as string | undefined} onChange={onChange} />;
    case 'text': {
      const v = (value ?? {}) as Record<Language, string | undefined>;
      return (
        <fieldset className="ml-field">
          <legend>
            {label}
            {spec.required && <span aria-hidden="true"> *</span>}
          </legend>
          {(['fi', 'sv', 'en'] as const).map((l) => {
            const fid = `${id}-${l}`;
            const props = {
              id: fid,
              value: v[l] ?? '',
              'aria-invalid': error ? true : undefined,
              'aria-describedby': errorId,
              onChange: (e: { target: { value: string } }) => {
                const next = { ...v, [l]: e.target.value };
                if (!e.target.value) delete next[l];
                onChange(next);
              },
            };
            return (
              <div className="ml-row" key={l}>
                <label htmlFor={fid} className="lang-tag" title={t(`languageName.${l}`)}>
                  {l.toUpperCase()}
                </label>
                {spec.multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
              </div>
            );
          })}
          {errorText}
        </fieldset>
      );
    }
    case 'select':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(value ?? spec.options[0])} onChange={(e) => onChange(e.target.value)}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {t(`${spec.optionPrefix}.${o}`)}
              </option>
            ))}
          </select>
          {errorText}
        </div>
      );
    case 'codes':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            defaultValue={((value as string[] | undefined) ?? []).join(', ')}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean))}
          />
          <p className="hint" id={`${id}-hint`}>
            {t('hint.commaSeparated')}
          </p>
          {errorText}
        </div>
      );
    case 'int':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="number"
            min={spec.min}
            max={spec.max}
            step={1}
            value={value === undefined || value === null ? '' : String(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          />
          {errorText}
        </div>
      );
    case 'bool':
      return (
        <div className="field checkbox">
          <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={id}>{label}</label>
        </div>
      );
    case 'plain':
    case 'url':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type={spec.type === 'url' ? 'url' : 'text'}
            value={String(value ?? '')}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
          {errorText}
        </div>
      );
    case 'meters': {
      const v = (value ?? neutralMeters()) as Record<string, number>;
      return (
        <fieldset className="meters">
          <legend>{label}</legend>
          <p className="hint">{t('hint.meters')}</p>
          {METERS.map((m) => (
            <div className="meter-row" key={m}>
              <label htmlFor={`${id}-${m}`}>{t(`meter.${m}`)}</label>
              <input id={`${id}-${m}`} type="range" min={0} max={10} step={1} value={v[m]} onChange={(e) => onChange({ ...v, [m]: Number(e.target.value) })} />
              <output htmlFor={`${id}-${m}`}>{v[m]}</output>
            </div>
          ))}
        </fieldset>
      );
    }
    case 'affinities': {
      const v = (value ?? {}) as Record<string, number | undefined>;
      return (
        <fieldset className="meters">
          <legend>{label}</legend>
          <p className="hint">{t('hint.affinities')}</p>
          {METERS.map((m) => (
            <div className="meter-row" key={m}>
              <label htmlFor={`${id}-${m}`}>{t(`meter.${m}`)}</label>
              <select
                id={`${id}-${m}`}
                value={v[m] === undefined ? '' : String(v[m])}
                onChange={(e) => {
                  const next = { ...v };
                  if (e.target.value === '') delete next[m];
                  else next[m] = Number(e.target.value);
                  onChange(Object.keys(next).length ? next : undefined);
                }}
              >
                <option value="">{t('affinity.unknown')}</option>
                <option value="0">{t('affinity.none')}</option>
                <option value="0.5">{t('affinity.some')}</option>
                <option value="1">{t('affinity.strong')}</option>
              </select>
            </div>
          ))}
        </fieldset>
      );
    }
  }
}

function MunicipalitySelect({ id, label, value, onChange }: { id: string; label: string; value?: string; onChange(v: unknown): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const items = useCodes('municipalities');
  const named = items
    .map((m) => ({ code: m.code, name: m.label[lang] ?? m.label.fi ?? m.code }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('picker.none')}</option>
        {value && !items.some((m) => m.code === value) && <option value={value}>{value}</option>}
        {named.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name} ({m.code})
          </option>
        ))}
      </select>
    </div>
  );
}
