import { createUserBody, type UpdateUserBody, type User, updateUserBody } from '@swigs/schema';
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
import { useCurrentUser } from '../auth/useSession';
import { UserFields } from './user-fields';
import { useCreateUser, useDeleteUser, userKeys, userQuery, useUpdateUser } from './users.queries';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link
      to="/users"
      className="mb-2 inline-block text-sm text-brand-700 hover:underline dark:text-brand-500"
    >
      ← {t('nav.users')}
    </Link>
  );
}

export function NewUserPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const form = useZodForm(createUserBody, {
    defaultValues: { name: '', email: '', role: 'editor', siteIds: [], active: true },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful);
  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const user = await create.mutateAsync(body);
      toast.success(t('users.created', { name: user.name }));
      guard.bypass();
      navigate('/users');
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });
  return (
    <div className="mx-auto max-w-3xl">
      <BackLink />
      <PageHeader title={t('users.new')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate>
          <Card>
            <UserFields passwordLabel={t('users.fields.password')} passwordRequired canChangeAccess />
          </Card>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            submitLabel={t('users.create')}
          />
        </form>
      </FormProvider>
      {guard.dialog}
    </div>
  );
}

export function EditUserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useQuery(userQuery(userId));
  if (user.isPending) return <SkeletonRows label={t('common.loading')} />;
  if (user.isError)
    return (
      <div className="mx-auto max-w-3xl">
        <BackLink />
        <Alert title={apiErrorMessage(t, user.error)} />
      </div>
    );
  return <EditUserForm key={user.data.id} user={user.data} />;
}

function valuesOf(user: User): UpdateUserBody {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    siteIds: user.siteIds,
    active: user.active,
    version: user.version,
  };
}

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isSelf = me.id === user.id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateUser(user.id);
  const remove = useDeleteUser();
  const form = useZodForm(updateUserBody, { defaultValues: valuesOf(user) });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const deletion = useConfirmedAction(remove, {
    variables: (target: User) => target.id,
    onDone: () => {
      toast.success(t('users.deleted', { name: user.name }));
      guard.bypass();
      queryClient.removeQueries({ queryKey: userKeys.detail(user.id) });
      navigate('/users');
    },
  });
  const { onSubmit, alert } = useVersionedSave(form, {
    save: (values, version) => {
      const { role, siteIds, active, ...own } = values;
      return update.mutateAsync(isSelf ? { ...own, version } : { ...own, role, siteIds, active, version });
    },
    onSaved: (saved) => form.reset(valuesOf(saved)),
    reload: async () => {
      form.reset(valuesOf(await queryClient.fetchQuery({ ...userQuery(user.id), staleTime: 0 })));
    },
  });

  return (
    <div className="mx-auto max-w-3xl">
      <BackLink />
      <PageHeader title={user.name} description={user.email} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6">
          {alert}
          {isSelf ? (
            <Alert tone="blue" title={t('users.selfNotice')}>
              <Link to="/profile" className="underline">
                {t('nav.profile')}
              </Link>
            </Alert>
          ) : null}
          <Card>
            <UserFields
              passwordLabel={isSelf ? null : t('users.fields.newPassword')}
              passwordRequired={false}
              canChangeAccess={!isSelf}
            />
          </Card>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            onReset={() => form.reset()}
            extra={
              isSelf ? null : (
                <Button variant="danger" className="mr-auto" onClick={() => deletion.ask(user)}>
                  {t('common.delete')}
                </Button>
              )
            }
          />
        </form>
      </FormProvider>
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('users.deleteTitle', { name: user.name })}
        description={t('users.deleteDescription')}
        confirmLabel={t('common.delete')}
      />
      {guard.dialog}
    </div>
  );
}
