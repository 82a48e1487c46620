import { describe, expect, it } from 'vitest';
import { entityOrder, MAX_LISTED_CHANGES, mergeChanges, patchById, touchesGraph } from './changes';

describe('patchById', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 1 };
  const c = { id: 'c', v: 1 };

  it('replaces, removes and appends by id, keeping unchanged items as they were', () => {
    const out = patchById([a, b, c], [{ id: 'b', v: 2 }, { id: 'd', v: 1 }], ['b', 'c', 'd']);
    expect(out).toEqual([a, { id: 'b', v: 2 }, { id: 'd', v: 1 }]);
    expect(out[0]).toBe(a);
  });

  it('returns the same list when nothing changed', () => {
    const list = [a, b];
    expect(patchById(list, [], [])).toBe(list);
  });

  it('puts new items where a full reload would have them', () => {
    const list = [
      { id: 'org-1', kind: 'organisation' },
      { id: 'svc-1', kind: 'service' },
      { id: 'svc-3', kind: 'service' },
    ];
    const out = patchById(list, [{ id: 'svc-2', kind: 'service' }, { id: 'need-1', kind: 'need' }], ['svc-2', 'need-1'], entityOrder);
    expect(out.map((e) => e.id)).toEqual(['need-1', 'org-1', 'svc-1', 'svc-2', 'svc-3']);
  });

  it('drops a touched id that is no longer there, and adds one that came back', () => {
    expect(patchById([a, b], [], ['b'])).toEqual([a]);
    expect(patchById([a], [b], ['b'])).toEqual([a, b]);
  });
});

describe('touchesGraph', () => {
  it('is false only for changes that name no entities or links', () => {
    expect(touchesGraph({ canvas: true })).toBe(false);
    expect(touchesGraph({})).toBe(false);
    expect(touchesGraph(undefined)).toBe(true);
    expect(touchesGraph({ entities: ['x'] })).toBe(true);
  });
});

describe('mergeChanges', () => {
  it('unites the ids and flags of a burst, and gives up listing when it grows too large', () => {
    expect(mergeChanges({ entities: ['a'], canvas: true }, { entities: ['a', 'b'], links: ['l'] })).toEqual({ entities: ['a', 'b'], links: ['l'], canvas: true });
    expect(mergeChanges(null, { picture: true })).toEqual({ picture: true });
    expect(mergeChanges({ entities: ['a'] }, undefined)).toEqual({ all: true });
    const many = Array.from({ length: MAX_LISTED_CHANGES }, (_, i) => `e${i}`);
    expect(mergeChanges({ entities: many }, { links: ['l'] })).toEqual({ all: true });
  });
});
