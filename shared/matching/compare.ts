/** Compares two matching runs: what improved, what got worse and what only looks changed, as data and as fi/sv/en sentences. */
import { pickText, type Language, type LocalizedText } from '../model';
import { equityGroupName, text, type MunicipalityName } from './text';
import type { EquityDimension, EquityGroup, MatchingParams, MatchingRun } from './types';

/** Coverage changes within this (0.05 percentage points, below what the screen shows) count as unchanged. */
export const COVERAGE_TOLERANCE = 0.0005;

/** One difference between two runs. */
export type RunChange =
  | { kind: 'coverage'; before: number; after: number }
  | { kind: 'personaNeedCovered' | 'personaNeedLost'; persona: string; need: string }
  | { kind: 'gapClosed' | 'gapOpened'; need: string; people: number }
  | { kind: 'overlapResolved' | 'overlapAppeared'; need: string; providers: number }
  | {
      /** Places to visit; `needs*` are the covered needs the plans reach: fewer places for fewer needs is no improvement. */
      kind: 'countersFewer' | 'countersMore';
      persona: string;
      before: number;
      after: number;
      needsBefore: number;
      needsAfter: number;
    }
  | { kind: 'serviceNowUsed' | 'serviceNowUnused'; service: string }
  | {
      /** An equity flag came or went; which list it is in says how the group's own coverage changed. */
      kind: 'equityGroup';
      dimension: EquityDimension;
      group: string;
      personas: number;
      people: number;
      /** The group's coverage in each run; null where it was not in the run or weighed nothing. */
      before: number | null;
      after: number | null;
      flaggedBefore: boolean;
      flaggedAfter: boolean;
      /** Difference from the whole in the later run. */
      diff: number | null;
    };

/** The comparison of run `a` (before) with run `b` (after). */
export interface RunComparison {
  /** Parameters that differ; figures of runs with different parameters are not like for like. */
  paramsChanged: (keyof MatchingParams)[];
  coverage: { before: number; after: number; delta: number };
  improved: RunChange[];
  worsened: RunChange[];
  /** Changes of a label whose figure did not move (or cannot be compared): never shown as better or worse. */
  unchanged: RunChange[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Better, worse or unchanged, by the actual change of a share and the tolerance. */
export function classifyChange(before: number | null, after: number | null, tolerance = COVERAGE_TOLERANCE): 'better' | 'worse' | 'unchanged' {
  if (before === null || after === null) return 'unchanged';
  const d = after - before;
  return d > tolerance ? 'better' : d < -tolerance ? 'worse' : 'unchanged';
}

/** What improved and what got worse from run `a` to run `b`. */
export function compareRuns(a: MatchingRun, b: MatchingRun): RunComparison {
  const improved: RunChange[] = [];
  const worsened: RunChange[] = [];
  const unchanged: RunChange[] = [];
  const keys = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].sort() as (keyof MatchingParams)[];
  const paramsChanged = keys.filter((k) => a.params[k] !== b.params[k]);

  const delta = round(b.totals.coverage - a.totals.coverage);
  const overall = classifyChange(a.totals.coverage, b.totals.coverage);
  if (overall === 'better') improved.push({ kind: 'coverage', before: a.totals.coverage, after: b.totals.coverage });
  if (overall === 'worse') worsened.push({ kind: 'coverage', before: a.totals.coverage, after: b.totals.coverage });

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
  const providers = (o: MatchingRun['overlaps'][number]) => o.organisations.length + o.noProvider.length;
  const ovA = new Map(a.overlaps.map((o) => [o.need, o]));
  const ovB = new Map(b.overlaps.map((o) => [o.need, o]));
  for (const o of a.overlaps) if (!ovB.has(o.need)) improved.push({ kind: 'overlapResolved', need: o.need, providers: providers(o) });
  for (const o of b.overlaps) if (!ovA.has(o.need)) worsened.push({ kind: 'overlapAppeared', need: o.need, providers: providers(o) });

  // Fewer places to visit is better only for the same covered needs; with fewer (or more) needs
  // covered the count moves for another reason, which the coverage changes already report.
  const ctA = new Map(a.counters.map((c) => [c.persona, c]));
  for (const c of b.counters) {
    const x = ctA.get(c.persona);
    if (x === undefined || x.count === c.count) continue;
    const change: RunChange = { kind: c.count < x.count ? 'countersFewer' : 'countersMore', persona: c.persona, before: x.count, after: c.count, needsBefore: x.needs, needsAfter: c.needs };
    (x.needs !== c.needs ? unchanged : c.count < x.count ? improved : worsened).push(change);
  }

  const unusedA = new Set(a.underUse.unserved);
  const unusedB = new Set(b.underUse.unserved);
  const inB = new Set(b.scope.services);
  const inA = new Set(a.scope.services);
  for (const s of a.underUse.unserved) if (inB.has(s) && !unusedB.has(s)) improved.push({ kind: 'serviceNowUsed', service: s });
  for (const s of b.underUse.unserved) if (inA.has(s) && !unusedA.has(s)) worsened.push({ kind: 'serviceNowUnused', service: s });

  // Equity: a flag that comes or goes is listed by how the group's own coverage moved. A flag can
  // appear only because the overall coverage moved; that group did not get worse.
  const groups = (run: MatchingRun) => new Map(run.equity.flatMap((d) => d.groups.map((g) => [`${d.dimension}\u0000${g.group}`, { dimension: d.dimension, g }] as const)));
  const gA = groups(a);
  const gB = groups(b);
  for (const k of [...new Set([...gA.keys(), ...gB.keys()])].sort()) {
    const x: EquityGroup | undefined = gA.get(k)?.g;
    const y: EquityGroup | undefined = gB.get(k)?.g;
    const flaggedBefore = x?.flagged ?? false;
    const flaggedAfter = y?.flagged ?? false;
    if (flaggedBefore === flaggedAfter) continue;
    const size = y ?? x!;
    const change: RunChange = {
      kind: 'equityGroup',
      dimension: (gB.get(k) ?? gA.get(k))!.dimension,
      group: size.group,
      personas: size.personas,
      people: size.people,
      before: x?.coverage ?? null,
      after: y?.coverage ?? null,
      flaggedBefore,
      flaggedAfter,
      diff: y?.diff ?? null,
    };
    const how = classifyChange(change.before, change.after);
    (how === 'better' ? improved : how === 'worse' ? worsened : unchanged).push(change);
  }

  return { paramsChanged, coverage: { before: a.totals.coverage, after: b.totals.coverage, delta }, improved, worsened, unchanged };
}

/** Names for ids in sentences (personas, needs, services); ids are shown when a name is missing. */
export type NameLookup = (id: string) => LocalizedText | undefined;

/** One change as a sentence in Finnish, Swedish or English; equity groups are named, not coded. */
export function describeChange(c: RunChange, lang: Language, names: NameLookup = () => undefined, municipality?: MunicipalityName): string {
  const name = (id: string) => pickText(names(id), lang) || id;
  // Finnish and Swedish write a decimal comma (65,1 %); English a point.
  const num = (x: number) => (Math.round(x * 1000) / 10).toString().replace('.', lang === 'en' ? '.' : ',').replace('-', '−');
  const pct = (x: number | null) => (x === null ? '–' : `${num(x)}${lang === 'en' ? '' : '\u00a0'}%`);
  switch (c.kind) {
    case 'coverage':
      return text('change.coverage', lang, { before: num(c.before), after: num(c.after) });
    case 'personaNeedCovered':
    case 'personaNeedLost':
      return text(`change.${c.kind}`, lang, { persona: name(c.persona), need: name(c.need) });
    case 'gapClosed':
    case 'gapOpened':
      return text(`change.${c.kind}`, lang, { need: name(c.need), people: c.people });
    case 'overlapResolved':
    case 'overlapAppeared':
      return text(`change.${c.kind}`, lang, { need: name(c.need), providers: c.providers });
    case 'countersFewer':
    case 'countersMore': {
      const head = text(`change.${c.kind}`, lang, { persona: name(c.persona), before: c.before, after: c.after });
      return c.needsBefore === c.needsAfter ? head : `${head} ${text('counters.needsChanged', lang, { before: c.needsBefore, after: c.needsAfter })}`;
    }
    case 'serviceNowUsed':
    case 'serviceNowUnused':
      return text(`change.${c.kind}`, lang, { service: name(c.service) });
    case 'equityGroup': {
      const head = text('change.equityGroup', lang, {
        dimension: text(`dimension.${c.dimension}`, lang),
        group: equityGroupName(c.dimension, c.group, lang, municipality),
        size: text('equity.size', lang, { personas: c.personas, people: c.people }),
        before: pct(c.before),
        after: pct(c.after),
      });
      const flag = c.flaggedAfter ? text('equity.nowFlagged', lang, { diff: c.diff === null ? '–' : (c.diff > 0 ? '+' : '') + num(c.diff) }) : text('equity.noLongerFlagged', lang);
      const how = classifyChange(c.before, c.after);
      const why = how !== 'unchanged' ? '' : c.before === null || c.after === null ? text('equity.onlyOneRun', lang) : text('equity.flagOnlyOverall', lang);
      return [head, flag, why].filter(Boolean).join(' ');
    }
  }
}
