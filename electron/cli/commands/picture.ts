import type { ReviewInfo } from '../../../shared/api/picture';
import { pickText } from '../../../shared/model';
import type { PictureItem, PictureSummary, ReviewComparison } from '../../../shared/picture';
import { one, unwrap, UsageError, withRegistry, type Command } from '../common';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);
const eur = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x).toLocaleString('en-US')} EUR`);

function nameOf(items: PictureItem[], id: string): string {
  const item = items.find((i) => i.id === id);
  return item && 'name' in item && typeof item.name === 'object' ? pickText(item.name, 'fi') : id;
}

function printSummary(s: PictureSummary, items: PictureItem[]): void {
  console.log(`Goals (${s.goals.length}):`);
  for (const g of s.goals) console.log(`  ${pickText(g.name, 'fi')}`);
  console.log(`Indicators (${s.indicators.length}):`);
  for (const i of s.indicators) {
    const st = i.status;
    const latest = st.latest ? `${st.latest.value} on ${st.latest.date}` : 'no measurement';
    const rule = st.expected !== undefined ? ` (path expects ${st.expected.toFixed(2)}, allowed shortfall ${st.allowed?.toFixed(2)})` : st.reason ? ` (${st.reason})` : '';
    console.log(`  ${nameOf(items, i.id)}: ${st.status}, latest ${latest}${rule}`);
  }
  console.log(`Budget: planned ${eur(s.budget.planned)}, actual ${eur(s.budget.actual)}`);
  for (const g of s.budget.byCategory) console.log(`  ${g.key}: ${eur(g.planned)} (${pct(g.share)})`);
  const c = s.cba;
  if (c.result) {
    console.log(`Cost–benefit (discount rate ${pct(c.discountRate)}): NPV ${eur(c.result.npv)}, BCR ${c.result.bcr?.toFixed(2) ?? '—'}, payback ${c.result.paybackYear ?? 'never'}, critical mass ${c.criticalMass?.organisations ?? `none up to ${c.criticalMass?.limit}`}`);
  } else {
    console.log(`Cost–benefit: not computed (${c.problems.join(', ')})`);
  }
  for (const sv of s.surveys) {
    const counted = sv.questions.some((q) => q.summary.n > 0);
    console.log(`Survey ${nameOf(items, sv.id)}:${sv.reportedN !== undefined && !counted ? ` N=${sv.reportedN} as reported; answer counts not given` : ''}`);
    if (sv.reportedN !== undefined && !counted) for (const q of sv.questions) console.log(`  ${q.id}`);
    else for (const q of sv.questions) console.log(`  ${q.id}: N=${q.summary.n}, mean ${q.summary.mean?.toFixed(2) ?? '—'}, 4–5 ${pct(q.summary.shareAgree)}, cannot say ${q.summary.cannotSay}`);
  }
}

export const pictureCommands: Record<string, Command> = {
  picture: {
    summary: 'Show the situational picture: indicators with status, budget, cost–benefit, surveys',
    usage: 'kohtaanto picture FILE [--review ID] [--json]\n\n  --review ID  the picture as frozen in a saved review\n  --json       machine-readable (npv, bcr, paybackYear, criticalMass, statuses …)',
    options: { review: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
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
        printSummary(summary, items);
      }
      return 0;
    },
  },
  review: {
    summary: 'Save a review of the situational picture, list reviews, or compare two',
    usage: 'kohtaanto review FILE --label TEXT\nkohtaanto review FILE --list [--json]\nkohtaanto review FILE --compare A B [--json]',
    options: { label: { type: 'string' }, list: { type: 'boolean' }, compare: { type: 'boolean' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const modes = [values.label !== undefined, Boolean(values.list), Boolean(values.compare)].filter(Boolean).length;
      if (modes !== 1) throw new UsageError('Give exactly one of --label TEXT, --list or --compare A B.');
      if (values.compare) {
        if (positionals.length !== 3) throw new UsageError('--compare takes FILE and two review ids.');
        const [file, a, b] = positionals;
        const cmp = await withRegistry(file, async (registry) => unwrap(await registry.call('picture.compareReviews', { a, b })) as ReviewComparison);
        if (values.json) console.log(JSON.stringify(cmp, null, 2));
        else {
          console.log(`Indicators that moved (${cmp.indicators.length}):`);
          for (const i of cmp.indicators) console.log(`  ${i.id}: ${i.before?.status ?? '—'} → ${i.after?.status ?? '—'}${i.delta !== undefined ? `, ${i.delta >= 0 ? '+' : ''}${i.delta}` : ''}`);
          console.log(`Budget planned: ${eur(cmp.budget.plannedBefore)} → ${eur(cmp.budget.plannedAfter)}`);
          console.log(`NPV: ${eur(cmp.cba.npvBefore)} → ${eur(cmp.cba.npvAfter)}; critical mass ${cmp.cba.criticalMassBefore ?? '—'} → ${cmp.cba.criticalMassAfter ?? '—'}`);
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
      console.log(values.json ? JSON.stringify(info) : `Saved review ${info.id} "${info.label}" at ${info.createdAt}.`);
      return 0;
    },
  },
};
