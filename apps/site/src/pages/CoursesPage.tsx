import type { PublicCourse } from '@swigs/schema';
import { CourseCard } from '../components/CourseCard';
import type { SiteContext } from '../context';

/** Every visible course, in the display order the editors set, with its status badge. */
export function CoursesPage({ context, courses }: { context: SiteContext; courses: PublicCourse[] }) {
  const { t } = context;
  return (
    <>
      <div className="wrap page-title">
        <h1>{t.courses.title}</h1>
        <p className="lead">{t.courses.intro}</p>
      </div>
      <div className="wrap section">
        {courses.length > 0 ? (
          <ul className="cards">
            {courses.map((course) => (
              <CourseCard key={course.id} context={context} course={course} headingLevel={2} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t.courses.empty}</p>
        )}
      </div>
    </>
  );
}
