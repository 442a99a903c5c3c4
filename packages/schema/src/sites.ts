import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'Use lowercase letters, digits and single hyphens (e.g. "ecole-du-lac").',
  });

/** A host name without scheme, port or path, e.g. `www.example.ch`. Stored lower-case. */
export const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/, {
    message: 'Enter a host name such as "example.ch", without http:// or a path.',
  });

export const locale = z
  .string()
  .regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, { message: 'Use a locale such as fr-CH.' });

export const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone.' },
);

export const site = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  domain: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Site = z.infer<typeof site>;

function aliasesDistinct(value: { domain?: string; aliases?: string[] }, ctx: z.RefinementCtx) {
  const seen = new Set(value.domain ? [value.domain] : []);
  value.aliases?.forEach((alias, index) => {
    if (seen.has(alias)) {
      ctx.addIssue({ code: 'custom', path: ['aliases', index], message: 'This host name is listed twice.' });
    }
    seen.add(alias);
  });
}

export const createSiteBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug,
    domain,
    aliases: z.array(domain).max(20).default([]),
    description: z.string().trim().max(2000).default(''),
    locale: locale.default('fr-CH'),
    timeZone: timeZone.default('Europe/Zurich'),
  })
  .superRefine(aliasesDistinct);
export type CreateSiteBody = z.input<typeof createSiteBody>;

export const updateSiteBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    slug: slug.optional(),
    domain: domain.optional(),
    aliases: z.array(domain).max(20).optional(),
    description: z.string().trim().max(2000).optional(),
    locale: locale.optional(),
    timeZone: timeZone.optional(),
    version: version.optional(),
  })
  .superRefine(aliasesDistinct);
export type UpdateSiteBody = z.input<typeof updateSiteBody>;

/** Fields only admins may change: they decide where a site lives. */
export const siteAddressFields = ['slug', 'domain', 'aliases'] as const;

export const siteListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
});
export type SiteListQuery = z.input<typeof siteListQuery>;
