import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickText, type Language } from '../../../../shared/model';
import { LIMITS, type InterfaceAddress, type WorkshopTemplate } from '../../../../shared/workshop/types';
import { api } from '../../api';
import { act, useWorkshop } from './workshopStore';

const LOOPBACK = '';

/** Starting a session: where it listens, who may join and how, what the record keeps, which agenda. */
export function StartSession({ templates, onTemplatesChanged }: { templates: WorkshopTemplate[]; onTemplatesChanged(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const adopt = useWorkshop((s) => s.adopt);
  const [interfaces, setInterfaces] = useState<InterfaceAddress[]>([]);
  const [address, setAddress] = useState(LOOPBACK);
  const [title, setTitle] = useState('');
  const [max, setMax] = useState(40);
  const [anonymous, setAnonymous] = useState(true);
  const [names, setNames] = useState(false);
  const [language, setLanguage] = useState<Language>(lang);
  const [template, setTemplate] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api
      .call('workshop.interfaces', {})
      .then(setInterfaces)
      .catch(() => setInterfaces([]));
  }, []);
  useEffect(() => {
    if (!template && templates.length) setTemplate(templates[0].id);
  }, [templates, template]);

  const lan = interfaces.filter((i) => !i.internal);
  const chosen = templates.find((x) => x.id === template);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const state = await act(t, 'workshop.start', {
      ...(address ? { interface: address } : {}),
      settings: { maxParticipants: max, allowAnonymous: anonymous, namesInRecord: names, language, ...(title.trim() ? { title: title.trim() } : {}) },
      ...(template ? { template } : {}),
    });
    setBusy(false);
    if (state) adopt(state);
  };

  const removeTemplate = async (id: string) => {
    if ((await act(t, 'workshop.deleteTemplate', { id })) !== undefined) {
      if (template === id) setTemplate('');
      onTemplatesChanged();
    }
  };

  return (
    <section className="card ws-start" aria-labelledby="ws-start-title">
      <h2 id="ws-start-title">{t('workshop.start.title')}</h2>
      <p className="muted">{t('workshop.start.lead')}</p>
      <form onSubmit={submit} className="ws-start-form">
        <div className="form-grid">
          <label htmlFor="ws-title">{t('workshop.start.sessionTitle')}</label>
          <input id="ws-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.title} placeholder={chosen ? pickText(chosen.name, language) : ''} />
          <label htmlFor="ws-interface">{t('workshop.start.network')}</label>
          <select id="ws-interface" value={address} onChange={(e) => setAddress(e.target.value)} aria-describedby="ws-interface-hint">
            <option value={LOOPBACK}>{t('workshop.start.loopback')}</option>
            {lan.map((i) => (
              <option key={`${i.name}-${i.address}`} value={i.address}>
                {i.address} ({i.name}, {i.family})
              </option>
            ))}
          </select>
          <span />
          <p id="ws-interface-hint" className="hint">
            {lan.length ? t('workshop.start.networkHint') : t('workshop.start.noNetwork')}
          </p>
          <label htmlFor="ws-max">{t('workshop.start.maxParticipants')}</label>
          <input id="ws-max" type="number" min={1} max={LIMITS.participants} value={max} onChange={(e) => setMax(Math.max(1, Math.min(LIMITS.participants, Number(e.target.value) || 1)))} />
          <label htmlFor="ws-language">{t('workshop.start.language')}</label>
          <select id="ws-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`workshop.p.languageName.${l}`)}
              </option>
            ))}
          </select>
          <label htmlFor="ws-template">{t('workshop.start.template')}</label>
          <select id="ws-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {pickText(x.name, lang)}
                {x.builtIn ? '' : ` (${t('workshop.templates.own')})`}
              </option>
            ))}
            <option value="">{t('workshop.start.emptyAgenda')}</option>
          </select>
        </div>
        {chosen && (
          <div className="ws-template-preview">
            {chosen.description && <p className="muted">{pickText(chosen.description, lang)}</p>}
            <ol>
              {chosen.steps.map((s) => (
                <li key={s.id}>
                  {pickText(s.title, language)} <span className="muted">· {t(`workshop.step.${s.kind}`)} · {t('workshop.agenda.minutes', { count: s.minutes })}</span>
                </li>
              ))}
            </ol>
            {!chosen.builtIn && (
              <button type="button" className="danger" onClick={() => void removeTemplate(chosen.id)}>
                {t('workshop.templates.delete')}
              </button>
            )}
          </div>
        )}
        <label className="checkbox-line">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('workshop.start.allowAnonymous')}
        </label>
        <fieldset>
          <legend>{t('workshop.start.record')}</legend>
          <label className="checkbox-line">
            <input type="radio" name="ws-names" checked={!names} onChange={() => setNames(false)} />
            {t('workshop.start.recordCounts')}
          </label>
          <label className="checkbox-line">
            <input type="radio" name="ws-names" checked={names} onChange={() => setNames(true)} />
            {t('workshop.start.recordNames')}
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('workshop.start.start')}
          </button>
        </div>
      </form>
    </section>
  );
}
