import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/ui/feedback';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('errors.pageNotFound')}
      action={
        <Link to="/" className="text-sm font-medium underline">
          {t('common.home')}
        </Link>
      }
    />
  );
}
