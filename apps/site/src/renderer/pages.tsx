import type { PublicCourse, ResolvedSeo } from '@swigs/schema';
import type { ReactElement } from 'react';
import type { ContactFormProps } from '../components/ContactForm';
import { contentKeys } from '../contents';
import type { SiteContext } from '../context';
import { ContactPage } from '../pages/ContactPage';
import { CoursePage } from '../pages/CoursePage';
import { CoursesPage } from '../pages/CoursesPage';
import { HomePage } from '../pages/HomePage';
import { ErrorPage, TextPage } from '../pages/TextPage';
import { headFromSeo, type PageHead, plainSeo } from '../seo/head';
import { breadcrumbLd, courseLd, courseListLd, organizationLd, websiteLd } from '../seo/json-ld';
import { pageExists, seoOf } from '../seo/sitemap';
import { excerpt, htmlToText } from '../text';
import { type PageKind, pathOf, type Route } from './routes';

/** A page ready to be wrapped in the layout and the document. */
export interface PageResult {
  status: number;
  head: PageHead;
  element: ReactElement;
  /** The menu entry to mark as current. */
  current?: PageKind | undefined;
  /** Whether the page has an island and needs the islands script. */
  hydrate?: boolean;
}

/** The page lives at another address now (a course whose slug changed): 301 there. */
export interface MovedPage {
  status: 301;
  location: string;
}

/** What page builders may ask for, loaded on demand (and only once) by the renderer. */
export interface PageData {
  courses(): Promise<PublicCourse[]>;
  /**
   * The visible course with this slug (or that had it: its slug then differs); undefined when there
   * is none, 'gone' when the API says it was removed (410).
   */
  course(slug: string): Promise<PublicCourse | 'gone' | undefined>;
}

/**
 * The SEO of a page, or a plain fallback ("About – Site") when the API has no record for it.
 * A record without a meta title resolves to the bare site name on every page; past the home
 * page the renderer names the page too, so no two pages share a title.
 */
function seoFor(context: SiteContext, route: Route, title: string): ResolvedSeo {
  const pageTitle = `${title} – ${context.site.name}`;
  const found = seoOf(context, route);
  if (!found) return plainSeo(pageTitle, context.site.description);
  if (route.kind === 'home') return found;
  const named = (value: string) => (value === context.site.name ? pageTitle : value);
  return {
    ...found,
    title: named(found.title),
    og: { ...found.og, title: named(found.og.title) },
    twitter: { ...found.twitter, title: named(found.twitter.title) },
  };
}

/** A course's SEO: the API derives it from the course (and an override record); this is the same fallback. */
function courseSeo(context: SiteContext, course: PublicCourse): ResolvedSeo {
  const found = seoOf(context, { kind: 'course', slug: course.slug });
  if (found) return found;
  const seo = plainSeo(
    `${course.title} – ${context.site.name}`,
    excerpt(htmlToText(course.description), 160) || context.site.description,
  );
  return { ...seo, og: { ...seo.og, image: course.image }, twitter: { ...seo.twitter, image: course.image } };
}

export function notFoundPage(context: SiteContext): PageResult {
  const { t } = context;
  return {
    status: 404,
    head: headFromSeo(
      context,
      plainSeo(`${t.notFound.title} – ${context.site.name}`, t.notFound.text, true),
      null,
      [],
    ),
    element: (
      <ErrorPage
        title={t.notFound.title}
        text={t.notFound.text}
        links={[
          { href: context.href({ kind: 'home' }), label: t.notFound.home },
          { href: context.href({ kind: 'courses' }), label: t.nav.courses },
        ]}
      />
    ),
  };
}

/** 410 Gone: a course that was removed from the site (when the API can tell). */
export function gonePage(context: SiteContext): PageResult {
  const { t } = context;
  return {
    status: 410,
    head: headFromSeo(
      context,
      plainSeo(`${t.gone.title} – ${context.site.name}`, t.gone.text, true),
      null,
      [],
    ),
    element: (
      <ErrorPage
        title={t.gone.title}
        text={t.gone.text}
        links={[
          { href: context.href({ kind: 'courses' }), label: t.nav.courses },
          { href: context.href({ kind: 'home' }), label: t.notFound.home },
        ]}
      />
    ),
  };
}

/** Builds the page a route names, or the 404 page when it does not exist on this site. */
export async function buildPage(
  context: SiteContext,
  route: Route,
  data: PageData,
  contactForm?: ContactFormProps,
): Promise<PageResult | MovedPage> {
  const { t, contents } = context;
  const path = pathOf(context.language, route);
  const organization = organizationLd(context);
  if (!pageExists(context, route)) return notFoundPage(context);

  switch (route.kind) {
    case 'home': {
      const courses = await data.courses();
      return {
        status: 200,
        head: headFromSeo(context, seoFor(context, route, t.nav.home), path, [
          organization,
          websiteLd(context),
        ]),
        element: <HomePage context={context} courses={courses} />,
        current: 'home',
      };
    }
    case 'courses': {
      const courses = await data.courses();
      return {
        status: 200,
        head: headFromSeo(context, seoFor(context, route, t.courses.title), path, [
          organization,
          courseListLd(context, courses),
        ]),
        element: <CoursesPage context={context} courses={courses} />,
        current: 'courses',
      };
    }
    case 'course': {
      const course = await data.course(route.slug);
      if (course === 'gone') return gonePage(context);
      if (!course) return notFoundPage(context);
      if (course.slug !== route.slug)
        return { status: 301, location: context.href({ kind: 'course', slug: course.slug }) };
      return {
        status: 200,
        head: headFromSeo(context, courseSeo(context, course), path, [
          organization,
          courseLd(context, course),
          breadcrumbLd(context, course),
        ]),
        element: <CoursePage context={context} course={course} />,
        current: 'course',
      };
    }
    case 'contact': {
      if (!contactForm) throw new Error('The contact page needs its form.');
      return {
        status: 200,
        head: headFromSeo(context, seoFor(context, route, t.contact.title), path, [organization]),
        element: <ContactPage context={context} form={contactForm} />,
        current: 'contact',
        hydrate: true,
      };
    }
    case 'about':
      return {
        status: 200,
        head: headFromSeo(context, seoFor(context, route, t.nav.about), path, [organization]),
        element: (
          <TextPage
            title={t.nav.about}
            html={contents.html(contentKeys.aboutBody) ?? ''}
            image={contents.image(contentKeys.aboutImage)}
          />
        ),
        current: 'about',
      };
    case 'legal':
    case 'privacy': {
      const key = route.kind === 'legal' ? contentKeys.legalBody : contentKeys.privacyBody;
      return {
        status: 200,
        head: headFromSeo(context, seoFor(context, route, t.nav[route.kind]), path, [organization]),
        element: <TextPage title={t.nav[route.kind]} html={contents.html(key) ?? ''} />,
        current: route.kind,
      };
    }
  }
}
