import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput } from './FileInput';
import { COLUMN_ROLES, IMPORT_FORMATS, IMPORT_KINDS, type ImportKind, type ImportSummary, type PictureImportKind } from '../../../../shared/api/io';
import { AppError } from '../../../../shared/api/result';
import { ENTITY_KINDS } from '../../../../shared/model';
import { api } from '../../api';
import { useApp } from '../../app/store';
import { useModalDialog } from '../../app/useModalDialog';
import { describeError } from '../../i18n/errors';
import { sayExample, sayOr, sayRecord } from '../../i18n/say';
import { ColumnMapping } from './ColumnMapping';
import { fileToBase64 } from './files';
import { useImportDialog } from './importStore';
import { useDuplicatesDialog } from '../duplicates/duplicatesStore';
import { PicturePreviewStep, PictureSummaryTable, SurveyPicker, type SurveyChoice } from './PictureImport';

type Stage =
  | { step: 'choose' }
  | { step: 'running'; importId: string; done: number; total: number; phase: 'read' | 'write' | 'upload' }
  | { step: 'mapping'; file: string; headers: string[]; mapping: Record<string, string | null> }
  | { step: 'preview'; kind: PictureImportKind; result: ImportSummary; busy: boolean }
  | { step: 'done'; result: ImportSummary; kind?: PictureImportKind }
  | { step: 'failed'; message: string };

/**
 * Import of PTV JSON, spreadsheets, workspace JSON and GraphML: choose files, follow progress,
 * cancel, map unknown spreadsheet columns, and read what was created, updated and skipped.
 */
export function ImportDialog() {
  const { t, i18n } = useTranslation();
  const { open, files: initial, close } = useImportDialog();
  const { ref: dialog, onClose } = useModalDialog(open, close);
  const [files, setFiles] = useState<File[]>(initial);
  const [format, setFormat] = useState<(typeof IMPORT_FORMATS)[number]>('auto');
  const [onError, setOnError] = useState<'skip' | 'stop'>('skip');
  const [kind, setKind] = useState<ImportKind>('ecosystem');
  const [survey, setSurvey] = useState<SurveyChoice>({ name: '' });
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const notify = useApp((s) => s.notify);

  useEffect(() => {
    if (open) {
      setFiles(initial);
      setStage({ step: 'choose' });
    }
  }, [open, initial]);

  const importId = stage.step === 'running' ? stage.importId : undefined;
  useEffect(() => {
    if (!importId) return;
    return api.on('io.progress', (p) => {
      if (p.importId === importId) setStage((s) => (s.step === 'running' ? { ...s, done: p.done, total: p.total, phase: p.phase } : s));
    });
  }, [importId]);

  const pictureKind = kind === 'ecosystem' ? undefined : kind;
  const surveyInput = () => (kind !== 'survey' ? undefined : survey.id ? { id: survey.id } : { name: survey.name.trim() || files[0]?.name.replace(/\.[^.]+$/, '') || 'survey' });

  /** A picture import first runs dry: the mapping step shows what it would write and every row's problems. */
  const preview = async (pk: PictureImportKind, mapping?: Record<string, string | null>) => {
    const id = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setStage((s) => (s.step === 'preview' ? { ...s, busy: true } : { step: 'running', importId: id, done: 0, total: files.length, phase: 'upload' }));
    try {
      const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })));
      const result = await api.call('io.import', { importId: id, files: encoded, onError: 'skip', mapping, kind: pk, lang: i18n.language as 'fi', dryRun: true, survey: surveyInput() });
      if (result.preview) setStage({ step: 'preview', kind: pk, result, busy: false });
      else setStage({ step: 'failed', message: result.skipped.map((s) => `${s.file}: ${sayOr(t, s, s.reason)}`).join('\n') || t('io.nothingImported') });
    } catch (err) {
      failed(err);
    }
  };

  const failed = (err: unknown) => {
    const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
    const details = e.details as { file?: string; fileVersion?: number; supported?: number } | undefined;
    if (e.code === 'workspace_newer' && details?.fileVersion !== undefined) {
      setStage({ step: 'failed', message: t('picture.import.newerFile', { file: details.file, version: details.fileVersion, supported: details.supported }) });
    } else if (e.code === 'cancelled') {
      setStage({ step: 'choose' });
      notify({ kind: 'info', text: t('io.cancelled') });
    } else {
      setStage({ step: 'failed', message: describeError(t, e) });
    }
  };

  const run = async (mapping?: Record<string, string | null>) => {
    const id = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setStage({ step: 'running', importId: id, done: 0, total: files.length, phase: 'upload' });
    try {
      const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })));
      const result = await api.call('io.import', {
        importId: id,
        files: encoded,
        format: pictureKind ? 'auto' : format,
        onError,
        mapping,
        kind,
        lang: i18n.language as 'fi',
        survey: surveyInput(),
      });
      setStage({ step: 'done', result, kind: pictureKind });
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
      const details = e.details as { reason?: string; file?: string; headers?: string[]; proposal?: Record<string, string | null> } | undefined;
      if (pictureKind && details?.reason === 'needs-mapping') {
        void preview(pictureKind, mapping);
      } else if (details?.reason === 'needs-mapping' && details.headers) {
        setStage({ step: 'mapping', file: details.file ?? '', headers: details.headers, mapping: details.proposal ?? {} });
      } else {
        failed(err);
      }
    }
  };

  const cancel = async () => {
    if (stage.step === 'running') await api.call('io.cancelImport', { importId: stage.importId });
  };

  return (
    <dialog ref={dialog} className="modal" aria-labelledby="import-title" onClose={onClose} onCancel={(e) => stage.step === 'running' && e.preventDefault()}>
      <h2 id="import-title">{t('io.importTitle')}</h2>
      {stage.step === 'choose' && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!files.length) return;
            if (pictureKind) void preview(pictureKind);
            else void run();
          }}
        >
          <p className="hint">{pictureKind ? t(`picture.import.kindHint.${pictureKind}`) : t('io.importHint')}</p>
          <label htmlFor="import-files">{t('io.files')}</label>
          <FileInput id="import-files" multiple accept=".json,.csv,.xlsx,.graphml,.xml,.txt" onFiles={setFiles} />
          {files.length > 0 && (
            <ul className="file-list">
              {files.map((f) => (
                <li key={`${f.name}-${f.size}`}>
                  {f.name} <span className="muted">({formatSize(f.size)})</span>
                </li>
              ))}
            </ul>
          )}
          <div className="form-grid">
            <label htmlFor="import-kind">{t('picture.import.kindLabel')}</label>
            <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`picture.import.kind.${k}`)}
                </option>
              ))}
            </select>
            {kind === 'survey' && <SurveyPicker value={survey} onChange={setSurvey} />}
            {!pictureKind && (
              <>
                <label htmlFor="import-format">{t('io.format')}</label>
                <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
                  {IMPORT_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`io.formats.${f}`)}
                    </option>
                  ))}
                </select>
              </>
            )}
            <label htmlFor="import-onerror">{t('io.onError')}</label>
            <select id="import-onerror" value={onError} onChange={(e) => setOnError(e.target.value as 'skip' | 'stop')}>
              <option value="skip">{t('io.skip')}</option>
              <option value="stop">{t('io.stop')}</option>
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!files.length}>
              {pictureKind ? t('picture.import.preview') : t('io.import')}
            </button>
            <button type="button" onClick={close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
      {stage.step === 'running' && (
        <div className="import-progress">
          <p id="import-phase">{t(`io.phase.${stage.phase}`)}</p>
          <progress aria-labelledby="import-phase" max={stage.total || 1} value={stage.phase === 'upload' ? undefined : stage.done} />
          <div className="form-actions">
            <button type="button" onClick={() => void cancel()}>
              {t('io.cancel')}
            </button>
          </div>
        </div>
      )}
      {stage.step === 'mapping' && (
        <MappingStep
          file={stage.file}
          headers={stage.headers}
          mapping={stage.mapping}
          onChange={(mapping) => setStage({ ...stage, mapping })}
          onRun={() => void run(stage.mapping)}
          onCancel={close}
        />
      )}
      {stage.step === 'preview' && (
        <PicturePreviewStep
          kind={stage.kind}
          result={stage.result}
          busy={stage.busy}
          onMapping={(m) => void preview(stage.kind, m)}
          onRun={() => void run(stage.result.preview?.mapping)}
          onBack={() => setStage({ step: 'choose' })}
          onCancel={close}
        />
      )}
      {stage.step === 'done' && <Summary result={stage.result} kind={stage.kind} onClose={close} />}
      {stage.step === 'failed' && (
        <div>
          <p className="field-error" role="alert">
            {stage.message}
          </p>
          <p className="hint">{t('io.nothingWritten')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setStage({ step: 'choose' })}>
              {t('io.back')}
            </button>
            <button type="button" onClick={close}>
              {t('action.close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

function formatSize(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

function MappingStep(props: { file: string; headers: string[]; mapping: Record<string, string | null>; onChange(m: Record<string, string | null>): void; onRun(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div>
      <p>{t('io.mappingIntro', { file: props.file })}</p>
      <ColumnMapping idPrefix="map" columnHeading={t('io.column')} headers={props.headers} mapping={props.mapping} roles={COLUMN_ROLES} roleLabel={(r) => roleLabel(t, r)} onChange={props.onChange} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={props.onRun}>
          {t('io.import')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

function roleLabel(t: (k: string, o?: Record<string, unknown>) => string, role: string): string {
  const [head, tail] = role.split('.');
  if (head === 'meter') return t('io.role.meter', { meter: t(`meter.${tail}`) });
  if (head === 'name' || head === 'description') return `${t(`field.${head}`)} (${tail.toUpperCase()})`;
  return t(`io.role.${head}`);
}

function Summary({ result, kind, onClose }: { result: ImportSummary; kind?: PictureImportKind; onClose(): void }) {
  const { t } = useTranslation();
  const kinds = ENTITY_KINDS.filter((k) => result.created[k] || result.updated[k] || result.unchanged[k]);
  return (
    <div>
      <p role="status">{t('io.doneIntro')}</p>
      {result.picture && <PictureSummaryTable picture={result.picture} kind={kind} />}
      {result.picture && kinds.length === 0 ? null : kinds.length === 0 ? (
        <p className="empty">{t('io.nothingImported')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('io.what')}</th>
              <th scope="col" className="num">{t('io.created')}</th>
              <th scope="col" className="num">{t('io.updated')}</th>
              <th scope="col" className="num">{t('io.unchanged')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k}>
                <td>{t(`kind.${k}.plural`)}</td>
                <td className="num">{result.created[k] ?? 0}</td>
                <td className="num">{result.updated[k] ?? 0}</td>
                <td className="num">{result.unchanged[k] ?? 0}</td>
              </tr>
            ))}
            <tr>
              <td>{t('overview.links')}</td>
              <td className="num">{result.links.created}</td>
              <td className="num">{result.links.updated}</td>
              <td className="num">{result.links.unchanged}</td>
            </tr>
          </tbody>
        </table>
      )}
      <h3>{t('io.skippedTitle', { count: result.skippedTotal })}</h3>
      {result.skipped.length > 0 && (
        <ul className="skipped-list">
          {result.skipped.map((s, i) => (
            <li key={i}>
              {sayRecord(t, s) && <strong>{sayRecord(t, s)} </strong>}
              <span className="muted">({s.file})</span>: {sayOr(t, s, s.reason)}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <>
          <h3>{t('io.warnings')}</h3>
          <ul className="skipped-list">
            {result.warnings.map((w, i) => (
              <li key={i}>
                {sayOr(t, w, w.reason)} ({w.count}×) <span className="muted">{sayExample(t, w)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.duplicates && result.duplicates.groups > 0 && (
        <p className="import-duplicates">
          {t('io.importDuplicates', { imported: result.duplicates.imported, distinct: result.duplicates.distinctNames, count: result.duplicates.groups, likely: result.duplicates.likely })}
        </p>
      )}
      <p className="hint">{t('io.undoHint')}</p>
      <div className="form-actions">
        {result.duplicates && result.duplicates.groups > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              onClose();
              useDuplicatesDialog.getState().show();
            }}
          >
            {t('io.reviewDuplicates')}
          </button>
        )}
        <button type="button" className={result.duplicates?.groups ? undefined : 'primary'} onClick={onClose}>
          {t('action.close')}
        </button>
      </div>
    </div>
  );
}
