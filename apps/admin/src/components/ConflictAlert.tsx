import { useTranslation } from 'react-i18next';
import { Button } from './ui/Button';
import { Alert } from './ui/feedback';

/** What a user sees when someone else saved the same record first (409). */
export function ConflictAlert({
  onReload,
  onOverwrite,
  pending,
}: {
  onReload(): void;
  onOverwrite(): void;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="amber"
      title={t('conflict.title')}
      action={
        <div className="flex flex-wrap gap-2">
          <Button onClick={onReload} disabled={pending}>
            {t('conflict.reload')}
          </Button>
          <Button variant="primary" onClick={onOverwrite} loading={pending}>
            {t('conflict.overwrite')}
          </Button>
        </div>
      }
    >
      <p>{t('conflict.description')}</p>
    </Alert>
  );
}
