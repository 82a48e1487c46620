import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import { LIMITS, type CommentTarget, type CommentView, type WorkshopState } from '../../../../shared/workshop/types';
import { useApp } from '../../app/store';
import { proposalSummary } from './proposals';
import { act } from './workshopStore';
import { clearSent } from '../../app/clearSent';

/** Comments on map items, proposals and notes, by item; the facilitator may add one or take one away. */
export function CommentsPanel({ state }: { state: WorkshopState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const names = useMemo(() => new Map(entities.map((e) => [e.id, pickText(e.name, lang)])), [entities, lang]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const [entity, setEntity] = useState('');
  const [text, setText] = useState('');

  const label = (target: CommentTarget): string => {
    if (target.kind === 'entity') return nameOf(target.id);
    if (target.kind === 'link') {
      const l = links.find((x) => x.id === target.id);
      return l ? `${nameOf(l.source)} → ${nameOf(l.target)}` : t('workshop.comments.link');
    }
    if (target.kind === 'proposal') {
      const p = state.proposals.find((x) => x.id === target.id);
      return p ? `${t('workshop.comments.proposal')}: ${proposalSummary(p, nameOf, t)}` : t('workshop.comments.proposal');
    }
    const n = state.notes.find((x) => x.id === target.id);
    return n ? `${t('workshop.comments.note')}: ${n.text}` : t('workshop.comments.note');
  };

  const grouped = useMemo(() => {
    const by = new Map<string, { target: CommentTarget; items: CommentView[] }>();
    for (const c of state.comments) {
      const k = `${c.target.kind}:${c.target.id}`;
      const g = by.get(k) ?? { target: c.target, items: [] };
      g.items.push(c);
      by.set(k, g);
    }
    return [...by.values()];
  }, [state.comments]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    const r = await act(t, 'workshop.comment', { target: { kind: 'entity', id: entity }, text: sent.trim() });
    if (r) clearSent(setText, sent);
  };

  const sorted = useMemo(() => [...entities].sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang)), [entities, lang]);

  return (
    <div className="ws-comments">
      <section className="card" aria-labelledby="ws-comment-new">
        <h2 id="ws-comment-new">{t('workshop.comments.facilitator')}</h2>
        <form onSubmit={submit}>
          <div className="form-grid">
            <label htmlFor="wc-entity">{t('workshop.proposal.entity')}</label>
            <select id="wc-entity" value={entity} onChange={(e) => setEntity(e.target.value)} required>
              <option value="">{t('workshop.p.choose')}</option>
              {sorted.map((e) => (
                <option key={e.id} value={e.id}>
                  {t(`workshop.kind.${e.kind}`)}: {pickText(e.name, lang)}
                </option>
              ))}
            </select>
            <label htmlFor="wc-text">{t('workshop.comments.text')}</label>
            <textarea id="wc-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={LIMITS.comment} required />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!entity || !text.trim()}>
              {t('workshop.comments.send')}
            </button>
          </div>
        </form>
      </section>
      {grouped.length === 0 ? (
        <p className="empty-state">{t('workshop.comments.none')}</p>
      ) : (
        grouped.map((g) => (
          <section key={`${g.target.kind}:${g.target.id}`} className="card ws-comment-group" data-target={`${g.target.kind}:${g.target.id}`}>
            <h3>{label(g.target)}</h3>
            <ul className="ws-comment-list">
              {g.items.map((c) => (
                <li key={c.id} data-comment={c.id}>
                  <span className="ws-comment-text">{c.text}</span>
                  <span className="muted small">
                    {' '}
                    — {c.author ?? t('workshop.server.anonymous')}, {new Date(c.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                  </span>
                  <button type="button" className="link-button small" onClick={() => void act(t, 'workshop.deleteComment', { commentId: c.id })} aria-label={t('workshop.comments.delete', { text: c.text.slice(0, 60) })}>
                    {t('workshop.common.delete')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
