import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../../shared/model';
import { IMPACT_STAGES, type ImpactBox, type ImpactStage } from '../../../../../shared/picture';
import { entityIndex, useApp } from '../../../app/store';
import { boxName, createBox, useImpactUi } from './actions';
import { BoxEditor, ConnectForm, DeleteButton, LinkEditor, StatusBadge } from './Editors';
import type { ImpactModel } from './model';

/**
 * The accessible twin of the diagram: stages as headings, boxes as list items, and under each
 * box the links that leave it with their assumptions. Everything the diagram does (add, edit,
 * point at entities, set a goal, link, assess an assumption, delete) works here by keyboard.
 */
export function ImpactOutline({ model }: { model: ImpactModel }) {
  const { t } = useTranslation();
  return (
    <div className="impact-outline">
      <h2>{t('picture.impact.outline.title')}</h2>
      <p className="muted">{t('picture.impact.outline.lead')}</p>
      {IMPACT_STAGES.map((stage) => (
        <StageSection key={stage} stage={stage} model={model} />
      ))}
    </div>
  );
}

function StageSection({ stage, model }: { stage: ImpactStage; model: ImpactModel }) {
  const { t } = useTranslation();
  const boxes = model.boxes.filter((b) => b.stage === stage);
  const headId = `impact-stage-${stage}`;
  return (
    <section className="outline-kind impact-stage-section" aria-labelledby={headId}>
      <h3 id={headId}>
        {t(`picture.stage.${stage}`)} <span className="count">({t('picture.impact.outline.count', { count: boxes.length })})</span>
      </h3>
      <p className="muted small">{t(`picture.impact.stageHelp.${stage}`)}</p>
      <AddForm stage={stage} />
      {boxes.length === 0 ? (
        <p className="muted small">{t('picture.impact.outline.none')}</p>
      ) : (
        <ul className="outline-list">
          {boxes.map((b) => (
            <OutlineBox key={b.id} box={b} model={model} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AddForm({ stage }: { stage: ImpactStage }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [name, setName] = useState('');
  const id = `impact-add-${stage}`;
  const label = t('picture.impact.outline.addLabel', { stage: t(`picture.stage.${stage}`) });
  return (
    <form
      className="outline-add"
      onSubmit={(e) => {
        e.preventDefault();
        const n = name.trim();
        // The field keeps the focus: the next box of the stage can be typed at once.
        if (n) void createBox(t, lang, stage, n).then((made) => made && setName(''));
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
      <button type="submit" disabled={!name.trim()}>
        {t('picture.impact.add.create')}
      </button>
    </form>
  );
}

function OutlineBox({ box, model }: { box: ImpactBox; model: ImpactModel }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const editing = useImpactUi((s) => s.editing);
  const set = useImpactUi((s) => s.set);
  const [linking, setLinking] = useState(false);
  const name = boxName(box, lang);
  const nameId = `impact-name-${box.id}`;
  const goal = box.goal ? model.goals.find((g) => g.id === box.goal) : undefined;
  const byId = entityIndex(entities);
  const refs = box.refs.map((id) => byId.get(id)).filter((e) => !!e);
  const out = model.links.filter((l) => l.source === box.id);
  const isEditing = editing?.kind === 'box' && editing.id === box.id;
  const description = pickText(box.description, lang);
  return (
    <li className="outline-item impact-outline-item" aria-labelledby={nameId}>
      <div className="outline-row">
        <span className="outline-name" id={nameId}>
          {name}
        </span>
        <span className="spacer" />
        <button type="button" aria-label={t('picture.impact.outline.editNamed', { name })} aria-expanded={isEditing} onClick={() => set({ editing: isEditing ? null : { kind: 'box', id: box.id } })}>
          {t('picture.impact.outline.edit')}
        </button>
        <button type="button" aria-label={t('picture.impact.outline.connectNamed', { name })} aria-expanded={linking} onClick={() => setLinking((v) => !v)}>
          {t('picture.impact.outline.connect')}
        </button>
        <DeleteButton target={{ kind: 'box', id: box.id }} model={model} label={t('picture.impact.outline.delete')} ariaLabel={t('picture.impact.outline.deleteNamed', { name })} />
      </div>
      {(description || goal || refs.length > 0) && (
        <dl className="impact-facts">
          {description && (
            <>
              <dt className="visually-hidden">{t('picture.impact.editor.description')}</dt>
              <dd className="muted">{description}</dd>
            </>
          )}
          {goal && (
            <>
              <dt>{t('picture.impact.box.goal')}</dt>
              <dd>{pickText(goal.name, lang) || goal.id}</dd>
            </>
          )}
          {refs.length > 0 && (
            <>
              <dt>{t('picture.impact.box.refs')}</dt>
              <dd>
                {refs.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ', '}
                    <span className={`palette-marker kind-${e.kind}`} aria-hidden="true" /> {pickText(e.name, lang) || e.id} <span className="muted small">({t(`kind.${e.kind}.one`)})</span>
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
      )}
      {isEditing && <BoxEditor key={`${box.id}:${JSON.stringify([box.name, box.description, box.stage, box.goal])}`} box={box} model={model} onClose={() => set({ editing: null })} headingLevel={4} />}
      {out.length > 0 && (
        <ul className="outline-links impact-outline-links" aria-label={t('picture.impact.outline.linksOf', { name })}>
          {out.map((l) => {
            const to = model.boxes.find((b) => b.id === l.target);
            const toName = boxName(to, lang);
            const assumption = pickText(l.assumption, lang);
            const editingLink = editing?.kind === 'link' && editing.id === l.id;
            return (
              <li key={l.id}>
                <div className="impact-outline-link">
                  <span>
                    → {toName} <span className="muted small">({to ? t(`picture.stage.${to.stage}`) : ''})</span>
                  </span>
                  <StatusBadge status={l.assumptionStatus} />
                  <span className={assumption ? '' : 'muted'}>
                    {t('picture.impact.editor.assumption')}: {assumption || t('picture.impact.link.noAssumption')}
                  </span>
                  <button type="button" className="link-button" aria-expanded={editingLink} aria-label={t('picture.impact.outline.editLinkNamed', { from: name, to: toName })} onClick={() => set({ editing: editingLink ? null : { kind: 'link', id: l.id } })}>
                    {t('picture.impact.outline.edit')}
                  </button>
                  <DeleteButton target={{ kind: 'link', id: l.id }} model={model} label={t('picture.impact.outline.delete')} ariaLabel={t('picture.impact.outline.deleteLinkNamed', { from: name, to: toName })} className="link-button" />
                </div>
                {editingLink && <LinkEditor key={`${l.id}:${JSON.stringify([l.assumption, l.assumptionStatus])}`} link={l} model={model} onClose={() => set({ editing: null })} headingLevel={4} />}
              </li>
            );
          })}
        </ul>
      )}
      {linking && (
        <div className="impact-outline-connect">
          <ConnectForm box={box} model={model} onDone={() => setLinking(false)} autoFocus />
        </div>
      )}
    </li>
  );
}
