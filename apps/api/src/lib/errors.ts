import { type ErrorCode, errorCodes, type FieldError } from '@swigs/schema';

export interface AppErrorExtras {
  errors?: FieldError[];
  currentVersion?: number;
  retryAfter?: number;
}

/**
 * An error that knows its stable code (and therefore its HTTP status). Services throw these;
 * the error handler turns them into problem+json. Services never deal with HTTP otherwise.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extras: AppErrorExtras = {},
  ) {
    super(detail ?? titleOf(code));
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

/** `VERSION_CONFLICT` → `Version conflict`: the human title that goes with a code. */
export function titleOf(code: ErrorCode): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A validation failure on one field, phrased like the ones zod produces. */
export function fieldError(field: string, message: string, code = 'invalid'): AppError {
  return new AppError('VALIDATION_FAILED', message, { errors: [{ field, message, code }] });
}

export function notFound(code: ErrorCode, what: string): AppError {
  return new AppError(code, `${what} does not exist or is not visible to you.`);
}

export function versionConflict(currentVersion: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'This record was changed by someone else since you loaded it. Reload it and apply your change again.',
    { currentVersion },
  );
}
