import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../../shared/model';
import { IMPACT_STAGES, type ImpactBox } from '../../../../../shared/picture';
import { usePicture } from '../usePicture';

/** The impact chain (vaikutuslogiikka): boxes in stage columns, basis to impacts. */
export function ImpactLogic() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { items } = usePicture();
  if (!items) return <p>{t('app.loading')}</p>;
  const boxes = items.filter((i): i is ImpactBox => i.kind === 'impactBox');
  if (boxes.length === 0) return <p className="empty">{t('picture.empty')}</p>;
  return (
    <div className="impact-columns">
      {IMPACT_STAGES.map((stage) => (
        <section key={stage} aria-label={t(`picture.stage.${stage}`)}>
          <h3>{t(`picture.stage.${stage}`)}</h3>
          <ul>
            {boxes
              .filter((b) => b.stage === stage)
              .map((b) => (
                <li key={b.id}>{pickText(b.name, lang)}</li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
