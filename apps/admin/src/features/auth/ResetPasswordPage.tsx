import { password } from '@swigs/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Alert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { api } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';

const resetForm = z
  .object({ password, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'mismatch' });

/** The page the reset email links to: /admin/reset-password?token=… */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [failure, setFailure] = useState<string | null>(null);
  const form = useZodForm(resetForm, { defaultValues: { password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.auth.resetPassword({ token, password: values.password });
      navigate('/login?reset=done', { replace: true });
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language, ['password'])) {
        setFailure(apiErrorMessage(t, error));
      }
    }
  });

  return (
    <AuthLayout title={t('auth.resetTitle')}>
      {token.length < 20 ? (
        <Alert title={t('errors.RESET_TOKEN_INVALID')} />
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {failure ? <Alert title={failure} /> : null}
          <Field
            label={t('users.fields.newPassword')}
            error={errors.password?.message}
            hint={t('users.passwordHint')}
            required
          >
            <Input type="password" autoComplete="new-password" autoFocus {...form.register('password')} />
          </Field>
          <Field
            label={t('profile.confirmPassword')}
            error={errors.confirm?.message === 'mismatch' ? t('profile.mismatch') : errors.confirm?.message}
            required
          >
            <Input type="password" autoComplete="new-password" {...form.register('confirm')} />
          </Field>
          <Button type="submit" variant="primary" className="w-full justify-center" loading={isSubmitting}>
            {t('auth.resetSubmit')}
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/forgot-password" className="text-brand-700 underline dark:text-brand-500">
          {t('auth.askNewLink')}
        </Link>
      </p>
    </AuthLayout>
  );
}
