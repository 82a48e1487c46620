import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { CollectRow, WorkspaceDiff } from '../../../../shared/api/course';
import type { CourseManifest } from '../../../../shared/course/types';
import { navigate } from '../../app/route';
import { entityIndex, useApp } from '../../app/store';
import { courseCall, courseErrorText, packFile } from './courseApi';

/**
 * Shows entities on the open workspace's map, selected (the map's own highlight) and in view.
 * Only those the open workspace has can be shown; the caller says how many others there are.
 */
async function showOnMap(ids: string[]): Promise<void> {
  // Loaded here: the map's code stays out of the start screen's bundle (as the canvas screen is).
  const [{ getFlow }, { useCanvas, DEFAULT_FILTERS }] = await Promise.all([import('../canvas/actions'), import('../canvas/canvasStore')]);
  navigate({ view: 'canvas', mode: 'map' });
  // The map loads its view after the route changes: wait for it (a few seconds at most).
  for (let i = 0; i < 100; i++) {
    const s = useCanvas.getState();
    if (s.loadedView !== null && s.nodes.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const s = useCanvas.getState();
  s.set({ filters: { ...DEFAULT_FILTERS } });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const present = ids.filter((id) => useCanvas.getState().nodes.some((n) => n.id === id));
  useCanvas.getState().selectOnly(present);
  if (present.length) void getFlow()?.fitView({ nodes: present.map((id) => ({ id })), padding: 0.3, duration: 300 });
}

type Side = { kind: 'answer'; exercise: string } | { kind: 'file'; name: string };

function sideValue(s: Side): string {
  return s.kind === 'answer' ? `answer:${s.exercise}` : `file:${s.name}`;
}
function parseSide(v: string): Side {
  return v.startsWith('answer:') ? { kind: 'answer', exercise: v.slice(7) } : { kind: 'file', name: v.slice(5) };
}

/** Compare one participant's map with the model answer or with another participant's. */
/** A participant file to compare: its name (as its row has it) and its content, read only when compared. */
export interface CompareFile {
  name: string;
  read(): Promise<{ name: string; dataBase64: string }>;
}

export function Compare({ pack, manifest, files, rows }: { pack: File; manifest: CourseManifest; files: CompareFile[]; rows: CollectRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const last = manifest.exercises[manifest.exercises.length - 1].id;
  const [base, setBase] = useState<string>(sideValue({ kind: 'answer', exercise: last }));
  const [other, setOther] = useState<string>(files[0] ? sideValue({ kind: 'file', name: files[0].name }) : '');
  const [diff, setDiff] = useState<{ base: string; other: string; diff: WorkspaceDiff } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const nameOfFile = (name: string) => rows.find((r) => r.file === name)?.participant ?? name;
  const sideLabel = (v: string) => {
    const s = parseSide(v);
    if (s.kind === 'file') return nameOfFile(s.name);
    const i = manifest.exercises.findIndex((x) => x.id === s.exercise);
    return t('course.ui.compare.modelAnswerOf', { n: i + 1, title: pickText(manifest.exercises[i]?.title, lang) });
  };
  const toInput = async (v: string) => {
    const s = parseSide(v);
    if (s.kind === 'answer') return { modelAnswer: s.exercise };
    const f = files.find((x) => x.name === s.name);
    if (!f) throw new Error(s.name);
    return { file: await f.read() };
  };
  const run = async () => {
    if (!other || base === other) return;
    setBusy(true);
    setError('');
    try {
      const d = await courseCall('course.compare', { pack: await packFile(pack), base: await toInput(base), other: await toInput(other) });
      setDiff({ base, other, diff: d });
    } catch (e) {
      setError(courseErrorText(t, e as never, lang));
    } finally {
      setBusy(false);
    }
  };

  const byId = entityIndex(entities);
  const d = diff?.diff;
  const allIds = d ? [...d.entities.added, ...d.entities.removed, ...d.entities.changed].map((e) => e.id) : [];
  const onMap = allIds.filter((id) => byId.has(id));
  const entityName = (id: string) => {
    const fromDiff = d && [...d.entities.added, ...d.entities.removed, ...d.entities.changed].find((e) => e.id === id);
    return fromDiff ? fromDiff.name : pickText(byId.get(id)?.name, lang) || id;
  };
  const fileOptions = files.map((f) => (
    <option key={f.name} value={sideValue({ kind: 'file', name: f.name })}>
      {nameOfFile(f.name)}
    </option>
  ));

  return (
    <section className="course-compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('course.ui.compare.title')}</h2>
      <div className="course-compare-form">
        <label htmlFor="compare-other">{t('course.ui.compare.other')}</label>
        <select id="compare-other" value={other} onChange={(e) => setOther(e.target.value)}>
          {fileOptions}
        </select>
        <label htmlFor="compare-base">{t('course.ui.compare.base')}</label>
        <select id="compare-base" value={base} onChange={(e) => setBase(e.target.value)}>
          <optgroup label={t('course.ui.compare.modelAnswers')}>
            {manifest.exercises.map((x, i) => (
              <option key={x.id} value={sideValue({ kind: 'answer', exercise: x.id })}>
                {t('course.ui.compare.modelAnswerOf', { n: i + 1, title: pickText(x.title, lang) })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('course.ui.compare.participants')}>{fileOptions}</optgroup>
        </select>
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || !other || base === other}>
          {t('course.ui.compare.run')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {diff && d && (
        <div className="course-diff" aria-live="polite">
          <h3>{t('course.ui.compare.heading', { other: sideLabel(diff.other), base: sideLabel(diff.base) })}</h3>
          {allIds.length + d.links.added.length + d.links.removed.length === 0 ? (
            <p>{t('course.ui.compare.same')}</p>
          ) : (
            <div className="course-diff-grid">
              {(['added', 'removed', 'changed'] as const).map((k) => (
                <div key={k} className={`course-diff-col diff-${k}`}>
                  <h4>
                    <span aria-hidden="true">{k === 'added' ? '+ ' : k === 'removed' ? '− ' : '± '}</span>
                    {t(`course.ui.compare.entities.${k}`, { count: d.entities[k].length })}
                  </h4>
                  <ul>
                    {d.entities[k].map((e) => (
                      <li key={e.id}>
                        {e.name} <span className="muted">({t(`kind.${e.kind}.one`, { defaultValue: e.kind })})</span>
                        {'fields' in e && Array.isArray(e.fields) && e.fields.length > 0 && <span className="muted"> – {e.fields.map((f) => t(`field.${f}`, { defaultValue: f })).join(', ')}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {(['added', 'removed'] as const).map((k) => (
                <div key={`l-${k}`} className={`course-diff-col diff-${k}`}>
                  <h4>
                    <span aria-hidden="true">{k === 'added' ? '+ ' : '− '}</span>
                    {t(`course.ui.compare.links.${k}`, { count: d.links[k].length })}
                  </h4>
                  <ul>
                    {d.links[k].map((l) => (
                      <li key={l.id}>
                        {entityName(l.source)} → {entityName(l.target)} <span className="muted">({t(`link.${l.type}.name`, { defaultValue: l.type })})</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}
          {allIds.length > 0 && (
            <p className="course-diff-map">
              <button type="button" onClick={() => void showOnMap(onMap)} disabled={!onMap.length}>
                {t('course.ui.compare.showOnMap', { count: onMap.length })}
              </button>{' '}
              {onMap.length < allIds.length && <span className="muted">{t('course.ui.compare.notOnMap', { count: allIds.length - onMap.length })}</span>}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
