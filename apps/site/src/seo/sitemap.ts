import type { PublicCourse, ResolvedSeo } from '@swigs/schema';
import { contentKeys } from '../contents';
import type { SiteContext } from '../context';
import { pathOf, type Route } from '../renderer/routes';
import { escapeHtml } from '../text';

/** The pages a site has, given its contents: about, legal and privacy exist when written. */
export function pageExists(context: SiteContext, route: Route): boolean {
  switch (route.kind) {
    case 'about':
      return context.contents.html(contentKeys.aboutBody) !== undefined;
    case 'legal':
      return context.contents.html(contentKeys.legalBody) !== undefined;
    case 'privacy':
      return context.contents.html(contentKeys.privacyBody) !== undefined;
    default:
      return true;
  }
}

/**
 * The SEO record of a page in `seo.json`: default pages by name; the privacy page by its path
 * (a custom SEO path, e.g. `/protection-des-donnees`); a course by slug.
 */
export function seoOf(context: SiteContext, route: Route): ResolvedSeo | undefined {
  const { pages, courses } = context.seo;
  switch (route.kind) {
    case 'course':
      return courses[route.slug];
    case 'privacy':
      return pages[pathOf(context.language, route)];
    default:
      return pages[route.kind];
  }
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/**
 * Every page a search engine should index: the pages that exist, and every visible course,
 * except those marked noindex or whose canonical URL points elsewhere (a sitemap lists
 * canonical URLs only).
 */
export function indexableEntries(context: SiteContext, courses: PublicCourse[]): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const consider = (route: Route, lastmod?: string) => {
    if (!pageExists(context, route)) return;
    const loc = context.absolute(pathOf(context.language, route));
    const seo = seoOf(context, route);
    if (seo?.noindex) return;
    if (seo?.canonicalUrl && seo.canonicalUrl !== loc) return;
    entries.push(lastmod ? { loc, lastmod } : { loc });
  };
  for (const kind of ['home', 'about', 'courses', 'contact', 'legal', 'privacy'] as const) consider({ kind });
  for (const course of courses)
    consider({ kind: 'course', slug: course.slug }, course.updatedAt.slice(0, 10));
  return entries;
}

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `<url><loc>${escapeHtml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * Crawlers may read every page; the API, the admin panel and the preview copies of sites are
 * off limits. Pages marked noindex are not disallowed here: a crawler must fetch them to see
 * their noindex.
 */
export function renderRobots(context: SiteContext): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /admin/',
    'Disallow: /preview/',
    '',
    `Sitemap: ${context.absolute('/sitemap.xml')}`,
    '',
  ].join('\n');
}
