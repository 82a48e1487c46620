import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METERS, pickText, type Entity, type Language, type Link, type Persona } from '../../../../shared/model';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { attempt, entityIndex, useApp } from '../../app/store';
import { CatalogueGate } from '../../app/CatalogueGate';
import { useRecommendations, useRecommenderCodes } from './engine';
import type { QueryNeed } from '../../../../shared/recommender';
import { needsOf, stateFromPersona, toQuery, type TryoutState } from './query';
import { TryoutResults } from './TryoutResults';
import { RemoteTryout } from '../remote/RemoteTryout';
import { SourcePanel } from '../remote/SourcePanel';
import { useSourceStatus } from '../remote/useRemote';
import './tryout.css';

/**
 * What the page reads of the workspace besides the recommender: personas, needs (to name them)
 * and the links between the two. From the store; while a large catalogue is still loading (the
 * backend answers the page then, so it does not wait for the whole catalogue), from the API.
 */
interface PageData {
  entities: Entity[];
  links: Link[];
}
function usePageData(): PageData | null {
  const whole = useApp((s) => s.catalogue.status === 'ready');
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  // The counts move with every write while the catalogue loads: then these are fetched again.
  const counts = useApp((s) => s.counts);
  const [fetched, setFetched] = useState<PageData | null>(null);
  useEffect(() => {
    if (whole) return;
    let live = true;
    void attempt(() => Promise.all([api.call('entities.list', { kind: 'persona' }), api.call('entities.list', { kind: 'need' }), api.call('links.list', { type: 'personaNeed' })])).then((got) => {
      if (live && got) setFetched({ entities: [...got[0], ...got[1]], links: got[2] });
    });
    return () => {
      live = false;
    };
  }, [whole, counts]);
  const fromStore = useMemo(() => ({ entities, links }), [entities, links]);
  return whole ? fromStore : fetched;
}

/** The try-out page: a persona's meters and filters on the left, live recommendations on the right. */
export function TryoutView({ personaId }: { personaId?: string }) {
  const { t } = useTranslation();
  const data = usePageData();
  if (!data)
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  return <TryoutPage personaId={personaId} data={data} />;
}

function TryoutPage({ personaId, data }: { personaId?: string; data: PageData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { entities } = data;
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
      <SourcePanel />
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
      <Workbench key={persona?.id ?? 'none'} persona={persona} data={data} />
    </div>
  );
}

function Workbench({ persona, data }: { persona?: Persona; data: PageData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { links } = data;
  const notify = useApp((s) => s.notify);
  const [s, setS] = useState<TryoutState>(() => stateFromPersona(persona));
  // Stable, so the filter fields (a long municipality list) need not re-render while a slider moves.
  const set: SetField = useCallback((k, v) => setS((x) => ({ ...x, [k]: v })), []);
  const needs = useMemo(() => needsOf(persona?.id, links), [persona?.id, links]);
  const query = useMemo(() => toQuery(s, needs, lang), [s, needs, lang]);
  const rec = useRecommendations(query);
  const expected = useMemo(() => new Set(persona?.expectedServices ?? []), [persona]);
  const metersChanged = !!persona && METERS.some((m) => persona.meters[m] !== s.meters[m]);
  const remote = useSourceStatus()?.source.kind === 'remote';


  const saveMeters = async () => {
    if (!persona) return;
    const saved = await attempt(() => api.call('entities.update', { entity: { ...persona, meters: s.meters } }));
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

        <FilterFields
          municipality={s.municipality}
          language={s.language}
          ageMin={s.ageMin}
          ageMax={s.ageMax}
          includeNational={s.includeNational}
          text={s.text}
          useNeeds={s.useNeeds}
          persona={persona}
          needs={needs}
          entities={data.entities}
          set={set}
        />
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
        {remote ? (
          // A remote source's answers are named from the whole catalogue.
          <CatalogueGate>
            <RemoteTryout query={s} headingId="tryout-results-heading" />
          </CatalogueGate>
        ) : <TryoutResults {...rec} expected={expected} headingId="tryout-results-heading" />}
      </section>
    </div>
  );
}

type SetField = <K extends keyof TryoutState>(k: K, v: TryoutState[K]) => void;

type FilterProps = Pick<TryoutState, 'municipality' | 'language' | 'ageMin' | 'ageMax' | 'includeNational' | 'text' | 'useNeeds'> & {
  persona?: Persona;
  needs: QueryNeed[];
  /** Where the needs' names come from. */
  entities: Entity[];
  set: SetField;
};

/** The filters and the persona's needs; memoised so that moving a meter does not redraw them. */
const FilterFields = memo(function FilterFields(props: FilterProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const codes = useRecommenderCodes();
  const byId = entityIndex(props.entities);
  const municipalities = useMemo(() => {
    const list = (codes?.municipalities ?? []).map((m) => ({ code: m.code, name: m[lang] || m.fi }));
    if (props.municipality && !list.some((m) => m.code === props.municipality)) list.push({ code: props.municipality, name: props.municipality });
    return list.sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [codes, lang, props.municipality]);
  return (
    <fieldset className="tryout-filters">
      <legend>{t('tryout.filters')}</legend>
      <div className="field">
        <label htmlFor="tryout-municipality">{t('tryout.municipality')}</label>
        <select id="tryout-municipality" value={props.municipality} onChange={(e) => props.set('municipality', e.target.value)}>
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
        <select id="tryout-language" value={props.language} onChange={(e) => props.set('language', e.target.value as TryoutState['language'])}>
          <option value="">{t('tryout.anyLanguage')}</option>
          {(['fi', 'sv', 'en'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`languageName.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="tryout-ages">
        <div className="field">
          <label htmlFor="tryout-age-min">{t('field.ageMin')}</label>
          <input id="tryout-age-min" type="number" min={0} max={120} value={props.ageMin ?? ''} onChange={(e) => props.set('ageMin', e.target.value === '' ? null : Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="tryout-age-max">{t('field.ageMax')}</label>
          <input id="tryout-age-max" type="number" min={0} max={120} value={props.ageMax ?? ''} onChange={(e) => props.set('ageMax', e.target.value === '' ? null : Number(e.target.value))} />
        </div>
      </div>
      {props.ageMin !== null && props.ageMax !== null && props.ageMin > props.ageMax && <p className="field-error">{t('validation.persona.ageRange')}</p>}
      <div className="field checkbox">
        <input id="tryout-national" type="checkbox" checked={props.includeNational} onChange={(e) => props.set('includeNational', e.target.checked)} />
        <label htmlFor="tryout-national">{t('tryout.includeNational')}</label>
      </div>
      <div className="field">
        <label htmlFor="tryout-text">{t('tryout.text')}</label>
        <input id="tryout-text" type="search" value={props.text} placeholder={t('tryout.textPlaceholder')} onChange={(e) => props.set('text', e.target.value)} />
      </div>
      {props.persona && (
        <div className="field checkbox">
          <input id="tryout-needs" type="checkbox" checked={props.useNeeds} onChange={(e) => props.set('useNeeds', e.target.checked)} />
          <label htmlFor="tryout-needs">{t('tryout.useNeeds', { count: props.needs.length })}</label>
        </div>
      )}
      {props.persona && props.useNeeds && props.needs.length > 0 && (
        <ul className="tryout-needs">
          {props.needs.map((n) => (
            <li key={n.id}>
              <a href={routeHref({ view: 'entities', kind: 'need', id: n.id })}>{pickText(byId.get(n.id)?.name, lang) || n.id}</a>{' '}
              <span className="muted">({t('links.importanceValue', { value: n.importance })})</span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
});
