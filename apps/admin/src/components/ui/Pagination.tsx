import type { ListMeta } from '@swigs/schema';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export function Pagination({ meta, onPage }: { meta: ListMeta; onPage(page: number): void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(meta.total / meta.pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination')} className="mt-4 flex items-center justify-between gap-2 text-sm">
      <Button size="sm" disabled={meta.page <= 1} onClick={() => onPage(meta.page - 1)}>
        {t('common.previous')}
      </Button>
      <span className="text-zinc-600 dark:text-zinc-400">
        {t('common.pageOf', { page: meta.page, pages })}
      </span>
      <Button size="sm" disabled={meta.page >= pages} onClick={() => onPage(meta.page + 1)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
