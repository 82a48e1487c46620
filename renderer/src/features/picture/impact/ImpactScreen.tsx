import '@xyflow/react/dist/style.css';
import '../../canvas/canvas.css';
import './impact.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/model';
import { IMPACT_STAGES } from '../../../../../shared/picture';
import { createBox, useImpactUi, type ImpactMode } from './actions';
import { BoxEditor, LinkEditor } from './Editors';
import { ImpactCanvas } from './ImpactCanvas';
import { ImpactOutline } from './ImpactOutline';
import { impactModel, type ImpactModel } from './model';
import { usePicture } from '../usePicture';

/**
 * The impact chain (vaikutuslogiikka): a diagram of stage columns, basis to impacts, and its
 * outline twin; boxes and links are edited in either, one undoable step per edit.
 */
export default function ImpactScreen() {
  const { t } = useTranslation();
  const { items } = usePicture();
  const model = useMemo(() => (items ? impactModel(items) : null), [items]);
  const mode = useImpactUi((s) => s.mode);
  const editing = useImpactUi((s) => s.editing);
  const set = useImpactUi((s) => s.set);

  // An edit target that an undo (or another client) removed closes its editor.
  useEffect(() => {
    if (!model || !editing) return;
    const gone = editing.kind === 'box' ? !model.boxes.some((b) => b.id === editing.id) : !model.links.some((l) => l.id === editing.id);
    if (gone) set({ editing: null });
  }, [model, editing, set]);
  // Leaving the view leaves nothing half-open for the next visit.
  useEffect(() => () => useImpactUi.getState().set({ editing: null, adding: null, pendingDelete: null }), []);

  if (!model) return <p role="status">{t('app.loading')}</p>;
  const empty = model.boxes.length === 0;
  return (
    <div className={`impact-logic mode-${mode}`}>
      {/* Nothing to show two ways yet: the empty state explains the chain instead. */}
      {!empty && (
        <div className="impact-toolbar">
          <div className="canvas-tabs" role="group" aria-label={t('picture.impact.views')}>
            {(['canvas', 'outline'] as ImpactMode[]).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => set({ mode: m, adding: null })}>
                {t(`picture.impact.mode.${m}`)}
              </button>
            ))}
          </div>
          {mode === 'canvas' && (
            <button type="button" className="primary" onClick={() => set({ adding: { stage: nextStage(model), left: 12, top: 12 }, editing: null })}>
              + {t('picture.impact.add.button')}
            </button>
          )}
          <p className="muted impact-lead">{t('picture.impact.lead')}</p>
        </div>
      )}
      {empty ? (
        <EmptyState />
      ) : mode === 'outline' ? (
        <div className="impact-outline-scroll">
          <ImpactOutline model={model} />
        </div>
      ) : (
        <div className={`impact-body${editing ? ' with-panel' : ''}`}>
          <ReactFlowProvider>
            <div className="impact-stage-area">
              <ImpactCanvas model={model} />
            </div>
          </ReactFlowProvider>
          {editing && <EditorPanel model={model} />}
        </div>
      )}
    </div>
  );
}

/** Where the chain goes on: the stage after the last one that has boxes. */
function nextStage(model: ImpactModel) {
  const last = Math.max(-1, ...model.boxes.map((b) => IMPACT_STAGES.indexOf(b.stage)));
  return IMPACT_STAGES[Math.min(IMPACT_STAGES.length - 1, last + 1)];
}

function EditorPanel({ model }: { model: ImpactModel }) {
  const editing = useImpactUi((s) => s.editing);
  const set = useImpactUi((s) => s.set);
  const close = () => {
    const id = editing?.kind === 'box' ? editing.id : undefined;
    set({ editing: null });
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`.impact-flow .react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus());
  };
  // The editor takes the cursor as it opens, so that editing flows on from the keyboard.
  useEffect(() => {
    if (editing) requestAnimationFrame(() => document.querySelector<HTMLElement>('.impact-panel input, .impact-panel textarea')?.focus());
  }, [editing?.id]);
  if (!editing) return null;
  const box = editing.kind === 'box' ? model.boxes.find((b) => b.id === editing.id) : undefined;
  const link = editing.kind === 'link' ? model.links.find((l) => l.id === editing.id) : undefined;
  return (
    <aside
      className="panel impact-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
    >
      {box && <BoxEditor key={`${box.id}:${JSON.stringify([box.name, box.description, box.stage, box.goal])}`} box={box} model={model} onClose={close} />}
      {link && <LinkEditor key={`${link.id}:${JSON.stringify([link.assumption, link.assumptionStatus])}`} link={link} model={model} onClose={close} />}
    </aside>
  );
}

/** No boxes yet: what the seven stages mean, and the first box typed right here. */
function EmptyState() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [name, setName] = useState('');
  return (
    <section className="impact-empty page" aria-labelledby="impact-empty-title">
      <h2 id="impact-empty-title">{t('picture.impact.empty.title')}</h2>
      <p>{t('picture.impact.empty.lead')}</p>
      <ol className="impact-chain">
        {IMPACT_STAGES.map((s) => (
          <li key={s}>
            <strong>{t(`picture.stage.${s}`)}</strong>
            <span>{t(`picture.impact.stageHelp.${s}`)}</span>
          </li>
        ))}
      </ol>
      <form
        className="outline-add impact-first"
        onSubmit={(e) => {
          e.preventDefault();
          const n = name.trim();
          if (n) void createBox(t, lang, 'basis', n);
        }}
      >
        <label htmlFor="impact-first-name">{t('picture.impact.empty.first')}</label>
        <input id="impact-first-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('picture.impact.empty.start')}
        </button>
      </form>
    </section>
  );
}
