import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateGroup, DuplicateMember, DuplicateReport } from '../../../../shared/api/duplicates';
import { ENTITY_KINDS, pickText, type EntityKind, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, useApp } from '../../app/store';
import { useModalDialog } from '../../app/useModalDialog';
import { useDuplicatesDialog } from './duplicatesStore';
import './duplicates.css';

const PAGE = 20;

/**
 * Review of possible duplicates: each group shows what tells its members apart (provider,
 * languages, area, PTV id); the user picks the one to keep and which others to merge into it.
 * Nothing is merged without that choice, and each merge is one undo step.
 */
export function DuplicatesDialog() {
  const { t } = useTranslation();
  const { open, close } = useDuplicatesDialog();
  const { ref: dialog, onClose } = useModalDialog(open, close);
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [report, setReport] = useState<DuplicateReport | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(PAGE);

  const load = useCallback(async () => {
    setReport(null);
    const r = await attempt(() => api.call('duplicates.find', kind ? { kind } : {}));
    if (r) setReport(r);
  }, [kind, t]);

  useEffect(() => {
    if (!open) return;
    setShown(PAGE);
    void load();
  }, [open, load]);
  useEffect(() => {
    if (!open) setDismissed(new Set());
  }, [open]);

  const groups = useMemo(() => (report?.groups ?? []).filter((g) => !dismissed.has(g.key)), [report, dismissed]);
  const likely = groups.filter((g) => g.likely).length;

  return (
    <dialog ref={dialog} className="modal duplicates-dialog" aria-labelledby="dup-title" onClose={onClose}>
      <h2 id="dup-title">{t('io.duplicates.title')}</h2>
      <p className="hint">{t('io.duplicates.intro')}</p>
      <div className="dup-toolbar">
        <label htmlFor="dup-kind">{t('io.duplicates.kindFilter')}</label>
        <select id="dup-kind" value={kind} onChange={(e) => setKind(e.target.value as EntityKind | '')}>
          <option value="">{t('io.duplicates.allKinds')}</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}.plural`)}
            </option>
          ))}
        </select>
        <p role="status" className="dup-status">
          {!report ? t('io.duplicates.scanning') : groups.length ? t('io.duplicates.summary', { count: groups.length, likely }) : t('io.duplicates.none')}
        </p>
      </div>
      <div className="dup-groups">
        {groups.slice(0, shown).map((g) => (
          <Group key={g.key} group={g} onMerged={load} onDismiss={() => setDismissed((d) => new Set(d).add(g.key))} />
        ))}
      </div>
      <div className="form-actions">
        {groups.length > shown && (
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            {t('io.duplicates.more', { count: Math.min(PAGE, groups.length - shown) })}
          </button>
        )}
        <button type="button" className="primary" onClick={close}>
          {t('action.close')}
        </button>
      </div>
    </dialog>
  );
}

function area(t: ReturnType<typeof useTranslation>['t'], m: DuplicateMember): string {
  if (m.areas.length) return m.areas.join(', ');
  return m.areaType === 'nationwide' || m.areaType === 'nationwideExceptAland' ? t(`areaType.${m.areaType}`) : '—';
}

function Group({ group, onMerged, onDismiss }: { group: DuplicateGroup; onMerged(): Promise<void>; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const notify = useApp((s) => s.notify);
  // Keep the best-connected by default; merge the others by default only when they are likely the same.
  const initialKeep = useMemo(() => [...group.members].sort((a, b) => b.links - a.links)[0].id, [group]);
  const [keep, setKeep] = useState(initialKeep);
  const [merge, setMerge] = useState<Set<string>>(() => new Set(group.likely ? group.members.filter((m) => m.id !== initialKeep).map((m) => m.id) : []));
  const [busy, setBusy] = useState(false);
  const chosen = [...merge].filter((id) => id !== keep);
  const name = (m: DuplicateMember) => pickText(m.name, lang) || m.id;
  const headingId = `dup-${group.key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}`;
  const keptName = name(group.members.find((m) => m.id === keep)!);

  // Choosing another one to keep swaps the two: the one kept so far is merged instead, if the new one was.
  const choose = (id: string) => {
    setMerge((s) => {
      const next = new Set(s);
      if (next.delete(id)) next.add(keep);
      return next;
    });
    setKeep(id);
  };

  const doMerge = async () => {
    setBusy(true);
    const r = await attempt(() => api.call('duplicates.merge', { keep, merge: chosen }));
    setBusy(false);
    if (!r) return;
    notify({ kind: 'info', text: t('io.duplicates.merged', { name: keptName, count: r.merged.length }) });
    await onMerged();
  };

  return (
    <section className={`dup-group${group.likely ? ' likely' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`kind.${group.kind}.one`)}: {name(group.members[0])}
        <span className={`dup-badge${group.likely ? ' likely' : ''}`}>{group.likely ? t('io.duplicates.likely') : t('io.duplicates.possible')}</span>
      </h3>
      <p className="muted small">
        {group.reasons.map((r) => t(`io.duplicates.reason.${r}`)).join(', ')}
        {' · '}
        {group.differences.length ? t('io.duplicates.differ', { traits: group.differences.map((d) => t(`io.duplicates.trait.${d}`)).join(', ') }) : t('io.duplicates.same')}
      </p>
      <div className="table-scroll">
        <table className="data-table compact dup-table">
          <thead>
            <tr>
              <th scope="col">{t('io.duplicates.keep')}</th>
              <th scope="col">{t('io.duplicates.include')}</th>
              <th scope="col">{t('io.duplicates.name')}</th>
              <th scope="col">{t('io.duplicates.organisation')}</th>
              <th scope="col">{t('io.duplicates.languages')}</th>
              <th scope="col">{t('io.duplicates.area')}</th>
              <th scope="col">{t('io.duplicates.ptvId')}</th>
              <th scope="col" className="num">{t('io.duplicates.links')}</th>
            </tr>
          </thead>
          <tbody>
            {group.members.map((m) => (
              <tr key={m.id} className={m.id === keep ? 'selected' : undefined}>
                <td>
                  <input type="radio" name={`keep-${headingId}`} checked={m.id === keep} onChange={() => choose(m.id)} aria-label={t('io.duplicates.keepLabel', { name: name(m), id: m.id })} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    disabled={m.id === keep}
                    checked={m.id !== keep && merge.has(m.id)}
                    onChange={(e) =>
                      setMerge((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(m.id);
                        else next.delete(m.id);
                        return next;
                      })
                    }
                    aria-label={t('io.duplicates.includeLabel', { name: name(m), id: m.id })}
                  />
                </td>
                <td>
                  <span className="dup-name">{name(m)}</span>
                  {m.code && <span className="muted"> · {m.code}</span>}
                  {pickText(m.description, lang) && <span className="dup-desc muted">{pickText(m.description, lang)}</span>}
                </td>
                <td>{m.organisations.length ? m.organisations.map((o) => pickText(o.name, lang) || o.id).join(', ') : group.kind === 'service' ? <span className="muted">{t('io.duplicates.noOrganisation')}</span> : '—'}</td>
                <td>{m.languages.join(', ') || '—'}</td>
                <td>{area(t, m)}</td>
                <td className="dup-id">{m.ptvId ?? '—'}</td>
                <td className="num">{m.links}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void doMerge()}>
          {t('io.duplicates.merge', { count: chosen.length })}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('io.duplicates.skip')}
        </button>
      </div>
    </section>
  );
}
