import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model';
import { JOIN_CODE_LENGTH, LIMITS, normaliseJoinCode, type JoinRole } from '../../../shared/workshop/types';
import { refusalText } from '../features/workshop/refusal';
import { setLanguage, SUPPORTED } from './i18n';
import { useParticipant } from './store';
import { MapList } from './MapList';
import { NowPanel } from './NowPanel';
import { ProposePanel } from './ProposePanel';
import { CourseSend } from './CourseSend';

type Tab = 'now' | 'map' | 'propose';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select className="p-lang" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('workshop.p.language')}>
      {SUPPORTED.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`workshop.p.languageName.${l}`)}
        </option>
      ))}
    </select>
  );
}

/** The last refusal, in words, where the person is looking. */
function ProblemBar() {
  const { t } = useTranslation();
  const problem = useParticipant((s) => s.problem);
  const clear = useParticipant((s) => s.clearProblem);
  if (!problem) return null;
  const text = problem.offline ? t('workshop.p.offline') : refusalText(t, problem.reason, problem.details, problem.message);
  return (
    <div className="p-problem" role="alert" data-reason={problem.reason ?? (problem.offline ? 'offline' : 'unknown')}>
      <span>{text}</span>
      <button type="button" className="icon-button" onClick={clear} aria-label={t('workshop.common.dismiss')}>
        ×
      </button>
    </div>
  );
}

function codeFromAddress(): string {
  const m = /[#&]c=([A-Za-z0-9 -]+)/.exec(window.location.hash);
  return m ? normaliseJoinCode(decodeURIComponent(m[1])) : '';
}

function JoinForm() {
  const { t } = useTranslation();
  const join = useParticipant((s) => s.join);
  const final = useParticipant((s) => s.final);
  const [code, setCode] = useState(codeFromAddress);
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [role, setRole] = useState<JoinRole>('participant');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await join({ code: normaliseJoinCode(code), displayName: name.trim() || undefined, anonymous, role });
    setBusy(false);
  };

  return (
    <section className="p-card p-join" aria-labelledby="join-title">
      {final && (
        <p className={`p-final ${final === 'ended' ? 'is-info' : 'is-error'}`} role="status" data-reason={final}>
          {t(`workshop.server.${final}`)}
        </p>
      )}
      <h1 id="join-title">{t('workshop.p.joinTitle')}</h1>
      <p className="muted">{t('workshop.p.joinLead')}</p>
      <form onSubmit={submit} className="p-form">
        <label htmlFor="join-code">{t('workshop.p.code')}</label>
        <input
          id="join-code"
          className="p-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={JOIN_CODE_LENGTH + 4}
          required
        />
        <label htmlFor="join-name">{t('workshop.p.displayName')}</label>
        <input id="join-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.displayName} disabled={anonymous} required={!anonymous} autoComplete="nickname" />
        <label className="p-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('workshop.p.anonymous')}
        </label>
        <fieldset className="p-roles">
          <legend>{t('workshop.p.roleLegend')}</legend>
          <label className="p-check">
            <input type="radio" name="role" value="participant" checked={role === 'participant'} onChange={() => setRole('participant')} />
            {t('workshop.p.roleParticipant')}
          </label>
          <label className="p-check">
            <input type="radio" name="role" value="observer" checked={role === 'observer'} onChange={() => setRole('observer')} />
            {t('workshop.p.roleObserver')}
          </label>
        </fieldset>
        <button type="submit" className="primary p-big" disabled={busy || !code.trim()}>
          {t('workshop.p.join')}
        </button>
      </form>
    </section>
  );
}

function Live() {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const link = useParticipant((s) => s.link);
  const leave = useParticipant((s) => s.leave);
  const [tab, setTab] = useState<Tab>('now');
  const observer = state.me.role === 'observer';
  const tabs: Tab[] = ['now', 'map', 'propose'];
  return (
    <>
      <div className="p-who">
        <span data-testid="me">
          {state.me.name ?? t('workshop.server.anonymous')} · {t(observer ? 'workshop.p.roleObserver' : 'workshop.p.roleParticipant')}
        </span>
        <span className={`p-link is-${link}`} role="status">
          {link === 'live' ? t('workshop.p.live') : t('workshop.p.reconnecting')}
        </span>
        <button type="button" className="link-button" onClick={() => void leave()}>
          {t('workshop.p.leave')}
        </button>
      </div>
      {observer && <p className="p-observer">{t('workshop.server.observer')}</p>}
      {!observer && <CourseSend />}
      <nav className="p-tabs" aria-label={t('workshop.p.sections')}>
        {tabs.map((k) => (
          <button key={k} type="button" aria-current={tab === k ? 'page' : undefined} onClick={() => setTab(k)} data-tab={k}>
            {t(`workshop.p.tab.${k}`)}
          </button>
        ))}
      </nav>
      {tab === 'now' ? <NowPanel /> : tab === 'map' ? <MapList /> : <ProposePanel />}
    </>
  );
}

export function ParticipantApp() {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state);
  const resuming = useParticipant((s) => s.resuming);
  useEffect(() => {
    void useParticipant.getState().resume();
  }, []);
  return (
    <div className="p-app">
      <header className="p-header">
        <span className="p-brand">Kohtaanto</span>
        {state ? (
          <h1 className="p-session" title={state.session.title}>
            {state.session.title}
          </h1>
        ) : (
          <span className="p-session">{t('workshop.p.workshop')}</span>
        )}
        <LanguageSwitch />
      </header>
      <main className="p-main" id="main">
        <ProblemBar />
        {resuming ? (
          <p className="muted" role="status">
            {t('workshop.p.loading')}
          </p>
        ) : state ? (
          <Live />
        ) : (
          <JoinForm />
        )}
      </main>
    </div>
  );
}
