import type { CodedMessage } from './messages';

/** Error codes that cross IPC and HTTP as data (a list, so tests can walk every one). */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'no_workspace',
  'workspace_newer',
  'workspace_damaged',
  'not_a_workspace',
  /** Another process has the workspace open for writing; details.holder names it. */
  'workspace_locked',
  'io_error',
  /** A remote service (the AuroraAI recommender endpoint) failed: timed out, refused, answered wrongly. */
  'remote_failed',
  /** The renderer could not reach the Kohtaanto server at all (it stopped, or the network dropped). */
  'server_unreachable',
  'unknown_method',
  'nothing_to_undo',
  'too_large',
  'cancelled',
  'unauthorized',
  /** Known but not allowed to do this (a workshop observer writing, a participant calling outside its allowlist). */
  'forbidden',
  /** Too many requests: wait details.retryAfterSeconds. */
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** English, for logs and API clients; a client shows `msg` in its user's language when there is one. */
  message: string;
  details?: unknown;
  /** The message as a code with parameters (see shared/api/messages.ts). */
  msg?: CodedMessage;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service throws on purpose; adapters turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** The message as a code with parameters, for clients to say in their user's language. */
    readonly msg?: CodedMessage,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
