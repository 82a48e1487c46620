import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionalText } from '../../../../../shared/model';
import type { FieldError, FieldErrors } from './validation';

/** The id of a form control for a field key (`baseline.value` → `pe-baseline-value`). */
export const fieldId = (key: string) => `pe-${key.replace(/\./g, '-')}`;

export function ErrorText({ fieldKey, error }: { fieldKey: string; error?: FieldError }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field-error" id={`${fieldId(fieldKey)}-error`}>
      {t(`picture.validation.${error.code}`, { ...error.values, defaultValue: t('picture.validation.invalid') })}
    </p>
  );
}

/** aria attributes that tie a control to its error (and hint). */
export function describedBy(fieldKey: string, error: FieldError | undefined, hint?: boolean) {
  const ids = [error ? `${fieldId(fieldKey)}-error` : null, hint ? `${fieldId(fieldKey)}-hint` : null].filter(Boolean);
  return { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}

export function TextField(props: { fieldKey: string; label: string; value: string; onChange(v: string): void; errors: FieldErrors; required?: boolean; hint?: string; type?: 'text' | 'date'; inputMode?: 'decimal' | 'numeric'; list?: string; size?: number; children?: ReactNode }) {
  const { fieldKey, errors } = props;
  const id = fieldId(fieldKey);
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <input id={id} type={props.type ?? 'text'} inputMode={props.inputMode} list={props.list} size={props.size} value={props.value} required={props.required} onChange={(e) => props.onChange(e.target.value)} {...describedBy(fieldKey, errors[fieldKey], !!props.hint)} />
      {props.children}
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <ErrorText fieldKey={fieldKey} error={errors[fieldKey]} />
    </div>
  );
}

export function SelectField(props: { fieldKey: string; label: string; value: string; onChange(v: string): void; errors: FieldErrors; options: Array<{ value: string; label: string; group?: string }>; hint?: string }) {
  const { fieldKey, errors } = props;
  const id = fieldId(fieldKey);
  const groups = [...new Set(props.options.map((o) => o.group))];
  const opt = (o: { value: string; label: string }) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} {...describedBy(fieldKey, errors[fieldKey], !!props.hint)}>
        {groups.map((g) =>
          g ? (
            <optgroup key={g} label={g}>
              {props.options.filter((o) => o.group === g).map(opt)}
            </optgroup>
          ) : (
            props.options.filter((o) => !o.group).map(opt)
          ),
        )}
      </select>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <ErrorText fieldKey={fieldKey} error={errors[fieldKey]} />
    </div>
  );
}

/** Text in Finnish, Swedish and English (one is enough when `required`). */
export function MlField({ fieldKey, label, value, onChange, errors, required, multiline }: { fieldKey: string; label: string; value: OptionalText; onChange(v: OptionalText): void; errors: FieldErrors; required?: boolean; multiline?: boolean }) {
  const { t } = useTranslation();
  const id = fieldId(fieldKey);
  const error = errors[fieldKey];
  return (
    <fieldset className="ml-field">
      <legend>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {(['fi', 'sv', 'en'] as const).map((l) => {
        const p = {
          id: `${id}-${l}`,
          value: value[l] ?? '',
          ...describedBy(fieldKey, error),
          onChange: (e: { target: { value: string } }) => {
            const next = { ...value, [l]: e.target.value };
            if (!e.target.value) delete next[l];
            onChange(next);
          },
        };
        return (
          <div className="ml-row" key={l}>
            <label htmlFor={p.id} className="lang-tag" title={t(`languageName.${l}`)}>
              {l.toUpperCase()}
              <span className="visually-hidden"> ({t(`languageName.${l}`)})</span>
            </label>
            {multiline ? <textarea rows={2} {...p} /> : <input {...p} />}
          </div>
        );
      })}
      <ErrorText fieldKey={fieldKey} error={error} />
    </fieldset>
  );
}

/** Empty strings of a multilingual text dropped, so that "no text" is `{}`. */
export function cleanText(v: OptionalText): OptionalText {
  const out: OptionalText = {};
  for (const l of ['fi', 'sv', 'en'] as const) if (v[l]?.trim()) out[l] = v[l]!.trim();
  return out;
}
