/** Compares two matching runs: what improved and what got worse, as data and as fi/sv/en sentences. */
import { pickText, type Language, type LocalizedText } from '../model';
import { t } from '../recommender/explain';
import type { EquityDimension, MatchingParams, MatchingRun } from './types';

/** One difference between two runs. */
export type RunChange =
  | { kind: 'coverage'; before: number; after: number }
  | { kind: 'personaNeedCovered' | 'personaNeedLost'; persona: string; need: string }
  | { kind: 'gapClosed' | 'gapOpened'; need: string; people: number }
  | { kind: 'overlapResolved' | 'overlapAppeared'; need: string; organisations: number }
  | { kind: 'countersFewer' | 'countersMore'; persona: string; before: number; after: number }
  | { kind: 'serviceNowUsed' | 'serviceNowUnused'; service: string }
  | { kind: 'equityResolved' | 'equityFlagged'; dimension: EquityDimension; group: string; diff: number | null };

/** The comparison of run `a` (before) with run `b` (after). */
export interface RunComparison {
  /** Parameters that differ; figures of runs with different parameters are not like for like. */
  paramsChanged: (keyof MatchingParams)[];
  coverage: { before: number; after: number; delta: number };
  improved: RunChange[];
  worsened: RunChange[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What improved and what got worse from run `a` to run `b`. */
export function compareRuns(a: MatchingRun, b: MatchingRun): RunComparison {
  const improved: RunChange[] = [];
  const worsened: RunChange[] = [];
  const keys = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].sort() as (keyof MatchingParams)[];
  const paramsChanged = keys.filter((k) => a.params[k] !== b.params[k]);

  const delta = round(b.totals.coverage - a.totals.coverage);
  if (delta > 0) improved.push({ kind: 'coverage', before: a.totals.coverage, after: b.totals.coverage });
  if (delta < 0) worsened.push({ kind: 'coverage', before: a.totals.coverage, after: b.totals.coverage });

  const key = (p: string, n: string) => `${p}\u0000${n}`;
  const covA = new Map(a.coverage.map((r) => [key(r.persona, r.need), r.covered]));
  for (const r of b.coverage) {
    const before = covA.get(key(r.persona, r.need));
    if (before === undefined) continue;
    if (!before && r.covered) improved.push({ kind: 'personaNeedCovered', persona: r.persona, need: r.need });
    if (before && !r.covered) worsened.push({ kind: 'personaNeedLost', persona: r.persona, need: r.need });
  }

  const gapsA = new Map(a.gaps.map((g) => [g.need, g]));
  const gapsB = new Map(b.gaps.map((g) => [g.need, g]));
  for (const g of a.gaps) if (!gapsB.has(g.need)) improved.push({ kind: 'gapClosed', need: g.need, people: g.people });
  for (const g of b.gaps) if (!gapsA.has(g.need)) worsened.push({ kind: 'gapOpened', need: g.need, people: g.people });

  // An overlap is duplicated supply: losing one is an improvement.
  const ovA = new Map(a.overlaps.map((o) => [o.need, o]));
  const ovB = new Map(b.overlaps.map((o) => [o.need, o]));
  for (const o of a.overlaps) if (!ovB.has(o.need)) improved.push({ kind: 'overlapResolved', need: o.need, organisations: o.organisations.length });
  for (const o of b.overlaps) if (!ovA.has(o.need)) worsened.push({ kind: 'overlapAppeared', need: o.need, organisations: o.organisations.length });

  const ctA = new Map(a.counters.map((c) => [c.persona, c.count]));
  for (const c of b.counters) {
    const before = ctA.get(c.persona);
    if (before === undefined || before === c.count) continue;
    (c.count < before ? improved : worsened).push({ kind: c.count < before ? 'countersFewer' : 'countersMore', persona: c.persona, before, after: c.count });
  }

  const unusedA = new Set(a.underUse.notRecommended);
  const unusedB = new Set(b.underUse.notRecommended);
  const inB = new Set(b.scope.services);
  const inA = new Set(a.scope.services);
  for (const s of a.underUse.notRecommended) if (inB.has(s) && !unusedB.has(s)) improved.push({ kind: 'serviceNowUsed', service: s });
  for (const s of b.underUse.notRecommended) if (inA.has(s) && !unusedA.has(s)) worsened.push({ kind: 'serviceNowUnused', service: s });

  const flags = (run: MatchingRun) =>
    new Map(run.equity.flatMap((d) => d.groups.filter((g) => g.flagged).map((g) => [`${d.dimension}\u0000${g.group}`, { dimension: d.dimension, group: g.group, diff: g.diff }] as const)));
  const flA = flags(a);
  const flB = flags(b);
  for (const [k, v] of flA) if (!flB.has(k)) improved.push({ kind: 'equityResolved', ...v });
  for (const [k, v] of flB) if (!flA.has(k)) worsened.push({ kind: 'equityFlagged', ...v });

  return { paramsChanged, coverage: { before: a.totals.coverage, after: b.totals.coverage, delta }, improved, worsened };
}

/** Names for ids in sentences (personas, needs, services); ids are shown when a name is missing. */
export type NameLookup = (id: string) => LocalizedText | undefined;

/** One change as a sentence in Finnish, Swedish or English. */
export function describeChange(c: RunChange, lang: Language, names: NameLookup = () => undefined): string {
  const name = (id: string) => pickText(names(id), lang) || id;
  // Finnish and Swedish write a decimal comma (65,1 %); English a point.
  const pct = (x: number) => (Math.round(x * 1000) / 10).toString().replace('.', lang === 'en' ? '.' : ',');
  switch (c.kind) {
    case 'coverage':
      return t('change.coverage', lang, { before: pct(c.before), after: pct(c.after) });
    case 'personaNeedCovered':
    case 'personaNeedLost':
      return t(`change.${c.kind}`, lang, { persona: name(c.persona), need: name(c.need) });
    case 'gapClosed':
    case 'gapOpened':
      return t(`change.${c.kind}`, lang, { need: name(c.need), people: c.people });
    case 'overlapResolved':
    case 'overlapAppeared':
      return t(`change.${c.kind}`, lang, { need: name(c.need), organisations: c.organisations });
    case 'countersFewer':
    case 'countersMore':
      return t(`change.${c.kind}`, lang, { persona: name(c.persona), before: c.before, after: c.after });
    case 'serviceNowUsed':
    case 'serviceNowUnused':
      return t(`change.${c.kind}`, lang, { service: name(c.service) });
    case 'equityResolved':
    case 'equityFlagged':
      return t(`change.${c.kind}`, lang, {
        dimension: t(`dimension.${c.dimension}`, lang),
        group: c.group,
        diff: pct(c.diff ?? 0),
      });
  }
}
