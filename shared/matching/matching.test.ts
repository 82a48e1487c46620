import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METERS, type Entity, type Link, type Meter, type MeterAffinities } from '../model';
import { lifeEvent, link, meters, need, org, persona, svc } from '../recommender/testkit';
import { classifyChange, compareRuns, describeChange, equityGroupName, MatchingMemo, minimumCover, runMatching, serves, upgradeRun, type RunChange } from './index';

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
    // Two providers (orgB and the provider-less sE) are an overlap only when two are enough; most providers first.
    const two = runMatching(workspace(), { overlapMinOrganisations: 2 }).overlaps;
    expect(two.map((o) => o.need)).toEqual(['nHome', 'nFriends', 'nMoney']);
    expect(two[1]).toMatchObject({ organisations: ['orgB'], noProvider: ['sE'] });
  });

  it('reports services recommended to nobody and demand against capacity', () => {
    expect(run.underUse.unserved).toEqual(['sC1', 'sUnused']);
    expect(run.underUse.servedTo.find((r) => r.service === 'sA1')).toEqual({ service: 'sA1', personas: 2, people: 150 });
    // p1's people are routed to sA2 (best for nMoney): 100 against a capacity of 50.
    expect(run.underUse.capacity).toEqual([
      { service: 'sA2', capacity: 50, demand: 100, utilisation: 2, status: 'over' },
      { service: 'sD1', capacity: 1000, demand: 0, utilisation: 0, status: 'under' },
    ]);
  });

  it('finds the fewest organisations to visit', () => {
    expect(run.counters).toEqual([
      // orgA covers both covered needs; orgB equally, but ties go to the lower id; orgD is dominated.
      { persona: 'p1', needs: 2, organisations: ['orgA'], noProvider: [], count: 1, method: 'exact', candidates: 1, lowerBound: 1, ratio: 1 },
      { persona: 'p2', needs: 2, organisations: ['orgA', 'orgB'], noProvider: [], count: 2, method: 'exact', candidates: 2, lowerBound: 2, ratio: 1 },
    ]);
  });

  it('compares coverage across language, municipality and age groups and flags differences over the margin', () => {
    // Each group here is one persona: flagged only when the user allows groups of one.
    const run = runMatching(workspace(), { equityMinPersonas: 1 });
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
    expect(runMatching(workspace(), { equityMargin: 0.25, equityMinPersonas: 1 }).equity.every((e) => !e.flagged)).toBe(true);
  });

  it('gives a group of personas with no people a year no coverage figure instead of a false 0', () => {
    const ws = workspace();
    ws.entities.push(persona('p4', { language: 'en', peoplePerYear: 0 }));
    ws.links.push(link('personaNeed', 'p4', 'nJob'));
    const r = runMatching(ws);
    const en = r.equity.find((e) => e.dimension === 'language')!.groups.find((g) => g.group === 'en')!;
    expect(en).toEqual({ group: 'en', personas: 1, people: 0, coverage: null, diff: null, tooSmall: true, flagged: false });
    expect(r.totals.coverage).toBeCloseTo(1100 / 1300, 6);
  });

  it('is a plain serialisable object with its parameters, identical on every run', () => {
    const again = runMatching(workspace());
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
    expect(again).toEqual(run);
    expect(run.params).toMatchObject({ threshold: 0.5, overlapMinOrganisations: 3, equityMargin: 0.1, equityMinPersonas: 2, exactLimit: 20 });
  });

  it('raises coverage when the threshold drops', () => {
    const low = runMatching(workspace(), { threshold: 0.3 });
    expect(low.coverage.find((r) => r.persona === 'p1' && r.need === 'nHome')!.servicesAbove).toBe(4);
    expect(low.underUse.unserved).toEqual(['sUnused']);
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
    expect(run.underUse.unserved).toEqual(['sCode']);
  });

  it('gives the same runs with a memo shared across life events and the whole workspace as without one', () => {
    const ws = workspace();
    ws.entities.push(lifeEvent('le', 'Muutto', 'KE4'), lifeEvent('le2', 'Työttömyys'), svc('sCode', 'Muuttoilmoitus', { lifeEvents: ['KE4.2'] }));
    ws.links.push(link('hasNeed', 'le', 'nHome'), link('inLifeEvent', 'sB1', 'le'), link('hasNeed', 'le2', 'nJob'), link('hasNeed', 'le2', 'nMoney'));
    const memo = new MatchingMemo();
    for (const params of [{ lifeEventId: 'le' }, { lifeEventId: 'le2' }, {}, { lifeEventId: 'le', threshold: 0.2 }]) {
      expect(runMatching(ws, params, { memo }), JSON.stringify(params)).toEqual(runMatching(ws, params));
    }
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
    expect(cmp.worsened).toEqual(expect.arrayContaining([{ kind: 'serviceNowUnused', service: 'sE' }]));
    // p1 now needs orgA and orgC, but for one more covered need (nJob): not worse, not comparable.
    expect(cmp.unchanged).toEqual([{ kind: 'countersMore', persona: 'p1', before: 1, after: 2, needsBefore: 2, needsAfter: 3 }]);
    expect(describeChange(cmp.unchanged[0], 'fi')).toBe('Asiakasprofiili ”p1” joutuu nyt asioimaan 2 asiointipaikassa (1 ennen). Katettuja tarpeita on nyt 3 (2 ennen), joten lukuja ei voi verrata.');
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

describe('one definition of "a service serves a need" (issue 8)', () => {
  /**
   * Two personas share one need that four organisations' services all address. With the best
   * three counted as "recommended", the fourth used to be listed as offered to no persona while
   * the overlaps on the same page showed it serving that need.
   */
  function shared(): { entities: Entity[]; links: Link[] } {
    const entities: Entity[] = [
      org('o1'),
      org('o2'),
      org('o3'),
      org('o4'),
      need('nShared', 'Toimeentulo'),
      svc('s1', 'Palvelu 1'),
      svc('s2', 'Palvelu 2'),
      svc('s3', 'Palvelu 3'),
      svc('s4', 'Palvelu 4'),
      svc('sIdle', 'Palvelu ilman tarvetta'),
      persona('pA', { peoplePerYear: 10 }),
      persona('pB', { peoplePerYear: 20 }),
    ];
    const links: Link[] = [
      ...['1', '2', '3', '4'].map((n) => link('provides', `o${n}`, `s${n}`)),
      ...['1', '2', '3', '4'].map((n) => link('addresses', `s${n}`, 'nShared')),
      link('provides', 'o1', 'sIdle'),
      link('personaNeed', 'pA', 'nShared'),
      link('personaNeed', 'pB', 'nShared'),
    ];
    return { entities, links };
  }

  it('under-use never lists a service the overlaps show serving a need', () => {
    const run = runMatching(shared(), { perNeedTop: 3 });
    expect(run.coverage.every((r) => r.recommended.length === 3)).toBe(true);
    expect(run.overlaps).toHaveLength(1);
    expect(run.overlaps[0].services.map((s) => s.service)).toEqual(['s1', 's2', 's3', 's4']);
    expect(run.underUse.unserved).toEqual(['sIdle']);
    expect(run.underUse.servedTo.find((s) => s.service === 's4')).toEqual({ service: 's4', personas: 2, people: 30 });
    for (const o of run.overlaps) for (const s of o.services) expect(run.underUse.unserved).not.toContain(s.service);
  });

  it('every list follows the same rule: a service serves exactly when its serve score reaches the threshold', () => {
    for (const threshold of [0.3, 0.5, 0.9]) {
      const run = runMatching(workspace(), { threshold, overlapMinOrganisations: 2 });
      const serving = new Set(run.overlaps.flatMap((o) => o.services.map((s) => s.service)));
      for (const s of serving) expect(run.underUse.unserved).not.toContain(s);
      for (const r of run.coverage) expect(r.covered).toBe(serves(r.bestScore, threshold));
      expect(run.underUse.unserved.length + run.underUse.servedTo.length).toBe(run.scope.services.length);
    }
  });
});

describe('services without a provider (issue 8)', () => {
  function ws(): { entities: Entity[]; links: Link[] } {
    return {
      entities: [
        org('kela', 'Kela'),
        need('nMoney', 'Toimeentulo'),
        need('nGrief', 'Sururyhmä'),
        svc('sKela', 'Kelan tuki'),
        svc('sLoose1', 'Sururyhmä A'),
        svc('sLoose2', 'Sururyhmä B'),
        svc('sLoose3', 'Toimeentulon neuvonta'),
        persona('p', { peoplePerYear: 5 }),
      ],
      links: [
        link('provides', 'kela', 'sKela'),
        link('addresses', 'sKela', 'nMoney'),
        link('addresses', 'sLoose3', 'nMoney'),
        link('addresses', 'sLoose1', 'nGrief'),
        link('addresses', 'sLoose2', 'nGrief'),
        link('personaNeed', 'p', 'nMoney'),
        link('personaNeed', 'p', 'nGrief'),
      ],
    };
  }

  it('counters to visit name organisations apart from services without a provider, and count both', () => {
    const [c] = runMatching(ws()).counters;
    expect(c.organisations).toEqual(['kela']);
    expect(c.noProvider).toEqual(['sLoose1']);
    expect(c.count).toBe(2);
  });

  it('overlaps count providers but list a service without one as such, never as an organisation', () => {
    const run = runMatching(ws(), { overlapMinOrganisations: 2 });
    const money = run.overlaps.find((o) => o.need === 'nMoney')!;
    expect(money).toMatchObject({ organisations: ['kela'], noProvider: ['sLoose3'] });
    const grief = run.overlaps.find((o) => o.need === 'nGrief')!;
    expect(grief).toMatchObject({ organisations: [], noProvider: ['sLoose1', 'sLoose2'] });
    for (const o of run.overlaps) {
      for (const id of o.organisations) expect(id).toBe('kela');
      expect(o.services.find((s) => s.service.startsWith('sLoose'))!.organisations).toEqual([]);
    }
  });
});

describe('equity group size (issue 8)', () => {
  /** fi: two personas, fully covered; sv: one persona whose only need is a gap; en: two personas, one of them with a gap. */
  function ws(): { entities: Entity[]; links: Link[] } {
    return {
      entities: [
        org('o'),
        need('nOk', 'Katettu'),
        need('nGap', 'Aukko'),
        svc('s', 'Palvelu'),
        persona('fi1', { language: 'fi', peoplePerYear: 100 }),
        persona('fi2', { language: 'fi', peoplePerYear: 100 }),
        persona('sv1', { language: 'sv', peoplePerYear: 7 }),
        persona('en1', { language: 'en', peoplePerYear: 100 }),
        persona('en2', { language: 'en', peoplePerYear: 100 }),
      ],
      links: [
        link('provides', 'o', 's'),
        link('addresses', 's', 'nOk'),
        link('personaNeed', 'fi1', 'nOk'),
        link('personaNeed', 'fi2', 'nOk'),
        link('personaNeed', 'sv1', 'nGap'),
        link('personaNeed', 'en1', 'nOk'),
        link('personaNeed', 'en2', 'nGap'),
      ],
    };
  }

  it('shows every group with its size and does not flag a group below the minimum (default 2 personas)', () => {
    const run = runMatching(ws());
    expect(run.params.equityMinPersonas).toBe(2);
    const lang = run.equity.find((d) => d.dimension === 'language')!;
    const g = (k: string) => lang.groups.find((x) => x.group === k)!;
    expect(g('sv')).toMatchObject({ personas: 1, people: 7, coverage: 0, tooSmall: true, flagged: false });
    expect(g('en')).toMatchObject({ personas: 2, people: 200, coverage: 0.5, tooSmall: false, flagged: true });
    expect(g('fi')).toMatchObject({ personas: 2, people: 200, coverage: 1, tooSmall: false, flagged: true });
    // The spread is between groups large enough to compare.
    expect(lang.spread).toBe(0.5);
  });

  it('flags the small group when the user lowers the minimum, and never when raising it above every group', () => {
    const one = runMatching(ws(), { equityMinPersonas: 1 }).equity.find((d) => d.dimension === 'language')!;
    expect(one.groups.find((x) => x.group === 'sv')).toMatchObject({ tooSmall: false, flagged: true });
    expect(one.spread).toBe(1);
    const three = runMatching(ws(), { equityMinPersonas: 3 });
    expect(three.equity.flatMap((d) => d.groups).some((x) => x.flagged)).toBe(false);
  });
});

describe('run comparison classifies by the actual change (issue 8)', () => {
  /** fi and sv groups of two personas each; `cut` takes away the service of the need only the Swedish speakers have. */
  function ws(cut: boolean): { entities: Entity[]; links: Link[] } {
    const links: Link[] = [
      link('provides', 'o', 's1'),
      link('provides', 'o', 's2'),
      link('addresses', 's1', 'nAll'),
      ...(cut ? [] : [link('addresses', 's2', 'nSv')]),
      ...['fi1', 'fi2', 'sv1', 'sv2'].map((p) => link('personaNeed', p, 'nAll')),
      link('personaNeed', 'sv1', 'nSv'),
      link('personaNeed', 'sv2', 'nSv'),
    ];
    return {
      entities: [
        org('o'),
        need('nAll', 'Kaikkien tarve'),
        need('nSv', 'Ruotsinkielisten tarve'),
        svc('s1', 'Palvelu 1'),
        svc('s2', 'Palvelu 2'),
        persona('fi1', { language: 'fi', municipality: '564', ageMin: 30, ageMax: 60, peoplePerYear: 10 }),
        persona('fi2', { language: 'fi', municipality: '564', ageMin: 30, ageMax: 60, peoplePerYear: 10 }),
        persona('sv1', { language: 'sv', municipality: '091', ageMin: 30, ageMax: 60, peoplePerYear: 10 }),
        persona('sv2', { language: 'sv', municipality: '091', ageMin: 30, ageMax: 60, peoplePerYear: 10 }),
      ],
      links,
    };
  }

  it('a flag that appears only because the overall coverage moved is not listed as worse', () => {
    const before = runMatching(ws(false));
    const after = runMatching(ws(true));
    const fiAfter = after.equity.find((d) => d.dimension === 'language')!.groups.find((g) => g.group === 'fi')!;
    // fi's own coverage stays 100 %, yet it is now flagged (overall fell to 4/6).
    expect(fiAfter).toMatchObject({ coverage: 1, flagged: true });
    const cmp = compareRuns(before, after);
    const isGroup = (dim: string, g: string) => (c: RunChange) => c.kind === 'equityGroup' && c.dimension === dim && c.group === g;
    expect(cmp.worsened.some(isGroup('language', 'fi'))).toBe(false);
    expect(cmp.improved.some(isGroup('language', 'fi'))).toBe(false);
    expect(cmp.unchanged.find(isGroup('language', 'fi'))).toMatchObject({ before: 1, after: 1, flaggedBefore: false, flaggedAfter: true });
    // sv really did get worse, and so did the municipality 091 (the same personas).
    expect(cmp.worsened.find(isGroup('language', 'sv'))).toMatchObject({ before: 1, after: 0.5, personas: 2, people: 20 });
    expect(cmp.worsened.some(isGroup('municipality', '091'))).toBe(true);
    expect(cmp.unchanged.some(isGroup('municipality', '564'))).toBe(true);
    // Nobody's places to visit changed for the same needs.
    expect([...cmp.improved, ...cmp.worsened].some((c) => c.kind === 'countersFewer' || c.kind === 'countersMore')).toBe(false);
  });

  it('names groups in the user’s language instead of codes', () => {
    const cmp = compareRuns(runMatching(ws(false)), runMatching(ws(true)));
    const municipality = (code: string, lang: 'fi' | 'sv' | 'en') => ({ '564': { fi: 'Oulu', sv: 'Uleåborg', en: 'Oulu' }, '091': { fi: 'Helsinki', sv: 'Helsingfors', en: 'Helsinki' } })[code]?.[lang];
    const all = [...cmp.improved, ...cmp.worsened, ...cmp.unchanged].filter((c) => c.kind === 'equityGroup');
    const say = (lang: 'fi' | 'sv' | 'en') => all.map((c) => describeChange(c, lang, undefined, municipality)).join('\n');
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(say(lang)).not.toMatch(/= |\b(564|091|fi|sv)\b|\{\w+\}/);
    }
    expect(say('fi')).toMatch(/Kieli suomi \(2 profiilia, 20 henkilöä\/v\): kattavuus 100\u00a0% → 100\u00a0%\. Ryhmä poikkeaa nyt muista \(\+33,3 %-yks\.\)\. Ryhmän oma kattavuus ei muuttunut/);
    expect(say('fi')).toMatch(/Kieli ruotsi .*kattavuus 100\u00a0% → 50\u00a0%/);
    expect(say('sv')).toMatch(/Kommun Uleåborg \(2 profiler, 20 personer\/år\)/);
    expect(say('en')).toMatch(/Municipality Helsinki .*coverage 100% → 50%/);
    expect(equityGroupName('ageGroup', '30-64', 'fi')).toBe('30–64-vuotiaat');
    expect(equityGroupName('ageGroup', '65+', 'sv')).toBe('65 år och äldre');
    expect(equityGroupName('municipality', '-', 'en')).toBe('(no municipality)');
  });

  it('keeps coverage changes within the tolerance out of better and worse', () => {
    expect(classifyChange(0.8, 0.8002)).toBe('unchanged');
    expect(classifyChange(0.8, 0.81)).toBe('better');
    expect(classifyChange(0.8, 0.79)).toBe('worse');
    expect(classifyChange(null, 0.5)).toBe('unchanged');
    const a = runMatching(workspace());
    const b = { ...a, totals: { ...a.totals, coverage: a.totals.coverage + 0.0001 } };
    const cmp = compareRuns(a, b);
    expect([...cmp.improved, ...cmp.worsened]).toEqual([]);
  });
});

describe('runs saved by version 1', () => {
  it('read as version 2: provider-less services leave the organisations, and services an overlap shows serving leave under-use', () => {
    const v1 = {
      format: 'kohtaanto-matching-run',
      version: 1,
      params: { threshold: 0.5, personalFitWeight: 0.3, perNeedTop: 3, overlapMinOrganisations: 3, equityMargin: 0.1, exactLimit: 20, underUseShare: 0.5, languageFilter: true },
      overlaps: [{ need: 'n', organisations: ['o1', 'service:s9'], services: [{ service: 's9', organisations: ['service:s9'], bestScore: 1 }] }],
      counters: [{ persona: 'p', needs: 1, organisations: ['o1', 'service:s9'], count: 2, method: 'exact', candidates: 2, lowerBound: 2, ratio: 1 }],
      underUse: { notRecommended: ['s9', 'sIdle'], recommendedTo: [], capacity: [] },
      equity: [{ dimension: 'language', groups: [{ group: 'fi', personas: 1, people: 0, coverage: 1, diff: 0, flagged: true }], spread: 0, flagged: false }],
    };
    const run = upgradeRun(v1);
    expect(run.version).toBe(2);
    expect(run.params.equityMinPersonas).toBe(1);
    expect(run.overlaps[0]).toMatchObject({ organisations: ['o1'], noProvider: ['s9'], services: [{ service: 's9', organisations: [] }] });
    expect(run.counters[0]).toMatchObject({ organisations: ['o1'], noProvider: ['s9'], count: 2 });
    expect(run.underUse.unserved).toEqual(['sIdle']);
    expect(run.equity[0].groups[0]).toMatchObject({ tooSmall: false, flagged: true });
    expect(upgradeRun(run)).toBe(run);
  });
});
