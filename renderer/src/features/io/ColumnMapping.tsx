import { useTranslation } from 'react-i18next';

/**
 * Which column of a file holds what: one select per heading. Shared by the ecosystem import and
 * the situational-picture import, which differ only in their roles and in how a heading is keyed.
 */
export function ColumnMapping(props: {
  idPrefix: string;
  columnHeading: string;
  headers: string[];
  mapping: Record<string, string | null>;
  roles: readonly string[];
  roleLabel(role: string): string;
  /** The mapping's key for a heading (the picture import trims them). */
  keyOf?(header: string): string;
  disabled?: boolean;
  onChange(m: Record<string, string | null>): void;
}) {
  const { t } = useTranslation();
  const keyOf = props.keyOf ?? ((h: string) => h);
  return (
    <div className="table-scroll mapping">
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{props.columnHeading}</th>
            <th scope="col">{t('io.holds')}</th>
          </tr>
        </thead>
        <tbody>
          {props.headers.map((h, i) => (
            <tr key={`${h}-${i}`}>
              <td>
                <label htmlFor={`${props.idPrefix}-${i}`}>{h || t('io.noHeader')}</label>
              </td>
              <td>
                <select
                  id={`${props.idPrefix}-${i}`}
                  value={props.mapping[keyOf(h)] ?? ''}
                  disabled={props.disabled}
                  onChange={(e) => props.onChange({ ...props.mapping, [keyOf(h)]: e.target.value || null })}
                >
                  <option value="">{t('io.ignore')}</option>
                  {props.roles.map((r) => (
                    <option key={r} value={r}>
                      {props.roleLabel(r)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
