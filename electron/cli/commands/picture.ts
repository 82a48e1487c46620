import type { ReviewInfo } from '../../../shared/api/picture';
import { pickText, type Language } from '../../../shared/model';
import type { PictureItem, PictureSummary, ReviewComparison } from '../../../shared/picture';
import { cliLanguage, decimal, one, percent, unwrap, UsageError, withRegistry, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';

/** An amount of euros, in the language's number format. */
const eur = (x: number | null | undefined, lang: Language) => (x === null || x === undefined ? '—' : `${Math.round(x).toLocaleString(lang)} EUR`);

function nameOf(items: PictureItem[], id: string, lang: Language): string {
  const item = items.find((i) => i.id === id);
  return item && 'name' in item && typeof item.name === 'object' ? pickText(item.name, lang) : id;
}

function printSummary(s: PictureSummary, items: PictureItem[], lang: Language): void {
  const t = translator(lang);
  console.log(t('cli.picture.goals', { count: s.goals.length }));
  for (const g of s.goals) console.log(`  ${pickText(g.name, lang)}`);
  console.log(t('cli.picture.indicators', { count: s.indicators.length }));
  for (const i of s.indicators) {
    const st = i.status;
    // Without a measurement the rule's reason says so.
    const latest = st.latest ? t('cli.picture.latest', { value: st.latest.value.toLocaleString(lang), date: st.latest.date }) : '';
    const rule =
      st.expected !== undefined
        ? t('cli.picture.path', { expected: decimal(st.expected, lang, 2), allowed: decimal(st.allowed, lang, 2) })
        : st.reason
          ? ` (${t(`picture.rule.noData.${st.reason}`)})`
          : '';
    console.log(`  ${t('cli.picture.indicator', { name: nameOf(items, i.id, lang), status: t(`picture.status.${st.status}`), latest, rule })}`);
  }
  console.log(t('cli.picture.budget', { planned: eur(s.budget.planned, lang), actual: eur(s.budget.actual, lang) }));
  for (const g of s.budget.byCategory) console.log(`  ${g.key}: ${eur(g.planned, lang)} (${percent(g.share, lang)})`);
  const c = s.cba;
  if (c.result) {
    const mass = c.criticalMass?.organisations ?? t('cli.picture.noMass', { limit: c.criticalMass?.limit });
    console.log(t('cli.picture.cba', { rate: percent(c.discountRate, lang), npv: eur(c.result.npv, lang), bcr: decimal(c.result.bcr, lang, 2), payback: c.result.paybackYear ?? t('cli.picture.never'), mass }));
  } else {
    console.log(t('cli.picture.noCba', { problems: c.problems.map((p) => t(`picture.cba.problem.${p}`)).join(' ') }));
  }
  for (const sv of s.surveys) {
    const counted = sv.questions.some((q) => q.summary.n > 0);
    const reported = sv.reportedN !== undefined && !counted;
    console.log(`${t('cli.picture.survey', { name: nameOf(items, sv.id, lang) })}${reported ? t('cli.picture.reported', { n: sv.reportedN }) : ''}`);
    if (reported) for (const q of sv.questions) console.log(`  ${q.id}`);
    else
      for (const q of sv.questions)
        console.log(`  ${t('cli.picture.question', { id: q.id, n: q.summary.n, mean: decimal(q.summary.mean, lang, 2), agree: percent(q.summary.shareAgree, lang), cannotSay: q.summary.cannotSay })}`);
  }
}

export const pictureCommands: Record<string, Command> = {
  picture: {
    summary: 'Show the situational picture: indicators with status, budget, cost–benefit, surveys',
    usage: 'kohtaanto picture FILE [--review ID] [--lang fi|sv|en] [--json]\n\n  --review ID  the picture as frozen in a saved review\n  --lang       language of the output (default: the system locale)\n  --json       machine-readable (npv, bcr, paybackYear, criticalMass, statuses …)',
    options: { review: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const lang = cliLanguage(values.lang);
      const { summary, items } = await withRegistry(file, async (registry) => {
        if (values.review) return unwrap(await registry.call('picture.review', { id: String(values.review) })) as { summary: PictureSummary; items: PictureItem[] };
        const summary = unwrap(await registry.call('picture.summary', {})) as PictureSummary;
        // The item list only gives the text output its names; JSON carries ids, so it is skipped there.
        return { summary, items: values.json ? [] : (unwrap(await registry.call('picture.list', {})) as PictureItem[]) };
      });
      if (values.json) {
        const c = summary.cba;
        console.log(
          JSON.stringify(
            { ...summary, cba: { ...c, npv: c.result?.npv ?? null, bcr: c.result?.bcr ?? null, paybackYear: c.result?.paybackYear ?? null, criticalMass: c.criticalMass?.organisations ?? null, criticalMassDetail: c.criticalMass } },
            null,
            2,
          ),
        );
      } else {
        printSummary(summary, items, lang);
      }
      return 0;
    },
  },
  review: {
    summary: 'Save a review of the situational picture, list reviews, or compare two',
    usage: 'kohtaanto review FILE --label TEXT\nkohtaanto review FILE --list [--json]\nkohtaanto review FILE --compare A B [--json]\n\n  --lang   language of the output, fi, sv or en (default: the system locale)',
    options: { label: { type: 'string' }, list: { type: 'boolean' }, compare: { type: 'boolean' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const lang = cliLanguage(values.lang);
      const t = translator(lang);
      const modes = [values.label !== undefined, Boolean(values.list), Boolean(values.compare)].filter(Boolean).length;
      if (modes !== 1) throw new UsageError('Give exactly one of --label TEXT, --list or --compare A B.');
      if (values.compare) {
        if (positionals.length !== 3) throw new UsageError('--compare takes FILE and two review ids.');
        const [file, a, b] = positionals;
        const cmp = await withRegistry(file, async (registry) => unwrap(await registry.call('picture.compareReviews', { a, b })) as ReviewComparison);
        if (values.json) console.log(JSON.stringify(cmp, null, 2));
        else {
          const status = (s: string | undefined) => (s ? t(`picture.status.${s}`) : '—');
          console.log(t('cli.picture.moved', { count: cmp.indicators.length }));
          for (const i of cmp.indicators) console.log(`  ${i.id}: ${status(i.before?.status)} → ${status(i.after?.status)}${i.delta !== undefined ? `, ${i.delta >= 0 ? '+' : ''}${i.delta.toLocaleString(lang)}` : ''}`);
          console.log(t('cli.picture.plannedChange', { before: eur(cmp.budget.plannedBefore, lang), after: eur(cmp.budget.plannedAfter, lang) }));
          console.log(t('cli.picture.npvChange', { before: eur(cmp.cba.npvBefore, lang), after: eur(cmp.cba.npvAfter, lang), massBefore: cmp.cba.criticalMassBefore ?? '—', massAfter: cmp.cba.criticalMassAfter ?? '—' }));
        }
        return 0;
      }
      const file = one(positionals, 'FILE');
      if (values.list) {
        const list = await withRegistry(file, async (registry) => unwrap(await registry.call('picture.reviews', {})) as ReviewInfo[]);
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else for (const r of list) console.log(`${r.id}  ${r.createdAt}  ${r.label}`);
        return 0;
      }
      const info = await withRegistry(file, async (registry) => unwrap(await registry.call('picture.saveReview', { label: String(values.label) })) as ReviewInfo);
      console.log(values.json ? JSON.stringify(info) : t('cli.picture.saved', { id: info.id, label: info.label, when: info.createdAt }));
      return 0;
    },
  },
};
