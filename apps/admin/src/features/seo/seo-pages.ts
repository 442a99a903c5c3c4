import { courseIdOfSeoPage, type DefaultSeoPage, isDefaultSeoPage } from '@swigs/schema';

/**
 * Public paths of the default pages, by site language — the public-site renderer's route table
 * (apps/site). Used only to show a realistic address in the search-result preview.
 */
const defaultPaths: Record<'fr' | 'en', Record<DefaultSeoPage, string>> = {
  fr: {
    home: '/',
    about: '/a-propos',
    courses: '/formations',
    contact: '/contact',
    legal: '/mentions-legales',
  },
  en: { home: '/', about: '/about', courses: '/courses', contact: '/contact', legal: '/legal-notice' },
};

export function siteLanguage(locale: string): 'fr' | 'en' {
  return locale.startsWith('en') ? 'en' : 'fr';
}

/** The public path an SEO record describes. */
export function pathOfSeoPage(page: string, locale: string, courseSlug?: string): string {
  const language = siteLanguage(locale);
  if (isDefaultSeoPage(page)) return defaultPaths[language][page];
  if (courseIdOfSeoPage(page)) return `${defaultPaths[language].courses}/${courseSlug ?? ''}`;
  return page;
}
