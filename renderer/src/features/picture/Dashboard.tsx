import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/model';
import type { PictureItem, PictureSummary } from '../../../../shared/picture';
import { BudgetSection } from './dashboard/Budget';
import { CbaSection } from './dashboard/Cba';
import { GoalsSection } from './dashboard/Goals';
import { MatchingSection } from './dashboard/Matching';
import { SurveysSection } from './dashboard/Surveys';
import { WorkshopsSection } from './dashboard/Workshops';
import { EditorPanel } from './editors/EditorPanel';
import type { EditTarget } from './editors/targets';
import { useNames } from './names';
import { ReviewsBar, SinceLastReview, useReviews, type OpenReview } from './reviews/Reviews';
import { usePicture } from './usePicture';
import './picture.css';

/** What to do first in a workspace with no picture: each step opens its form. */
function FirstSteps({ onEdit }: { onEdit(t: EditTarget): void }) {
  const { t } = useTranslation();
  const steps: Array<{ key: string; target: EditTarget }> = [
    { key: 'goal', target: { kind: 'goal' } },
    { key: 'indicator', target: { kind: 'indicator' } },
    { key: 'budget', target: { kind: 'budgetLine' } },
    { key: 'cba', target: { kind: 'cbaSettings', id: 'cba' } },
    { key: 'survey', target: { kind: 'survey' } },
  ];
  return (
    <section className="empty-state first-steps" aria-labelledby="picture-first-steps">
      <h2 id="picture-first-steps">{t('picture.first.title')}</h2>
      <p>{t('picture.first.lead')}</p>
      <ol className="first-steps-list picture-steps">
        {steps.map((s, i) => (
          <li key={s.key}>
            <span>
              <strong>{i + 1}.</strong> {t(`picture.first.${s.key}`)}
            </span>
            <button type="button" onClick={() => onEdit(s.target)}>
              {t(`picture.first.${s.key}Action`)}
            </button>
          </li>
        ))}
      </ol>
      <p className="small">{t('picture.first.later')}</p>
    </section>
  );
}

function Body({ items, summary, readOnly, onEdit }: { items: readonly PictureItem[]; summary: PictureSummary; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { i18n } = useTranslation();
  const names = useNames(items, i18n.language as Language);
  return (
    <>
      <GoalsSection items={items} indicators={summary.indicators} names={names} readOnly={readOnly} onEdit={onEdit} />
      <BudgetSection budget={summary.budget} items={items} names={names} readOnly={readOnly} onEdit={onEdit} />
      <CbaSection cba={summary.cba} items={items} readOnly={readOnly} onEdit={onEdit} />
      <SurveysSection items={items} surveys={summary.surveys} readOnly={readOnly} onEdit={onEdit} />
      <MatchingSection matching={summary.matching} names={names} readOnly={readOnly} />
    </>
  );
}

/**
 * The leader's dashboard: goals with their indicators, budget, cost–benefit, surveys, the latest
 * matching run and what changed since the last review; every part edited in a side panel, each
 * save one undoable step. An opened review shows the same dashboard, read-only, from its frozen
 * summary and items.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { items, summary } = usePicture();
  const { reviews, reload } = useReviews();
  const [viewing, setViewing] = useState<OpenReview | null>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  if (!items || !summary) return <p className="picture-loading">{t('app.loading')}</p>;
  const readOnly = viewing !== null;
  const empty = items.length === 0;
  return (
    <div className={`picture-layout${editing && !readOnly ? ' with-panel' : ''}`}>
      <div className="picture-dashboard" data-testid="picture-dashboard-ready">
        {empty && !readOnly ? (
          <FirstSteps onEdit={setEditing} />
        ) : (
          <>
            <ReviewsBar
              reviews={reviews}
              reload={reload}
              viewing={viewing}
              onOpen={(r) => {
                setViewing(r);
                setEditing(null);
              }}
            />
            {!readOnly && <SinceLastReview reviews={reviews} summary={summary} items={items} />}
            <Body items={viewing ? viewing.items : items} summary={viewing ? viewing.summary : summary} readOnly={readOnly} onEdit={setEditing} />
          </>
        )}
        <WorkshopsSection before={viewing?.info.createdAt} />
      </div>
      {editing && !readOnly && <EditorPanel target={editing} items={items} onClose={() => setEditing(null)} />}
    </div>
  );
}
