import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESKTOP_REPORT_PDF, reportFileName, type DesktopReportPdfResult, type ReviewInfo } from '../../../../shared/api/picture';
import { AppError } from '../../../../shared/api/result';
import { LANGUAGES, type Language } from '../../../../shared/model';
import { api, transport, transportKind } from '../../api';
import { attempt } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { downloadBlob } from '../io/files';

// Laid out here rather than in the shared stylesheet, which other work on the picture also edits.
const BAR = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1rem', margin: '0.5rem 0 1rem' } as const;

/**
 * The situational picture as a report a leader can keep or send: one self-contained HTML file in
 * the chosen language, of the current picture or of a saved review; in the desktop window also a
 * PDF printed by the window's own engine (a browser prints the HTML file itself).
 */
export function ReportButton() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const uiLang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fi';
  // The report follows the UI's language until the user picks another one for it.
  const [picked, setLang] = useState<Language | null>(null);
  const lang = picked ?? uiLang;
  const [review, setReview] = useState('');
  const [reviews, setReviews] = useState<ReviewInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const describe = useCallback((e: AppError) => describeError(t, e), [t]);

  useEffect(() => {
    let live = true;
    const load = () =>
      void api.call('picture.reviews', {}).then(
        (list) => live && setReviews(list),
        () => live && setReviews([]),
      );
    load();
    const off = api.on('workspace.changed', (p) => {
      if (p.method === 'picture.saveReview' || p.method.startsWith('workspace.')) load();
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const request = { lang, ...(review ? { review } : {}) };

  const exportHtml = async () => {
    setBusy(true);
    setMessage(t('picture.report.busy'));
    const r = await attempt(() => api.call('picture.report', request), describe);
    setBusy(false);
    if (!r) return setMessage('');
    const name = reportFileName(lang, new Date(), 'html');
    downloadBlob(new Blob([r.html], { type: 'text/html;charset=utf-8' }), name);
    setMessage(t('picture.report.savedHtml', { name }));
  };

  const exportPdf = async () => {
    setBusy(true);
    setMessage(t('picture.report.busy'));
    const r = await attempt(async () => {
      const res = await transport.invoke(DESKTOP_REPORT_PDF, request);
      if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details);
      return res.value as DesktopReportPdfResult;
    }, describe);
    setBusy(false);
    setMessage(r?.saved ? t('picture.report.savedPdf', { path: r.path }) : '');
  };

  return (
    <div className="picture-report" role="group" aria-labelledby={`${ids}-h`} style={BAR}>
      <span id={`${ids}-h`} className="picture-report-title" style={{ fontWeight: 600 }}>
        {t('picture.report.group')}
      </span>
      <label>
        {t('picture.report.language')}{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value as Language)} data-testid="report-lang">
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('picture.report.source')}{' '}
        <select value={review} onChange={(e) => setReview(e.target.value)} data-testid="report-review">
          <option value="">{t('picture.report.current')}</option>
          {reviews.map((r) => (
            <option key={r.id} value={r.id}>
              {t('picture.report.review', { label: r.label })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void exportHtml()} disabled={busy} data-testid="report-html">
        {t('picture.report.html')}
      </button>
      {transportKind === 'ipc' ? (
        <button type="button" onClick={() => void exportPdf()} disabled={busy} data-testid="report-pdf">
          {t('picture.report.pdf')}
        </button>
      ) : (
        <span className="hint">{t('picture.report.printHint')}</span>
      )}
      <span role="status" className="hint" data-testid="report-status">
        {message}
      </span>
    </div>
  );
}
