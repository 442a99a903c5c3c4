import type { ErrorCode } from '@swigs/schema';
import { AppError } from './errors';

interface ConstraintMapping {
  code: ErrorCode;
  field: string;
  message: string;
}

/**
 * Unique constraints whose violation is a user mistake rather than a bug, keyed by the constraint
 * name PostgreSQL reports. Services check these rules first for a friendly answer; this mapping is
 * the backstop when two requests race past the check.
 */
const uniqueConstraints: Record<string, ConstraintMapping> = {
  users_email_unique: {
    code: 'EMAIL_TAKEN',
    field: 'email',
    message: 'Another user already has this email.',
  },
  sites_slug_unique: { code: 'SLUG_TAKEN', field: 'slug', message: 'Another site already uses this slug.' },
  courses_site_slug_unique: {
    code: 'SLUG_TAKEN',
    field: 'slug',
    message: 'Another course of this site already uses this slug.',
  },
  seo_site_page_unique: {
    code: 'SEO_PAGE_TAKEN',
    field: 'page',
    message: 'This page already has an SEO record.',
  },
  site_domains_pkey: {
    code: 'DOMAIN_TAKEN',
    field: 'domain',
    message: 'This host name already belongs to a site.',
  },
};

interface PgErrorFields {
  code?: string;
  constraint?: string;
}

/** Drizzle wraps driver errors; PGlite and node-postgres both expose the PostgreSQL fields. */
function pgFieldsOf(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorFields & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Turns a constraint violation into the AppError a client can act on, or undefined. */
export function appErrorFromDatabase(error: unknown): AppError | undefined {
  const fields = pgFieldsOf(error);
  if (!fields) return undefined;
  if (fields.code === '23505') {
    const mapping = fields.constraint ? uniqueConstraints[fields.constraint] : undefined;
    if (mapping) {
      return new AppError(mapping.code, mapping.message, {
        errors: [{ field: mapping.field, message: mapping.message, code: 'taken' }],
      });
    }
    return new AppError('CONFLICT', 'This record conflicts with an existing one.');
  }
  if (fields.code === '23503') {
    return new AppError(
      'CONFLICT',
      'This record refers to something that does not exist or is still in use.',
    );
  }
  if (fields.code === '40001' || fields.code === '40P01') {
    return new AppError('CONFLICT', 'A concurrent change interfered; try again.');
  }
  return undefined;
}
