import type { TFunction } from 'i18next';
import { isMessageCode, isWholeFile, type CodedMessage, type Place } from '../../../shared/api/messages';

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

/** A place in a file (shared/api/messages.ts `Place`) in the language of `t`: its parts with commas between. */
export function sayPlace(t: TFunction, place: Place): string {
  return place.map((m) => sayMessage(t, m)).join(', ');
}

/** Where a skipped record is, in the language of `t` (the English it travelled with from a backend that sent no codes); '' for a whole file. */
export function sayRecord(t: TFunction, s: { record: string; at?: Place }): string {
  if (!s.at?.length) return s.record === WHOLE_FILE_ENGLISH ? '' : s.record;
  if (isWholeFile(s.at)) return '';
  // A code this client lacks (from a newer backend) would leave a gap: then the English as a whole.
  return s.at.every((m) => isMessageCode(m.code)) ? sayPlace(t, s.at) : s.record;
}
const WHOLE_FILE_ENGLISH = '(whole file)';

/** A warning's first case: the file, where in it, and the bit of the file's text it is about. */
export function sayExample(t: TFunction, w: { example: string; exampleAt?: { file: string; at?: Place; detail?: string } }): string {
  const e = w.exampleAt;
  if (!e) return w.example;
  const where = e.at ? sayRecord(t, { record: '', at: e.at }) : '';
  return [e.file, where].filter(Boolean).join(': ') + (e.detail ? ` ${e.detail}` : '');
}

/**
 * An error in the language of `t` with where it happened first: the file and, for an import
 * stopped by one record, the place in the file. The reason is the coded message, or (a situational
 * picture's import, which words its reasons in the user's language itself) the reason as it came.
 * '' when the error says neither, for the caller to fall back on its English.
 */
export function sayWithPlace(t: TFunction, e: { msg?: CodedMessage; details?: unknown }): string {
  const d = (e.details ?? {}) as { file?: unknown; record?: unknown; at?: unknown; reason?: unknown };
  const at = Array.isArray(d.at) ? (d.at as Place) : undefined;
  const reason = (e.msg ? sayMessage(t, e.msg) : '') || (at && typeof d.reason === 'string' ? d.reason : '');
  if (!reason) return '';
  const record = typeof d.record === 'string' ? d.record : '';
  const place = sayRecord(t, { record, at });
  // Without what the reason already names (a file named in a "not readable" message).
  const where = [d.file, place].filter((x): x is string => typeof x === 'string' && !!x && !reason.includes(x));
  return [...where, reason].join(': ');
}
