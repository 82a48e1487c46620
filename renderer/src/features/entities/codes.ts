import { useEffect, useState } from 'react';
import type { CodeItemView } from '../../../../shared/api/io';
import { api } from '../../api';

export type CodeListName = 'serviceClasses' | 'lifeEvents' | 'targetGroups' | 'municipalities' | 'regions' | 'wellbeingCounties';

const cache = new Map<CodeListName, Promise<CodeItemView[]>>();

/** A bundled code list, fetched once per session (they are small and never change while running). */
export function loadCodes(list: CodeListName): Promise<CodeItemView[]> {
  let p = cache.get(list);
  if (!p) {
    p = api.call('codes.list', { list }).catch((err) => {
      cache.delete(list);
      throw err;
    });
    cache.set(list, p);
  }
  return p;
}

export function useCodes(list: CodeListName | undefined): CodeItemView[] {
  const [items, setItems] = useState<CodeItemView[]>([]);
  useEffect(() => {
    if (!list) return;
    let live = true;
    loadCodes(list).then((v) => live && setItems(v), () => live && setItems([]));
    return () => {
      live = false;
    };
  }, [list]);
  return items;
}

/** Lower-case and without diacritics, so "ahvenanmaa" finds "Ahvenanmaa" and "aabo" does not need "å". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
