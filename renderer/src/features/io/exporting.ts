import type { TFunction } from 'i18next';
import type { EXPORT_FORMATS } from '../../../../shared/api/io';
import type { Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, useApp } from '../../app/store';
import { downloadBase64 } from './files';

/** Exports the workspace (or a saved matching run, as XLSX) in the UI's language and saves the files. */
export async function exportAndSave(t: TFunction, lang: Language, format: (typeof EXPORT_FORMATS)[number], run?: string): Promise<boolean> {
  const r = await attempt(() => api.call('io.export', { format, lang, ...(run ? { run } : {}) }));
  if (!r) return false;
  for (const f of r.files) downloadBase64(f.name, f.mime, f.dataBase64);
  useApp.getState().notify({ kind: 'info', text: t('io.exported', { count: r.files.length }) });
  return true;
}
