import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import { COMMANDS } from '../../app/commands';
import { useApp } from '../../app/store';
import { jumpTo } from './actions';
import { CANVAS_COMMANDS, shortcutLabel } from './canvasCommands';
import { useCanvasUi } from './uiStore';

interface Option {
  key: string;
  label: string;
  detail: string;
  run(): void;
}

const MAX_NODES = 30;

/** Folds case and Finnish/Swedish letters' accents away for forgiving matching. */
function fold(s: string): string {
  return s.toLocaleLowerCase('fi').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Ctrl+K: one box that finds commands (the shared list and the canvas's own) and nodes by name;
 * Enter runs the command or jumps to the node.
 */
export function CommandPalette() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const open = useCanvasUi((s) => s.paletteOpen);
  const setUi = useCanvasUi((s) => s.set);
  const entities = useApp((s) => s.entities);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (open) {
      returnTo.current = document.activeElement as HTMLElement | null;
      setQ('');
      setActive(0);
    }
  }, [open]);

  const close = () => {
    setUi({ paletteOpen: false });
    requestAnimationFrame(() => returnTo.current?.focus?.());
  };

  const options = useMemo((): Option[] => {
    if (!open) return [];
    const f = fold(q.trim());
    const cmds = [...COMMANDS.filter((c) => c.id !== 'canvas.palette'), ...CANVAS_COMMANDS]
      .filter((c) => c.enabled())
      .map((c) => ({ key: `cmd:${c.id}`, label: t(c.labelKey), detail: shortcutLabel(c), run: () => void c.perform(t) }))
      .filter((o) => !f || fold(o.label).includes(f));
    const nodes = f
      ? entities
          .map((e) => ({ e, name: pickText(e.name, lang) || e.id }))
          .filter(({ e, name }) => fold(name).includes(f) || fold(e.id).includes(f))
          .sort((a, b) => Number(!fold(a.name).startsWith(f)) - Number(!fold(b.name).startsWith(f)) || a.name.localeCompare(b.name, lang))
          .slice(0, MAX_NODES)
          .map(({ e, name }) => ({ key: `node:${e.id}`, label: name, detail: t(`kind.${e.kind}.one`), run: () => jumpTo(e.id) }))
      : [];
    // With a query, nodes come first: finding a node is what the box is mostly for in a workshop.
    return f ? [...nodes, ...cmds] : cmds;
  }, [open, q, entities, lang, t]);

  if (!open) return null;
  const pick = (o: Option | undefined) => {
    if (!o) return;
    setUi({ paletteOpen: false });
    o.run();
  };
  const activeId = options[active] ? `palette-opt-${active}` : undefined;

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-label={t('canvas.command.palette')}>
        <input
          ref={input}
          // Focused as it mounts, so that typing right after Ctrl+K loses no letters.
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={activeId}
          aria-autocomplete="list"
          aria-label={t('canvas.palette.search')}
          placeholder={t('canvas.palette.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const n = options.length || 1;
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(options[active]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label={t('canvas.palette.results')}>
          {options.length === 0 && (
            <li className="muted palette-empty" role="presentation">
              {t('canvas.palette.none')}
            </li>
          )}
          {options.map((o, i) => (
            <li
              key={o.key}
              id={`palette-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              <span>{o.label}</span>
              <span className="shortcut">{o.detail}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
