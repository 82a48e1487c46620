import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, LINK_TYPES, pickText, type Language, type LinkType } from '../../../../shared/model';
import { routeHref } from '../../app/route';
import { useApp } from '../../app/store';
import { useImportDialog } from '../io/importStore';

/** The workspace at a glance: what it holds, by entity and link type. */
export function Overview() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const info = useApp((s) => s.info)!;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const byKind = new Map<string, number>();
  for (const e of entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const byType = new Map<string, number>();
  for (const l of links) byType.set(l.type, (byType.get(l.type) ?? 0) + 1);

  return (
    <div className="page">
      <h1>{pickText(info.title, lang) || t('overview.untitled')}</h1>
      <p className="muted path">{info.path}</p>
      {entities.length === 0 && (
        <section className="empty-state first-steps" aria-labelledby="first-steps">
          <h2 id="first-steps">{t('firstSteps.title')}</h2>
          <p>{t('overview.empty')}</p>
          <ul className="first-steps-list">
            <li>
              <button type="button" className="primary" onClick={() => useImportDialog.getState().show()}>
                {t('firstSteps.import')}
              </button>
              <span className="hint">{t('firstSteps.importHint')}</span>
            </li>
            <li>
              <a className="button" href={routeHref({ view: 'entities', kind: 'organisation' })}>
                {t('firstSteps.organisation')}
              </a>
            </li>
            <li>
              <a className="button" href={routeHref({ view: 'entities', kind: 'lifeEvent' })}>
                {t('firstSteps.lifeEvent')}
              </a>
              <span className="hint">{t('firstSteps.lifeEventHint')}</span>
            </li>
            <li>
              <a className="button" href={routeHref({ view: 'canvas', mode: 'map' })}>
                {t('firstSteps.map')}
              </a>
            </li>
          </ul>
        </section>
      )}
      <h2>{t('overview.entities')}</h2>
      <ul className="tiles">
        {ENTITY_KINDS.map((k) => (
          <li key={k}>
            <a className="tile" href={routeHref({ view: 'entities', kind: k })}>
              <span className={`tile-icon kind-${k}`} aria-hidden="true" />
              <span className="tile-count">{byKind.get(k) ?? 0}</span>
              <span className="tile-label">{t(`kind.${k}.plural`)}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('overview.links')}</h2>
      <table className="data-table compact">
        <caption className="visually-hidden">{t('overview.links')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.linkType')}</th>
            <th scope="col">{t('overview.from')}</th>
            <th scope="col">{t('overview.to')}</th>
            <th scope="col" className="num">
              {t('overview.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(LINK_TYPES) as LinkType[]).map((type) => (
            <tr key={type}>
              <td>{t(`link.${type}.name`)}</td>
              <td>{t(`kind.${LINK_TYPES[type].source}.one`)}</td>
              <td>{t(`kind.${LINK_TYPES[type].target}.one`)}</td>
              <td className="num">{byType.get(type) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
