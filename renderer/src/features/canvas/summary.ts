import { ENTITY_KINDS, type Entity, type EntityKind, type Link } from '../../../../shared/model';
import { summaryGroups, SUMMARY_GROUPINGS, type SummaryGrouping } from './graph';

/**
 * Above this many nodes in a view, the map opens on a summary of groups instead of drawing
 * everything. bench/canvas-scale.ts on real PTV records (a heavily loaded 2-core machine): the
 * full draw took 16 s to its first nodes at 2,000 nodes and 26 s at 5,000, and reopening was
 * slower still; bench/canvas-render.ts puts 2,000 nodes at about 1.5 s on a quiet machine. The
 * line sits where today's draw was still measured to work; re-measure on a quiet machine.
 */
export const SUMMARY_ABOVE = 5000;

/** The key of the group of entities that no grouping reaches. */
export const UNGROUPED = '';

export interface SummaryState {
  by: SummaryGrouping;
  /** Keys of the groups drawn on the map; the rest stay summarised. */
  expanded: string[];
  /** The user asked for the whole map, however large. */
  all: boolean;
}

export interface SummaryGroup {
  key: string;
  /** The entity that heads the group (a life event or an organisation), if any. */
  head?: string;
  total: number;
  counts: Partial<Record<EntityKind, number>>;
}

/** Groups of the entities shown, largest first, with their counts per kind; the ungrouped come last. */
export function summarise(shown: readonly Entity[], group: Map<string, string | null>): SummaryGroup[] {
  const out = new Map<string, SummaryGroup>();
  for (const e of shown) {
    const key = group.get(e.id) ?? UNGROUPED;
    let g = out.get(key);
    if (!g) out.set(key, (g = { key, total: 0, counts: {} }));
    g.total++;
    g.counts[e.kind] = (g.counts[e.kind] ?? 0) + 1;
  }
  for (const g of out.values()) if (g.key && !g.key.startsWith('class:')) g.head = g.key;
  return [...out.values()].sort((a, b) => (a.key === UNGROUPED ? 1 : 0) - (b.key === UNGROUPED ? 1 : 0) || b.total - a.total || a.key.localeCompare(b.key));
}

/** Counts per kind in ENTITY_KINDS order, without the kinds a group has none of. */
export function kindCounts(g: SummaryGroup): [EntityKind, number][] {
  return ENTITY_KINDS.filter((k) => g.counts[k]).map((k) => [k, g.counts[k]!]);
}

/**
 * The grouping that splits this map best: the one whose largest group (the ungrouped counted as
 * one) is smallest, so that opening any one group draws as little as possible. Ties go to the
 * order of SUMMARY_GROUPINGS (life event first, as the workshops think in life events).
 */
export function bestGrouping(entities: readonly Entity[], links: readonly Link[]): { by: SummaryGrouping; groups: Map<string, string | null> } {
  let best: { by: SummaryGrouping; groups: Map<string, string | null>; largest: number } | null = null;
  for (const by of SUMMARY_GROUPINGS) {
    const groups = summaryGroups(entities, links, by);
    const sizes = new Map<string, number>();
    for (const g of groups.values()) sizes.set(g ?? UNGROUPED, (sizes.get(g ?? UNGROUPED) ?? 0) + 1);
    const largest = Math.max(0, ...sizes.values());
    if (!best || largest < best.largest) best = { by, groups, largest };
  }
  return { by: best!.by, groups: best!.groups };
}

/** Members of the expanded groups among the shown entities. */
export function expandedMembers(shown: ReadonlySet<string>, group: Map<string, string | null>, expanded: readonly string[]): Set<string> {
  const want = new Set(expanded);
  const out = new Set<string>();
  for (const id of shown) if (want.has(group.get(id) ?? UNGROUPED)) out.add(id);
  return out;
}

let cached: { entities: readonly Entity[]; links: readonly Link[]; by: SummaryGrouping | null; result: { by: SummaryGrouping; groups: Map<string, string | null> } } | null = null;

/** The summary's grouping of the workspace, worked out once per change of the graph or of the grouping asked for. */
export function groupingOf(entities: readonly Entity[], links: readonly Link[], by: SummaryGrouping | null): { by: SummaryGrouping; groups: Map<string, string | null> } {
  if (cached && cached.entities === entities && cached.links === links && cached.by === by) return cached.result;
  const result = by ? { by, groups: summaryGroups(entities, links, by) } : bestGrouping(entities, links);
  cached = { entities, links, by, result };
  return result;
}
