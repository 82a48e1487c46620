import type { Entity, Link, LinkType, Persona } from '../model';
import { MatchingMemo, runMatching, type MatchingRun } from '../matching';
import { buildIndex, personaQuery, recommend, type BuildOptions, type IndexSnapshot, type RecommenderIndex } from '../recommender';
import type { Indicator, PictureItem } from '../picture';
import type { Check, CheckResult, CheckRule, EntityMatch, EntityRef, Exercise, ExerciseResult } from './types';

/**
 * The self-check engine (issue 11): every rule is computed from a workspace snapshot, with the
 * app's own matching analysis (default parameters) and built-in recommender, so a check says
 * exactly what the matching screen and the try-out panel would show the participant.
 * Pure: the backend, the CLI and the renderer can all run it.
 */

/** What a check run reads: the participant's (or a model answer's) workspace content. */
export interface CheckSnapshot {
  entities: readonly Entity[];
  links: readonly Link[];
  pictureItems?: readonly PictureItem[];
}

/** Build options of the recommender index the app uses (area lookup, words to ignore); needs and life events come from the snapshot. */
export type CheckIndexOptions = Omit<BuildOptions, 'needs' | 'lifeEvents'>;

export interface CheckRunOptions {
  index?: CheckIndexOptions;
  /**
   * An index already built from this snapshot's services, needs, life events and their links with
   * the same options (the app's cached one for the open workspace): building one is the costly part.
   */
  prebuilt?: RecommenderIndex;
  /**
   * Gives the index when a check first needs one (a results table shares indexes between files);
   * a runner whose checks need none never asks. Wins over `snapshot`.
   */
  lazyIndex?: () => RecommenderIndex;
  /**
   * The costly part of an index of the same catalogue (services, life events and their links,
   * same options): the index is then assembled from it in a fraction of a build, with this
   * snapshot's own needs and links.
   */
  snapshot?: IndexSnapshot;
}

/**
 * The participant's free answers by check id. Absent (a model answer, a bare workspace): free
 * answers are simply "to be reviewed"; given: an empty answer fails, a written one is for review.
 */
export type FreeAnswers = Readonly<Record<string, string>>;

type Params = Record<string, string | number>;

/** How many places the recommender check ranks, to say where a service landed when it missed the top k. */
const RANK_HORIZON = 100;
/** Coverage is compared at this precision, so 0.75 reached is not "0.7499999 < 0.75". */
const EPS = 1e-9;

function fold(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase('fi').trim();
}

function names(e: { name: { fi?: string; sv?: string; en?: string } }): string[] {
  return [e.name.fi, e.name.sv, e.name.en].filter((x): x is string => !!x && !!x.trim()).map(fold);
}

function displayName(e: { id: string; name: { fi?: string; sv?: string; en?: string } }): string {
  return e.name.fi?.trim() || e.name.sv?.trim() || e.name.en?.trim() || e.id;
}

function refLabel(ref: EntityRef): string {
  return 'id' in ref ? ref.id : ref.name;
}

/** A check that cannot be evaluated (a named entity is gone): reported as such, never as failed. */
class CheckError extends Error {
  constructor(
    readonly key: string,
    readonly params: Params,
  ) {
    super(key);
  }
}

/**
 * Evaluates checks on one snapshot. The recommender index and each life event's matching run are
 * built at most once per runner, however many checks (and exercises) ask for them.
 */
export class CheckRunner {
  private readonly byId = new Map<string, Entity>();
  private readonly neighbours = new Map<string, Set<string>>();
  private indexCache?: RecommenderIndex;
  private readonly runs = new Map<string, MatchingRun>();
  /** The lists every life event's run derives from the snapshot, made once for all of them. */
  private readonly matchingMemo = new MatchingMemo();

  constructor(
    private readonly snap: CheckSnapshot,
    private readonly opts: CheckRunOptions = {},
  ) {
    for (const e of snap.entities) this.byId.set(e.id, e);
    for (const l of snap.links) {
      if (!this.neighbours.has(l.source)) this.neighbours.set(l.source, new Set());
      if (!this.neighbours.has(l.target)) this.neighbours.set(l.target, new Set());
      this.neighbours.get(l.source)!.add(l.target);
      this.neighbours.get(l.target)!.add(l.source);
    }
  }

  /** The recommender index as the app builds it (built on first use). */
  get index(): RecommenderIndex {
    if (!this.indexCache && this.opts.prebuilt) this.indexCache = this.opts.prebuilt;
    if (!this.indexCache && this.opts.lazyIndex) this.indexCache = this.opts.lazyIndex();
    if (!this.indexCache) {
      const services = this.snap.entities.filter((e) => e.kind === 'service');
      this.indexCache = buildIndex(services, this.snap.links, {
        // Needs are related to services when a check first asks (the same figures, computed lazily).
        precomputeNeeds: false,
        ...this.opts.index,
        needs: this.snap.entities.filter((e) => e.kind === 'need'),
        lifeEvents: this.snap.entities.filter((e) => e.kind === 'lifeEvent'),
        ...(this.opts.snapshot ? { snapshot: this.opts.snapshot } : {}),
      });
    }
    return this.indexCache;
  }

  /** The index if a check has needed it so far (without building one). */
  get indexIfUsed(): RecommenderIndex | undefined {
    return this.indexCache;
  }

  /** The matching analysis of one life event with default parameters. */
  matching(lifeEventId: string): MatchingRun {
    let run = this.runs.get(lifeEventId);
    if (!run) {
      run = runMatching(this.snap, { lifeEventId }, { index: this.index, memo: this.matchingMemo });
      this.runs.set(lifeEventId, run);
    }
    return run;
  }

  resolve(ref: EntityRef, kind?: Entity['kind']): Entity {
    let found: Entity | undefined;
    if ('id' in ref) found = this.byId.get(ref.id);
    else {
      const wanted = fold(ref.name);
      found = this.snap.entities.find((e) => e.kind === ref.kind && names(e).includes(wanted));
    }
    if (!found) throw new CheckError('missingEntity', { ref: refLabel(ref) });
    const want = kind ?? ('kind' in ref ? ref.kind : undefined);
    if (want && found.kind !== want) throw new CheckError('wrongKind', { ref: refLabel(ref), expected: want, actual: found.kind });
    return found;
  }

  /** A predicate for an entity match; resolving `linkedTo` may throw missingEntity. */
  matcher(m: EntityMatch): (e: Entity) => boolean {
    const linked = m.linkedTo ? this.resolve(m.linkedTo) : undefined;
    const linkedIds = linked ? (this.neighbours.get(linked.id) ?? new Set<string>()) : undefined;
    const contains = m.nameContains ? fold(m.nameContains) : undefined;
    return (e) => {
      if (e.kind !== m.kind) return false;
      if (contains && !names(e).some((n) => n.includes(contains))) return false;
      if (m.ageMin !== undefined || m.ageMax !== undefined) {
        if (e.kind !== 'persona') return false;
        if (m.ageMin !== undefined && e.ageMin < m.ageMin) return false;
        if (m.ageMax !== undefined && e.ageMax > m.ageMax) return false;
      }
      if (m.municipality !== undefined) {
        if (e.kind !== 'persona' && e.kind !== 'organisation') return false;
        if (e.municipality !== m.municipality) return false;
      }
      if (linkedIds && !linkedIds.has(e.id)) return false;
      return true;
    };
  }

  /** Runs one check; `freeAnswers` decides how a free answer reads (see FreeAnswers). */
  run(check: Check, freeAnswers?: FreeAnswers): CheckResult {
    let status: CheckResult['status'];
    let key: string;
    let params: Params;
    try {
      ({ status, key, params } = this.evaluate(check.id, check.rule, freeAnswers));
    } catch (err) {
      if (!(err instanceof CheckError)) throw err;
      status = 'error';
      key = err.key;
      params = err.params;
    }
    const result: CheckResult = { checkId: check.id, status, explanation: { key, params } };
    if ((status === 'failed' || status === 'error') && Object.values(check.hint ?? {}).some((t) => t?.trim())) result.hint = check.hint;
    return result;
  }

  private evaluate(checkId: string, rule: CheckRule, answers: FreeAnswers | undefined): { status: CheckResult['status']; key: string; params: Params } {
    switch (rule.type) {
      case 'entityExists': {
        const ok = this.matcher(rule.match);
        const actual = this.snap.entities.reduce((n, e) => n + (ok(e) ? 1 : 0), 0);
        return { status: actual >= rule.min ? 'passed' : 'failed', key: 'entityCount', params: { actual, needed: rule.min, kind: rule.match.kind } };
      }
      case 'linkExists': {
        const src = this.matcher(rule.source);
        const dst = this.matcher(rule.target);
        const actual = countLinks(this.snap.links, rule.linkType, (id) => {
          const e = this.byId.get(id);
          return !!e && src(e);
        }, (id) => {
          const e = this.byId.get(id);
          return !!e && dst(e);
        });
        return { status: actual >= rule.min ? 'passed' : 'failed', key: 'linkCount', params: { actual, needed: rule.min, linkType: rule.linkType } };
      }
      case 'matching': {
        const le = this.resolve(rule.lifeEvent, 'lifeEvent');
        const run = this.matching(le.id);
        const base = { needed: rule.value, comparison: rule.comparison, lifeEvent: displayName(le) };
        if (rule.measure === 'coverage') {
          if (run.totals.personaNeeds === 0) return { status: 'failed', key: 'noPersonaNeeds', params: { lifeEvent: displayName(le) } };
          const actual = round(run.totals.coverage, 4);
          return { status: compare(run.totals.coverage, rule.comparison, rule.value) ? 'passed' : 'failed', key: 'coverage', params: { ...base, actual } };
        }
        if (rule.measure === 'gaps') {
          const actual = run.gaps.length;
          return { status: compare(actual, rule.comparison, rule.value) ? 'passed' : 'failed', key: 'gaps', params: { ...base, actual } };
        }
        if (!rule.persona) throw new CheckError('personaRequired', {});
        const p = this.resolve(rule.persona, 'persona');
        const plan = run.counters.find((c) => c.persona === p.id);
        if (!plan) return { status: 'failed', key: 'personaNotInScope', params: { persona: displayName(p), lifeEvent: displayName(le) } };
        return {
          status: compare(plan.count, rule.comparison, rule.value) ? 'passed' : 'failed',
          key: 'countersToVisit',
          params: { ...base, actual: plan.count, persona: displayName(p) },
        };
      }
      case 'recommenderTopK': {
        const persona = this.resolve(rule.persona, 'persona') as Persona;
        const service = this.resolve(rule.service, 'service');
        const ranked = recommend(this.index, {
          ...personaQuery(persona, this.snap.links),
          limit: Math.max(rule.k, RANK_HORIZON),
          explain: false,
          collapseDuplicates: false,
        });
        const hit = ranked.find((r) => r.serviceId === service.id);
        const params = { k: rule.k, persona: displayName(persona), service: displayName(service) };
        if (!hit) return { status: 'failed', key: 'notRanked', params: { ...params, horizon: Math.max(rule.k, RANK_HORIZON) } };
        return { status: hit.rank <= rule.k ? 'passed' : 'failed', key: 'rank', params: { ...params, rank: hit.rank } };
      }
      case 'indicator': {
        const contains = rule.nameContains ? fold(rule.nameContains) : undefined;
        const candidates = (this.snap.pictureItems ?? []).filter(
          (i): i is Indicator => i.kind === 'indicator' && (!contains || names(i).some((n) => n.includes(contains))),
        );
        const missing = (i: Indicator) => [rule.needsBaseline && !i.baseline ? 'baseline' : '', rule.needsTarget && !i.target ? 'target' : ''].filter(Boolean);
        const complete = candidates.find((i) => missing(i).length === 0);
        if (complete) return { status: 'passed', key: 'indicatorFound', params: { name: displayName(complete) } };
        if (candidates.length === 0) return { status: 'failed', key: 'indicatorMissing', params: { nameContains: rule.nameContains ?? '' } };
        const nearest = [...candidates].sort((a, b) => missing(a).length - missing(b).length)[0];
        const gone = missing(nearest);
        return { status: 'failed', key: 'indicatorIncomplete', params: { name: displayName(nearest), missing: gone.length === 2 ? 'both' : gone[0] } };
      }
      case 'freeAnswer': {
        if (!answers) return { status: 'review', key: 'freeAnswerReview', params: {} };
        const text = answers[checkId]?.trim() ?? '';
        if (!text) return { status: 'failed', key: 'freeAnswerEmpty', params: {} };
        return { status: 'review', key: 'freeAnswerGiven', params: { chars: text.length } };
      }
    }
  }

  /** Runs an exercise's checks; `coverage` is the life event coverage of its first coverage check (or first matching check). */
  exercise(ex: Exercise, extra: { secondsSpent?: number; freeAnswers?: FreeAnswers } = {}): ExerciseResult {
    const results = ex.checks.map((c) => this.run(c, extra.freeAnswers));
    const out: ExerciseResult = {
      exerciseId: ex.id,
      results,
      passed: results.filter((r) => r.status === 'passed').length,
      total: results.length,
      secondsSpent: extra.secondsSpent ?? 0,
    };
    const matchingChecks = ex.checks.filter((c): c is Check & { rule: Extract<CheckRule, { type: 'matching' }> } => c.rule.type === 'matching');
    const first = matchingChecks.find((c) => c.rule.measure === 'coverage') ?? matchingChecks[0];
    if (first) {
      try {
        const le = this.resolve(first.rule.lifeEvent, 'lifeEvent');
        const run = this.matching(le.id);
        if (run.totals.personaNeeds > 0) out.coverage = round(run.totals.coverage, 4);
      } catch (err) {
        if (!(err instanceof CheckError)) throw err;
      }
    }
    return out;
  }
}

function compare(actual: number, comparison: 'atLeast' | 'atMost', value: number): boolean {
  return comparison === 'atLeast' ? actual >= value - EPS : actual <= value + EPS;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function countLinks(links: readonly Link[], type: LinkType, src: (id: string) => boolean, dst: (id: string) => boolean): number {
  let n = 0;
  for (const l of links) if (l.type === type && src(l.source) && dst(l.target)) n++;
  return n;
}

/** Runs one exercise's checks on a snapshot. */
export function checkExercise(snap: CheckSnapshot, ex: Exercise, opts: CheckRunOptions & { secondsSpent?: number; freeAnswers?: FreeAnswers } = {}): ExerciseResult {
  return new CheckRunner(snap, opts).exercise(ex, opts);
}

/** Runs several exercises' checks on one snapshot, sharing the index and the matching runs. */
export function checkExercises(
  snap: CheckSnapshot,
  exercises: readonly Exercise[],
  opts: CheckRunOptions & { secondsSpent?: Readonly<Record<string, number>>; freeAnswers?: Readonly<Record<string, FreeAnswers>> } = {},
): ExerciseResult[] {
  const runner = new CheckRunner(snap, opts);
  return exercises.map((ex) => runner.exercise(ex, { secondsSpent: opts.secondsSpent?.[ex.id] ?? 0, freeAnswers: opts.freeAnswers ? (opts.freeAnswers[ex.id] ?? {}) : undefined }));
}

/** True when a check of the exercise reads the recommender index (matching and recommender checks do). */
export function needsIndex(ex: Exercise): boolean {
  return ex.checks.some((c) => c.rule.type === 'matching' || c.rule.type === 'recommenderTopK');
}

/** What the recommender index is built from, as one string per record: equal keys, equal index. */
export function indexInputRows(snap: CheckSnapshot): string[] {
  const kinds = new Set(['service', 'need', 'lifeEvent']);
  const types = new Set(['addresses', 'inLifeEvent', 'hasNeed', 'provides']);
  const rows = snap.entities.filter((e) => kinds.has(e.kind)).map((e) => JSON.stringify(e));
  for (const l of snap.links) if (types.has(l.type)) rows.push(`${l.id}|${l.type}|${l.source}|${l.target}|${JSON.stringify(l.data ?? {})}`);
  return rows.sort();
}

/** The snapshot of a workspace JSON document (a pack's starting workspace or model answer). */
export function snapshotOfJson(doc: { entities: readonly Entity[]; links: readonly Link[]; picture?: { items: readonly PictureItem[] } }): CheckSnapshot {
  return { entities: doc.entities, links: doc.links, pictureItems: doc.picture?.items ?? [] };
}
