import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type CommentTarget } from '../../../shared/workshop/types';
import { useParticipant } from './store';
import { clearSent } from '../app/clearSent';

function sameTarget(a: CommentTarget, b: CommentTarget): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** Comments on one item, and (for participants) a small form to add one. Text only, never HTML. */
export function Comments({ target, label }: { target: CommentTarget; label: string }) {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const call = useParticipant((s) => s.call);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const comments = state.comments.filter((c) => sameTarget(c.target, target));
  const observer = state.me.role === 'observer';
  const formId = `comment-${target.kind}-${target.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    const r = await call('participant.comment', { target, text: sent });
    if (r) {
      clearSent(setText, sent);
      setOpen(false);
    }
  };
  return (
    <div className="p-comments">
      {comments.length > 0 && (
        <ul className="p-comment-list" aria-label={t('workshop.comments.on', { item: label })}>
          {comments.map((c) => (
            <li key={c.id}>
              <span className="p-comment-text">{c.text}</span> <span className="p-note-meta">— {c.author ?? t('workshop.server.anonymous')}</span>
            </li>
          ))}
        </ul>
      )}
      {!observer &&
        (open ? (
          <form onSubmit={submit} className="p-form p-comment-form">
            <label htmlFor={formId}>{t('workshop.comments.yourComment', { item: label })}</label>
            <textarea id={formId} rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={LIMITS.comment} required />
            <span className="p-row">
              <button type="submit" className="primary" disabled={!text.trim()}>
                {t('workshop.comments.send')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('workshop.common.cancel')}
              </button>
            </span>
          </form>
        ) : (
          <button type="button" className="link-button p-comment-open" onClick={() => setOpen(true)} aria-label={t('workshop.comments.add', { item: label })}>
            {t('workshop.comments.comment')}
            {comments.length > 0 ? ` (${comments.length})` : ''}
          </button>
        ))}
    </div>
  );
}
