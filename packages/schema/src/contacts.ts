import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';

/** An optional text field of a form: an empty input counts as not given. */
function optionalText(max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(max).optional(),
  );
}

/** The name of the hidden field that people leave empty and form-filling robots do not. */
export const contactHoneypotField = 'website';

/**
 * What a visitor sends through a site's contact form, as JSON or as an HTML form
 * (`application/x-www-form-urlencoded`). `formToken` comes from `GET .../contact/token` (a
 * server-rendered form embeds it in a hidden input); `website` is the honeypot and must stay empty.
 */
export const contactFormBody = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email({ message: 'Enter a valid email address.' }).max(254).trim(),
  phone: optionalText(50),
  subject: optionalText(200),
  message: z.string().trim().min(1).max(5000),
  [contactHoneypotField]: z.string().max(500).optional(),
  formToken: z.string().max(500).optional(),
});
export type ContactFormBody = z.input<typeof contactFormBody>;

export const contactFormToken = z.object({
  /** Put it in the form (hidden field `formToken`) and send it back with the message. */
  token: z.string(),
  /** A message sent sooner than this after the token was issued is treated as suspected spam. */
  minFillSeconds: z.number().int(),
  /** The token is accepted for this long after it was issued. */
  maxAgeSeconds: z.number().int(),
  /** The honeypot field: render it hidden from people, and leave it empty. */
  honeypotField: z.literal(contactHoneypotField),
});
export type ContactFormToken = z.infer<typeof contactFormToken>;

/** The answer to a visitor, the same whether the message looked like spam or not. */
export const contactReceived = z.object({ received: z.literal(true) });

/** Why a message is suspected to be spam. */
export const spamSignals = [
  'honeypot',
  'no_form_token',
  'invalid_form_token',
  'too_fast',
  'form_token_expired',
  'many_links',
] as const;
export const spamSignal = z.enum(spamSignals);
export type SpamSignal = z.infer<typeof spamSignal>;

/** A message in a site's inbox. */
export const contact = z.object({
  id,
  siteId: id,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  subject: z.string(),
  message: z.string(),
  read: z.boolean(),
  /** Suspected spam: stored (never lost) but not notified. */
  spam: z.boolean(),
  spamSignals: z.array(z.string()),
  receivedAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Contact = z.infer<typeof contact>;

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

const contactFilter = z.object({
  /** Searches name, email, subject and message. */
  q: z.string().trim().max(200).optional(),
  status: z.enum(['read', 'unread']).optional(),
  /** false (default): the inbox; true: suspected spam. */
  spam: booleanQuery.default(false),
});

export const contactListQuery = paginationQuery.extend(contactFilter.shape);
export type ContactListQuery = z.input<typeof contactListQuery>;

export const contactExportQuery = contactFilter.extend({
  /** `semicolon` suits spreadsheet programs set to French; `comma` is the standard. */
  separator: z.enum(['comma', 'semicolon']).default('comma'),
});
export type ContactExportQuery = z.input<typeof contactExportQuery>;

export const updateContactBody = z.object({
  read: z.boolean().optional(),
  spam: z.boolean().optional(),
  version: version.optional(),
});
export type UpdateContactBody = z.input<typeof updateContactBody>;

export const contactBulkActions = [
  'mark-read',
  'mark-unread',
  'mark-spam',
  'mark-not-spam',
  'delete',
] as const;

export const contactBulkBody = z.object({
  action: z.enum(contactBulkActions),
  ids: z.array(id).min(1).max(500),
});
export type ContactBulkBody = z.input<typeof contactBulkBody>;

export const contactBulkResult = z.object({
  /** How many of the given messages were changed (ids of other sites are ignored). */
  affected: z.number().int(),
});
