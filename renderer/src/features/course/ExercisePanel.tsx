import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { CheckResult, CourseManifest, CourseProgress, Exercise } from '../../../../shared/course/types';
import { attempt, useApp } from '../../app/store';
import { courseCall, courseErrorText } from './courseApi';
import { useCourse } from './courseStore';
import { explainText, STATUS_ICON } from './explain';

type ExerciseState = 'done' | 'started' | 'new';

function stateOf(progress: CourseProgress | null, id: string): ExerciseState {
  const p = progress?.exercises[id];
  if (p?.lastCheck && p.lastCheck.total > 0 && p.lastCheck.passed === p.lastCheck.total) return 'done';
  if (p?.startedAt || p?.lastCheck) return 'started';
  return 'new';
}

const STATE_ICON: Record<ExerciseState, string> = { done: '✓', started: '◐', new: '○' };

/** One check's row: status as icon and word, what it asks, its explained result and (failed) its hint. */
function CheckRow({ title, result, lang }: { title: string; result: CheckResult; lang: Language }) {
  const { t } = useTranslation();
  const hint = result.status !== 'passed' ? pickText(result.hint, lang) : '';
  return (
    <li className={`course-check status-${result.status}`} data-check={result.checkId}>
      <span className="course-check-status">
        <span aria-hidden="true">{STATUS_ICON[result.status]}</span> {t(`course.status.${result.status}`)}
      </span>
      <span className="course-check-title">{title}</span>
      <span className="course-check-explain">{explainText(t, lang, result.explanation)}</span>
      {hint && (
        <span className="course-check-hint">
          <strong>{t('course.ui.hint')}:</strong> {hint}
        </span>
      )}
    </li>
  );
}

/** A free-answer check's field; the text is kept in the copy when the field is left or saved. */
function FreeAnswer({ exercise, checkId, prompt, saved, disabled }: { exercise: string; checkId: string; prompt: string; saved: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  useEffect(() => setText(saved), [saved]);
  const id = `course-answer-${exercise}-${checkId}`;
  const save = async () => {
    if (text === saved || disabled) return;
    setState('saving');
    const progress = await attempt(() => courseCall('course.saveAnswer', { exercise, check: checkId, text }), (e) => courseErrorText(t, e));
    if (progress) {
      useCourse.getState().set({ progress });
      setState('saved');
    } else setState('idle');
  };
  return (
    <div className="course-answer">
      <label htmlFor={id}>{prompt}</label>
      <textarea id={id} rows={3} value={text} disabled={disabled} maxLength={10_000} onChange={(e) => setText(e.target.value)} onBlur={() => void save()} />
      <div className="course-answer-foot">
        <button type="button" onClick={() => void save()} disabled={disabled || text === saved}>
          {t('course.ui.saveAnswer')}
        </button>
        <span className="muted" role="status">
          {state === 'saving' ? t('course.ui.saving') : state === 'saved' && text === saved ? t('course.ui.answerSaved') : ''}
        </span>
      </div>
      <p className="muted course-review-note">{t('course.ui.reviewedByTrainer')}</p>
    </div>
  );
}

function ResetDialog({ title, onConfirm, onCancel }: { title: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div
      className="course-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="course-reset-title"
      aria-describedby="course-reset-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id="course-reset-title">{t('course.ui.resetTitle')}</h3>
      <p id="course-reset-text">{t('course.ui.resetText', { title })}</p>
      <div className="button-row">
        <button type="button" className="danger" autoFocus onClick={onConfirm}>
          {t('course.ui.resetConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The exercise panel beside the map. With `preview`, a trainer sees a draft the way a participant
 * would (nothing is checked or saved); otherwise it works on the open participant's copy.
 */
export function ExercisePanel({ preview }: { preview?: { manifest: CourseManifest; onClose(): void } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const store = useCourse();
  const notify = useApp((s) => s.notify);
  const manifest = preview?.manifest ?? store.manifest;
  const progress = preview ? null : store.progress;
  const [previewAt, setPreviewAt] = useState(preview?.manifest.exercises[0]?.id ?? '');
  const checking = store.checking;
  const [confirmReset, setConfirmReset] = useState(false);
  const resultsRef = useRef<HTMLDivElement>(null);
  if (!manifest) return null;
  const currentId = preview ? previewAt : (progress?.currentExercise ?? manifest.exercises[0].id);
  const index = Math.max(0, manifest.exercises.findIndex((x) => x.id === currentId));
  const exercise: Exercise = manifest.exercises[index];
  const shownHints = store.hintsShown[exercise.id] ?? 0;
  const last = preview ? undefined : store.results[exercise.id];
  const titleOf = (x: Exercise) => pickText(x.title, lang) || x.id;
  const doneCount = manifest.exercises.filter((x) => stateOf(progress, x.id) === 'done').length;

  const goTo = async (id: string) => {
    if (preview) return setPreviewAt(id);
    const p = await attempt(() => courseCall('course.goTo', { exercise: id }), (e) => courseErrorText(t, e, lang));
    if (p) useCourse.getState().set({ progress: p });
  };
  const check = async () => {
    if (preview) return;
    await store.check((e) => courseErrorText(t, e, lang));
    requestAnimationFrame(() => resultsRef.current?.focus());
  };
  const reset = async () => {
    setConfirmReset(false);
    const p = await attempt(() => courseCall('course.resetExercise', { exercise: exercise.id }), (e) => courseErrorText(t, e, lang));
    if (!p) return;
    const s = useCourse.getState();
    const results = { ...s.results };
    delete results[exercise.id];
    s.set({ progress: p, results });
    notify({ kind: 'info', text: t('course.ui.resetDone', { title: titleOf(exercise) }) });
  };
  const showHint = () => {
    const s = useCourse.getState();
    s.set({ hintsShown: { ...s.hintsShown, [exercise.id]: Math.min(exercise.hints.length, shownHints + 1) } });
  };
  const checkTitle = (id: string) => {
    const c = exercise.checks.find((x) => x.id === id);
    return c ? pickText(c.title, lang) : id;
  };

  return (
    <aside className="course-panel" aria-labelledby="course-panel-title" data-testid="course-panel">
      <header className="course-panel-head">
        <p className="course-pack-title">{pickText(manifest.title, lang)}</p>
        {preview && (
          <p className="badge course-preview-badge">
            {t('course.ui.previewBadge')}{' '}
            <button type="button" className="link-button" onClick={preview.onClose}>
              {t('course.ui.previewClose')}
            </button>
          </p>
        )}
        {!preview && <p className="muted course-progress-line">{t('course.ui.progress', { done: doneCount, total: manifest.exercises.length })}</p>}
      </header>
      <nav aria-label={t('course.ui.exercises')}>
        <ol className="course-exercise-list">
          {manifest.exercises.map((x, i) => {
            const state = stateOf(progress, x.id);
            return (
              <li key={x.id}>
                <button type="button" className="course-exercise-link" aria-current={x.id === exercise.id ? 'step' : undefined} onClick={() => void goTo(x.id)}>
                  <span className={`course-state state-${state}`} aria-hidden="true">
                    {STATE_ICON[state]}
                  </span>
                  <span className="course-exercise-name">
                    {i + 1}. {titleOf(x)}
                  </span>
                  {!preview && <span className="visually-hidden">({t(`course.ui.state.${state}`)})</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="course-exercise" aria-labelledby="course-panel-title">
        <h2 id="course-panel-title">
          {t('course.ui.exerciseN', { n: index + 1, total: manifest.exercises.length })}: {titleOf(exercise)}
        </h2>
        <div className="course-instructions">{pickText(exercise.instructions, lang)}</div>

        {exercise.hints.length > 0 && (
          <div className="course-hints">
            {shownHints > 0 && (
              <ol className="course-hint-list" aria-label={t('course.ui.hints')}>
                {exercise.hints.slice(0, shownHints).map((h, i) => (
                  <li key={i}>{pickText(h, lang)}</li>
                ))}
              </ol>
            )}
            {shownHints < exercise.hints.length && (
              <button type="button" onClick={showHint}>
                {shownHints === 0 ? t('course.ui.showHint') : t('course.ui.showNextHint', { n: shownHints + 1, total: exercise.hints.length })}
              </button>
            )}
          </div>
        )}

        {exercise.checks
          .filter((c) => c.rule.type === 'freeAnswer')
          .map((c) => (
            <FreeAnswer
              key={c.id}
              exercise={exercise.id}
              checkId={c.id}
              prompt={c.rule.type === 'freeAnswer' ? pickText(c.rule.prompt, lang) : ''}
              saved={progress?.exercises[exercise.id]?.freeAnswers[c.id] ?? ''}
              disabled={!!preview}
            />
          ))}

        <div className="course-actions">
          <button type="button" className="primary" onClick={() => void check()} disabled={!!preview || checking} aria-describedby={preview ? 'course-preview-note' : undefined}>
            {checking ? t('course.ui.checking') : t('course.ui.check')}
          </button>
          <button type="button" onClick={() => setConfirmReset(true)} disabled={!!preview}>
            {t('course.ui.reset')}
          </button>
        </div>
        {preview && (
          <p id="course-preview-note" className="muted">
            {t('course.ui.previewNote')}
          </p>
        )}
        {confirmReset && <ResetDialog title={titleOf(exercise)} onConfirm={() => void reset()} onCancel={() => setConfirmReset(false)} />}

        <div className="course-results" ref={resultsRef} tabIndex={-1} aria-live="polite" aria-labelledby={last ? 'course-results-title' : undefined}>
          {last && (
            <>
              <h3 id="course-results-title">
                {t('course.ui.resultSummary', { passed: last.result.passed, total: last.result.total })}{' '}
                <span className="muted course-check-time">{t('course.ui.checkedIn', { ms: last.ms })}</span>
              </h3>
              <ul className="course-check-list">
                {last.result.results.map((r) => (
                  <CheckRow key={r.checkId} title={checkTitle(r.checkId)} result={r} lang={lang} />
                ))}
              </ul>
            </>
          )}
          {preview && (
            <>
              <h3>{t('course.ui.checksTitle')}</h3>
              <ul className="course-check-list">
                {exercise.checks.map((c) => (
                  <li key={c.id} className="course-check">
                    <span className="course-check-title">{pickText(c.title, lang)}</span>
                    {pickText(c.hint, lang) && (
                      <span className="course-check-hint">
                        <strong>{t('course.ui.hint')}:</strong> {pickText(c.hint, lang)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>

      <footer className="course-step-nav">
        <button type="button" onClick={() => void goTo(manifest.exercises[index - 1].id)} disabled={index === 0}>
          ← {t('course.ui.previous')}
        </button>
        <button type="button" onClick={() => void goTo(manifest.exercises[index + 1].id)} disabled={index >= manifest.exercises.length - 1}>
          {t('course.ui.next')} →
        </button>
      </footer>
    </aside>
  );
}
