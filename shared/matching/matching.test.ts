import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METERS, type Entity, type Link, type Meter, type MeterAffinities } from '../model';
import { lifeEvent, link, meters, need, org, persona, svc } from '../recommender/testkit';
import { compareRuns, describeChange, minimumCover, runMatching } from './index';

/**
 * A hand-computed workspace. Personas have every meter at 10, so the meters do not change
 * serve scores (fit = 1) and every score equals the need relevance:
 * link 1.0, same class 0.8, broader class 0.4.
 */
function workspace(): { entities: Entity[]; links: Link[] } {
  const entities: Entity[] = [
    org('orgA'),
    org('orgB'),
    org('orgC'),
    org('orgD'),
    need('nHome', 'Asunto', { serviceClasses: ['P1.1'] }),
    need('nMoney', 'Toimeentulo'),
    need('nFriends', 'Ystävät'),
    need('nJob', 'Työ'),
    svc('sA1', 'Palvelu A1'),
    svc('sA2', 'Palvelu A2', { capacity: 50 }),
    svc('sB1', 'Palvelu B1', { serviceClasses: ['P1.1'], languages: ['fi'] }),
    svc('sB2', 'Palvelu B2'),
    svc('sC1', 'Palvelu C1', { serviceClasses: ['P1'] }),
    svc('sD1', 'Palvelu D1', { serviceClasses: ['P1.1'], capacity: 1000 }),
    svc('sE', 'Palvelu E'),
    svc('sUnused', 'Palvelu U', { serviceClasses: ['P25'] }),
    svc('sX', 'Poistettu', { excluded: true }),
    persona('p1', { municipality: '091', language: 'fi', ageMin: 20, ageMax: 25, peoplePerYear: 100 }),
    persona('p2', { municipality: '853', language: 'sv', ageMin: 70, ageMax: 80, peoplePerYear: 50 }),
    persona('p3', { peoplePerYear: 999 }),
  ];
  const links: Link[] = [
    link('provides', 'orgA', 'sA1'),
    link('provides', 'orgA', 'sA2'),
    link('provides', 'orgB', 'sB1'),
    link('provides', 'orgB', 'sB2'),
    link('provides', 'orgC', 'sC1'),
    link('provides', 'orgC', 'sUnused'),
    link('provides', 'orgD', 'sD1'),
    link('provides', 'orgD', 'sX'),
    link('addresses', 'sA1', 'nHome'),
    link('addresses', 'sA2', 'nMoney'),
    link('addresses', 'sB2', 'nMoney'),
    link('addresses', 'sB2', 'nFriends'),
    link('addresses', 'sE', 'nFriends'),
    link('addresses', 'sX', 'nJob'),
    link('personaNeed', 'p1', 'nHome', { importance: 5 }),
    link('personaNeed', 'p1', 'nMoney', { importance: 3 }),
    link('personaNeed', 'p1', 'nJob', { importance: 2 }),
    link('personaNeed', 'p2', 'nHome', { importance: 4 }),
    link('personaNeed', 'p2', 'nFriends', { importance: 2 }),
  ];
  return { entities, links };
}

describe('runMatching on a hand-computed workspace', () => {
  const run = runMatching(workspace());

  it('finds the best service and counts services above the threshold per persona × need', () => {
    const row = (p: string, n: string) => run.coverage.find((r) => r.persona === p && r.need === n)!;
    expect(row('p1', 'nHome')).toMatchObject({ bestService: 'sA1', bestScore: 1, servicesAbove: 3, covered: true, recommended: ['sA1', 'sB1', 'sD1'] });
    // Equal scores: the lower id wins.
    expect(row('p1', 'nMoney')).toMatchObject({ bestService: 'sA2', servicesAbove: 2, covered: true });
    // The only service linked to nJob is excluded.
    expect(row('p1', 'nJob')).toMatchObject({ bestService: null, bestScore: 0, servicesAbove: 0, covered: false });
    // sB1 is Finnish only and p2 speaks Swedish.
    expect(row('p2', 'nHome')).toMatchObject({ bestService: 'sA1', servicesAbove: 2, recommended: ['sA1', 'sD1'] });
    expect(row('p2', 'nFriends')).toMatchObject({ bestService: 'sB2', servicesAbove: 2 });
  });

  it('weights coverage by importance × people per year', () => {
    // Weights: p1 500 + 300 + 200, p2 200 + 100; covered all but p1/nJob (200): 1100 / 1300.
    expect(run.weighting).toBe('importance×people');
    expect(run.totals).toMatchObject({ personas: 2, needs: 4, personaNeeds: 5, covered: 4, people: 150 });
    expect(run.totals.coverage).toBeCloseTo(1100 / 1300, 6);
    expect(run.totals.coverageUnweighted).toBe(0.8);
    expect(run.personas).toEqual([
      { persona: 'p1', people: 100, needs: 3, covered: 2, coverage: 0.8 },
      { persona: 'p2', people: 50, needs: 2, covered: 2, coverage: 1 },
    ]);
  });

  it('lists gaps by people affected', () => {
    expect(run.gaps).toEqual([{ need: 'nJob', personas: ['p1'], people: 100, weight: 200, bestScore: 0, bestService: null }]);
  });

  it('finds needs served by three or more organisations', () => {
    expect(run.overlaps).toHaveLength(1);
    expect(run.overlaps[0]).toMatchObject({ need: 'nHome', organisations: ['orgA', 'orgB', 'orgD'] });
    expect(run.overlaps[0].services.map((s) => s.service)).toEqual(['sA1', 'sB1', 'sD1']);
    // Two organisations (orgB and the provider-less sE) are an overlap only when two are enough; most organisations first.
    expect(runMatching(workspace(), { overlapMinOrganisations: 2 }).overlaps.map((o) => o.need)).toEqual(['nHome', 'nFriends', 'nMoney']);
  });

  it('reports services recommended to nobody and demand against capacity', () => {
    expect(run.underUse.notRecommended).toEqual(['sC1', 'sUnused']);
    expect(run.underUse.recommendedTo.find((r) => r.service === 'sA1')).toEqual({ service: 'sA1', personas: 2, people: 150 });
    // p1's people are routed to sA2 (best for nMoney): 100 against a capacity of 50.
    expect(run.underUse.capacity).toEqual([
      { service: 'sA2', capacity: 50, demand: 100, utilisation: 2, status: 'over' },
      { service: 'sD1', capacity: 1000, demand: 0, utilisation: 0, status: 'under' },
    ]);
  });

  it('finds the fewest organisations to visit', () => {
    expect(run.counters).toEqual([
      // orgA covers both covered needs; orgB equally, but ties go to the lower id; orgD is dominated.
      { persona: 'p1', needs: 2, organisations: ['orgA'], count: 1, method: 'exact', candidates: 1, lowerBound: 1, ratio: 1 },
      { persona: 'p2', needs: 2, organisations: ['orgA', 'orgB'], count: 2, method: 'exact', candidates: 2, lowerBound: 2, ratio: 1 },
    ]);
  });

  it('compares coverage across language, municipality and age groups and flags differences over the margin', () => {
    const lang = run.equity.find((e) => e.dimension === 'language')!;
    expect(lang.groups.map((g) => [g.group, g.coverage])).toEqual([
      ['fi', 0.8],
      ['sv', 1],
    ]);
    expect(lang.groups[0].diff).toBeCloseTo(0.8 - 1100 / 1300, 5);
    expect(lang.groups.map((g) => g.flagged)).toEqual([false, true]);
    expect(lang.spread).toBeCloseTo(0.2, 6);
    expect(lang.flagged).toBe(true);
    expect(run.equity.find((e) => e.dimension === 'ageGroup')!.groups.map((g) => g.group)).toEqual(['18-29', '65+']);
    expect(runMatching(workspace(), { equityMargin: 0.25 }).equity.every((e) => !e.flagged)).toBe(true);
  });

  it('gives a group of personas with no people a year no coverage figure instead of a false 0', () => {
    const ws = workspace();
    ws.entities.push(persona('p4', { language: 'en', peoplePerYear: 0 }));
    ws.links.push(link('personaNeed', 'p4', 'nJob'));
    const r = runMatching(ws);
    const en = r.equity.find((e) => e.dimension === 'language')!.groups.find((g) => g.group === 'en')!;
    expect(en).toEqual({ group: 'en', personas: 1, people: 0, coverage: null, diff: null, flagged: false });
    expect(r.totals.coverage).toBeCloseTo(1100 / 1300, 6);
  });

  it('is a plain serialisable object with its parameters, identical on every run', () => {
    const again = runMatching(workspace());
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
    expect(again).toEqual(run);
    expect(run.params).toMatchObject({ threshold: 0.5, overlapMinOrganisations: 3, equityMargin: 0.1, exactLimit: 20 });
  });

  it('raises coverage when the threshold drops', () => {
    const low = runMatching(workspace(), { threshold: 0.3 });
    expect(low.coverage.find((r) => r.persona === 'p1' && r.need === 'nHome')!.servicesAbove).toBe(4);
    expect(low.underUse.notRecommended).toEqual(['sUnused']);
  });

  it('weights by importance alone when no persona states people per year', () => {
    const ws = workspace();
    ws.entities = ws.entities.map((e) => (e.kind === 'persona' ? { ...e, peoplePerYear: 0 } : e));
    const r = runMatching(ws);
    expect(r.weighting).toBe('importance');
    // Importances: 5 + 3 + 2 + 4 + 2 = 16, uncovered 2.
    expect(r.totals.coverage).toBeCloseTo(14 / 16, 6);
  });
});

const only = (m: Meter): MeterAffinities => Object.fromEntries(METERS.map((x) => [x, x === m ? 1 : 0]));

describe('serve score and meters', () => {
  it('lets a persona’s low meters lower the score of a service whose profile misses them', () => {
    const entities: Entity[] = [
      need('n', 'Asunto', { serviceClasses: ['P1'] }),
      svc('housing', 'A', { serviceClasses: ['P1'], meterAffinities: only('housing') }),
      svc('money', 'B', { serviceClasses: ['P1'], meterAffinities: only('finance') }),
      persona('p', { meters: meters(10, { housing: 0 }) }),
    ];
    const links = [link('personaNeed', 'p', 'n')];
    const row = runMatching({ entities, links }, { threshold: 0.6 }).coverage[0];
    // housing: 0.8 × (0.7 + 0.3 × 1) = 0.8; money: 0.8 × 0.7 = 0.56 < 0.6.
    expect(row).toMatchObject({ bestService: 'housing', bestScore: 0.8, servicesAbove: 1 });
    expect(runMatching({ entities, links }, { threshold: 0.6, personalFitWeight: 0 }).coverage[0].servicesAbove).toBe(2);
  });
});

describe('life-event scope', () => {
  it('analyses the life event’s needs, the personas that have them and the life event’s services', () => {
    const ws = workspace();
    ws.entities.push(lifeEvent('le', 'Muutto', 'KE4'), svc('sCode', 'Muuttoilmoitus', { lifeEvents: ['KE4.2'] }));
    ws.links.push(link('hasNeed', 'le', 'nHome'), link('inLifeEvent', 'sB1', 'le'));
    const run = runMatching(ws, { lifeEventId: 'le' });
    expect(run.scope.needs).toEqual(['nHome']);
    expect(run.scope.personas).toEqual(['p1', 'p2']);
    // sA1 addresses nHome, sB1 is linked to the life event, sCode carries a sub-event code; sD1 is not in the life event.
    expect(run.scope.services).toEqual(['sA1', 'sB1', 'sCode']);
    expect(run.coverage.find((r) => r.persona === 'p1')!.recommended).toEqual(['sA1', 'sB1']);
    expect(run.underUse.notRecommended).toEqual(['sCode']);
  });
});

describe('minimumCover', () => {
  const inst = [
    { id: 'G', covers: ['2', '3', '4', '5'] },
    { id: 'T1', covers: ['1', '2', '3'] },
    { id: 'T2', covers: ['4', '5', '6'] },
  ];
  it('finds the optimum where greedy does not, and states the greedy bound beyond the limit', () => {
    expect(minimumCover(inst, 20)).toEqual({ chosen: ['T1', 'T2'], method: 'exact', candidates: 3, lowerBound: 2, ratio: 1 });
    const g = minimumCover(inst, 2);
    expect(g.method).toBe('greedy');
    expect(g.chosen).toEqual(['G', 'T1', 'T2']);
    expect(g.ratio).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4, 10);
    expect(g.lowerBound).toBe(2);
  });

  it('equals brute force on random small instances; greedy stays within its bound', () => {
    const instance = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(instance, (sets) => {
        const cands = sets.map((s, i) => ({ id: `o${i}`, covers: s.map(String) }));
        const universe = new Set(sets.flat().map(String));
        let bruteMin = Infinity;
        for (let mask = 1; mask < 1 << sets.length; mask++) {
          const covered = new Set<string>();
          let n = 0;
          sets.forEach((s, i) => {
            if (mask & (1 << i)) {
              n++;
              s.forEach((x) => covered.add(String(x)));
            }
          });
          if (covered.size === universe.size) bruteMin = Math.min(bruteMin, n);
        }
        const exact = minimumCover(cands, 20);
        const greedy = minimumCover(cands, 0);
        const coveredBy = (ids: string[]) => new Set(cands.filter((c) => ids.includes(c.id)).flatMap((c) => c.covers));
        expect(exact.chosen.length).toBe(bruteMin);
        expect(coveredBy(exact.chosen).size).toBe(universe.size);
        expect(coveredBy(greedy.chosen).size).toBe(universe.size);
        expect(greedy.chosen.length).toBeGreaterThanOrEqual(bruteMin);
        expect(greedy.chosen.length).toBeLessThanOrEqual(greedy.ratio * bruteMin + 1e-9);
        expect(greedy.lowerBound).toBeLessThanOrEqual(bruteMin);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('handles nothing to cover', () => {
    expect(minimumCover([])).toEqual({ chosen: [], method: 'exact', candidates: 0, lowerBound: 0, ratio: 1 });
  });
});

describe('compareRuns', () => {
  it('reports what improved and what got worse, with sentences in fi, sv and en', () => {
    const before = runMatching(workspace());
    const ws = workspace();
    // A new service closes the nJob gap; sB2 stops addressing nFriends, so p2 loses a counter option.
    ws.entities.push(svc('sJob', 'Työnhaku'));
    ws.links.push(link('provides', 'orgC', 'sJob'), link('addresses', 'sJob', 'nJob'));
    ws.links = ws.links.filter((l) => !(l.type === 'addresses' && l.source === 'sE'));
    const after = runMatching(ws);
    const cmp = compareRuns(before, after);
    expect(cmp.paramsChanged).toEqual([]);
    expect(cmp.coverage.before).toBeCloseTo(1100 / 1300, 6);
    expect(cmp.coverage.after).toBe(1);
    expect(cmp.improved).toEqual(
      expect.arrayContaining([
        { kind: 'coverage', before: before.totals.coverage, after: 1 },
        { kind: 'personaNeedCovered', persona: 'p1', need: 'nJob' },
        { kind: 'gapClosed', need: 'nJob', people: 100 },
      ]),
    );
    // p1 now needs orgA and orgC (nJob): one more counter.
    expect(cmp.worsened).toEqual(expect.arrayContaining([{ kind: 'countersMore', persona: 'p1', before: 1, after: 2 }, { kind: 'serviceNowUnused', service: 'sE' }]));
    const names = (id: string) => ({ nJob: { fi: 'Työ', sv: 'Arbete', en: 'Work' } })[id as 'nJob'];
    const gap = cmp.improved.find((c) => c.kind === 'gapClosed')!;
    expect(describeChange(gap, 'fi', names)).toBe('Palveluaukko tarpeessa ”Työ” on poistunut.');
    expect(describeChange(gap, 'sv', names)).toBe('Tjänsteluckan för behovet ”Arbete” är borta.');
    expect(describeChange(gap, 'en', names)).toBe('The gap for the need “Work” is closed.');
    expect(describeChange(cmp.improved[0], 'en')).toBe('Need coverage changed from 84.6% to 100%.');
    for (const c of [...cmp.improved, ...cmp.worsened]) for (const l of ['fi', 'sv', 'en'] as const) expect(describeChange(c, l)).not.toMatch(/\{\w+\}/);
  });

  it('names parameters that differ', () => {
    const a = runMatching(workspace());
    const b = runMatching(workspace(), { threshold: 0.3 });
    expect(compareRuns(a, b).paramsChanged).toEqual(['threshold']);
  });
});
