import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METERS, pickText, type Language, type Persona } from '../../../../shared/model';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { useRecommendations, useRecommenderCodes } from './engine';
import { needsOf, stateFromPersona, toQuery, type TryoutState } from './query';
import { TryoutResults } from './TryoutResults';
import './tryout.css';

/** The try-out page: a persona's meters and filters on the left, live recommendations on the right. */
export function TryoutView({ personaId }: { personaId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const personas = useMemo(
    () => entities.filter((e): e is Persona => e.kind === 'persona').sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang)),
    [entities, lang],
  );
  const persona = personaId ? personas.find((p) => p.id === personaId) : undefined;

  return (
    <div className="page tryout-page">
      <div className="pane-header">
        <h1 id="tryout-heading">{t('tryout.title')}</h1>
      </div>
      <p className="muted tryout-lead">{t('tryout.lead')}</p>
      <div className="field tryout-persona">
        <label htmlFor="tryout-persona">{t('tryout.persona')}</label>
        <select
          id="tryout-persona"
          value={persona?.id ?? ''}
          onChange={(e) => navigate({ view: 'tryout', id: e.target.value || undefined })}
        >
          <option value="">{t('tryout.noPersona')}</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {pickText(p.name, lang) || p.id}
            </option>
          ))}
        </select>
      </div>
      {personaId && !persona && <p className="field-error">{t('tryout.personaMissing', { id: personaId })}</p>}
      {/* A new persona starts the controls afresh; editing one keeps what the facilitator moved. */}
      <Workbench key={persona?.id ?? 'none'} persona={persona} />
    </div>
  );
}

function Workbench({ persona }: { persona?: Persona }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const links = useApp((s) => s.links);
  const entities = useApp((s) => s.entities);
  const notify = useApp((s) => s.notify);
  const codes = useRecommenderCodes();
  const [s, setS] = useState<TryoutState>(() => stateFromPersona(persona));
  const set = <K extends keyof TryoutState>(k: K, v: TryoutState[K]) => setS((x) => ({ ...x, [k]: v }));
  const needs = useMemo(() => needsOf(persona?.id, links), [persona?.id, links]);
  const query = useMemo(() => toQuery(s, needs, lang), [s, needs, lang]);
  const rec = useRecommendations(query);
  const expected = useMemo(() => new Set(persona?.expectedServices ?? []), [persona]);
  const byId = entityIndex(entities);
  const metersChanged = !!persona && METERS.some((m) => persona.meters[m] !== s.meters[m]);

  const municipalities = useMemo(() => {
    const list = (codes?.municipalities ?? []).map((m) => ({ code: m.code, name: m[lang] || m.fi }));
    if (s.municipality && !list.some((m) => m.code === s.municipality)) list.push({ code: s.municipality, name: s.municipality });
    return list.sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [codes, lang, s.municipality]);

  const saveMeters = async () => {
    if (!persona) return;
    const saved = await attempt(() => api.call('entities.update', { entity: { ...persona, meters: s.meters } }), (e) => describeError(t, e));
    if (saved) notify({ kind: 'info', text: t('tryout.metersSaved') });
  };

  return (
    <div className="tryout-grid">
      <section className="tryout-controls" aria-labelledby="tryout-controls-heading">
        <h2 id="tryout-controls-heading" className="visually-hidden">
          {t('tryout.controls')}
        </h2>
        <fieldset className="meters">
          <legend>{t('field.meters')}</legend>
          <p className="hint">{t('hint.meters')}</p>
          {METERS.map((m) => (
            <div className="meter-row" key={m}>
              <label htmlFor={`tryout-meter-${m}`}>{t(`meter.${m}`)}</label>
              <input
                id={`tryout-meter-${m}`}
                type="range"
                min={0}
                max={10}
                step={1}
                value={s.meters[m]}
                onChange={(e) => set('meters', { ...s.meters, [m]: Number(e.target.value) })}
              />
              <output htmlFor={`tryout-meter-${m}`}>{s.meters[m]}</output>
            </div>
          ))}
          {persona && (
            <div className="form-actions">
              <button type="button" onClick={() => set('meters', { ...persona.meters })} disabled={!metersChanged}>
                {t('tryout.resetMeters')}
              </button>
              <button type="button" className="primary" onClick={() => void saveMeters()} disabled={!metersChanged}>
                {t('tryout.saveMeters')}
              </button>
            </div>
          )}
        </fieldset>

        <fieldset className="tryout-filters">
          <legend>{t('tryout.filters')}</legend>
          <div className="field">
            <label htmlFor="tryout-municipality">{t('tryout.municipality')}</label>
            <select id="tryout-municipality" value={s.municipality} onChange={(e) => set('municipality', e.target.value)}>
              <option value="">{t('tryout.anyMunicipality')}</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} ({m.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tryout-language">{t('tryout.language')}</label>
            <select id="tryout-language" value={s.language} onChange={(e) => set('language', e.target.value as TryoutState['language'])}>
              <option value="">{t('tryout.anyLanguage')}</option>
              {(['fi', 'sv', 'en'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="tryout-ages">
            <div className="field">
              <label htmlFor="tryout-age-min">{t('field.ageMin')}</label>
              <input id="tryout-age-min" type="number" min={0} max={120} value={s.ageMin ?? ''} onChange={(e) => set('ageMin', e.target.value === '' ? null : Number(e.target.value))} />
            </div>
            <div className="field">
              <label htmlFor="tryout-age-max">{t('field.ageMax')}</label>
              <input id="tryout-age-max" type="number" min={0} max={120} value={s.ageMax ?? ''} onChange={(e) => set('ageMax', e.target.value === '' ? null : Number(e.target.value))} />
            </div>
          </div>
          {s.ageMin !== null && s.ageMax !== null && s.ageMin > s.ageMax && <p className="field-error">{t('validation.persona.ageRange')}</p>}
          <div className="field checkbox">
            <input id="tryout-national" type="checkbox" checked={s.includeNational} onChange={(e) => set('includeNational', e.target.checked)} />
            <label htmlFor="tryout-national">{t('tryout.includeNational')}</label>
          </div>
          <div className="field">
            <label htmlFor="tryout-text">{t('tryout.text')}</label>
            <input id="tryout-text" type="search" value={s.text} placeholder={t('tryout.textPlaceholder')} onChange={(e) => set('text', e.target.value)} />
          </div>
          {persona && (
            <div className="field checkbox">
              <input id="tryout-needs" type="checkbox" checked={s.useNeeds} onChange={(e) => set('useNeeds', e.target.checked)} />
              <label htmlFor="tryout-needs">{t('tryout.useNeeds', { count: needs.length })}</label>
            </div>
          )}
          {persona && s.useNeeds && needs.length > 0 && (
            <ul className="tryout-needs">
              {needs.map((n) => (
                <li key={n.id}>
                  <a href={routeHref({ view: 'entities', kind: 'need', id: n.id })}>{pickText(byId.get(n.id)?.name, lang) || n.id}</a>{' '}
                  <span className="muted">({t('links.importanceValue', { value: n.importance })})</span>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </section>

      <section className="tryout-output" aria-labelledby="tryout-results-heading">
        <div className="pane-header">
          <h2 id="tryout-results-heading">{t('tryout.results')}</h2>
          <label className="tryout-limit">
            <span>{t('tryout.limit')}</span>
            <select value={s.limit} onChange={(e) => set('limit', Number(e.target.value))}>
              {[5, 10, 20, 50].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TryoutResults {...rec} expected={expected} headingId="tryout-results-heading" />
      </section>
    </div>
  );
}
