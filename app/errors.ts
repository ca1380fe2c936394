/** Error codes every transport carries unchanged to the caller. */
export const ERROR_CODES = [
  'BAD_INPUT', // the caller sent something invalid (schema, unknown id in a request)
  'NOT_FOUND', // a referenced row does not exist (any more)
  'CONFLICT', // the request contradicts the current state
  'UNSUPPORTED', // a file or library this version cannot read (e.g. a newer schema)
  'IO', // the file system or database refused (read-only, full disk, missing file)
  'INTERNAL', // a bug: the message says what failed, the details go to the log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error meant for the user: `message` is one clear line, never a stack trace. */
export class GalleyError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GalleyError';
    this.code = code;
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof GalleyError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: message.split('\n')[0] || 'unexpected error' };
}

/**
 * The first problem a schema found, in one line: `path.to.field: message`, or `whole: message`
 * when it is about the value as a whole (just the message without `whole`). Takes zod's error
 * by shape, so this file stays free of zod.
 */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, whole?: string): string {
  const issue = error.issues[0];
  if (!issue) return whole ? `${whole}: invalid` : 'invalid';
  const where = issue.path.length ? issue.path.map(String).join('.') : whole;
  return where ? `${where}: ${issue.message}` : issue.message;
}
