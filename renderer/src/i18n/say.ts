import type { TFunction } from 'i18next';
import type { CodedMessage } from '../../../shared/api/messages';

/**
 * A coded backend message in the language of `t`: the one formatter the renderer, the CLI and the
 * backend's own English sentences share. Parameters named after the conventions of
 * shared/api/messages.ts are translated too (entity kinds, link types, code lists); a code this
 * client does not know gives '' so the caller can fall back to the English sentence it came with.
 */
export function sayMessage(t: TFunction, m: CodedMessage): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (/^(kind|\w+Kind)$/.test(k) && typeof v === 'string') values[k] = String(t(`kind.${v}.one`, { defaultValue: v })).toLowerCase();
    else if (k === 'type' && typeof v === 'string') values[k] = String(t(`link.${v}.name`, { defaultValue: v }));
    else if (k === 'list' && typeof v === 'string') values[k] = String(t(`messages.list.${v}`, { defaultValue: v }));
    else values[k] = v;
  }
  return String(t(`messages.${m.code}`, { ...values, defaultValue: '' }));
}

/** A coded message, or the English sentence it travelled with when this client lacks the code. */
export function sayOr(t: TFunction, m: { code?: string; params?: CodedMessage['params'] } | undefined, english: string): string {
  if (!m?.code) return english;
  return sayMessage(t, m as CodedMessage) || english;
}
