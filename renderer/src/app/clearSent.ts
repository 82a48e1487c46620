import type { Dispatch, SetStateAction } from 'react';

/**
 * Empties a field once what it held has been sent, unless the person typed on while the answer
 * was on its way. An answer can come after they began the next entry (a participant's next note
 * on a slow network, the next search after linking): emptying the field then would lose it.
 */
export function clearSent(set: Dispatch<SetStateAction<string>>, sent: string): void {
  set((now) => (now === sent ? '' : now));
}
