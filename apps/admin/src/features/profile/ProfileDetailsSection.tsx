import { type User, updateUserBody } from '@swigs/schema';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Card } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { useUpdateUser } from '../users/users.queries';

export function ProfileDetailsSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useZodForm(updateUserBody, {
    defaultValues: { name: user.name, email: user.email, version: user.version },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async ({ name, email, version }) => {
    try {
      const saved = await update.mutateAsync({ name, email, version });
      form.reset({ name: saved.name, email: saved.email, version: saved.version });
      toast.success(t('common.saved'));
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });

  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold">{t('profile.details')}</h2>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <Field label={t('users.fields.name')} error={errors.name?.message} required>
          <Input autoComplete="name" {...form.register('name')} />
        </Field>
        <Field label={t('users.fields.email')} error={errors.email?.message} required>
          <Input type="email" autoComplete="email" {...form.register('email')} />
        </Field>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      {guard.dialog}
    </Card>
  );
}
