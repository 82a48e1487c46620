import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeItemView } from '../../../../shared/api/io';
import type { Language } from '../../../../shared/model';
import { fold, useCodes, type CodeListName } from './codes';

/**
 * A searchable multi-select over a code list (service classes, municipalities …), in the UI
 * language, following the combobox pattern so it works by keyboard and screen reader.
 * Codes not in the list (older or local ones) are kept and shown as they are.
 */
export function CodePicker(props: { id: string; label: string; list: CodeListName; value: string[]; onChange(v: string[]): void; hint?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const items = useCodes(props.list);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const labelOf = (code: string) => {
    const it = byCode.get(code);
    return it ? it.label[lang] ?? it.label.fi ?? it.label.sv ?? code : code;
  };
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    // Best first: the code itself, then a label word that starts with the query, then anywhere.
    const rank = (i: CodeItemView): number => {
      if (fold(i.code).startsWith(q)) return 0;
      const labels = [i.label[lang], i.label.fi, i.label.sv, i.label.en].filter(Boolean).map((l) => fold(l!));
      if (labels.some((l) => l.split(/[\s,()-]+/).some((w) => w.startsWith(q)))) return 1;
      return labels.some((l) => l.includes(q)) ? 2 : 3;
    };
    return items
      .filter((i) => !props.value.includes(i.code))
      .map((i) => ({ i, r: rank(i) }))
      .filter((x) => x.r < 3)
      .sort((a, b) => a.r - b.r)
      .map((x) => x.i)
      .slice(0, 10);
  }, [items, query, props.value, lang]);
  const add = (code: string) => {
    props.onChange([...props.value, code]);
    setQuery('');
    setActive(0);
  };
  const open = matches.length > 0;
  return (
    <div className="field code-picker">
      <label htmlFor={props.id}>{props.label}</label>
      {props.value.length > 0 && (
        <ul className="chips" aria-label={props.label}>
          {props.value.map((code) => (
            <li key={code} className="chip">
              <span>
                <span className="chip-code">{code}</span> {labelOf(code) !== code && labelOf(code)}
              </span>
              <button type="button" className="chip-remove" aria-label={t('picker.remove', { name: labelOf(code) })} onClick={() => props.onChange(props.value.filter((c) => c !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={props.id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        value={query}
        placeholder={t('picker.search')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && open) {
            e.preventDefault();
            setActive((a) => Math.min(matches.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && open) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (open) add(matches[active].code);
            // An unknown code typed exactly is kept as it is (local or newer codes).
            else if (query.trim() && !props.value.includes(query.trim())) add(query.trim());
          } else if (e.key === 'Escape') {
            setQuery('');
          } else if (e.key === 'Backspace' && !query && props.value.length) {
            props.onChange(props.value.slice(0, -1));
          }
        }}
      />
      <ul id={listId} role="listbox" className="picker-options" hidden={!open} aria-label={props.label}>
        {matches.map((m, i) => (
          <li
            key={m.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              add(m.code);
            }}
          >
            <span className="chip-code">{m.code}</span> {m.label[lang] ?? m.label.fi}
          </li>
        ))}
      </ul>
      {props.hint && <p className="hint">{props.hint}</p>}
    </div>
  );
}
