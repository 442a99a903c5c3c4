import type { MediaRef, ResolvedSeo } from '@swigs/schema';
import type { SiteContext } from '../context';
import { escapeHtml } from '../text';

/** Everything that goes in `<head>` besides styles: what search engines and link previews read. */
export interface PageHead {
  title: string;
  description: string;
  keywords: string[];
  /** Absolute URL; '' on pages that have none (errors). */
  canonical: string;
  noindex: boolean;
  og: { title: string; description: string; image: MediaRef | null };
  twitter: { card: string; title: string; description: string; image: MediaRef | null };
  /** JSON-LD objects, one `<script type="application/ld+json">` each. */
  jsonLd: object[];
}

/**
 * The head of a page from its resolved SEO record (from `seo.json`, every fallback applied by the
 * API). The canonical URL is the record's when set, else the page's own address on the site's
 * primary domain — never the preview path.
 */
export function headFromSeo(
  context: SiteContext,
  seo: ResolvedSeo,
  /** The page's path on the site; null for error pages, which have no canonical address. */
  path: string | null,
  jsonLd: object[],
  overrides: Partial<Pick<PageHead, 'noindex'>> = {},
): PageHead {
  return {
    title: seo.title,
    description: seo.description,
    keywords: seo.keywords,
    canonical: seo.canonicalUrl || (path === null ? '' : context.absolute(path)),
    noindex: overrides.noindex ?? seo.noindex,
    og: seo.og,
    twitter: seo.twitter,
    jsonLd,
  };
}

/** SEO for a page the SEO records do not describe (privacy, errors): title and description only. */
export function plainSeo(title: string, description: string, noindex = false): ResolvedSeo {
  return {
    title,
    description,
    keywords: [],
    canonicalUrl: '',
    noindex,
    og: { title, description, image: null },
    twitter: { card: 'summary', title, description, image: null },
  };
}

/** `fr-CH` → `fr_CH`, the form Open Graph uses. */
export function ogLocale(locale: string): string {
  return locale.replace('-', '_');
}

function absoluteUrl(context: SiteContext, url: string): string {
  return /^https?:\/\//.test(url) ? url : context.absolute(url);
}

/** Serialises JSON for a `<script>` data block: `<` escaped so no `</script>` can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** The SEO tags of `<head>`, in the first bytes of the HTML. */
export function renderHeadTags(context: SiteContext, head: PageHead): string {
  const tags: string[] = [];
  const meta = (attribute: 'name' | 'property', key: string, value: string | number) =>
    tags.push(`<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`);

  tags.push(`<title>${escapeHtml(head.title)}</title>`);
  meta('name', 'description', head.description);
  if (head.keywords.length > 0) meta('name', 'keywords', head.keywords.join(', '));
  if (head.noindex) meta('name', 'robots', 'noindex');
  if (head.canonical) tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}">`);

  meta('property', 'og:type', 'website');
  meta('property', 'og:site_name', context.site.name);
  meta('property', 'og:locale', ogLocale(context.site.locale));
  if (head.canonical) meta('property', 'og:url', head.canonical);
  meta('property', 'og:title', head.og.title);
  meta('property', 'og:description', head.og.description);
  if (head.og.image) {
    meta('property', 'og:image', absoluteUrl(context, head.og.image.url));
    if (head.og.image.width) meta('property', 'og:image:width', head.og.image.width);
    if (head.og.image.height) meta('property', 'og:image:height', head.og.image.height);
    if (head.og.image.alt) meta('property', 'og:image:alt', head.og.image.alt);
  }

  meta('name', 'twitter:card', head.twitter.card);
  meta('name', 'twitter:title', head.twitter.title);
  meta('name', 'twitter:description', head.twitter.description);
  if (head.twitter.image) {
    meta('name', 'twitter:image', absoluteUrl(context, head.twitter.image.url));
    if (head.twitter.image.alt) meta('name', 'twitter:image:alt', head.twitter.image.alt);
  }

  for (const data of head.jsonLd)
    tags.push(`<script type="application/ld+json">${jsonForScript(data)}</script>`);
  return tags.join('');
}
