import { AppError } from './errors';

/**
 * Reads the version a client based its edit on from `If-Match` ("3", W/"3" or 3). Records use
 * their version number as ETag, so a client may echo the ETag it got from a GET.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw new AppError('BAD_REQUEST', 'If-Match must carry the record version, e.g. If-Match: "3".');
  return Number(match[1]);
}
