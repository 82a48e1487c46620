import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_COURSE_FILE_MAX, type CourseFileReceipt } from '../../../shared/api/participant';
import { pickText, type Language } from '../../../shared/model';
import { FileInput } from '../features/io/FileInput';
import { refusalText } from '../features/workshop/refusal';
import { useParticipant, type Problem } from './store';

const MB = Math.round(PARTICIPANT_COURSE_FILE_MAX / (1024 * 1024));

/**
 * "Send my course file": shown only while the trainer receives the course's files in this
 * session. The file goes as it is; the server checks it and says why when it does not count.
 */
export function CourseSend() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const collecting = useParticipant((s) => s.state?.collecting ?? null);
  const sentAt = useParticipant((s) => s.state?.courseFileSentAt ?? null);
  const send = useParticipant((s) => s.sendCourseFile);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ receipt: CourseFileReceipt } | { problem: Problem } | { tooLarge: true } | null>(null);
  if (!collecting) return null;
  const title = pickText(collecting.title, lang) || collecting.packId;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    // A file over the limit would be refused anyway: say so without sending megabytes for nothing.
    if (file.size > PARTICIPANT_COURSE_FILE_MAX) return setResult({ tooLarge: true });
    setBusy(true);
    setResult(null);
    setResult(await send(file));
    setBusy(false);
  };

  const problemText = (p: Problem): string => {
    if (p.offline) return t('workshop.p.offline');
    if (p.reason === 'tooLarge') return t('workshop.p.course.tooLarge', { mb: MB });
    if (p.reason === 'courseFile') return t(`workshop.p.course.error.${String(p.details.code)}`, { title, defaultValue: t('workshop.server.courseFile') });
    return refusalText(t, p.reason, p.details, p.message);
  };

  return (
    <section className="p-card p-course" aria-labelledby="p-course-title" data-testid="course-send">
      <h2 id="p-course-title">{t('workshop.p.course.title')}</h2>
      <p className="muted">{t('workshop.p.course.lead', { title })}</p>
      <form className="p-form" onSubmit={submit}>
        <label htmlFor="p-course-file">{t('workshop.p.course.file')}</label>
        <FileInput
          id="p-course-file"
          texts={{ choose: 'workshop.p.course.choose', none: 'workshop.p.course.noneChosen' }}
          onFiles={(files) => {
            setFile(files[0] ?? null);
            setResult(null);
          }}
        />
        <button type="submit" className="primary p-big" disabled={!file || busy}>
          {t('workshop.p.course.send')}
        </button>
      </form>
      {busy && (
        <p className="muted" role="status">
          {t('workshop.p.course.sending')}
        </p>
      )}
      {result && 'receipt' in result && (
        <p className="p-ok" role="status" data-testid="course-sent">
          {t('workshop.p.course.sent', { time: time(result.receipt.receivedAt), passed: result.receipt.passed, total: result.receipt.total })}
        </p>
      )}
      {result && !('receipt' in result) && (
        <p className="p-course-error" role="alert" data-code={'problem' in result ? String(result.problem.details.code ?? result.problem.reason ?? '') : 'tooLarge'}>
          {'problem' in result ? problemText(result.problem) : t('workshop.p.course.tooLarge', { mb: MB })}
        </p>
      )}
      {!result && !busy && sentAt && <p className="muted">{t('workshop.p.course.sentBefore', { time: time(sentAt) })}</p>}
    </section>
  );
}
