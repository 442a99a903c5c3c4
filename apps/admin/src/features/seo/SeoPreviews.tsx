import type { MediaRef } from '@swigs/schema';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/config';

/** Cuts a text where a search engine or social network would, with an ellipsis. */
export function truncate(text: string, limit: number): string {
  const chars = [...text];
  return chars.length > limit
    ? `${chars
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`
    : text;
}

export interface PreviewProps {
  siteName: string;
  domain: string;
  path: string;
  title: string;
  description: string;
}

/** How the page may appear in Google's results: address, blue title, grey description. */
export function GooglePreview({ siteName, domain, path, title, description }: PreviewProps) {
  const { t } = useTranslation();
  const breadcrumb = [domain, ...path.split('/').filter(Boolean)].join(' › ');
  return (
    <figure
      aria-label={t('seo.preview.google')}
      className="rounded-lg border border-zinc-200 bg-white p-4 font-[arial,sans-serif] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {t('seo.preview.google')}
      </figcaption>
      <div className="flex items-center gap-2">
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-zinc-100 text-xs font-bold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
          {siteName.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0 leading-tight">
          <p className="truncate text-sm text-zinc-900 dark:text-zinc-100">{siteName}</p>
          <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">https://{breadcrumb}</p>
        </div>
      </div>
      <p data-testid="google-title" className="mt-2 text-xl leading-snug text-[#1a0dab] dark:text-[#8ab4f8]">
        {truncate(title || siteName, 60)}
      </p>
      <p data-testid="google-description" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {description ? truncate(description, 160) : t('seo.preview.noDescription')}
      </p>
    </figure>
  );
}

/** How a shared link may appear on Facebook, LinkedIn or X: image, domain, title, description. */
export function SocialPreview({
  domain,
  title,
  description,
  image,
  large,
}: Omit<PreviewProps, 'path' | 'siteName'> & { image: MediaRef | null; large: boolean }) {
  const { t } = useTranslation();
  const imageUrl = image ? apiUrl((image.variants.find((v) => v.width >= 600) ?? image).url) : null;
  return (
    <figure
      aria-label={t('seo.preview.social')}
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption className="px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        {t('seo.preview.social')}
      </figcaption>
      <div className={large ? 'mt-2' : 'mt-2 flex'}>
        {imageUrl ? (
          <img
            src={imageUrl}
            alt=""
            className={large ? 'aspect-[1.91/1] w-full object-cover' : 'h-28 w-28 shrink-0 object-cover'}
          />
        ) : (
          <div
            className={
              large
                ? 'flex aspect-[1.91/1] w-full items-center justify-center bg-zinc-100 text-sm text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
                : 'flex h-28 w-28 shrink-0 items-center justify-center bg-zinc-100 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
            }
          >
            {t('seo.preview.noImage')}
          </div>
        )}
        <div className="min-w-0 border-t border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950">
          <p className="truncate text-xs uppercase text-zinc-600 dark:text-zinc-400">{domain}</p>
          <p data-testid="social-title" className="mt-0.5 font-semibold">
            {truncate(title, 90)}
          </p>
          <p className="mt-0.5 text-sm text-zinc-700 dark:text-zinc-300">{truncate(description, 200)}</p>
        </div>
      </div>
    </figure>
  );
}
