import { describe, expect, it } from 'vitest';
import { analysisInputKey } from './analysisKey';

const nodes = [
  { id: 'a', kind: 'service' },
  { id: 'b', kind: 'need' },
  { id: 'c', kind: 'need' },
];

describe('network analysis cache key', () => {
  it('changes when a link moves although the counts stay the same', () => {
    const before = analysisInputKey(nodes, [{ type: 'addresses', source: 'a', target: 'b' }], 'v');
    const after = analysisInputKey(nodes, [{ type: 'addresses', source: 'a', target: 'c' }], 'v');
    expect(after).not.toBe(before);
  });

  it('changes when a node is swapped for another, or the scope changes', () => {
    const base = analysisInputKey(nodes, [], 'v');
    expect(analysisInputKey([nodes[0], nodes[1], { id: 'd', kind: 'need' }], [], 'v')).not.toBe(base);
    expect(analysisInputKey(nodes, [], 'w')).not.toBe(base);
  });

  it('does not depend on the order the nodes and links arrive in', () => {
    const links = [
      { type: 'addresses', source: 'a', target: 'b' },
      { type: 'addresses', source: 'a', target: 'c' },
    ];
    expect(analysisInputKey([...nodes].reverse(), [...links].reverse(), 'v')).toBe(analysisInputKey(nodes, links, 'v'));
  });
});
