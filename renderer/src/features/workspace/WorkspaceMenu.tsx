import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { COMMANDS } from '../../app/commands';
import { attempt, useApp } from '../../app/store';
import { confirmLeave } from '../../app/leaveGuard';
import { EXPORT_FORMATS } from '../../../../shared/api/io';
import { exportAndSave } from '../io/exporting';
import { useDuplicatesDialog } from '../duplicates/duplicatesStore';
import type { Language } from '../../../../shared/model';
import { useImportDialog } from '../io/importStore';

/** The workspace menu: new, the example, close (which leads back to the start screen's recent list). */
export function WorkspaceMenu() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const refresh = useApp((s) => s.refresh);

  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDoc);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDoc);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (action: () => Promise<unknown>) => {
    setOpen(false);
    // An open form saves before its workspace goes away (or stays, showing why it cannot).
    if (!(await confirmLeave())) return;
    const ok = await attempt(action);
    if (ok !== undefined) {
      window.location.hash = '#/overview';
      await refresh();
    }
  };

  const exportAs = async (format: (typeof EXPORT_FORMATS)[number]) => {
    setOpen(false);
    await exportAndSave(t, i18n.language as Language, format);
  };

  return (
    <div className="menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('menu.workspace')} ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {COMMANDS.map((c) => (
            <li role="none" key={c.id}>
              <button
                type="button"
                role="menuitem"
                disabled={!c.enabled()}
                onClick={() => {
                  setOpen(false);
                  void c.perform(t);
                }}
              >
                {t(c.labelKey)}
                {c.shortcuts[0] && <span className="shortcut">{c.shortcuts[0].replace('Mod', 'Ctrl')}</span>}
              </button>
            </li>
          ))}
          <li role="separator" className="menu-separator" />
          <MenuAction
            label={`${t('io.importTitle')}…`}
            onSelect={() => {
              setOpen(false);
              useImportDialog.getState().show();
            }}
          />
          <MenuAction
            label={`${t('io.findDuplicates')}…`}
            onSelect={() => {
              setOpen(false);
              useDuplicatesDialog.getState().show();
            }}
          />
          {EXPORT_FORMATS.map((format) => (
            <li role="none" key={format}>
              <button type="button" role="menuitem" onClick={() => void exportAs(format)}>
                {t('io.exportAs', { format: t(`io.exportFormats.${format}`) })}
              </button>
            </li>
          ))}
          <li role="separator" className="menu-separator" />
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run(() => api.call('workspace.close', {}))}>
              {t('menu.switch')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run(() => api.call('workspace.create', { example: true }))}>
              {t('start.example')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run(() => api.call('workspace.create', { example: 'auroraai' }))}>
              {t('start.examplePicture')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

/** One plain item of the workspace menu. */
function MenuAction({ label, onSelect }: { label: string; onSelect: () => void }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" onClick={onSelect}>
        {label}
      </button>
    </li>
  );
}
