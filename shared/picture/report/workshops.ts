/**
 * The report's part on workshop sessions: each recorded session with its agenda (time box against
 * actual time), who took part (counts, or names where the facilitator kept them), what became of
 * the proposals, the top of each dot vote and the self-assessments saved as surveys. Its words
 * live here, beside the part, in fi/sv/en like the rest of the report's.
 */
import { pickText, type Language } from '../../model';
import type { WorkshopDigest } from '../../workshop/digest';
import type { reportFormat } from './html';
import { esc } from './svg';

const en = {
  heading: 'Workshop sessions',
  note: 'Records of ended workshop sessions, newest first. People are named only where the facilitator chose to keep names; otherwise only counted.',
  none: 'No workshop session has been recorded.',
  template: 'Template: {name}',
  when: '{start} – {end}',
  people: 'Participants: {participants}; observers: {observers}; of them anonymous: {anonymous}.',
  names: 'Taking part: {names}.',
  agenda: 'Agenda',
  colStep: 'Step',
  colPlanned: 'Time box (min)',
  colActual: 'Actual time',
  colActualMinutes: 'Actual (min)',
  notRun: 'not run',
  total: 'Whole session',
  proposals: 'Proposals',
  accepted: 'Accepted into the map',
  rejected: 'Rejected',
  merged: 'Merged as duplicates',
  pending: 'Left undecided',
  comments: 'Comments',
  notes: 'Brainstorm notes',
  votes: 'Dot voting',
  vote: '{title}: {voters} voted, {dots} dots in all.',
  colTarget: 'Most dots',
  colDots: 'Dots',
  noDots: 'No dots were placed.',
  assessment: '{title}: {respondents} respondents about {organisations} organisations; saved in the picture as {surveys} surveys.',
};
export type WorkshopReportKey = keyof typeof en;
type Strings = Record<WorkshopReportKey, string>;

const fi: Strings = {
  heading: 'Työpajat',
  note: 'Päättyneiden työpajojen pöytäkirjat, uusin ensin. Osallistujat nimetään vain, jos fasilitaattori valitsi nimien säilyttämisen; muuten heidät vain lasketaan.',
  none: 'Yhtään työpajaa ei ole kirjattu.',
  template: 'Pohja: {name}',
  when: '{start} – {end}',
  people: 'Osallistujia: {participants}; tarkkailijoita: {observers}; heistä nimettömänä: {anonymous}.',
  names: 'Mukana: {names}.',
  agenda: 'Ohjelma',
  colStep: 'Vaihe',
  colPlanned: 'Aikaraja (min)',
  colActual: 'Toteutunut aika',
  colActualMinutes: 'Toteutunut (min)',
  notRun: 'ei pidetty',
  total: 'Koko työpaja',
  proposals: 'Ehdotukset',
  accepted: 'Hyväksytty karttaan',
  rejected: 'Hylätty',
  merged: 'Yhdistetty päällekkäisinä',
  pending: 'Jäi ratkaisematta',
  comments: 'Kommentit',
  notes: 'Ideointilaput',
  votes: 'Pisteäänestys',
  vote: '{title}: {voters} äänesti, yhteensä {dots} pistettä.',
  colTarget: 'Eniten pisteitä',
  colDots: 'Pisteet',
  noDots: 'Pisteitä ei annettu.',
  assessment: '{title}: {respondents} vastaajaa, {organisations} organisaatiota; tallennettu tilannekuvaan {surveys} kyselynä.',
};

const sv: Strings = {
  heading: 'Workshoppar',
  note: 'Protokoll från avslutade workshoppar, den senaste först. Deltagarna namnges bara om facilitatorn valde att spara namnen; annars räknas de bara.',
  none: 'Ingen workshop har protokollförts.',
  template: 'Mall: {name}',
  when: '{start} – {end}',
  people: 'Deltagare: {participants}; observatörer: {observers}; av dem anonyma: {anonymous}.',
  names: 'Med var: {names}.',
  agenda: 'Program',
  colStep: 'Steg',
  colPlanned: 'Tidsram (min)',
  colActual: 'Faktisk tid',
  colActualMinutes: 'Faktisk (min)',
  notRun: 'hölls inte',
  total: 'Hela workshoppen',
  proposals: 'Förslag',
  accepted: 'Godkända till kartan',
  rejected: 'Avslagna',
  merged: 'Sammanslagna som dubbletter',
  pending: 'Lämnades oavgjorda',
  comments: 'Kommentarer',
  notes: 'Idélappar',
  votes: 'Prickröstning',
  vote: '{title}: {voters} röstade, sammanlagt {dots} prickar.',
  colTarget: 'Flest prickar',
  colDots: 'Prickar',
  noDots: 'Inga prickar gavs.',
  assessment: '{title}: {respondents} svarande om {organisations} organisationer; sparad i lägesbilden som {surveys} enkäter.',
};

/** The part's strings per language (the completeness test checks keys and placeholders). */
export const WORKSHOP_REPORT_STRINGS: Record<Language, Strings> = { fi, sv, en };

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The workshops part of the report: its heading and body. */
export function workshopsPart(workshops: readonly WorkshopDigest[], lang: Language, f: ReturnType<typeof reportFormat>): { id: string; heading: string; body: string } {
  const table = WORKSHOP_REPORT_STRINGS[lang];
  const t = (key: WorkshopReportKey, vars?: Record<string, string | number>) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  const T = (key: WorkshopReportKey, vars?: Record<string, string | number>) => esc(t(key, vars));
  // Times of day in the same zone as the report's other timestamps (UTC, named), so every copy reads the same.
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const hm = (iso: string) => time.format(new Date(iso));
  let body = '';
  if (workshops.length === 0) body = `<p class="empty">${T('none')}</p>`;
  else {
    body += `<p class="note">${T('note')}</p>`;
    for (const w of workshops) {
      const p = w.participants;
      body += `<section class="workshop"><h3>${esc(w.title)}</h3><p class="meta">${T('when', { start: f.dateTime(w.startedAt), end: hm(w.endedAt) })}`;
      const templateName = pickText(w.template, lang);
      if (templateName) body += ` · ${T('template', { name: templateName })}`;
      body += `</p><p>${T('people', { participants: f.int(p.participants), observers: f.int(p.observers), anonymous: f.int(p.anonymous) })}`;
      if (p.names && p.names.length) body += ` ${T('names', { names: p.names.join(', ') })}`;
      body += '</p>';

      body += `<div class="keep"><h4>${T('agenda')}</h4><table class="num"><thead><tr><th scope="col">${T('colStep')}</th><th scope="col">${T('colPlanned')}</th><th scope="col">${T('colActual')}</th><th scope="col">${T('colActualMinutes')}</th></tr></thead><tbody>`;
      for (const s of w.agenda) {
        const span = s.startedAt ? `${hm(s.startedAt)} – ${s.endedAt ? hm(s.endedAt) : ''}` : t('notRun');
        body += `<tr><th scope="row">${esc(s.title)}</th><td>${esc(f.int(s.plannedMinutes))}</td><td>${esc(span)}</td><td>${s.actualMinutes === null ? T('notRun') : esc(f.int(s.actualMinutes))}</td></tr>`;
      }
      body += `<tr><th scope="row">${T('total')}</th><td>${esc(f.int(w.plannedMinutes))}</td><td></td><td>${w.actualMinutes === null ? T('notRun') : esc(f.int(w.actualMinutes))}</td></tr></tbody></table></div>`;

      const fig = (k: WorkshopReportKey, v: number) => `<div class="figure"><dt>${T(k)}</dt><dd>${esc(f.int(v))}</dd></div>`;
      const pr = w.proposals;
      body += `<dl class="figures">${fig('proposals', pr.total)}${fig('accepted', pr.accepted)}${fig('rejected', pr.rejected)}${fig('merged', pr.merged)}${fig('pending', pr.pending)}${fig('comments', w.comments)}${fig('notes', w.notes)}</dl>`;

      if (w.votes.length) {
        body += `<h4>${T('votes')}</h4>`;
        for (const v of w.votes) {
          body += `<div class="keep"><p>${T('vote', { title: v.title, voters: f.int(v.voters), dots: f.int(v.dots) })}</p>`;
          if (v.top.length === 0) body += `<p class="empty">${T('noDots')}</p></div>`;
          else {
            body += `<table class="num"><thead><tr><th scope="col">${T('colTarget')}</th><th scope="col">${T('colDots')}</th></tr></thead><tbody>`;
            for (const x of v.top) body += `<tr><th scope="row">${esc(x.label)}</th><td>${esc(f.int(x.dots))}</td></tr>`;
            body += '</tbody></table></div>';
          }
        }
      }
      for (const a of w.assessments) {
        body += `<p>${T('assessment', { title: a.title, respondents: f.int(a.respondents), organisations: f.int(a.organisations), surveys: f.int(a.surveys) })}</p>`;
      }
      body += '</section>';
    }
  }
  return { id: 'workshops', heading: t('heading'), body };
}
