import type { Messages } from '../i18n';

/**
 * The contact form's fields and rules, shared by the server (plain form posts) and the hydrated
 * island. The API applies the authoritative rules; these give the visitor the same answers
 * before a round trip, in the site's language.
 */
export const contactFields = ['name', 'email', 'phone', 'subject', 'message'] as const;
export type ContactField = (typeof contactFields)[number];
export type ContactValues = Record<ContactField, string>;
export type ContactErrors = Partial<Record<ContactField, string>>;

export const requiredContactFields: readonly ContactField[] = ['name', 'email', 'message'];

export const contactLimits: Record<ContactField, number> = {
  name: 120,
  email: 254,
  phone: 50,
  subject: 200,
  message: 5000,
};

export const emptyContactValues: ContactValues = { name: '', email: '', phone: '', subject: '', message: '' };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateContact(values: ContactValues, t: Messages['contact']): ContactErrors {
  const errors: ContactErrors = {};
  for (const field of contactFields) {
    const value = values[field].trim();
    if (!value && requiredContactFields.includes(field)) errors[field] = t.required;
    else if (value.length > contactLimits[field]) errors[field] = t.tooLong(contactLimits[field]);
  }
  if (!errors.email && values.email.trim() && !emailPattern.test(values.email.trim()))
    errors.email = t.invalidEmail;
  return errors;
}

/** The values of a posted form (urlencoded), each field a string, everything else ignored. */
export function contactValuesFrom(form: URLSearchParams): ContactValues {
  const values = { ...emptyContactValues };
  for (const field of contactFields) values[field] = form.get(field) ?? '';
  return values;
}

interface ProblemLike {
  code?: unknown;
  errors?: unknown;
}

function isContactField(value: string): value is ContactField {
  return (contactFields as readonly string[]).includes(value);
}

/**
 * The API's answer to a refused message, in the visitor's language: field errors beside their
 * fields, anything else (too fast, too many, a failure) as one message for the whole form.
 */
export function errorsFromProblem(
  problem: unknown,
  status: number,
  t: Messages['contact'],
): { fields: ContactErrors; form?: string } {
  const body = (problem && typeof problem === 'object' ? problem : {}) as ProblemLike;
  if (status === 429 || body.code === 'RATE_LIMITED') return { fields: {}, form: t.rateLimited };
  if (body.code === 'CONTACT_TOO_FAST' || body.code === 'CONTACT_TOKEN_INVALID')
    return { fields: {}, form: t.tooFast };
  const fields: ContactErrors = {};
  if (Array.isArray(body.errors)) {
    for (const item of body.errors as { field?: unknown; code?: unknown }[]) {
      const field = typeof item.field === 'string' ? item.field : '';
      if (!isContactField(field) || fields[field]) continue;
      const code = typeof item.code === 'string' ? item.code : '';
      fields[field] =
        code === 'too_big'
          ? t.tooLong(contactLimits[field])
          : field === 'email' && code !== 'too_small' && code !== 'invalid_type'
            ? t.invalidEmail
            : t.required;
    }
  }
  if (Object.keys(fields).length > 0) return { fields };
  return { fields: {}, form: t.failed };
}
