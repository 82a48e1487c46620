import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../../shared/model';
import type { WorkshopDigest } from '../../../../../shared/workshop/digest';
import { api } from '../../../api';
import { routeHref } from '../../../app/route';
import { Disclosure } from '../charts/Disclosure';
import { NumbersTable } from '../charts/NumbersTable';
import type { TableData } from '../charts/table-data';
import { fmtNumber } from '../format';

const LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const when = (iso: string, lang: Language) => new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' });
const hm = (iso: string | undefined, lang: Language) => (iso ? new Date(iso).toLocaleTimeString(LOCALE[lang], { hour: '2-digit', minute: '2-digit' }) : '');

/** Records of ended sessions, read from the records themselves; `before` (a review's time) keeps those that had ended by then. */
function useDigests(before: string | undefined): WorkshopDigest[] | null {
  const [list, setList] = useState<WorkshopDigest[] | null>(null);
  const load = useCallback(() => {
    void api
      .call('workshop.digests', before ? { before } : {})
      .then(setList)
      .catch(() => setList([]));
  }, [before]);
  useEffect(() => {
    load();
    // A session ending writes its record; switching workspaces brings other records.
    return api.on('workspace.changed', (p) => {
      if (p.method === 'workshop.end' || p.method.startsWith('workspace.')) load();
    });
  }, [load]);
  return list;
}

function WorkshopCard({ w }: { w: WorkshopDigest }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const n = (v: number) => fmtNumber(v, lang);
  const p = w.participants;
  const template = pickText(w.template, lang);
  const people = p.names?.length
    ? t('workshop.inPicture.names', { names: p.names.join(', ') })
    : [t('workshop.records.nParticipants', { count: p.participants }), t('workshop.records.nObservers', { count: p.observers }), ...(p.anonymous ? [t('workshop.records.nAnonymous', { count: p.anonymous })] : [])].join(', ');
  const pr = w.proposals;
  const fates = (['accepted', 'rejected', 'merged', 'pending'] as const).filter((k) => pr[k] > 0).map((k) => t(`workshop.inPicture.fate.${k}`, { count: pr[k] }));
  const agenda: TableData = {
    title: t('workshop.inPicture.agendaOf', { title: w.title }),
    columns: [
      { header: t('workshop.agenda.stepTitle') },
      { header: t('workshop.inPicture.planned'), kind: 'number' },
      { header: t('workshop.records.actual') },
      { header: t('workshop.inPicture.actualMinutes'), kind: 'number' },
    ],
    rows: [
      ...w.agenda.map((s) => [s.title, s.plannedMinutes, s.startedAt ? `${hm(s.startedAt, lang)}–${hm(s.endedAt, lang)}` : t('workshop.records.skipped'), s.actualMinutes]),
      [t('workshop.inPicture.whole'), w.plannedMinutes, `${hm(w.startedAt, lang)}–${hm(w.endedAt, lang)}`, w.actualMinutes],
    ],
  };
  return (
    <li className="ws-digest" data-record={w.id}>
      <h3>{w.title}</h3>
      <p className="muted small">
        {when(w.startedAt, lang)}–{hm(w.endedAt, lang)}
        {template && template !== w.title ? ` · ${t('workshop.inPicture.template', { name: template })}` : ''}
      </p>
      <dl className="ws-digest-facts">
        <div>
          <dt>{t('workshop.records.people')}</dt>
          <dd>{people}</dd>
        </div>
        <div>
          <dt>{t('workshop.inPicture.time')}</dt>
          <dd>
            {w.actualMinutes === null
              ? t('workshop.inPicture.timeNotRun', { planned: n(w.plannedMinutes) })
              : t('workshop.inPicture.timeActual', { actual: n(w.actualMinutes), planned: n(w.plannedMinutes) })}
          </dd>
        </div>
        <div>
          <dt>{t('workshop.records.proposals')}</dt>
          <dd>{pr.total === 0 ? t('workshop.inPicture.noProposals') : `${n(pr.total)}: ${fates.join(', ')}`}</dd>
        </div>
        <div>
          <dt>{t('workshop.inPicture.comments')}</dt>
          <dd>{n(w.comments)}</dd>
        </div>
        {w.votes.map((v) => (
          <div key={v.id}>
            <dt>{t('workshop.inPicture.vote', { title: v.title })}</dt>
            <dd>
              {v.top.length === 0
                ? t('workshop.inPicture.noDots')
                : `${v.top.map((x) => t('workshop.inPicture.topItem', { label: x.label, count: x.dots })).join(', ')} (${t('workshop.inPicture.voters', { count: v.voters })})`}
            </dd>
          </div>
        ))}
        {w.assessments.map((a) => (
          <div key={a.stepId}>
            <dt>{a.title}</dt>
            <dd>{t('workshop.inPicture.assessment', { count: a.respondents, organisations: a.organisations })}</dd>
          </div>
        ))}
      </dl>
      <Disclosure className="chart-numbers" summary={t('workshop.inPicture.agenda')}>
        {() => <NumbersTable table={agenda} />}
      </Disclosure>
      <p>
        <a href={routeHref({ view: 'workshop', tab: 'records', id: w.id })} aria-label={t('workshop.inPicture.openNamed', { title: w.title })}>
          {t('workshop.inPicture.open')}
        </a>
      </p>
    </li>
  );
}

/** The dashboard's part on workshop sessions: each recorded session in brief, openable as its whole record. */
export function WorkshopsSection({ before }: { before?: string }) {
  const { t } = useTranslation();
  const list = useDigests(before);
  return (
    <section className="dash-section" aria-labelledby="dash-workshops" data-testid="picture-workshops">
      <h2 id="dash-workshops">{t('workshop.inPicture.title')}</h2>
      {!list ? (
        <p className="muted">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('workshop.inPicture.none')}</p>
      ) : (
        <ul className="ws-digests">
          {list.map((w) => (
            <WorkshopCard key={w.id} w={w} />
          ))}
        </ul>
      )}
    </section>
  );
}
