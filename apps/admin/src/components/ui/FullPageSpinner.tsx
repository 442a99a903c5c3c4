import { useTranslation } from 'react-i18next';
import { Spinner } from './Spinner';

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      aria-label={t('common.loading')}
      className="flex min-h-[50vh] items-center justify-center"
    >
      <Spinner className="h-8 w-8 text-brand-700 dark:text-brand-500" />
    </div>
  );
}
