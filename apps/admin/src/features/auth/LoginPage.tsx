import { loginBody } from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Alert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { session } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { useZodForm } from '../../lib/forms';
import { AuthLayout } from './AuthLayout';

/** Only paths inside the admin are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useZodForm(loginBody, { defaultValues: { email: params.get('email') ?? '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFailure(null);
    try {
      await session.login(body);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
        setFailure(
          t('auth.rateLimited', { minutes: Math.max(1, Math.ceil((error.problem.retryAfter ?? 60) / 60)) }),
        );
      } else setFailure(apiErrorMessage(t, error));
    }
  });

  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {params.get('reset') === 'done' ? <Alert tone="blue" title={t('auth.resetDone')} /> : null}
        {failure ? <Alert title={failure} /> : null}
        <Field label={t('auth.email')} error={errors.email?.message} required>
          <Input type="email" autoComplete="username" autoFocus {...form.register('email')} />
        </Field>
        <Field label={t('auth.password')} error={errors.password?.message} required>
          <Input type="password" autoComplete="current-password" {...form.register('password')} />
        </Field>
        <Button type="submit" variant="primary" className="w-full justify-center" loading={isSubmitting}>
          {t('auth.login')}
        </Button>
        <p className="text-center text-sm">
          <Link to="/forgot-password" className="text-brand-700 underline dark:text-brand-500">
            {t('auth.forgot')}
          </Link>
        </p>
      </form>
    </AuthLayout>
  );
}
