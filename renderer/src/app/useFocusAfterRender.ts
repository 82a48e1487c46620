import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Focus for a field that the same click adds (a new year row, a new question): asked for before
 * the field exists, given as the render that adds it is committed. A timer instead would move the
 * focus a moment later, after the user (or a test) may already have started typing elsewhere.
 */
export function useFocusAfterRender(): (elementId: string) => void {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((elementId: string) => {
    pending.current = elementId;
  }, []);
}
