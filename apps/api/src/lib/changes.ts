import { AppError } from './errors';

function isSameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return (
      a.length === b.length && [...a].map(String).sort().join('\n') === [...b].map(String).sort().join('\n')
    );
  }
  return a === b;
}

/**
 * The fields among `fields` that `changes` would really change on `current`. A field sent with
 * its current value (arrays compared as sets) is not a change, so a form may send a whole record back.
 */
export function changedFields<T extends object>(
  current: T,
  changes: object,
  fields: readonly string[],
): string[] {
  return fields.filter((field) => {
    const value = (changes as Record<string, unknown>)[field];
    return value !== undefined && !isSameValue(value, (current as Record<string, unknown>)[field]);
  });
}

/** 403 FIELD_FORBIDDEN naming each field the caller may not change. */
export function forbiddenFields(fields: string[]): AppError {
  return new AppError('FIELD_FORBIDDEN', `Only administrators may change: ${fields.join(', ')}.`, {
    errors: fields.map((field) => ({
      field,
      message: 'Only administrators may change this.',
      code: 'forbidden',
    })),
  });
}
