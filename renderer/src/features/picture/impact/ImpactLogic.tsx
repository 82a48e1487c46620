import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The impact chain (vaikutuslogiikka), loaded on first visit: React Flow and the layout client
 * stay out of the bundle that the start screen and the dashboard need.
 */
const ImpactScreen = lazy(() => import('./ImpactScreen'));

export function ImpactLogic() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <ImpactScreen />
    </Suspense>
  );
}
