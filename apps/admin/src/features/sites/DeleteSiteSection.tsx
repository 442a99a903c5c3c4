import type { Site } from '@swigs/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Field } from '../../components/ui/Field';
import { Card } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { apiErrorMessage } from '../../lib/api-errors';
import { toast } from '../../lib/toast';
import { useDeleteSite } from './sites.queries';

/** Admins delete a site — after typing its slug, since everything it holds goes with it. */
export function DeleteSiteSection({ site }: { site: Site }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteSite();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');

  return (
    <Card className="mt-10 border-red-300 dark:border-red-900">
      <h2 className="text-base font-semibold text-red-800 dark:text-red-300">{t('sites.delete.title')}</h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t('sites.delete.description')}</p>
      <Button variant="danger" className="mt-4" onClick={() => setOpen(true)}>
        {t('sites.delete.action')}
      </Button>
      <ConfirmDialog
        open={open}
        danger
        title={t('sites.delete.confirmTitle', { name: site.name })}
        description={t('sites.delete.confirmDescription')}
        confirmLabel={t('sites.delete.action')}
        pending={remove.isPending}
        confirmDisabled={typed !== site.slug}
        onCancel={() => {
          setOpen(false);
          setTyped('');
        }}
        onConfirm={() => {
          if (typed !== site.slug) return;
          remove.mutate(site.id, {
            onSuccess: () => {
              toast.success(t('sites.delete.done', { name: site.name }));
              navigate('/', { replace: true });
            },
            onError: (error) => toast.error(apiErrorMessage(t, error)),
          });
        }}
      >
        <Field label={t('sites.delete.typeSlug', { slug: site.slug })}>
          <Input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </Field>
      </ConfirmDialog>
    </Card>
  );
}
