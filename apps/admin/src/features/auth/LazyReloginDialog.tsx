import { lazy, Suspense } from 'react';
import { useSession } from './useSession';

const ReloginDialog = lazy(() => import('./ReloginDialog').then((m) => ({ default: m.ReloginDialog })));

/**
 * The re-login dialog is needed rarely (a session that really ended), so its form code loads only
 * then — keeping the shell's first load small.
 */
export function LazyReloginDialog() {
  const state = useSession();
  if (state.status !== 'expired') return null;
  return (
    <Suspense fallback={null}>
      <ReloginDialog />
    </Suspense>
  );
}
