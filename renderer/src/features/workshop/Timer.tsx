import { useTranslation } from 'react-i18next';
import type { TimerState } from '../../../../shared/workshop/types';
import { formatTimer, remainingMs } from './live';
import { useNow } from './useNow';

/** The time box's countdown; over time it turns red and says so in words, not by colour alone. */
export function Timer({ timer, clockOffset, className = '' }: { timer: TimerState; clockOffset: number; className?: string }) {
  const { t } = useTranslation();
  const now = useNow(timer.state === 'running');
  const left = remainingMs(timer, clockOffset, now);
  const over = left < 0;
  const stateText = timer.state === 'paused' ? t('workshop.timer.paused') : timer.state === 'stopped' ? t('workshop.timer.stopped') : over ? t('workshop.timer.over') : '';
  return (
    <div className={`ws-timer ${over ? 'is-over' : ''} ${className}`} data-state={timer.state}>
      <span className="visually-hidden">{t('workshop.timer.label')}</span>
      <span className="ws-timer-value" data-testid="timer">
        {formatTimer(left)}
      </span>
      {stateText && <span className="ws-timer-state">{stateText}</span>}
    </div>
  );
}
