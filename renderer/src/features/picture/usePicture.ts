import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PictureItem, PictureSummary } from '../../../../shared/picture';
import { api } from '../../api';
import { attempt } from '../../app/store';
import { describeError } from '../../i18n/errors';

/** The picture's items and computed summary, refetched when any picture edit (or undo) lands. */
export function usePicture(): { items: PictureItem[] | null; summary: PictureSummary | null; reload: () => Promise<void> } {
  const { t } = useTranslation();
  const [items, setItems] = useState<PictureItem[] | null>(null);
  const [summary, setSummary] = useState<PictureSummary | null>(null);
  // Responses can arrive out of order after quick edits: only the latest request counts.
  const requests = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++requests.current;
    const describe = (e: Parameters<typeof describeError>[1]) => describeError(t, e);
    const [list, sum] = await Promise.all([attempt(() => api.call('picture.list', {}), describe), attempt(() => api.call('picture.summary', {}), describe)]);
    if (mine !== requests.current) return;
    if (list) setItems(list);
    if (sum) setSummary(sum);
  }, [t]);
  useEffect(() => {
    void reload();
    return api.on('workspace.changed', (p) => {
      // A workshop's self-assessment lands as surveys when it is saved or the session ends.
      const workshopSurveys = p.method === 'workshop.end' || p.method === 'workshop.saveAssessment';
      if (p.method.startsWith('picture.') || p.method.startsWith('matching.') || p.method.startsWith('history.') || p.method.startsWith('workspace.') || workshopSurveys) void reload();
    });
  }, [reload]);
  return { items, summary, reload };
}
