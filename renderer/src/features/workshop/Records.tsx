import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { WorkshopRecord, WorkshopRecordInfo } from '../../../../shared/workshop/types';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useApp } from '../../app/store';
import { proposalSummary } from './proposals';
import { VoteChart } from './Voting';

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
const hm = (iso?: string) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '–');

/** Records of ended sessions in this workspace, newest first. */
export function RecordList({ refreshKey }: { refreshKey: unknown }) {
  const { t } = useTranslation();
  const [records, setRecords] = useState<WorkshopRecordInfo[] | null>(null);
  useEffect(() => {
    void api
      .call('workshop.records', {})
      .then(setRecords)
      .catch(() => setRecords([]));
  }, [refreshKey]);
  return (
    <section className="card ws-records" aria-labelledby="ws-records-title">
      <h2 id="ws-records-title">{t('workshop.records.title')}</h2>
      {!records ? (
        <p className="muted">{t('app.loading')}</p>
      ) : records.length === 0 ? (
        <p className="muted">{t('workshop.records.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('workshop.records.session')}</th>
              <th scope="col">{t('workshop.records.when')}</th>
              <th scope="col" className="num">
                {t('workshop.records.people')}
              </th>
              <th scope="col" className="num">
                {t('workshop.records.proposals')}
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} data-record={r.id}>
                <td>
                  <a href={routeHref({ view: 'workshop', tab: 'records', id: r.id })}>{r.title}</a>
                </td>
                <td>
                  {when(r.startedAt)}–{hm(r.endedAt)}
                </td>
                <td className="num">{r.participants}</td>
                <td className="num">{t('workshop.records.acceptedOf', { accepted: r.accepted, count: r.proposals })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One record: the agenda with its actual times, who took part, what became of each proposal, votes, comments. */
export function RecordDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const names = useMemo(() => new Map(entities.map((e) => [e.id, pickText(e.name, lang)])), [entities, lang]);
  const nameOf = (x: string) => names.get(x) ?? x;
  const [record, setRecord] = useState<WorkshopRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRecord(null);
    void api
      .call('workshop.record', { id })
      .then(setRecord)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p className="empty-state">{t('workshop.records.missing')}</p>;
  if (!record) return <p className="muted">{t('app.loading')}</p>;
  const ppl = record.participants;
  return (
    <article className="ws-record" aria-labelledby="ws-record-title">
      <p>
        <a href={routeHref({ view: 'workshop', tab: 'records' })}>← {t('workshop.records.title')}</a>
      </p>
      <h2 id="ws-record-title">{record.title}</h2>
      <p className="muted">
        {when(record.startedAt)}–{hm(record.endedAt)} · {[t('workshop.records.nParticipants', { count: ppl.participants }), t('workshop.records.nObservers', { count: ppl.observers }), ...(ppl.anonymous ? [t('workshop.records.nAnonymous', { count: ppl.anonymous })] : [])].join(', ')}
      </p>
      {ppl.names && ppl.names.length > 0 && <p>{t('workshop.records.names', { names: ppl.names.join(', ') })}</p>}
      <h3>{t('workshop.agenda.title')}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('workshop.agenda.stepTitle')}</th>
            <th scope="col">{t('workshop.agenda.timebox')}</th>
            <th scope="col">{t('workshop.records.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {record.agenda.map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>{t('workshop.agenda.minutes', { count: s.minutes })}</td>
              <td>{s.startedAt ? `${hm(s.startedAt)}–${hm(s.endedAt)}` : t('workshop.records.skipped')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('workshop.records.proposalsTitle')}</h3>
      {record.proposals.length === 0 ? (
        <p className="muted">{t('workshop.moderation.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('workshop.moderation.proposal')}</th>
              <th scope="col">{t('workshop.moderation.author')}</th>
              <th scope="col">{t('workshop.moderation.fate')}</th>
            </tr>
          </thead>
          <tbody>
            {record.proposals.map((p) => (
              <tr key={p.id} data-status={p.status}>
                <td>
                  <span className="badge">{t(`workshop.proposal.kind.${p.proposal.kind}`)}</span> {proposalSummary(p, nameOf, t)}
                </td>
                <td>{p.author ?? t('workshop.server.anonymous')}</td>
                <td>
                  {t(`workshop.proposal.status.${p.status}`)}
                  {p.reason ? ` — ${p.reason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {record.rounds.length > 0 && <h3>{t('workshop.records.votes')}</h3>}
      {record.rounds.map((r) => (
        <section key={r.id} className="card">
          <h4>{r.title}</h4>
          <VoteChart round={r} />
        </section>
      ))}
      {record.groups.length + record.notes.length > 0 && (
        <>
          <h3>{t('workshop.brainstorm.notes')}</h3>
          <ul>
            {record.groups.map((g) => (
              <li key={g.id}>
                <strong>{g.title}</strong>
                <ul>
                  {record.notes
                    .filter((n) => n.groupId === g.id)
                    .map((n) => (
                      <li key={n.id}>{n.text}</li>
                    ))}
                </ul>
              </li>
            ))}
            {record.notes
              .filter((n) => !n.groupId)
              .map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
          </ul>
        </>
      )}
      {record.comments.length > 0 && (
        <>
          <h3>{t('workshop.records.comments', { count: record.comments.length })}</h3>
          <ul>
            {record.comments.map((c) => (
              <li key={c.id}>
                {c.text} <span className="muted small">— {c.author ?? t('workshop.server.anonymous')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
