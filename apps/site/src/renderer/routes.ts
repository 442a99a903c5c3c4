import type { Language } from '../i18n';

/**
 * The route table of every public site. URL slugs follow the site's language (a French site has
 * `/formations`, an English one `/courses`); the table is documented in apps/site/README.md.
 */
export type Route =
  | { kind: 'home' }
  | { kind: 'about' }
  | { kind: 'courses' }
  | { kind: 'course'; slug: string }
  | { kind: 'contact' }
  | { kind: 'legal' }
  | { kind: 'privacy' };

export type PageKind = Route['kind'];

type NamedPage = Exclude<PageKind, 'home' | 'course'>;

export const routeSlugs: Record<Language, Record<NamedPage, string>> = {
  fr: {
    about: 'a-propos',
    courses: 'formations',
    contact: 'contact',
    legal: 'mentions-legales',
    privacy: 'protection-des-donnees',
  },
  en: {
    about: 'about',
    courses: 'courses',
    contact: 'contact',
    legal: 'legal-notice',
    privacy: 'privacy',
  },
};

/** Files every site serves besides its pages. */
export const siteFiles = ['/sitemap.xml', '/robots.txt', '/favicon.svg', '/favicon.ico'] as const;

const courseSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The page a path names on a site of `language`, or undefined (→ 404). `path` has no query and no trailing slash. */
export function matchRoute(language: Language, path: string): Route | undefined {
  if (path === '/') return { kind: 'home' };
  const segments = path.split('/').slice(1);
  const slugs = routeSlugs[language];
  const [first, second, ...rest] = segments;
  if (rest.length > 0 || first === undefined) return undefined;
  const named = (Object.keys(slugs) as NamedPage[]).find((kind) => slugs[kind] === first);
  if (!named) return undefined;
  if (second === undefined) return { kind: named } as Route;
  if (named === 'courses' && courseSlugPattern.test(second)) return { kind: 'course', slug: second };
  return undefined;
}

/** The path of a page on a site of `language`, without the preview prefix. */
export function pathOf(language: Language, route: Route): string {
  if (route.kind === 'home') return '/';
  const slugs = routeSlugs[language];
  if (route.kind === 'course') return `/${slugs.courses}/${route.slug}`;
  return `/${slugs[route.kind]}`;
}
