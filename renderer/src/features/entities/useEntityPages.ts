import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { touchesGraph } from '../../../../shared/api/changes';
import type { EntityPage, EntitySort } from '../../../../shared/api/entities';
import type { EntityKind } from '../../../../shared/model';
import { api } from '../../api';

type Row = EntityPage['rows'][number];

/** Rows are fetched in blocks of this many; a screen needs one or two. */
export const BLOCK = 100;
/** Typing is sent once it pauses this long. */
const SEARCH_PAUSE_MS = 150;

interface Cache {
  key: string;
  /** Bumped on every new query or change: answers to an older one are dropped. */
  gen: number;
  blocks: Map<number, Row[]>;
  inflight: Set<number>;
  total: number;
  loaded: boolean;
}

/**
 * The rows of one entity table as the backend searches and sorts them, fetched by blocks around
 * what is in view. A change to the workspace's entities or links refetches the blocks in view
 * (keeping the old rows on screen until the new ones arrive); other changes fetch nothing.
 */
export function useEntityPages(q: { kind: EntityKind; search: string; sort: EntitySort; dir: 'asc' | 'desc'; lang: 'fi' | 'sv' | 'en'; selectedId?: string }) {
  const [search, setSearch] = useState(q.search);
  useEffect(() => {
    if (q.search === search) return;
    const timer = setTimeout(() => setSearch(q.search), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [q.search, search]);

  const params = { kind: q.kind, search, sort: q.sort, dir: q.dir, lang: q.lang };
  const key = JSON.stringify(params);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const cache = useRef<Cache>({ key: '', gen: 0, blocks: new Map(), inflight: new Set(), total: 0, loaded: false });
  const range = useRef({ first: 0, last: 60 });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [version, setVersion] = useState(0);
  const [scrollTo, setScrollTo] = useState<{ index: number; seq: number } | undefined>();

  const needed = () => {
    const out: number[] = [];
    for (let b = Math.floor(range.current.first / BLOCK); b <= Math.floor(range.current.last / BLOCK); b++) out.push(b);
    return out;
  };

  const load = useCallback((blocks: number[], replace: boolean) => {
    const c = cache.current;
    const gen = c.gen;
    const p = paramsRef.current;
    for (const b of blocks) c.inflight.add(b);
    Promise.all(blocks.map((b) => api.call('entities.page', { ...p, offset: b * BLOCK, limit: BLOCK })))
      .then((pages) => {
        if (cache.current.gen !== gen) return;
        if (replace) c.blocks = new Map();
        pages.forEach((page, i) => c.blocks.set(blocks[i], page.rows));
        if (pages.length) c.total = pages[pages.length - 1].total;
        c.loaded = true;
        rerender();
      })
      .catch(() => {
        // Left pending: the next scroll or change asks again.
      })
      .finally(() => {
        if (cache.current.gen !== gen) return;
        for (const b of blocks) c.inflight.delete(b);
        ensure();
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Fetches the blocks in view that are neither here nor on their way. */
  const ensure = useCallback(() => {
    const c = cache.current;
    if (!c.loaded) return;
    const maxBlock = Math.max(0, Math.ceil(c.total / BLOCK) - 1);
    const missing = needed().filter((b) => b <= maxBlock && !c.blocks.has(b) && !c.inflight.has(b));
    if (missing.length) load(missing, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  useEffect(() => {
    const c = cache.current;
    const fresh = c.key !== key;
    c.key = key;
    c.gen++;
    c.inflight = new Set();
    // A new search or sort starts at the top; a change to the data keeps the place.
    if (fresh) range.current = { first: 0, last: Math.max(60, range.current.last - range.current.first) };
    load(fresh ? [0] : needed(), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, load]);

  useEffect(
    () =>
      api.on('workspace.changed', (p) => {
        if (touchesGraph(p.changes)) setVersion((v) => v + 1);
      }),
    [],
  );

  const rowById = (id: string): Row | undefined => {
    for (const rows of cache.current.blocks.values()) for (const r of rows) if (r.entity.id === id) return r;
    return undefined;
  };

  // An entity chosen elsewhere (the map, a link) is scrolled into view, once per choice.
  const { selectedId } = q;
  useEffect(() => {
    if (!selectedId || rowById(selectedId)) return;
    let live = true;
    api
      .call('entities.position', { ...paramsRef.current, id: selectedId })
      .then(({ index }) => {
        if (live && index >= 0) setScrollTo((s) => ({ index, seq: (s?.seq ?? 0) + 1 }));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, key]);

  const c = cache.current;
  return {
    total: c.total,
    queryKey: key,
    loaded: c.loaded,
    scrollTo,
    row: (index: number): Row | undefined => c.blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK],
    rowById,
    setRange: useCallback(
      (first: number, last: number) => {
        range.current = { first, last };
        ensure();
      },
      [ensure],
    ),
  };
}
