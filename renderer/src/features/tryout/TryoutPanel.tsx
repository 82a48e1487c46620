import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/model';
import { routeHref } from '../../app/route';
import { useApp } from '../../app/store';
import { useRecommendations } from './engine';
import { draftQuery } from './query';
import { TryoutResults } from './TryoutResults';
import './tryout.css';

/**
 * Beside a persona's meter sliders in its form: what the persona would be offered with the form's
 * values as they are now, saved or not, so moving a slider shows its effect at once.
 */
export function TryoutPanel({ draft, personaId }: { draft: Record<string, unknown>; personaId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const links = useApp((s) => s.links);
  const query = useMemo(() => draftQuery(draft, personaId, links, lang, 5), [draft, personaId, links, lang]);
  const rec = useRecommendations(query);
  const expected = useMemo(() => new Set((draft.expectedServices as string[] | undefined) ?? []), [draft.expectedServices]);
  return (
    <section className="tryout-panel" aria-labelledby="tryout-panel-heading">
      <div className="pane-header">
        <h3 id="tryout-panel-heading">{t('tryout.panelTitle')}</h3>
        {personaId && (
          <a className="small" href={routeHref({ view: 'tryout', id: personaId })}>
            {t('tryout.openFull')}
          </a>
        )}
      </div>
      <TryoutResults {...rec} expected={expected} reasons={1} headingId="tryout-panel-heading" />
    </section>
  );
}
