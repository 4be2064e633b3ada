/**
 * Application errors. Core code throws `AppError` with a code; the HTTP layer maps each code
 * to a status in one place (packages/server/src/http/problem.ts). Core never knows statuses.
 */

/** One problem with one input field, e.g. `{ path: ['rows', 3, 'email'], code: 'email.invalid' }`. */
export interface FieldIssue {
  /** Where the problem is: field names and row indexes from the root of the input. */
  path: (string | number)[];
  /** A stable message key from the core message catalogue (see i18n/messages.ts). */
  code: string;
  /** Values interpolated into the localized message. */
  params?: Record<string, string | number>;
}

export const APP_ERROR_CODES = [
  /** The object does not exist, or belongs to another organisation (never FORBIDDEN for that). */
  'NOT_FOUND',
  /** The caller is signed in and sees the object but their role does not allow the action. */
  'FORBIDDEN',
  /** No valid session or token accompanies a request that needs one. */
  'UNAUTHENTICATED',
  /** Input failed validation; `issues` lists every problem at once. */
  'VALIDATION',
  /** The write collides with existing state (duplicate e-mail, already a member…). */
  'CONFLICT',
  /** If-Match did not match the current ETag: someone else changed the object. */
  'PRECONDITION_FAILED',
  /** A write to a versioned object that requires If-Match came without it. */
  'PRECONDITION_REQUIRED',
  /** Too many attempts (sign-in throttling). */
  'RATE_LIMITED',
  /** A dependency (the database) is unavailable; the client may retry. */
  'UNAVAILABLE',
  /** The first-run set-up was already completed. */
  'SETUP_DONE',
  /** The invitation is unknown, expired or already used. */
  'INVITATION_INVALID',
  /** The "Forgot password?" link is unknown, expired or already used. */
  'RESET_LINK_INVALID',
  /** E-mail and password do not match an active account. */
  'INVALID_CREDENTIALS',
  /** The CSRF token is missing or wrong for a cookie-authenticated write. */
  'CSRF',
  /** An Idempotency-Key was reused for a different request (another payload, method or path). */
  'IDEMPOTENCY_MISMATCH',
  /** The first request with this Idempotency-Key is still running; retry once it has answered. */
  'IDEMPOTENCY_IN_FLIGHT',
  /** The request body is larger than the limit for it (an upload, a contacts file). */
  'PAYLOAD_TOO_LARGE',
  /**
   * The referral is Won, Lost, Declined, Expired or closed as Error: nothing about it changes
   * any more (the one answer for every later action or edit on a terminal referral).
   */
  'REFERRAL_CLOSED',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Developer-facing detail (logged, returned as `detail`). */
  message?: string;
  /** Message catalogue key for the user-facing text; defaults to `error.<code>`. */
  messageKey?: string;
  /** Interpolation values for `messageKey`. */
  params?: Record<string, string | number>;
  /** Field problems for VALIDATION errors. */
  issues?: FieldIssue[];
  /** Seconds after which a RATE_LIMITED or UNAVAILABLE request may be retried. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? `error.${code}`;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Throws NOT_FOUND when `value` is null or undefined; the same answer for missing and foreign. */
export function getOrNotFound<T>(value: T | null | undefined, what = 'object'): T {
  if (value === null || value === undefined) {
    throw new AppError('NOT_FOUND', { message: `${what} not found` });
  }
  return value;
}
