import { loginBody } from '@swigs/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Alert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { session } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { useZodForm } from '../../lib/forms';
import { useSession } from './useSession';

/**
 * Shown over the current screen when the session has ended. The screen underneath stays mounted
 * — with everything typed in it — and the calls that failed are replayed after the login.
 */
export function ReloginDialog() {
  const { t } = useTranslation();
  const state = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const previousUser = state.status === 'expired' ? state.user : null;
  const form = useZodForm(loginBody, {
    values: { email: previousUser?.email ?? '', password: '' },
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFailure(null);
    try {
      const user = await session.login(body);
      if (previousUser && user.id !== previousUser.id) {
        // Someone else logged in: nothing of the previous user's screens may stay visible.
        queryClient.clear();
        navigate('/', { replace: true });
      }
      form.reset({ email: user.email, password: '' });
    } catch (error) {
      setFailure(apiErrorMessage(t, error));
    }
  });

  return (
    <Dialog
      open={state.status === 'expired'}
      onClose={() => {}}
      dismissible={false}
      title={t('auth.expiredTitle')}
      description={t('auth.expiredDescription')}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {failure ? <Alert title={failure} /> : null}
        <Field label={t('auth.email')} error={errors.email?.message} required>
          <Input type="email" autoComplete="username" {...form.register('email')} />
        </Field>
        <Field label={t('auth.password')} error={errors.password?.message} required>
          <Input type="password" autoComplete="current-password" autoFocus {...form.register('password')} />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            onClick={() => {
              void session.logout().then(() => {
                queryClient.clear();
                navigate('/login', { replace: true });
              });
            }}
          >
            {t('auth.logout')}
          </Button>
          <Button type="submit" variant="primary" loading={isSubmitting}>
            {t('auth.relogin')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
