import { useCallback, useEffect, useState } from 'react';
import type { SourceStatus } from '../../../../shared/api/remote';
import { api } from '../../api';
import { create } from 'zustand';

/** The workspace's recommender source, shared by every component that shows or uses it. */
export const useSource = create<{ status: SourceStatus | null; mode: 'desktop' | 'browser' | null; privacyOpen: boolean }>(() => ({ status: null, mode: null, privacyOpen: false }));

let subscribed = false;

export async function reloadSource(): Promise<void> {
  try {
    const [status, info] = await Promise.all([api.call('remote.source', {}), useSource.getState().mode ? null : api.call('app.info', {})]);
    useSource.setState({ status, ...(info ? { mode: info.mode } : {}) });
  } catch {
    // No workspace open (start screen): nothing to show.
    useSource.setState({ status: null });
  }
}

/** The source status, loaded once and followed as the workspace changes (another tab may set it). */
export function useSourceStatus(): SourceStatus | null {
  const status = useSource((s) => s.status);
  useEffect(() => {
    if (!subscribed) {
      subscribed = true;
      api.on('workspace.changed', (p) => {
        if (p.method.startsWith('remote.') || p.method.startsWith('workspace.')) void reloadSource();
      });
    }
    void reloadSource();
  }, []);
  return status;
}

export function openPrivacyNotice(): void {
  useSource.setState({ privacyOpen: true });
}

/** A piece of state that resets when `key` changes. */
export function useKeyed<T>(key: string, initial: () => T): [T, (v: T) => void] {
  const [s, set] = useState<{ key: string; v: T }>(() => ({ key, v: initial() }));
  const v = s.key === key ? s.v : initial();
  const setV = useCallback((x: T) => set({ key, v: x }), [key]);
  return [v, setV];
}
