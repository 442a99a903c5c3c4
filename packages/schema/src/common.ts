import { z } from 'zod';
import { type ErrorCode, errorCodes } from './errors';

export const id = z.uuid();

export const timestamp = z.iso.datetime({ offset: true });

/** Every editable record carries a version; an update based on an older one is refused (409). */
export const version = z.number().int().min(1);

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PaginationQuery = z.infer<typeof paginationQuery>;

export const listMeta = z.object({
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type ListMeta = z.infer<typeof listMeta>;

function buildData<T extends z.ZodType>(schema: T) {
  return z.object({ data: schema });
}

function buildList<T extends z.ZodType>(schema: T) {
  return z.object({ data: z.array(schema), meta: listMeta });
}

// zod compiles a schema's fast parser on first use, per schema object: building the envelope anew
// on every SDK call would pay that compilation on every call. One envelope per schema, kept.
const dataEnvelopes = new WeakMap<z.ZodType, z.ZodType>();
const listEnvelopes = new WeakMap<z.ZodType, z.ZodType>();

/** `{ data }` envelope of every successful answer (the same object for the same schema). */
export function dataOf<T extends z.ZodType>(schema: T): ReturnType<typeof buildData<T>> {
  let envelope = dataEnvelopes.get(schema);
  if (!envelope) {
    envelope = buildData(schema);
    dataEnvelopes.set(schema, envelope);
  }
  return envelope as ReturnType<typeof buildData<T>>;
}

/** `{ data: [...], meta }` envelope of every list answer (the same object for the same schema). */
export function listOf<T extends z.ZodType>(schema: T): ReturnType<typeof buildList<T>> {
  let envelope = listEnvelopes.get(schema);
  if (!envelope) {
    envelope = buildList(schema);
    listEnvelopes.set(schema, envelope);
  }
  return envelope as ReturnType<typeof buildList<T>>;
}

export const fieldError = z.object({
  /** Dotted path of the field, e.g. `email` or `aliases.1`. */
  field: z.string(),
  message: z.string(),
  code: z.string(),
});
export type FieldError = z.infer<typeof fieldError>;

/** RFC 9457 problem details, as every 4xx/5xx answer of the API. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldError).optional(),
  /** Present on VERSION_CONFLICT: the version currently stored. */
  currentVersion: z.number().int().optional(),
  /** Present on RATE_LIMITED: seconds until a retry may succeed. */
  retryAfter: z.number().int().optional(),
});
export type Problem = z.infer<typeof problem>;

export const okResponse = dataOf(z.object({ ok: z.literal(true) }));
