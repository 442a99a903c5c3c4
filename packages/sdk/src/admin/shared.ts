/** Path prefix of the versioned API. */
export const v1 = '/api/v1';

/** Sends the version an edit is based on, so a stale edit is refused with 409. */
export function ifMatch(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { 'if-match': `"${version}"` };
}
