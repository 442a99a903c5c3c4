import type { PublicCourse } from '@swigs/schema';
import type { SiteContext } from '../context';
import { formatDate, formatDateRange, formatNumber, formatPrice } from '../format';

export function StatusBadge({ context, status }: { context: SiteContext; status: PublicCourse['status'] }) {
  return <span className={`badge badge-${status}`}>{context.t.courses.status[status]}</span>;
}

export function priceText(context: SiteContext, course: PublicCourse): string {
  if (course.price === null) return context.t.courses.priceOnRequest;
  if (course.price === 0) return context.t.courses.free;
  return formatPrice(context.site.locale, course.price, course.currency);
}

export function datesText(context: SiteContext, course: PublicCourse): string {
  if (!course.startDate) return context.t.courses.dateToBeAnnounced;
  return formatDateRange(context.site.locale, course.startDate, course.endDate);
}

export function placesText(context: SiteContext, course: PublicCourse): string | undefined {
  if (course.places === null) return undefined;
  return context.t.courses.placesLeft(course.places, formatNumber(context.site.locale, course.places));
}

/** Dates, price, places left and location as a definition list; `full` adds number and deadline. */
export function CourseFacts({
  context,
  course,
  full = false,
}: {
  context: SiteContext;
  course: PublicCourse;
  full?: boolean;
}) {
  const { t } = context;
  const places = placesText(context, course);
  return (
    <dl className="facts">
      <dt>{t.courses.dates}</dt>
      <dd>{datesText(context, course)}</dd>
      {full && course.registrationDeadline ? (
        <>
          <dt>{t.courses.deadline}</dt>
          <dd>{formatDate(context.site.locale, course.registrationDeadline)}</dd>
        </>
      ) : null}
      {course.location ? (
        <>
          <dt>{t.courses.location}</dt>
          <dd>{course.location}</dd>
        </>
      ) : null}
      <dt>{t.courses.price}</dt>
      <dd>{priceText(context, course)}</dd>
      {places && course.status !== 'cancelled' ? (
        <>
          <dt>{t.courses.places}</dt>
          <dd>{places}</dd>
        </>
      ) : null}
      {full && course.number ? (
        <>
          <dt>{t.courses.number}</dt>
          <dd>{course.number}</dd>
        </>
      ) : null}
    </dl>
  );
}
