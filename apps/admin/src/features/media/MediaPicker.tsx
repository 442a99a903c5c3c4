import type { Media } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/QueryFallback';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { EmptyState, Skeleton } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { useDebounced } from '../../components/useDebounced';
import { MediaThumb } from './MediaThumb';
import { mediaListQuery } from './media.queries';
import { UploadZone } from './UploadZone';
import { useUploadQueue } from './useUploadQueue';

/** Picks an image of the site's library — or uploads one and picks it at once. */
export function MediaPicker({
  siteId,
  open,
  onClose,
  onSelect,
}: {
  siteId: string;
  open: boolean;
  onClose(): void;
  onSelect(media: Media): void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const images = useQuery({
    ...mediaListQuery(siteId, { kind: 'image', q: q || undefined, pageSize: 60 }),
    enabled: open,
  });
  const uploads = useUploadQueue(siteId, (media) => {
    if (media.kind === 'image') onSelect(media);
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('media.pickTitle')}
      size="xl"
      footer={<Button onClick={onClose}>{t('common.cancel')}</Button>}
    >
      <div className="space-y-4">
        <UploadZone
          onFiles={uploads.add}
          items={uploads.items}
          onClear={uploads.clearFinished}
          accept="image/*"
        />
        <Input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('media.search')}
          aria-label={t('media.search')}
        />
        {images.isPending || images.isError ? (
          <QueryFallback query={images} loading={<Skeleton className="h-40" />} />
        ) : images.data.data.length === 0 ? (
          <EmptyState title={t('media.noImages')} />
        ) : (
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6">
            {images.data.data.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onSelect(item)}
                  aria-label={t('media.pick', { name: item.originalName })}
                  className="block w-full overflow-hidden rounded-md border border-zinc-200 hover:border-brand-600 focus-visible:border-brand-600 dark:border-zinc-800"
                >
                  <MediaThumb item={item} alt="" className="aspect-square w-full" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
