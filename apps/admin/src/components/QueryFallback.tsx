import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../lib/api-errors';
import { Alert, SkeletonRows } from './ui/feedback';

/**
 * What a screen shows of a query that has no data yet: skeleton rows (or `loading`) while it loads,
 * the API's reason when it failed. Screens write
 * `query.isPending || query.isError ? <QueryFallback query={query} /> : …rows`.
 */
export function QueryFallback({
  query,
  loading,
}: {
  query: { isPending: boolean; error: unknown };
  loading?: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return loading ?? <SkeletonRows label={t('common.loading')} />;
  return <Alert title={apiErrorMessage(t, query.error)} />;
}
