/**
 * Coded messages on the backend side: the English sentence that travels beside the code is said
 * from the same catalogue the clients use, so the two cannot drift apart.
 */
import type { CodedMessage, MessageCode, MessageParams, Place } from '../../shared/api/messages';
import { AppError, type ErrorCode } from '../../shared/api/result';
import { translator } from '../../renderer/src/i18n/catalogue';
import { sayExample, sayMessage, sayPlace } from '../../renderer/src/i18n/say';

/** A message by code. */
export function said(code: MessageCode, params?: MessageParams): CodedMessage {
  return params ? { code, params } : { code };
}

/** The English sentence of a coded message. */
export function english(m: CodedMessage): string {
  return sayMessage(translator('en'), m);
}

/** The English words of a place in a file. */
export function englishPlace(p: Place): string {
  return sayPlace(translator('en'), p);
}

/** The English words of a warning's first case (session.ts `Example`). */
export function englishExample(e: { file: string; at?: Place; detail?: string }): string {
  return sayExample(translator('en'), { example: '', exampleAt: e });
}

/**
 * An AppError that carries its message as a code. `file` is put before the English sentence and
 * into details (clients put it before theirs); `detail` is extra English for logs (a library's own
 * error text), kept out of the coded message.
 */
export function codedError(
  errCode: ErrorCode,
  m: CodedMessage,
  opts: { file?: string; details?: Record<string, unknown>; detail?: string } = {},
): AppError {
  const text = `${opts.file ? `${opts.file}: ` : ''}${english(m)}${opts.detail ? ` (${opts.detail})` : ''}`;
  const details = opts.file || opts.details ? { ...(opts.file ? { file: opts.file } : {}), ...opts.details } : undefined;
  return new AppError(errCode, text, details, m);
}
