import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpinner } from '../components/ui/FullPageSpinner';
import { Alert } from '../components/ui/feedback';
import { useSession } from '../features/auth/useSession';
import { AppShell } from './AppShell';

/** Login and password screens: a logged-in user goes straight to the panel. */
export function PublicOnly() {
  const state = useSession();
  if (state.status === 'loading') return <FullPageSpinner />;
  if (state.status === 'authenticated') return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Everything behind login. An expired session keeps the screen (see ReloginDialog). */
export function Protected() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpinner />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppShell />;
}

/** Screens for administrators only. The API refuses editors anyway; this keeps them from seeing the screen. */
export function AdminOnly() {
  const { t } = useTranslation();
  const state = useSession();
  if ((state.status === 'authenticated' || state.status === 'expired') && state.user.role === 'admin') {
    return <Outlet />;
  }
  return (
    <div className="mx-auto max-w-xl">
      <Alert title={t('errors.ADMIN_REQUIRED')} />
    </div>
  );
}
