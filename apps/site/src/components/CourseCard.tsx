import type { PublicCourse } from '@swigs/schema';
import type { SiteContext } from '../context';
import { excerpt, htmlToText } from '../text';
import { CourseFacts, StatusBadge } from './CourseFacts';
import { Picture } from './Picture';

/** A course in a list: image, status, title (the link), a line of description, key facts. */
export function CourseCard({
  context,
  course,
  headingLevel = 3,
}: {
  context: SiteContext;
  course: PublicCourse;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const summary = excerpt(htmlToText(course.description), 160);
  return (
    <li className="card">
      {course.image ? (
        <Picture image={course.image} sizes="(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw" />
      ) : null}
      <div className="card-body">
        <StatusBadge context={context} status={course.status} />
        <Heading>
          <a href={context.href({ kind: 'course', slug: course.slug })}>{course.title}</a>
        </Heading>
        {summary ? <p className="muted">{summary}</p> : null}
        <CourseFacts context={context} course={course} />
      </div>
    </li>
  );
}
