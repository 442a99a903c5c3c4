import { password, type User } from '@swigs/schema';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Card } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { session } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { useUpdateUser } from '../users/users.queries';

/** The API's password rule plus a confirmation typed twice (a browser-side check only). */
const changePasswordForm = z
  .object({ currentPassword: z.string().min(1), password, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'mismatch' });

export function PasswordSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useZodForm(changePasswordForm, {
    defaultValues: { currentPassword: '', password: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, password: next }) => {
    try {
      await update.mutateAsync({ currentPassword, password: next });
      // A new password ends every session, this one included: log straight back in with it.
      await session.login({ email: user.email, password: next });
      form.reset();
      toast.success(t('profile.passwordChanged'));
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });

  return (
    <Card>
      <h2 className="text-base font-semibold">{t('profile.password')}</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('profile.passwordHelp')}</p>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        <Field
          label={t('profile.currentPassword')}
          error={errors.currentPassword?.message}
          required
          className="sm:col-span-2"
        >
          <Input type="password" autoComplete="current-password" {...form.register('currentPassword')} />
        </Field>
        <Field
          label={t('users.fields.newPassword')}
          error={errors.password?.message}
          hint={t('users.passwordHint')}
          required
        >
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
        <Field
          label={t('profile.confirmPassword')}
          error={errors.confirm?.message === 'mismatch' ? t('profile.mismatch') : errors.confirm?.message}
          required
        >
          <Input type="password" autoComplete="new-password" {...form.register('confirm')} />
        </Field>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" variant="primary" loading={isSubmitting}>
            {t('profile.changePassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
