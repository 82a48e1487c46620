import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../model';
import { IndicatorSchema, type PictureItem } from '../picture';
import { lifeEvent, link, need, org, persona, svc } from '../recommender/testkit';
import { CheckRunner, checkExercise, type CheckSnapshot } from './checks';
import { CheckSchema, ExerciseSchema, type Check, type CheckRule } from './types';

/**
 * A hand-computed workspace. The persona has every meter at 10 (fit = 1) and states no people per
 * year, so coverage is importance-weighted: nA (importance 3) is served by sA's link (score 1.0),
 * nB (importance 1) by nothing → coverage 3 / 4 = 0.75, one gap (nB), one counter (orgA).
 */
function base(): { entities: Entity[]; links: Link[] } {
  const entities: Entity[] = [
    lifeEvent('le1', 'Muutto Ouluun'),
    need('nA', 'Asunto'),
    need('nB', 'Ystävät'),
    svc('sA', 'Asuntoneuvonta'),
    svc('sOther', 'Kirjasto'),
    org('orgA', 'Oulun kaupunki'),
    persona('p1', { name: { fi: 'Nuori oululainen', sv: 'Ung uleåborgare' }, ageMin: 18, ageMax: 24, municipality: '564' }),
    persona('p2', { name: { fi: 'Eläkeläinen' }, ageMin: 65, ageMax: 80, municipality: '091' }),
  ];
  const links: Link[] = [
    link('hasNeed', 'le1', 'nA'),
    link('hasNeed', 'le1', 'nB'),
    link('addresses', 'sA', 'nA'),
    link('provides', 'orgA', 'sA'),
    link('personaNeed', 'p1', 'nA', { importance: 3 }),
    link('personaNeed', 'p1', 'nB', { importance: 1 }),
  ];
  return { entities, links };
}

/** The base with a provider-less service for nB: full coverage, no gaps, two counters for p1. */
function fixed(): { entities: Entity[]; links: Link[] } {
  const b = base();
  return { entities: [...b.entities, svc('sB', 'Kohtaamispaikka')], links: [...b.links, link('addresses', 'sB', 'nB')] };
}

function check(rule: CheckRule | Record<string, unknown>, id = 'c1'): Check {
  return CheckSchema.parse({ id, title: { fi: 'Tarkistus' }, hint: { fi: 'Vihje' }, rule });
}

function one(snap: CheckSnapshot, rule: Record<string, unknown>, freeAnswers?: Record<string, string>) {
  return new CheckRunner(snap).run(check(rule), freeAnswers);
}

describe('entityExists', () => {
  it('counts personas whose age range lies within the bounds, in a municipality', () => {
    const r = one(base(), { type: 'entityExists', match: { kind: 'persona', ageMin: 18, ageMax: 24, municipality: '564' } });
    expect(r).toMatchObject({ status: 'passed', explanation: { key: 'entityCount', params: { actual: 1, needed: 1, kind: 'persona' } } });
    expect(r.hint).toBeUndefined();
  });

  it('fails when a range reaches outside the bounds, and gives the hint', () => {
    // p1 is 18–24: not within 20–30.
    const r = one(base(), { type: 'entityExists', match: { kind: 'persona', ageMin: 20, ageMax: 30 } });
    expect(r).toMatchObject({ status: 'failed', explanation: { key: 'entityCount', params: { actual: 0, needed: 1 } }, hint: { fi: 'Vihje' } });
  });

  it('matches names case-insensitively in any language and honours min', () => {
    expect(one(base(), { type: 'entityExists', match: { kind: 'persona', nameContains: 'UNG ULE' } }).status).toBe('passed');
    expect(one(base(), { type: 'entityExists', match: { kind: 'service' }, min: 3 })).toMatchObject({ status: 'failed', explanation: { params: { actual: 2, needed: 3 } } });
  });

  it('linkedTo narrows to neighbours; a named entity that is gone is an error, not a failure', () => {
    expect(one(base(), { type: 'entityExists', match: { kind: 'service', linkedTo: { id: 'orgA' } } })).toMatchObject({ status: 'passed', explanation: { params: { actual: 1 } } });
    const r = one(base(), { type: 'entityExists', match: { kind: 'service', linkedTo: { id: 'orgGone' } } });
    expect(r).toMatchObject({ status: 'error', explanation: { key: 'missingEntity', params: { ref: 'orgGone' } }, hint: { fi: 'Vihje' } });
  });
});

describe('linkExists', () => {
  it('counts links of the type between matching ends', () => {
    const rule = { type: 'linkExists', linkType: 'addresses', source: { kind: 'service' }, target: { kind: 'need', nameContains: 'ystäv' } };
    expect(one(base(), rule)).toMatchObject({ status: 'failed', explanation: { key: 'linkCount', params: { actual: 0, needed: 1, linkType: 'addresses' } } });
    expect(one(fixed(), rule)).toMatchObject({ status: 'passed', explanation: { params: { actual: 1 } } });
  });
});

describe('matching', () => {
  const le = { id: 'le1' };
  it('coverage: 0.75 reached; at least 0.75 passes, at least 0.8 fails with both figures', () => {
    expect(one(base(), { type: 'matching', lifeEvent: le, measure: 'coverage', comparison: 'atLeast', value: 0.75 })).toMatchObject({
      status: 'passed',
      explanation: { key: 'coverage', params: { actual: 0.75, needed: 0.75, comparison: 'atLeast', lifeEvent: 'Muutto Ouluun' } },
    });
    expect(one(base(), { type: 'matching', lifeEvent: le, measure: 'coverage', comparison: 'atLeast', value: 0.8 })).toMatchObject({
      status: 'failed',
      explanation: { key: 'coverage', params: { actual: 0.75, needed: 0.8 } },
    });
    expect(one(fixed(), { type: 'matching', lifeEvent: le, measure: 'coverage', comparison: 'atLeast', value: 0.8 })).toMatchObject({ status: 'passed', explanation: { params: { actual: 1 } } });
  });

  it('gaps: one gap (nB) until a service addresses it', () => {
    const rule = { type: 'matching', lifeEvent: { kind: 'lifeEvent', name: 'muutto ouluun' }, measure: 'gaps', comparison: 'atMost', value: 0 };
    expect(one(base(), rule)).toMatchObject({ status: 'failed', explanation: { key: 'gaps', params: { actual: 1, needed: 0, comparison: 'atMost' } } });
    expect(one(fixed(), rule)).toMatchObject({ status: 'passed', explanation: { params: { actual: 0 } } });
  });

  it("countersToVisit: the persona's plan counts organisations and provider-less services", () => {
    const rule = { type: 'matching', lifeEvent: le, measure: 'countersToVisit', persona: { id: 'p1' }, comparison: 'atMost', value: 1 };
    expect(one(base(), rule)).toMatchObject({ status: 'passed', explanation: { key: 'countersToVisit', params: { actual: 1, persona: 'Nuori oululainen' } } });
    expect(one(fixed(), rule)).toMatchObject({ status: 'failed', explanation: { params: { actual: 2, needed: 1 } } });
    // p2 has no need in the life event.
    expect(one(base(), { ...rule, persona: { id: 'p2' } })).toMatchObject({ status: 'failed', explanation: { key: 'personaNotInScope' } });
  });

  it('a removed life event is an error; a persona named as a life event is a wrong kind', () => {
    expect(one(base(), { type: 'matching', lifeEvent: { id: 'leGone' }, measure: 'gaps', comparison: 'atMost', value: 0 })).toMatchObject({ status: 'error', explanation: { key: 'missingEntity' } });
    expect(one(base(), { type: 'matching', lifeEvent: { id: 'p1' }, measure: 'gaps', comparison: 'atMost', value: 0 })).toMatchObject({
      status: 'error',
      explanation: { key: 'wrongKind', params: { expected: 'lifeEvent', actual: 'persona' } },
    });
  });

  it('a life event without persona needs cannot reach a coverage', () => {
    const b = base();
    const snap = { entities: [...b.entities, lifeEvent('le2', 'Tyhjä')], links: b.links };
    expect(one(snap, { type: 'matching', lifeEvent: { id: 'le2' }, measure: 'coverage', comparison: 'atLeast', value: 0 })).toMatchObject({ status: 'failed', explanation: { key: 'noPersonaNeeds' } });
  });
});

describe('recommenderTopK', () => {
  it("the linked service ranks first for the persona's need; a service not ranked at all fails", () => {
    expect(one(base(), { type: 'recommenderTopK', persona: { id: 'p1' }, service: { id: 'sA' }, k: 1 })).toMatchObject({
      status: 'passed',
      explanation: { key: 'rank', params: { rank: 1, k: 1, service: 'Asuntoneuvonta' } },
    });
    const r = one(base(), { type: 'recommenderTopK', persona: { id: 'p1' }, service: { id: 'sOther' }, k: 1 });
    expect(r.status).toBe('failed');
    expect(['rank', 'notRanked']).toContain(r.explanation.key);
    if (r.explanation.key === 'rank') expect(Number(r.explanation.params.rank)).toBeGreaterThan(1);
  });

  it('a service id that is a persona is refused as a wrong kind', () => {
    expect(one(base(), { type: 'recommenderTopK', persona: { id: 'p1' }, service: { id: 'p2' }, k: 3 })).toMatchObject({ status: 'error', explanation: { key: 'wrongKind' } });
  });
});

describe('indicator', () => {
  const ind = (id: string, fi: string, extra: Record<string, unknown> = {}): PictureItem =>
    IndicatorSchema.parse({ id, kind: 'indicator', name: { fi }, direction: 'higher', ...extra }) as PictureItem;

  it('needs an indicator with a baseline and a target; says which is missing', () => {
    const b = base();
    expect(one({ ...b, pictureItems: [] }, { type: 'indicator' })).toMatchObject({ status: 'failed', explanation: { key: 'indicatorMissing' } });
    const half = ind('i1', 'Kattavuus', { baseline: { date: '2025-01-01', value: 0.5 } });
    expect(one({ ...b, pictureItems: [half] }, { type: 'indicator', nameContains: 'kattav' })).toMatchObject({
      status: 'failed',
      explanation: { key: 'indicatorIncomplete', params: { name: 'Kattavuus', missing: 'target' } },
    });
    const whole = ind('i2', 'Kattavuus 2', { baseline: { date: '2025-01-01', value: 0.5 }, target: { date: '2027-01-01', value: 0.8 } });
    expect(one({ ...b, pictureItems: [half, whole] }, { type: 'indicator', nameContains: 'kattav' })).toMatchObject({ status: 'passed', explanation: { params: { name: 'Kattavuus 2' } } });
    // Only the name filter decides which indicators count.
    expect(one({ ...b, pictureItems: [whole] }, { type: 'indicator', nameContains: 'jono' })).toMatchObject({ status: 'failed', explanation: { key: 'indicatorMissing' } });
    expect(one({ ...b, pictureItems: [half] }, { type: 'indicator', needsTarget: false }).status).toBe('passed');
  });
});

describe('freeAnswer', () => {
  const rule = { type: 'freeAnswer', prompt: { fi: 'Miksi?' } };
  it('is for review; an empty answer of a participant fails', () => {
    expect(one(base(), rule)).toMatchObject({ status: 'review', explanation: { key: 'freeAnswerReview' } });
    expect(one(base(), rule, {})).toMatchObject({ status: 'failed', explanation: { key: 'freeAnswerEmpty' } });
    expect(one(base(), rule, { c1: '  Koska.  ' })).toMatchObject({ status: 'review', explanation: { key: 'freeAnswerGiven', params: { chars: 6 } } });
  });
});

describe('checkExercise', () => {
  it('counts passed checks and reports the coverage reached', () => {
    const ex = ExerciseSchema.parse({
      id: 'e1',
      title: { fi: 'Harjoitus' },
      instructions: { fi: 'Tee' },
      start: { from: 'continue' },
      checks: [
        check({ type: 'matching', lifeEvent: { id: 'le1' }, measure: 'coverage', comparison: 'atLeast', value: 0.9 }, 'cov'),
        check({ type: 'entityExists', match: { kind: 'organisation' } }, 'org'),
        check({ type: 'freeAnswer', prompt: { fi: 'Miksi?' } }, 'why'),
      ],
    });
    const r = checkExercise(base(), ex, { secondsSpent: 42 });
    expect(r).toMatchObject({ exerciseId: 'e1', passed: 1, total: 3, secondsSpent: 42, coverage: 0.75 });
    expect(r.results.map((x) => x.status)).toEqual(['failed', 'passed', 'review']);
  });
});
