import { describe, expect, it } from 'vitest';
import { touchesGraph } from './changes';

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
