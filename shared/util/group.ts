/**
 * Items stably grouped by a key, the groups in the key's order: from items in id order, what
 * `ORDER BY key, id` gives (the order of `entities.list` and `links.list`), without SQLite sorting
 * every row in a temporary B-tree. Keys are kinds and link types (ASCII), so JavaScript's order is
 * SQLite's binary one. Used by the backend's lists and by the window putting its chunks together.
 */
export function groupInOrder<T>(items: T[], key: (item: T) => string): T[] {
  const groups = groupBy(items, key);
  if (groups.size <= 1) return items;
  const out: T[] = [];
  for (const k of [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) for (const x of groups.get(k)!) out.push(x);
  return out;
}

/** Items in lists by key: the keys in the order first seen, each list in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}
