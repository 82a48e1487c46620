import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import { LIMITS, type ProposalView, type WorkshopState } from '../../../../shared/workshop/types';
import { useApp } from '../../app/store';
import { proposalSummary } from './proposals';
import { act } from './workshopStore';

type Mode = { kind: 'none' } | { kind: 'accept' } | { kind: 'reject' } | { kind: 'merge' };

function PendingProposal({ p, state, nameOf }: { p: ProposalView; state: WorkshopState; nameOf(id: string): string }) {
  const { t } = useTranslation();
  const notify = useApp((s) => s.notify);
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const x = p.proposal;
  const editable = x.kind === 'need' || x.kind === 'service';
  const [name, setName] = useState(editable ? x.name : '');
  const [description, setDescription] = useState(editable ? (x.description ?? '') : '');
  const [reason, setReason] = useState('');
  const others = state.proposals.filter((o) => o.id !== p.id && (o.status === 'pending' || o.status === 'accepted') && o.proposal.kind === x.kind);
  const [into, setInto] = useState(others[0]?.id ?? '');
  const summary = proposalSummary(p, nameOf, t);
  const author = p.author ?? t('workshop.server.anonymous');

  const accept = async (e?: FormEvent) => {
    e?.preventDefault();
    const edit = editable && (name.trim() !== x.name || description.trim() !== (x.description ?? '')) ? { ...(name.trim() ? { name: name.trim() } : {}), ...(description.trim() ? { description: description.trim() } : {}) } : undefined;
    const r = await act(t, 'workshop.moderate', { action: 'accept', proposalId: p.id, ...(edit ? { edit } : {}) });
    if (r) notify({ kind: 'info', text: t('workshop.moderation.accepted', { what: summary, who: author }) });
  };
  const reject = async (e: FormEvent) => {
    e.preventDefault();
    await act(t, 'workshop.moderate', { action: 'reject', proposalId: p.id, reason: reason.trim() });
  };
  const merge = async (e: FormEvent) => {
    e.preventDefault();
    await act(t, 'workshop.moderate', { action: 'merge', proposalId: p.id, into });
  };

  return (
    <li className="ws-proposal" data-proposal={p.id}>
      <div className="ws-proposal-head">
        <span className="badge">{t(`workshop.proposal.kind.${x.kind}`)}</span>
        <strong className="ws-proposal-summary">{summary}</strong>
        <span className="muted small">
          {author} · {new Date(p.createdAt).toLocaleTimeString()}
        </span>
      </div>
      {'description' in x && x.description && <p className="ws-proposal-text">{x.description}</p>}
      {x.kind === 'link' && x.note && <p className="ws-proposal-text">{x.note}</p>}
      {x.kind === 'correction' && x.name && <p className="ws-proposal-text">{t('workshop.proposal.betterNameIs', { name: x.name })}</p>}
      {p.merged.length > 0 && <p className="muted small">{t('workshop.moderation.mergedCount', { count: p.merged.length })}</p>}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => (editable ? setMode({ kind: 'accept' }) : void accept())}>
          {t('workshop.moderation.accept')}
        </button>
        <button type="button" onClick={() => setMode({ kind: 'reject' })}>
          {t('workshop.moderation.reject')}
        </button>
        <button type="button" onClick={() => setMode({ kind: 'merge' })} disabled={others.length === 0}>
          {t('workshop.moderation.merge')}
        </button>
      </div>
      {mode.kind === 'accept' && (
        <form className="ws-inline-form" onSubmit={accept}>
          <label htmlFor={`acc-name-${p.id}`}>{t('workshop.moderation.name')}</label>
          <input id={`acc-name-${p.id}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.name} required />
          <label htmlFor={`acc-desc-${p.id}`}>{t('workshop.proposal.description')}</label>
          <textarea id={`acc-desc-${p.id}`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={LIMITS.description} />
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('workshop.moderation.acceptConfirm')}
            </button>
            <button type="button" onClick={() => setMode({ kind: 'none' })}>
              {t('workshop.common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode.kind === 'reject' && (
        <form className="ws-inline-form" onSubmit={reject}>
          <label htmlFor={`rej-${p.id}`}>{t('workshop.moderation.reason')}</label>
          <textarea id={`rej-${p.id}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={LIMITS.reason} required />
          <div className="form-actions">
            <button type="submit" className="danger" disabled={!reason.trim()}>
              {t('workshop.moderation.rejectConfirm')}
            </button>
            <button type="button" onClick={() => setMode({ kind: 'none' })}>
              {t('workshop.common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode.kind === 'merge' && (
        <form className="ws-inline-form" onSubmit={merge}>
          <label htmlFor={`merge-${p.id}`}>{t('workshop.moderation.mergeInto')}</label>
          <select id={`merge-${p.id}`} value={into} onChange={(e) => setInto(e.target.value)}>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {proposalSummary(o, nameOf, t)} ({t(`workshop.proposal.status.${o.status}`)})
              </option>
            ))}
          </select>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!into}>
              {t('workshop.moderation.mergeConfirm')}
            </button>
            <button type="button" onClick={() => setMode({ kind: 'none' })}>
              {t('workshop.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/** The moderation queue: proposals wait here; accepting one is one normal, undoable edit credited to its author. */
export function Moderation({ state }: { state: WorkshopState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const names = useMemo(() => new Map(entities.map((e) => [e.id, pickText(e.name, lang)])), [entities, lang]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const pending = state.proposals.filter((p) => p.status === 'pending');
  const decided = state.proposals.filter((p) => p.status !== 'pending').reverse();
  return (
    <div className="ws-moderation">
      <section aria-labelledby="ws-queue">
        <h2 id="ws-queue">
          {t('workshop.moderation.queue')} <span className="badge">{pending.length}</span>
        </h2>
        {pending.length === 0 ? (
          <p className="empty-state">{t('workshop.moderation.empty')}</p>
        ) : (
          <ul className="ws-proposals">
            {pending.map((p) => (
              <PendingProposal key={p.id} p={p} state={state} nameOf={nameOf} />
            ))}
          </ul>
        )}
      </section>
      {decided.length > 0 && (
        <section aria-labelledby="ws-decided">
          <h2 id="ws-decided">{t('workshop.moderation.decided')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('workshop.moderation.proposal')}</th>
                <th scope="col">{t('workshop.moderation.author')}</th>
                <th scope="col">{t('workshop.moderation.fate')}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((p) => (
                <tr key={p.id} data-proposal={p.id} data-status={p.status}>
                  <td>
                    <span className="badge">{t(`workshop.proposal.kind.${p.proposal.kind}`)}</span> {proposalSummary(p, nameOf, t)}
                  </td>
                  <td>{p.author ?? t('workshop.server.anonymous')}</td>
                  <td>
                    <span className={`ws-status is-${p.status}`}>{t(`workshop.proposal.status.${p.status}`)}</span>
                    {p.reason && <span className="muted small"> — {p.reason}</span>}
                    {p.mergedInto && <span className="muted small"> — {proposalSummary(state.proposals.find((o) => o.id === p.mergedInto) ?? p, nameOf, t)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
