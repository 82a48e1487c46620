import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, STEP_KINDS, type AgendaStep, type StepKind, type WorkshopState } from '../../../../shared/workshop/types';
import { useApp } from '../../app/store';
import { QrCode } from './QrCode';
import { joinLink, spacedCode } from './Projector';
import { Timer } from './Timer';
import { act, useWorkshop } from './workshopStore';
import { clearSent } from '../../app/clearSent';

function time(iso?: string): string {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}

/** Moving through the agenda and running its time boxes. */
function AgendaControl({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const adopt = useWorkshop((s) => s.adopt);
  const offset = useWorkshop((s) => s.clockOffset);
  const [editing, setEditing] = useState(false);
  const { steps, current, timer } = state.agenda;
  const run = async (p: Promise<WorkshopState | undefined>) => {
    const s = await p;
    if (s) adopt(s);
  };
  const go = (index: number) => run(act(t, 'workshop.gotoStep', { index }));
  if (editing) return <AgendaEditor state={state} onDone={() => setEditing(false)} />;
  return (
    <section className="card ws-agenda" aria-labelledby="ws-agenda-title">
      <div className="pane-header">
        <h2 id="ws-agenda-title">{t('workshop.agenda.title')}</h2>
        <button type="button" onClick={() => setEditing(true)}>
          {t('workshop.agenda.edit')}
        </button>
      </div>
      <div className="ws-agenda-controls" role="group" aria-label={t('workshop.agenda.controls')}>
        <button type="button" onClick={() => void go(current - 1)} disabled={current < 0}>
          ← {t('workshop.agenda.previous')}
        </button>
        <button type="button" className="primary" onClick={() => void go(current + 1)} disabled={current >= steps.length - 1}>
          {current < 0 ? t('workshop.agenda.begin') : t('workshop.agenda.next')} →
        </button>
        {steps[current] && steps[current].minutes > 0 && (
          <>
            <Timer timer={timer} clockOffset={offset} className="ws-timer-inline" />
            {timer.state === 'running' ? (
              <button type="button" onClick={() => void run(act(t, 'workshop.timer', { action: 'pause' }))}>
                {t('workshop.timer.pause')}
              </button>
            ) : (
              <button type="button" onClick={() => void run(act(t, 'workshop.timer', { action: 'start' }))}>
                {timer.state === 'paused' ? t('workshop.timer.resume') : t('workshop.timer.start')}
              </button>
            )}
            <button type="button" onClick={() => void run(act(t, 'workshop.timer', { action: 'extend', minutes: 1 }))}>
              {t('workshop.timer.plusOne')}
            </button>
            <button type="button" onClick={() => void run(act(t, 'workshop.timer', { action: 'extend', minutes: -1 }))}>
              {t('workshop.timer.minusOne')}
            </button>
            <button type="button" onClick={() => void run(act(t, 'workshop.timer', { action: 'reset' }))}>
              {t('workshop.timer.reset')}
            </button>
          </>
        )}
      </div>
      <ol className="ws-steps">
        {steps.map((s, i) => (
          <li key={s.id} className={i === current ? 'is-current' : i < current ? 'is-done' : ''} aria-current={i === current ? 'step' : undefined} data-step={s.id}>
            <button type="button" className="link-button" onClick={() => void go(i)} aria-label={t('workshop.agenda.goTo', { title: s.title })}>
              {s.title}
            </button>
            <span className="muted small">
              {' '}
              · {t(`workshop.step.${s.kind}`)} · {t('workshop.agenda.minutes', { count: s.minutes })}
              {s.startedAt && ` · ${time(s.startedAt)}–${time(s.endedAt)}`}
            </span>
            {s.prompt && <p className="ws-step-prompt">{s.prompt}</p>}
          </li>
        ))}
      </ol>
      <SaveTemplate />
    </section>
  );
}

function SaveTemplate() {
  const { t } = useTranslation();
  const notify = useApp((s) => s.notify);
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = name;
    const r = await act(t, 'workshop.saveTemplate', { name: sent.trim() });
    if (r) {
      clearSent(setName, sent);
      notify({ kind: 'info', text: t('workshop.templates.saved', { name: name.trim() }) });
    }
  };
  return (
    <form className="ws-save-template" onSubmit={submit}>
      <label htmlFor="ws-template-name">{t('workshop.templates.saveAs')}</label>
      <input id="ws-template-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.title} required />
      <button type="submit" disabled={!name.trim()}>
        {t('workshop.templates.save')}
      </button>
    </form>
  );
}

let stepSeq = 0;
function newStepId(): string {
  stepSeq += 1;
  return `step-${Date.now().toString(36)}-${stepSeq}`;
}

/** The agenda as a small table: steps, kinds, prompts and time boxes; saved at once. */
function AgendaEditor({ state, onDone }: { state: WorkshopState; onDone(): void }) {
  const { t } = useTranslation();
  const adopt = useWorkshop((s) => s.adopt);
  const [steps, setSteps] = useState<AgendaStep[]>(() =>
    state.agenda.steps.map(({ id, kind, title, prompt, minutes, questions, organisations }) => ({ id, kind, title, minutes, ...(prompt ? { prompt } : {}), ...(questions ? { questions } : {}), ...(organisations ? { organisations } : {}) })),
  );
  const set = (i: number, patch: Partial<AgendaStep>) => setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, d: number) =>
    setSteps((s) => {
      const n = s.slice();
      const [x] = n.splice(i, 1);
      n.splice(i + d, 0, x);
      return n;
    });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = steps.map((s) => {
      const { prompt, ...rest } = s;
      return { ...rest, title: s.title.trim(), ...(prompt?.trim() ? { prompt: prompt.trim() } : {}) };
    });
    const r = await act(t, 'workshop.setAgenda', { steps: clean });
    if (r) {
      adopt(r);
      onDone();
    }
  };
  return (
    <section className="card ws-agenda" aria-labelledby="ws-agenda-edit">
      <h2 id="ws-agenda-edit">{t('workshop.agenda.editTitle')}</h2>
      <form onSubmit={submit}>
        <ol className="ws-agenda-edit">
          {steps.map((s, i) => (
            <li key={s.id}>
              <fieldset>
                <legend>{t('workshop.agenda.stepN', { n: i + 1 })}</legend>
                <div className="form-grid">
                  <label htmlFor={`st-title-${s.id}`}>{t('workshop.agenda.stepTitle')}</label>
                  <input id={`st-title-${s.id}`} value={s.title} onChange={(e) => set(i, { title: e.target.value })} maxLength={LIMITS.title} required />
                  <label htmlFor={`st-kind-${s.id}`}>{t('workshop.agenda.kind')}</label>
                  <select id={`st-kind-${s.id}`} value={s.kind} onChange={(e) => set(i, { kind: e.target.value as StepKind })}>
                    {STEP_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`workshop.step.${k}`)}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`st-min-${s.id}`}>{t('workshop.agenda.timebox')}</label>
                  <input id={`st-min-${s.id}`} type="number" min={0} max={LIMITS.minutes} value={s.minutes} onChange={(e) => set(i, { minutes: Math.max(0, Math.min(LIMITS.minutes, Number(e.target.value) || 0)) })} />
                  <label htmlFor={`st-prompt-${s.id}`}>{t('workshop.agenda.prompt')}</label>
                  <textarea id={`st-prompt-${s.id}`} rows={2} value={s.prompt ?? ''} onChange={(e) => set(i, { prompt: e.target.value })} maxLength={LIMITS.prompt} />
                </div>
                <div className="form-actions">
                  <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('workshop.agenda.moveUp', { title: s.title })}>
                    ↑
                  </button>
                  <button type="button" onClick={() => move(i, 1)} disabled={i === steps.length - 1} aria-label={t('workshop.agenda.moveDown', { title: s.title })}>
                    ↓
                  </button>
                  <button type="button" className="danger" onClick={() => setSteps((x) => x.filter((_, j) => j !== i))}>
                    {t('workshop.common.delete')}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button type="button" onClick={() => setSteps((s) => [...s, { id: newStepId(), kind: 'discuss', title: t('workshop.agenda.newStep'), minutes: 10 }])} disabled={steps.length >= LIMITS.steps}>
            {t('workshop.agenda.addStep')}
          </button>
          <span className="spacer" />
          <button type="submit" className="primary">
            {t('workshop.common.save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('workshop.common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Who is in the room: names (or "anonymous"), role, connection; remove or make an observer. */
function People({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<string | null>(null);
  const list = state.participants;
  return (
    <section className="card ws-people" aria-labelledby="ws-people-title">
      <h2 id="ws-people-title">
        {t('workshop.people.title')} <span className="badge">{t('workshop.people.count', { count: list.length, max: state.settings.maxParticipants })}</span>
      </h2>
      {list.length === 0 ? (
        <p className="muted">{t('workshop.people.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('workshop.people.name')}</th>
              <th scope="col">{t('workshop.people.role')}</th>
              <th scope="col">{t('workshop.people.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('workshop.people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => {
              const name = p.name ?? t('workshop.server.anonymous');
              return (
                <tr key={p.id} data-participant={p.id}>
                  <td>{name}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                      {t('workshop.people.roleOf', { name })}
                    </label>
                    <select id={`role-${p.id}`} value={p.role} onChange={(e) => void act(t, 'workshop.setRole', { participantId: p.id, role: e.target.value as 'participant' | 'observer' })}>
                      <option value="participant">{t('workshop.people.participant')}</option>
                      <option value="observer">{t('workshop.people.observer')}</option>
                    </select>
                  </td>
                  <td>{p.connected ? t('workshop.people.connected') : t('workshop.people.away')}</td>
                  <td>
                    {confirm === p.id ? (
                      <span className="form-actions">
                        <button
                          type="button"
                          className="danger"
                          onClick={() => {
                            setConfirm(null);
                            void act(t, 'workshop.removeParticipant', { participantId: p.id });
                          }}
                        >
                          {t('workshop.people.removeConfirm', { name })}
                        </button>
                        <button type="button" onClick={() => setConfirm(null)}>
                          {t('workshop.common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirm(p.id)} aria-label={t('workshop.people.removeName', { name })}>
                        {t('workshop.people.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The session at a glance for the facilitator's own screen: how to join, the agenda, the people. */
export function SessionPanel({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  return (
    <div className="ws-session-grid">
      <section className="card ws-join" aria-labelledby="ws-join-title">
        <h2 id="ws-join-title">{t('workshop.session.join')}</h2>
        <QrCode text={joinLink(state)} label={t('workshop.projector.qr')} size={160} />
        <p className="ws-join-url" data-testid="join-url">
          {state.joinUrl}
        </p>
        <p className="ws-join-code" data-testid="join-code">
          {spacedCode(state.code)}
        </p>
        <p className="muted small">
          {state.listening.length > 1 ? t('workshop.session.lan') : t('workshop.session.loopbackOnly')}
          {' · '}
          {t(state.settings.allowAnonymous ? 'workshop.session.anonymousOk' : 'workshop.session.anonymousNo')}
          {' · '}
          {t(state.settings.namesInRecord ? 'workshop.start.recordNames' : 'workshop.start.recordCounts')}
        </p>
      </section>
      <AgendaControl state={state} />
      <People state={state} />
    </div>
  );
}
