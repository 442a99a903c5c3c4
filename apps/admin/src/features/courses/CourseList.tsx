import { type Course, type CourseStatus, courseStatuses } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { BookOpen, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFallback } from '../../components/QueryFallback';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { EmptyState, PageHeader } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/inputs';
import { Td, Th } from '../../components/ui/table';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { useDebounced } from '../../components/useDebounced';
import { useListParams } from '../../components/useListParams';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatDate, formatLocale, formatPrice } from '../../lib/format';
import { toast } from '../../lib/toast';
import { useCurrentSite } from '../sites/SiteLayout';
import { CourseStatusBadge } from './course-status';
import { coursesListQuery, useDeleteCourse, useReorderCourses } from './courses.queries';
import { SortableCourseRows } from './SortableCourseRows';

const linkButton =
  'inline-flex h-10 items-center gap-2 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 dark:bg-brand-600';

/** Contenus: the site's courses in display order, filterable, reorderable by drag and drop. */
export function CourseList() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const site = useCurrentSite();
  const [params, setParam] = useListParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim());
  const statusParam = params.get('status');
  const status = courseStatuses.includes(statusParam as CourseStatus)
    ? (statusParam as CourseStatus)
    : undefined;
  const query = { status, q: q || undefined, pageSize: 200 };
  const courses = useQuery(coursesListQuery(site.id, query));
  const reorder = useReorderCourses(site.id, query);
  const remove = useDeleteCourse(site.id);
  const deletion = useConfirmedAction(remove, {
    variables: (target: Course) => target.id,
    onDone: (target) => toast.success(t('courses.deleted', { title: target.title })),
  });
  const filtered = Boolean(status || q);

  const onReorder = (ids: string[]) =>
    reorder.mutate(ids, {
      onSuccess: () => toast.success(t('courses.reorder.saved')),
      onError: (error) => toast.error(apiErrorMessage(t, error)),
    });

  const dateRange = (course: Course) => {
    const start = formatDate(course.startDate, locale);
    const end = formatDate(course.endDate, locale);
    if (!start) return '—';
    return end && end !== start ? `${start} – ${end}` : start;
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('nav.courses')}
        description={t('courses.description')}
        actions={
          <Link to={`/sites/${site.id}/courses/new`} className={linkButton}>
            <Plus className="h-4 w-4" aria-hidden="true" />
            {t('courses.new')}
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('courses.search')}
          aria-label={t('courses.search')}
          className="max-w-xs"
        />
        <Select
          aria-label={t('courses.fields.status')}
          value={status ?? ''}
          onChange={(event) => setParam('status', event.target.value || undefined)}
          className="max-w-[12rem]"
        >
          <option value="">{t('courses.allStatuses')}</option>
          {courseStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`courses.status.${value}`)}
            </option>
          ))}
        </Select>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {filtered ? t('courses.reorder.disabled') : t('courses.reorder.hint')}
        </p>
      </div>
      {courses.isPending || courses.isError ? (
        <QueryFallback query={courses} />
      ) : courses.data.data.length === 0 ? (
        <EmptyState
          icon={<BookOpen className="h-8 w-8" />}
          title={filtered ? t('courses.noMatch') : t('courses.empty')}
          description={filtered ? undefined : t('courses.emptyHelp')}
          action={
            filtered ? undefined : (
              <Link to={`/sites/${site.id}/courses/new`} className={linkButton}>
                {t('courses.new')}
              </Link>
            )
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('nav.courses')}</caption>
            <thead>
              <tr>
                <Th className="w-10">
                  <span className="sr-only">{t('courses.reorder.column')}</span>
                </Th>
                <Th>{t('courses.fields.title')}</Th>
                <Th className="hidden md:table-cell">{t('courses.dates')}</Th>
                <Th className="hidden sm:table-cell">{t('courses.fields.price')}</Th>
                <Th className="hidden lg:table-cell">{t('courses.fields.places')}</Th>
                <Th>{t('courses.fields.status')}</Th>
                <Th className="text-right">
                  <span className="sr-only">{t('common.actions')}</span>
                </Th>
              </tr>
            </thead>
            <SortableCourseRows
              courses={courses.data.data}
              enabled={!filtered && courses.data.meta.total <= courses.data.data.length}
              onReorder={onReorder}
              renderCells={(course) => (
                <>
                  <Td>
                    <Link
                      to={`/sites/${site.id}/courses/${course.id}`}
                      className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                    >
                      {course.title}
                    </Link>
                    {course.number ? (
                      <div className="text-xs text-zinc-600 dark:text-zinc-400">{course.number}</div>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{dateRange(course)}</Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">
                    {course.price === null ? '—' : formatPrice(course.price, course.currency, locale)}
                  </Td>
                  <Td className="hidden lg:table-cell">{course.places ?? '—'}</Td>
                  <Td>
                    <CourseStatusBadge status={course.status} />
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Link
                      to={`/sites/${site.id}/courses/${course.id}`}
                      aria-label={t('courses.editNamed', { title: course.title })}
                      className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-zinc-200 dark:hover:bg-zinc-800"
                    >
                      <Pencil className="h-4 w-4" aria-hidden="true" />
                    </Link>
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-label={t('courses.deleteNamed', { title: course.title })}
                      onClick={() => deletion.ask(course)}
                    >
                      <Trash2 className="h-4 w-4" />
                    </Button>
                  </Td>
                </>
              )}
            />
          </table>
        </div>
      )}
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('courses.deleteTitle', { title: deletion.target?.title ?? '' })}
        description={t('courses.deleteDescription')}
        confirmLabel={t('common.delete')}
      />
    </div>
  );
}
