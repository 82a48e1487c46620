import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopTemplate } from '../../../../shared/workshop/types';
import { api } from '../../api';
import { routeHref, type WorkshopTab } from '../../app/route';
import { useApp } from '../../app/store';
import { Brainstorm } from './Brainstorm';
import { CommentsPanel } from './CommentsPanel';
import { Moderation } from './Moderation';
import { Projector } from './Projector';
import { RecordDetail, RecordList } from './Records';
import { SessionPanel } from './SessionPanel';
import { StartSession } from './StartSession';
import { Voting } from './Voting';
import { act, useWorkshop } from './workshopStore';
import './workshop.css';

const LIVE_TABS: WorkshopTab[] = ['session', 'moderation', 'brainstorm', 'voting', 'comments', 'records'];

function EndSession() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [save, setSave] = useState(true);
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('workshop.end.end')}
      </button>
    );
  return (
    <div className="confirm ws-end" role="group" aria-label={t('workshop.end.end')}>
      <p>{t('workshop.end.question')}</p>
      <label className="checkbox-line">
        <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
        {t('workshop.end.saveRecord')}
      </label>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          const r = await act(t, 'workshop.end', { saveRecord: save });
          if (r) {
            useWorkshop.setState({ state: null, endedRecord: r.recordId });
            setAsking(false);
          }
        }}
      >
        {t('workshop.end.confirm')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('workshop.common.cancel')}
      </button>
    </div>
  );
}

/** The facilitator's workshop screen: start a session, run it, and read the records of past ones. */
export function WorkshopView({ tab, id }: { tab: WorkshopTab; id?: string }) {
  const { t } = useTranslation();
  const { loaded, state, endedRecord, load } = useWorkshop();
  const notify = useApp((s) => s.notify);
  const [templates, setTemplates] = useState<WorkshopTemplate[]>([]);
  const loadTemplates = useCallback(() => {
    void api
      .call('workshop.templates', {})
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, []);
  useEffect(() => {
    load().catch((e: Error) => notify({ kind: 'error', text: t('workshop.common.failed', { message: e.message }) }));
  }, [load, notify, t]);
  // Again after a session ends: its agenda may have been saved as a template meanwhile.
  const running = !!state;
  useEffect(loadTemplates, [loadTemplates, running]);

  if (!loaded) return <div className="page muted">{t('app.loading')}</div>;
  if (state && tab === 'projector') return <Projector state={state} />;

  const pending = state?.proposals.filter((p) => p.status === 'pending').length ?? 0;
  const tabs: WorkshopTab[] = state ? LIVE_TABS : ['session', 'records'];
  const shown = tabs.includes(tab) ? tab : 'session';

  return (
    <div className="page ws-page">
      <div className="pane-header ws-header">
        <h1>
          {state ? state.title : t('workshop.title')}
          {state && <span className="ws-live-badge">{t('workshop.session.live')}</span>}
        </h1>
        {state && (
          <div className="form-actions">
            <a className="button primary" href={routeHref({ view: 'workshop', tab: 'projector' })}>
              {t('workshop.projector.open')}
            </a>
            <EndSession />
          </div>
        )}
      </div>
      {endedRecord !== undefined && !state && (
        <p className="ws-ended" role="status">
          {t('workshop.end.ended')}{' '}
          {endedRecord && <a href={routeHref({ view: 'workshop', tab: 'records', id: endedRecord })}>{t('workshop.end.showRecord')}</a>}
        </p>
      )}
      <nav className="ws-tabs" aria-label={t('workshop.tabs')}>
        {tabs.map((k) => (
          <a key={k} href={routeHref({ view: 'workshop', tab: k })} aria-current={shown === k ? 'page' : undefined}>
            {t(`workshop.tab.${k}`)}
            {k === 'moderation' && pending > 0 && <span className="badge">{pending}</span>}
          </a>
        ))}
      </nav>
      {shown === 'records' ? (
        id ? (
          <RecordDetail id={id} />
        ) : (
          <RecordList refreshKey={endedRecord} />
        )
      ) : !state ? (
        <StartSession templates={templates} onTemplatesChanged={loadTemplates} />
      ) : shown === 'moderation' ? (
        <Moderation state={state} />
      ) : shown === 'brainstorm' ? (
        <Brainstorm state={state} />
      ) : shown === 'voting' ? (
        <Voting state={state} />
      ) : shown === 'comments' ? (
        <CommentsPanel state={state} />
      ) : (
        <SessionPanel state={state} />
      )}
    </div>
  );
}
