import type { Site } from '@swigs/schema';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Alert, Card } from '../../components/ui/feedback';
import { ApiError, api } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { saveFile } from '../../lib/download';
import { toast } from '../../lib/toast';

/**
 * Admins download the site as a `swigs-site` archive, to import it into another installation.
 * When uploaded files are missing on disk the API refuses; the admin may then export without them.
 */
export function ExportSiteSection({ site }: { site: Site }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  // The API's description of the missing files (their names), shown as technical details.
  const [missingFiles, setMissingFiles] = useState<string | null>(null);

  const exportSite = async (allowMissingFiles: boolean) => {
    setPending(true);
    try {
      const archive = await api.sites.exportArchive(
        site.id,
        allowMissingFiles ? { allowMissingFiles: 'true' } : {},
      );
      saveFile(archive, archive.name);
      setMissingFiles(null);
      toast.success(t('transfer.export.done', { name: archive.name }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SITE_FILES_MISSING') setMissingFiles(error.message);
      else toast.error(apiErrorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Card className="mt-10">
      <h2 className="text-base font-semibold">{t('transfer.export.title')}</h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t('transfer.export.description')}</p>
      {missingFiles ? (
        <div className="mt-4">
          <Alert
            title={t('errors.SITE_FILES_MISSING')}
            action={
              <Button loading={pending} onClick={() => void exportSite(true)}>
                {t('transfer.export.withoutMissing')}
              </Button>
            }
          >
            <p>{t('transfer.export.missingHelp')}</p>
            <details className="mt-2">
              <summary className="cursor-pointer">{t('transfer.details')}</summary>
              <p className="mt-1 break-all font-mono text-xs">{missingFiles}</p>
            </details>
          </Alert>
        </div>
      ) : null}
      <Button className="mt-4" loading={pending} onClick={() => void exportSite(false)}>
        {pending ? null : <Download className="h-4 w-4" aria-hidden="true" />}
        {t('transfer.export.action')}
      </Button>
    </Card>
  );
}
