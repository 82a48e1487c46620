import { describe, expect, it } from 'vitest';
import { analyse, orgNetwork, type AnalysisLink, type AnalysisNode } from './analysis';

// Two clusters of organisations and services joined only through org "b1" (the broker), and a
// lone organisation "z" with a service of its own.
const nodes: AnalysisNode[] = [
  ...['a1', 'a2', 'b1', 'c1', 'c2', 'z'].map((id) => ({ id, kind: 'organisation' as const })),
  ...['sa', 'sc', 'sz'].map((id) => ({ id, kind: 'service' as const })),
];
const links: AnalysisLink[] = [
  { type: 'collaborates', source: 'a1', target: 'a2' },
  { type: 'collaborates', source: 'a2', target: 'b1' },
  { type: 'collaborates', source: 'b1', target: 'c1' },
  { type: 'collaborates', source: 'c1', target: 'c2' },
  { type: 'provides', source: 'a1', target: 'sa' },
  { type: 'provides', source: 'a2', target: 'sa' },
  { type: 'provides', source: 'c1', target: 'sc' },
  { type: 'provides', source: 'c2', target: 'sc' },
  { type: 'provides', source: 'z', target: 'sz' },
];

describe('network analysis', () => {
  const a = analyse(nodes, links);
  const m = new Map(a.nodes.map((n) => [n.id, n]));

  it('counts links per node', () => {
    expect(m.get('a2')!.degree).toBe(3);
    expect(m.get('sa')!.degree).toBe(2);
    expect(m.get('z')!.degree).toBe(1);
  });

  it('finds the broker between organisations by betweenness', () => {
    const top = [...a.nodes].sort((x, y) => y.betweenness - x.betweenness)[0];
    expect(top.id).toBe('b1');
    expect(m.get('b1')!.betweenness).toBeGreaterThan(0.3);
    expect(m.get('sa')!.betweenness).toBe(0);
    expect(m.get('b1')!.broker).toBeGreaterThan(m.get('a1')!.broker!);
    expect(m.get('sa')!.broker).toBeNull();
  });

  it('numbers connected components from the largest', () => {
    expect(a.components).toBe(2);
    expect(m.get('a1')!.component).toBe(1);
    expect(m.get('sz')!.component).toBe(2);
    expect(m.get('z')!.component).toBe(2);
  });

  it('finds communities with Louvain, the same way every time', () => {
    expect(m.get('a1')!.community).toBe(m.get('sa')!.community);
    expect(m.get('c1')!.community).toBe(m.get('sc')!.community);
    expect(m.get('a1')!.community).not.toBe(m.get('c2')!.community);
    expect(m.get('z')!.community).not.toBe(m.get('a1')!.community);
    expect(a.modularity).toBeGreaterThan(0.2);
    expect(analyse(nodes, links).nodes).toEqual(a.nodes);
  });

  it('lists organisations without collaboration links as isolated', () => {
    expect(a.isolatedOrganisations).toEqual(['z']);
    expect(m.get('sz')!.isolated).toBe(false);
  });

  it('ties organisations through shared services and referrals in the organisation network', () => {
    const g = orgNetwork(
      [{ id: 'o1', kind: 'organisation' }, { id: 'o2', kind: 'organisation' }, { id: 'o3', kind: 'organisation' }],
      [
        { type: 'provides', source: 'o1', target: 's1' },
        { type: 'provides', source: 'o2', target: 's1' },
        { type: 'provides', source: 'o3', target: 's3' },
        { type: 'refersTo', source: 's1', target: 's3' },
      ],
    );
    expect(g.hasEdge('o1', 'o2')).toBe(true);
    expect(g.hasEdge('o1', 'o3')).toBe(true);
    expect(g.hasEdge('o2', 'o3')).toBe(true);
  });

  it('copes with a graph without links and ignores links to nodes outside it', () => {
    const b = analyse([{ id: 'x', kind: 'need' }, { id: 'y', kind: 'need' }], [{ type: 'hasNeed', source: 'le', target: 'x' }]);
    expect(b.nodes.map((n) => [n.degree, n.component, n.community])).toEqual([
      [0, 1, 1],
      [0, 2, 2],
    ]);
    expect(b.components).toBe(2);
  });
});
