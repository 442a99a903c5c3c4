import type { PublicCourse } from '@swigs/schema';
import { CourseCard } from '../components/CourseCard';
import { Picture } from '../components/Picture';
import { contentKeys } from '../contents';
import type { SiteContext } from '../context';
import { pageExists } from '../seo/sitemap';
import { excerpt, htmlToText } from '../text';

/** How many upcoming courses the home page shows. */
export const upcomingCount = 3;

/**
 * Courses still to come, soonest first: open or full, starting today or later. Courses without
 * a date come after the dated ones, in their display order.
 */
export function upcomingCourses(
  courses: PublicCourse[],
  today: string,
  count = upcomingCount,
): PublicCourse[] {
  const candidates = courses.filter(
    (course) => course.status !== 'cancelled' && (!course.startDate || course.startDate >= today),
  );
  const dated = candidates
    .filter((course) => course.startDate)
    .sort((a, b) =>
      a.startDate! < b.startDate! ? -1 : a.startDate! > b.startDate! ? 1 : a.position - b.position,
    );
  const undated = candidates.filter((course) => !course.startDate);
  return [...dated, ...undated].slice(0, count);
}

export function HomePage({ context, courses }: { context: SiteContext; courses: PublicCourse[] }) {
  const { site, t, contents } = context;
  const title = contents.text(contentKeys.heroTitle) ?? site.name;
  const text = contents.text(contentKeys.heroText) ?? site.description;
  const image = contents.image(contentKeys.heroImage);
  const cta = contents.link(contentKeys.heroCta);
  const upcoming = upcomingCourses(courses, context.today);
  const aboutBody = contents.html(contentKeys.aboutBody);
  const aboutText =
    contents.text(contentKeys.aboutExcerpt) ?? (aboutBody ? excerpt(htmlToText(aboutBody), 360) : undefined);
  const hasAbout = pageExists(context, { kind: 'about' });

  return (
    <>
      <section className={image ? 'hero has-image' : 'hero'}>
        <div className="wrap">
          <div>
            <h1>{title}</h1>
            {text ? <p>{text}</p> : null}
            <div className="actions">
              <a className="button" href={cta ? context.link(cta.url) : context.href({ kind: 'courses' })}>
                {cta?.label || t.home.allCourses}
              </a>
            </div>
          </div>
          {image ? (
            <Picture
              image={image}
              sizes="(min-width: 72rem) 34rem, (min-width: 52rem) 46vw, 100vw"
              priority
            />
          ) : null}
        </div>
      </section>
      <section className="section" aria-labelledby="upcoming-title">
        <div className="wrap">
          <h2 id="upcoming-title">{t.home.upcoming}</h2>
          {upcoming.length > 0 ? (
            <ul className="cards">
              {upcoming.map((course) => (
                <CourseCard key={course.id} context={context} course={course} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t.home.noUpcoming}</p>
          )}
          <div className="actions">
            <a className="button ghost" href={context.href({ kind: 'courses' })}>
              {t.home.allCourses}
            </a>
          </div>
        </div>
      </section>
      {aboutText ? (
        <section className="section soft" aria-labelledby="about-title">
          <div className="wrap">
            <h2 id="about-title">{t.home.about}</h2>
            <p className="prose">{aboutText}</p>
            <div className="actions">
              {hasAbout ? (
                <a className="button ghost" href={context.href({ kind: 'about' })}>
                  {t.home.readMore}
                </a>
              ) : null}
              <a className="button" href={context.href({ kind: 'contact' })}>
                {t.home.contactCta}
              </a>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
