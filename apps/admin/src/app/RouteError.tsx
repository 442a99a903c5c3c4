import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '../components/ui/Button';
import { Alert } from '../components/ui/feedback';
import { apiErrorMessage } from '../lib/api-errors';

/**
 * The error boundary of every route: a screen that crashed shows this instead of a blank page,
 * with the way out (reload, home). A chunk that failed to load after a deployment also lands here.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module/i.test(error.message);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <div className="mx-auto max-w-xl p-6">
      <Alert
        title={notFound ? t('errors.pageNotFound') : chunkFailed ? t('errors.newVersion') : t('errors.crash')}
        action={
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
            <Link
              to="/"
              className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium underline"
              reloadDocument
            >
              {t('common.home')}
            </Link>
          </div>
        }
      >
        {notFound || chunkFailed ? null : <p>{apiErrorMessage(t, error)}</p>}
      </Alert>
    </div>
  );
}
