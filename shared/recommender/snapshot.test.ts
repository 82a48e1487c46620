import { describe, expect, it } from 'vitest';
import type { Link } from '../model';
import { buildIndex, buildIndexSteps, buildSnapshot, catalogueSteps, decodeSnapshot, decodeSnapshotSteps, encodeSnapshot, needRelevance, recommend, snapshotOf, SNAPSHOT_VERSION } from './index';
import { meters, need, svc } from './testkit';

const services = [
  svc('s1', 'Asumisneuvonta', { descFi: 'Neuvontaa vuokra-asunnon hakuun ja asumisen ongelmiin.', meterAffinities: { housing: 1, health: 0, resilience: 0, working_studying: 0, family: 0, friends: 0, finance: 0, improvement_of_strengths: 0, self_esteem: 0, life_satisfaction: 0 } }),
  svc('s2', 'Talous- ja velkaneuvonta', { descFi: 'Apua velkojen ja raha-asioiden hoitoon.', meterAffinities: { finance: 1, health: 0, resilience: 0, housing: 0, working_studying: 0, family: 0, friends: 0, improvement_of_strengths: 0, self_esteem: 0, life_satisfaction: 0 } }),
  svc('s3', 'Nuorten asuntola', { descFi: 'Vuokra-asuntoja nuorille.', targetGroups: ['KR1.2'] }),
  svc('s4', 'Velkajärjestely', { descFi: 'Velkojen järjestely ja ulosotto.', areaType: 'limited', areas: ['091'] }),
  svc('s5', 'Velkajärjestely', { descFi: 'Velkojen järjestely ja ulosotto.', areaType: 'limited', areas: ['091'] }),
];
const links: Link[] = [];

describe('recommender index snapshot (the part kept in the workspace file)', () => {
  it('round-trips through bytes: an index assembled from the snapshot answers exactly as the built one', () => {
    const built = buildIndex(services, links);
    const bytes = encodeSnapshot(snapshotOf(built));
    // Read from an unaligned copy, as a BLOB from SQLite may be.
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const snap = decodeSnapshot(padded.subarray(3))!;
    expect(snap.version).toBe(SNAPSHOT_VERSION);
    expect(snap.n).toBe(5);
    expect(snap.labelled).toBe(2);
    expect(snap.inferred).toBe(3);
    expect([...snap.affinity]).toEqual([...built.affinity]);
    expect(snap.ages[2]).toEqual(built.ages[2]);
    expect(snap.ages[2]).not.toBeNull();
    expect(snap.text.vocab).toEqual(built.text.vocab);
    expect(snap.model.vocab.size).toBe(built.model.vocab.size);

    const again = buildIndex(services, links, { snapshot: snap });
    // The costly phases are skipped: none of them is timed.
    expect(again.build.phases.analyse).toBeUndefined();
    expect(again.build.phases.train).toBeUndefined();
    expect(again.build.phases.snapshot).toBeDefined();
    // Which records are one service is worked out again (it depends on providers, which a snapshot is not keyed on).
    expect([...again.sameAs]).toEqual([0, 1, 2, 3, 3]);
    expect(again.hasDuplicates).toBe(true);
    expect(again.sameGroups.get(3)).toEqual([3, 4]);
    for (const q of [{ meters: meters(8, { finance: 1 }) }, { text: 'vuokra-asunto' }, { meters: meters(8, { housing: 0 }), text: 'velka', filters: { ageMin: 70, ageMax: 80 } }]) {
      const a = recommend(built, { ...q, limit: 5 });
      const b = recommend(again, { ...q, limit: 5 });
      expect(b.map((r) => [r.serviceId, r.score])).toEqual(a.map((r) => [r.serviceId, r.score]));
      expect(b.map((r) => r.parts)).toEqual(a.map((r) => r.parts));
    }
  });

  it('records are one service exactly when their folded name, providers, area type and areas are equal', () => {
    const provides = (org: string, target: string, n: number): Link => ({ id: `p${n}`, type: 'provides', source: org, target, data: {} });
    const records = [
      svc('d01', 'Velka  Neuvonta', { areaType: 'limited', areas: ['091', '049'] }),
      // Case, spacing and the order of areas do not make another service.
      svc('d02', ' velka neuvonta ', { areaType: 'limited', areas: ['049', '091'] }),
      svc('d03', 'Velka\tneuvonta', { areaType: 'limited', areas: ['091', '049'] }),
      // Another area, area type or provider does.
      svc('d04', 'Velka neuvonta', { areaType: 'limited', areas: ['091'] }),
      svc('d05', 'Velka neuvonta', { areaType: 'nationwide' }),
      svc('d06', 'Velka neuvonta', { areaType: 'nationwideExceptAland' }),
      svc('d07', 'Velka neuvonta', { areaType: 'limited', areas: ['091', '049'] }),
      // Parts that hold the characters a key is joined with stay apart from parts that do not.
      svc('d08', 'a\u0000b'),
      svc('d09', 'a'),
      svc('d10', 'a\u0000b'),
    ];
    const links = [provides('o1', 'd01', 1), provides('o1', 'd02', 2), provides('o1', 'd03', 3), provides('o1', 'd04', 4), provides('o1', 'd05', 5), provides('o1', 'd06', 6), provides('o2', 'd07', 7), provides('b', 'd09', 8), provides('x\u0001', 'd10', 9), provides('x\u0001', 'd08', 10)];
    const index = buildIndex(records, links);
    expect([...index.sameAs]).toEqual([0, 0, 0, 3, 4, 5, 6, 7, 8, 7]);
    expect(index.sameGroups.get(0)).toEqual([0, 1, 2]);
    expect(index.sameGroups.get(7)).toEqual([7, 9]);
  });

  it('an index assembled from the catalogue\'s part worked out beforehand (as the backend does while the worker builds) is the index built at once', () => {
    const withLinks: Link[] = [{ id: 'l0', type: 'provides', source: 'o1', target: 's4', data: {} }, { id: 'l1', type: 'provides', source: 'o1', target: 's5', data: {} }];
    const whole = buildIndex(services, withLinks, { precomputeNeeds: false });
    const snapshot = decodeSnapshot(encodeSnapshot(snapshotOf(whole)))!;
    const run = <T>(steps: Generator<void, T>): T => {
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    };
    const part = run(catalogueSteps(services, withLinks));
    for (const opts of [{}, { snapshot }]) {
      const assembled = run(buildIndexSteps(services, withLinks, { ...opts, precomputeNeeds: false }, part));
      expect([...assembled.sameAs]).toEqual([...whole.sameAs]);
      expect(assembled.sameGroups).toEqual(whole.sameGroups);
      expect(assembled.masks).toEqual(whole.masks);
      expect(assembled.byMunicipality).toEqual(whole.byMunicipality);
      expect(assembled.ageLimited).toEqual(whole.ageLimited);
      expect(assembled.ageLimited).toEqual([2]);
      expect(assembled.providers).toEqual(whole.providers);
      expect(Buffer.from(encodeSnapshot(snapshotOf(assembled))).equals(Buffer.from(encodeSnapshot(snapshotOf(whole))))).toBe(true);
      for (const q of [{ meters: meters(8, { finance: 1 }), filters: { municipality: '091' } }, { text: 'velkajärjestely' }]) {
        expect(recommend(assembled, { ...q, limit: 5 }).map((r) => [r.serviceId, r.score])).toEqual(recommend(whole, { ...q, limit: 5 }).map((r) => [r.serviceId, r.score]));
      }
    }
  });

  it('buildSnapshot (the worker thread\'s build) writes the same bytes as a whole build of the same catalogue', () => {
    const ignoreWords = { inference: { ignoreWords: ['helsinki'] } };
    const lifeEventLinks: Link[] = [{ id: 'l1', type: 'inLifeEvent', source: 's3', target: 'le1', data: {} }, { id: 'l0', type: 'provides', source: 'o1', target: 's4', data: {} }];
    const lifeEvents = [{ id: 'le1', kind: 'lifeEvent' as const, name: { fi: 'Muutto' }, description: {}, tags: [], code: 'KE3' }];
    const whole = encodeSnapshot(snapshotOf(buildIndex(services, lifeEventLinks, { ...ignoreWords, lifeEvents })));
    const { snapshot, phases } = buildSnapshot([...services].reverse(), lifeEventLinks, { ...ignoreWords, lifeEvents });
    expect(Buffer.from(encodeSnapshot(snapshot)).equals(Buffer.from(whole))).toBe(true);
    // Only the costly phases are done: nothing the server thread assembles again.
    expect(Object.keys(phases)).toEqual(['links', 'analyse', 'features', 'train', 'infer', 'textIndex', 'ages']);
  });

  it('refuses a snapshot of another catalogue size, returns null for another version, and throws on bytes that are not one', () => {
    const bytes = encodeSnapshot(snapshotOf(buildIndex(services, links)));
    expect(() => buildIndex(services.slice(0, 4), links, { snapshot: decodeSnapshot(bytes)! })).toThrow(/5 services, the catalogue has 4/);
    const headLen = new DataView(bytes.buffer).getUint32(0, true);
    const head = new TextDecoder().decode(bytes.subarray(4, 4 + headLen)).replace(`"version":${SNAPSHOT_VERSION},`, `"version":${SNAPSHOT_VERSION + 1},`);
    const other = new Uint8Array(bytes.length + 8);
    const enc = new TextEncoder().encode(head);
    new DataView(other.buffer).setUint32(0, enc.length, true);
    other.set(enc, 4);
    expect(decodeSnapshot(other)).toBeNull();
    expect(() => decodeSnapshot(new Uint8Array([1, 0]))).toThrow(/too short/);
    expect(() => decodeSnapshot(new Uint8Array([255, 255, 0, 0, 1, 2]))).toThrow(/past the end/);
  });

  it('builds in slices: the steps pause more than once on a larger catalogue and end with the same index', () => {
    const many = Array.from({ length: 1600 }, (_, i) => svc(`x${String(i).padStart(5, '0')}`, `Palvelu ${i % 50}`, { descFi: i % 2 ? 'asuminen ja vuokra' : 'velka ja raha' }));
    const steps = buildIndexSteps(many, []);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(5);
    const whole = buildIndex(many, []);
    expect([...r.value.affinity]).toEqual([...whole.affinity]);
    expect([...r.value.sameAs]).toEqual([...whole.sameAs]);
  });

  it('decodes in slices: the steps pause on a larger vocabulary and end with what decodeSnapshot reads', () => {
    const many = Array.from({ length: 3000 }, (_, i) => svc(`y${String(i).padStart(5, '0')}`, `Palvelu${i} sana${i}`, { descFi: `kuvaus${i} asuminen` }));
    const bytes = encodeSnapshot(snapshotOf(buildIndex(many, [])));
    const steps = decodeSnapshotSteps(bytes);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    const whole = decodeSnapshot(bytes)!;
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(r.value!.text.vocab).toEqual(whole.text.vocab);
    expect([...r.value!.text.postings.keys()]).toEqual([...whole.text.postings.keys()]);
    for (const [stem, p] of whole.text.postings) {
      expect([...r.value!.text.postings.get(stem)!.docs]).toEqual([...p.docs]);
      expect([...r.value!.text.postings.get(stem)!.tf]).toEqual([...p.tf]);
    }
    expect([...r.value!.model.vocab.entries()]).toEqual([...whole.model.vocab.entries()]);
  });
});

describe('needs worked out on first use', () => {
  const needs = [
    need('n-asunto', 'Asunnon löytäminen', { keywords: ['vuokra-asunto'] }),
    need('n-velka', 'Velkojen hoito', { keywords: ['velka'] }),
    need('n-nuoret', 'Nuoren asuminen', { keywords: ['asuntola'] }),
  ];
  const linked: Link[] = [{ id: 'l1', type: 'addresses', source: 's2', target: 'n-velka', data: {} }];

  it('answers exactly as the index that worked out every need while building, and fills the cache only for needs asked about', () => {
    const eager = buildIndex(services, linked, { needs });
    const lazy = buildIndex(services, linked, { needs, precomputeNeeds: false });
    expect(eager.needCache.size).toBe(3);
    expect(lazy.needCache.size).toBe(0);
    const q = { meters: meters(8, { finance: 2 }), needs: [{ id: 'n-velka', importance: 5 }, { id: 'n-asunto', importance: 2 }], limit: 5 };
    const a = recommend(eager, q);
    const b = recommend(lazy, q);
    expect(b.map((r) => [r.serviceId, r.score, r.parts])).toEqual(a.map((r) => [r.serviceId, r.score, r.parts]));
    expect(a.length).toBeGreaterThan(0);
    expect([...lazy.needCache.keys()].sort()).toEqual(['n-asunto', 'n-velka']);
    for (const n of needs) {
      const e = needRelevance(eager, n.id);
      const l = needRelevance(lazy, n.id);
      expect([...l.strength]).toEqual([...e.strength]);
      expect([...l.via]).toEqual([...e.via]);
    }
    expect(needRelevance(lazy, 'n-velka').strength.get(lazy.position.get('s2')!)).toBe(1);
  });
});
