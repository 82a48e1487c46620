import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file input that speaks the window's language. The browser's own input draws "Choose File /
 * No file chosen" in the browser's locale, whatever language the app is in; here that input is
 * only visually hidden (it keeps its label, focus and keyboard), and what shows is a button-like
 * face and the chosen files' names in the UI language.
 */
export function FileInput({
  id,
  multiple,
  accept,
  disabled,
  describedBy,
  texts,
  onFiles,
}: {
  id: string;
  multiple?: boolean;
  accept?: string;
  disabled?: boolean;
  describedBy?: string;
  /** The i18n keys of its words (the participants' page loads only the workshop strings); the app's own by default. */
  texts?: { choose: string; none: string; many?: string };
  onFiles(files: File[]): void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const keys = texts ?? { choose: multiple ? 'io.picker.chooseMany' : 'io.picker.chooseOne', none: 'io.picker.none', many: 'io.picker.many' };
  const status = chosen.length === 0 ? t(keys.none) : chosen.length === 1 || !keys.many ? chosen.join(', ') : t(keys.many, { count: chosen.length });
  return (
    <span className={`file-input${disabled ? ' is-disabled' : ''}`}>
      <input
        ref={input}
        id={id}
        className="visually-hidden"
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so that choosing the same file again (after fixing it) is a change too.
          e.target.value = '';
          setChosen(files.map((f) => f.name));
          if (files.length) onFiles(files);
        }}
      />
      {/* Not a second label: that would add its words to the input's accessible name. The input
          itself takes the keyboard (its focus shows on this face). */}
      <span className="button file-input-face" aria-hidden="true" onClick={() => !disabled && input.current?.click()}>
        {t(keys.choose)}
      </span>
      <span className="file-input-status muted" aria-hidden="true">
        {status}
      </span>
    </span>
  );
}
