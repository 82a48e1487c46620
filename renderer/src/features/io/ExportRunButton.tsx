import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/model';
import { exportAndSave } from './exporting';

/** Saves one matching run as an Excel workbook (summary, coverage, gaps, overlaps, counters). */
export function ExportRunButton({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="export-run"
      title={t('io.exportRunTitle')}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await exportAndSave(t, i18n.language as Language, 'xlsx', runId);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('io.exportRun')}
    </button>
  );
}
