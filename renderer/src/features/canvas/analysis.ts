import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { EntityKind, LinkType } from '../../../../shared/model';
import { seededRandom } from '../../../../shared/util/random';

export interface AnalysisNode {
  id: string;
  kind: EntityKind;
}
export interface AnalysisLink {
  type: LinkType;
  source: string;
  target: string;
}

export interface NodeMetrics {
  id: string;
  kind: EntityKind;
  /** Links touching the node. */
  degree: number;
  /** Normalised betweenness in the whole graph (0–1): how often it lies on shortest paths. */
  betweenness: number;
  /** For organisations: normalised betweenness in the organisation network (see orgNetwork). */
  broker: number | null;
  /** Connected component, 1 = the largest. */
  component: number;
  /** Louvain community, 1 = the largest. */
  community: number;
  /** An organisation with no collaboration link. */
  isolated: boolean;
}

export interface Analysis {
  nodes: NodeMetrics[];
  components: number;
  communities: number;
  modularity: number;
  isolatedOrganisations: string[];
}


function undirected(nodes: readonly AnalysisNode[], edges: Iterable<[string, string]>): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const n of nodes) g.addNode(n.id);
  for (const [a, b] of edges) if (a !== b && g.hasNode(a) && g.hasNode(b)) g.mergeEdge(a, b);
  return g;
}

/** Labels each node with its connected component, numbered 1… from the largest down. */
function components(g: Graph): Map<string, number> {
  const raw = new Map<string, number>();
  const sizes: number[] = [];
  g.forEachNode((start) => {
    if (raw.has(start)) return;
    const c = sizes.length;
    let size = 0;
    const stack = [start];
    raw.set(start, c);
    while (stack.length) {
      const n = stack.pop()!;
      size++;
      g.forEachNeighbor(n, (m) => {
        if (!raw.has(m)) {
          raw.set(m, c);
          stack.push(m);
        }
      });
    }
    sizes.push(size);
  });
  return renumberBySize(raw);
}

/** Renumbers group labels 1… by group size (largest first; ties by first appearance), so labels are stable. */
function renumberBySize(raw: Map<string, number>): Map<string, number> {
  const count = new Map<number, number>();
  const first = new Map<number, number>();
  let i = 0;
  for (const c of raw.values()) {
    count.set(c, (count.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i++);
  }
  const order = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || first.get(a)! - first.get(b)!);
  const rank = new Map(order.map((c, k) => [c, k + 1]));
  return new Map([...raw].map(([id, c]) => [id, rank.get(c)!]));
}

/**
 * The organisation network: two organisations are tied when they collaborate, provide the same
 * service, or one's service refers to the other's. Betweenness here shows the brokers between
 * organisations, which the whole graph's betweenness mixes up with busy services and needs.
 */
export function orgNetwork(nodes: readonly AnalysisNode[], links: readonly AnalysisLink[]): Graph {
  const orgs = nodes.filter((n) => n.kind === 'organisation');
  const providers = new Map<string, string[]>();
  for (const l of links) if (l.type === 'provides') providers.set(l.target, [...(providers.get(l.target) ?? []), l.source]);
  const ties: [string, string][] = [];
  for (const l of links) {
    if (l.type === 'collaborates') ties.push([l.source, l.target]);
    if (l.type === 'refersTo') for (const a of providers.get(l.source) ?? []) for (const b of providers.get(l.target) ?? []) ties.push([a, b]);
  }
  for (const ps of providers.values()) for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) ties.push([ps[i], ps[j]]);
  return undirected(orgs, ties);
}

/** Degree, betweenness, brokers, components, Louvain communities and isolated organisations of a graph. */
export function analyse(nodes: readonly AnalysisNode[], links: readonly AnalysisLink[], seed = 1): Analysis {
  const ids = new Set(nodes.map((n) => n.id));
  const inside = links.filter((l) => ids.has(l.source) && ids.has(l.target));
  const g = undirected(nodes, inside.map((l) => [l.source, l.target] as [string, string]));

  const degree = new Map<string, number>();
  for (const l of inside) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const between = g.order > 2 ? betweennessCentrality(g, { normalized: true }) : {};
  const og = orgNetwork(nodes, inside);
  const broker = og.order > 2 ? betweennessCentrality(og, { normalized: true }) : {};
  const comp = components(g);

  let community: Map<string, number>;
  let modularity = 0;
  if (g.size > 0) {
    const res = louvain.detailed(g, { rng: seededRandom(seed), getEdgeWeight: null });
    community = renumberBySize(new Map(Object.entries(res.communities)));
    modularity = res.modularity;
  } else {
    community = new Map(nodes.map((n, i) => [n.id, i + 1]));
  }

  const collaborating = new Set(inside.filter((l) => l.type === 'collaborates').flatMap((l) => [l.source, l.target]));
  const metrics: NodeMetrics[] = nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    degree: degree.get(n.id) ?? 0,
    betweenness: between[n.id] ?? 0,
    broker: n.kind === 'organisation' ? (broker[n.id] ?? 0) : null,
    component: comp.get(n.id) ?? 0,
    community: community.get(n.id) ?? 0,
    isolated: n.kind === 'organisation' && !collaborating.has(n.id),
  }));
  return {
    nodes: metrics,
    components: new Set(comp.values()).size,
    communities: new Set(community.values()).size,
    modularity,
    isolatedOrganisations: metrics.filter((m) => m.isolated).map((m) => m.id),
  };
}
