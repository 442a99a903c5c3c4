import type { PublicCourse, PublicSite } from '@swigs/schema';
import type { SiteContext } from '../context';
import { pathOf } from '../renderer/routes';
import { excerpt, htmlToText } from '../text';

/**
 * schema.org structured data (JSON-LD). Every page describes the organisation behind the site
 * (a LocalBusiness when it has an address, an Organization otherwise); the home page adds the
 * WebSite, the course list an ItemList, and a course page the Course with its session and offer.
 */

const schemaOrg = 'https://schema.org';

function absolute(context: SiteContext, url: string): string {
  return /^https?:\/\//.test(url) ? url : context.absolute(url);
}

function organizationId(context: SiteContext): string {
  return `${context.origin}/#organization`;
}

function sameAs(site: PublicSite): string[] {
  return Object.values(site.social).filter((url): url is string => Boolean(url));
}

export function organizationLd(context: SiteContext): object {
  const { site } = context;
  const logo = site.logo ? absolute(context, site.logo.url) : undefined;
  const links = sameAs(site);
  return {
    '@context': schemaOrg,
    '@type': site.contact.address ? 'LocalBusiness' : 'Organization',
    '@id': organizationId(context),
    name: site.name,
    url: context.absolute('/'),
    ...(site.description ? { description: site.description } : {}),
    ...(logo ? { logo, image: logo } : {}),
    ...(site.contact.email ? { email: site.contact.email } : {}),
    ...(site.contact.phone ? { telephone: site.contact.phone } : {}),
    ...(site.contact.address ? { address: site.contact.address } : {}),
    ...(links.length > 0 ? { sameAs: links } : {}),
  };
}

export function websiteLd(context: SiteContext): object {
  return {
    '@context': schemaOrg,
    '@type': 'WebSite',
    name: context.site.name,
    url: context.absolute('/'),
    inLanguage: context.site.locale,
    publisher: { '@id': organizationId(context) },
  };
}

export function courseUrl(context: SiteContext, course: Pick<PublicCourse, 'slug'>): string {
  return context.absolute(pathOf(context.language, { kind: 'course', slug: course.slug }));
}

export function courseListLd(context: SiteContext, courses: PublicCourse[]): object {
  return {
    '@context': schemaOrg,
    '@type': 'ItemList',
    itemListElement: courses.map((course, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      url: courseUrl(context, course),
      name: course.title,
    })),
  };
}

const availability: Record<PublicCourse['status'], string> = {
  active: `${schemaOrg}/InStock`,
  full: `${schemaOrg}/SoldOut`,
  cancelled: `${schemaOrg}/Discontinued`,
  finished: `${schemaOrg}/Discontinued`,
};

/** A Course; with dates, its session as a CourseInstance (an Event), with an offer when it has a price. */
export function courseLd(context: SiteContext, course: PublicCourse): object {
  const url = courseUrl(context, course);
  const description = excerpt(htmlToText(course.description), 500) || course.title;
  const offer =
    course.price === null
      ? undefined
      : {
          '@type': 'Offer',
          category: course.price === 0 ? 'Free' : 'Paid',
          price: course.price,
          priceCurrency: course.currency,
          availability: availability[course.status],
          url: course.externalUrl || url,
          ...(course.registrationDeadline ? { validThrough: course.registrationDeadline } : {}),
        };
  const instance = course.startDate
    ? {
        '@type': 'CourseInstance',
        courseMode: 'Onsite',
        name: course.title,
        startDate: course.startDate,
        ...(course.endDate ? { endDate: course.endDate } : {}),
        eventStatus: `${schemaOrg}/${course.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
        eventAttendanceMode: `${schemaOrg}/OfflineEventAttendanceMode`,
        ...(course.location
          ? { location: { '@type': 'Place', name: course.location, address: course.location } }
          : {}),
        ...(course.places !== null ? { remainingAttendeeCapacity: course.places } : {}),
        organizer: { '@id': organizationId(context) },
      }
    : undefined;
  return {
    '@context': schemaOrg,
    '@type': 'Course',
    '@id': `${url}#course`,
    name: course.title,
    description,
    url,
    ...(course.number ? { courseCode: course.number } : {}),
    inLanguage: context.site.locale,
    provider: {
      '@type': 'Organization',
      '@id': organizationId(context),
      name: context.site.name,
      sameAs: context.absolute('/'),
    },
    ...(course.image ? { image: absolute(context, course.image.url) } : {}),
    ...(offer ? { offers: [offer] } : {}),
    ...(instance ? { hasCourseInstance: [instance] } : {}),
  };
}

export function breadcrumbLd(context: SiteContext, course: PublicCourse): object {
  const { t, language } = context;
  const items = [
    { name: t.nav.home, url: context.absolute('/') },
    { name: t.nav.courses, url: context.absolute(pathOf(language, { kind: 'courses' })) },
    { name: course.title, url: courseUrl(context, course) },
  ];
  return {
    '@context': schemaOrg,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}
