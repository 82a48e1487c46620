import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  hint?: string;
  disabled?: boolean;
  /** Shown as checked (a radio or toggle item). */
  checked?: boolean;
  separatorBefore?: boolean;
  onSelect(): void;
}

/**
 * A menu button (WAI-ARIA menu pattern): arrow keys move between items, Enter or Space picks,
 * Escape closes and returns focus to the button.
 */
export function Menu({ label, items, icon, className }: { label: string; items: MenuItem[]; icon?: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDoc);
    requestAnimationFrame(() => ref.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not([disabled])')?.focus());
    return () => document.removeEventListener('mousedown', onDoc);
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    if (!open) return;
    const list = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const next = list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length];
      next?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? list[0] : list[list.length - 1])?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className={`menu ${className ?? ''}`} ref={ref} onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (!open && (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label} ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu" id={id} aria-label={label}>
          {items.map((it) => (
            <li role="none" key={it.key} className={it.separatorBefore ? 'menu-sep-before' : undefined}>
              <button
                type="button"
                role={it.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={it.checked}
                disabled={it.disabled}
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  it.onSelect();
                }}
              >
                <span className="menu-check" aria-hidden="true">
                  {it.checked ? '✓' : ''}
                </span>
                <span className="menu-label">{it.label}</span>
                {it.hint && <span className="shortcut">{it.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
