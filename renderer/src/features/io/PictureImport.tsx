import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PICTURE_COLUMN_ROLES, type ImportSummary, type PictureImportKind } from '../../../../shared/api/io';
import { pickText, type Language } from '../../../../shared/model';
import type { PictureItem } from '../../../../shared/picture';
import { ColumnMapping } from './ColumnMapping';
import { sayOr, sayRecord } from '../../i18n/say';
import { api } from '../../api';

type Preview = NonNullable<ImportSummary['preview']>;

/** Which survey responses are counted into: a stored survey, or a new one by name. */
export interface SurveyChoice {
  id?: string;
  name: string;
}

/** The survey picker of the choose step: the workspace's surveys, or a new one named after the file. */
export function SurveyPicker(props: { value: SurveyChoice; onChange(v: SurveyChoice): void }) {
  const { t, i18n } = useTranslation();
  const [surveys, setSurveys] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    void api.call('picture.list', { kind: 'survey' }).then((items: PictureItem[]) =>
      setSurveys(items.map((s) => ({ id: s.id, name: 'name' in s && typeof s.name === 'object' ? pickText(s.name, i18n.language as Language) : s.id }))),
    );
  }, [i18n.language]);
  return (
    <>
      <label htmlFor="import-survey">{t('picture.import.surveyLabel')}</label>
      <select id="import-survey" value={props.value.id ?? ''} onChange={(e) => props.onChange({ ...props.value, id: e.target.value || undefined })}>
        <option value="">{t('picture.import.newSurvey')}</option>
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {!props.value.id && (
        <>
          <label htmlFor="import-survey-name">{t('picture.import.newSurveyName')}</label>
          <input id="import-survey-name" value={props.value.name} onChange={(e) => props.onChange({ ...props.value, name: e.target.value })} />
        </>
      )}
    </>
  );
}

/**
 * The column-mapping step of a situational-picture import, with a preview of the first rows and
 * every problem per row, as a dry run found them (nothing is written until Import).
 */
export function PicturePreviewStep(props: {
  kind: PictureImportKind;
  result: ImportSummary;
  busy: boolean;
  onMapping(m: Record<string, string | null>): void;
  onRun(): void;
  onBack(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const preview = props.result.preview as Preview;
  const roleLabel = (r: string) => t(`picture.import.role.${props.kind}.${r}`);
  const byRow = new Map<number, string[]>();
  for (const s of props.result.skipped) if (s.row !== undefined) byRow.set(s.row, [...(byRow.get(s.row) ?? []), s.column ? `${s.column}: ${sayOr(t, s, s.reason)}` : sayOr(t, s, s.reason)]);
  const shown = preview.rows.length;
  const blocked = preview.missingRoles.length > 0;
  return (
    <div className="picture-import">
      <p>{t('picture.import.previewIntro', { file: preview.sheet ? `${preview.file} / ${preview.sheet}` : preview.file })}</p>
      <ColumnMapping
        idPrefix="pmap"
        columnHeading={t('picture.import.mappingFor')}
        headers={preview.headers}
        mapping={preview.mapping}
        roles={PICTURE_COLUMN_ROLES[props.kind]}
        roleLabel={roleLabel}
        keyOf={(h) => h.trim()}
        disabled={props.busy}
        onChange={props.onMapping}
      />
      {blocked && (
        <p className="field-error" role="alert">
          {t('picture.import.missing', { roles: preview.missingRoles.map(roleLabel).join(', ') })}
        </p>
      )}
      <h3 id="picture-preview-title">{t('picture.import.previewTitle')}</h3>
      <p className="hint">{t('picture.import.previewRows', { shown, total: preview.totalRows })}</p>
      <div className="table-scroll picture-preview" role="region" aria-labelledby="picture-preview-title" tabIndex={0}>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('picture.import.row')}
              </th>
              {preview.headers.map((h, i) => (
                <th scope="col" key={`${h}-${i}`} className={preview.mapping[h.trim()] ? undefined : 'muted'}>
                  {h}
                  {preview.mapping[h.trim()] && <span className="muted"> ({roleLabel(preview.mapping[h.trim()]!)})</span>}
                </th>
              ))}
              <th scope="col">{t('picture.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => {
              const problems = byRow.get(r.row);
              return (
                <tr key={r.row} className={problems && !blocked ? 'row-problem' : undefined}>
                  <td className="num">{r.row}</td>
                  {preview.headers.map((h, i) => (
                    <td key={`${h}-${i}`}>{r.cells[i]}</td>
                  ))}
                  <td>{blocked ? '' : problems ? problems.join('; ') : t('picture.import.ok')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!blocked && (
        <>
          <h3>{props.result.skippedTotal ? t('picture.import.problemsTitle', { count: props.result.skippedTotal }) : t('picture.import.noProblems')}</h3>
          {props.result.skipped.length > 0 && (
            <>
              <ul className="skipped-list picture-problems">
                {props.result.skipped.slice(0, 200).map((s, i) => (
                  <li key={i}>
                    <strong>{sayRecord(t, s)}</strong> <span className="muted">({s.file})</span>: {sayOr(t, s, s.reason)}
                  </li>
                ))}
              </ul>
              <p className="hint">{t('picture.import.willSkip')}</p>
            </>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={blocked || props.busy} onClick={props.onRun}>
          {t('io.import')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('picture.import.back')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/** What a picture import wrote: items per kind, and the measurements or answers it took in. */
export function PictureSummaryTable({ picture, kind }: { picture: NonNullable<ImportSummary['picture']>; kind?: PictureImportKind }) {
  const { t } = useTranslation();
  const kinds = [...new Set([...Object.keys(picture.created), ...Object.keys(picture.updated), ...Object.keys(picture.unchanged)])];
  return (
    <>
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
              <td>{t(`picture.import.item.${k}`, { defaultValue: k })}</td>
              <td className="num">{picture.created[k] ?? 0}</td>
              <td className="num">{picture.updated[k] ?? 0}</td>
              <td className="num">{picture.unchanged[k] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(kind === 'measurements' || kind === 'survey') && <p className="picture-values">{t(`picture.import.values.${kind}`, { count: picture.values })}</p>}
    </>
  );
}
