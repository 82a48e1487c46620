import { describe, expect, it } from 'vitest';
import { startEntities } from '../../../shared/course/testkit';
import { IndexCache } from './results';

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
