import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './store';

/**
 * A screen that needs every entity and link (the map, matching, the try-out page…) waits here,
 * showing how far the background load of a large workspace is, instead of drawing an empty or
 * partial catalogue. A small workspace is whole from the start and never shows this.
 */
export function CatalogueGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const catalogue = useApp((s) => s.catalogue);
  const refresh = useApp((s) => s.refresh);
  if (catalogue.status === 'ready') return <>{children}</>;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <section className="catalogue-wait" aria-labelledby="catalogue-wait-title">
      <h1 id="catalogue-wait-title">{t('catalogue.title')}</h1>
      {catalogue.status === 'loading' ? (
        <>
          <p className="muted">{t('catalogue.lead')}</p>
          <progress max={catalogue.total} value={catalogue.done} aria-labelledby="catalogue-wait-title" />
          <p role="status">{t('catalogue.progress', { done: number(catalogue.done), total: number(catalogue.total) })}</p>
        </>
      ) : (
        <>
          <p role="alert">{t('catalogue.failed')}</p>
          <button type="button" className="primary" onClick={() => void refresh().catch(() => undefined)}>
            {t('catalogue.retry')}
          </button>
        </>
      )}
    </section>
  );
}
