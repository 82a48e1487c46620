import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Entity, type EntityKind, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { emptyDraft } from './fields';

/**
 * From a life event's panel: a new service need already in the life event, or a new persona
 * that has the life event's needs, each created with its links in one undoable step.
 */
export function LifeEventQuickCreate({ lifeEvent }: { lifeEvent: Entity }) {
  const { t } = useTranslation();
  return (
    <div className="quick-create">
      <QuickForm lifeEvent={lifeEvent} kind="need" title={t('quickCreate.needTitle')} />
      <QuickForm lifeEvent={lifeEvent} kind="persona" title={t('quickCreate.personaTitle')} />
    </div>
  );
}

function QuickForm({ lifeEvent, kind, title }: { lifeEvent: Entity; kind: EntityKind; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const notify = useApp((s) => s.notify);
  const [name, setName] = useState('');
  const [unchecked, setUnchecked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const byId = entityIndex(entities);
  const needs = links
    .filter((l) => l.type === 'hasNeed' && l.source === lifeEvent.id)
    .map((l) => byId.get(l.target))
    .filter((e): e is Entity => !!e);
  const chosenNeeds = needs.filter((n) => !unchecked.includes(n.id));
  const blocked = kind === 'persona' && needs.length === 0;

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    const linkTo =
      kind === 'need'
        ? [{ type: 'hasNeed' as const, other: lifeEvent.id, outgoing: false }]
        : chosenNeeds.map((n) => ({ type: 'personaNeed' as const, other: n.id, outgoing: true, data: { importance: 3 } }));
    const made = await attempt(
      () => api.call('entities.create', { entity: { ...emptyDraft(kind), name: { [lang]: trimmed } } as never, linkTo, context: lifeEvent.id }),
      (e) => describeError(t, e),
    );
    setBusy(false);
    if (made) {
      setName('');
      notify({ kind: 'info', text: t('quickCreate.created', { name: pickText(made.name, lang) || made.id }) });
    }
  };

  return (
    <form
      className="quick-form"
      aria-labelledby={`${uid}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h4 id={`${uid}-title`}>{title}</h4>
      {blocked ? (
        <p className="muted small">{t('quickCreate.noNeedsYet')}</p>
      ) : (
        <>
          {kind === 'persona' && (
            <fieldset className="quick-needs">
              <legend>{t('quickCreate.personaNeeds')}</legend>
              {needs.map((n) => (
                <label key={n.id} className="checkbox-line">
                  <input
                    type="checkbox"
                    checked={!unchecked.includes(n.id)}
                    onChange={(e) => setUnchecked((u) => (e.target.checked ? u.filter((x) => x !== n.id) : [...u, n.id]))}
                  />
                  {pickText(n.name, lang) || n.id}
                </label>
              ))}
            </fieldset>
          )}
          <div className="quick-row">
            <label htmlFor={`${uid}-name`} className="visually-hidden">
              {t('quickCreate.nameFor', { kind: t(`kind.${kind}.one`).toLocaleLowerCase(lang) })}
            </label>
            <input id={`${uid}-name`} value={name} placeholder={t('quickCreate.name')} onChange={(e) => setName(e.target.value)} />
            <button type="submit" disabled={!name.trim() || busy}>
              {t('quickCreate.create')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
