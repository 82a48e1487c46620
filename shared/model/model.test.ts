import { describe, expect, it } from 'vitest';
import { EntitySchema, linkKindError, linkTypesBetween, LocalizedTextSchema, pickText } from '.';

describe('domain model', () => {
  it('requires a name in at least one language and picks the best translation', () => {
    expect(LocalizedTextSchema.safeParse({}).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ fi: '  ' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ sv: 'FPA' }).success).toBe(true);
    expect(LocalizedTextSchema.safeParse({ de: 'x' }).success).toBe(false);
    expect(pickText({ fi: 'Kela', sv: 'FPA' }, 'sv')).toBe('FPA');
    expect(pickText({ fi: 'Kela' }, 'en')).toBe('Kela');
    expect(pickText({ sv: 'FPA' }, 'fi')).toBe('FPA');
  });

  it('validates personas: meters 0–10 and a sane age range', () => {
    const meters = { health: 3, resilience: 2, housing: 5, working_studying: 1, family: 6, friends: 4, finance: 2, improvement_of_strengths: 5, self_esteem: 3, life_satisfaction: 3 };
    const ok = EntitySchema.safeParse({ id: 'p1', kind: 'persona', name: { fi: 'Aino, 17' }, ageMin: 16, ageMax: 18, meters });
    expect(ok.success).toBe(true);
    expect(ok.success && ok.data.kind === 'persona' && ok.data.language).toBe('fi');
    expect(EntitySchema.safeParse({ id: 'p1', kind: 'persona', name: { fi: 'x' }, ageMin: 20, ageMax: 18, meters }).success).toBe(false);
    expect(EntitySchema.safeParse({ id: 'p1', kind: 'persona', name: { fi: 'x' }, ageMin: 1, ageMax: 18, meters: { ...meters, health: 11 } }).success).toBe(false);
  });

  it('validates service meter affinities 0..1 and fills defaults', () => {
    const s = EntitySchema.parse({ id: 's1', kind: 'service', name: { fi: 'Opintotuki' }, meterAffinities: { finance: 1 } });
    expect(s).toMatchObject({ areaType: 'nationwide', serviceClasses: [], excluded: false, meterAffinities: { finance: 1 } });
    expect(EntitySchema.safeParse({ id: 's1', kind: 'service', name: { fi: 'x' }, meterAffinities: { finance: 2 } }).success).toBe(false);
    expect(EntitySchema.safeParse({ id: 's 1', kind: 'service', name: { fi: 'x' } }).success).toBe(false);
  });

  it('knows which link types join which kinds', () => {
    expect(linkKindError('provides', 'organisation', 'service')).toBeNull();
    expect(linkKindError('provides', 'service', 'organisation')).toBe('link.wrongKinds');
    expect(linkTypesBetween('need', 'service')).toEqual([{ type: 'addresses', reversed: true }]);
    expect(linkTypesBetween('service', 'service')).toEqual([{ type: 'refersTo', reversed: false }]);
  });
});
