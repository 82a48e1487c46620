import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind, Language } from '../../../shared/model';
import { LIMITS, PROPOSAL_KINDS, type MapEntityView, type ProposalInput, type ProposalKind } from '../../../shared/workshop/types';
import { useParticipant } from './store';
import { Comments } from './Comments';
import { proposalSummary } from '../features/workshop/proposals';
import { clearSent } from '../app/clearSent';

function useEntities(kind?: EntityKind): MapEntityView[] {
  const map = useParticipant((s) => s.map);
  const { i18n } = useTranslation();
  const lang = i18n.language as Language;
  return useMemo(
    () => (map?.entities ?? []).filter((e) => !kind || e.kind === kind).sort((a, b) => a.name.localeCompare(b.name, lang)),
    [map, kind, lang],
  );
}

function EntitySelect({ id, label, kind, value, onChange, required, optional }: { id: string; label: string; kind?: EntityKind; value: string; onChange(v: string): void; required?: boolean; optional?: boolean }) {
  const { t } = useTranslation();
  const list = useEntities(kind);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={required}>
        <option value="">{optional ? t('workshop.p.none') : t('workshop.p.choose')}</option>
        {list.map((e) => (
          <option key={e.id} value={e.id}>
            {kind ? '' : `${t(`workshop.kind.${e.kind}`)}: `}
            {e.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** One form for the four kinds of proposal; it shows only the fields of the chosen kind. */
export function ProposeForm() {
  const { t, i18n } = useTranslation();
  const call = useParticipant((s) => s.call);
  const [kind, setKind] = useState<ProposalKind>('need');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setName('');
    setDescription('');
    setA('');
    setB('');
    setText('');
  };
  /** Empties the fields that still hold what was sent; what was typed or chosen meanwhile stays. */
  const resetSent = (sent: { name: string; description: string; a: string; b: string; text: string }) => {
    clearSent(setName, sent.name);
    clearSent(setDescription, sent.description);
    clearSent(setA, sent.a);
    clearSent(setB, sent.b);
    clearSent(setText, sent.text);
  };

  const build = (): ProposalInput => {
    const desc = description.trim() ? { description: description.trim() } : {};
    if (kind === 'need') return { kind, name: name.trim(), ...desc, ...(a ? { lifeEvent: a } : {}) };
    if (kind === 'service') return { kind, name: name.trim(), ...desc, ...(a ? { organisation: a } : {}), ...(b ? { addresses: [b] } : {}) };
    if (kind === 'link') return { kind, service: a, need: b, ...(text.trim() ? { note: text.trim() } : {}) };
    return { kind, entity: a, text: text.trim(), ...(name.trim() ? { name: name.trim() } : {}), ...desc };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSent(false);
    const fields = { name, description, a, b, text };
    const r = await call('participant.propose', { proposal: build(), lang: i18n.language as Language });
    setBusy(false);
    if (r) {
      resetSent(fields);
      setSent(true);
    }
  };

  return (
    <section className="p-card" aria-labelledby="propose-title">
      <h2 id="propose-title">{t('workshop.p.proposeTitle')}</h2>
      <form onSubmit={submit} className="p-form" data-kind={kind}>
        <fieldset className="p-kinds">
          <legend>{t('workshop.p.proposeWhat')}</legend>
          {PROPOSAL_KINDS.map((k) => (
            <label key={k} className="p-check">
              <input
                type="radio"
                name="proposal-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setSent(false);
                  reset();
                }}
              />
              {t(`workshop.proposal.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {(kind === 'need' || kind === 'service') && (
          <>
            <label htmlFor="prop-name">{t(kind === 'need' ? 'workshop.proposal.needName' : 'workshop.proposal.serviceName')}</label>
            <input id="prop-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.name} required />
            <label htmlFor="prop-desc">{t('workshop.proposal.description')}</label>
            <textarea id="prop-desc" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={LIMITS.description} />
          </>
        )}
        {kind === 'need' && <EntitySelect id="prop-event" label={t('workshop.proposal.lifeEvent')} kind="lifeEvent" value={a} onChange={setA} optional />}
        {kind === 'service' && (
          <>
            <EntitySelect id="prop-org" label={t('workshop.proposal.organisation')} kind="organisation" value={a} onChange={setA} optional />
            <EntitySelect id="prop-addresses" label={t('workshop.proposal.addresses')} kind="need" value={b} onChange={setB} optional />
          </>
        )}
        {kind === 'link' && (
          <>
            <EntitySelect id="prop-service" label={t('workshop.proposal.service')} kind="service" value={a} onChange={setA} required />
            <EntitySelect id="prop-need" label={t('workshop.proposal.need')} kind="need" value={b} onChange={setB} required />
            <label htmlFor="prop-note">{t('workshop.proposal.why')}</label>
            <textarea id="prop-note" rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={LIMITS.comment} />
          </>
        )}
        {kind === 'correction' && (
          <>
            <EntitySelect id="prop-entity" label={t('workshop.proposal.entity')} value={a} onChange={setA} required />
            <label htmlFor="prop-text">{t('workshop.proposal.whatIsWrong')}</label>
            <textarea id="prop-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={LIMITS.comment} required />
            <label htmlFor="prop-better">{t('workshop.proposal.betterName')}</label>
            <input id="prop-better" value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.name} />
          </>
        )}
        <button type="submit" className="primary p-big" disabled={busy}>
          {t('workshop.p.propose')}
        </button>
        {sent && (
          <p className="p-ok" role="status">
            {t('workshop.p.proposed')}
          </p>
        )}
      </form>
    </section>
  );
}

function ProposalList() {
  const { t } = useTranslation();
  const state = useParticipant((s) => s.state)!;
  const map = useParticipant((s) => s.map);
  const mine = new Set(state.mine.proposals);
  const names = useMemo(() => new Map((map?.entities ?? []).map((e) => [e.id, e.name])), [map]);
  const nameOf = (id: string) => names.get(id) ?? '?';
  const list = [...state.proposals].reverse();
  return (
    <section className="p-card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('workshop.moderation.all')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('workshop.moderation.none')}</p>
      ) : (
        <ul className="p-proposals">
          {list.map((p) => {
            const summary = proposalSummary(p, nameOf, t);
            return (
              <li key={p.id} data-proposal={p.id} data-status={p.status}>
                <span className="p-row">
                  <span className={`ws-status is-${p.status}`}>{t(`workshop.proposal.status.${p.status}`)}</span>
                  <span className="p-note-meta">
                    {t(`workshop.proposal.kind.${p.proposal.kind}`)} · {mine.has(p.id) ? t('workshop.p.yours') : (p.author ?? t('workshop.server.anonymous'))}
                  </span>
                </span>
                <span className="p-map-name">{summary}</span>
                {p.status === 'rejected' && p.reason && <span className="p-reason">{t('workshop.proposal.reason', { reason: p.reason })}</span>}
                <Comments target={{ kind: 'proposal', id: p.id }} label={summary} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function ProposePanel() {
  const observer = useParticipant((s) => s.state?.me.role === 'observer');
  return (
    <>
      {!observer && <ProposeForm />}
      <ProposalList />
    </>
  );
}
