import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import { LIMITS, type GroupView, type NoteView, type WorkshopState } from '../../../../shared/workshop/types';
import { routeHref } from '../../app/route';
import { useApp } from '../../app/store';
import { act } from './workshopStore';

const NEW_GROUP = '__new';
const UNGROUPED = '__none';
const DRAG_TYPE = 'application/x-kohtaanto-notes';

/**
 * Brainstorm columns: notes under the step's prompt, grouped by dragging them onto a column or,
 * with the keyboard, by ticking them and choosing where they go. Groups become needs in one step.
 */
export function Brainstorm({ state }: { state: WorkshopState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const notify = useApp((s) => s.notify);
  const lifeEvents = useApp((s) => s.entities).filter((e) => e.kind === 'lifeEvent');
  const steps = state.agenda.steps.filter((s) => s.kind === 'brainstorm');
  const currentStep = state.agenda.steps[state.agenda.current];
  const [stepId, setStepId] = useState(currentStep?.kind === 'brainstorm' ? currentStep.id : (steps[0]?.id ?? ''));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState(NEW_GROUP);
  const [over, setOver] = useState<string | null>(null);
  const [lifeEvent, setLifeEvent] = useState('');
  const [forNeeds, setForNeeds] = useState<Set<string>>(new Set());

  const step = steps.find((s) => s.id === stepId);
  const notes = state.notes.filter((n) => n.stepId === stepId);
  const groups = state.groups.filter((g) => g.stepId === stepId);
  const columns = useMemo(() => {
    const by = new Map<string, NoteView[]>();
    for (const n of notes) by.set(n.groupId ?? UNGROUPED, [...(by.get(n.groupId ?? UNGROUPED) ?? []), n]);
    return by;
  }, [notes]);

  const moveTo = async (ids: string[], dest: string, title?: string) => {
    if (!ids.length) return;
    if (dest === UNGROUPED) await act(t, 'workshop.ungroupNotes', { noteIds: ids });
    else if (dest === NEW_GROUP) await act(t, 'workshop.groupNotes', { noteIds: ids, title: title ?? t('workshop.brainstorm.newGroupTitle', { n: groups.length + 1 }) });
    else await act(t, 'workshop.groupNotes', { noteIds: ids, groupId: dest });
    setSelected(new Set());
  };

  const onDragStart = (e: DragEvent, note: NoteView) => {
    // Dragging a ticked note takes every ticked note with it.
    const ids = selected.has(note.id) ? [...selected] : [note.id];
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
    e.dataTransfer.setData('text/plain', note.text);
    e.dataTransfer.effectAllowed = 'move';
  };
  const dropProps = (dest: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      setOver(dest);
    },
    onDragLeave: () => setOver((o) => (o === dest ? null : o)),
    onDrop: (e: DragEvent) => {
      setOver(null);
      const raw = e.dataTransfer.getData(DRAG_TYPE);
      if (!raw) return;
      e.preventDefault();
      void moveTo(JSON.parse(raw) as string[], dest);
    },
  });

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const convertible = groups.filter((g) => !g.needId);
  const toNeeds = async () => {
    const ids = [...forNeeds].filter((id) => convertible.some((g) => g.id === id));
    if (!ids.length) return;
    const r = await act(t, 'workshop.groupsToNeeds', { groupIds: ids, ...(lifeEvent ? { lifeEvent } : {}) });
    if (r) {
      setForNeeds(new Set());
      notify({ kind: 'info', text: t('workshop.brainstorm.madeNeeds', { count: r.needs.length }), action: { label: t('workshop.brainstorm.showNeeds'), href: routeHref({ view: 'entities', kind: 'need' }) } });
    }
  };

  const noteCard = (n: NoteView) => (
    <li key={n.id} className={`ws-note ${selected.has(n.id) ? 'is-selected' : ''}`} draggable onDragStart={(e) => onDragStart(e, n)} data-note={n.id}>
      <label className="ws-note-pick">
        <input type="checkbox" checked={selected.has(n.id)} onChange={() => toggle(n.id)} aria-label={t('workshop.brainstorm.select', { text: n.text.slice(0, 60) })} />
        <span className="ws-note-text">{n.text}</span>
      </label>
      <span className="ws-note-meta">
        {n.author ?? t('workshop.server.anonymous')}
        <button type="button" className="link-button" onClick={() => void act(t, 'workshop.deleteNote', { noteId: n.id })} aria-label={t('workshop.brainstorm.deleteNote', { text: n.text.slice(0, 60) })}>
          {t('workshop.common.delete')}
        </button>
      </span>
    </li>
  );

  const groupColumn = (g: GroupView) => (
    <section key={g.id} className={`ws-column ${over === g.id ? 'is-over' : ''}`} {...dropProps(g.id)} aria-label={g.title} data-group={g.id}>
      <GroupTitle group={g} />
      {g.needId ? (
        <p className="ws-made-need">
          <a href={routeHref({ view: 'entities', kind: 'need', id: g.needId })}>{t('workshop.brainstorm.isNeed')}</a>
        </p>
      ) : (
        <label className="checkbox-line small">
          <input
            type="checkbox"
            checked={forNeeds.has(g.id)}
            onChange={() =>
              setForNeeds((s) => {
                const n = new Set(s);
                if (n.has(g.id)) n.delete(g.id);
                else n.add(g.id);
                return n;
              })
            }
          />
          {t('workshop.brainstorm.pickForNeeds')}
        </label>
      )}
      <ul className="ws-notes">{(columns.get(g.id) ?? []).map(noteCard)}</ul>
    </section>
  );

  if (!steps.length) return <p className="empty-state">{t('workshop.brainstorm.noStep')}</p>;
  return (
    <div className="ws-brainstorm">
      <div className="ws-brainstorm-bar">
        <label htmlFor="bs-step">{t('workshop.brainstorm.step')}</label>
        <select id="bs-step" value={stepId} onChange={(e) => setStepId(e.target.value)}>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <span className="muted">{t('workshop.brainstorm.count', { count: notes.length })}</span>
      </div>
      {step?.prompt && <p className="ws-prompt">{step.prompt}</p>}
      <div className="ws-brainstorm-bar" role="group" aria-label={t('workshop.brainstorm.keyboard')}>
        <span>{t('workshop.brainstorm.selected', { count: selected.size })}</span>
        <label htmlFor="bs-target" className="visually-hidden">
          {t('workshop.brainstorm.moveTo')}
        </label>
        <select id="bs-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={NEW_GROUP}>{t('workshop.brainstorm.toNewGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
          <option value={UNGROUPED}>{t('workshop.brainstorm.toUngrouped')}</option>
        </select>
        <button type="button" onClick={() => void moveTo([...selected], target)} disabled={selected.size === 0}>
          {t('workshop.brainstorm.move')}
        </button>
      </div>
      <div className="ws-columns">
        <section className={`ws-column is-loose ${over === UNGROUPED ? 'is-over' : ''}`} {...dropProps(UNGROUPED)} aria-labelledby="bs-loose">
          <h3 id="bs-loose">{t('workshop.brainstorm.ungrouped')}</h3>
          <ul className="ws-notes">{(columns.get(UNGROUPED) ?? []).map(noteCard)}</ul>
        </section>
        {groups.map(groupColumn)}
        <section className={`ws-column is-new ${over === NEW_GROUP ? 'is-over' : ''}`} {...dropProps(NEW_GROUP)} aria-labelledby="bs-new">
          <h3 id="bs-new">{t('workshop.brainstorm.newGroup')}</h3>
          <p className="muted small">{t('workshop.brainstorm.dropHere')}</p>
        </section>
      </div>
      <section className="card ws-to-needs" aria-labelledby="bs-needs">
        <h3 id="bs-needs">{t('workshop.brainstorm.toNeeds')}</h3>
        <p className="muted small">{t('workshop.brainstorm.toNeedsLead')}</p>
        <div className="form-actions">
          <label htmlFor="bs-event">{t('workshop.proposal.lifeEvent')}</label>
          <select id="bs-event" value={lifeEvent} onChange={(e) => setLifeEvent(e.target.value)}>
            <option value="">{t('workshop.p.none')}</option>
            {lifeEvents.map((e) => (
              <option key={e.id} value={e.id}>
                {pickText(e.name, lang)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setForNeeds(new Set(convertible.map((g) => g.id)))} disabled={!convertible.length}>
            {t('workshop.brainstorm.pickAllGroups')}
          </button>
          <button type="button" className="primary" onClick={() => void toNeeds()} disabled={forNeeds.size === 0}>
            {t('workshop.brainstorm.makeNeeds', { count: forNeeds.size })}
          </button>
        </div>
      </section>
    </div>
  );
}

function GroupTitle({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(group.title);
  if (!editing)
    return (
      <h3 className="ws-group-title">
        {group.title}{' '}
        <button
          type="button"
          className="link-button small"
          onClick={() => {
            setTitle(group.title);
            setEditing(true);
          }}
          aria-label={t('workshop.brainstorm.rename', { title: group.title })}
        >
          {t('workshop.brainstorm.renameShort')}
        </button>
      </h3>
    );
  return (
    <form
      className="ws-rename"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await act(t, 'workshop.renameGroup', { groupId: group.id, title: title.trim() })) !== undefined) setEditing(false);
      }}
    >
      <label htmlFor={`rename-${group.id}`} className="visually-hidden">
        {t('workshop.brainstorm.groupName')}
      </label>
      <input id={`rename-${group.id}`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.title} required autoFocus />
      <button type="submit">{t('workshop.common.save')}</button>
    </form>
  );
}
