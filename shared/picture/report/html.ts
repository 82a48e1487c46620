/**
 * The situational picture as one self-contained HTML file: the same figures the dashboard and
 * `kohtaanto picture` show, laid out for reading and printing. Pure string building, so the app's
 * backend, the CLI and tests produce byte-identical reports from the same input.
 */
import { pickText, type Language, type OptionalText } from '../../model';
import { criticalMassCurve, type CbaProblem } from '../cba';
import { dayNumber, type IndicatorStatus } from '../indicator';
import type { CbaItemDoc, CbaSettings, Goal, ImpactBox, Indicator, PictureItem, Survey } from '../schemas';
import { IMPACT_STAGES, type ImpactStage } from '../schemas';
import { cbaInput, type PictureSummary } from '../summary';
import { divergingSegments, LIKERT_OPTIONS } from '../survey';
import { reportTranslator, type ReportKey } from './strings';
import { esc, likertBar, npvCurve, plannedActualBars, sparkline, tornadoChart, yearColumns } from './svg';
import type { WorkshopDigest } from '../../workshop/digest';
import { workshopsPart } from './workshops';

/** The latest matching run as the report shows it. */
export interface ReportMatching {
  createdAt: string;
  label: string | null;
  coverage: number;
  people: number;
  gaps: number;
  overlaps: number;
  /** Largest gaps first, with the need's name already resolved. */
  topGaps: Array<{ need: string; people: number; personas: number; bestScore: number }>;
  /** True when the run was chosen as the latest one before a review. */
  beforeReview?: boolean;
}

export interface ReportInput {
  lang: Language;
  /** The workspace's title. */
  title: OptionalText;
  /** When the report was made (ISO timestamp). */
  generatedAt: string;
  items: readonly PictureItem[];
  summary: PictureSummary;
  /** Names of ecosystem entities the picture refers to (organisations of budget lines, owners). */
  names: Readonly<Record<string, OptionalText>>;
  review?: { label: string; createdAt: string };
  matching?: ReportMatching;
  /** Recorded workshop sessions, newest first; the part is left out when not given. */
  workshops?: readonly WorkshopDigest[];
}

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const STATUS_KEY: Record<IndicatorStatus, ReportKey> = { onTrack: 'statusOnTrack', atRisk: 'statusAtRisk', offTrack: 'statusOffTrack', noData: 'statusNoData' };
const STAGE_KEY: Record<ImpactStage, ReportKey> = {
  basis: 'stageBasis',
  needs: 'stageNeeds',
  inputs: 'stageInputs',
  activities: 'stageActivities',
  outputs: 'stageOutputs',
  results: 'stageResults',
  impacts: 'stageImpacts',
};
const PROBLEM_KEY: Record<CbaProblem, ReportKey> = { noYears: 'problemNoYears', discountRateTooLow: 'problemDiscountRateTooLow', notFinite: 'problemNotFinite' };

/** Number, money, share and date formatting in the report's language. */
export function reportFormat(lang: Language) {
  const locale = LOCALES[lang];
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const eur = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return {
    num: (x: number) => num.format(x),
    int: (x: number) => int.format(x),
    eur: (x: number) => eur.format(x),
    pct: (x: number) => pct.format(x),
    /** An ISO date (YYYY-MM-DD) as the language writes it. */
    date: (iso: string) => date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
  };
}

/** Builds the report; everything from users is escaped, and nothing refers outside the file. */
export function buildReportHtml(input: ReportInput): string {
  const { lang, summary, items } = input;
  const t = reportTranslator(lang);
  const f = reportFormat(lang);
  const T = (key: ReportKey, vars?: Record<string, string | number>) => esc(t(key, vars));
  const name = (text: OptionalText | undefined, fallback: string) => pickText(text, lang) || fallback;
  const entityName = (id: string | undefined) => (id ? name(input.names[id], id) : '');
  const byId = new Map(items.map((i) => [i.id, i]));
  const title = pickText(input.title, lang);
  const docTitle = title ? t('docTitle', { title }) : t('docTitleUntitled');

  const parts: Array<{ id: string; heading: string; body: string }> = [];

  // ---- Goals and indicators -------------------------------------------------------------------
  {
    const goals = summary.goals;
    const indicatorDocs = new Map(items.filter((i): i is Indicator => i.kind === 'indicator').map((i) => [i.id, i]));
    const goalOf = (ind: Indicator | undefined): string | undefined => {
      if (!ind?.measures) return undefined;
      const m = byId.get(ind.measures);
      if (m?.kind === 'goal') return m.id;
      if (m?.kind === 'impactBox') return m.goal;
      return undefined;
    };
    const grouped = new Map<string | undefined, typeof summary.indicators>();
    for (const s of summary.indicators) {
      const g = goalOf(indicatorDocs.get(s.id));
      const key = g && goals.some((x) => x.id === g) ? g : undefined;
      grouped.set(key, [...(grouped.get(key) ?? []), s]);
    }
    const table = (rows: typeof summary.indicators) => {
      let h = `<table class="indicators"><thead><tr><th scope="col">${T('colIndicator')}</th><th scope="col">${T('colStatus')}</th><th scope="col">${T('colLatest')}</th><th scope="col">${T('colTarget')}</th><th scope="col">${T('colTrend')}</th><th scope="col">${T('colRule')}</th></tr></thead><tbody>`;
      for (const s of rows) {
        const ind = indicatorDocs.get(s.id);
        const nm = name(ind?.name, s.id);
        const unit = ind?.unit ? ` ${ind.unit}` : '';
        const val = (v: number) => `${f.num(v)}${unit}`;
        const st = s.status;
        const latest = st.latest ? t('valueAtDate', { value: val(st.latest.value), date: f.date(st.latest.date) }) : t('none');
        const target = ind?.target ? t('valueAtDate', { value: val(ind.target.value), date: f.date(ind.target.date) }) : t('none');
        let rule: string;
        if (st.status === 'noData') rule = t(st.reason === 'noBaseline' ? 'reasonNoBaseline' : st.reason === 'noTarget' ? 'reasonNoTarget' : 'reasonNoMeasurements');
        else if ((st.shortfall ?? 0) > 0) rule = t('ruleApplied', { expected: val(st.expected ?? 0), date: f.date(st.latest!.date), shortfall: val(st.shortfall ?? 0), allowed: val(st.allowed ?? 0) });
        else rule = t('ruleAhead', { expected: val(st.expected ?? 0), date: f.date(st.latest!.date) });
        const meta = [ind ? t(ind.direction === 'higher' ? 'directionHigher' : 'directionLower') : '', ind?.owner ? t('ownerLabel', { owner: entityName(ind.owner) }) : '', ind?.dataSource ? t('sourceLabel', { source: ind.dataSource }) : '']
          .filter(Boolean)
          .map(esc)
          .join(' · ');
        let spark = '';
        if (ind && ind.measurements.length) {
          const pts = ind.measurements.map((m) => ({ x: dayNumber(m.date), y: m.value }));
          const path = ind.baseline && ind.target ? { from: { x: dayNumber(ind.baseline.date), y: ind.baseline.value }, to: { x: dayNumber(ind.target.date), y: ind.target.value } } : undefined;
          const dates = ind.measurements.map((m) => m.date).sort();
          spark = sparkline(pts, path, t('sparkLabel', { name: nm, count: ind.measurements.length, first: f.date(dates[0]), last: f.date(dates[dates.length - 1]) }));
        }
        h += `<tr><th scope="row">${esc(nm)}<div class="meta">${meta}</div></th><td><span class="status ${st.status}">${T(STATUS_KEY[st.status])}</span></td><td>${esc(latest)}</td><td>${esc(target)}</td><td>${spark}</td><td class="rule">${esc(rule)}</td></tr>`;
      }
      return `${h}</tbody></table>`;
    };
    let body = `<p class="note">${T('ruleGeneral')}</p>`;
    if (goals.length === 0) body += `<p class="empty">${T('noGoals')}</p>`;
    for (const g of goals as Goal[]) {
      const rows = grouped.get(g.id) ?? [];
      const desc = pickText(g.description, lang);
      body += `<section class="goal"><h3>${esc(name(g.name, g.id))}</h3>${desc ? `<p>${esc(desc)}</p>` : ''}${rows.length ? table(rows) : `<p class="empty">${T('noIndicators')}</p>`}</section>`;
    }
    const loose = grouped.get(undefined) ?? [];
    if (loose.length) body += `<section class="goal"><h3>${T('otherIndicators')}</h3>${table(loose)}</section>`;
    parts.push({ id: 'goals', heading: t('goalsHeading'), body });
  }

  // ---- Impact logic ---------------------------------------------------------------------------
  {
    const { boxes, links } = summary.impact;
    let body = '';
    if (boxes.length === 0) body = `<p class="empty">${T('noImpact')}</p>`;
    else {
      const boxName = (id: string) => {
        const b = byId.get(id);
        return b && b.kind === 'impactBox' ? name(b.name, id) : id;
      };
      const statusWord = (s: string | undefined) => t(s === 'holds' ? 'assumptionHolds' : s === 'uncertain' ? 'assumptionUncertain' : s === 'failed' ? 'assumptionFailed' : 'assumptionUnknown');
      const stages = IMPACT_STAGES.filter((s) => boxes.some((b) => b.stage === s));
      body += `<div class="impact" style="grid-template-columns: repeat(${stages.length}, minmax(0, 1fr))">`;
      for (const stage of stages) {
        body += `<div class="stage"><h3>${T(STAGE_KEY[stage])}</h3>`;
        for (const b of boxes.filter((x: ImpactBox) => x.stage === stage)) {
          const desc = pickText(b.description, lang);
          const goal = b.goal ? byId.get(b.goal) : undefined;
          body += `<div class="box"><strong>${esc(name(b.name, b.id))}</strong>${desc ? `<p>${esc(desc)}</p>` : ''}`;
          if (goal?.kind === 'goal') body += `<p class="meta">${T('servesGoal', { goal: name(goal.name, goal.id) })}</p>`;
          for (const l of links.filter((x) => x.source === b.id)) {
            const a = pickText(l.assumption, lang);
            body += `<p class="link ${esc(l.assumptionStatus ?? 'unknown')}">→ ${T('leadsTo', { target: boxName(l.target) })}${a ? `<br>${T('assumption', { text: a })} (${esc(statusWord(l.assumptionStatus))})` : ''}</p>`;
          }
          body += '</div>';
        }
        body += '</div>';
      }
      body += '</div>';
      if (links.length) {
        body += `<h3>${T('linksHeading')}</h3><table><thead><tr><th scope="col">${T('colFrom')}</th><th scope="col">${T('colTo')}</th><th scope="col">${T('colAssumption')}</th><th scope="col">${T('colAssumptionStatus')}</th></tr></thead><tbody>`;
        for (const l of links) {
          body += `<tr><td>${esc(boxName(l.source))}</td><td>${esc(boxName(l.target))}</td><td>${esc(pickText(l.assumption, lang) || t('none'))}</td><td><span class="assume ${esc(l.assumptionStatus ?? 'unknown')}">${esc(statusWord(l.assumptionStatus))}</span></td></tr>`;
        }
        body += '</tbody></table>';
      }
    }
    parts.push({ id: 'impact', heading: t('impactHeading'), body });
  }

  // ---- Budget ---------------------------------------------------------------------------------
  {
    const b = summary.budget;
    let body = '';
    if (b.byYear.length === 0) body = `<p class="empty">${T('noBudget')}</p>`;
    else {
      body += `<p class="totals">${T('budgetTotals', { planned: f.eur(b.planned), actual: f.eur(b.actual) })}</p>`;
      const group = (heading: ReportKey, groups: typeof b.byCategory, label: (k: string) => string) => {
        const rows = groups.map((g) => ({ ...g, label: label(g.key) }));
        let h = `<div class="keep"><h3>${T(heading)}</h3>`;
        h += `<figure>${plannedActualBars(rows, f.eur, t('barsLabel', { group: t(heading).toLowerCase() }))}<figcaption><span class="sw planned"></span>${T('legendPlanned')} <span class="sw actual"></span>${T('legendActual')}</figcaption></figure></div>`;
        h += `<table class="num"><thead><tr><th scope="col">${T('colGroup')}</th><th scope="col">${T('colPlanned')}</th><th scope="col">${T('colActual')}</th><th scope="col">${T('colShare')}</th></tr></thead><tbody>`;
        for (const r of rows) {
          const missing = r.actualMissing ? ` <span class="meta">(${T('actualMissing', { count: r.actualMissing })})</span>` : '';
          h += `<tr><th scope="row">${esc(r.label)}</th><td>${esc(f.eur(r.planned))}</td><td>${esc(f.eur(r.actual))}${missing}</td><td>${esc(f.pct(r.share))}</td></tr>`;
        }
        return `${h}</tbody></table>`;
      };
      body += group('byCategory', b.byCategory, (k) => k);
      body += group('byOrganisation', b.byOrganisation, (k) => (k ? entityName(k) : t('noOrganisation')));
      body += group('byYear', b.byYear, (k) => k);
    }
    parts.push({ id: 'budget', heading: t('budgetHeading'), body });
  }

  // ---- Cost–benefit ---------------------------------------------------------------------------
  {
    const c = summary.cba;
    const settings = items.find((i): i is CbaSettings => i.kind === 'cbaSettings');
    const cbaItems = items.filter((i): i is CbaItemDoc => i.kind === 'cbaItem');
    let body = '';
    if (!settings) body = `<p class="empty">${T('noCba')}</p>`;
    else if (!c.result) body = `<p class="empty">${T('cbaProblem', { problems: c.problems.map((p) => t(PROBLEM_KEY[p])).join(', ') })}</p>`;
    else {
      const r = c.result;
      const cm = c.criticalMass;
      const cmText = !cm ? t('none') : cm.organisations !== null ? t('criticalMassValue', { count: f.int(cm.organisations) }) : cm.reason === 'noAdoption' ? t('criticalMassNoAdoption') : t('criticalMassNone', { limit: f.int(cm.limit) });
      const bcr = r.bcr === null ? t('none') : f.num(r.bcr);
      const payback = r.paybackYear === null ? t('never') : String(r.paybackYear);
      const figure = (k: ReportKey, v: string, cls = '') => `<div class="figure ${cls}"><dt>${T(k)}</dt><dd>${esc(v)}</dd></div>`;
      body += `<dl class="figures">${figure('npv', f.eur(r.npv), r.npv >= 0 ? 'good' : 'bad')}${figure('bcr', bcr)}${figure('payback', payback)}${figure('criticalMass', cmText)}${figure('discountRate', f.pct(settings.discountRate))}${figure('pvCosts', f.eur(r.pvCosts))}${figure('pvBenefits', f.eur(r.pvBenefits))}</dl>`;
      body += `<div class="keep"><h3>${T('formulasHeading')}</h3><ul class="formulas"><li>${T('formulaPv', { firstYear: r.firstYear, rate: f.pct(settings.discountRate) })}</li><li>${T('formulaNpv', { benefits: f.eur(r.pvBenefits), costs: f.eur(r.pvCosts), npv: f.eur(r.npv) })}</li><li>${T('formulaBcr', { bcr })}</li><li>${T('formulaPayback')}</li><li>${T('formulaCriticalMass', { final: f.int(r.finalOrganisations) })}</li></ul></div>`;
      const assumptions = pickText(settings.assumptions, lang);
      if (assumptions) body += `<div class="keep"><h3>${T('assumptionsHeading')}</h3><p class="assumptions">${esc(assumptions)}</p></div>`;
      body += `<div class="keep"><h3>${T('cumulativeHeading')}</h3><figure>${yearColumns(
        r.years.map((y) => ({ year: y.year, value: y.cumulativeDiscountedNet })),
        r.paybackYear,
        t('paybackMark', { year: payback }),
        f.eur,
        t('cumulativeLabel', { payback }),
      )}</figure></div>`;
      body += `<table class="num"><thead><tr><th scope="col">${T('colYear')}</th><th scope="col">${T('colOrganisations')}</th><th scope="col">${T('colCosts')}</th><th scope="col">${T('colBenefits')}</th><th scope="col">${T('colDiscountedNet')}</th><th scope="col">${T('colCumulative')}</th></tr></thead><tbody>`;
      for (const y of r.years) {
        body += `<tr${y.year === r.paybackYear ? ' class="payback"' : ''}><th scope="row">${y.year}</th><td>${esc(f.num(y.organisations))}</td><td>${esc(f.eur(y.costs))}</td><td>${esc(f.eur(y.benefits))}</td><td>${esc(f.eur(y.discountedNet))}</td><td>${esc(f.eur(y.cumulativeDiscountedNet))}</td></tr>`;
      }
      body += '</tbody></table>';
      if (cm && cm.reason !== 'noAdoption' && r.finalOrganisations > 0) {
        const reach = Math.max(r.finalOrganisations, cm.organisations ?? 0);
        const maxN = Math.min(cm.limit, Math.max(10, Math.ceil(reach * 2)));
        const pts = criticalMassCurve(cbaInput(cbaItems, settings), maxN).map((p) => ({ n: p.organisations, npv: p.npv }));
        body += `<div class="keep"><h3>${T('curveHeading')}</h3><figure>${npvCurve(pts, cm.organisations, `N = ${f.int(cm.organisations ?? 0)}`, t('curveAxis'), f.eur, f.int, t('curveLabel', { mass: cmText }))}</figure></div>`;
      }
      if (c.tornado && c.tornado.bars.length) {
        const itemName = (id: string) => (id === 'discountRate' ? t('discountRate') : name(cbaItems.find((i) => i.id === id)?.name, id));
        const bars = c.tornado.bars.map((b) => ({ ...b, label: itemName(b.id) }));
        const share = f.pct(settings.sensitivity);
        body += `<div class="keep"><h3>${T('tornadoHeading', { share })}</h3><figure>${tornadoChart(bars, c.tornado.base, t('tornadoBase', { base: f.eur(c.tornado.base) }), f.eur, t('tornadoLabel', { base: f.eur(c.tornado.base) }))}</figure></div>`;
        body += `<table class="num"><thead><tr><th scope="col">${T('colItem')}</th><th scope="col">${T('colLow')}</th><th scope="col">${T('colHigh')}</th><th scope="col">${T('colSwing')}</th></tr></thead><tbody>`;
        for (const b of bars) {
          const item = cbaItems.find((i) => i.id === b.id);
          const kind = item ? ` <span class="meta">(${T(item.type === 'cost' ? 'cost' : 'benefit')}${item.perOrganisation ? `, ${T('perOrganisation')}` : ''})</span>` : '';
          body += `<tr><th scope="row">${esc(b.label)}${kind}</th><td>${esc(f.eur(b.low))}</td><td>${esc(f.eur(b.high))}</td><td>${esc(f.eur(b.swing))}</td></tr>`;
        }
        body += '</tbody></table>';
      }
    }
    parts.push({ id: 'cba', heading: t('cbaHeading'), body });
  }

  // ---- Surveys --------------------------------------------------------------------------------
  {
    const surveys = items.filter((i): i is Survey => i.kind === 'survey');
    let body = '';
    if (surveys.length === 0) body = `<p class="empty">${T('noSurveys')}</p>`;
    else {
      body += `<p class="note">${T('likertLegend')} ${T('meanRule')}</p><p class="legend">${LIKERT_OPTIONS.map((o) => `<span class="sw o${o}"></span>${o}`).join(' ')} <span class="sw cs"></span>${T('colCannotSay')}</p>`;
      for (const sv of surveys) {
        const sum = summary.surveys.find((x) => x.id === sv.id);
        body += `<section class="survey"><h3>${esc(name(sv.name, sv.id))}</h3>${sv.date ? `<p class="meta">${T('surveyDate', { date: f.date(sv.date) })}</p>` : ''}`;
        body += `<table class="likert"><thead><tr><th scope="col">${T('colQuestion')}</th><th scope="col"></th><th scope="col">${T('colN')}</th><th scope="col">${T('colAgree')}</th><th scope="col">${T('colMean')}</th><th scope="col">${T('colCannotSay')}</th></tr></thead><tbody>`;
        for (const q of sv.questions) {
          const s = sum?.questions.find((x) => x.id === q.id)?.summary;
          if (!s) continue;
          const qText = name(q.text, q.id);
          const label = t('likertLabel', { question: qText, n: s.n, o1: q.counts[1], o2: q.counts[2], o3: q.counts[3], o4: q.counts[4], o5: q.counts[5], cs: q.cannotSay });
          const bar = likertBar(divergingSegments({ counts: q.counts, cannotSay: q.cannotSay }), s.shares.cannotSay, `N = ${f.int(s.n)}`, label);
          body += `<tr><th scope="row">${esc(qText)}</th><td>${bar}</td><td>${esc(f.int(s.n))}</td><td>${esc(s.shareAgree === null ? t('none') : f.pct(s.shareAgree))}</td><td>${esc(s.mean === null ? t('none') : f.num(s.mean))}</td><td>${esc(f.int(s.cannotSay))}</td></tr>`;
        }
        body += '</tbody></table></section>';
      }
    }
    parts.push({ id: 'surveys', heading: t('surveysHeading'), body });
  }

  // ---- Matching -------------------------------------------------------------------------------
  {
    const m = input.matching;
    let body = '';
    if (!m) body = `<p class="empty">${T('noMatching')}</p>`;
    else {
      body += `<p>${m.label ? T('matchingRun', { label: m.label, date: f.dateTime(m.createdAt) }) : T('matchingRunUnlabelled', { date: f.dateTime(m.createdAt) })}${m.beforeReview ? ` ${T('matchingBeforeReview')}` : ''}</p>`;
      const fig = (k: ReportKey, v: string) => `<div class="figure"><dt>${T(k)}</dt><dd>${esc(v)}</dd></div>`;
      body += `<dl class="figures">${fig('coverage', f.pct(m.coverage))}${fig('people', f.int(m.people))}${fig('gaps', f.int(m.gaps))}${fig('overlaps', f.int(m.overlaps))}</dl>`;
      body += `<h3>${T('topGaps')}</h3>`;
      if (m.topGaps.length === 0) body += `<p class="empty">${T('noGaps')}</p>`;
      else {
        body += `<table class="num"><thead><tr><th scope="col">${T('colNeed')}</th><th scope="col">${T('colPeople')}</th><th scope="col">${T('colPersonas')}</th><th scope="col">${T('colBestScore')}</th></tr></thead><tbody>`;
        for (const g of m.topGaps) body += `<tr><th scope="row">${esc(g.need)}</th><td>${esc(f.int(g.people))}</td><td>${esc(f.int(g.personas))}</td><td>${esc(f.num(g.bestScore))}</td></tr>`;
        body += '</tbody></table>';
      }
    }
    parts.push({ id: 'matching', heading: t('matchingHeading'), body });
  }

  if (input.workshops) parts.push(workshopsPart(input.workshops, lang, f));

  const note = input.review ? T('reviewNote', { label: input.review.label, date: f.dateTime(input.review.createdAt) }) : T('currentNote');
  const toc = `<nav class="toc" aria-label="${T('contents')}"><h2>${T('contents')}</h2><ol>${parts.map((p) => `<li><a href="#${p.id}">${esc(p.heading)}</a></li>`).join('')}</ol></nav>`;
  const main = parts.map((p) => `<section class="part" id="${p.id}" aria-labelledby="${p.id}-h"><h2 id="${p.id}-h">${esc(p.heading)}</h2>${p.body}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(docTitle)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${esc(docTitle)}</h1><p class="review">${note}</p><p class="meta">${T('generated', { date: f.dateTime(input.generatedAt) })} ${T('selfContained')}</p></header>
${toc}
<main>
${main}
</main>
</body>
</html>
`;
}

// System fonts only (the report may load nothing); print rules keep charts and headings whole.
const REPORT_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:24px;line-height:1.4;font-size:14px}
h1{font-size:26px;margin:0 0 6px}
h2{font-size:20px;border-bottom:2px solid #0b4f8a;padding-bottom:4px;margin:28px 0 12px;color:#0b4f8a}
h3{font-size:16px;margin:18px 0 8px}
.meta{color:#555;font-size:12px}
.note{color:#333;font-size:13px;background:#f3f6f9;border-left:3px solid #0b4f8a;padding:6px 10px}
.review{font-weight:600}
.empty{color:#555;font-style:italic}
table{border-collapse:collapse;width:100%;margin:8px 0 14px}
th,td{border-bottom:1px solid #ddd;padding:5px 6px;text-align:left;vertical-align:top}
thead th{background:#f3f6f9;font-size:12px}
table.num td{text-align:right;font-variant-numeric:tabular-nums}
td.rule{font-size:12px;color:#333;max-width:300px}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.status.onTrack{color:#1b6b2f;background:#e5f4e8}
.status.atRisk{color:#7a5200;background:#fdf1d6}
.status.offTrack{color:#a21c1c;background:#fbe4e4}
.status.noData{color:#555;background:#eee}
svg{display:block;overflow:visible;max-width:100%;height:auto}
svg text{font-family:inherit;font-size:11px;fill:#222}
svg .tick{fill:#555;font-size:10px}
svg .marklbl{font-weight:600;fill:#7a1f5c}
svg .mark{stroke:#7a1f5c;stroke-width:1.5;stroke-dasharray:4 3}
svg .zero{stroke:#333;stroke-width:1}
svg .line{fill:none;stroke:#0b4f8a;stroke-width:1.6}
svg .path{stroke:#999;stroke-width:1;stroke-dasharray:3 2}
svg .dot{fill:#0b4f8a}
svg .planned,.sw.planned{fill:#9ec3e6;background:#9ec3e6}
svg .actual,.sw.actual{fill:#0b4f8a;background:#0b4f8a}
svg .pos{fill:#2e7d46}
svg .neg{fill:#c0392b}
svg .val.act{fill:#0b4f8a}
svg .o1,.sw.o1{fill:#b2182b;background:#b2182b}
svg .o2,.sw.o2{fill:#ef8a62;background:#ef8a62}
svg .o3,.sw.o3{fill:#cfcfcf;background:#cfcfcf}
svg .o4,.sw.o4{fill:#67a9cf;background:#67a9cf}
svg .o5,.sw.o5{fill:#2166ac;background:#2166ac}
svg .cs,.sw.cs{fill:#8c8c8c;background:#8c8c8c}
.sw{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:-1px}
figure{margin:6px 0 10px}
figcaption{font-size:12px;color:#333}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px;margin:8px 0 14px}
.figure{border:1px solid #ccd7e2;border-radius:6px;padding:8px 10px}
.figure dt{font-size:12px;color:#444}
.figure dd{margin:2px 0 0;font-size:18px;font-weight:700}
.figure.good dd{color:#1b6b2f}
.figure.bad dd{color:#a21c1c}
.formulas{font-size:13px}
.assumptions{white-space:pre-wrap}
tr.payback th,tr.payback td{background:#f6ecf3;font-weight:700}
.impact{display:grid;gap:8px;margin-bottom:12px}
.stage h3{font-size:13px;margin:0 0 6px;text-transform:uppercase;letter-spacing:.03em;color:#0b4f8a}
.box{border:1px solid #b9c9d8;border-radius:6px;padding:6px 8px;margin-bottom:8px;font-size:12px;background:#fbfdff;overflow-wrap:anywhere}
.box p{margin:4px 0}
.link{color:#333}
.link.failed,.assume.failed{color:#a21c1c}
.link.uncertain,.assume.uncertain{color:#7a5200}
.link.holds,.assume.holds{color:#1b6b2f}
.workshop h4{font-size:14px;margin:12px 0 6px}
.toc ol{margin:4px 0 0}
.toc a{color:#0b4f8a}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  .toc{display:none}
  section.part{break-before:page}
  section.part:first-of-type{break-before:auto}
  h1,h2,h3{break-after:avoid;page-break-after:avoid}
  figure,svg,.keep,.figures,.box,tr,.goal>h3{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
}
`;
