import { type Course, createCourseBody, type UpdateCourseBody, updateCourseBody } from '@swigs/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormActions } from '../../components/FormActions';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Alert, Card, PageHeader, SkeletonRows } from '../../components/ui/feedback';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { useVersionedSave } from '../../components/useVersionedSave';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { useCurrentSite } from '../sites/SiteLayout';
import { CourseFields } from './course-fields';
import { CourseStatusBadge } from './course-status';
import { courseQuery, useCreateCourse, useDeleteCourse, useUpdateCourse } from './courses.queries';

function BackLink({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/sites/${siteId}/courses`}
      className="mb-2 inline-block text-sm text-brand-700 hover:underline dark:text-brand-500"
    >
      ← {t('nav.courses')}
    </Link>
  );
}

export function NewCoursePage() {
  const { t, i18n } = useTranslation();
  const site = useCurrentSite();
  const navigate = useNavigate();
  const create = useCreateCourse(site.id);
  const form = useZodForm(createCourseBody, {
    defaultValues: {
      title: '',
      number: '',
      description: '',
      startDate: null,
      endDate: null,
      registrationDeadline: null,
      price: null,
      currency: 'CHF',
      places: null,
      location: '',
      externalUrl: '',
      status: 'active',
      imageId: null,
    },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful);
  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const course = await create.mutateAsync(body);
      toast.success(t('courses.created', { title: course.title }));
      guard.bypass();
      navigate(`/sites/${site.id}/courses/${course.id}`, { replace: true });
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });
  return (
    <div className="mx-auto max-w-4xl">
      <BackLink siteId={site.id} />
      <PageHeader title={t('courses.new')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate>
          <Card>
            <CourseFields siteId={site.id} currentImage={null} />
          </Card>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            submitLabel={t('courses.create')}
          />
        </form>
      </FormProvider>
      {guard.dialog}
    </div>
  );
}

export function EditCoursePage() {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const { courseId = '' } = useParams();
  const course = useQuery(courseQuery(site.id, courseId));
  if (course.isPending) return <SkeletonRows label={t('common.loading')} rows={8} />;
  if (course.isError)
    return (
      <div className="mx-auto max-w-4xl">
        <BackLink siteId={site.id} />
        <Alert title={apiErrorMessage(t, course.error)} />
      </div>
    );
  return <EditCourseForm key={course.data.id} course={course.data} />;
}

function valuesOf(course: Course): UpdateCourseBody {
  return {
    title: course.title,
    slug: course.slug,
    number: course.number,
    description: course.description,
    startDate: course.startDate,
    endDate: course.endDate,
    registrationDeadline: course.registrationDeadline,
    price: course.price,
    currency: course.currency,
    places: course.places,
    location: course.location,
    externalUrl: course.externalUrl,
    status: course.status,
    imageId: course.imageId,
    version: course.version,
  };
}

function EditCourseForm({ course }: { course: Course }) {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateCourse(site.id, course.id);
  const remove = useDeleteCourse(site.id);
  const form = useZodForm(updateCourseBody, { defaultValues: valuesOf(course) });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const deletion = useConfirmedAction(remove, {
    variables: (target: Course) => target.id,
    onDone: () => {
      toast.success(t('courses.deleted', { title: course.title }));
      guard.bypass();
      navigate(`/sites/${site.id}/courses`);
    },
  });
  const { onSubmit, alert } = useVersionedSave(form, {
    save: (values, version) => update.mutateAsync({ ...values, version }),
    onSaved: (saved) => form.reset(valuesOf(saved)),
    reload: async () => {
      form.reset(
        valuesOf(await queryClient.fetchQuery({ ...courseQuery(site.id, course.id), staleTime: 0 })),
      );
    },
  });

  return (
    <div className="mx-auto max-w-4xl">
      <BackLink siteId={site.id} />
      <PageHeader title={course.title} description={<CourseStatusBadge status={course.status} />} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6">
          {alert}
          <Card>
            <CourseFields siteId={site.id} currentImage={course.image} />
          </Card>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            onReset={() => form.reset()}
            extra={
              <Button variant="danger" className="mr-auto" onClick={() => deletion.ask(course)}>
                {t('common.delete')}
              </Button>
            }
          />
        </form>
      </FormProvider>
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('courses.deleteTitle', { title: course.title })}
        description={t('courses.deleteDescription')}
        confirmLabel={t('common.delete')}
      />
      {guard.dialog}
    </div>
  );
}
