import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { pickText, type Language } from '../../../../shared/model';
import { LIMITS, type VoteRoundView, type WorkshopState } from '../../../../shared/workshop/types';
import { useApp } from '../../app/store';
import { roundResults } from './live';
import { act } from './workshopStore';
import { clearSent } from '../../app/clearSent';

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 2)}…` : s);

/** A round's dots per target as horizontal bars, biggest first; the same numbers follow as a table. */
export function VoteChart({ round, large = false }: { round: VoteRoundView; large?: boolean }) {
  const { t } = useTranslation();
  const data = roundResults(round);
  const font = large ? 22 : 13;
  const bar = large ? 34 : 18;
  return (
    <div className="ws-vote-chart" data-round={round.id}>
      <ResponsiveContainer width="100%" height={40 + (bar + 16) * data.length}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: font, fill: large ? '#000' : undefined }} />
          <YAxis type="category" dataKey="label" width={large ? 460 : 240} tick={{ fontSize: font, fill: large ? '#000' : undefined }} tickFormatter={(s: string) => short(s, large ? 34 : 32)} />
          <Bar dataKey="dots" fill="#0b5cad" barSize={bar} isAnimationActive={false}>
            <LabelList dataKey="dots" position="right" style={{ fontSize: font, fontWeight: 700 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {!large && (
        <table className="data-table compact ws-vote-table">
          <caption className="visually-hidden">{t('workshop.vote.results', { title: round.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workshop.vote.target')}</th>
              <th scope="col" className="num">
                {t('workshop.vote.dotsCol')}
              </th>
              {!round.anonymous && <th scope="col">{t('workshop.vote.who')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.id} data-target={d.id}>
                <td>{d.label}</td>
                <td className="num">{d.dots}</td>
                {!round.anonymous && <td>{(d.names ?? []).join(', ')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

type Source = 'needs' | 'proposals' | 'groups' | 'text';

/** Opening a dot-voting round on needs, proposals, brainstorm groups or gaps named in words; the rounds' results live. */
export function Voting({ state }: { state: WorkshopState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const [title, setTitle] = useState('');
  const [dots, setDots] = useState(3);
  const [anonymous, setAnonymous] = useState(true);
  const [source, setSource] = useState<Source>('needs');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');

  const candidates = useMemo(() => {
    if (source === 'needs') return entities.filter((e) => e.kind === 'need').map((e) => ({ id: e.id, label: pickText(e.name, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
    if (source === 'proposals') return state.proposals.filter((p) => p.status === 'pending' || p.status === 'accepted').map((p) => ({ id: p.id, label: 'name' in p.proposal && p.proposal.name ? p.proposal.name : t(`workshop.proposal.kind.${p.proposal.kind}`) + ` ${p.id.slice(-4)}` }));
    if (source === 'groups') return state.groups.map((g) => ({ id: g.id, label: g.title }));
    return [];
  }, [source, entities, state.proposals, state.groups, lang, t]);

  const toggle = (id: string) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const kind = source === 'needs' ? 'entity' : source === 'proposals' ? 'proposal' : 'group';
    const targets =
      source === 'text'
        ? text
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((label) => ({ ref: { kind: 'text' as const }, label: label.slice(0, LIMITS.title) }))
        : candidates.filter((c) => picked.has(c.id)).map((c) => ({ ref: { kind, id: c.id } as { kind: 'entity' | 'proposal' | 'group'; id: string }, label: c.label.slice(0, LIMITS.title) }));
    const sent = { title, text };
    const r = await act(t, 'workshop.openVote', { title: sent.title.trim(), targets, dotsPerPerson: dots, anonymous });
    if (r) {
      clearSent(setTitle, sent.title);
      setPicked(new Set());
      clearSent(setText, sent.text);
    }
  };

  const rounds = [...state.rounds].reverse();
  return (
    <div className="ws-voting">
      <section className="card" aria-labelledby="ws-vote-new">
        <h2 id="ws-vote-new">{t('workshop.vote.newRound')}</h2>
        <form onSubmit={submit}>
          <div className="form-grid">
            <label htmlFor="vote-title">{t('workshop.vote.title')}</label>
            <input id="vote-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.title} required />
            <label htmlFor="vote-dots">{t('workshop.vote.dotsPerPerson')}</label>
            <input id="vote-dots" type="number" min={1} max={LIMITS.dots} value={dots} onChange={(e) => setDots(Math.max(1, Math.min(LIMITS.dots, Number(e.target.value) || 1)))} />
            <label htmlFor="vote-source">{t('workshop.vote.on')}</label>
            <select
              id="vote-source"
              value={source}
              onChange={(e) => {
                setSource(e.target.value as Source);
                setPicked(new Set());
              }}
            >
              {(['needs', 'proposals', 'groups', 'text'] as Source[]).map((s) => (
                <option key={s} value={s}>
                  {t(`workshop.vote.source.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {source === 'text' ? (
            <>
              <label htmlFor="vote-text">{t('workshop.vote.textTargets')}</label>
              <textarea id="vote-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
            </>
          ) : candidates.length === 0 ? (
            <p className="muted">{t('workshop.vote.noCandidates')}</p>
          ) : (
            <fieldset className="ws-candidates">
              <legend>{t('workshop.vote.pick', { count: picked.size })}</legend>
              <button type="button" className="link-button" onClick={() => setPicked(new Set(candidates.slice(0, LIMITS.targets).map((c) => c.id)))}>
                {t('workshop.vote.pickAll')}
              </button>
              <ul>
                {candidates.map((c) => (
                  <li key={c.id}>
                    <label className="checkbox-line">
                      <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
                      {c.label}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <label className="checkbox-line">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            {t('workshop.vote.anonymous')}
          </label>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!title.trim() || (source === 'text' ? !text.trim() : picked.size === 0)}>
              {t('workshop.vote.open')}
            </button>
          </div>
        </form>
      </section>
      {rounds.length === 0 ? (
        <p className="empty-state">{t('workshop.vote.noRounds')}</p>
      ) : (
        rounds.map((r) => (
          <section key={r.id} className="card ws-round" aria-labelledby={`round-h-${r.id}`}>
            <div className="pane-header">
              <h2 id={`round-h-${r.id}`}>
                {r.title} <span className={`ws-status is-${r.open ? 'open' : 'closed'}`}>{t(r.open ? 'workshop.vote.isOpen' : 'workshop.vote.isClosed')}</span>
              </h2>
              {r.open && (
                <button type="button" onClick={() => void act(t, 'workshop.closeVote', { roundId: r.id })}>
                  {t('workshop.vote.close')}
                </button>
              )}
            </div>
            <p className="muted small">
              {t('workshop.vote.summary', { count: r.voters, dots: r.dotsPerPerson })} · {t(r.anonymous ? 'workshop.vote.isAnonymous' : 'workshop.vote.isNamed')}
            </p>
            <VoteChart round={r} />
          </section>
        ))
      )}
    </div>
  );
}
