import type { PublicCourse } from '@swigs/schema';
import { CourseFacts, StatusBadge } from '../components/CourseFacts';
import { Picture } from '../components/Picture';
import type { SiteContext } from '../context';

/** A course: its status, description, facts (dates, price, places, location) and how to register. */
export function CoursePage({ context, course }: { context: SiteContext; course: PublicCourse }) {
  const { t } = context;
  const canRegister = course.status === 'active' && course.externalUrl;
  return (
    <>
      <div className="wrap page-title">
        <nav className="crumbs" aria-label={t.courses.back}>
          <a href={context.href({ kind: 'courses' })}>← {t.courses.back}</a>
        </nav>
        <StatusBadge context={context} status={course.status} />
        <h1>{course.title}</h1>
      </div>
      <div className="wrap split section">
        <div className="prose">
          {course.image ? (
            <Picture
              image={course.image}
              sizes="(min-width: 72rem) 44rem, (min-width: 52rem) 62vw, 100vw"
              priority
            />
          ) : null}
          {/* Sanitised by the API when saved: only harmless markup is stored. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rich text, sanitised on the server */}
          <div dangerouslySetInnerHTML={{ __html: course.description }} />
        </div>
        <aside className="panel" aria-label={t.courses.details}>
          <h2>{t.courses.details}</h2>
          <CourseFacts context={context} course={course} full />
          {canRegister ? (
            <a className="button" href={course.externalUrl} rel="noopener">
              {t.courses.register}
            </a>
          ) : course.externalUrl ? (
            <p>
              <a href={course.externalUrl} rel="noopener">
                {t.courses.moreInfo}
              </a>
            </p>
          ) : null}
          <p>
            {t.courses.askUs} <a href={context.href({ kind: 'contact' })}>{t.nav.contact}</a>
          </p>
        </aside>
      </div>
    </>
  );
}
