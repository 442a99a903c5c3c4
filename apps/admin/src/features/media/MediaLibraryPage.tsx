import { type Media, type MediaKind, mediaKinds } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { Grid2x2, Image as ImageIcon, List } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/QueryFallback';
import { EmptyState, PageHeader } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/inputs';
import { Pagination } from '../../components/ui/Pagination';
import { Table, Td, Th } from '../../components/ui/table';
import { useDebounced } from '../../components/useDebounced';
import { useListParams } from '../../components/useListParams';
import { cn } from '../../lib/cn';
import { formatBytes, formatDate, formatLocale } from '../../lib/format';
import { storage } from '../../lib/storage';
import { useCurrentSite } from '../sites/SiteLayout';
import { MediaDetailsDialog } from './MediaDetailsDialog';
import { MediaThumb } from './MediaThumb';
import { mediaListQuery } from './media.queries';
import { UploadZone } from './UploadZone';
import { useUploadQueue } from './useUploadQueue';

type View = 'grid' | 'list';
const viewKey = 'swigs.mediaView';

/** Médias: upload by drag and drop, browse as a grid or a list, open a file for its details. */
export function MediaLibraryPage() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const site = useCurrentSite();
  const [params, setParam] = useListParams();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const kindParam = params.get('kind');
  const kind = mediaKinds.includes(kindParam as MediaKind) ? (kindParam as MediaKind) : undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const [view, setView] = useState<View>(storage.get(viewKey) === 'list' ? 'list' : 'grid');
  const [open, setOpen] = useState<Media | null>(null);
  const list = useQuery(mediaListQuery(site.id, { q: q || undefined, kind, page, pageSize: 48 }));
  const uploads = useUploadQueue(site.id);

  const chooseView = (next: View) => {
    setView(next);
    storage.set(viewKey, next);
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('nav.media')} description={t('media.description')} />
      <UploadZone onFiles={uploads.add} items={uploads.items} onClear={uploads.clearFinished} />
      <div className="mb-4 mt-6 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setParam('page', undefined);
          }}
          placeholder={t('media.search')}
          aria-label={t('media.search')}
          className="max-w-xs"
        />
        <Select
          aria-label={t('media.type')}
          value={kind ?? ''}
          onChange={(event) => setParam('kind', event.target.value || undefined)}
          className="max-w-[12rem]"
        >
          <option value="">{t('media.allKinds')}</option>
          <option value="image">{t('media.kinds.image')}</option>
          <option value="document">{t('media.kinds.document')}</option>
        </Select>
        <fieldset className="ml-auto flex gap-1">
          <legend className="sr-only">{t('media.view')}</legend>
          {(['grid', 'list'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={view === option}
              aria-label={t(`media.views.${option}`)}
              title={t(`media.views.${option}`)}
              onClick={() => chooseView(option)}
              className={cn(
                'flex h-10 w-10 items-center justify-center rounded-md border',
                view === option
                  ? 'border-brand-600 bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
                  : 'border-zinc-300 dark:border-zinc-700',
              )}
            >
              {option === 'grid' ? <Grid2x2 className="h-4 w-4" /> : <List className="h-4 w-4" />}
            </button>
          ))}
        </fieldset>
      </div>
      {list.isPending || list.isError ? (
        <QueryFallback query={list} />
      ) : list.data.data.length === 0 ? (
        <EmptyState
          icon={<ImageIcon className="h-8 w-8" />}
          title={q || kind ? t('media.noMatch') : t('media.empty')}
          description={q || kind ? undefined : t('media.emptyHelp')}
        />
      ) : view === 'grid' ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
          {list.data.data.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => setOpen(item)}
                className="group block w-full overflow-hidden rounded-md border border-zinc-200 bg-white text-left hover:border-brand-600 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <MediaThumb item={item} alt={item.alt} className="aspect-square w-full" />
                <span className="block truncate px-2 py-1.5 text-xs font-medium">{item.originalName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th className="w-16">
                <span className="sr-only">{t('media.preview')}</span>
              </Th>
              <Th>{t('media.name')}</Th>
              <Th className="hidden md:table-cell">{t('media.type')}</Th>
              <Th className="hidden md:table-cell">{t('media.dimensions')}</Th>
              <Th>{t('media.size')}</Th>
              <Th className="hidden sm:table-cell">{t('media.uploadedAt')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((item) => (
              <tr key={item.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <Td>
                  <MediaThumb item={item} alt="" width={320} className="h-12 w-12 rounded" />
                </Td>
                <Td>
                  <button
                    type="button"
                    onClick={() => setOpen(item)}
                    className="text-left font-medium text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {item.originalName}
                  </button>
                  {item.alt ? null : (
                    <div className="text-xs text-amber-700 dark:text-amber-400">{t('media.noAlt')}</div>
                  )}
                </Td>
                <Td className="hidden md:table-cell">{item.mimeType}</Td>
                <Td className="hidden md:table-cell">
                  {item.width && item.height ? `${item.width} × ${item.height}` : '—'}
                </Td>
                <Td className="whitespace-nowrap">{formatBytes(item.size, locale)}</Td>
                <Td className="hidden sm:table-cell">{formatDate(item.createdAt, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.data ? (
        <Pagination meta={list.data.meta} onPage={(next) => setParam('page', String(next))} />
      ) : null}
      {open ? <MediaDetailsDialog siteId={site.id} item={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
