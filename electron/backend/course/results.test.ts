import { describe, expect, it } from 'vitest';
import { samplePack, startEntities } from '../../../shared/course/testkit';
import { CheckRunner, checkExercises } from '../../../shared/course/checks';
import { snapshotOf } from '../../../shared/recommender';
import { IndexCache } from './results';
import { checkIndexOptions } from './run';

describe('IndexCache (collect)', () => {
  it('shares one recommender index between copies built from the same inputs, and only those', () => {
    const cache = new IndexCache();
    const a = startEntities();
    const b = startEntities();
    const first = cache.get(a);
    // Another participant who changed only a persona: same services, needs and links.
    b.entities = b.entities.map((e) => (e.kind === 'persona' ? { ...e, ageMax: 30 } : e));
    expect(cache.get(b)).toBe(first);
    const c = startEntities();
    c.links.push({ id: 'k9', type: 'addresses', source: 'sA', target: 'nB', data: {} });
    const other = cache.get(c);
    expect(other).not.toBe(first);
    expect(other.needs.get('nB')?.linked.size).toBe(1);
    expect(first.needs.get('nB')?.linked.size).toBe(0);
  });
});

describe('IndexCache: copies of one catalogue share the costly part', () => {
  it('builds once for copies whose services and life events are the same, and each gets the results a build of its own would give', () => {
    const cache = new IndexCache();
    const pack = samplePack();
    const fresh = (snap: ReturnType<typeof startEntities>) => checkExercises(snap, pack.manifest.exercises, { index: checkIndexOptions() });
    const viaCache = (snap: ReturnType<typeof startEntities>) => checkExercises(snap, pack.manifest.exercises, { index: checkIndexOptions(), prebuilt: cache.get(snap, { fingerprint: 'catalogue-1', saved: () => null }) });
    const a = startEntities();
    // Another participant linked a service to a need: same catalogue, other links.
    const c = startEntities();
    c.links.push({ id: 'k9', type: 'addresses', source: 'sA', target: 'nB', data: {} });
    expect(viaCache(a)).toEqual(fresh(a));
    expect(viaCache(c)).toEqual(fresh(c));
    expect(cache.builds).toBe(1);
    // A snapshot the participant's file saved is used before building.
    const other = new IndexCache();
    let asked = 0;
    const saved = snapshotOf(new CheckRunner(a, { index: checkIndexOptions() }).index);
    const idx = other.get(c, { fingerprint: 'catalogue-1', saved: () => (asked++, saved) });
    expect(asked).toBe(1);
    expect(other.builds).toBe(0);
    expect(idx.needs.get('nB')?.linked.size).toBe(1);
  });
});
