/**
 * Stable error codes of the API. A client switches on `code`, never on `title` or `detail`,
 * which are English prose for humans and may change. Each code has exactly one HTTP status.
 */
export const errorCodes = {
  // 400 — the request itself is malformed
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  RESET_TOKEN_INVALID: 400,
  INVALID_FILE: 400,
  // 401 — who are you?
  UNAUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  // 403 — you may not
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  ADMIN_REQUIRED: 403,
  SITE_ACCESS_DENIED: 403,
  FIELD_FORBIDDEN: 403,
  WRONG_PASSWORD: 403,
  /** An API token on a route tokens may not use (users, sites list, token management, audit). */
  TOKEN_NOT_ALLOWED: 403,
  /** A read-only API token on anything but GET/HEAD. */
  TOKEN_READ_ONLY: 403,
  // 404
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  SITE_NOT_FOUND: 404,
  COURSE_NOT_FOUND: 404,
  CONTENT_NOT_FOUND: 404,
  SEO_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  MEDIA_NOT_FOUND: 404,
  CONTACT_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  // 405
  METHOD_NOT_ALLOWED: 405,
  // 410
  /** The public address of a course that was deleted (its slug is not reused yet). */
  COURSE_GONE: 410,
  // 409 — the state of the data forbids it
  VERSION_CONFLICT: 409,
  EMAIL_TAKEN: 409,
  SLUG_TAKEN: 409,
  DOMAIN_TAKEN: 409,
  LAST_ADMIN: 409,
  SEO_PAGE_TAKEN: 409,
  /** The default SEO pages (home, about, courses, contact, legal) cannot be deleted or renamed. */
  SEO_PAGE_PROTECTED: 409,
  CONFLICT: 409,
  BACKUP_IN_PROGRESS: 409,
  DATABASE_NOT_EMPTY: 409,
  DATA_DIR_BUSY: 409,
  MEDIA_IN_USE: 409,
  /** A site export found uploaded files missing on disk (export with allowMissingFiles to leave them out). */
  SITE_FILES_MISSING: 409,
  // 413, 415
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_FILE_TYPE: 415,
  // 422 — understood, but the content is unusable
  BACKUP_INVALID: 422,
  /** A site archive that is damaged, tampered with, or not valid SWIGS data: nothing was imported. */
  SITE_ARCHIVE_INVALID: 422,
  // 429
  RATE_LIMITED: 429,
  // 5xx
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorCodes;

export function statusOf(code: ErrorCode): number {
  return errorCodes[code];
}
