import { useMemo } from 'react';
import { pickText, type Language } from '../../../../shared/model';
import type { PictureItem } from '../../../../shared/picture';
import { entityIndex, useApp } from '../../app/store';

/** Names of picture items and of the ecosystem entities they point at, in the UI language. */
export function useNames(items: readonly PictureItem[], lang: Language) {
  const entities = useApp((s) => s.entities);
  return useMemo(() => {
    const byId = new Map(items.map((i) => [i.id, i]));
    const ents = entityIndex(entities);
    const item = (id: string): string => {
      const it = byId.get(id);
      if (!it) return id;
      if ('name' in it && it.name && typeof it.name === 'object') return pickText(it.name, lang) || id;
      if (it.kind === 'budgetLine') return it.item;
      return id;
    };
    const entity = (id: string | undefined): string => {
      if (!id) return '';
      const e = ents.get(id);
      return e ? pickText(e.name, lang) || id : id;
    };
    return { byId, item, entity };
  }, [items, entities, lang]);
}
export type Names = ReturnType<typeof useNames>;
