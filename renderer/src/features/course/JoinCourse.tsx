import './course.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { CourseManifest } from '../../../../shared/course/types';
import { COURSE_FILE_EXTENSION } from '../../../../shared/course/types';
import { navigate } from '../../app/route';
import { attempt, useApp } from '../../app/store';
import type { ShippedCourseInfo } from '../../../../shared/api/course';
import { courseCall, courseErrorText, packFile } from './courseApi';
import { FileInput } from '../io/FileInput';

/** A file picker that also takes files dropped on it (the window's own drop opens imports). */
export function FileDrop({ id, label, hint, multiple, accept, onFiles, disabled }: { id: string; label: string; hint: string; multiple?: boolean; accept?: string; onFiles(files: File[]): void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const hintId = `${id}-hint`;
  return (
    <div
      className={`course-drop${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        if (!Array.from(e.dataTransfer.types).includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length && !disabled) onFiles(multiple ? files : files.slice(0, 1));
      }}
    >
      <label htmlFor={id}>{label}</label>
      <FileInput id={id} multiple={multiple} accept={accept} disabled={disabled} describedBy={hintId} onFiles={onFiles} />
      <span id={hintId} className="muted">
        {hint}
      </span>
    </div>
  );
}

/**
 * Participant mode's door on the start screen: open a pack (a file from the trainer, or one of the
 * packs shipped with the app), say one's name, and the app makes one's own copy and opens it at the
 * first exercise beside the map.
 */
export function JoinCourse() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const uid = useId();
  const refresh = useApp((s) => s.refresh);
  const [pack, setPack] = useState<{ source: { file: File } | { shipped: string }; manifest: CourseManifest } | null>(null);
  const [shipped, setShipped] = useState<ShippedCourseInfo[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    // Without the list the card still opens files: a failure here is not worth a message.
    courseCall('course.shipped', {}).then((list) => live && setShipped(list), () => undefined);
    return () => {
      live = false;
    };
  }, []);

  const inspect = async (source: { file: File } | { shipped: string }) => {
    setError('');
    setPack(null);
    setBusy(true);
    try {
      const r = await courseCall('course.inspect', { pack: 'file' in source ? await packFile(source.file) : source });
      setPack({ source, manifest: r.manifest });
      requestAnimationFrame(() => document.getElementById(`${uid}-name`)?.focus());
    } catch (e) {
      setError(courseErrorText(t, e as never, lang));
    } finally {
      setBusy(false);
    }
  };
  const join = async () => {
    if (!pack || !name.trim() || busy) return;
    setBusy(true);
    const data = 'file' in pack.source ? await packFile(pack.source.file) : pack.source;
    const r = await attempt(() => courseCall('course.join', { pack: data, participant: name.trim() }), (e) => courseErrorText(t, e, lang));
    setBusy(false);
    if (!r) return;
    await refresh();
    // The copy opens on the map, with its exercise panel beside it.
    navigate({ view: 'canvas', mode: 'map' });
  };

  const m = pack?.manifest;
  const chosenShipped = pack && 'shipped' in pack.source ? pack.source.shipped : undefined;
  return (
    <section className="card course-join" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('course.ui.join.title')}</h2>
      <p className="muted">{t('course.ui.join.lead')}</p>
      <FileDrop id={`${uid}-file`} label={t('course.ui.join.choose')} hint={t('course.ui.join.dropHint')} accept={`${COURSE_FILE_EXTENSION},.zip`} onFiles={(f) => void inspect({ file: f[0] })} disabled={busy} />
      {shipped.length > 0 && (
        <section className="course-shipped" aria-labelledby={`${uid}-shipped`}>
          <h3 id={`${uid}-shipped`}>{t('course.ui.join.shippedTitle')}</h3>
          <p className="muted">{t('course.ui.join.shippedLead')}</p>
          <ul className="course-shipped-list">
            {shipped.map((c) => {
              const title = pickText(c.title, lang) || c.id;
              return (
                <li key={c.id} data-course={c.id} className={chosenShipped === c.id ? 'is-chosen' : undefined}>
                  <div className="course-shipped-text">
                    <span className="course-shipped-title">{title}</span>
                    {pickText(c.description, lang) && <span className="course-shipped-description">{pickText(c.description, lang)}</span>}
                    <span className="muted">{t('course.ui.join.exercises', { count: c.exercises })}</span>
                  </div>
                  <button type="button" onClick={() => void inspect({ shipped: c.id })} disabled={busy} aria-label={t('course.ui.join.shippedStartLabel', { title })} aria-pressed={chosenShipped === c.id}>
                    {t('course.ui.join.shippedStart')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {m && (
        <form
          className="course-join-form"
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          <h3>{pickText(m.title, lang)}</h3>
          {pickText(m.description, lang) && <p>{pickText(m.description, lang)}</p>}
          {m.learningGoals.length > 0 && (
            <>
              <h4>{t('course.ui.join.goals')}</h4>
              <ul>
                {m.learningGoals.map((g, i) => (
                  <li key={i}>{pickText(g, lang)}</li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">{t('course.ui.join.exercises', { count: m.exercises.length })}</p>
          <label htmlFor={`${uid}-name`}>{t('course.ui.join.name')}</label>
          <input id={`${uid}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-describedby={`${uid}-name-hint`} autoComplete="name" />
          <span id={`${uid}-name-hint`} className="muted">
            {t('course.ui.join.nameHint')}
          </span>
          <button type="submit" className="primary" disabled={!name.trim() || busy}>
            {t('course.ui.join.start')}
          </button>
        </form>
      )}
    </section>
  );
}
