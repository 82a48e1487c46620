import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { pickText, type Entity, type Language, type Link, type LinkSide } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { fold, useCodes } from './codes';
import { clearSent } from '../../app/clearSent';

/** How many options are drawn at once; typing narrows the rest down. */
const SHOWN = 60;

interface Option {
  entity: Entity;
  name: string;
  /** What tells this one apart from others of the same name (providers, languages, area …). */
  detail: string;
  /** Folded text searched: names in every language and the detail. */
  names: string;
  hay: string;
}

/**
 * The line under a name that tells same-named entities apart: for services who provides them,
 * in which languages and where; for the others whatever a facilitator would check.
 */
function detailOf(e: Entity, t: TFunction, lang: Language, links: Link[], byId: Map<string, Entity>, municipality: (code: string) => string): string {
  const nameOf = (id: string) => {
    const o = byId.get(id);
    return o ? pickText(o.name, lang) || o.id : id;
  };
  const parts: string[] = [];
  const langs = (codes: string[]) => codes.map((c) => c.toUpperCase()).join(' ');
  switch (e.kind) {
    case 'service': {
      const providers = links.filter((l) => l.type === 'provides' && l.target === e.id).map((l) => nameOf(l.source));
      parts.push(providers.length ? [...new Set(providers)].join(', ') : t('entityPicker.noProvider'));
      if (e.languages.length) parts.push(langs(e.languages));
      if (e.areaType === 'limited' && e.areas.length) {
        const names = e.areas.slice(0, 3).map(municipality);
        parts.push(e.areas.length > 3 ? `${names.join(', ')} +${e.areas.length - 3}` : names.join(', '));
      } else parts.push(t(`areaType.${e.areaType}`));
      break;
    }
    case 'organisation':
      parts.push(t(`orgType.${e.orgType}`));
      if (e.municipality) parts.push(municipality(e.municipality));
      if (e.businessId) parts.push(e.businessId);
      break;
    case 'channel': {
      parts.push(t(`channelType.${e.channelType}`));
      const where = e.url ? e.url.replace(/^https?:\/\//, '').replace(/\/$/, '') : e.phone ?? e.address;
      if (where) parts.push(where);
      if (e.languages.length) parts.push(langs(e.languages));
      break;
    }
    case 'need': {
      const events = links.filter((l) => l.type === 'hasNeed' && l.target === e.id).map((l) => nameOf(l.source));
      if (events.length) parts.push(events.join(', '));
      if (e.keywords.length) parts.push(e.keywords.slice(0, 3).join(', '));
      break;
    }
    case 'lifeEvent':
      if (e.code) parts.push(e.code);
      break;
    case 'persona':
      parts.push(t('entityPicker.ages', { min: e.ageMin, max: e.ageMax }));
      if (e.municipality) parts.push(municipality(e.municipality));
      parts.push(t(`languageName.${e.language}`));
      break;
  }
  return parts.filter(Boolean).join(' · ');
}

/**
 * Adds links from one entity's panel: a searchable, keyboard-operable combobox whose list lets
 * several be chosen and linked in one undoable step.
 */
export function EntityPicker({ entity, side, candidates }: { entity: Entity; side: LinkSide; candidates: Entity[] }) {
  const { t } = useTranslation();
  const notify = useApp((s) => s.notify);
  const link = async (ids: string[]) => {
    const data = side.type === 'personaNeed' ? { importance: 3 } : {};
    const made = await attempt(
      () =>
        api.call('links.createMany', {
          links: ids.map((id) => {
            const [source, target] = side.outgoing ? [entity.id, id] : [id, entity.id];
            return { type: side.type, source, target, data };
          }),
        }),
      (e) => describeError(t, e),
    );
    if (made) notify({ kind: 'info', text: t('entityPicker.linked', { count: made.length }) });
    return !!made;
  };
  return <EntityChooser candidates={candidates} inputId={`add-${side.type}-${side.outgoing ? 'out' : 'in'}`} label={t('entityPicker.label', { kind: t(`kind.${side.otherKind}.plural`) })} onConfirm={link} />;
}

/**
 * The picker itself, for any choice of entities: type to narrow, choose several, confirm once.
 * Elsewhere (the impact logic's boxes pointing at entities) it confirms into another action.
 */
export function EntityChooser({
  candidates,
  inputId,
  label,
  onConfirm,
  confirmLabel,
  hint,
  showKind = false,
}: {
  candidates: Entity[];
  inputId: string;
  label: string;
  /** Does what the chosen ones are for; true when done (the choice is then cleared). */
  onConfirm(ids: string[]): Promise<boolean>;
  /** The confirm button's text for a count chosen (default: link them). */
  confirmLabel?: (count: number) => string;
  /** The keys hint under the box (default: the linking one). */
  hint?: string;
  /** Candidates of several kinds: each option names its kind. */
  showKind?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const municipalities = useCodes('municipalities');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;

  const options = useMemo(() => {
    const byId = entityIndex(entities);
    const mun = new Map(municipalities.map((m) => [m.code, m.label[lang] ?? m.label.fi ?? m.code]));
    const municipality = (code: string) => mun.get(code) ?? code;
    const list: Option[] = candidates.map((e) => {
      const name = pickText(e.name, lang) || e.id;
      const own = detailOf(e, t, lang, links, byId, municipality);
      const detail = showKind ? [t(`kind.${e.kind}.one`), own].filter(Boolean).join(' · ') : own;
      const names = fold([e.name.fi, e.name.sv, e.name.en].filter(Boolean).join(' '));
      return { entity: e, name, detail, names, hay: `${names} ${fold(detail)}` };
    });
    // Same name and same detail: only the id tells them apart, so show it.
    const seen = new Map<string, number>();
    for (const o of list) seen.set(`${o.name}|${o.detail}`, (seen.get(`${o.name}|${o.detail}`) ?? 0) + 1);
    for (const o of list) if ((seen.get(`${o.name}|${o.detail}`) ?? 0) > 1) o.detail = o.detail ? `${o.detail} · ${o.entity.id}` : o.entity.id;
    return list.sort((a, b) => a.name.localeCompare(b.name, lang) || a.detail.localeCompare(b.detail, lang));
  }, [candidates, entities, links, municipalities, lang, t, showKind]);

  const matches = useMemo(() => {
    const words = fold(query.trim()).split(/\s+/).filter(Boolean);
    if (!words.length) return options;
    // Every word must match somewhere; names that start with the first word come first.
    const rank = (o: Option) => (o.names.startsWith(words[0]) ? 0 : o.names.split(/[\s,()-]+/).some((w) => w.startsWith(words[0])) ? 1 : o.names.includes(words[0]) ? 2 : 3);
    return options
      .filter((o) => words.every((w) => o.hay.includes(w)))
      .map((o) => ({ o, r: rank(o) }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.o);
  }, [options, query]);
  const shown = matches.slice(0, SHOWN);
  const expanded = open && shown.length > 0;
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  // The list opens inside the side panel, which scrolls: bring it into sight.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (expanded) listRef.current?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);
  useEffect(() => {
    if (expanded) listRef.current?.querySelector('li.active')?.scrollIntoView({ block: 'nearest' });
  }, [expanded, activeIndex]);

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const linkSelected = async () => {
    if (!selected.length || busy) return;
    const chosen = selected;
    const typed = query;
    setBusy(true);
    const done = await onConfirm(chosen);
    setBusy(false);
    // What was confirmed is done with; what the person typed or chose while the answer was on its
    // way stays (it came after they went on, and wiped the next search).
    if (done) {
      setSelected((s) => s.filter((id) => !chosen.includes(id)));
      clearSent(setQuery, typed);
    }
  };

  if (candidates.length === 0) return null;
  const byId = new Map(options.map((o) => [o.entity.id, o]));
  return (
    <div className="entity-picker">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      {selected.length > 0 && (
        <ul className="chips" aria-label={t('entityPicker.selected', { count: selected.length })}>
          {selected.map((id) => (
            <li key={id} className="chip">
              <span>{byId.get(id)?.name ?? id}</span>
              <button type="button" className="chip-remove" aria-label={t('picker.remove', { name: byId.get(id)?.name ?? id })} onClick={() => toggle(id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="entity-picker-row">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={expanded ? `${listId}-${shown[activeIndex].entity.id}` : undefined}
          value={query}
          placeholder={t('entityPicker.placeholder')}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) setOpen(true);
              else setActive(Math.min(shown.length - 1, activeIndex + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(Math.max(0, activeIndex - 1));
            } else if (e.key === 'Home' && expanded) {
              e.preventDefault();
              setActive(0);
            } else if (e.key === 'End' && expanded) {
              e.preventDefault();
              setActive(shown.length - 1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if ((e.ctrlKey || e.metaKey) && selected.length) void linkSelected();
              else if (expanded) toggle(shown[activeIndex].entity.id);
              else if (selected.length) void linkSelected();
            } else if (e.key === ' ' && expanded && (e.ctrlKey || query === '')) {
              // Space selects when it cannot be part of a search (empty box, or with Ctrl).
              e.preventDefault();
              toggle(shown[activeIndex].entity.id);
            } else if (e.key === 'Escape') {
              if (open) {
                e.preventDefault();
                e.stopPropagation();
                setOpen(false);
              }
            }
          }}
        />
        {/* Focus stays in the box on press: otherwise the blur closes the list, the panel's content
            shrinks, and in a scrolled panel the button moves away before the click lands. The list
            is closed once the click has landed. */}
        <button
          type="button"
          className="primary"
          disabled={!selected.length || busy}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setOpen(false);
            void linkSelected();
          }}
        >
          {confirmLabel ? confirmLabel(selected.length) : selected.length ? t('entityPicker.link', { count: selected.length }) : t('links.addButton')}
        </button>
      </div>
      <ul ref={listRef} id={listId} role="listbox" aria-multiselectable="true" aria-label={label} className="picker-options entity-options" hidden={!expanded}>
        {shown.map((o, i) => {
          const isSelected = selected.includes(o.entity.id);
          return (
            <li
              key={o.entity.id}
              id={`${listId}-${o.entity.id}`}
              role="option"
              aria-selected={isSelected}
              className={`${i === activeIndex ? 'active' : ''}${isSelected ? ' selected' : ''}`}
              onMouseDown={(e) => {
                // Keeps focus in the box so the list stays open while choosing several.
                e.preventDefault();
                setActive(i);
                toggle(o.entity.id);
              }}
            >
              <span className="check" aria-hidden="true">
                {isSelected ? '☑' : '☐'}
              </span>
              <span className="option-text">
                <span className="option-name">{o.name}</span>
                {o.detail && <span className="option-detail">{o.detail}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {expanded && matches.length > SHOWN && <p className="muted small option-more">{t('entityPicker.more', { shown: SHOWN, count: matches.length })}</p>}
      <p className="hint" id={hintId} hidden={!open && !query}>
        {query ? t('entityPicker.matches', { count: matches.length }) + ' · ' : ''}
        {hint ?? t('entityPicker.hint')}
      </p>
      {open && query && matches.length === 0 && <p className="muted small">{t('entityPicker.noMatch')}</p>}
    </div>
  );
}
