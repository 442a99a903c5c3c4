import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';
import { mediaRef } from './media';

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

const optionalEmail = z.union([z.literal(''), z.email({ message: 'Enter a valid email address.' }).max(254)]);
const optionalHttpUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, message: 'Enter a full http(s) address.' }).max(500),
]);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a colour such as #1d4ed8.' });

export const socialNetworks = ['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'tiktok'] as const;

export const siteContact = z.object({
  email: optionalEmail,
  phone: z.string().trim().max(50),
  address: z.string().trim().max(500),
});
export type SiteContact = z.infer<typeof siteContact>;

/** Each network's profile address, or '' when the site has none. */
export const siteSocial = z.object(
  Object.fromEntries(socialNetworks.map((network) => [network, optionalHttpUrl])) as Record<
    (typeof socialNetworks)[number],
    typeof optionalHttpUrl
  >,
);
export type SiteSocial = z.infer<typeof siteSocial>;

export const siteTheme = z.object({
  primaryColor: hexColour,
  secondaryColor: hexColour,
});
export type SiteTheme = z.infer<typeof siteTheme>;

export const defaultSiteContact: SiteContact = { email: '', phone: '', address: '' };
export const defaultSiteSocial: SiteSocial = {
  facebook: '',
  instagram: '',
  linkedin: '',
  x: '',
  youtube: '',
  tiktok: '',
};
export const defaultSiteTheme: SiteTheme = { primaryColor: '#1d4ed8', secondaryColor: '#0f172a' };

export const site = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  domain: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  /** Media reference of the logo (an image of this site's library), or null. */
  logoId: id.nullable(),
  logo: mediaRef.nullable(),
  contact: siteContact,
  social: siteSocial,
  theme: siteTheme,
  /** Who receives contact-form notifications; empty means the administrators. */
  notificationEmails: z.array(z.string()),
  /** Whether a visitor who writes through the contact form gets an acknowledgement email. */
  contactAcknowledgement: z.boolean(),
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
    contact: siteContact.partial().optional(),
    social: siteSocial.partial().optional(),
    theme: siteTheme.partial().optional(),
    notificationEmails: z.array(z.email().max(254)).max(20).optional(),
    contactAcknowledgement: z.boolean().optional(),
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
    logoId: id.nullable().optional(),
    /** Partial objects: the fields sent replace those stored, the others stay. */
    contact: siteContact.partial().optional(),
    social: siteSocial.partial().optional(),
    theme: siteTheme.partial().optional(),
    notificationEmails: z.array(z.email().max(254)).max(20).optional(),
    contactAcknowledgement: z.boolean().optional(),
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
