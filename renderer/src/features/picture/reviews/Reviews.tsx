import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewInfo } from '../../../../../shared/api/picture';
import { pickText, type Language } from '../../../../../shared/model';
import { compareSummaries, type PictureItem, type PictureSummary, type ReviewComparison } from '../../../../../shared/picture';
import { api } from '../../../api';
import { attempt, useApp } from '../../../app/store';
import { describeError } from '../../../i18n/errors';
import { fmtDate } from '../format';
import { ComparisonList } from './Comparison';

export interface OpenReview {
  info: ReviewInfo;
  summary: PictureSummary;
  items: PictureItem[];
}

/** Saved reviews, newest first, refetched when one is saved (here or by another client). */
export function useReviews(): { reviews: ReviewInfo[] | null; reload(): Promise<void> } {
  const { t } = useTranslation();
  const [reviews, setReviews] = useState<ReviewInfo[] | null>(null);
  const reload = useCallback(async () => {
    const r = await attempt(() => api.call('picture.reviews', {}));
    if (r) setReviews(r);
  }, [t]);
  useEffect(() => {
    void reload();
    return api.on('workspace.changed', (p) => {
      if (p.method === 'picture.saveReview' || p.method.startsWith('workspace.')) void reload();
    });
  }, [reload]);
  return { reviews, reload };
}

/** Names of items from several pictures (now and frozen ones): the first that knows an id wins. */
export function nameFrom(lang: Language, ...lists: ReadonlyArray<readonly PictureItem[]>) {
  const map = new Map<string, string>();
  for (const list of lists)
    for (const i of list) if (!map.has(i.id) && 'name' in i && i.name && typeof i.name === 'object') map.set(i.id, pickText(i.name, lang) || i.id);
  return (id: string) => map.get(id) ?? id;
}

/** Save a named review, open one read-only, compare two. */
export function ReviewsBar({ reviews, reload, viewing, onOpen }: { reviews: ReviewInfo[] | null; reload(): Promise<void>; viewing: OpenReview | null; onOpen(r: OpenReview | null): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const notify = useApp((s) => s.notify);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState(false);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [cmp, setCmp] = useState<{ cmp: ReviewComparison; items: PictureItem[]; a: string; b: string } | null>(null);
  const describe = (e: Parameters<typeof describeError>[1]) => describeError(t, e);

  // Default comparison, whenever a review is added: the one before the latest against the latest.
  const latestId = reviews?.[0]?.id;
  useEffect(() => {
    if (!reviews) return;
    setB(reviews[0]?.id ?? '');
    setA(reviews[1]?.id ?? reviews[0]?.id ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new latest review resets the choice
  }, [latestId, reviews?.length]);

  const save = async () => {
    if (!label.trim()) {
      setLabelError(true);
      document.getElementById('review-label')?.focus();
      return;
    }
    const r = await attempt(() => api.call('picture.saveReview', { label: label.trim() }), describe);
    if (!r) return;
    setLabel('');
    setLabelError(false);
    notify({ kind: 'info', text: t('picture.review.saved', { label: r.label }) });
    await reload();
  };
  const open = async (id: string) => {
    const r = await attempt(() => api.call('picture.review', { id }), describe);
    if (r) onOpen(r);
  };
  const compare = async () => {
    if (!a || !b) return;
    const [c, ra, rb] = await Promise.all([attempt(() => api.call('picture.compareReviews', { a, b }), describe), attempt(() => api.call('picture.review', { id: a }), describe), attempt(() => api.call('picture.review', { id: b }), describe)]);
    if (c && ra && rb) setCmp({ cmp: c, items: [...rb.items, ...ra.items], a: ra.info.label, b: rb.info.label });
  };
  const labelOf = (r: ReviewInfo) => `${r.label} (${fmtDate(r.createdAt, lang)})`;

  return (
    <section className="dash-section reviews" aria-labelledby="dash-reviews">
      <h2 id="dash-reviews">{t('picture.section.reviews')}</h2>
      {viewing && (
        <div className="review-banner" role="status">
          <span>{t('picture.review.viewing', { label: viewing.info.label, date: fmtDate(viewing.info.createdAt, lang) })}</span>
          <button type="button" className="primary" onClick={() => onOpen(null)}>
            {t('picture.review.backToCurrent')}
          </button>
        </div>
      )}
      <div className="reviews-grid">
        {!viewing && (
          <form
            className="review-save"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div className="field">
              <label htmlFor="review-label">{t('picture.review.label')}</label>
              <div className="inline-row">
                <input
                  id="review-label"
                  value={label}
                  maxLength={200}
                  placeholder={t('picture.review.labelPlaceholder')}
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={labelError ? 'review-label-error' : 'review-label-hint'}
                  onChange={(e) => {
                    setLabel(e.target.value);
                    if (e.target.value.trim()) setLabelError(false);
                  }}
                />
                <button type="submit" className="primary">
                  {t('picture.review.save')}
                </button>
              </div>
              {labelError ? (
                <p className="field-error" id="review-label-error">
                  {t('picture.validation.required')}
                </p>
              ) : (
                <p className="hint" id="review-label-hint">
                  {t('picture.review.hint')}
                </p>
              )}
            </div>
          </form>
        )}
        {reviews && reviews.length > 0 && (
          <details className="review-list">
            <summary>{t('picture.review.list', { count: reviews.length })}</summary>
            <ul>
              {reviews.map((r) => (
                <li key={r.id}>
                  <span>{labelOf(r)}</span>
                  <button type="button" className="small-button" onClick={() => void open(r.id)} aria-label={t('picture.review.openNamed', { label: r.label })} aria-pressed={viewing?.info.id === r.id}>
                    {t('picture.review.open')}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        {reviews && reviews.length > 1 && (
          <div className="review-compare">
            <div className="field">
              <label htmlFor="compare-a">{t('picture.review.compareA')}</label>
              <select id="compare-a" value={a} onChange={(e) => setA(e.target.value)}>
                {reviews.map((r) => (
                  <option key={r.id} value={r.id}>
                    {labelOf(r)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-b">{t('picture.review.compareB')}</label>
              <select id="compare-b" value={b} onChange={(e) => setB(e.target.value)}>
                {reviews.map((r) => (
                  <option key={r.id} value={r.id}>
                    {labelOf(r)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={() => void compare()} disabled={!a || !b || a === b}>
              {t('picture.review.compare')}
            </button>
          </div>
        )}
      </div>
      {cmp && (
        <div className="comparison-box">
          <div className="section-head">
            <h3 id="review-comparison">{t('picture.review.comparisonTitle', { a: cmp.a, b: cmp.b })}</h3>
            <button type="button" className="icon-button" onClick={() => setCmp(null)} aria-label={t('action.close')}>
              ×
            </button>
          </div>
          <ComparisonList cmp={cmp.cmp} items={cmp.items} nameOf={nameFrom(lang, cmp.items)} headingId="review-comparison" />
        </div>
      )}
    </section>
  );
}

/** What changed since the latest saved review, against the picture as it is now. */
export function SinceLastReview({ reviews, summary, items }: { reviews: ReviewInfo[] | null; summary: PictureSummary; items: readonly PictureItem[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const latest = reviews?.[0];
  const [review, setReview] = useState<OpenReview | null>(null);
  useEffect(() => {
    if (!latest) return setReview(null);
    let live = true;
    void attempt(() => api.call('picture.review', { id: latest.id })).then((r) => {
      if (live && r) setReview(r);
    });
    return () => {
      live = false;
    };
  }, [latest, t]);
  const cmp = useMemo(() => (review ? compareSummaries(review.summary, summary) : null), [review, summary]);
  return (
    <section className="dash-section" aria-labelledby="dash-changes">
      <h2 id="dash-changes">{latest ? t('picture.review.sinceTitle', { label: latest.label, date: fmtDate(latest.createdAt, lang) }) : t('picture.review.sinceTitleNone')}</h2>
      {!latest && <p className="muted">{t('picture.review.noneYet')}</p>}
      {cmp && review && <ComparisonList cmp={cmp} items={[...items, ...review.items]} nameOf={nameFrom(lang, items, review.items)} headingId="dash-changes" />}
    </section>
  );
}
