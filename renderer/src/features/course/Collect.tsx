import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { CollectRow, InboxState } from '../../../../shared/api/course';
import type { WorkshopEvent } from '../../../../shared/workshop/types';
import { api } from '../../api';
import { useWorkshop } from '../workshop/workshopStore';
import type { CourseManifest } from '../../../../shared/course/types';
import { attempt } from '../../app/store';
import { downloadBase64 } from '../io/files';
import { codeText, courseCall, courseErrorText, packFile } from './courseApi';
import { Compare, type CompareFile } from './Compare';
import { FileDrop } from './JoinCourse';

type SortKey = 'participant' | 'file' | 'total' | 'time' | 'coverage' | `ex:${string}`;

function minutes(seconds: number, lang: string): string {
  return (seconds / 60).toLocaleString(lang, { maximumFractionDigits: 0 });
}

/** A row's key in the table: a dropped file by its name, a session's file by who sent it. */
const rowKey = (r: CollectRow) => (r.source ? `session:${r.source.participantId}` : `file:${r.file}`);

/**
 * Files received live through the running workshop session: what the backend holds (rows as
 * each file arrived and was checked), kept current by the session's events.
 */
function useInbox(): [InboxState | null, (s: InboxState) => void] {
  const [inbox, setInbox] = useState<InboxState | null>(null);
  useEffect(() => {
    let live = true;
    // A failed read says why (the notice bar); the table then keeps the rows it has.
    const read = () =>
      void attempt(() => courseCall('course.sessionInbox', {})).then((s) => {
        if (live && s) setInbox(s);
      });
    read();
    if (!useWorkshop.getState().loaded) void attempt(() => useWorkshop.getState().load());
    const off = api.on('workshop.event', (payload) => {
      const ev = payload as WorkshopEvent;
      if (ev.type === 'course.received') {
        // A resend replaces the sender's row where it stands; a first file adds one.
        const row = ev.data;
        setInbox((cur) => (cur ? { ...cur, rows: [...cur.rows.filter((r) => r.source?.participantId !== row.source?.participantId), row] } : cur));
      } else if (ev.type === 'course.collecting' || ev.type === 'session.ended') {
        read();
      }
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return [inbox, setInbox];
}

/** Receiving participants' files through the running workshop session, for the chosen pack. */
function SessionReceive({ pack, inbox, onChange, received }: { pack: { file: File; manifest: CourseManifest }; inbox: InboxState | null; onChange: (s: InboxState) => void; received: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const session = useWorkshop((s) => s.state);
  const [busy, setBusy] = useState(false);
  const mine = !!inbox?.pack && inbox.pack.id === pack.manifest.id && inbox.pack.revision === pack.manifest.revision;
  const act = async (fn: () => Promise<InboxState>) => {
    setBusy(true);
    const out = await attempt(fn, (e) => courseErrorText(t, e, lang));
    if (out) onChange(out);
    setBusy(false);
  };
  const start = () => act(async () => courseCall('course.sessionCollect', { pack: await packFile(pack.file) }));
  const stop = (clear: boolean) => act(() => courseCall('course.sessionStop', { clear }));
  const receiving = mine && !!inbox?.receiving;
  if (!session && !(mine && received)) {
    return (
      <section className="course-session" aria-labelledby="collect-session-title">
        <h2 id="collect-session-title">{t('course.ui.collect.session.title')}</h2>
        <p className="muted">{t('course.ui.collect.session.noSession')}</p>
      </section>
    );
  }
  return (
    <section className="course-session" aria-labelledby="collect-session-title" data-receiving={receiving ? 'yes' : 'no'}>
      <h2 id="collect-session-title">{t('course.ui.collect.session.title')}</h2>
      {receiving ? (
        <p role="status">{t('course.ui.collect.session.receiving', { title: session?.title ?? '', count: received })}</p>
      ) : mine && received > 0 ? (
        <p role="status">{t('course.ui.collect.session.stopped', { count: received })}</p>
      ) : inbox?.pack && !mine ? (
        <p className="muted">{t('course.ui.collect.session.otherPack', { id: inbox.pack.id })}</p>
      ) : null}
      <div className="course-session-actions">
        {session && !receiving && (
          <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
            {t('course.ui.collect.session.start')}
          </button>
        )}
        {receiving && (
          <button type="button" disabled={busy} onClick={() => void stop(false)}>
            {t('course.ui.collect.session.stop')}
          </button>
        )}
        {mine && received > 0 && (
          <button type="button" disabled={busy} onClick={() => void stop(true)}>
            {t('course.ui.collect.session.clear')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The trainer's results: a pack, many participants' files, one row each (or why it could not be counted). */
export function Collect() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [pack, setPack] = useState<{ file: File; manifest: CourseManifest } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<CollectRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'participant', dir: 1 });
  const [inbox, setInbox] = useInbox();
  // Files from the session count only against the pack they were received for.
  const sessionRows = useMemo(
    () => (pack && inbox?.pack && inbox.pack.id === pack.manifest.id && inbox.pack.revision === pack.manifest.revision ? inbox.rows : []),
    [pack, inbox],
  );
  const dropped = files.length ? rows : null;
  const allRows = useMemo(() => (dropped || sessionRows.length ? [...(dropped ?? []), ...sessionRows] : null), [dropped, sessionRows]);
  const sourceText = (r: CollectRow) => (r.source ? t('course.ui.collect.session.source', { name: r.source.name ?? t('course.ui.collect.session.anonymous') }) : r.file);

  const choosePack = async (file: File) => {
    setError('');
    setRows(null);
    try {
      const r = await courseCall('course.inspect', { pack: await packFile(file) });
      setPack({ file, manifest: r.manifest });
    } catch (e) {
      setPack(null);
      setError(courseErrorText(t, e as never, lang));
    }
  };
  const collect = async (packF: File, list: File[], current: () => boolean) => {
    setBusy(true);
    setError('');
    try {
      const [p, fs] = await Promise.all([packFile(packF), Promise.all(list.map(packFile))]);
      const r = await courseCall('course.collect', { pack: p, files: fs });
      if (current()) setRows(r);
    } catch (e) {
      if (current()) setError(courseErrorText(t, e as never, lang));
    } finally {
      if (current()) setBusy(false);
    }
  };
  const addFiles = (more: File[]) => {
    // A file dropped again replaces the one of the same name: the newest copy counts.
    const names = new Set(more.map((f) => f.name));
    const list = [...files.filter((f) => !names.has(f.name)), ...more];
    setFiles(list);
  };
  // Whichever is chosen first, the pack or the files, the table follows both (the latest choice wins).
  const run = useRef(0);
  useEffect(() => {
    if (!pack || !files.length) return;
    const mine = ++run.current;
    void collect(pack.file, files, () => mine === run.current);
  }, [pack, files]);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (!allRows) return;
    const out = await attempt(() => courseCall('course.exportResults', { rows: allRows, format, title: pack?.manifest.title, language: lang, exercises: pack?.manifest.exercises.map((x) => ({ id: x.id, title: x.title })) }), (e) => courseErrorText(t, e, lang));
    if (out) downloadBase64(out.name, out.mime, out.dataBase64);
  };

  const exercises = pack?.manifest.exercises ?? [];
  const sorted = useMemo(() => {
    if (!allRows) return [];
    const value = (r: CollectRow): string | number => {
      const k = sort.key;
      if (k === 'participant') return (r.participant ?? '').toLocaleLowerCase(lang);
      if (k === 'file') return sourceText(r).toLocaleLowerCase(lang);
      if (k === 'total') return r.exercises.reduce((s, x) => s + x.passed, 0);
      if (k === 'time') return r.exercises.reduce((s, x) => s + x.secondsSpent, 0);
      if (k === 'coverage') return Math.max(-1, ...r.exercises.map((x) => x.coverage ?? -1));
      const ex = r.exercises.find((x) => x.exerciseId === k.slice(3));
      return ex ? ex.passed : -1;
    };
    // Rows that could not be counted stay below the counted ones, whichever way the table is sorted.
    return [...allRows].sort((a, b) => {
      if (!!a.error !== !!b.error) return a.error ? 1 : -1;
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), lang);
      return c * sort.dir || rowKey(a).localeCompare(rowKey(b), lang);
    });
  }, [allRows, sort, lang]);

  const Th = ({ k, children }: { k: SortKey; children: string }) => (
    <th scope="col" aria-sort={sort.key === k ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="course-sort" onClick={() => setSort((s) => ({ key: k, dir: s.key === k ? (s.dir === 1 ? -1 : 1) : k === 'participant' || k === 'file' ? 1 : -1 }))}>
        {children}
        <span aria-hidden="true">{sort.key === k ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  const counted = (allRows ?? []).filter((r) => !r.error);
  const compareFiles: CompareFile[] = [
    ...files.filter((f) => counted.some((r) => !r.source && r.file === f.name)).map((f) => ({ name: f.name, read: () => packFile(f) })),
    ...counted
      .filter((r) => r.source)
      .map((r) => ({ name: r.file, read: () => courseCall('course.sessionFile', { participantId: r.source!.participantId }).then((o) => ({ name: o.name, dataBase64: o.dataBase64 })) })),
  ];
  return (
    <div className="course-collect">
      <div className="course-collect-inputs">
        <FileDrop id="collect-pack" label={t('course.ui.collect.pack')} hint={pack ? pickText(pack.manifest.title, lang) : t('course.ui.collect.packHint')} accept=".kohtaanto-course,.zip" onFiles={(f) => void choosePack(f[0])} />
        <FileDrop
          id="collect-files"
          label={t('course.ui.collect.files')}
          hint={files.length ? t('course.ui.collect.filesChosen', { count: files.length }) : t('course.ui.collect.filesHint')}
          multiple
          onFiles={addFiles}
        />
        {files.length > 0 && (
          <button type="button" onClick={() => (setFiles([]), setRows(null))}>
            {t('course.ui.collect.clear')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <p className="muted" role="status">
          {t('course.ui.collect.busy')}
        </p>
      )}
      {!pack && files.length > 0 && <p className="muted">{t('course.ui.collect.needPack')}</p>}
      {pack && <SessionReceive pack={pack} inbox={inbox} onChange={setInbox} received={sessionRows.length} />}
      {allRows && (
        <>
          <div className="course-table-head">
            <h2 id="collect-table-title">{t('course.ui.collect.tableTitle', { counted: counted.length, total: allRows.length })}</h2>
            <button type="button" onClick={() => void exportAs('csv')}>
              {t('course.ui.collect.exportCsv')}
            </button>
            <button type="button" onClick={() => void exportAs('xlsx')}>
              {t('course.ui.collect.exportXlsx')}
            </button>
          </div>
          <div className="course-table-wrap">
            <table className="course-results-table" aria-labelledby="collect-table-title">
              <thead>
                <tr>
                  <Th k="participant">{t('course.ui.collect.participant')}</Th>
                  <Th k="file">{t('course.ui.collect.file')}</Th>
                  {exercises.map((x, i) => (
                    <Th key={x.id} k={`ex:${x.id}`}>{`${i + 1}. ${pickText(x.title, lang)}`}</Th>
                  ))}
                  <Th k="total">{t('course.ui.collect.passedTotal')}</Th>
                  <Th k="time">{t('course.ui.collect.time')}</Th>
                  <Th k="coverage">{t('course.ui.collect.coverage')}</Th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => {
                  if (r.error)
                    return (
                      <tr key={rowKey(r)} className="course-row-error" data-file={r.file} data-source={r.source ? 'session' : 'file'}>
                        <td>{r.participant ?? '–'}</td>
                        <td>{sourceText(r)}</td>
                        <td colSpan={exercises.length + 3}>
                          <span aria-hidden="true">! </span>
                          {codeText(t, r.error.code, r.error.params, lang) || t('course.ui.collect.unknownError', { code: r.error.code })}
                        </td>
                      </tr>
                    );
                  const passed = r.exercises.reduce((s, x) => s + x.passed, 0);
                  const total = r.exercises.reduce((s, x) => s + x.total, 0);
                  const seconds = r.exercises.reduce((s, x) => s + x.secondsSpent, 0);
                  const coverages = r.exercises.map((x) => x.coverage).filter((c): c is number => typeof c === 'number');
                  return (
                    <tr key={rowKey(r)} data-file={r.file} data-source={r.source ? 'session' : 'file'}>
                      <th scope="row">{r.participant}</th>
                      <td>{sourceText(r)}</td>
                      {exercises.map((x) => {
                        const ex = r.exercises.find((e) => e.exerciseId === x.id);
                        const all = ex && ex.total > 0 && ex.passed === ex.total;
                        return (
                          <td key={x.id} className={all ? 'cell-done' : undefined} data-exercise={x.id}>
                            {ex ? (
                              <>
                                <span aria-hidden="true">{all ? '✓ ' : ''}</span>
                                {t('course.ui.collect.cell', { passed: ex.passed, total: ex.total, minutes: minutes(ex.secondsSpent, lang) })}
                              </>
                            ) : (
                              '–'
                            )}
                          </td>
                        );
                      })}
                      <td>{`${passed}/${total}`}</td>
                      <td>{t('course.ui.collect.minutes', { n: minutes(seconds, lang) })}</td>
                      <td>{coverages.length ? Math.max(...coverages).toLocaleString(lang, { maximumFractionDigits: 2 }) : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pack && counted.length > 0 && <Compare pack={pack.file} manifest={pack.manifest} files={compareFiles} rows={counted} />}
        </>
      )}
    </div>
  );
}
