import { forgotPasswordBody } from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Alert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { api } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { useZodForm } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useZodForm(forgotPasswordBody, { defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFailure(null);
    try {
      await api.auth.forgotPassword(body);
      setSent(true);
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'RATE_LIMITED'
          ? t('auth.rateLimited', { minutes: Math.max(1, Math.ceil((error.problem.retryAfter ?? 60) / 60)) })
          : apiErrorMessage(t, error),
      );
    }
  });

  return (
    <AuthLayout title={t('auth.forgotTitle')}>
      {sent ? (
        <Alert tone="blue" title={t('auth.forgotSent')}>
          <p>{t('auth.forgotSentHelp')}</p>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('auth.forgotHelp')}</p>
          {failure ? <Alert title={failure} /> : null}
          <Field label={t('auth.email')} error={errors.email?.message} required>
            <Input type="email" autoComplete="username" autoFocus {...form.register('email')} />
          </Field>
          <Button type="submit" variant="primary" className="w-full justify-center" loading={isSubmitting}>
            {t('auth.forgotSubmit')}
          </Button>
        </form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="text-brand-700 underline dark:text-brand-500">
          {t('auth.backToLogin')}
        </Link>
      </p>
    </AuthLayout>
  );
}
