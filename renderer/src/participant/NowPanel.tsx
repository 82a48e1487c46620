import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type AgendaStepState, type AssessmentAnswers, type VoteRoundView } from '../../../shared/workshop/types';
import { Timer } from '../features/workshop/Timer';
import { useParticipant } from './store';
import { ProposeForm } from './ProposePanel';
import { clearSent } from '../app/clearSent';

/** The step on the projector, on the phone: what it is, what is asked, how much time is left. */
function StepCard() {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const offset = useParticipant((s) => s.clockOffset);
  const { steps, current, timer } = state.agenda;
  const step = steps[current];
  return (
    <section className="p-card p-step" aria-labelledby="step-title" data-step={step?.id ?? ''}>
      {step ? (
        <>
          <p className="p-step-count">{t('workshop.agenda.stepOf', { n: current + 1, total: steps.length })}</p>
          <h2 id="step-title">{step.title}</h2>
          {step.prompt && <p className="p-prompt">{step.prompt}</p>}
          {step.minutes > 0 && <Timer timer={timer} clockOffset={offset} className="p-timer" />}
        </>
      ) : (
        <>
          <h2 id="step-title">{t('workshop.p.waiting')}</h2>
          <p className="muted">{t('workshop.p.waitingLead')}</p>
        </>
      )}
    </section>
  );
}

function NotesStep({ step }: { step: AgendaStepState }) {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const call = useParticipant((s) => s.call);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const observer = state.me.role === 'observer';
  const notes = state.notes.filter((n) => n.stepId === step.id);
  const mine = new Set(state.mine.notes);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const sent = text;
    const r = await call('participant.note', { stepId: step.id, text: sent });
    setBusy(false);
    if (r) clearSent(setText, sent);
  };
  return (
    <section className="p-card" aria-labelledby="notes-title">
      <h3 id="notes-title">{t('workshop.brainstorm.notes')}</h3>
      {!observer && (
        <form onSubmit={submit} className="p-form">
          <label htmlFor="note-text">{t('workshop.p.noteLabel')}</label>
          <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={LIMITS.note} required />
          <p className="hint">{t('workshop.common.chars', { n: text.length, max: LIMITS.note })}</p>
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            {t('workshop.p.addNote')}
          </button>
        </form>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t('workshop.brainstorm.noNotes')}</p>
      ) : (
        <ul className="p-notes">
          {notes.map((n) => (
            <li key={n.id} className={mine.has(n.id) ? 'is-mine' : ''} data-note={n.id}>
              <span className="p-note-text">{n.text}</span>
              <span className="p-note-meta">
                {mine.has(n.id) ? t('workshop.p.yours') : (n.author ?? t('workshop.server.anonymous'))}
                {mine.has(n.id) && !n.groupId && !observer && (
                  <button type="button" className="link-button" onClick={() => void call('participant.deleteNote', { noteId: n.id })}>
                    {t('workshop.common.delete')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** N dots to place: plus and minus per target, the whole ballot sent at once (sending again is harmless). */
function Ballot({ round }: { round: VoteRoundView }) {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const call = useParticipant((s) => s.call);
  const saved = state.ballots[round.id] ?? {};
  const [ballot, setBallot] = useState<Record<string, number>>(saved);
  const [sent, setSent] = useState(false);
  const savedKey = JSON.stringify(saved);
  useEffect(() => setBallot(JSON.parse(savedKey)), [savedKey]);
  const observer = state.me.role === 'observer';
  const used = Object.values(ballot).reduce((a, b) => a + b, 0);
  const left = round.dotsPerPerson - used;
  const max = Math.max(1, ...round.targets.map((tg) => round.totals[tg.id] ?? 0));
  const change = (id: string, d: number) => {
    setSent(false);
    setBallot((b) => ({ ...b, [id]: Math.max(0, (b[id] ?? 0) + d) }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('participant.vote', { roundId: round.id, ballot });
    if (r) setSent(true);
  };
  return (
    <section className="p-card" aria-labelledby={`round-${round.id}`} data-round={round.id}>
      <h3 id={`round-${round.id}`}>{round.title}</h3>
      {round.open && !observer && (
        <p className="p-dots-left" aria-live="polite">
          {t('workshop.vote.dotsLeft', { count: left, total: round.dotsPerPerson })}
        </p>
      )}
      {!round.open && <p className="muted">{t('workshop.server.roundClosed')}</p>}
      <form onSubmit={submit}>
        <ul className="p-ballot">
          {round.targets.map((tg) => {
            const mineN = ballot[tg.id] ?? 0;
            const total = round.totals[tg.id] ?? 0;
            return (
              <li key={tg.id} data-target={tg.id}>
                <span className="p-target-label">{tg.label}</span>
                {round.open && !observer && (
                  <span className="p-dot-controls">
                    <button type="button" onClick={() => change(tg.id, -1)} disabled={mineN === 0} aria-label={t('workshop.vote.removeDot', { target: tg.label })}>
                      −
                    </button>
                    <span className="p-dot-count" aria-label={t('workshop.vote.yourDots', { count: mineN })}>
                      {'●'.repeat(mineN) || '0'}
                    </span>
                    <button type="button" onClick={() => change(tg.id, 1)} disabled={left <= 0} aria-label={t('workshop.vote.addDot', { target: tg.label })}>
                      +
                    </button>
                  </span>
                )}
                <span className="p-bar" aria-hidden="true">
                  <span style={{ width: `${(total / max) * 100}%` }} />
                </span>
                <span className="p-total">{t('workshop.vote.dots', { count: total })}</span>
              </li>
            );
          })}
        </ul>
        {round.open && !observer && (
          <button type="submit" className="primary" disabled={left < 0}>
            {t('workshop.vote.send')}
          </button>
        )}
        {sent && (
          <p className="p-ok" role="status">
            {t('workshop.vote.sent')}
          </p>
        )}
      </form>
    </section>
  );
}

const SCALE = [1, 2, 3, 4, 5] as const;

function AssessmentStep({ step }: { step: AgendaStepState }) {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const call = useParticipant((s) => s.call);
  const orgs = useMemo(() => (step.organisations?.length ? state.organisations.filter((o) => step.organisations!.includes(o.id)) : state.organisations), [state.organisations, step.organisations]);
  const [org, setOrg] = useState(orgs[0]?.id ?? '');
  const saved = state.answers[step.id]?.[org] ?? {};
  const [answers, setAnswers] = useState<AssessmentAnswers>(saved);
  const [done, setDone] = useState(false);
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    setAnswers(JSON.parse(savedKey));
    setDone(false);
  }, [savedKey, org]);
  if (state.me.role === 'observer') return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await call('participant.answer', { stepId: step.id, organisation: org, answers });
    if (r) setDone(true);
  };
  return (
    <section className="p-card" aria-labelledby="assess-title">
      <h3 id="assess-title">{t('workshop.assessment.title')}</h3>
      <form onSubmit={submit} className="p-form">
        <label htmlFor="assess-org">{t('workshop.assessment.organisation')}</label>
        <select id="assess-org" value={org} onChange={(e) => setOrg(e.target.value)}>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {(step.questions ?? []).map((q) => (
          <fieldset key={q.id} className="p-scale">
            <legend>{q.text}</legend>
            {SCALE.map((v) => (
              <label key={v} className="p-scale-option">
                <input type="radio" name={`q-${q.id}`} checked={answers[q.id] === v} onChange={() => setAnswers((a) => ({ ...a, [q.id]: v }))} />
                {v}
              </label>
            ))}
            <label className="p-scale-option">
              <input type="radio" name={`q-${q.id}`} checked={answers[q.id] === null} onChange={() => setAnswers((a) => ({ ...a, [q.id]: null }))} />
              {t('workshop.assessment.cannotSay')}
            </label>
          </fieldset>
        ))}
        <p className="hint">{t('workshop.assessment.scale')}</p>
        <button type="submit" className="primary" disabled={!org || Object.keys(answers).length === 0}>
          {t('workshop.assessment.send')}
        </button>
        {done && (
          <p className="p-ok" role="status">
            {t('workshop.assessment.sent')}
          </p>
        )}
      </form>
    </section>
  );
}

export function NowPanel() {
  const state = useParticipant((s) => s.state)!;
  const step = state.agenda.steps[state.agenda.current];
  const open = state.rounds.filter((r) => r.open);
  // The newest closed round stays visible in a voting step, so people see its result.
  const shown = open.length ? open : step?.kind === 'vote' ? state.rounds.slice(-1) : [];
  return (
    <>
      <StepCard />
      {step?.kind === 'brainstorm' && <NotesStep step={step} />}
      {step?.kind === 'assessment' && <AssessmentStep step={step} />}
      {step?.kind === 'propose' && state.me.role !== 'observer' && <ProposeForm />}
      {shown.map((r) => (
        <Ballot key={r.id} round={r} />
      ))}
    </>
  );
}
