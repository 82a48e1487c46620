import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopState } from '../../../../shared/workshop/types';
import { navigate } from '../../app/route';
import { QrCode } from './QrCode';
import { Timer } from './Timer';
import { act, useWorkshop } from './workshopStore';
import { VoteChart } from './Voting';

/** The join code in groups of three, easier to read from the back of the room. */
export function spacedCode(code: string): string {
  return code.replace(/(.{3})(?=.)/g, '$1 ');
}

/** The join address with the code in its fragment, so a scanned QR code fills the form in. */
export function joinLink(state: WorkshopState): string {
  return `${state.joinUrl.replace(/#.*$/, '')}#c=${state.code}`;
}

/**
 * The projector: the app's chrome steps aside (as in the map's presentation mode), large type,
 * high contrast; the join address, QR code and code, and what the room is asked to do now.
 */
export function Projector({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const offset = useWorkshop((s) => s.clockOffset);
  const adopt = useWorkshop((s) => s.adopt);
  const { steps, current, timer } = state.agenda;
  const step = steps[current];
  const present = state.participants.filter((p) => p.role === 'participant').length;
  const observers = state.participants.length - present;
  const openRound = state.rounds.find((r) => r.open);

  useEffect(() => {
    document.body.classList.add('ws-projecting');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') navigate({ view: 'workshop', tab: 'session' });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('ws-projecting');
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const go = async (index: number) => {
    const s = await act(t, 'workshop.gotoStep', { index });
    if (s) adopt(s);
  };

  return (
    <div className="ws-projector" data-testid="projector">
      <div className="ws-proj-join">
        <QrCode text={joinLink(state)} label={t('workshop.projector.qr')} size={300} />
        <div className="ws-proj-join-text">
          <p className="ws-proj-label">{t('workshop.projector.joinAt')}</p>
          <p className="ws-proj-url" data-testid="join-url">
            {state.joinUrl}
          </p>
          <p className="ws-proj-label">{t('workshop.projector.code')}</p>
          <p className="ws-proj-code" data-testid="join-code" aria-label={state.code.split('').join(' ')}>
            {spacedCode(state.code)}
          </p>
          <p className="ws-proj-people">{t('workshop.projector.people', { count: present })}{observers > 0 ? ` · ${t('workshop.projector.observers', { count: observers })}` : ''}</p>
        </div>
      </div>
      <div className="ws-proj-step">
        {step ? (
          <>
            <p className="ws-proj-label">{t('workshop.agenda.stepOf', { n: current + 1, total: steps.length })}</p>
            <h1 className="ws-proj-title">{step.title}</h1>
            {step.prompt && (
              <p className="ws-proj-prompt">
                <span className="visually-hidden">{t('workshop.projector.asked')}: </span>
                {step.prompt}
              </p>
            )}
            <p className="ws-proj-todo">{t(`workshop.projector.todo.${step.kind}`)}</p>
            {step.minutes > 0 && <Timer timer={timer} clockOffset={offset} className="ws-proj-timer" />}
          </>
        ) : (
          <>
            <h1 className="ws-proj-title">{state.title}</h1>
            <p className="ws-proj-prompt">{t('workshop.projector.welcome')}</p>
          </>
        )}
        {openRound && (
          <div className="ws-proj-chart">
            <h2>{openRound.title}</h2>
            <VoteChart round={openRound} large />
          </div>
        )}
      </div>
      <div className="ws-proj-bar" role="toolbar" aria-label={t('workshop.agenda.controls')}>
        <button type="button" onClick={() => void go(current - 1)} disabled={current < 0}>
          ← {t('workshop.agenda.previous')}
        </button>
        <button type="button" onClick={() => void go(current + 1)} disabled={current >= steps.length - 1}>
          {t('workshop.agenda.next')} →
        </button>
        <button type="button" onClick={() => navigate({ view: 'workshop', tab: 'session' })}>
          {t('workshop.projector.exit')}
        </button>
      </div>
    </div>
  );
}
