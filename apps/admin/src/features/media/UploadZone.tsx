import { UploadCloud, X } from 'lucide-react';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { cn } from '../../lib/cn';
import { formatBytes, formatLocale } from '../../lib/format';
import type { UploadItem } from './useUploadQueue';

/**
 * Where files are dropped (or chosen with the button, which is what keyboard and phone users
 * use), and the progress of each upload.
 */
export function UploadZone({
  onFiles,
  items,
  onClear,
  accept,
  children,
}: {
  onFiles(files: FileList): void;
  items: UploadItem[];
  onClear(): void;
  accept?: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const finished = items.some((item) => item.status === 'done' || item.status === 'error');

  return (
    <div>
      <section
        aria-label={t('media.dropZone')}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (event.dataTransfer.files.length > 0) onFiles(event.dataTransfer.files);
        }}
        className={cn(
          'flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm',
          over
            ? 'border-brand-600 bg-brand-50 dark:bg-brand-800/20'
            : 'border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400',
        )}
      >
        <UploadCloud className="h-8 w-8" aria-hidden="true" />
        <p>{t('media.dropHere')}</p>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={accept}
          className="sr-only"
          onChange={(event) => {
            if (event.target.files?.length) onFiles(event.target.files);
            event.target.value = '';
          }}
        />
        <Button variant="primary" onClick={() => input.current?.click()}>
          {t('media.choose')}
        </Button>
        {children}
      </section>
      {items.length > 0 ? (
        <div className="mt-3 space-y-2" aria-live="polite">
          <ul className="space-y-2">
            {items.map((item) => (
              <li
                key={item.key}
                className="rounded-md border border-zinc-200 bg-white p-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate font-medium">{item.name}</span>
                  <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                    {item.status === 'done'
                      ? t('media.uploaded')
                      : item.status === 'error'
                        ? t('media.failed')
                        : `${Math.round(item.progress * 100)} % · ${formatBytes(item.size, locale)}`}
                  </span>
                </div>
                <progress
                  className={cn(
                    'mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-zinc-200 dark:[&::-webkit-progress-bar]:bg-zinc-800',
                    item.status === 'error'
                      ? '[&::-webkit-progress-value]:bg-red-600'
                      : '[&::-webkit-progress-value]:bg-brand-600',
                  )}
                  value={item.status === 'error' ? 1 : item.progress}
                  max={1}
                  aria-label={t('media.progressOf', { name: item.name })}
                />
                {item.error ? <p className="mt-1 text-red-700 dark:text-red-400">{item.error}</p> : null}
              </li>
            ))}
          </ul>
          {finished ? (
            <Button size="sm" variant="ghost" onClick={onClear}>
              <X className="h-4 w-4" aria-hidden="true" />
              {t('media.clearFinished')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
