import type { PublicSite, SeoDocument } from '@swigs/schema';
import type { SiteContents } from './contents';
import { type Language, languageOf, type Messages, messagesFor } from './i18n';
import { pathOf, type Route } from './renderer/routes';

/** Everything a page of a site needs besides its own data: settings, texts, SEO, how to link. */
export interface SiteContext {
  site: PublicSite;
  language: Language;
  t: Messages;
  contents: SiteContents;
  seo: SeoDocument;
  /** '' on the site's own host names; `/preview/<slug>` under the preview path. */
  basePath: string;
  /** The site's canonical origin, `https://<domain>`. */
  origin: string;
  /** Today in the site's time zone, `YYYY-MM-DD`. */
  today: string;
  /** Link to a page of this site, as seen from this request (with the preview prefix if any). */
  href(route: Route): string;
  /** Absolute canonical URL of a path on the site (`/formations` → `https://example.ch/formations`). */
  absolute(path: string): string;
  /** An editor's link target as seen from this request: site paths get the preview prefix. */
  link(target: string): string;
}

export interface SiteContextInput {
  site: PublicSite;
  contents: SiteContents;
  seo: SeoDocument;
  basePath: string;
  today: string;
}

/** `https://<domain>`: the origin the public API documents as canonical for a site. */
export function originOf(site: Pick<PublicSite, 'domain'>): string {
  return `https://${site.domain}`;
}

export function createSiteContext(input: SiteContextInput): SiteContext {
  const language = languageOf(input.site.locale);
  const origin = originOf(input.site);
  return {
    ...input,
    language,
    t: messagesFor(input.site.locale),
    origin,
    href: (route) => {
      const path = pathOf(language, route);
      return input.basePath ? `${input.basePath}${path === '/' ? '' : path}` || '/' : path;
    },
    absolute: (path) => `${origin}${path === '/' ? '/' : path}`,
    link: (target) => (target.startsWith('/') && input.basePath ? `${input.basePath}${target}` : target),
  };
}
