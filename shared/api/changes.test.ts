import { describe, expect, it } from 'vitest';
import { entityOrder, linkOrder, MAX_LISTED_CHANGES, mergeChanges, patchById, replaceInPlace, touchesGraph } from './changes';

describe('touchesGraph', () => {
  it('is false only for changes that name no entities or links', () => {
    expect(touchesGraph({ canvas: true })).toBe(false);
    expect(touchesGraph({ picture: true })).toBe(false);
    expect(touchesGraph({})).toBe(false);
    expect(touchesGraph(undefined)).toBe(true);
    expect(touchesGraph({ all: true })).toBe(true);
    expect(touchesGraph({ entities: ['x'] })).toBe(true);
    expect(touchesGraph({ links: ['l'] })).toBe(true);
  });
});

describe('patchById', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 1 };
  const c = { id: 'c', v: 1 };

  it('replaces, removes and appends by id, keeping unchanged items as they were', () => {
    const list = [a, b, c];
    const out = patchById(list, [{ id: 'b', v: 2 }, { id: 'd', v: 1 }], ['b', 'c', 'd']);
    expect(out).toEqual([a, { id: 'b', v: 2 }, { id: 'd', v: 1 }]);
    expect(out[0]).toBe(a);
    expect(out).not.toBe(list);
    expect(list).toEqual([a, b, c]);
  });

  it('returns the same list when nothing was touched', () => {
    const list = [a, b];
    expect(patchById(list, [], [])).toBe(list);
  });

  it('drops a touched id that is no longer there, and adds one that came back', () => {
    expect(patchById([a, b], [], ['b'])).toEqual([a]);
    expect(patchById([a], [b], ['b'])).toEqual([a, b]);
  });

  it('puts new items where a full reload would have them, one by one or many at once', () => {
    const list = [
      { id: 'org-1', kind: 'organisation' },
      { id: 'svc-1', kind: 'service' },
      { id: 'svc-3', kind: 'service' },
    ];
    const out = patchById(list, [{ id: 'svc-2', kind: 'service' }, { id: 'need-1', kind: 'need' }, { id: 'svc-4', kind: 'service' }], ['svc-2', 'need-1', 'svc-4'], entityOrder);
    expect(out.map((e) => e.id)).toEqual(['need-1', 'org-1', 'svc-1', 'svc-2', 'svc-3', 'svc-4']);
    expect(out[1]).toBe(list[0]);

    const many = Array.from({ length: 200 }, (_, i) => ({ id: `svc-0${String(i).padStart(3, '0')}`, kind: 'service' }));
    const all = patchById(list, many, many.map((e) => e.id), entityOrder);
    expect(all.map((e) => e.id)).toEqual([...list, ...many].sort(entityOrder).map((e) => e.id));
  });

  it('moves an item whose place in the order changed (deleted and made again as another kind)', () => {
    const list = [
      { id: 'x', kind: 'need' },
      { id: 'y', kind: 'need' },
    ];
    const out = patchById(list, [{ id: 'x', kind: 'service' }], ['x'], entityOrder);
    expect(out).toEqual([
      { id: 'y', kind: 'need' },
      { id: 'x', kind: 'service' },
    ]);
  });

  it('orders links as links.list does: by type, then id', () => {
    const list = [
      { id: 'l2', type: 'a' },
      { id: 'l1', type: 'b' },
    ];
    expect(patchById(list, [{ id: 'l0', type: 'b' }], ['l0'], linkOrder).map((l) => l.id)).toEqual(['l2', 'l0', 'l1']);
  });
});

describe('replaceInPlace', () => {
  const kinds = ['need', 'organisation', 'service'];
  const list = Array.from({ length: 300 }, (_, i) => ({ id: `e${String((i * 7919) % 1000).padStart(4, '0')}`, kind: kinds[i % 3], v: 0 })).sort(entityOrder);

  it('replaces edited items at their place, keeping every other item as it was', () => {
    const edited = [{ ...list[0], v: 1 }, { ...list[150], v: 1 }, { ...list[299], v: 1 }];
    const out = replaceInPlace(list, edited, edited.map((e) => e.id), entityOrder)!;
    expect(out).not.toBeNull();
    expect(out).toEqual(patchById(list, edited, edited.map((e) => e.id), entityOrder));
    expect(out[150]).toBe(edited[1]);
    expect(out[149]).toBe(list[149]);
    expect(list[150].v).toBe(0);
  });

  it('gives way to the pass over the list for anything that is not an edit in place', () => {
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    // deleted
    expect(replaceInPlace(list, [], [list[3].id], entityOrder)).toBeNull();
    // new
    const fresh = { id: 'e9999', kind: 'service', v: 0 };
    expect(replaceInPlace(list, [fresh], ['e9999'], entityOrder)).toBeNull();
    // of another kind: its place in the order moved
    const moved = { ...list[0], kind: 'service' };
    expect(replaceInPlace(list, [moved], [moved.id], entityOrder)).toBeNull();
    // one edited, one deleted
    expect(replaceInPlace(list, [list[1]], ids([list[1], list[2]]), entityOrder)).toBeNull();
    // a found item that was not among the touched
    expect(replaceInPlace(list, [list[1]], [list[2].id], entityOrder)).toBeNull();
    expect(replaceInPlace(list, [], [], entityOrder)).toBeNull();
  });
});

describe('mergeChanges', () => {
  it('unites the ids and flags of a burst, and gives up listing when it grows too large', () => {
    expect(mergeChanges({ entities: ['a'], canvas: true }, { entities: ['a', 'b'], links: ['l'] })).toEqual({ entities: ['a', 'b'], links: ['l'], canvas: true });
    expect(mergeChanges(null, { picture: true })).toEqual({ picture: true });
    expect(mergeChanges({ entities: ['a'] }, undefined)).toEqual({ all: true });
    expect(mergeChanges({ all: true }, { entities: ['a'] })).toEqual({ all: true });
    const many = Array.from({ length: MAX_LISTED_CHANGES }, (_, i) => `e${i}`);
    expect(mergeChanges({ entities: many }, { links: ['l'] })).toEqual({ all: true });
  });
});
